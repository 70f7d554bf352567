"""What an import would do, row by row, before anything is written; and the commit, all rows or none."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import transaction

from scorecard.imports import ImportProblem
from scorecard.imports.cells import formula_problem, looks_like_a_formula
from scorecard.imports.reading import FIRST_ROW, Row, is_blank
from scorecard.reports.render.delimited import not_a_formula

PROGRESS_EVERY = 1_000  # rows between progress reports
# The page lists at most this many rows in error (all of them are in the problems download), and at most
# SHOWN_ROWS rows of a file without errors (all of them are in the check's download).
SHOWN_PROBLEM_ROWS = 100
SHOWN_ROWS = 1_000

ProgressReport = Callable[[int, int], None]  # (rows done, rows in all)
Writer = Callable[[list["PlannedRow"], object, ProgressReport | None], None]  # (rows to write, who, progress)


class Outcome(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, {self.column}: {self.message}"


@dataclass
class PlannedRow:
    """One row of the file: what it would do, or why it cannot be imported."""

    number: int
    code: str
    outcome: Outcome = Outcome.UNCHANGED
    problems: list[Problem] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    measure: object = None
    period: object = None
    changes: dict[str, object] = field(default_factory=dict)
    # What was stored when the row was checked, so a change made since is caught at the commit.
    seen: object = None

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.number, column, message))
        self.outcome = Outcome.ERROR

    def has_problem(self, column: str) -> bool:
        return any(problem.column == column for problem in self.problems)


@dataclass
class Plan:
    """The dry run: every row classified, with its reasons; committing it writes the new and changed rows."""

    what: str
    rows: list[PlannedRow]
    write: Writer
    ignored_columns: list[str] = field(default_factory=list)
    created_first: list[str] = field(default_factory=list)  # what the import would create before its rows
    notes: list[str] = field(default_factory=list)  # anything else to know before importing

    def counted(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def problems(self) -> list[Problem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def in_error(self) -> int:
        return self.counted(Outcome.ERROR)

    @property
    def shown_rows(self) -> list[PlannedRow]:
        """The rows the page lists: the first rows in error if any are, else the first rows of the file."""
        if self.in_error:
            return [row for row in self.rows if row.outcome == Outcome.ERROR][:SHOWN_PROBLEM_ROWS]
        return self.rows[:SHOWN_ROWS]

    @property
    def showing(self) -> str:
        """What the page says when it lists only some of the rows ("" when it lists them all)."""
        listed, of = len(self.shown_rows), self.in_error or len(self.rows)
        if listed == of:
            return ""
        return f"Showing the first {listed:,} of {of:,} rows{' in error' if self.in_error else ''}."

    @property
    def to_write(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.outcome in (Outcome.NEW, Outcome.CHANGED)]

    def as_checked(self) -> dict[str, str]:
        """What each row found stored when the file was checked (row number → version), to keep with the file."""
        return {str(row.number): str(row.seen) for row in self.rows if row.measure is not None}

    def refuse_changed_since(self, checked: dict[str, str]) -> None:
        """A row whose stored record changed between the check and the import is not written over: the import is
        refused, naming the row, and nothing is written."""
        for row in self.to_write:
            if checked.get(str(row.number)) != str(row.seen):
                raise ImportProblem(
                    f"Row {row.number}: someone changed the {self.what.removesuffix('s')} for {row.code} after the "
                    "file was checked, so nothing was imported. Check the file again and import it."
                )

    @property
    def summary(self) -> str:
        return (
            f"{self.counted(Outcome.NEW)} new, {self.counted(Outcome.CHANGED)} changed, "
            f"{self.counted(Outcome.UNCHANGED)} unchanged, {self.in_error} in error"
        )


def planned_rows(
    rows: Sequence[Row],
    columns: Iterable[str],
    check: Callable[[PlannedRow, Row], None],
    progress: ProgressReport | None,
    *,
    numbers: Sequence[int] | None = None,
) -> list[PlannedRow]:
    """Check each row that is not blank in the import's columns, numbered as in the spreadsheet.

    numbers: each row's number in the file it came from, when the rows are picked out of a bigger file.
    """
    columns = tuple(columns)
    planned = []
    for index, row in enumerate(rows):
        cells = {column: row.get(column) for column in columns}
        if not is_blank(cells):
            number = numbers[index] if numbers is not None else index + FIRST_ROW
            planned.append(checked_row(number, cells, check))
        report_progress(progress, index + 1, len(rows))
    return planned


def checked_row(number: int, cells: Row, check: Callable[[PlannedRow, Row], None]) -> PlannedRow:
    """Formula-looking cells are refused first, then the import's own checks see the rest."""
    row = PlannedRow(number, code=str(cells.get("code") or "").strip())
    for column, value in cells.items():
        if looks_like_a_formula(value):
            row.problem(column, formula_problem(value))
            cells[column] = None
    check(row, cells)
    return row


def report_progress(progress: ProgressReport | None, done: int, total: int) -> None:
    if progress and (done % PROGRESS_EVERY == 0 or done == total):
        progress(done, total)


def ignored_columns(rows: Sequence[Row], known: Iterable[str]) -> list[str]:
    """Headings the import does not read, so a misspelt one ("forcast") is pointed out rather than lost."""
    return sorted(set(rows[0]) - set(known)) if rows else []


def outcome_of(row: PlannedRow, stored: bool, *, approving: bool = False) -> None:
    """New or changed when the row writes anything: figures to change, or (approving) a state to set."""
    if row.outcome != Outcome.ERROR and (row.changes or approving):
        row.outcome = Outcome.CHANGED if stored else Outcome.NEW


def commit_plan(
    plan: Plan, by, *, progress: ProgressReport | None = None, checked: dict[str, str] | None = None
) -> int:
    """Write every new and changed row in one transaction; nothing at all if any row is in error.

    checked: what the rows found stored when the file was checked (Plan.as_checked), when that was earlier.
    """
    if plan.in_error:
        raise ImportProblem(
            f"{plan.in_error:,} {'row is' if plan.in_error == 1 else 'rows are'} in error, so nothing was imported. "
            "Correct the file and import it again."
        )
    if checked is not None:
        plan.refuse_changed_since(checked)
    rows = plan.to_write
    with transaction.atomic():
        plan.write(rows, by, progress)
    return len(rows)


def row_by_row(write: Callable[[PlannedRow, object], None]) -> Writer:
    """A writer that writes the rows one at a time, for imports whose service takes one row at a time."""

    def write_rows(rows: list[PlannedRow], by, progress: ProgressReport | None) -> None:
        for done, row in enumerate(rows, start=1):
            write(row, by)
            report_progress(progress, done, len(rows))

    return write_rows


def error_report(plan: Plan) -> str:
    """The problems as CSV (row, column, message), to open next to the file and put it right."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(["row", "column", "message"])
    writer.writerows([problem.row, problem.column, not_a_formula(problem.message)] for problem in plan.problems)
    return output.getvalue()
