"""Importing a quarter's returns from a spreadsheet: check first (a dry run), then import all rows or none."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from scorecard.accounts import permissions
from scorecard.council.models import Period
from scorecard.imports import ImportProblem
from scorecard.imports.plans import commit_plan
from scorecard.imports.returns import plan_returns, read_returns_file
from scorecard.imports.template import file_name, template_bytes
from scorecard.returns.services import Refused

CHECKED = "checked_import"  # the session key that keeps a checked file until it is imported


def refused(request):
    return render(request, "returns/refused.html", {"message": "Only measure owners import returns."}, status=403)


@login_required
@require_http_methods(["GET", "POST"])
def import_returns(request):
    if not permissions.completes_returns(request.user):
        return refused(request)
    periods = Period.objects.select_related("year").filter(state=Period.State.OPEN).order_by("-year__start_year")
    if request.method == "GET":
        return page(request, periods)
    if request.POST.get("action") == "import":
        return import_checked(request, periods)
    return check(request, periods)


def check(request, periods):
    """Read the file and say what each row would do; nothing is written."""
    period = periods.filter(pk=request.POST.get("period")).first()
    upload = request.FILES.get("file")
    if period is None or upload is None:
        return page(request, periods, problem="Choose an open quarter and a file to check", status=400)
    content = upload.read()
    try:
        plan = plan_returns(read_returns_file(upload.name, content), period, request.user)
    except ImportProblem as problem:
        return page(request, periods, problem=str(problem), status=400)
    request.session[CHECKED] = {
        "period": period.pk,
        "name": upload.name,
        "content": base64.b64encode(content).decode(),
    }
    return page(request, periods, plan=plan, period=period, status=200 if not plan.in_error else 400)


def import_checked(request, periods):
    """Import the file that was checked, checking it again first: all rows or none."""
    checked = request.session.get(CHECKED)
    period = periods.filter(pk=(checked or {}).get("period")).first()
    if not checked or period is None:
        return page(request, periods, problem="Check a file before importing it", status=400)
    content = base64.b64decode(checked["content"])
    try:
        plan = plan_returns(read_returns_file(checked["name"], content), period, request.user)
        written = commit_plan(plan, request.user)
    except (ImportProblem, Refused) as problem:
        return page(request, periods, problem=str(problem), status=400)
    del request.session[CHECKED]
    noun = "return" if written == 1 else "returns"
    messages.success(request, f"Imported {written:,} {noun} for {period.label} from {checked['name']}, as drafts.")
    return redirect("web:my_returns")


def page(request, periods, *, problem: str = "", plan=None, period=None, status: int = 200):
    context = {"periods": periods, "problem": problem, "plan": plan, "period": period}
    return render(request, "imports/returns.html", context, status=status)


@login_required
@require_safe
def returns_template(request, period_id: int, format: str):
    """The quarter's template: every measure's code, title and targets, with columns to fill in."""
    if not permissions.completes_returns(request.user):
        return refused(request)
    period = get_object_or_404(Period.objects.select_related("year"), pk=period_id)
    response = HttpResponse(template_bytes(period, format), content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="{file_name(period, format)}"'
    return response


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
