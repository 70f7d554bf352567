"""Importing a year's targets: quarters and year end, each bad input's own message, the performance team only."""

import io
from decimal import Decimal

import openpyxl
import pytest

from scorecard.imports import ImportProblem
from scorecard.imports.plans import Outcome, commit_plan
from scorecard.imports.targets import plan_targets, read_targets_file
from scorecard.imports.template import targets_template, template_bytes
from scorecard.measures.models import Target, Unit
from tests import factories
from tests.imports.conftest import csv_upload, xlsx_upload

pytestmark = pytest.mark.django_db

HEADINGS = ("code", "quarter", "target")


def csv_file(*rows, headings=HEADINGS) -> tuple[str, bytes]:
    return csv_upload("targets", headings, rows)


def xlsx_file(*rows, headings=HEADINGS) -> tuple[str, bytes]:
    return xlsx_upload("targets", headings, rows)


@pytest.fixture
def year():
    return factories.year(2017)


@pytest.fixture
def scorecard(year):
    measures = {
        "online": factories.measure("CM PM15", title="Number of online transactions"),
        "satisfied": factories.measure("PS PM01", title="Adults satisfied with care", unit=Unit.PERCENT, decimals=1),
        "policy": factories.measure("CP M1", title="Energy policy adopted", unit=Unit.MILESTONE, polarity="none"),
    }
    for measure in measures.values():
        factories.entry(measure, year)
    return measures


def planned(file, year, by):
    return plan_targets(read_targets_file(*file), year, by)


def target_of(measure, quarter=None):
    return Target.objects.get(measure=measure, period__quarter=quarter) if quarter else measure.targets.get(period=None)


def test_quarterly_and_year_end_targets_are_set(scorecard, year, performance):
    rows = [["CM PM15", "1", "30000"], ["CM PM15", "Q2", "60000"], ["CM PM15", "Quarter 3", "90000"]]
    rows += [["CM PM15", "2017/18 Q4", "120000"], ["CM PM15", "Year end", "125,000"]]
    plan = planned(csv_file(*rows), year, performance)
    assert plan.summary == "5 new, 0 changed, 0 unchanged, 0 in error"
    assert plan.rows[4].reasons == ["new year-end target: 125000"]
    assert commit_plan(plan, performance) == 5
    assert [target_of(scorecard["online"], quarter).value for quarter in (1, 2, 3, 4, None)] == [
        30000,
        60000,
        90000,
        120000,
        125000,
    ]
    assert target_of(scorecard["online"]).history.first().history_user == performance


def test_a_dry_run_writes_nothing(scorecard, year, performance):
    planned(csv_file(["CM PM15", "2", "60000"]), year, performance)
    assert not Target.objects.exists()


def test_rows_are_told_apart_as_new_unchanged_or_an_amendment_to_make_on_a_return(scorecard, year, performance):
    q2 = factories.period(2017, 2)
    factories.target(scorecard["online"], q2, 60000)
    factories.target(scorecard["satisfied"], None, "93.5", year_of=year)
    rows = [["PS PM01", "year end", "93.5"], ["PS PM01", "2", "90"]]
    plan = planned(csv_file(*rows), year, performance)
    assert [row.outcome for row in plan.rows] == [Outcome.UNCHANGED, Outcome.NEW]
    changing = planned(csv_file(["CM PM15", "2", "62000"]), year, performance)
    assert changing.rows[0].outcome is Outcome.ERROR
    (problem,) = changing.rows[0].problems
    assert problem.column == "target"
    assert "already set: amend it on a return's page, with the reason and who approved it" in problem.message


def test_a_milestone_target_is_a_progress_word(scorecard, year, performance):
    commit_plan(planned(csv_file(["CP M1", "year end", "Completed"]), year, performance), performance)
    target = target_of(scorecard["policy"])
    assert (target.value, target.progress) == (None, "completed")


@pytest.mark.parametrize("file_maker", [csv_file, xlsx_file], ids=["csv", "xlsx"])
def test_csv_and_excel_import_alike(scorecard, year, performance, file_maker):
    plan = planned(file_maker(["CM PM15", 2, 60000], ["PS PM01", "year end", 93.5]), year, performance)
    commit_plan(plan, performance)
    assert (target_of(scorecard["online"], 2).value, target_of(scorecard["satisfied"]).value) == (
        60000,
        Decimal("93.5"),
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["CM PM15", "5", "100"], "Row 2, quarter: There is no quarter 5 in 2017/18: use 1 to 4, or year end"),
        (["CM PM15", "2016/17 Q2", "100"], "Row 2, quarter: 2016/17 Q2 is outside 2017/18, the year being imported"),
        (["CM PM15", "soon", "100"], "Row 2, quarter: “soon” is not a quarter"),
        (["CM PM15", "", "100"], "Row 2, quarter: Give the quarter"),
        (["CM PM15", "2", "lots"], "Row 2, target: “lots” is not a number"),
        (["CM PM15", "2", "-1"], "Row 2, target: A count cannot be below zero"),
        (["PS PM01", "2", "120"], "Row 2, target: A percentage must be between 0 and 100"),
        (["CP M1", "2", "45"], "Row 2, target: “45” is not a progress word"),
        (["XX 99", "2", "100"], "Row 2, code: No measure has the code “XX 99”"),
        (
            ["CM PM15", "2", "=C3*1.1"],
            "Row 2, target: “=C3*1.1” starts with “=”, so a spreadsheet reads it as a formula",
        ),
        (["@CM PM15", "2", "100"], "Row 2, code: “@CM PM15” starts with “@”"),
    ],
)
def test_each_bad_input_gets_its_own_message(scorecard, year, performance, row, message):
    plan = planned(csv_file(row), year, performance)
    (problem,) = plan.problems
    assert str(problem).startswith(message)


