"""Returns: read by anyone once published; saved, submitted, approved or sent back by the services the web uses.

The same checks and messages as the web. Each change carries the version it was read at; a change made from
an older copy is refused (409), so nobody silently overwrites someone else's work.
"""

from __future__ import annotations

from ninja import Router

from scorecard.accounts import permissions
from scorecard.api import shapes
from scorecard.api.access import TOKEN, TOKEN_OR_PUBLIC
from scorecard.api.errors import Forbidden, Invalid, NotFound
from scorecard.api.reads import Id, readable_period
from scorecard.api.schemas import READ_REFUSALS, REFUSALS, Reopen, ReturnChange, ReturnOut, SendBack, SignOff
from scorecard.measures.models import Measure
from scorecard.returns import services, sign_off
from scorecard.returns.forms import ReturnForm
from scorecard.returns.models import Return
from scorecard.returns.projections import one_return_projection, projections_for
from scorecard.returns.selectors import assessed_return, assessed_returns, quarter_return, shown_return

router = Router(auth=TOKEN, tags=["returns"])


@router.get("/periods/{period_id}/returns", response={200: list[ReturnOut], **READ_REFUSALS}, auth=TOKEN_OR_PUBLIC)
def quarter_returns(request, period_id: Id):
    """Every return of a quarter with its figures, commentary, status, forecast status and direction."""
    period = readable_period(request, period_id)
    directorates = permissions.year_directorates(period.year_id)
    sight = permissions.working_sight(request.user)
    assessed = assessed_returns(period, sight=sight)
    projected = projections_for(assessed, period, sight=sight)
    return [
        shapes.return_shape(
            item,
            with_workflow=sign_off_shown(request, permissions.in_directorate(item.ret, directorates)),
            projected=projected[item.ret.measure_id],
        )
        for item in assessed
    ]


@router.get(
    "/periods/{period_id}/returns/{measure_id}", response={200: ReturnOut, **READ_REFUSALS}, auth=TOKEN_OR_PUBLIC
)
def one_return(request, period_id: Id, measure_id: Id):
    """A quarter's return for one measure; while nobody has started it, an empty one at version 0."""
    ret = quarter_return_of(request, period_id, measure_id)
    if permissions.may_view_return(request.user, ret):
        return answer(ret)
    sight = permissions.working_sight(request.user)
    shown = shown_return(ret, sight=sight)
    if shown is None:
        raise NotFound(f"No published return for {ret.measure} in {ret.period.label}.")
    assessed = assessed_return(shown, sight=sight)
    projected = one_return_projection(shown, assessed.year_end_target, sight=sight)
    return shapes.return_shape(assessed, with_workflow=False, projected=projected)


@router.patch("/periods/{period_id}/returns/{measure_id}", response={200: ReturnOut, **REFUSALS})
def save_return(request, change: ReturnChange, period_id: Id, measure_id: Id):
    """Save a draft: the fields given change, the others stay as they are."""
    return record(request, period_id, measure_id, change, submit=False)


@router.post("/periods/{period_id}/returns/{measure_id}/submit", response={200: ReturnOut, **REFUSALS})
def submit_return(request, change: ReturnChange, period_id: Id, measure_id: Id):
    """Save the fields given and send the return to its directorate's approver.

    A return rated Red or Amber needs all three commentaries first.
    """
    return record(request, period_id, measure_id, change, submit=True)


@router.post("/periods/{period_id}/returns/{measure_id}/approve", response={200: ReturnOut, **REFUSALS})
def approve_return(request, approval: SignOff, period_id: Id, measure_id: Id):
    """Sign off a submitted return (its directorate's approver, or the performance team; not whoever submitted
    it, unless the organisation allows self-approval)."""
    ret = saved(request, period_id, measure_id, "approve", permissions.may_approve_return)
    return answer(sign_off.return_approve(ret=ret, by=request.user, version=approval.version))


