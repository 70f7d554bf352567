"""Importing a quarter's returns: the dry-run plan, each bad input's own message, permissions, all or nothing."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scorecard.accounts import permissions
from scorecard.council.models import Directorate, Period
from scorecard.imports import ImportProblem, plans
from scorecard.imports.cells import looks_like_a_formula
from scorecard.imports.plans import Outcome, commit_plan
from scorecard.imports.returns import plan_returns, read_returns_file
from scorecard.imports.template import returns_template, template_bytes
from scorecard.measures.models import MeasureAlias, Unit
from scorecard.returns.models import COMMENTARY_LENGTH, Return, WorkflowState
from tests import factories
from tests.imports.conftest import csv_upload, xlsx_upload

pytestmark = pytest.mark.django_db

HEADINGS = ("code", "actual", "forecast", "flag", "note", "context", "improvement_actions", "intervention", "period")


def csv_file(*rows, headings=HEADINGS) -> tuple[str, bytes]:
    return csv_upload("returns", headings, rows)


def xlsx_file(*rows, headings=HEADINGS) -> tuple[str, bytes]:
    return xlsx_upload("returns", headings, rows)


@pytest.fixture
def scorecard(quarter, officer):
    corporate = Directorate.objects.get(name="Corporate Resources")
    people = Directorate.objects.create(name="People Services")
    measures = {
        "online": factories.measure("CM PM15", title="Number of online transactions"),
        "variance": factories.measure("CR PM09", title="Budget variance (£m)", unit=Unit.POUNDS, decimals=1),
        "satisfied": factories.measure("PS PM01", title="Adults satisfied with care", unit=Unit.PERCENT, decimals=1),
        "energy": factories.action("Deliver an Energy Management Policy"),
    }
    measures["energy"].code = "CP A1"
    measures["energy"].save()
    for name, measure in measures.items():
        factories.entry(measure, quarter.year, directorate=people if name == "satisfied" else corporate)
    factories.target(measures["online"], quarter, 60000)
    factories.target(measures["online"], None, 125000, year_of=quarter.year)
    return measures


def planned(file, quarter, by):
    return plan_returns(read_returns_file(*file), quarter, by)


def only_problem(plan) -> str:
    (problem,) = plan.problems
    return str(problem)


# -- the plan and the commit ---------------------------------------------------------------------


def test_a_new_return_is_planned_then_saved_as_a_draft(scorecard, quarter, officer):
    plan = planned(csv_file(["CM PM15", "44745", "125000", "provisional", "", "Up 16.1%"]), quarter, officer)
    (row,) = plan.rows
    assert (row.number, row.outcome) == (2, Outcome.NEW)
    assert row.reasons[:2] == ["new return", "actual: blank → 44745"]
    assert commit_plan(plan, officer) == 1
    ret = Return.objects.get(measure=scorecard["online"], period=quarter)
    assert (ret.actual, ret.forecast, ret.data_flag, ret.context) == (44745, 125000, "provisional", "Up 16.1%")
    assert ret.state == WorkflowState.DRAFT
    assert [(record.history_user, record.history_change_reason) for record in ret.history.all()] == [
        (officer, "Imported")
    ]


def test_a_dry_run_writes_nothing(scorecard, quarter, officer):
    plan = planned(csv_file(["CM PM15", "44745"]), quarter, officer)
    assert plan.summary == "1 new, 0 changed, 0 unchanged, 0 in error"
    assert not Return.objects.exists()
    assert not Return.history.exists()


def test_rows_are_told_apart_as_new_changed_and_unchanged(scorecard, quarter, officer):
    factories.return_for(scorecard["online"], quarter, 44000, state=WorkflowState.DRAFT)
    factories.return_for(scorecard["variance"], quarter, "-0.5", state=WorkflowState.DRAFT)
    plan = planned(csv_file(["CM PM15", "44745"], ["CR PM09", "-0.5"], ["CP A1", "On track"]), quarter, officer)
    assert [row.outcome for row in plan.rows] == [Outcome.CHANGED, Outcome.UNCHANGED, Outcome.NEW]
    assert plan.rows[0].reasons == ["actual: 44000 → 44745"]
    assert plan.rows[1].reasons == ["same as recorded"]


def test_an_empty_cell_leaves_what_is_recorded(scorecard, quarter, officer):
    factories.return_for(scorecard["online"], quarter, 44000, forecast=Decimal(120000), state=WorkflowState.DRAFT)
    commit_plan(planned(csv_file(["CM PM15", "", "", "", "", "New context"]), quarter, officer), officer)
    ret = Return.objects.get(measure=scorecard["online"])
    assert (ret.actual, ret.forecast, ret.context) == (44000, 120000, "New context")


def test_a_sent_back_return_is_changed_and_stays_with_its_owner(scorecard, quarter, officer):
    factories.return_for(scorecard["online"], quarter, 44000, state=WorkflowState.RETURNED)
    commit_plan(planned(csv_file(["CM PM15", "44745"]), quarter, officer), officer)
    ret = Return.objects.get(measure=scorecard["online"])
    assert (ret.actual, ret.state) == (44745, WorkflowState.RETURNED)


def test_an_action_is_reported_in_progress_words(scorecard, quarter, officer):
    commit_plan(planned(csv_file(["CP A1", "some slippage", "On Track"]), quarter, officer), officer)
    ret = Return.objects.get(measure=scorecard["energy"])
    assert (ret.actual_progress, ret.forecast_progress, ret.actual) == ("some_slippage", "on_track", None)


def test_codes_match_whatever_their_spacing_or_case_or_a_former_code(scorecard, quarter, officer):
    MeasureAlias.objects.create(measure=scorecard["variance"], code="FIN 09")
    plan = planned(csv_file(["cmpm15", "1"], ["fin09", "2"]), quarter, officer)
    assert [row.measure for row in plan.rows] == [scorecard["online"], scorecard["variance"]]


def test_a_negative_number_is_a_number_not_a_formula(scorecard, quarter, officer):
    commit_plan(planned(csv_file(["CR PM09", "-0.2", "+1.5"]), quarter, officer), officer)
    ret = Return.objects.get(measure=scorecard["variance"])
    assert (ret.actual, ret.forecast) == (Decimal("-0.2"), Decimal("1.5"))


def test_figures_are_read_as_people_type_them(scorecard, quarter, officer):
    plan = planned(csv_file(["CM PM15", "44,745"], ["PS PM01", "93.5%"], ["CR PM09", "-£1.2"]), quarter, officer)
    assert [row.changes["actual"] for row in plan.rows] == [44745, Decimal("93.5"), Decimal("-1.2")]


def test_blank_rows_are_skipped_and_rows_keep_their_spreadsheet_numbers(scorecard, quarter, officer):
    plan = planned(csv_file(["CM PM15", "1"], [], ["XX 99", "2"]), quarter, officer)
    assert [row.number for row in plan.rows] == [2, 4]
    assert only_problem(plan).startswith("Row 4, code:")


def test_a_column_the_import_does_not_read_is_pointed_out(scorecard, quarter, officer):
    plan = planned(csv_file(["CM PM15", "1", "Title"], headings=("code", "forcast", "title")), quarter, officer)
    assert plan.ignored_columns == ["forcast"]


# -- bad input: each its own message, naming the row and the column ------------------------------


@pytest.fixture
def retired(quarter):
    """A measure that exists but is not in this year's scorecard."""
    return factories.measure("OLD PM01", title="A measure from an earlier year")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["XX 99", "5"], "Row 2, code: No measure has the code “XX 99”"),
        (["OLD PM01", "5"], "Row 2, code: “OLD PM01” is not in the 2017/18 scorecard"),
        (["", "5"], "Row 2, code: Give the measure's code"),
        (["CM PM15", "lots"], "Row 2, actual: “lots” is not a number"),
        (["PS PM01", "", "120"], "Row 2, forecast: A percentage must be between 0 and 100; the file has “120”"),
        (["CM PM15", "-5"], "Row 2, actual: A count cannot be below zero"),
        (["PS PM01", "93.55"], "Row 2, actual: This measure is recorded in up to 1 decimal place"),
        (["CM PM15", "1" + "0" * 12], "Row 2, actual: “1000000000000” is too large to record"),
        (
            ["CM PM15", "=SUM(B3:B9)"],
            "Row 2, actual: “=SUM(B3:B9)” starts with “=”, so a spreadsheet reads it as a formula",
        ),
        (["CM PM15", "", "", "", "", "+cmd|' /C calc'!A0"], "Row 2, context: “+cmd|' /C calc'!A0” starts with “+”"),
        (["CM PM15", "", "", "", "@SUM(1)"], "Row 2, note: “@SUM(1)” starts with “@”"),
        (["CM PM15", "", "", "", "", "", "-Recruited two officers"], "Row 2, improvement_actions: “-Recruited"),
        (["CM PM15", "", "", "maybe"], "Row 2, flag: “maybe” is not a data flag: use one of Final, Provisional"),
        (["CM PM15", "", "", "", "x" * 201], "Row 2, note: This is 201 characters long: the most is 200"),
        (
            ["CP A1", "45"],
            "Row 2, actual: “45” is not a progress word: this is a milestone, so use Completed, On track",
        ),
        (["CM PM15", "On track"], "Row 2, actual: “On track” is not a number"),
        (["CM PM15", "5", "", "", "", "", "", "", "2017/18 Q1"], "Row 2, period: 2017/18 Q1 is not 2017/18 Q2"),
        (["CM PM15", "5", "", "", "", "", "", "", "next week"], 'Row 2, period: "next week" is not a quarter'),
    ],
)
def test_each_bad_input_gets_its_own_message(scorecard, retired, quarter, performance, row, message):
    plan = planned(csv_file(row), quarter, performance)
    assert only_problem(plan).startswith(message)
    assert plan.rows[0].outcome == Outcome.ERROR


