"""Checking a comparator file before anything is written: each row new, changed, unchanged or in error.

Every problem names its row and column (or, for a groups file, the list) and says what is wrong: an area code
not held and not named, a period that cannot be read, a value that is not a number, a second value for the same
measure, area and period, a group naming a council not held. The check holds no row objects: counts, the
problems, the first rows of each kind to show, and (when the file's measures already have values) what is
stored, so the load can tell new from changed again as it streams.
"""

from __future__ import annotations

import csv
import io
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from scorecard.benchmarking import gss
from scorecard.benchmarking.files import AreaFacts, ComparatorFile, GroupFacts, Record
from scorecard.benchmarking.models import Area, ComparatorGroup, ComparisonValue, ExternalMeasure
from scorecard.imports.cells import typed_number
from scorecard.performance import benchmark_periods
from scorecard.performance.periods import PeriodError
from scorecard.reports.render.delimited import not_a_formula

LARGEST = Decimal(10) ** 12  # a FigureField's 12 digits before the point
PLACES = Decimal("0.000001")  # and its 6 after
SUPPRESSED_MARKS = frozenset({"c", "[c]", "x", "[x]", "*", "**", "..", ":", "[u]", "supp", "suppressed"})
YES = frozenset({"yes", "y", "true", "1", "p", "provisional", "suppressed"})
NO = frozenset({"", "no", "n", "false", "0"})
KEPT_PROBLEMS = 10_000  # all are counted; the first this many are kept to list and download
SHOWN = 100  # rows of each outcome the check page lists
PROGRESS_EVERY = 10_000

Figures = tuple[Decimal | None, Decimal | None, Decimal | None, bool, bool]  # value, numerator, denominator, flags
Key = tuple[str, str, str]  # (external code, area code, period label)


@dataclass(frozen=True)
class Problem:
    row: int | None  # None for a groups file's list
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}, {self.column}" if self.row is not None else self.column[:1].upper() + self.column[1:]
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Shown:
    """A row as the check page lists it."""

    row: int
    outcome: str
    measure: str
    area: str
    period: str
    was: str = ""
    now: str = ""
    problems: str = ""


