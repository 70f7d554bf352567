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
from scorecard.council.models import FinancialYear, OrganisationSettings, Period
from scorecard.measures.models import Measure, ScorecardEntry, Target, TargetAmendment
from scorecard.performance.commentary import Commentary, CommentaryRequired, commentary_missing
from scorecard.performance.ranges import fraction_problem
from scorecard.returns.models import COMMENTARY_LENGTH, RETURN_FIELDS, PublishedReturn, Return, WorkflowState, too_long
from scorecard.returns.selectors import assessed_return, restated_returns, unapproved_returns

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


STALE_SIGN_OFF = "Someone changed this return after your page was shown: reload the page and check it again."


def claim_version(ret: Return, version: int, stale: str = STALE) -> None:
    """Raise the stored version only if it is still the one the person started from."""
    if not Return.objects.filter(pk=ret.pk, version=version).update(version=F("version") + 1):
        raise StaleReturn(stale)


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
        if ret.version != version:
            raise StaleReturn(STALE)
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
    held = ret.numerator is not None or ret.denominator is not None  # the measure is read only when it matters
    problem = held and fraction_problem(ret.measure.unit, ret.numerator, ret.denominator)
    if problem:
        raise Refused(f"{ret.measure}: {problem[1]}.")  # the forms say so first; the API and imports meet it here


@transaction.atomic
def return_submit(*, ret: Return, by, version: int, **figures) -> Return:
    """Save and send to the directorate's approver; Red or Amber needs all three commentaries."""
    ret = return_save(ret=ret, by=by, version=version, **figures)
    if ret.version == version:  # nothing to save first: submitting is the change that raises the version
        claim_version(ret, version)
        ret.refresh_from_db(fields=["version"])
    missing = missing_commentary(ret)
    if missing:
        raise Refused(missing)
    ret.state, ret.returned_comment, ret.submitted_by = WorkflowState.SUBMITTED, "", by
    record(ret, by, "Submitted")
    return ret


def missing_commentary(ret: Return) -> str:
    """Why the return cannot be submitted without more commentary (the organisation's rule), or ""."""
    if ret.period.back_loading:  # past figures are not held to today's commentary rule
        return ""
    if not ret.period.year.commentary_required_for_red_amber:
        return ""  # a year may ask for none (the year's own setting, kept from before the organisation's rule)
    commentary, required = OrganisationSettings.load().commentary_rule
    assessment = assessed_return(ret).assessment
    written = {name: getattr(ret, name) for name in COMMENTARIES}
    status, forecast = assessment.status, assessment.forecast_status
    missing = commentary_missing(commentary, required, written, status=status, forecast_status=forecast)
    if not missing:
        return ""
    labels = " and ".join(commentary_label(name, commentary) for name in missing)
    which = "all three commentaries" if commentary is Commentary.THREE else "its commentary"
    whose = "A return rated Red or Amber" if required is CommentaryRequired.RED_OR_AMBER else "Every return"
    return f"{whose} needs {which} before it is submitted: add {labels}."


def commentary_label(name: str, commentary: Commentary) -> str:
    """The one note is called "Commentary"; the three keep their own names."""
    return "Commentary" if commentary is Commentary.ONE else Return._meta.get_field(name).verbose_name


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
IMPORTED_APPROVED = "Imported approved"