def test_every_bad_cell_in_a_row_gets_a_message(scorecard, quarter, performance):
    plan = planned(csv_file(["PS PM01", "lots", "101", "maybe"]), quarter, performance)
    assert [(problem.row, problem.column) for problem in plan.problems] == [(2, "actual"), (2, "forecast"), (2, "flag")]


def test_a_measure_given_twice_is_a_duplicate_row(scorecard, quarter, officer):
    MeasureAlias.objects.create(measure=scorecard["online"], code="CM PM15a")
    plan = planned(csv_file(["CM PM15", "1"], ["CM PM16x", ""], ["CM PM15a", "2"]), quarter, officer)
    assert [str(problem) for problem in plan.problems][-1] == (
        "Row 4, code: Row 2 is also for CM PM15: give each measure once"
    )


def test_a_formula_cell_in_a_workbook_is_refused(scorecard, quarter, officer):
    plan = planned(xlsx_file(["CM PM15", "=B3*2"]), quarter, officer)
    assert only_problem(plan).startswith("Row 2, actual: “=B3*2” starts with “=”")


@pytest.mark.parametrize("file_maker", [csv_file, xlsx_file], ids=["csv", "xlsx"])
def test_csv_and_excel_import_alike(scorecard, quarter, officer, file_maker):
    plan = planned(file_maker(["CM PM15", 44745, "125,000", "Final"], ["CP A1", "Completed"]), quarter, officer)
    assert plan.summary == "2 new, 0 changed, 0 unchanged, 0 in error"
    commit_plan(plan, officer)
    online = Return.objects.get(measure=scorecard["online"])
    assert (online.actual, online.forecast) == (44745, 125000)