@dataclass
class ComparisonCheck:
    file: ComparatorFile
    rows: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    in_error: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    shown: list[Shown] = field(default_factory=list)
    areas_to_create: dict[str, AreaFacts] = field(default_factory=dict)
    measures_to_create: list[str] = field(default_factory=list)
    measures_to_update: list[str] = field(default_factory=list)
    groups: list[GroupFacts] = field(default_factory=list)
    groups_unchanged: int = 0
    groups_not_held: int = 0  # lists for councils Scorecard does not hold, and this file does not name
    stored: dict[Key, tuple[int, Figures]] = field(default_factory=dict)  # key → (id, figures) already held

    groups_in_error: int = 0

    @property
    def has_problems(self) -> bool:
        return bool(self.in_error or self.groups_in_error)

    def problem(self, row: int | None, column: str, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < KEPT_PROBLEMS:
            self.problems.append(Problem(row, column, message))

    def show(self, shown: Shown) -> None:
        if sum(1 for each in self.shown if each.outcome == shown.outcome) < SHOWN:
            self.shown.append(shown)

    @property
    def changes_nothing(self) -> bool:
        return (
            not (self.new or self.changed or self.areas_to_create or self.measures_to_create or self.measures_to_update)
            and not self.groups
        )

    def summary(self) -> list[str]:
        lines = [
            f"{self.rows:,} rows: {self.new:,} new, {self.changed:,} changed, {self.unchanged:,} unchanged, "
            f"{self.in_error:,} in error."
        ]
        lines += [f"  {count:,} set aside: {reason}" for reason, count in sorted(self.file.set_aside.items())]
        if self.areas_to_create:
            lines.append(f"Areas to add: {len(self.areas_to_create):,}.")
        if self.measures_to_create or self.measures_to_update:
            lines.append(
                f"External measures to add: {len(self.measures_to_create):,}; "
                f"to update: {len(self.measures_to_update):,}."
            )
        if self.groups or self.groups_unchanged:
            lines.append(
                f"Comparator groups: {len(self.groups):,} new or changed, {self.groups_unchanged:,} unchanged."
            )
        if self.groups_not_held:
            lines.append(f"  {self.groups_not_held:,} lists not loaded: for councils Scorecard does not hold.")
        return lines


def check_comparisons(found: ComparatorFile, *, progress: Callable[[int], None] | None = None) -> ComparisonCheck:
    """Read every row and say what loading the file would do; nothing is written."""
    from scorecard.benchmarking import staging  # it builds on this module's rules

    if staging.usable(found):
        return staging.staged_check(found)
    check = ComparisonCheck(found)
    rows = RowChecks(check, held_areas=set(Area.objects.values_list("code", flat=True)))
    for record in found.records():
        rows.check(record)
        if progress and check.rows % PROGRESS_EVERY == 0:
            progress(check.rows)
    check.areas_to_create = {code: facts for code, facts in found.areas.items() if code not in rows.held_areas}
    check_measures(check)
    check.stored = stored_values(found)
    if check.stored and not check.in_error:
        classify(check, rows.periods)
    else:
        check.new = check.rows - check.in_error
    periods = {label for label in rows.periods.values() if label}
    check_groups(check, rows.held_areas, max(periods, key=benchmark_periods.ends, default=""))
    return check


class RowChecks:
    """The checks of one row, with what they learn as they go (periods read, areas seen, first rows)."""

    def __init__(self, check: ComparisonCheck, held_areas: set[str]):
        self.result, self.held_areas = check, held_areas
        self.columns = check.file.columns
        self.periods: dict[str, str | None] = {}
        self.places: dict[str, int] = {}  # measure, area and period codes → a small number, for first rows
        self.first_rows: dict[tuple[int, int], array] = {}  # (measure, period) → first row of each area

    def check(self, record: Record) -> None:
        self.result.rows += 1
        problems = self.problems(record)
        if problems:
            self.result.in_error += 1
            for column, message in problems:
                self.result.problem(record.row, column, message)
            self.result.show(
                Shown(
                    record.row,
                    "error",
                    record.measure,
                    record.area,
                    record.period,
                    problems="; ".join(m for _, m in problems),
                )
            )

    def problems(self, record: Record) -> list[tuple[str, str]]:
        problems = [record.problem] if record.problem else []
        columns = self.columns
        if not record.measure:
            problems.append((columns.measure, "no measure code"))
        elif record.measure not in self.result.file.measures:
            problems.append((columns.measure, f"nothing in the file says what “{record.measure}” is"))
        problems += self.area_problems(record)
        period = self.period(record.period)
        if period is None:
            problems.append((columns.period, period_problem(record.period)))
        for column, text in (
            (columns.value, record.value),
            (columns.numerator, record.numerator),
            (columns.denominator, record.denominator),
        ):
            if text and (message := number_problem(text)):
                problems.append((column, message))
        for column, text in ((columns.provisional, record.provisional), (columns.suppressed, record.suppressed)):
            if text.lower() not in YES and text.lower() not in NO:
                problems.append((column, f"“{text}” is neither yes nor no"))
        if not problems and period is not None:
            problems += self.duplicate(record, period)
        return [problem for problem in problems if problem]

    def area_problems(self, record: Record) -> list[tuple[str, str]]:
        code, column = record.area, self.columns.area
        if not code:
            return [(column, "no area code")]
        if code in self.held_areas:
            return []
        if code not in self.result.file.areas:
            return [(column, f"“{code}” is not an area Scorecard holds, and the row gives no area name to add it by")]
        if not gss.is_code(code):
            return [(column, f"“{code}” is not an ONS area code (a letter and eight digits, such as E06000015)")]
        return []

    def period(self, text: str) -> str | None:
        if text not in self.periods:
            try:
                self.periods[text] = benchmark_periods.period_label(text)
            except PeriodError:
                self.periods[text] = None
        return self.periods[text]

    def duplicate(self, record: Record, period: str) -> list[tuple[str, str]]:
        """A second value for the same measure, area and period: the message names the row with the first."""
        measure, area, when = (self.place(record.measure), self.place(record.area), self.place(period))
        firsts = self.first_rows.setdefault((measure, when), array("I"))
        if area >= len(firsts):
            firsts.extend([0] * (area + 1 - len(firsts)))
        if firsts[area]:
            return [
                (
                    self.columns.area,
                    f"a second value for {record.measure}, {record.area} in {period}: row {firsts[area]} has the first",
                )
            ]
        firsts[area] = record.row
        return []

    def place(self, code: str) -> int:
        return self.places.setdefault(code, len(self.places))


def period_problem(text: str) -> str:
    if not text:
        return "no period"
    return f"“{text}” is not a period: write a financial year like 2016/17 (or 2016-17), or a calendar year like 2016"


def number_problem(text: str) -> str:
    """Why the text cannot be a figure ("" when it can)."""
    if text.lower() in SUPPRESSED_MARKS:
        return ""
    try:
        number = figure(text)
    except ValueError:
        return f"“{text}” is not a number"
    if abs(number) >= LARGEST:
        return f"“{text}” is too large: figures are below {LARGEST:,}"
    return ""


def figure(text: str) -> Decimal:
    """The number written, as a FigureField keeps it (6 decimal places)."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = typed_number(text)
        if number is None:
            raise ValueError(text) from None
    if not number.is_finite():
        raise ValueError(text)
    # half away from zero, as PostgreSQL rounds a numeric(18, 6)
    return number.quantize(PLACES, rounding=ROUND_HALF_UP) if number.as_tuple().exponent < -6 else number


def figures(record: Record) -> Figures:
    """The record's figures as they would be stored; a suppression mark in the value suppresses it."""
    marked = record.value.lower() in SUPPRESSED_MARKS
    value = None if marked or not record.value else figure(record.value)
    return (
        value,
        figure(record.numerator) if record.numerator and record.numerator.lower() not in SUPPRESSED_MARKS else None,
        figure(record.denominator)
        if record.denominator and record.denominator.lower() not in SUPPRESSED_MARKS
        else None,
        record.provisional.lower() in YES,
        marked or record.suppressed.lower() in YES,
    )


# -- against what is held ---------------------------------------------------------------------------


def check_measures(check: ComparisonCheck) -> None:
    held = {measure.code: measure for measure in ExternalMeasure.objects.filter(source=check.file.source)}
    for code, facts in check.file.measures.items():
        measure = held.get(code)
        if measure is None:
            check.measures_to_create.append(code)
        elif (measure.title, measure.unit, measure.polarity, measure.decimals) != (
            facts.title,
            facts.unit,
            facts.polarity,
            facts.decimals,
        ):
            check.measures_to_update.append(code)


def stored_values(found: ComparatorFile) -> dict[Key, tuple[int, Figures]]:
    """What is held for the file's measures: usually nothing on a first load, which then needs no comparing."""
    rows = ComparisonValue.objects.filter(
        measure__source=found.source, measure__code__in=list(found.measures)
    ).values_list(
        "pk",
        "measure__code",
        "area__code",
        "period",
        "value",
        "numerator",
        "denominator",
        "provisional",
        "suppressed",
    )
    return {
        (code, area, period): (pk, (value, num, den, prov, supp))
        for pk, code, area, period, value, num, den, prov, supp in rows
    }


def outcome(record: Record, period: str, stored: dict[Key, tuple[int, Figures]]) -> tuple[str, Figures, tuple | None]:
    """("new" | "changed" | "unchanged", the row's figures, what is held for it)."""
    now = figures(record)
    held = stored.get((record.measure, record.area, period))
    if held is None:
        return "new", now, None
    return ("unchanged" if held[1] == now else "changed"), now, held


def classify(check: ComparisonCheck, periods: dict[str, str | None]) -> None:
    """A second reading of a file without errors, only when its measures have values already: which rows change
    them, and how."""
    check.new = 0
    for record in check.file.records():
        period = periods[record.period]
        kind, now, held = outcome(record, period, check.stored)
        setattr(check, kind, getattr(check, kind) + 1)
        if kind != "unchanged":
            was = shown_figure(held[1][0]) if held else ""
            check.show(Shown(record.row, kind, record.measure, record.area, period, was, shown_figure(now[0])))


def shown_figure(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


# -- groups -------------------------------------------------------------------------------------------


def check_groups(check: ComparisonCheck, held_areas: set[str], vintage: str) -> None:
    """Groups for councils held (or named by the file) are loaded; each member must be held or named. A group
    held already with the same members is left as it is."""
    known = held_areas | set(check.file.areas)
    names = dict(Area.objects.values_list("code", "name")) | {code: a.name for code, a in check.file.areas.items()}
    for group in check.file.groups:
        if group.neighbours_of and group.neighbours_of not in known:
            check.groups_not_held += 1
            continue
        missing = [code for code in group.members if code not in known]
        for code in missing:
            check.problem(None, group.where, f"“{code}” is not a council Scorecard holds or this file names")
        check.groups_in_error += bool(missing)
        if group.neighbours_of:
            group.name = f"{names[group.neighbours_of]}'s nearest neighbours ({group.source})"
        group.vintage = group.vintage or vintage
        check.groups.append(group)
    held = held_members({group.name for group in check.groups})
    check.groups_unchanged = sum(1 for group in check.groups if held.get(group.name) == set(group.members))
    check.groups = [group for group in check.groups if held.get(group.name) != set(group.members)]


def held_members(names: set[str]) -> dict[str, set[str]]:
    members: dict[str, set[str]] = {}
    through = ComparatorGroup.members.through.objects.filter(comparatorgroup__name__in=names)
    for name, code in through.values_list("comparatorgroup__name", "area__code"):
        members.setdefault(name, set()).add(code)
    return members


def problems_report(check: ComparisonCheck) -> str:
    """The problems as CSV (row, column, message), to open beside the file and put it right."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(["row", "column", "message"])
    writer.writerows([problem.row or "", problem.column, not_a_formula(problem.message)] for problem in check.problems)
    return output.getvalue()