@transaction.atomic
def returns_import(
    *,
    period: Period,
    imported: Sequence[ImportedReturn],
    by,
    batch_size: int = 1_000,
    progress: Callable[[int, int], None] | None = None,
    approved: bool = False,
) -> list[Return]:
    """Save many returns of a quarter as drafts at once, by the rules return_start and return_save keep one by one.

    The quarter is held and the file's stored returns are read and held once; each return is refused, with its
    measure named, if the person may not edit it or it has changed since the file was checked. Then the returns
    are written in batches, each with one history record; all of them, or nothing.

    approved: the performance team's central entry (or a past quarter loaded): the returns are saved approved,
    and each one's history says "Imported approved", by whom.
    """
    if approved and not permissions.imports_approved_returns(by):
        raise Refused("Only the performance team imports returns as approved.")
    period = Period.objects.select_for_update().select_related("year").get(pk=period.pk)
    stored = Return.objects.select_for_update().filter(period=period, measure__in=[one.measure for one in imported])
    found = {ret.measure_id: ret for ret in stored}
    directorates = permissions.year_directorates(period.year_id)
    now = timezone.now()
    checked = [checked_import(one, found, period, directorates, by, now) for one in imported]
    changed = sorted({name for one in imported for name in one.figures})
    if approved:
        for ret in checked:
            ret.state, ret.returned_comment = WorkflowState.APPROVED, ""
        changed += ["state", "returned_comment"]
    reason = IMPORTED_APPROVED if approved else IMPORTED
    for start in range(0, len(checked), batch_size):
        imported_batch(checked[start : start + batch_size], by, changed, reason)
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


def imported_batch(returns: list[Return], by, changed: list[str], reason: str) -> None:
    new = [ret for ret in returns if ret.pk is None]
    stored = [ret for ret in returns if ret.pk is not None]
    history = {"default_user": by, "default_change_reason": reason}
    if new:
        bulk_create_with_history(new, Return, **history)
    if stored:
        bulk_update_with_history(stored, Return, [*changed, "version", "updated_at"], **history)


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


def refusal(ret: Return, verb: str, by=None) -> str:
    if ret.period.state == Period.State.NOT_OPEN:
        return f"{ret.period.label} is not open for returns yet."
    if not ret.period.is_open:
        return f"{ret.period.label} is closed: its figures and commentary can no longer be changed."
    if verb in ("approve", "send back") and ret.state != WorkflowState.SUBMITTED:
        return f"Only a submitted return can be {'approved' if verb == 'approve' else 'sent back'}."
    if verb == "approve" and by is not None and permissions.is_self_approval(by, ret):
        return "You submitted this return, so someone else approves it: the organisation does not allow self-approval."
    if verb == "reopen" and ret.state != WorkflowState.APPROVED:
        return "Only an approved return can be reopened: a submitted one is sent back instead."
    if verb == "edit" and ret.state == WorkflowState.APPROVED:
        return (
            "This return is approved: to restate a figure, the performance team or the directorate's approver "
            "reopens it with a reason, and it comes back to its owner."
        )
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


BACK_LOADING_QUESTION = "Say whether you are back-loading a past quarter: its deadline has passed"


def back_loading_asked(deadline: date) -> bool:
    """A deadline already passed: either a past quarter being entered after the event, or a mistake."""
    return deadline < timezone.localdate()


@transaction.atomic
def period_open(*, period: Period, by, deadline: date, back_loading: bool | None = None) -> Period:
    """Open the quarter for returns. A deadline already passed needs the answer to "is this back-loading?": a
    back-loaded quarter sends no reminders, marks nothing overdue and holds past figures to no commentary rule."""
    period = locked(period, by)
    if period.state != Period.State.NOT_OPEN:
        raise Refused(f"{period.label} has been opened before: reopen it with a reason instead.")
    if back_loading is None and back_loading_asked(deadline):
        raise Refused(f"{BACK_LOADING_QUESTION} ({deadline:%-d %B %Y}).")
    reason = "Opened to back-load a past quarter" if back_loading else "Opened"
    values = {"state": Period.State.OPEN, "deadline": deadline, "back_loading": bool(back_loading)}
    return period_change(period, by, reason, **values)


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
    held = {}
    if period.is_published and not period.holds_published_record:
        keep_published_record(period)
        held = {"record_held_at": timezone.now()}
    return period_change(period, by, f"Reopened: {reason.strip()}"[:100], state=Period.State.OPEN, **held)


def keep_published_record(period: Period) -> None:
    """Copy each return as published, so readers go on seeing it while the quarter is changed."""
    restated = restated_returns(period)
    copies = [PublishedReturn.of(ret, restated=ret.pk in restated) for ret in Return.objects.filter(period=period)]
    PublishedReturn.objects.bulk_create(copies, batch_size=1_000)


