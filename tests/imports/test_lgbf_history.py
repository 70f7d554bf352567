"""Acceptance: the real LGBF files, the whole values file, for Aberdeen City; loaded once for the module.

The figures checked by hand come from lgbf_values.csv: ENV06 (recycling, Descending so high is good)
0.5 in 2019-20 and 0.456 in 2020-21; ECON12a (claimant count, Ascending so low is good) 0.0335 in
2022-23 and 0.031222222 in 2023-24; ENV07a's 3-year aggregate 2012-15 is 0.803333333.
"""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from scorecard.accounts.models import User
from scorecard.council.models import FinancialYear, Period
from scorecard.imports.history_files import plan_history_import
from scorecard.imports.plans import Outcome
from scorecard.measures.models import Measure
from scorecard.performance.direction import Direction
from scorecard.reports.profile import build_measure_profile
from scorecard.returns.models import Return
from tests import factories

LGBF = Path(settings.BASE_DIR).parent / "shared" / "data" / "lgbf"
ROWS_IN_THE_FILE = 35_467


def lgbf_files() -> dict:
    if not LGBF.is_dir():
        pytest.fail(f"the LGBF data is not in {LGBF}: the acceptance tests need shared/ beside the clone")
    return {
        name: (path.name, path.read_bytes())
        for name, path in (("catalogue", LGBF / "lgbf_indicators.csv"), ("values", LGBF / "lgbf_values.csv"))
    }


def plan_aberdeen(by):
    return plan_history_import(by=by, source="lgbf", council="Aberdeen City", **lgbf_files())


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The first import's plan, committed; rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        performance = factories.person("performance", "performance_team")
        found = plan_aberdeen(performance)
        found.commit(performance)
        yield found
        transaction.set_rollback(True)


@pytest.fixture
def aberdeen(loaded, db):
    return loaded


def test_every_row_of_the_whole_file_is_accounted_for(aberdeen):
    values = aberdeen.values
    classes = [values.counted(outcome) for outcome in Outcome] + [aberdeen.other_councils, len(aberdeen.unplaceable)]
    assert aberdeen.total == sum(classes) == ROWS_IN_THE_FILE
    assert (values.in_error, aberdeen.catalogue.in_error) == (0, 0)
    assert values.counted(Outcome.NEW) == Return.objects.count() == 1_126
    assert [(row.number, row.reason) for row in aberdeen.unplaceable] == [
        (35_468, "the row is empty: no council, indicator or year")
    ]


def test_the_catalogue_holds_the_108_indicators_with_their_polarity(aberdeen):
    polarities = dict(Measure.objects.values_list("code", "polarity"))
    assert len(polarities) == 108
    assert (polarities["ENV06"], polarities["ECON12a"]) == ("high", "low")
    goldilocks = sorted(code for code, polarity in polarities.items() if polarity == "none")
    assert goldilocks == ["CORP03b", "CORP03c", "CORP11", "CORP12"]


def test_fourteen_years_of_values_are_held_in_closed_published_year_ends(aberdeen):
    years = [year.label for year in FinancialYear.objects.all()]
    assert years == [f"{start}/{(start + 1) % 100:02d}" for start in range(2010, 2024)]
    assert all(p.quarter == 4 and p.state == "closed" and p.is_published for p in Period.objects.all())


def test_the_profile_shows_every_year_and_the_direction_of_travel(aberdeen):
    profile = build_measure_profile(Measure.objects.get(code="ENV06"))
    points = {point.period: point for point in profile.points}
    assert len(points) == 13  # 2010/11 to 2022/23: the LGBF has no 2023/24 figure for recycling
    assert (points["2019/20 Q4"].actual.text, points["2020/21 Q4"].actual.text) == ("50.0%", "45.6%")
    assert points["2020/21 Q4"].direction == Direction.DETERIORATING  # high is good, 50.0% → 45.6%
    assert points["2010/11 Q4"].direction == Direction.NOT_APPLICABLE  # nothing earlier to compare with


def test_low_is_good_improves_as_it_falls(aberdeen):
    profile = build_measure_profile(Measure.objects.get(code="ECON12a"))
    latest = profile.points[-1]
    assert (latest.period, latest.actual.value, latest.direction) == (
        "2023/24 Q4",
        Decimal("3.122222"),  # 0.031222222 as a percentage, kept to six places
        Direction.IMPROVING,  # 3.4% → 3.1%
    )


def test_a_goldilocks_indicator_has_no_direction(aberdeen):
    profile = build_measure_profile(Measure.objects.get(code="CORP03b"))
    assert {point.direction for point in profile.points} == {Direction.NOT_APPLICABLE}


def test_an_aggregate_is_placed_on_its_last_year_and_says_so(aberdeen):
    ret = Return.objects.get(measure__code="ENV07a", period__year__start_year=2014)
    assert (ret.actual, ret.data_note) == (Decimal("80.333333"), "2012-15 aggregate")


def test_importing_the_files_again_changes_nothing(aberdeen):
    again = plan_aberdeen(User.objects.get(username="performance"))
    assert again.changes_nothing
    assert again.values.counted(Outcome.UNCHANGED) == 1_126