def test_a_measure_and_quarter_given_twice_is_a_duplicate_row(scorecard, year, performance):
    plan = planned(csv_file(["CM PM15", "2", "1"], ["CM PM15", "1", "1"], ["CM PM15", "Q2", "2"]), year, performance)
    (problem,) = plan.problems
    assert str(problem) == "Row 4, code: Row 2 is also the Q2 target for CM PM15: give each once"


def test_only_the_performance_team_sets_targets(scorecard, year, officer):
    plan = planned(csv_file(["CM PM15", "2", "60000"]), year, officer)
    (problem,) = plan.problems
    assert str(problem) == "Row 2, target: Only the performance team sets targets"
    with pytest.raises(ImportProblem):
        commit_plan(plan, officer)
    assert not Target.objects.exists()


def test_an_officer_is_told_targets_are_not_theirs_even_when_a_target_is_wrong(scorecard, year, officer):
    plan = planned(csv_file(["PS PM01", "2", "120"], ["PS PM01", "year end", "lots"]), year, officer)
    assert [(problem.row, problem.column) for problem in plan.problems] == [
        (2, "target"),
        (2, "target"),
        (3, "target"),
        (3, "target"),
    ]
    assert plan.problems[1].message == "Only the performance team sets targets"


def test_an_error_in_the_last_row_leaves_the_targets_untouched(scorecard, year, performance):
    rows = [["CM PM15", quarter, "100"] for quarter in ("1", "2", "3", "4", "year end")] + [["PS PM01", "2", "101"]]
    plan = planned(csv_file(*rows), year, performance)
    with pytest.raises(ImportProblem, match="1 row is in error, so nothing was imported"):
        commit_plan(plan, performance)
    assert not Target.objects.exists()


def test_a_target_changed_after_the_check_stops_the_import(scorecard, year, performance):
    plan = planned(csv_file(["PS PM01", "2", "90"], ["CM PM15", "year end", "125000"]), year, performance)
    factories.target(scorecard["online"], None, 120000, year_of=year)
    with pytest.raises(ImportProblem, match="Row 3: the year-end target for CM PM15 was changed after the file"):
        commit_plan(plan, performance)
    assert list(Target.objects.values_list("value", flat=True)) == [120000]


def test_a_blank_target_sets_nothing(scorecard, year, performance):
    plan = planned(csv_file(["CM PM15", "2", ""], ["CM PM15", "3", "90000"]), year, performance)
    assert plan.summary == "1 new, 0 changed, 1 unchanged, 0 in error"
    assert plan.rows[0].reasons == ["no target given: nothing to set"]


def test_a_blank_target_with_a_bad_code_is_still_in_error(scorecard, year, performance):
    (problem,) = planned(csv_file(["XX 99", "2", ""]), year, performance).problems
    assert str(problem) == "Row 2, code: No measure has the code “XX 99”"


# -- the template --------------------------------------------------------------------------------


def test_the_targets_template_lists_each_measures_quarters_with_the_targets_set(scorecard, year):
    factories.target(scorecard["online"], factories.period(2017, 2), 60000)
    factories.target(scorecard["policy"], None, year_of=year, progress="completed")
    lines = template_bytes(targets_template(year), "csv").decode("utf-8-sig").splitlines()
    assert lines[0] == "code,title,quarter,target"
    assert lines[1:6] == [
        "CM PM15,Number of online transactions,Q1,",
        "CM PM15,Number of online transactions,Q2,60000",
        "CM PM15,Number of online transactions,Q3,",
        "CM PM15,Number of online transactions,Q4,",
        "CM PM15,Number of online transactions,Year end,",
    ]
    assert lines[-1] == "CP M1,Energy policy adopted,Year end,Completed"
    assert len(lines) == 1 + 3 * 5


def test_a_filled_in_excel_targets_template_imports(scorecard, year, performance):
    factories.target(scorecard["online"], factories.period(2017, 2), 60000)
    workbook = openpyxl.load_workbook(io.BytesIO(template_bytes(targets_template(year), "xlsx")))
    sheet = workbook.active
    assert [cell.value for cell in sheet[3]] == ["CM PM15", "Number of online transactions", "Q2", 60000]
    sheet["D6"], sheet["D11"] = 125000, 90
    output = io.BytesIO()
    workbook.save(output)
    plan = planned(("targets.xlsx", output.getvalue()), year, performance)
    assert (plan.summary, plan.ignored_columns) == ("2 new, 0 changed, 13 unchanged, 0 in error", [])
    commit_plan(plan, performance)
    assert (target_of(scorecard["online"]).value, target_of(scorecard["satisfied"]).value) == (125000, 90)


def test_a_negative_target_imports_once_its_measure_allows_it(scorecard, year, performance):
    """A "% reduction" aiming at a rise of no more than 5% has a target of -5."""
    reduction = factories.measure("WS PM08", title="Reduction in missed bins", unit=Unit.PERCENT, decimals=1)
    factories.entry(reduction, year)
    (problem,) = planned(csv_file(["WS PM08", "Year end", "-5"]), year, performance).problems
    assert str(problem).startswith("Row 2, target: A percentage must be between 0 and 100")
    reduction.minimum = Decimal(-100)
    reduction.save()
    plan = planned(csv_file(["WS PM08", "Year end", "-5"]), year, performance)
    commit_plan(plan, performance)
    assert target_of(reduction).value == Decimal(-5)