# -- the same permissions as the web -------------------------------------------------------------


def test_an_officer_cannot_import_another_directorates_return(scorecard, quarter, officer):
    plan = planned(csv_file(["CM PM15", "1"], ["PS PM01", "93.5"]), quarter, officer)
    assert only_problem(plan) == "Row 3, code: You cannot edit this return."
    assert [row.outcome for row in plan.rows] == [Outcome.NEW, Outcome.ERROR]


def test_an_officer_is_told_a_return_is_not_theirs_even_when_its_figures_are_wrong(scorecard, quarter, officer):
    plan = planned(csv_file(["PS PM01", "120"]), quarter, officer)
    assert [(problem.column, problem.message) for problem in plan.problems] == [
        ("actual", "A percentage must be between 0 and 100; the file has “120”"),
        ("code", "You cannot edit this return."),
    ]


def test_an_officer_may_leave_another_directorates_rows_empty(scorecard, quarter, officer):
    """The template lists the whole scorecard: rows the officer does not fill in are not theirs to change."""
    plan = planned(csv_file(["CM PM15", "1"], ["PS PM01"]), quarter, officer)
    assert plan.summary == "1 new, 0 changed, 1 unchanged, 0 in error"


def test_the_performance_team_imports_any_directorates_returns(scorecard, quarter, performance):
    commit_plan(planned(csv_file(["CM PM15", "1"], ["PS PM01", "93.5"]), quarter, performance), performance)
    assert Return.objects.get(measure=scorecard["satisfied"]).actual == Decimal("93.5")


