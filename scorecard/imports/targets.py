"""Importing a year's targets: one row per measure and quarter (1 to 4) or year end; in a year collected
monthly, per measure and month (1, April, to 12, March) or year end.

Columns: code, quarter (or month) and target, all required; a row whose target is blank sets nothing, so the
template can list every period of every measure. Setting targets is the performance team's job
(permissions.sets_targets). Each write is kept in the target's history, with who made it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import partial

from scorecard.accounts import permissions
from scorecard.council.models import FinancialYear, Period
from scorecard.imports import ImportProblem, plans
from scorecard.imports.cells import CellProblem, figure, is_empty, period_of, progress, shown, text_of
from scorecard.imports.codes import ScorecardCodes
from scorecard.imports.plans import Outcome, Plan, PlannedRow, ProgressReport, ignored_columns, outcome_of, planned_rows
from scorecard.imports.reading import Row, heading_key, read_rows
from scorecard.measures.fields import plain
from scorecard.measures.models import Measure, Target
from scorecard.performance import milestones
from scorecard.performance.periods import Month, PeriodError, month_called, month_in_year

COLUMNS = ("code", "quarter", "target")
READ_ONLY = ("title",)  # in the template for reference; never imported
ALIASES = {"measure_code": "code", "reference": "code", "period": "quarter", "month": "quarter", "value": "target"}
YEAR_END_WORDS = {"year_end", "ye", "year", "annual", "end_of_year", "full_year"}
# A few digits at most: int() refuses thousands of them with an error of its own.
QUARTER_NUMBER = re.compile(r"(?:q(?:uarter)?\s*)?(-?\d{1,4})", re.IGNORECASE)
MONTH_NUMBER = re.compile(r"(?:m(?:onth)?\s*)?(-?\d{1,4})", re.IGNORECASE)
MONTH_NAME = re.compile(r"[a-z]{3,9}\.?", re.IGNORECASE)
YEAR_END = object()  # a row's quarter when it is the year-end target

TargetFigure = tuple[Decimal | None, str]  # (value, progress word) as a Target stores them


def read_targets_file(file_name: str, content: bytes, *, max_bytes: int | None = None) -> list[Row]:
    return read_rows(file_name, content, required=COLUMNS, aliases=ALIASES, max_bytes=max_bytes)


def plan_targets(rows: Sequence[Row], year: FinancialYear, by, *, progress: ProgressReport | None = None) -> Plan:
    """Each row new, changed, unchanged or in error, against the year's targets as stored now."""
    checks = TargetChecks(year, by)
    planned = planned_rows(rows, COLUMNS, checks.check, progress)
    write = plans.row_by_row(partial(record_target, year=checks.year))
    return Plan("targets", planned, write=write, ignored_columns=ignored_columns(rows, (*COLUMNS, *READ_ONLY)))


class TargetChecks:
    """The checks of one import's rows, with the year's codes, quarters and targets read once."""

    def __init__(self, year: FinancialYear, by):
        self.year = FinancialYear.objects.get(pk=year.pk)
        self.by = by
        self.codes = ScorecardCodes(self.year)
        self.periods = {period.number: period for period in Period.objects.filter(year=self.year)}
        self.stored = {(target.measure_id, target.period_id): target for target in self.year.targets.all()}
        self.first_rows: dict[tuple[int, int | None], int] = {}  # (measure, quarter) → row first given in

    def check(self, row: PlannedRow, cells: Row) -> None:
        self.check_row(row, cells)
        # Every row sets a target, so anyone else is told on every row that is not already as stored.
        if row.outcome != Outcome.UNCHANGED and not permissions.sets_targets(self.by):
            row.problem("target", "Only the performance team sets targets")

    def check_row(self, row: PlannedRow, cells: Row) -> None:
        measure = self.measure(row, cells["code"])
        period = self.period(row, cells["quarter"])
        if is_empty(cells["target"]) and not row.has_problem("target"):
            # The template lists every quarter of every measure: a target left blank is not being set.
            row.reasons = ["no target given: nothing to set"]
            return
        new = self.figure(row, cells["target"], measure) if measure else None
        if measure is None or period is None or new is None:
            return
        period = None if period is YEAR_END else period
        self.check_once(row, measure, period)
        stored = self.stored.get((measure.pk, period.pk if period else None))
        row.measure, row.period, row.seen = measure, period, figure_of(stored)
        if stored is not None and figure_of(stored) != new:
            # DESIGN.md: a target change is an amendment, kept with its reason and who approved it.
            row.problem("target", already_set(period, measure.code))
        elif stored is None:
            row.changes = {"value": new[0], "progress": new[1]}
        row.reasons = reasons(period, row.changes)
        outcome_of(row, stored=stored is not None)

    def measure(self, row: PlannedRow, code: object) -> Measure | None:
        if row.has_problem("code"):
            return None
        try:
            return self.codes.measure(text_of(code))
        except CellProblem as problem:
            row.problem("code", str(problem))
            return None

    def period(self, row: PlannedRow, value: object) -> Period | object | None:
        """The row's quarter (or month), YEAR_END for the year-end target, or None with the problem recorded."""
        if row.has_problem("quarter"):
            return None
        try:
            number = (month_number if self.year.is_monthly else quarter_number)(value, self.year)
        except CellProblem as problem:
            row.problem("quarter", str(problem))
            return None
        if number is None:
            return YEAR_END
        if number not in self.periods:
            wanted = self.year.financial_year.periods(self.year.collected)[number - 1]
            row.problem("quarter", f"{wanted.label} is not set up in Scorecard")
            return None
        return self.periods[number]

    def figure(self, row: PlannedRow, value: object, measure: Measure) -> TargetFigure | None:
        if row.has_problem("target"):
            return None
        try:
            return target_figure(value, measure)
        except CellProblem as problem:
            row.problem("target", str(problem))
            return None

    def check_once(self, row: PlannedRow, measure: Measure, period: Period | None) -> None:
        first = self.first_rows.setdefault((measure.pk, period.pk if period else None), row.number)
        if first != row.number:
            row.problem("code", f"Row {first} is also the {when(period)} target for {measure.code}: give each once")


