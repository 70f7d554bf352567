"""The approver's queue: submitted returns in their directorates, each approved or sent back with a comment."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from scorecard.accounts import permissions
from scorecard.council.models import OrganisationSettings
from scorecard.measures.models import ScorecardEntry
from scorecard.returns import services, sign_off
from scorecard.returns.forms import RELOAD, SignOffForm
from scorecard.returns.models import COMMENTARY_LENGTH, Return, too_long
from scorecard.returns.selectors import assess_all
from scorecard.returns.services import Refused, StaleReturn
from scorecard.returns.worklists import awaiting_approval
from scorecard.web import downloads, tables
from scorecard.web.returns import Problem, Worked, refused, saved_return, worked_out

APPROVERS_ONLY = "Only directorate approvers and the performance team sign off returns."


class SendBackForm(SignOffForm):
    comment = forms.CharField(
        max_length=COMMENTARY_LENGTH,
        error_messages={
            "required": "Say what the owner needs to change before it is approved",
            "max_length": too_long("the comment"),
        },
    )


@dataclass(frozen=True)
class Submitted:
    ret: Return
    directorate: str
    worked: Worked
    approvable: bool = True  # False: the person submitted it and the organisation does not allow self-approval


@login_required
@require_safe
def approvals(request):
    if not permissions.signs_off_returns(request.user):
        return refused(request, APPROVERS_ONLY)
    if downloads.asked(request):
        return downloads.respond(request, tables.approvals(queue(request.user)))
    return queue_page(request)


def queue_page(request, problem: Problem | None = None, status: int = 200, signed=None):
    """The queue; after approving several at once, what was done and what was refused (signed) above it."""
    context = {"queue": queue(request.user), "problem": problem, "signed": signed}
    return render(request, "returns/approvals.html", context, status=status)


def queue(user) -> list[Submitted]:
    """Submitted returns of open quarters in the person's directorates (all, for the performance team),
    with their figures and statuses: a few queries per open quarter, however many returns."""
    returns = list(
        awaiting_approval(user).select_related("measure", "period__year").order_by("period_id", "measure__code")
    )
    directorates = directorate_names(returns)
    submitted = []
    nowhere = OrganisationSettings.load().no_directorate
    for _, group in groupby(returns, key=lambda ret: ret.period_id):
        group = list(group)
        for item in assess_all(group[0].period, group, [ret.measure_id for ret in group]):
            where = directorates.get((item.ret.period.year_id, item.ret.measure_id), "")
            approvable = not permissions.is_self_approval(user, item.ret) or permissions.allows_self_approval(user)
            submitted.append(Submitted(item.ret, where or nowhere, worked_out(item), approvable))
    return sorted(submitted, key=lambda row: row.directorate)


def directorate_names(returns: list[Return]) -> dict[tuple[int, int], str]:
    entries = ScorecardEntry.objects.filter(
        measure__in={ret.measure_id for ret in returns}, year__in={ret.period.year_id for ret in returns}
    )
    return {
        (year, measure): name for year, measure, name in entries.values_list("year", "measure", "directorate__name")
    }


@login_required
@require_POST
def approve(request, return_id: int):
    ret = saved_return(return_id)
    if not permissions.may_approve_return(request.user, ret):
        return refused(request, services.refusal(ret, "approve", request.user))
    form = SignOffForm(request.POST)
    if not form.is_valid():
        return refused(request, RELOAD, status=400)
    try:
        sign_off.return_approve(ret=ret, by=request.user, version=form.cleaned_data["version"])
    except StaleReturn as stale:
        return refused(request, str(stale), status=409)
    except Refused as refusal:
        return refused(request, str(refusal))
    messages.success(request, f"{ret} is approved.")
    return redirect("web:approvals")


@login_required
@require_POST
def send_back(request, return_id: int):
    ret = saved_return(return_id)
    if not permissions.may_send_back_return(request.user, ret):
        return refused(request, services.refusal(ret, "send back"))
    form = SendBackForm(request.POST)
    if not form.is_valid():
        field = "comment" if "comment" in form.errors else "version"
        return queue_page(request, Problem(ret.pk, f"comment-{ret.pk}", form.errors[field][0]), status=400)
    try:
        sign_off.return_send_back(
            ret=ret, by=request.user, version=form.cleaned_data["version"], comment=form.cleaned_data["comment"]
        )
    except StaleReturn as stale:
        return refused(request, str(stale), status=409)
    except Refused as refusal:
        return refused(request, str(refusal))
    messages.success(request, f"{ret} is sent back to its owner with your comment.")
    return redirect("web:approvals")