def test_a_measure_the_officer_owns_is_theirs_to_import_whatever_its_directorate(scorecard, quarter, officer):
    scorecard["satisfied"].owner = officer
    scorecard["satisfied"].save()
    assert planned(csv_file(["PS PM01", "93.5"]), quarter, officer).in_error == 0


def test_a_closed_quarter_takes_no_changes(scorecard, quarter, performance):
    Period.objects.filter(pk=quarter.pk).update(state=Period.State.CLOSED)
    plan = planned(csv_file(["CM PM15", "1"]), quarter, performance)
    assert (
        only_problem(plan) == "Row 2, code: 2017/18 Q2 is closed: its figures and commentary can no longer be changed."
    )


def test_a_submitted_return_is_not_changed_by_an_import(scorecard, quarter, officer):
    factories.return_for(scorecard["online"], quarter, 44000, state=WorkflowState.SUBMITTED)
    plan = planned(csv_file(["CM PM15", "44745"]), quarter, officer)
    assert "This return is submitted" in only_problem(plan)


# -- all rows or none ----------------------------------------------------------------------------


@pytest.fixture
def fifty_measures(quarter):
    measures = [factories.measure(f"BULK {number:03}", title=f"Measure {number}") for number in range(1, 51)]
    for order, measure in enumerate(measures):
        factories.entry(measure, quarter.year, order=order)
    return measures


def test_an_error_in_row_fifty_of_fifty_leaves_the_database_untouched(fifty_measures, quarter, performance):
    rows = [[measure.code, str(number)] for number, measure in enumerate(fifty_measures)]
    rows[-1][1] = "fifty"
    plan = planned(csv_file(*rows), quarter, performance)
    assert plan.summary == "49 new, 0 changed, 0 unchanged, 1 in error"
    assert only_problem(plan).startswith("Row 51, actual:")
    with pytest.raises(ImportProblem, match="1 row is in error, so nothing was imported"):
        commit_plan(plan, performance)
    assert not Return.objects.exists()


def test_a_refusal_during_the_commit_undoes_the_rows_already_written(fifty_measures, quarter, performance):
    plan = planned(csv_file(*[[measure.code, "7"] for measure in fifty_measures]), quarter, performance)
    factories.return_for(fifty_measures[-1], quarter, state=WorkflowState.SUBMITTED)  # submitted meanwhile
    with pytest.raises(ImportProblem, match="Row 51: This return is submitted"):
        commit_plan(plan, performance)
    assert Return.objects.count() == 1
    assert not Return.objects.filter(actual=7).exists()


