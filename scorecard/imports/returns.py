"""Importing a quarter's returns: one row per measure or action, as the template lays it out.

Columns: code (required), actual, forecast, numerator and denominator (a percentage's or rate's own figures, both
or neither), flag, note, then the commentary the organisation keeps
(performance.commentary): one `commentary` column, kept as the context, for one note; `context`,
`improvement_actions` and `intervention` for the three commentaries; none for none. Optionally period (it must be
the quarter being imported). A commentary column the organisation does not keep is an error on a row that fills
it (the words would be lost), and listed as not imported when it is blank (an older template). An empty cell
leaves what is recorded as it is: the template is not pre-filled with returns, so an empty cell cannot mean
"clear it"; clearing is done on the return's page. Rows are saved as drafts all at once through
returns.services.returns_import, with the same permissions, closed-quarter rule, history and lost-update
protection as the web form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial

from scorecard.accounts import permissions
from scorecard.council.models import OrganisationSettings, Period
from scorecard.imports import ImportProblem, plans
from scorecard.imports.cells import (
    CellProblem,
    figure,
    is_empty,
    period_of,
    progress,
    shown,
    text_of,
    typed_number,
    words,
)
from scorecard.imports.codes import ScorecardCodes
from scorecard.imports.plans import Plan, PlannedRow, ProgressReport, ignored_columns, outcome_of, planned_rows
from scorecard.imports.reading import Row, read_rows
from scorecard.measures.fields import plain
from scorecard.measures.models import Measure
from scorecard.performance import milestones
from scorecard.performance.commentary import THREE, Commentary
from scorecard.performance.numbers import LARGEST
from scorecard.performance.periods import PeriodError
from scorecard.performance.ranges import fraction_problem
from scorecard.returns import services
from scorecard.returns.models import COMMENTARY_LENGTH, DataFlag, Return, WorkflowState

FIGURES = ("code", "period", "actual", "forecast", "flag", "note", "numerator", "denominator")
COMMENTARY_COLUMNS = ("commentary", *THREE)  # every commentary column a file may have, whichever the rule
READ_ONLY = ("title", "quarter_target", "year_end_target")  # in the template for reference; never imported
ALIASES = {
    "measure_code": "code",
    "reference": "code",
    "year_end_forecast": "forecast",
    "data_flag": "flag",
    "data_note": "note",
    "context_for_current_performance": "context",
    "improvement_actions_taken": "improvement_actions",
    "intervention_review": "intervention",
}
NOTE_LENGTH = Return._meta.get_field("data_note").max_length


def commentary_columns(commentary: Commentary) -> dict[str, str]:
    """Column → the return's field, for the commentary the organisation keeps: one note is kept as the context."""
    if commentary is Commentary.ONE:
        return {"commentary": "context"}
    return {name: name for name in commentary.fields}


def columns(commentary: Commentary) -> tuple[str, ...]:
    """The columns imported under the organisation's commentary rule, in the template's order."""
    return (*FIGURES, *commentary_columns(commentary))


def read_returns_file(file_name: str, content: bytes, *, max_bytes: int | None = None) -> list[Row]:
    return read_rows(file_name, content, required=("code",), aliases=ALIASES, max_bytes=max_bytes)


def plan_returns(
    rows: Sequence[Row], period: Period, by, *, progress: ProgressReport | None = None, approved: bool = False
) -> Plan:
    """Each row new, changed, unchanged or in error, against the quarter's returns as stored now.

    approved: the performance team imports the returns approved (central entry, a past quarter loaded); a row
    whose return is not approved yet is then written even when its figures are as recorded.
    """
    if approved and not permissions.imports_approved_returns(by):
        raise ImportProblem("Only the performance team imports returns as approved.")
    checks = ReturnChecks(period, by, approved=approved)
    planned = planned_rows(rows, (*FIGURES, *COMMENTARY_COLUMNS), checks.check, progress)
    write = partial(record_returns, period=checks.period, approved=approved)
    imported = (*columns(checks.commentary), *READ_ONLY)
    return Plan("returns", planned, write=write, ignored_columns=ignored_columns(rows, imported))


