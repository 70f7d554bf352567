"""A catalogue and its history in our own shape: each value an approved return, each bad input its own message."""

from decimal import Decimal

import pytest

from scorecard.council.models import Period
from scorecard.imports import ImportProblem
from scorecard.imports.history_files import plan_history_import
from scorecard.imports.plans import Outcome
from scorecard.measures.models import Measure, ScorecardEntry, Unit
from scorecard.performance.direction import Direction
from scorecard.reports.profile import build_measure_profile
from scorecard.returns.models import Return, WorkflowState
from tests import factories
from tests.imports.conftest import csv_upload

pytestmark = pytest.mark.django_db

CATALOGUE = ("code", "title", "good_is", "unit", "decimals", "frequency")
HISTORY = ("code", "year", "quarter", "value", "note")
RECYCLED = ("ENV06", "Household waste recycled", "High", "%", "1", "annual")
TRANSACTIONS = ("CM PM15", "Online transactions", "high", "count", "0", "quarterly")


def catalogue(*rows, headings=CATALOGUE):
    return csv_upload("catalogue", headings, rows)


def history(*rows, headings=HISTORY):
    return csv_upload("history", headings, rows)


def planned(by, **files):
    return plan_history_import(by=by, **files)


def problems(found) -> list[str]:
    return [str(problem) for problem in found.problems]


def test_a_catalogue_adds_its_measures(performance):
    found = planned(performance, catalogue=catalogue(RECYCLED, TRANSACTIONS))
    assert found.catalogue.summary == "2 new, 0 changed, 0 unchanged, 0 in error"
    found.commit(performance)
    recycled = Measure.objects.get(code="ENV06")
    assert (recycled.polarity, recycled.unit, recycled.decimals, recycled.frequency) == ("high", "percent", 1, "annual")
    assert recycled.history.get().history_user == performance


def test_a_catalogue_changes_a_measure_held_and_says_what_changed(performance):
    factories.measure(
        "ENV06", title="Household waste recycled", polarity="low", unit=Unit.PERCENT, decimals=1, frequency="annual"
    )
    found = planned(performance, catalogue=catalogue(RECYCLED))
    (row,) = found.catalogue.rows
    assert (row.outcome, row.reasons) == (Outcome.CHANGED, ["good is changed"])


def test_a_catalogue_says_how_values_accumulate_and_an_empty_cell_keeps_what_is_held(performance):
    headings = (*CATALOGUE, "accumulation")
    found = planned(performance, catalogue=catalogue((*RECYCLED, "discrete period"), headings=headings))
    found.commit(performance)
    assert Measure.objects.get(code="ENV06").accumulation == "discrete"
    assert planned(performance, catalogue=catalogue((*RECYCLED, ""), headings=headings)).changes_nothing
    assert planned(performance, catalogue=catalogue(RECYCLED)).changes_nothing


def test_a_new_measure_without_an_accumulation_is_year_to_date(performance):
    planned(performance, catalogue=catalogue(RECYCLED)).commit(performance)
    assert Measure.objects.get(code="ENV06").accumulation == "year_to_date"


def test_an_unknown_accumulation_is_refused(performance):
    found = planned(performance, catalogue=catalogue((*RECYCLED, "weekly sum"), headings=(*CATALOGUE, "accumulation")))
    assert problems(found) == [
        "Row 2, accumulation: “weekly sum” is not a way of accumulating: use year to date, snapshot, discrete period "
        "or rolling 12 months"
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("ENV06", "Recycled", "Upwards", "%", "1", ""), "Row 2, good_is: “Upwards” is not a “good is”: use High, Low"),
        (("ENV06", "Recycled", "High", "tonnes", "1", ""), "Row 2, unit: “tonnes” is not a unit: use count, percent"),
        (("ENV06", "Recycled", "High", "%", "one", ""), "Row 2, decimals: “one” is not a number of decimal places"),
        (("ENV06", "Recycled", "High", "%", "1", "weekly"), "Row 2, frequency: “weekly” is not a frequency"),
        (("ENV06", "", "High", "%", "1", ""), "Row 2, title: Give the measure's title"),
        (("", "Recycled", "High", "%", "1", ""), "Row 2, code: Give the measure's code"),
        (("ENV06", "Recycled", "High", "milestone", "", ""), "Row 2, unit: A milestone has no figures"),
    ],
)
def test_each_bad_catalogue_cell_has_its_own_message(performance, row, message):
    (problem,) = problems(planned(performance, catalogue=catalogue(row)))
    assert problem.startswith(message)


def test_a_code_given_twice_in_a_catalogue_is_refused(performance):
    found = planned(performance, catalogue=catalogue(RECYCLED, ("env 06", "Recycling", "High", "%", "1", "")))
    assert problems(found) == ["Row 3, code: Row 2 is also for “env 06”: give each measure once"]


def test_a_catalogue_without_a_required_column_is_refused(performance):
    with pytest.raises(ImportProblem, match="The file has no “good_is” column"):
        planned(performance, catalogue=catalogue(("ENV06", "Recycled", "%"), headings=("code", "title", "unit")))


@pytest.fixture
def recycled():
    return factories.measure("ENV06", title="Household waste recycled", unit=Unit.PERCENT, decimals=1)


