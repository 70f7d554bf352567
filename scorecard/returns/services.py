"""Every write to a return or a quarter: checked, recorded in the history, all or nothing.

Each service asks scorecard.accounts.permissions whether the person may act, and refuses with a message
that says why. Saves carry the version the person started from: a save made from a stale copy is refused,
so nobody silently overwrites someone else's change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from scorecard.accounts import permissions
from scorecard.council.models import FinancialYear, Period
from scorecard.measures.models import Measure, ScorecardEntry, Target, TargetAmendment
from scorecard.performance.status import Status
from scorecard.returns.models import COMMENTARY_LENGTH, Return, WorkflowState, too_long
from scorecard.returns.selectors import assessed_return

RETURN_FIELDS = (
    "actual",
    "actual_progress",
    "actual_text",
    "forecast",
    "forecast_progress",
    "data_flag",
    "data_note",
    "context",
    "improvement_actions",
    "intervention",
)
COMMENTARIES = ("context", "improvement_actions", "intervention")


class Refused(Exception):
    """The change was not made; the message says why, for the person who asked."""

    def __init__(self, message: str, *, measure: Measure | None = None):
        super().__init__(message)
        self.measure = measure  # whose return it was, when one of many was refused (returns_import)


class StaleReturn(Refused):
    """Someone else saved the return since this copy was read."""


def fresh(ret: Return) -> Return:
    """The return as stored now, its quarter held so nobody closes it half-way through this change."""
    ret = Return.objects.select_related("measure").get(pk=ret.pk)
    ret.period = Period.objects.select_for_update().select_related("year").get(pk=ret.period_id)
    return ret


STALE = (
    "Someone else saved this return while you were editing it. Your text is still on the page: "
    "copy what you need, reload the return, and make your changes again."
)


def claim_version(ret: Return, version: int) -> None:
    """Raise the stored version only if it is still the one the person started from."""
    if not Return.objects.filter(pk=ret.pk, version=version).update(version=F("version") + 1):
        raise StaleReturn(STALE)


def record(ret: Return, by, reason: str = "") -> None:
    ret._history_user = by
    ret._change_reason = reason or None
    ret.save()


@transaction.atomic
def return_start(*, measure, period: Period, by) -> Return:
    """The quarter's return for a measure, begun as an empty draft the first time its owner saves."""
    Period.objects.select_for_update().get(pk=period.pk)  # held first, or an import writing this return deadlocks
    ret, _ = Return.objects.get_or_create(measure=measure, period=period, defaults={"version": 0})
    ret = fresh(ret)
    if not permissions.may_edit_return(by, ret):
        raise Refused(refusal(ret, "edit"))
    return ret


@transaction.atomic
def return_save(*, ret: Return, by, version: int, **figures) -> Return:
    """Save a draft: figures and commentary, as the owner left them."""
    ret = fresh(ret)
    if not permissions.may_edit_return(by, ret):
        raise Refused(refusal(ret, "edit"))
    if not changed(ret, figures):
        return ret  # nothing to save: no new version, nothing in the history
    claim_version(ret, version)
    ret.refresh_from_db(fields=["version"])
    set_figures(ret, figures)
    record(ret, by)
    return ret


def changed(ret: Return, figures: dict[str, object]) -> bool:
    return any(name not in RETURN_FIELDS or getattr(ret, name) != value for name, value in figures.items())


def set_figures(ret: Return, figures: dict[str, object]) -> None:
    for name, value in figures.items():
        if name not in RETURN_FIELDS:
            raise ValueError(f"{name} is not a figure or commentary of a return")
        if name in COMMENTARIES and len(value or "") > COMMENTARY_LENGTH:
            raise Refused(too_long(Return._meta.get_field(name).verbose_name))  # the forms and imports say so first
        setattr(ret, name, value)


@transaction.atomic
def return_submit(*, ret: Return, by, version: int, **figures) -> Return:
    """Save and send to the directorate's approver; Red or Amber needs all three commentaries."""
    ret = return_save(ret=ret, by=by, version=version, **figures)
    missing = missing_commentary(ret)
    if missing:
        raise Refused(
            f"A return rated Red or Amber needs all three commentaries before it is submitted: add {missing}."
        )
    ret.state, ret.returned_comment = WorkflowState.SUBMITTED, ""
    record(ret, by, "Submitted")
    return ret


def missing_commentary(ret: Return) -> str:
    if not ret.period.year.commentary_required_for_red_amber:
        return ""
    assessment = assessed_return(ret).assessment
    if not {assessment.status, assessment.forecast_status} & {Status.RED, Status.AMBER}:
        return ""
    labels = [Return._meta.get_field(name).verbose_name for name in COMMENTARIES if not getattr(ret, name).strip()]
    return " and ".join(labels)