def test_a_return_saved_by_someone_else_after_the_check_stops_the_import(scorecard, quarter, officer):
    ret = factories.return_for(scorecard["online"], quarter, 44000, state=WorkflowState.DRAFT)
    plan = planned(csv_file(["CR PM09", "1"], ["CM PM15", "44745"]), quarter, officer)
    Return.objects.filter(pk=ret.pk).update(actual=45000, version=ret.version + 1)
    with pytest.raises(ImportProblem, match="Row 3: someone saved the return for CM PM15 after the file was checked"):
        commit_plan(plan, officer)
    assert list(Return.objects.values_list("actual", flat=True)) == [45000]


def test_a_hundred_row_file_commits(quarter, performance):
    measures = [factories.measure(f"HUN {number:03}", title=f"Measure {number}") for number in range(100)]
    for measure in measures:
        factories.entry(measure, quarter.year)
    plan = planned(
        csv_file(*[[measure.code, str(number)] for number, measure in enumerate(measures)]), quarter, performance
    )
    assert commit_plan(plan, performance) == 100
    assert Return.objects.filter(period=quarter).count() == 100


def test_checking_a_file_reads_as_much_for_three_rows_as_for_thirty(fifty_measures, quarter, officer):
    for measure in fifty_measures:
        measure.entries.update(directorate=Directorate.objects.get(name="Corporate Resources"))
    permissions.roles(officer)  # read once per person, on first asking
    factories.organisation()  # made once per database, on first asking
    counted = []
    for measures in (fifty_measures[:3], fifty_measures[3:33]):
        with CaptureQueriesContext(connection) as queries:
            plan = planned(csv_file(*[[measure.code, "7"] for measure in measures]), quarter, officer)
        assert plan.in_error == 0
        counted.append(len(queries.captured_queries))
    assert counted[0] == counted[1]


def test_progress_is_reported_as_rows_are_checked_and_written(scorecard, quarter, performance, monkeypatch):
    monkeypatch.setattr(plans, "PROGRESS_EVERY", 2)
    checked, written = [], []
    rows = read_returns_file(*csv_file(["CM PM15", "1"], ["CR PM09", "2"], ["PS PM01", "3"]))
    plan = plan_returns(rows, quarter, performance, progress=lambda done, total: checked.append((done, total)))
    commit_plan(plan, performance, progress=lambda done, total: written.append((done, total)))
    assert checked == written == [(2, 3), (3, 3)]


# -- the template --------------------------------------------------------------------------------


def test_the_template_lists_the_years_measures_with_their_targets(scorecard, quarter):
    lines = template_bytes(returns_template(quarter), "csv").decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "code,title,quarter_target,year_end_target,actual,forecast,flag,note,numerator,denominator,context,"
        "improvement_actions,intervention"
    )
    assert lines[1] == "CM PM15,Number of online transactions,60000,125000,,,,,,,,,"
    assert [line.split(",")[0] for line in lines[1:]] == ["CM PM15", "CR PM09", "PS PM01", "CP A1"]


def test_the_template_uses_this_years_code_and_title(scorecard, quarter):
    scorecard["online"].entries.update(code="CM PM15b", title="Online transactions (all channels)")
    template = template_bytes(returns_template(quarter), "csv").decode("utf-8-sig")
    assert "CM PM15b,Online transactions (all channels)" in template


def test_a_filled_in_excel_template_imports(scorecard, quarter, officer):
    scorecard["online"].entries.update(code="CM PM15b")
    workbook = openpyxl.load_workbook(io.BytesIO(template_bytes(returns_template(quarter), "xlsx")))
    sheet = workbook.active
    assert [cell.value for cell in sheet[2]][:4] == ["CM PM15b", "Number of online transactions", 60000, 125000]
    sheet["E2"], sheet["G2"], sheet["E5"] = 44745, "Provisional", "On track"
    output = io.BytesIO()
    workbook.save(output)
    plan = planned(("returns.xlsx", output.getvalue()), quarter, officer)
    assert (plan.summary, plan.ignored_columns) == ("2 new, 0 changed, 2 unchanged, 0 in error", [])
    commit_plan(plan, officer)
    assert Return.objects.get(measure=scorecard["online"]).data_flag == "provisional"


