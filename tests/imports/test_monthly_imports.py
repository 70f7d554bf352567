"""Imports into a year collected monthly: a target per month, a return for a month, and the wrong period's
columns refused by name."""

from datetime import datetime

import pytest

from scorecard.council.models import Period
from scorecard.imports import ImportProblem
from scorecard.imports.plans import commit_plan
from scorecard.imports.returns import plan_returns, read_returns_file
from scorecard.imports.scorecard_sheet import plan_scorecard, read_scorecard_file
from scorecard.imports.targets import plan_targets, read_targets_file
from scorecard.imports.template import scorecard_template, targets_template
from scorecard.measures.models import Measure, Target
from tests import factories
from tests.imports.conftest import csv_upload, xlsx_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def monthly():
    return factories.monthly_year(2017)


@pytest.fixture
def visits(monthly):
    measure = factories.measure("CR PM01", title="Visits to the council's website", frequency="monthly")
    factories.entry(measure, monthly)
    return measure


def month_targets(measure) -> dict:
    return {(t.period.month if t.period else "year end"): t.value for t in Target.objects.filter(measure=measure)}


def open_april() -> Period:
    april = factories.month(2017, 1)
    april.state = Period.State.OPEN
    april.save()
    return april


def sheet(year, by, headings, *rows):
    return plan_scorecard(read_scorecard_file(*csv_upload("scorecard", headings, rows)), year, by)


def test_a_monthly_years_scorecard_sheet_sets_a_target_per_month(monthly, performance):
    headings = ("code", "title", "m1_target", "m2_target", "m12_target", "year_end_target")
    plan = sheet(monthly, performance, headings, ["CR PM01", "Visits", "1000", "1100", "1500", "15000"])
    assert plan.problems == [] and "new March target: 1500" in plan.rows[0].reasons
    commit_plan(plan, performance)
    assert month_targets(Measure.objects.get(code="CR PM01")) == {1: 1000, 2: 1100, 12: 1500, "year end": 15000}


def test_a_quarters_target_column_is_refused_by_name_in_a_monthly_year(monthly, performance):
    with pytest.raises(ImportProblem, match="“q1_target”, but 2017/18 is collected monthly: give its targets in m1"):
        sheet(monthly, performance, ("code", "title", "q1_target"), ["CR PM01", "Visits", "1000"])


def test_a_months_target_column_is_refused_by_name_in_a_quarterly_year(performance):
    quarterly = factories.year(2017)
    with pytest.raises(ImportProblem, match="“m1_target”, but 2017/18 is collected quarterly"):
        sheet(quarterly, performance, ("code", "title", "m1_target"), ["CR PM01", "Visits", "1000"])


def test_the_scorecard_template_of_a_monthly_year_has_twelve_month_columns(monthly, visits):
    factories.target(visits, factories.month(2017, 3), 1200)
    template = scorecard_template(monthly)
    months = [heading for heading in template.headings if heading.startswith("m") and heading.endswith("_target")]
    assert months == [f"m{number}_target" for number in range(1, 13)] and "q1_target" not in template.headings
    targets = dict(zip(template.headings, template.rows[0], strict=True))
    assert (targets["m3_target"], targets["m4_target"]) == (1200, "")


def test_a_monthly_years_targets_come_in_by_month(monthly, visits, performance):
    rows = [["CR PM01", "1", "1000"], ["CR PM01", "M2", "1100"], ["CR PM01", "June", "1200"]]
    rows += [["CR PM01", "Jul 2017", "1300"], ["CR PM01", "2017/18 M12", "1500"], ["CR PM01", "year end", "15000"]]
    plan = plan_targets(
        read_targets_file(*csv_upload("targets", ("code", "month", "target"), rows)), monthly, performance
    )
    assert plan.problems == []
    commit_plan(plan, performance)
    assert month_targets(visits) == {1: 1000, 2: 1100, 3: 1200, 4: 1300, 12: 1500, "year end": 15000}


@pytest.mark.parametrize(
    ("month", "reason"),
    [
        ("13", "There is no month 13 in 2017/18: use 1 (April) to 12 (March), or year end"),
        ("Smarch", "“Smarch” is not a month: use 1 (April) to 12 (March), or year end"),
        ("2017/18 Q1", "2017/18 is collected monthly: give a month, 1 (April) to 12 (March), not 2017/18 Q1"),
        ("April 2018", "April 2018 is outside 2017/18, the year being imported"),
    ],
)
def test_a_month_that_is_not_one_of_the_years_says_why(monthly, visits, performance, month, reason):
    file = csv_upload("targets", ("code", "month", "target"), [["CR PM01", month, "1000"]])
    plan = plan_targets(read_targets_file(*file), monthly, performance)
    assert [str(problem) for problem in plan.problems] == [f"Row 2, quarter: {reason}"]


def test_the_targets_template_of_a_monthly_year_lists_each_month(monthly, visits):
    template = targets_template(monthly)
    assert template.headings == ("code", "title", "month", "target")
    assert [row[2] for row in template.rows] == [
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "January",
        "February", "March", "Year end",
    ]  # fmt: skip


def test_a_returns_file_names_its_month_as_councils_write_it(visits, performance):
    april = open_april()
    for written in ("April 2017", "2017/18 M1"):
        rows = read_returns_file(*csv_upload("returns", ("code", "actual", "period"), [["CR PM01", "900", written]]))
        assert plan_returns(rows, april, performance).problems == []


def test_excels_date_for_a_typed_month_reads_as_the_month(visits, performance):
    april = open_april()
    file = xlsx_upload("returns", ("code", "actual", "period"), [["CR PM01", 900, datetime(2017, 4, 1)]])
    assert plan_returns(read_returns_file(*file), april, performance).problems == []


def test_a_returns_file_for_another_month_is_refused(visits, performance):
    april = open_april()
    rows = read_returns_file(*csv_upload("returns", ("code", "actual", "period"), [["CR PM01", "900", "May 2017"]]))
    (problem,) = plan_returns(rows, april, performance).problems
    assert str(problem) == "Row 2, period: May 2017 is not April 2017, the month being imported"
