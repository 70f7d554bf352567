"""Importing a council's history: one row per measure and year (and, if it was quarterly, quarter).

Columns: code, year (2016/17) and value are required; quarter (1 to 4, empty for the year end, which is
Q4), numerator and denominator (a percentage's or rate's own figures, both or neither) and note are optional
(docs/history-import.md). Each value becomes an approved return in its quarter,
a closed and published quarter made for it if the council has none, so the measure profile, the reports
and the direction of travel read history exactly as they read figures entered here.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from scorecard.accounts import permissions
from scorecard.council.models import Period
from scorecard.imports import ImportProblem, plans
from scorecard.imports.cells import LARGEST, CellProblem, is_empty, shown, text_of, typed_number, words
from scorecard.imports.plans import Plan, PlannedRow, ProgressReport, ignored_columns, outcome_of, planned_rows
from scorecard.imports.reading import Row, read_rows
from scorecard.imports.targets import quarter_number
from scorecard.measures.fields import plain
from scorecard.measures.models import Measure
from scorecard.measures.selectors import AMBIGUOUS, CodeIndex, normalised
from scorecard.performance.periods import FinancialYear, PeriodError, Quarter
from scorecard.performance.ranges import fraction_problem
from scorecard.returns import services
from scorecard.returns.models import Return

COLUMNS = ("code", "year", "quarter", "value", "numerator", "denominator", "note")
REQUIRED = ("code", "year", "value")
ALIASES = {"measure_code": "code", "reference": "code", "financial_year": "year", "actual": "value"}
PLACES = Decimal("0.000001")  # a recorded figure holds six decimal places
NOTE_LENGTH = Return._meta.get_field("data_note").max_length


def read_history_file(file_name: str, content: bytes, *, max_bytes: int | None = None) -> list[Row]:
    return read_rows(file_name, content, required=REQUIRED, aliases=ALIASES, max_bytes=max_bytes)


def plan_history(
    rows: Sequence[Row],
    by,
    *,
    source: str,
    catalogue: Plan | None = None,
    numbers: Sequence[int] | None = None,
    progress: ProgressReport | None = None,
) -> Plan:
    """Each value new, changed, unchanged or in error; codes may be ones the catalogue beside it adds."""
    checks = HistoryChecks(by, catalogue)
    planned = planned_rows(rows, COLUMNS, checks.check, progress, numbers=numbers)
    write = plans.row_by_row(HistoryWriter(source))
    return Plan("values", planned, write=write, ignored_columns=ignored_columns(rows, COLUMNS))


class HistoryChecks:
    """The checks of one file's rows, with the measures, quarters and returns held read once."""

    def __init__(self, by, catalogue: Plan | None):
        self.by = by
        self.measures = CodeIndex.of_everything()
        self.added = {normalised(row.code) for row in (catalogue.rows if catalogue else []) if row.code}
        self.periods = {period.as_period: period for period in Period.objects.select_related("year")}
        self.stored = {
            (ret.measure_id, ret.period.as_period): ret
            for ret in Return.objects.filter(actual__isnull=False).select_related("period__year")
        }
        self.first_rows: dict[tuple[str, Quarter], int] = {}  # (code, quarter) → the row it was first given in

    def check(self, row: PlannedRow, cells: Row) -> None:
        measure = self.measure(row)
        quarter = self.quarter(row, cells.get("year"), cells.get("quarter"))
        value, note = self.read(row, "value", value_of, cells), self.read(row, "note", note_of, cells)
        numerator, denominator = (self.read(row, name, optional_value, cells) for name in ("numerator", "denominator"))
        problem = fraction_problem(measure.unit if measure else "", numerator, denominator)
        if problem and not row.problems:
            row.problem(problem[0], problem[1])
        if row.problems:
            return
        self.check_once(row, quarter)
        self.check_period(row, quarter)
        stored = self.stored.get((measure.pk, quarter)) if measure else None
        row.measure, row.period = measure, quarter
        held = (value, note, numerator, denominator)
        if stored is None or (stored.actual, stored.data_note, stored.numerator, stored.denominator) != held:
            row.changes = {"actual": value, "note": note, "numerator": numerator, "denominator": denominator}
        row.reasons = reasons(quarter, stored, value)
        if row.changes and not permissions.may_run_the_quarter(self.by):
            row.problem("code", "Only the performance team imports history")
        outcome_of(row, stored=stored is not None)

    def measure(self, row: PlannedRow) -> Measure | None:
        found = self.measures.find(row.code) if row.code else None
        if not row.code:
            row.problem("code", "Give the measure's code")
        elif found is AMBIGUOUS:
            row.problem("code", f"{shown(row.code)} is the code of more than one measure: use its current code")
        elif found is None and normalised(row.code) not in self.added:
            row.problem("code", f"No measure has the code {shown(row.code)}: add it to the catalogue first")
        elif found is not None and found.is_milestone:
            row.problem("code", f"{shown(row.code)} is reported in progress words, not figures: it has no history")
        return found if isinstance(found, Measure) else None

    def quarter(self, row: PlannedRow, year_cell: object, quarter_cell: object) -> Quarter | None:
        try:
            year = FinancialYear.parse(text_of(year_cell)) if not is_empty(year_cell) else None
        except PeriodError as error:
            row.problem("year", str(error))
            return None
        if year is None:
            row.problem("year", "Give the financial year, like 2016/17")
            return None
        try:
            number = quarter_number(quarter_cell, year) if not is_empty(quarter_cell) else None
        except CellProblem as problem:
            row.problem("quarter", str(problem))
            return None
        return year.quarter(number or 4)  # a year's figure is its year end

    def read(self, row: PlannedRow, column: str, read, cells: Row):
        if row.has_problem(column):
            return None  # a formula, refused already
        try:
            return read(cells.get(column))
        except CellProblem as problem:
            row.problem(column, str(problem))
            return None

    def check_once(self, row: PlannedRow, quarter: Quarter) -> None:
        first = self.first_rows.setdefault((normalised(row.code), quarter), row.number)
        if first != row.number:
            row.problem("code", f"Row {first} is also the {quarter.label} value for {row.code}: give each once")

    def check_period(self, row: PlannedRow, quarter: Quarter) -> None:
        period = self.periods.get(quarter)
        if period is not None and period.state != Period.State.CLOSED:
            state = period.get_state_display().lower()
            row.problem("year", f"{quarter.label} is {state}: enter its figures as returns, not as history")