def test_a_bullet_point_in_commentary_is_text_not_a_formula():
    assert not looks_like_a_formula("- Recruited two officers")
    assert looks_like_a_formula("-Recruited")


# -- units that fit real measures (issue 11 §4) --------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "minimum", "maximum", "value", "refused_as"),
    [
        (Unit.DAYS, Decimal(-365), Decimal(365), "-14", "Row 2, actual: Days cannot be below zero"),
        (Unit.PERCENT, Decimal(-100), None, "-12.5", "Row 2, actual: A percentage must be between 0 and 100"),
    ],
)
def test_a_signed_figure_imports_once_its_measure_widens_its_range(
    quarter, performance, unit, minimum, maximum, value, refused_as
):
    measure = factories.measure("WS PM07", title="Waste collections (days ahead / behind)", unit=unit, decimals=1)
    factories.entry(measure, quarter.year)
    assert only_problem(planned(csv_file(["WS PM07", value]), quarter, performance)).startswith(refused_as)
    measure.minimum, measure.maximum = minimum, maximum
    measure.save()
    plan = planned(csv_file(["WS PM07", value]), quarter, performance)
    assert plan.problems == []
    commit_plan(plan, performance)
    assert Return.objects.get(measure=measure).actual == Decimal(value)


def test_a_figure_beyond_the_measures_own_range_names_the_range(quarter, performance):
    measure = factories.measure("WS PM08", title="Reduction in missed bins", unit=Unit.PERCENT, minimum=-100)
    factories.entry(measure, quarter.year)
    assert only_problem(planned(csv_file(["WS PM08", "-150"]), quarter, performance)) == (
        "Row 2, actual: A percentage must be between −100 and 100; the file has “-150”"
    )


def test_commentary_longer_than_the_limit_is_a_problem_against_its_column(scorecard, quarter, officer):
    plan = planned(csv_file(["CM PM15", "", "", "", "", "x" * (COMMENTARY_LENGTH + 1)]), quarter, officer)
    assert only_problem(plan) == "Row 2, context: This is 4,001 characters long: the most is 4,000"


@pytest.mark.parametrize("file", [csv_file, xlsx_file])
def test_bulleted_commentary_imports_as_text(scorecard, quarter, officer, file):
    bullets = "- Recruited two officers\n- Trained them"
    plan = planned(file(["CM PM15", "", "", "", "", bullets]), quarter, officer)
    assert not plan.problems
    commit_plan(plan, officer)
    assert Return.objects.get().context == bullets


def test_bulleted_commentary_in_the_excel_template_imports_as_written(scorecard, quarter, officer):
    template = returns_template(quarter)
    workbook = openpyxl.load_workbook(io.BytesIO(template_bytes(template, "xlsx")))
    sheet = workbook.active
    context = [cell.value for cell in sheet[1]].index("context") + 1
    sheet.cell(2, context, "- Recruited two officers").quotePrefix = True
    output = io.BytesIO()
    workbook.save(output)
    plan = planned(("returns.xlsx", output.getvalue()), quarter, officer)
    assert [row.changes for row in plan.rows if row.changes] == [{"context": "- Recruited two officers"}]