@transaction.atomic
def return_record(*, ret: Return, by, version: int, submit: bool = False, **figures) -> Return:
    """Start the return if nobody has yet, then save it as a draft or submit it: all of it, or nothing."""
    if ret.pk is None:
        ret = return_start(measure=ret.measure, period=ret.period, by=by)
    service = return_submit if submit else return_save
    return service(ret=ret, by=by, version=version, **figures)


@dataclass(frozen=True)
class ImportedReturn:
    """A measure's figures and commentary from an import file, and the return's version when the file was checked
    (0: no return yet)."""

    measure: Measure
    seen: int
    figures: dict[str, object]


IMPORTED = "Imported"  # the change reason in each imported return's history


@transaction.atomic
def returns_import(
    *,
    period: Period,
    imported: Sequence[ImportedReturn],
    by,
    batch_size: int = 1_000,
    progress: Callable[[int, int], None] | None = None,
) -> list[Return]:
    """Save many returns of a quarter as drafts at once, by the rules return_start and return_save keep one by one.

    The quarter is held and the file's stored returns are read and held once; each return is refused, with its
    measure named, if the person may not edit it or it has changed since the file was checked. Then the returns
    are written in batches, each with one history record; all of them, or nothing.
    """
    period = Period.objects.select_for_update().select_related("year").get(pk=period.pk)
    stored = Return.objects.select_for_update().filter(period=period, measure__in=[one.measure for one in imported])
    found = {ret.measure_id: ret for ret in stored}
    directorates = permissions.year_directorates(period.year_id)
    now = timezone.now()
    checked = [checked_import(one, found, period, directorates, by, now) for one in imported]
    changed = sorted({name for one in imported for name in one.figures})
    for start in range(0, len(checked), batch_size):
        imported_batch(checked[start : start + batch_size], by, changed)
        if progress:
            progress(min(start + batch_size, len(checked)), len(checked))
    return checked


def checked_import(one: ImportedReturn, found: dict[int, Return], period, directorates, by, now) -> Return:
    """The return with the file's figures set, once the person may edit it and it is as it was when checked."""
    ret = found.get(one.measure.pk) or Return(measure=one.measure, version=0)
    ret.measure, ret.period = one.measure, period
    permissions.in_directorate(ret, directorates)
    if not permissions.may_edit_return(by, ret):
        raise Refused(refusal(ret, "edit"), measure=one.measure)
    if ret.version != one.seen:
        raise StaleReturn(STALE, measure=one.measure)
    set_figures(ret, one.figures)
    ret.version, ret.updated_at = ret.version + 1, now
    return ret


def imported_batch(returns: list[Return], by, changed: list[str]) -> None:
    new = [ret for ret in returns if ret.pk is None]
    stored = [ret for ret in returns if ret.pk is not None]
    history = {"default_user": by, "default_change_reason": IMPORTED}
    if new:
        bulk_create_with_history(new, Return, **history)
    if stored:
        bulk_update_with_history(stored, Return, [*changed, "version", "updated_at"], **history)


@transaction.atomic
def return_approve(*, ret: Return, by) -> Return:
    ret = fresh(ret)
    if not permissions.may_approve_return(by, ret):
        raise Refused(refusal(ret, "approve"))
    ret.state = WorkflowState.APPROVED
    record(ret, by, "Approved")
    return ret


@transaction.atomic
def return_send_back(*, ret: Return, by, comment: str) -> Return:
    """Return it to its owner with a comment they see on the form."""
    ret = fresh(ret)
    if not permissions.may_approve_return(by, ret):
        raise Refused(refusal(ret, "send back"))
    if not comment.strip():
        raise Refused("Say why the return is being sent back, so its owner knows what to change.")
    ret.state, ret.returned_comment = WorkflowState.RETURNED, comment.strip()
    record(ret, by, "Sent back")
    return ret


@transaction.atomic
def return_challenge(*, ret: Return, by, comment: str) -> Return:
    """The performance team's challenge (004: "Additional comments would be welcome …")."""
    ret = fresh(ret)
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team challenges returns.")
    if not comment.strip():
        raise Refused("Write the challenge.")
    ret.challenge = comment.strip()
    record(ret, by, "Challenged")
    return ret


@transaction.atomic
def return_override(*, ret: Return, by, field: str, value: str, reason: str) -> Return:
    """Set a status, forecast status or direction by hand, with the reason kept."""
    ret = fresh(ret)
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team overrides a status or direction.")
    if field not in ("status", "forecast_status", "direction"):
        raise ValueError(f"{field} cannot be overridden")
    if value and not reason.strip():
        raise Refused("Give the reason for the override.")
    setattr(ret, f"{field}_override", value)
    setattr(ret, f"{field}_override_reason", reason.strip() if value else "")
    record(ret, by, f"Override of {field.replace('_', ' ')}")
    return ret