# -- what a row says -----------------------------------------------------------------------------


def value_of(value: object) -> Decimal:
    """A number as published, kept to the six decimal places a figure holds (shown at the measure's decimals)."""
    if is_empty(value):
        raise CellProblem("Give the value; leave the row out if there is none")
    number = value if isinstance(value, Decimal) else typed_number(text_of(value))
    if number is None:
        raise CellProblem(f"{shown(value)} is not a number: enter a number like 44745 or 93.5")
    if abs(number) >= LARGEST:
        raise CellProblem(f"{shown(number)} is too large to record: at most 12 digits before the decimal point")
    return number.quantize(PLACES, rounding=ROUND_HALF_UP)


def optional_value(value: object) -> Decimal | None:
    return None if is_empty(value) else value_of(value)


def note_of(value: object) -> str:
    return words(value, longest=NOTE_LENGTH)


def reasons(quarter: Quarter, stored: Return | None, value: Decimal) -> list[str]:
    if stored is None:
        return [f"new {quarter.label} value: {plain(value)}"]
    if stored.actual == value:
        return ["same as held"]
    return [f"{quarter.label} value: {plain(stored.actual)} → {plain(value)}"]


# -- the commit ----------------------------------------------------------------------------------


class HistoryWriter:
    """Writes each value through the services; quarters and measures are looked up once, after the catalogue."""

    def __init__(self, source: str):
        self.source = source
        self.periods: dict[Quarter, Period] = {}
        self.measures: CodeIndex | None = None

    def __call__(self, row: PlannedRow, by) -> None:
        if self.measures is None:
            self.measures = CodeIndex.of_everything()
        try:
            services.history_record(
                measure=self.measures.find(row.code),
                period=self.period(row.period, by),
                actual=row.changes["actual"],
                note=row.changes["note"],
                fraction=(row.changes["numerator"], row.changes["denominator"]),
                by=by,
                source=self.source,
            )
        except services.Refused as refused:
            raise ImportProblem(f"Row {row.number}: {refused} Nothing was imported.") from refused

    def period(self, quarter: Quarter, by) -> Period:
        if quarter not in self.periods:
            self.periods[quarter] = services.history_period(
                start_year=quarter.year.start_year, quarter=quarter.number, by=by
            )
        return self.periods[quarter]
