"""Signing off many returns at once — My returns' "Submit selected", Approvals' "Approve selected" — and
reopening an approved return to restate a figure.

Each ticked box says which return and the version the page showed ("id:version"); each return goes through
returns.sign_off by the same rules as one at a time, and the page says which were done and which were refused.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from scorecard.accounts import permissions
from scorecard.returns import services, sign_off
from scorecard.returns.forms import ReopenForm
from scorecard.returns.services import Refused, StaleReturn
from scorecard.web.approvals import APPROVERS_ONLY, queue_page
from scorecard.web.returns import Problem, my_returns_page, refused, render_return, return_url, saved_return

CHOOSE_TO_SUBMIT = "Select the returns to submit"
CHOOSE_TO_APPROVE = "Select the returns to approve"


def chosen(request) -> dict[int, int] | None:
    """The ticked returns, id → the version the page showed; None when a box was not one the page drew."""
    picked = {}
    for value in request.POST.getlist("returns"):
        return_id, _, version = value.partition(":")
        if not (return_id.isdigit() and version.isdigit()):
            return None
        picked[int(return_id)] = int(version)
    return picked


@login_required
@require_POST
def submit_many(request):
    if not permissions.completes_returns(request.user):
        return refused(request, "Only measure owners and the performance team submit returns.")
    picked = chosen(request)
    if not picked:
        return my_returns_page(request, Problem(0, "returns", CHOOSE_TO_SUBMIT), status=400)
    signed = sign_off.returns_submit(chosen=picked, by=request.user)
    return my_returns_page(request, signed=signed, status=200 if signed.done else 400)


@login_required
@require_POST
def approve_many(request):
    if not permissions.signs_off_returns(request.user):
        return refused(request, APPROVERS_ONLY)
    picked = chosen(request)
    if not picked:
        return queue_page(request, Problem(0, "returns", CHOOSE_TO_APPROVE), status=400)
    signed = sign_off.returns_approve(chosen=picked, by=request.user)
    return queue_page(request, signed=signed, status=200 if signed.done else 400)


@login_required
@require_POST
def reopen(request, return_id: int):
    """Back to its owner, with the reason as the comment they see, to correct and submit again."""
    ret = saved_return(return_id)
    if not permissions.may_reopen_return(request.user, ret):
        return refused(request, services.refusal(ret, "reopen", request.user))
    form = ReopenForm(request.POST, prefix="reopen")
    if not form.is_valid():
        return render_return(request, ret, reopen_form=form, status=400)
    try:
        sign_off.return_reopen(
            ret=ret, by=request.user, version=form.cleaned_data["version"], reason=form.cleaned_data["reason"]
        )
    except StaleReturn as stale:
        return refused(request, str(stale), status=409)
    except Refused as refusal:
        return refused(request, str(refusal))
    messages.success(request, f"{ret} is reopened and back with its owner, with your reason.")
    return redirect(return_url(ret))
