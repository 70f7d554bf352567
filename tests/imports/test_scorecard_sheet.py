"""The year's scorecard from one sheet: measures, places, targets, owners and approvers, all rows or none."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scorecard.accounts.models import Role, RoleAssignment, User
from scorecard.council.models import Directorate, Perspective, Pledge, Portfolio, Priority
from scorecard.imports import ImportProblem
from scorecard.imports.plans import Outcome, commit_plan
from scorecard.imports.scorecard_sheet import COLUMNS, plan_scorecard, read_scorecard_file
from scorecard.imports.sheet_words import MEANINGS, MONTH_TARGETS_EXPLAINED
from scorecard.measures.models import Measure, MeasureAlias, ScorecardEntry, Target, Unit
from tests import factories
from tests.imports.conftest import csv_upload, xlsx_upload

pytestmark = pytest.mark.django_db

SAMPLE = Path(settings.BASE_DIR) / "docs" / "examples" / "district-scorecard.csv"
HEADINGS = ("code", "title", "directorate", "owner", "unit", "q1_target", "year_end_target")


@pytest.fixture
def year():
    return factories.year(2014)


def planned(year, by, *rows, headings=HEADINGS):
    return plan_scorecard(read_scorecard_file(*csv_upload("scorecard", headings, rows)), year, by)


def problems(plan) -> list[str]:
    return [str(problem) for problem in plan.problems]


def only_problem(year, by, row, headings=HEADINGS) -> str:
    plan = planned(year, by, row, headings=headings)
    assert plan.in_error == 1, plan.rows[0].reasons
    (problem,) = problems(plan)
    return problem


# -- a whole council's scorecard -------------------------------------------------------------------


def test_the_district_councils_sample_imports_cleanly(year, performance, django_capture_on_commit_callbacks):
    plan = plan_scorecard(read_scorecard_file(SAMPLE.name, SAMPLE.read_bytes()), year, performance)
    assert plan.problems == []
    assert plan.summary == "40 new, 0 changed, 0 unchanged, 0 in error"
    with django_capture_on_commit_callbacks(execute=True):
        commit_plan(plan, performance)
    assert ScorecardEntry.objects.filter(year=year).count() == 40
    assert Directorate.objects.count() == 8
    assert User.objects.filter(email__endswith="@fernmoor.gov.uk").count() == 16
    assert len(mail.outbox) == 16  # each new person is invited once
    assert Target.objects.filter(year=year).count() == 40 * 5 - 3 * 4  # three annual measures have no quarters
    again = plan_scorecard(read_scorecard_file(SAMPLE.name, SAMPLE.read_bytes()), year, performance)
    assert again.summary == "0 new, 0 changed, 40 unchanged, 0 in error"


def test_a_row_creates_its_measure_its_place_its_targets_and_its_people(year, performance):
    headings = COLUMNS
    row = [
        "HSG 04", "Homelessness prevented", "measure", "Housing", "a.kowalski@example.gov.uk", "performance",
        "High", "percent", "", "1", "0", "100", "quarterly", "year to date", "previous period", "60", "", "",
        "", "62.5", "Good Homes", "Preventing homelessness", "Community", "Housing; Leader", "NI 156; HSG4",
    ]  # fmt: skip
    plan = planned(year, performance, row, headings=headings)
    assert plan.created_first == [
        "New directorate: Housing",
        "New pledge: Good Homes",
        "New priority: Preventing homelessness (under Good Homes)",
        "New perspective: Community",
        "New portfolio: Housing",
        "New portfolio: Leader",
        "New person to invite: a.kowalski@example.gov.uk",
    ]
    commit_plan(plan, performance)
    measure = Measure.objects.get(code="HSG 04")
    assert (measure.unit, measure.decimals, measure.comparison) == (Unit.PERCENT, 1, "previous_period")
    assert (measure.minimum, measure.maximum) == (0, 100)
    assert measure.owner.email == "a.kowalski@example.gov.uk"
    assert sorted(MeasureAlias.objects.values_list("code", flat=True)) == ["HSG4", "NI 156"]
    entry = ScorecardEntry.objects.get(year=year, measure=measure)
    assert (entry.order, entry.directorate.name, entry.priority.pledge.name) == (1, "Housing", "Good Homes")
    assert sorted(entry.portfolios.values_list("name", flat=True)) == ["Housing", "Leader"]
    assert entry.perspective.name == "Community"
    targets = {(target.period.quarter if target.period else None): target.value for target in measure.targets.all()}
    assert targets == {1: Decimal(60), None: Decimal("62.5")}
    housing = Directorate.objects.get(name="Housing")
    assert RoleAssignment.objects.filter(user=measure.owner, role=Role.MEASURE_OWNER, directorate=housing).exists()
    assert RoleAssignment.objects.filter(user=performance, role=Role.DIRECTORATE_APPROVER, directorate=housing).exists()
    assert measure.history.first().history_user == performance


def test_blank_cells_keep_what_is_held_and_a_changed_cell_says_so(year, performance):
    held = factories.measure("CM PM15", unit=Unit.PERCENT, decimals=1, frequency="monthly")
    factories.entry(held, year, order=1)
    plan = planned(year, performance, ["CM PM15", "Online transactions", "", "", "", "", ""])
    assert plan.summary == "0 new, 1 changed, 0 unchanged, 0 in error"
    assert plan.rows[0].reasons == ["title: Online transactions"]
    commit_plan(plan, performance)
    held.refresh_from_db()
    assert (held.title, held.unit, held.decimals, held.frequency) == ("Online transactions", "percent", 1, "monthly")


def test_a_measure_is_found_by_an_alias_and_takes_the_new_code(year, performance):
    held = factories.measure("CM PM11")
    headings = ("code", "title", "aliases")
    commit_plan(planned(year, performance, ["CS 04", "Online", "CM PM11"], headings=headings), performance)
    held.refresh_from_db()
    assert held.code == "CS 04"
    assert list(held.aliases.values_list("code", flat=True)) == ["CM PM11"]
    assert ScorecardEntry.objects.filter(year=year, measure=held).exists()


def test_a_held_measure_not_yet_in_the_year_is_new_to_its_scorecard(year, performance):
    factories.measure("CM PM15", title="Number of online transactions")
    plan = planned(year, performance, ["cm pm15", "Number of online transactions", "", "", "", "", ""])
    assert plan.rows[0].outcome == Outcome.NEW
    assert plan.rows[0].reasons == ["added to 2014/15's scorecard, place 1"]


def test_an_action_takes_progress_words_as_targets(year, performance):
    headings = ("code", "title", "kind", "q4_target")
    plan = planned(year, performance, ["CP 1", "Adopt a climate plan", "action", "Completed"], headings=headings)
    commit_plan(plan, performance)
    action = Measure.objects.get(code="CP 1")
    assert (action.kind, action.unit, action.polarity) == ("action", Unit.MILESTONE, "none")
    assert Target.objects.get(measure=action).progress == "completed"


def test_a_new_directorate_is_listed_first_whatever_its_case(year, performance):
    Directorate.objects.create(name="Housing")
    plan = planned(
        year,
        performance,
        ["A 1", "One", "housing", "", "", "", ""],
        ["A 2", "Two", "Huosing", "", "", "", ""],
        ["A 3", "Three", "Huosing", "", "", "", ""],
    )
    assert plan.created_first == ["New directorate: Huosing"]
    assert plan.rows[0].reasons[-1] == "added to 2014/15's scorecard, place 1"


def test_the_year_measures_left_out_of_the_file_are_pointed_out(year, performance):
    factories.entry(factories.measure("OLD 1"), year)
    plan = planned(year, performance, ["A 1", "One", "", "", "", "", ""])
    assert plan.notes == ["1 of 2014/15's scorecard is not in the file and stays as it is: OLD 1"]


def test_headings_are_matched_whatever_their_case_and_spacing(year, performance):
    plan = planned(year, performance, ["A 1", "One", "Low"], headings=(" Code", "TITLE", "Good Is"))
    commit_plan(plan, performance)
    assert Measure.objects.get(code="A 1").polarity == "low"


def test_an_excel_sheet_imports_as_a_csv_does(year, performance):
    file = xlsx_upload("scorecard", ("code", "title", "decimals", "q1_target"), [["A 1", "One", 1, 12.5]])
    commit_plan(plan_scorecard(read_scorecard_file(*file), year, performance), performance)
    assert Target.objects.get().value == Decimal("12.5")


def test_every_column_is_explained_on_the_page():
    assert [column for column in MEANINGS if column != MONTH_TARGETS_EXPLAINED] == list(COLUMNS)
    assert list(MEANINGS).index(MONTH_TARGETS_EXPLAINED) == COLUMNS.index("q4_target") + 1


def test_checking_a_sheet_reads_as_much_for_40_rows_as_for_5(year, performance):
    content = SAMPLE.read_bytes()
    commit_plan(plan_scorecard(read_scorecard_file(SAMPLE.name, content), year, performance), performance)
    counts = []
    for rows in (5, 40):
        file = b"\n".join(content.splitlines()[: rows + 1])
        with CaptureQueriesContext(connection) as queries:
            plan = plan_scorecard(read_scorecard_file(SAMPLE.name, file), year, performance)
        assert plan.counted(Outcome.UNCHANGED) == rows
        counts.append(len(queries))
    assert counts[0] == counts[1]


# -- all or nothing --------------------------------------------------------------------------------


def test_one_bad_row_means_nothing_is_written(year, performance):
    plan = planned(
        year,
        performance,
        ["A 1", "One", "New unit", "new.person@example.gov.uk", "", "5", ""],
        ["A 2", "Two", "", "", "", "five", ""],
    )
    assert plan.summary == "1 new, 0 changed, 0 unchanged, 1 in error"
    with pytest.raises(ImportProblem, match="1 row is in error, so nothing was imported"):
        commit_plan(plan, performance)
    assert not Measure.objects.exists() and not Directorate.objects.exists()
    assert not User.objects.filter(email="new.person@example.gov.uk").exists() and mail.outbox == []


def test_a_failure_while_writing_undoes_every_row(year, performance, monkeypatch):
    plan = planned(year, performance, ["A 1", "One", "Unit", "", "", "", ""], ["A 2", "Two", "", "", "", "", ""])

    def refuse(*args, **kwargs):
        raise ImportProblem("refused")

    from scorecard.imports import sheet_writes

    written = sheet_writes.SheetWriter.write_row

    def second_fails(self, row, by):
        if row.code == "A 2":
            refuse()
        written(self, row, by)

    monkeypatch.setattr(sheet_writes.SheetWriter, "write_row", second_fails)
    with pytest.raises(ImportProblem):
        commit_plan(plan, performance)
    assert not Measure.objects.exists() and not Directorate.objects.exists()


def test_only_the_performance_team_sets_up_the_scorecard(year, officer):
    plan = planned(year, officer, ["A 1", "One", "", "", "", "", ""])
    assert problems(plan) == ["Row 2, code: Only the performance team sets up the year's scorecard"]


# -- the file as a whole ---------------------------------------------------------------------------


def test_an_unknown_column_is_refused_by_name(year):
    file = csv_upload("scorecard", ("code", "title", "forcast"), [["A 1", "One", "3"]])
    with pytest.raises(ImportProblem, match="a column headed “forcast”, which the scorecard sheet does not have"):
        read_scorecard_file(*file)


def test_code_and_title_are_the_only_columns_needed(year):
    with pytest.raises(ImportProblem, match="no “title” column"):
        read_scorecard_file(*csv_upload("scorecard", ("code", "unit"), [["A 1", "%"]]))


# -- each bad cell, its own message (issue 10 §5) -----------------------------------------------------


def test_an_owner_neither_held_nor_an_email_address(year, performance):
    assert only_problem(year, performance, ["A 1", "One", "", "Jo Bloggs", "", "", ""]) == (
        "Row 2, owner: “Jo Bloggs” is neither a person held in Scorecard (a username or an email address) "
        "nor an email address to invite"
    )


def test_an_owner_found_by_username_or_email_address(year, performance):
    factories.person("jbloggs", "reader").__class__.objects.filter(username="jbloggs").update(email="jo@example.gov.uk")
    plan = planned(
        year,
        performance,
        ["A 1", "One", "", "JBLOGGS", "", "", ""],
        ["A 2", "Two", "", "Jo@Example.gov.uk", "", "", ""],
    )
    assert plan.problems == [] and plan.created_first == []


def test_an_approver_needs_a_directorate(year, performance):
    headings = ("code", "title", "approver")
    assert only_problem(year, performance, ["A 1", "One", "performance"], headings) == (
        "Row 2, approver: Give the directorate whose returns the approver signs off"
    )


def test_a_duplicate_code(year, performance):
    plan = planned(year, performance, ["A 1", "One", "", "", "", "", ""], ["a1", "Again", "", "", "", "", ""])
    assert problems(plan) == ["Row 3, code: Row 2 is also for “a1”: give each measure once"]


def test_a_target_that_is_not_a_number(year, performance):
    assert only_problem(year, performance, ["A 1", "One", "", "", "", "ten", ""]) == (
        "Row 2, q1_target: “ten” is not a number: enter a number like 44745 or 93.5"
    )


def test_a_good_is_outside_high_low_none(year, performance):
    assert only_problem(year, performance, ["A 1", "One", "Up"], ("code", "title", "good_is")) == (
        "Row 2, good_is: “Up” is not a “good is”: use High, Low or None (for context-only measures)"
    )


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("unit", "furlongs", "“furlongs” is not a unit: use count, %, £, days, score, milestone, or rate per"),
        ("frequency", "fortnightly", "“fortnightly” is not a frequency: use monthly, quarterly, annual or biennial"),
        ("accumulation", "sum", "“sum” is not a way of accumulating: use year to date, snapshot, discrete"),
        ("decimals", "two", "“two” is not a number of decimal places: use a whole number from 0 to 6"),
        ("decimals", "9", "“9” is not a number of decimal places"),
        ("compare_with", "last week", "“last week” is not a comparison: use same period last year or previous"),
        ("kind", "project", "“project” is not a kind: use measure or action"),
        ("minimum", "nil", "“nil” is not a number"),
    ],
)
def test_a_word_the_sheet_does_not_know(year, performance, column, value, message):
    assert only_problem(year, performance, ["A 1", "One", value], ("code", "title", column)).startswith(
        f"Row 2, {column}: {message}"
    )


@pytest.mark.parametrize(
    "unit", ["%", "percent", "Percentage", "count", "number", "days", "£", "rate per 100,000", "per 1,000", "score"]
)
def test_units_in_the_words_a_council_writes(year, performance, unit):
    assert planned(year, performance, ["A 1", "One", unit], headings=("code", "title", "unit")).problems == []


def test_a_minimum_above_the_maximum(year, performance):
    headings = ("code", "title", "minimum", "maximum")
    assert only_problem(year, performance, ["A 1", "One", "10", "5"], headings) == (
        "Row 2, minimum: The minimum, 10, is above the maximum, 5"
    )


def test_a_target_outside_the_measures_range(year, performance):
    headings = ("code", "title", "minimum", "maximum", "q2_target")
    assert only_problem(year, performance, ["A 1", "One", "0", "50", "60"], headings) == (
        "Row 2, q2_target: A count must be between 0 and 50; the file has “60”"
    )


def test_a_percentage_target_above_100(year, performance):
    assert "A percentage must be between 0 and 100" in only_problem(
        year, performance, ["A 1", "One", "", "", "%", "120", ""]
    )


def test_an_action_with_numeric_targets(year, performance):
    headings = ("code", "title", "kind", "q1_target")
    assert only_problem(year, performance, ["CP 1", "Adopt a plan", "action", "50"], headings) == (
        "Row 2, q1_target: “50” is a number, but this is a Council Plan action: its targets are progress words "
        "(On track, Completed, …), or blank"
    )


def test_an_action_with_a_unit(year, performance):
    headings = ("code", "title", "kind", "unit")
    assert only_problem(year, performance, ["CP 1", "Adopt a plan", "action", "%"], headings) == (
        "Row 2, unit: An action is reported as a milestone (progress words): leave the unit blank"
    )


def test_a_measure_cannot_become_an_action(year, performance):
    factories.measure("A 1")
    assert only_problem(year, performance, ["A 1", "One", "action"], ("code", "title", "kind")) == (
        "Row 2, kind: A 1 is held as a measure: give the new one its own code"
    )


def test_a_changed_target_on_one_already_set_is_an_amendment(year, performance):
    held = factories.measure("A 1")
    factories.entry(held, year)
    factories.target(held, factories.period(2014, 1), 50)
    assert only_problem(year, performance, ["A 1", "One", "", "", "", "55", ""]) == (
        "Row 2, q1_target: the Q1 target for A 1 is already set: amend it on a return's page, "
        "with the reason and who approved it"
    )


def test_a_pledge_without_its_priority(year, performance):
    assert only_problem(year, performance, ["A 1", "One", "Safe"], ("code", "title", "pledge")) == (
        "Row 2, priority: Give the priority under “Safe” that this serves: a measure sits under a priority"
    )


def test_a_priority_without_its_pledge_is_found_when_only_one_has_its_name(year, performance):
    Priority.objects.create(pledge=Pledge.objects.create(name="Safe"), name="Protecting children")
    plan = planned(year, performance, ["A 1", "One", "protecting children"], headings=("code", "title", "priority"))
    assert plan.problems == []
    assert only_problem(year, performance, ["A 2", "Two", "Parks"], ("code", "title", "priority")) == (
        "Row 2, pledge: No priority is called “Parks” yet: give the pledge it comes under"
    )


def test_an_alias_that_is_another_measures_code(year, performance):
    factories.measure("A 1"), factories.measure("B 1")
    assert only_problem(year, performance, ["A 1", "One", "B 1"], ("code", "title", "aliases")) == (
        "Row 2, aliases: “B 1” is already a code of another measure: give it once"
    )


def test_a_switched_off_owner(year, performance):
    User.objects.create_user("gone", is_active=False)
    assert only_problem(year, performance, ["A 1", "One", "", "gone", "", "", ""]) == (
        "Row 2, owner: “gone” is switched off: give someone else, or switch them back on first"
    )


def test_a_formula_is_refused(year, performance):
    assert "starts with “=”" in only_problem(year, performance, ["A 1", "=A1", "", "", "", "", ""])


def test_perspectives_and_portfolios_held_are_reused(year, performance):
    Perspective.objects.create(name="People")
    Portfolio.objects.create(name="Leader")
    headings = ("code", "title", "perspective", "portfolios")
    plan = planned(year, performance, ["A 1", "One", "people", "LEADER; Leader"], headings=headings)
    assert plan.created_first == []
    commit_plan(plan, performance)
    entry = ScorecardEntry.objects.get()
    assert (entry.perspective.name, list(entry.portfolios.values_list("name", flat=True))) == ("People", ["Leader"])


def test_a_name_added_by_someone_else_since_the_check_stops_the_import(year, performance):
    plan = planned(year, performance, ["A 1", "One", "Waste", "", "", "", ""])
    Directorate.objects.create(name="Waste")
    with pytest.raises(ImportProblem, match="added by someone else since it was checked"):
        commit_plan(plan, performance)
    assert not Measure.objects.exists()


def test_a_priority_given_with_its_pledge_once_is_found_without_it_later(year, performance):
    headings = ("code", "title", "pledge", "priority")
    plan = planned(year, performance, ["A 1", "One", "Safe", "Parks"], ["A 2", "Two", "", "parks"], headings=headings)
    assert plan.problems == [] and plan.created_first == ["New pledge: Safe", "New priority: Parks (under Safe)"]
    commit_plan(plan, performance)
    assert set(ScorecardEntry.objects.values_list("priority__name", flat=True)) == {"Parks"}