class ReturnChecks:
    """The checks of one import's rows, with what they need read once: the codes and the stored returns."""

    def __init__(self, period: Period, by, *, approved: bool = False):
        self.period = Period.objects.select_related("year").get(pk=period.pk)
        self.by = by
        self.approved = approved
        self.commentary = OrganisationSettings.load().commentary_rule[0]
        self.codes = ScorecardCodes(self.period.year)
        self.stored = {ret.measure_id: ret for ret in Return.objects.filter(period=period).select_related("measure")}
        self.directorates = permissions.year_directorates(self.period.year_id)
        self.first_rows: dict[int, int] = {}  # measure id → the row it was first given in

    def check(self, row: PlannedRow, cells: Row) -> None:
        self.check_period(row, cells.get("period"))
        measure = self.measure(row, cells.get("code"))
        if measure is None:
            return
        ret = self.return_of(measure)
        row.measure, row.period, row.seen = measure, self.period, ret.version if ret.pk else 0
        self.check_commentary_kept(row, cells)
        row.changes = changes(ret, figures(row, cells, measure, self.commentary))
        check_fraction(row, ret, measure)
        row.reasons = reasons(ret, row.changes, one_note=self.commentary is Commentary.ONE)
        approving = self.approved and ret.state != WorkflowState.APPROVED
        if (row.changes or approving or gave_bad_figures(row)) and not permissions.may_edit_return(self.by, ret):
            row.problem("code", services.refusal(ret, "edit"))
        outcome_of(row, stored=ret.pk is not None, approving=approving)
        if approving:
            row.reasons.append("approved")

    def measure(self, row: PlannedRow, code: object) -> Measure | None:
        if row.has_problem("code"):
            return None
        try:
            measure = self.codes.measure(text_of(code))
        except CellProblem as problem:
            row.problem("code", str(problem))
            return None
        first = self.first_rows.setdefault(measure.pk, row.number)
        if first != row.number:
            row.problem("code", f"Row {first} is also for {measure.code or text_of(code)}: give each measure once")
        return measure

    def check_commentary_kept(self, row: PlannedRow, cells: Row) -> None:
        """A commentary column the organisation does not keep, filled in: an error, so its words are not lost."""
        kept = commentary_columns(self.commentary)
        for column in COMMENTARY_COLUMNS:
            if column not in kept and not is_empty(cells.get(column)):
                row.problem(column, not_kept(self.commentary))

    def check_period(self, row: PlannedRow, value: object) -> None:
        if is_empty(value):
            return
        try:
            named = period_of(value)
        except PeriodError as error:
            row.problem("period", str(error))
            return
        if named != self.period.as_period:
            row.problem(
                "period", f"{named.label} is not {self.period.label}, the {self.period.number_name} being imported"
            )

    def return_of(self, measure: Measure) -> Return:
        """The stored return, or the one that would be started (unsaved), for the permission check."""
        ret = self.stored.get(measure.pk) or Return(measure=measure)
        ret.period = self.period
        return permissions.in_directorate(ret, self.directorates)


# -- what a row says -----------------------------------------------------------------------------


def not_kept(commentary: Commentary) -> str:
    return {
        Commentary.NONE: "The organisation keeps no commentary with returns: leave this column blank or take it out",
        Commentary.ONE: "The organisation keeps one note per return: write it under commentary",
        Commentary.THREE: (
            "The organisation keeps three commentaries: write them under context, improvement_actions and intervention"
        ),
    }[commentary]


def readers(measure: Measure, commentary: Commentary) -> dict[str, tuple[str, Callable[[object], object]]]:
    """Column → (the return's field, how to read the cell) for this measure: numbers, or progress words."""
    milestone = measure.is_milestone
    read_figure = progress_word if milestone else partial(figure, measure=measure)
    figure_field = "{}_progress" if milestone else "{}"
    return {
        "actual": (figure_field.format("actual"), read_figure),
        "forecast": (figure_field.format("forecast"), read_figure),
        **({} if milestone else {"numerator": ("numerator", count), "denominator": ("denominator", count)}),
        "flag": ("data_flag", data_flag),
        "note": ("data_note", lambda value: words(value, longest=NOTE_LENGTH)),
        **{column: (name, commentary_words) for column, name in commentary_columns(commentary).items()},
    }