def test_history_becomes_approved_returns_in_closed_published_year_ends(performance, recycled):
    rows = [("ENV06", "2015/16", "", "39.1", ""), ("ENV06", "2016-17", "", "38", "")]
    found = planned(performance, values=history(*rows))
    assert found.values.summary == "2 new, 0 changed, 0 unchanged, 0 in error"
    found.commit(performance)
    returns = Return.objects.filter(measure=recycled).order_by("period__year__start_year")
    assert [(ret.period.label, ret.actual, ret.state) for ret in returns] == [
        ("2015/16 Q4", Decimal("39.1"), WorkflowState.APPROVED),
        ("2016/17 Q4", Decimal("38"), WorkflowState.APPROVED),
    ]
    assert all(period.state == Period.State.CLOSED and period.is_published for period in Period.objects.all())
    assert ScorecardEntry.objects.filter(measure=recycled).count() == 2
    assert returns[0].history.get().history_change_reason == "History imported from history.csv"


def test_history_is_what_the_profile_and_the_direction_of_travel_read(performance, recycled):
    rows = [("ENV06", "2015/16", "", "39.1", ""), ("ENV06", "2016/17", "", "38.04", "provisional")]
    planned(performance, values=history(*rows)).commit(performance)
    points = build_measure_profile(recycled).points
    assert [(point.period, point.actual.text, point.direction) for point in points] == [
        ("2015/16 Q4", "39.1%", Direction.NOT_APPLICABLE),
        ("2016/17 Q4", "38.0% (provisional)", Direction.DETERIORATING),
    ]


def test_a_quarter_can_be_given(performance, recycled):
    planned(performance, values=history(("ENV06", "2016/17", "Q2", "40", ""))).commit(performance)
    assert Return.objects.get().period.label == "2016/17 Q2"


def test_history_may_name_the_measures_its_catalogue_adds(performance):
    found = planned(performance, catalogue=catalogue(RECYCLED), values=history(("ENV06", "2016/17", "", "39", "")))
    assert found.commit(performance) == {"measures": 1, "values": 1}
    assert Return.objects.get().measure.code == "ENV06"


def test_importing_the_same_history_again_changes_nothing(performance, recycled):
    rows = [("ENV06", "2016/17", "", "39.123", "")]
    planned(performance, values=history(*rows)).commit(performance)
    again = planned(performance, values=history(*rows))
    assert again.changes_nothing
    assert again.values.summary == "0 new, 0 changed, 1 unchanged, 0 in error"


def test_a_corrected_value_changes_the_return_and_says_from_what(performance, recycled):
    planned(performance, values=history(("ENV06", "2016/17", "", "39", ""))).commit(performance)
    (row,) = planned(performance, values=history(("ENV06", "2016/17", "", "39.5", ""))).values.rows
    assert (row.outcome, row.reasons) == (Outcome.CHANGED, ["2016/17 Q4 value: 39 → 39.5"])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("ENV06", "2016/18", "", "39", ""), 'Row 2, year: "2016/18" is not a financial year: 2016 is followed by'),
        (("ENV06", "", "", "39", ""), "Row 2, year: Give the financial year, like 2016/17"),
        (("ENV06", "2016/17", "5", "39", ""), "Row 2, quarter: There is no quarter 5 in 2016/17"),
        (("ENV06", "2016/17", "", "about 39", ""), "Row 2, value: “about 39” is not a number"),
        (("ENV06", "2016/17", "", "", ""), "Row 2, value: Give the value; leave the row out if there is none"),
        (("XX 99", "2016/17", "", "39", ""), "Row 2, code: No measure has the code “XX 99”: add it to the catalogue"),
        (("ENV06", "2016/17", "", "=1+1", ""), "Row 2, value: “=1+1” starts with “=”"),
    ],
)
def test_each_bad_history_cell_has_its_own_message(performance, recycled, row, message):
    (problem,) = problems(planned(performance, values=history(row)))
    assert problem.startswith(message)


def test_a_value_given_twice_is_refused(performance, recycled):
    rows = [("ENV06", "2016/17", "", "39", ""), ("ENV06", "2016-17", "4", "38", "")]
    found = planned(performance, values=history(*rows))
    assert problems(found) == ["Row 3, code: Row 2 is also the 2016/17 Q4 value for ENV06: give each once"]


def test_history_stays_out_of_a_quarter_collecting_returns(performance, recycled):
    factories.open_period(2018, 4)
    found = planned(performance, values=history(("ENV06", "2018/19", "", "39", "")))
    assert problems(found) == [
        "Row 2, year: 2018/19 Q4 is open for returns: enter its figures as returns, not as history"
    ]


def test_only_the_performance_team_imports_history(officer, recycled):
    found = planned(officer, catalogue=catalogue(RECYCLED), values=history(("ENV06", "2016/17", "", "39", "")))
    assert problems(found) == [
        "Row 2, code: Only the performance team changes the catalogue of measures",
        "Row 2, code: Only the performance team imports history",
    ]
    with pytest.raises(ImportProblem):
        found.commit(officer)
    assert not Return.objects.exists()


@pytest.mark.parametrize(
    ("unit", "minimum", "value"), [(Unit.DAYS, None, "-14"), (Unit.PERCENT, Decimal(-100), "-12.5")]
)
def test_history_keeps_a_signed_figure_as_published(performance, unit, minimum, value):
    """History is what the council already published: the LGBF itself publishes percentages above 100 and
    negative ones, so the history import records them as published rather than refusing them."""
    measure = factories.measure("WS PM07", title="Days ahead (+) / behind (-)", unit=unit, decimals=1, minimum=minimum)
    found = planned(performance, values=history(("WS PM07", "2016/17", "", value, "")))
    assert found.problems == []
    found.commit(performance)
    assert Return.objects.get(measure=measure).actual == Decimal(value)