@router.post("/periods/{period_id}/returns/{measure_id}/send-back", response={200: ReturnOut, **REFUSALS})
def send_back_return(request, reason: SendBack, period_id: Id, measure_id: Id):
    """Return a submitted return to its owner, with a comment saying what to change."""
    ret = saved(request, period_id, measure_id, "send back", permissions.may_send_back_return)
    return answer(sign_off.return_send_back(ret=ret, by=request.user, version=reason.version, comment=reason.comment))


@router.post("/periods/{period_id}/returns/{measure_id}/reopen", response={200: ReturnOut, **REFUSALS})
def reopen_return(request, reopen: Reopen, period_id: Id, measure_id: Id):
    """Reopen an approved return to restate a figure, while its quarter is open: it goes back to its owner
    (state returned) with the reason as the comment they see, to be submitted and approved again."""
    ret = saved(request, period_id, measure_id, "reopen", permissions.may_reopen_return)
    return answer(sign_off.return_reopen(ret=ret, by=request.user, version=reopen.version, reason=reopen.reason))


def sign_off_shown(request, ret: Return) -> bool:
    """A return's sign-off (state, version, challenge, sent-back comment) is shown to whom its page is."""
    return permissions.may_view_return(request.user, ret)


def record(request, period_id: int, measure_id: int, change: ReturnChange, *, submit: bool):
    ret = visible_return(request, period_id, measure_id)
    if not permissions.may_edit_return(request.user, ret):
        raise Forbidden(services.refusal(ret, "edit"))
    form = checked(ret, change)
    saved = services.return_record(ret=ret, by=request.user, version=change.version, submit=submit, **form.figures())
    return answer(saved)


def checked(ret: Return, change: ReturnChange) -> ReturnForm:
    """The return's form, as saved with the changes laid over it: the web's checks, word for word."""
    given = change.dict(exclude_unset=True)
    form = ReturnForm.for_return(ret)
    unknown = sorted(set(given) - set(form.fields))
    if unknown:
        kind = "progress words" if ret.measure.is_milestone else "figures"
        raise Invalid([{"field": name, "message": f"{ret.measure} records {kind}, not {name}"} for name in unknown])
    data = {name: "" if value is None else str(value) for name, value in {**form.initial, **given}.items()}
    form = ReturnForm(data, measure=ret.measure)
    if not form.is_valid():
        raise Invalid.of(form)
    return form


def visible_return(request, period_id: int, measure_id: int) -> Return:
    ret = quarter_return_of(request, period_id, measure_id)
    if not permissions.may_view_return(request.user, ret):
        raise Forbidden("Only the measure's owner, its directorate's approver and the performance team can change it.")
    return ret


def saved(request, period_id: int, measure_id: int, verb: str, may) -> Return:
    """The started return, if the caller may see it and `may` (a permissions rule) lets them act on it."""
    ret = visible_return(request, period_id, measure_id)
    if ret.pk is None:
        raise NotFound("Nobody has started this return: there is nothing to sign off.")
    if not may(request.user, ret):
        raise Forbidden(services.refusal(ret, verb, request.user))
    return ret


def answer(ret: Return) -> dict:
    """The return for someone who may work on it: its workflow, and its projection from the working figures."""
    assessed = assessed_return(ret)
    projected = one_return_projection(ret, assessed.year_end_target)
    return shapes.return_shape(assessed, with_workflow=True, projected=projected)


def quarter_return_of(request, period_id: int, measure_id: int) -> Return:
    """The quarter's return for the measure, if the caller may see it."""
    period = readable_period(request, period_id)
    found = Measure.objects.filter(pk=measure_id).first()
    if found is None:
        raise NotFound(f"No measure has the id {measure_id}.")
    ret = quarter_return(period, found)
    if ret.pk is None and not permissions.may_see_unpublished(request.user):
        raise NotFound(f"No return for {found} in {period.label}.")
    return ret