def figures(row: PlannedRow, cells: Row, measure: Measure, commentary: Commentary) -> dict[str, object]:
    """The fields the row gives, read; a cell that cannot be read is a problem against its column."""
    found = {}
    for column, (name, read) in readers(measure, commentary).items():
        if is_empty(cells.get(column)):
            continue
        try:
            found[name] = read(cells[column])
        except CellProblem as problem:
            row.problem(column, str(problem))
    return found


def count(value: object) -> Decimal | None:
    """A numerator or denominator: a number, checked with its partner (check_fraction), not against the unit."""
    number = value if isinstance(value, Decimal) else typed_number(text_of(value))
    if number is None or number.copy_abs() >= LARGEST:
        raise CellProblem(f"{shown(value)} is not a number we can record: enter a number like 1200")
    return number


def check_fraction(row: PlannedRow, ret: Return, measure: Measure) -> None:
    """The numerator and denominator as they would be saved (the file's, else those recorded) checked together."""
    numerator = row.changes.get("numerator", ret.numerator)
    denominator = row.changes.get("denominator", ret.denominator)
    problem = fraction_problem(measure.unit, numerator, denominator)
    if problem and not row.has_problem(problem[0]):
        row.problem(problem[0], problem[1])


def gave_bad_figures(row: PlannedRow) -> bool:
    """A row that tries to record something is told about permission too, not only once its figures are right."""
    return any(problem.column not in ("code", "period") for problem in row.problems)


def commentary_words(value: object) -> str:
    return words(value, longest=COMMENTARY_LENGTH)


def progress_word(value: object) -> str:
    return progress(value).value


def data_flag(value: object) -> str:
    wanted = text_of(value).lower()
    for flag in DataFlag:
        if wanted in (flag.value, flag.label.lower()):
            return flag.value
    allowed = ", ".join(flag.label for flag in DataFlag)
    raise CellProblem(f"{shown(value)} is not a data flag: use one of {allowed}")


def changes(ret: Return, found: dict[str, object]) -> dict[str, object]:
    return {name: value for name, value in found.items() if getattr(ret, name) != value}


def reasons(ret: Return, changed: dict[str, object], *, one_note: bool = False) -> list[str]:
    if not changed:
        return ["same as recorded" if ret.pk else "nothing to record"]
    described = [change_words(name, getattr(ret, name), value, one_note) for name, value in changed.items()]
    return described if ret.pk else ["new return", *described]


def change_words(name: str, old: object, new: object, one_note: bool = False) -> str:
    """What changes, in words; one note (kept as the context) is called "Commentary", as on the return form."""
    label = "Commentary" if one_note and name == "context" else str(Return._meta.get_field(name).verbose_name)
    if name in services.COMMENTARIES:
        return f"{label} {'changed' if old else 'added'}"
    return f"{label}: {value_words(name, old)} → {value_words(name, new)}"


def value_words(name: str, value: object) -> str:
    if value in (None, "") and name != "data_flag":
        return "blank"
    if name == "data_flag":
        return DataFlag(value).label
    if name.endswith("_progress"):
        return milestones.Progress(value).label
    return plain(value) if not isinstance(value, str) else value


# -- the commit ----------------------------------------------------------------------------------


def record_returns(
    rows: list[PlannedRow], by, progress: ProgressReport | None, *, period: Period, approved: bool = False
) -> None:
    """Save the rows' figures as drafts (or approved), all at once, through the services; a refusal stops the
    whole import."""
    imported = [services.ImportedReturn(row.measure, row.seen, row.changes) for row in rows]
    try:
        services.returns_import(
            period=period,
            imported=imported,
            by=by,
            batch_size=plans.PROGRESS_EVERY,
            progress=progress,
            approved=approved,
        )
    except services.Refused as refused:
        raise refused_row(rows, refused) from refused


def refused_row(rows: list[PlannedRow], refused: services.Refused) -> ImportProblem:
    row = next(row for row in rows if row.measure == refused.measure)
    if isinstance(refused, services.StaleReturn):
        return ImportProblem(
            f"Row {row.number}: someone saved the return for {row.code} after the file was checked, "
            "so nothing was imported. Check the file again and import it."
        )
    return ImportProblem(f"Row {row.number}: {refused} Nothing was imported.")