def test_checking_many_unknown_codes_reads_every_measures_codes_once(
    scorecard, quarter, officer, django_assert_max_num_queries
):
    planned(csv_file(["XX 1", "1"]), quarter, officer)
    with django_assert_max_num_queries(20) as few:
        planned(csv_file(["XX 1", "1"]), quarter, officer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        plan = planned(csv_file(*[[f"XX {number}", "1"] for number in range(200)]), quarter, officer)
    assert plan.in_error == 200


# -- the organisation's commentary rule ----------------------------------------------------------


def keeping(commentary: str) -> None:
    settings = factories.organisation()
    settings.commentary = commentary
    settings.save()


def template_headings(quarter) -> str:
    return template_bytes(returns_template(quarter), "csv").decode("utf-8-sig").splitlines()[0]


@pytest.mark.parametrize(
    ("commentary", "columns"),
    [
        ("three", "note,numerator,denominator,context,improvement_actions,intervention"),
        ("one", "note,numerator,denominator,commentary"),
        ("none", "note,numerator,denominator"),
    ],
)
def test_the_template_has_the_commentary_the_organisation_keeps(scorecard, quarter, commentary, columns):
    keeping(commentary)
    assert template_headings(quarter) == f"code,title,quarter_target,year_end_target,actual,forecast,flag,{columns}"


def test_one_note_imports_from_the_commentary_column_as_the_return_form_keeps_it(scorecard, quarter, officer):
    keeping("one")
    file = csv_file(["CM PM15", "44745", "Up 16.1%"], headings=("code", "actual", "commentary"))
    plan = planned(file, quarter, officer)
    assert (plan.problems, plan.ignored_columns) == ([], [])
    assert plan.rows[0].reasons[1:] == ["actual: blank → 44745", "Commentary added"]
    commit_plan(plan, officer)
    assert Return.objects.get(measure=scorecard["online"]).context == "Up 16.1%"


@pytest.mark.parametrize(
    ("commentary", "column", "refused_as"),
    [
        ("one", "improvement_actions", "The organisation keeps one note per return: write it under commentary"),
        ("three", "commentary", "The organisation keeps three commentaries: write them under context, "),
        ("none", "context", "The organisation keeps no commentary with returns"),
    ],
)
def test_a_filled_commentary_column_the_organisation_does_not_keep_is_an_error_naming_it(
    scorecard, quarter, officer, commentary, column, refused_as
):
    keeping(commentary)
    plan = planned(csv_file(["CM PM15", "44745", "Words"], headings=("code", "actual", column)), quarter, officer)
    assert only_problem(plan).startswith(f"Row 2, {column}: {refused_as}")


def test_a_blank_commentary_column_the_organisation_does_not_keep_is_listed_as_not_imported(
    scorecard, quarter, officer
):
    keeping("one")
    plan = planned(csv_file(["CM PM15", "44745"]), quarter, officer)
    assert plan.problems == []
    assert plan.ignored_columns == ["context", "improvement_actions", "intervention"]


# -- a percentage's numerator and denominator ------------------------------------------------------

FRACTION_HEADINGS = ("code", "actual", "numerator", "denominator")


def test_a_percentages_numerator_and_denominator_are_imported(scorecard, quarter, performance):
    plan = planned(csv_file(["PS PM01", "85", "1700", "2000"], headings=FRACTION_HEADINGS), quarter, performance)
    commit_plan(plan, performance)
    ret = Return.objects.get(measure=scorecard["satisfied"], period=quarter)
    assert (ret.actual, ret.numerator, ret.denominator) == (85, 1700, 2000)


def test_a_numerator_above_its_denominator_names_the_row_and_nothing_is_imported(scorecard, quarter, performance):
    rows = [["CM PM15", "44745", "", ""], ["PS PM01", "85", "2100", "2000"]]
    plan = planned(csv_file(*rows, headings=FRACTION_HEADINGS), quarter, performance)
    assert only_problem(plan) == ("Row 3, numerator: The numerator (2100) cannot be larger than the denominator (2000)")
    with pytest.raises(ImportProblem):
        commit_plan(plan, performance)
    assert not Return.objects.filter(period=quarter).exists()


def test_a_numerator_without_its_denominator_is_named(scorecard, quarter, performance):
    plan = planned(csv_file(["PS PM01", "85", "1700", ""], headings=FRACTION_HEADINGS), quarter, performance)
    assert "Enter the denominator too, or neither" in only_problem(plan)