class NotApproved(Refused):
    """Publishing was asked for with returns not approved, and not confirmed: the list is for the person to see."""

    def __init__(self, message: str, *, returns: list[Return]):
        super().__init__(message)
        self.returns = returns


@transaction.atomic
def period_publish(
    *, period: Period, by, published_on: date | None = None, confirm_unapproved: bool = False, reason: str = ""
) -> Period:
    """Publish a closed quarter (or republish one reopened since it was published): readers and the public see it.

    published_on is the date the council really published it (a past quarter's), today if not given. Returns
    not approved refuse it, unless the person has seen the list and confirmed, with a reason; both are kept.
    """
    period = locked(period, by)
    if period.state != Period.State.CLOSED:
        raise Refused(f"Close {period.label} before publishing it.")
    if period.is_published and not period.holds_published_record:
        raise Refused(f"{period.label} is already published.")
    if published_on and published_on > timezone.localdate():
        raise Refused("The date it was published cannot be in the future.")
    note = unapproved_note(period, confirm_unapproved, reason)
    if period.is_published:
        PublishedReturn.objects.filter(period=period).delete()
        return period_change(period, by, "Republished", record_held_at=None, publication_note=note)
    values = {"published_at": timezone.now(), "published_on": published_on or timezone.localdate()}
    return period_change(period, by, "Published", publication_note=note, **values)


def unapproved_note(period: Period, confirmed: bool, reason: str) -> str:
    """What the history keeps when returns not approved are published: which, in what state, and why."""
    returns = unapproved_returns(period)
    if not returns:
        return ""
    listed = "; ".join(f"{ret.measure} ({ret.state_label.lower()})" for ret in returns)
    if not confirmed:
        count = f"{len(returns)} return{'s are' if len(returns) > 1 else ' is'}"
        raise NotApproved(f"{count} not approved in {period.label}: {listed}.", returns=returns)
    if not reason.strip():
        raise Refused("Say why the quarter is published with returns not approved: the reason is kept.")
    return f"Published with {len(returns)} not approved: {listed}. Reason: {reason.strip()}"


# -- history brought from elsewhere --------------------------------------------------------------


@transaction.atomic
def history_period(*, start_year: int, quarter: int, by) -> Period:
    """The quarter a year's history goes in: made closed and published (history is already public) if new.

    A quarter that is open, or not yet open, collects its returns the ordinary way and takes no history.
    """
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team imports history.")
    year, _ = FinancialYear.objects.get_or_create(start_year=start_year)
    if year.is_monthly:
        raise Refused(
            f"{year.label} is collected monthly: history comes in by quarter, into a year collected quarterly."
        )
    period = Period.objects.select_for_update().filter(year=year, quarter=quarter, month=None).first()
    if period is None:
        period = Period(year=year, quarter=quarter)
        return period_change(period, by, "Made for history", state=Period.State.CLOSED, published_at=timezone.now())
    if period.state != Period.State.CLOSED:
        raise Refused(f"{period.label} is {period.get_state_display().lower()}: enter its figures as returns.")
    return period


@transaction.atomic
def history_record(
    *, measure: Measure, period: Period, actual, note: str, by, source: str, fraction: tuple = (None, None)
) -> Return:
    """A figure from the council's history: an approved return in a closed quarter, kept in the year's scorecard;
    fraction: a percentage's or rate's numerator and denominator, when the history holds them."""
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team imports history.")
    order = ScorecardEntry.objects.filter(year_id=period.year_id).count()
    ScorecardEntry.objects.get_or_create(year_id=period.year_id, measure=measure, defaults={"order": order})
    ret = Return.objects.filter(measure=measure, period=period).first() or Return(measure=measure, period=period)
    ret.actual, ret.data_note, ret.state = actual, note, WorkflowState.APPROVED
    ret.numerator, ret.denominator = fraction
    problem = fraction_problem(measure.unit, *fraction)
    if problem:
        raise Refused(f"{measure}: {problem[1]}.")
    record(ret, by, f"History imported from {source}")
    return ret