# -- what a row says -----------------------------------------------------------------------------


def quarter_number(value: object, year: FinancialYear) -> int | None:
    """1 to 4 ("2", "Q2", "Quarter 2", "2017/18 Q2"), or None for the year end."""
    text = text_of(value)
    if not text:
        raise CellProblem("Give the quarter: 1, 2, 3 or 4, or year end")
    if heading_key(text) in YEAR_END_WORDS:
        return None
    match = QUARTER_NUMBER.fullmatch(text)
    if match:
        number = int(match[1])
        if not 1 <= number <= 4:
            raise CellProblem(f"There is no quarter {number} in {year}: use 1 to 4, or year end")
        return number
    try:
        quarter = period_of(text)
    except PeriodError:
        raise CellProblem(f"{shown(text)} is not a quarter: use 1 to 4 (or Q1 to Q4), or year end") from None
    return number_in(quarter, year)


def month_number(value: object, year: FinancialYear) -> int | None:
    """In a year collected monthly: 1 (April) to 12 (March) ("5", "M5", "August", "Aug 2017", "2017/18 M5"), or
    None for the year end."""
    text = text_of(value)
    if not text:
        raise CellProblem("Give the month: 1 (April) to 12 (March), or year end")
    if heading_key(text) in YEAR_END_WORDS:
        return None
    if match := MONTH_NUMBER.fullmatch(text):
        if not 1 <= int(match[1]) <= 12:
            raise CellProblem(f"There is no month {int(match[1])} in {year}: use 1 (April) to 12 (March), or year end")
        return int(match[1])
    try:
        if MONTH_NAME.fullmatch(text):  # "August": the year's own
            return month_in_year(month_called(text.rstrip("."), text))
        return number_in(period_of(text), year)
    except PeriodError:
        raise CellProblem(f"{shown(text)} is not a month: use 1 (April) to 12 (March), or year end") from None


def number_in(period, year: FinancialYear) -> int:
    """The number of a quarter or month written in full, checked to be of the year and collected the year's way."""
    if period.year.start_year != year.start_year:
        raise CellProblem(f"{period.label} is outside {year}, the year being imported")
    if isinstance(period, Month) != year.is_monthly:
        word = "monthly: give a month, 1 (April) to 12 (March)" if year.is_monthly else "quarterly: give a quarter"
        raise CellProblem(f"{year} is collected {word}, not {period.label}")
    return period.number


def target_figure(value: object, measure: Measure) -> TargetFigure:
    if measure.is_milestone:
        return None, progress(value).value
    return figure(value, measure), ""


def figure_of(target: Target | None) -> TargetFigure | None:
    return (target.value, target.progress) if target else None


def already_set(period: Period | None, code: str) -> str:
    return (
        f"the {when(period)} target for {code} is already set: amend it on a return's page, "
        "with the reason and who approved it"
    )


def when(period: Period | None) -> str:
    return period.short_label if period else "year-end"


def reasons(period: Period | None, changed: dict[str, object]) -> list[str]:
    """An import only sets targets not yet set; changing one is an amendment (see TargetChecks.check_row)."""
    if not changed:
        return ["same as recorded"]
    return [f"new {when(period)} target: {figure_words((changed['value'], changed['progress']))}"]


def figure_words(figure: TargetFigure) -> str:
    value, word = figure
    return milestones.Progress(word).label if word else plain(value)


# -- the commit ----------------------------------------------------------------------------------


def record_target(row: PlannedRow, by, *, year: FinancialYear) -> None:
    if not permissions.sets_targets(by):
        raise ImportProblem("Only the performance team imports targets. Nothing was imported.")
    # Only the target's own row is locked: its default ordering joins the (nullable) quarter.
    stored = Target.objects.select_for_update(of=("self",)).filter(measure=row.measure, year=year, period=row.period)
    target = stored.first()
    if figure_of(target) != row.seen:
        raise ImportProblem(
            f"Row {row.number}: the {when(row.period)} target for {row.code} was changed after the file was checked, "
            "so nothing was imported. Check the file again and import it."
        )
    target = Target(measure=row.measure, year=year, period=row.period)
    target.value, target.progress = row.changes["value"], row.changes["progress"]
    target._history_user = by
    target.save()
