"""Random text in every column of an import: each problem names its row and column, and nothing is written (hypothesis).

The plans run against a small scorecard whose codes the rows often hit, so the checks get past the code to
the figures, words and quarters; the same database serves every example, as a plan never writes.
"""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scorecard.imports import ImportProblem
from scorecard.imports import returns as returns_import
from scorecard.imports import targets as targets_import
from scorecard.imports.plans import commit_plan
from scorecard.measures.models import Target, Unit
from scorecard.returns.models import Return
from tests import factories
from tests.imports.conftest import csv_upload, xlsx_upload

pytestmark = pytest.mark.django_db
# A third of the profile's examples: each one writes a file and reads the database.
DATABASE_SHARED_BY_EXAMPLES = settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=settings.default.max_examples // 3
)

CODES = ["CM PM15", "PS PM01", "CP M1", "cm pm15", "NI 155"]
printable = st.characters(blacklist_categories=("Cs", "Cc"))  # what a spreadsheet cell can hold
numbers = st.one_of(st.decimals(), st.floats(), st.integers()).map(str)
typed = st.one_of(numbers, st.from_regex(r"\A[-+£]?\d{0,14}(,\d{3})*(\.\d*)?(e[-+]?\d{1,12})?%?\Z"))
cells = st.one_of(
    st.none(),
    st.text(printable, max_size=30),
    typed,
    st.sampled_from(["=SUM(A1:A2)", "@cmd", "- a bullet", "On track", "Completed", "provisional", "year end"]),
    st.sampled_from(["2017/18 Q2", "2017/18-Q5", "Q3", "quarter 9", "0000/01 Q1", "9" * 5000]),
)
codes = st.one_of(st.sampled_from(CODES), cells)


@pytest.fixture
def quarter():
    return factories.open_period(2017, 2)


@pytest.fixture
def scorecard(quarter):
    measures = [
        factories.measure("CM PM15"),
        factories.measure("PS PM01", title="Adults satisfied with care", unit=Unit.PERCENT, decimals=1),
        factories.measure("CP M1", title="Energy policy adopted", unit=Unit.MILESTONE, polarity="none"),
    ]
    for measure in measures:
        factories.entry(measure, quarter.year)
    factories.target(measures[0], quarter, 60000)
    return measures


def as_file(kind: str, headings, rows, excel: bool) -> tuple[str, bytes]:
    return (xlsx_upload if excel else csv_upload)(kind, headings, rows)


def assert_each_problem_names_its_row_and_column(plan, rows: int, columns) -> None:
    for problem in plan.problems:
        assert 2 <= problem.row <= rows + 1
        assert problem.column in columns
        assert problem.message.strip()


def assert_nothing_is_written_when_a_row_is_in_error(plan, by) -> None:
    stored = (Return.objects.count(), Target.objects.count())
    if plan.in_error:
        with pytest.raises(ImportProblem, match="nothing was imported"):
            commit_plan(plan, by)
    assert (Return.objects.count(), Target.objects.count()) == stored


RETURNS_COLUMNS = (*returns_import.FIGURES, *returns_import.COMMENTARY_COLUMNS)  # one commentary column not kept
returns_rows = st.lists(st.tuples(codes, *[cells] * (len(RETURNS_COLUMNS) - 1)), min_size=1, max_size=6)


@DATABASE_SHARED_BY_EXAMPLES
@given(returns_rows, st.booleans())
@example([("CM PM15", None, "1e999999999", None, None, None, None, None, None, None)], False)  # overflowed printing it
@example([("PS PM01", None, "1e999999999", None, None, None, None, None, None, None)], False)
@example([("CM PM15", None, "1e-999999999", None, None, None, None, None, None, None)], False)  # was taken as a whole 0
def test_any_returns_file_is_planned_row_by_row_in_words(scorecard, quarter, performance, rows, excel):
    name, content = as_file("returns", RETURNS_COLUMNS, rows, excel)
    try:
        read = returns_import.read_returns_file(name, content)
    except ImportProblem:
        return  # a file refused as a whole: test_reading_fuzz covers what it says
    plan = returns_import.plan_returns(read, quarter, performance)
    assert_each_problem_names_its_row_and_column(plan, len(read), RETURNS_COLUMNS)
    assert_nothing_is_written_when_a_row_is_in_error(plan, performance)


targets_rows = st.lists(st.tuples(codes, st.one_of(cells, st.sampled_from(["1", "Q4", "-3", "0"])), cells), min_size=1)


@DATABASE_SHARED_BY_EXAMPLES
@given(targets_rows.map(lambda rows: rows[:6]), st.booleans())
@example([("CM PM15", "9" * 5000, "1")], False)  # int() refused the thousands of digits with its own error
def test_any_targets_file_is_planned_row_by_row_in_words(scorecard, quarter, performance, rows, excel):
    name, content = as_file("targets", targets_import.COLUMNS, rows, excel)
    try:
        read = targets_import.read_targets_file(name, content)
    except ImportProblem:
        return
    plan = targets_import.plan_targets(read, quarter.year, performance)
    assert_each_problem_names_its_row_and_column(plan, len(read), targets_import.COLUMNS)
    assert_nothing_is_written_when_a_row_is_in_error(plan, performance)