@transaction.atomic
def target_amend(*, target: Target, by, new_value, reason: str, approved_by: str, approved_on: date) -> Target:
    """Change a target, keeping the old value, the reason and who approved it."""
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team amends targets.")
    if not reason.strip() or not approved_by.strip():
        raise Refused("A target amendment needs its reason and who approved it.")
    TargetAmendment.objects.create(
        target=target,
        old_value=target.value,
        new_value=new_value,
        reason=reason.strip(),
        approved_by=approved_by.strip(),
        approved_on=approved_on,
        recorded_by=by,
    )
    target.value = new_value
    target._history_user = by
    target.save()
    return target


def refusal(ret: Return, verb: str) -> str:
    if ret.period.state == Period.State.NOT_OPEN:
        return f"{ret.period.label} is not open for returns yet."
    if not ret.period.is_open:
        return f"{ret.period.label} is closed: its figures and commentary can no longer be changed."
    if verb in ("approve", "send back") and ret.state != WorkflowState.SUBMITTED:
        return f"Only a submitted return can be {'approved' if verb == 'approve' else 'sent back'}."
    if verb == "edit" and ret.state not in permissions.EDITABLE:
        return f"This return is {ret.get_state_display().lower()}: it can be changed only once it is sent back."
    return f"You cannot {verb} this return."


# -- the quarter ---------------------------------------------------------------------------------


def locked(period: Period, by) -> Period:
    """The quarter as stored now, held until the change is made; only the performance team may change it."""
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team opens, closes and publishes quarters.")
    return Period.objects.select_for_update().select_related("year").get(pk=period.pk)


def period_change(period: Period, by, reason: str, **values) -> Period:
    for name, value in values.items():
        setattr(period, name, value)
    period._history_user, period._change_reason = by, reason
    period.save()
    return period


@transaction.atomic
def period_open(*, period: Period, by, deadline: date) -> Period:
    period = locked(period, by)
    if period.state != Period.State.NOT_OPEN:
        raise Refused(f"{period.label} has been opened before: reopen it with a reason instead.")
    return period_change(period, by, "Opened", state=Period.State.OPEN, deadline=deadline)


@transaction.atomic
def period_close(*, period: Period, by) -> Period:
    period = locked(period, by)
    if period.state != Period.State.OPEN:
        raise Refused(f"{period.label} is not open.")
    return period_change(period, by, "Closed", state=Period.State.CLOSED)


@transaction.atomic
def period_reopen(*, period: Period, by, reason: str) -> Period:
    period = locked(period, by)
    if period.state != Period.State.CLOSED:
        raise Refused(f"{period.label} is not closed.")
    if not reason.strip():
        raise Refused("Reopening a closed quarter needs a reason, which is kept.")
    return period_change(period, by, f"Reopened: {reason.strip()}", state=Period.State.OPEN)


@transaction.atomic
def period_publish(*, period: Period, by) -> Period:
    period = locked(period, by)
    if period.state != Period.State.CLOSED:
        raise Refused(f"Close {period.label} before publishing it.")
    if period.is_published:
        raise Refused(f"{period.label} is already published.")
    return period_change(period, by, "Published", published_at=timezone.now())


# -- history brought from elsewhere --------------------------------------------------------------


@transaction.atomic
def history_period(*, start_year: int, quarter: int, by) -> Period:
    """The quarter a year's history goes in: made closed and published (history is already public) if new.

    A quarter that is open, or not yet open, collects its returns the ordinary way and takes no history.
    """
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team imports history.")
    year, _ = FinancialYear.objects.get_or_create(start_year=start_year)
    period = Period.objects.select_for_update().filter(year=year, quarter=quarter).first()
    if period is None:
        period = Period(year=year, quarter=quarter)
        return period_change(period, by, "Made for history", state=Period.State.CLOSED, published_at=timezone.now())
    if period.state != Period.State.CLOSED:
        raise Refused(f"{period.label} is {period.get_state_display().lower()}: enter its figures as returns.")
    return period


@transaction.atomic
def history_record(*, measure: Measure, period: Period, actual, note: str, by, source: str) -> Return:
    """A figure from the council's history: an approved return in a closed quarter, kept in the year's scorecard."""
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team imports history.")
    order = ScorecardEntry.objects.filter(year_id=period.year_id).count()
    ScorecardEntry.objects.get_or_create(year_id=period.year_id, measure=measure, defaults={"order": order})
    ret = Return.objects.filter(measure=measure, period=period).first() or Return(measure=measure, period=period)
    ret.actual, ret.data_note, ret.state = actual, note, WorkflowState.APPROVED
    record(ret, by, f"History imported from {source}")
    return ret
