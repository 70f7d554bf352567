"""Importing a quarter's returns or a year's targets from a spreadsheet: check first (a dry run), then import
all rows or none. Both pages work the same way; an Import says what differs."""

import base64
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from scorecard.accounts import permissions
from scorecard.council.models import FinancialYear, Period
from scorecard.imports import ImportProblem
from scorecard.imports.plans import Plan, commit_plan
from scorecard.imports.returns import plan_returns, read_returns_file
from scorecard.imports.scorecard_sheet import plan_scorecard, read_scorecard_file
from scorecard.imports.sheet_words import MEANINGS
from scorecard.imports.targets import plan_targets, read_targets_file
from scorecard.imports.template import (
    Template,
    returns_template,
    scorecard_template,
    targets_template,
    template_bytes,
)
from scorecard.reports.render.documents import FORMATS
from scorecard.returns.services import Refused
from scorecard.web import downloads, tables


@dataclass(frozen=True)
class Import:
    what: str  # "returns" or "targets": the page's address, its session key and its words
    may_import: Callable[[object], bool]
    refusal: str
    into: str  # the form field naming the quarter or year the file is imported into
    into_words: str  # the same, in the words of a message
    choices: Callable[[], object]  # the quarters or years a file may be imported into
    plan: Callable[[str, bytes, object, object], Plan]  # (file name, content, quarter or year, who) → the plan
    template: Callable[[object], Template]
    template_url: str  # the URL name of the template's download
    done: str  # the page to go to once imported
    saved_as: str = ""  # how the rows are kept, said once they are imported
    heading: str = ""  # the page's heading, when not "Import <what>"
    noun: str = ""  # what a row is, in the message once imported, when not <what>
    explained: tuple[tuple[str, str], ...] = ()  # each column and what it means, shown on the page
    # The check form's options (the returns' "import them approved"), read from it and kept with the file.
    options: Callable[[object], dict] = lambda request: {}

    @property
    def title(self) -> str:
        return self.heading or f"Import {self.what}"

    @property
    def session_key(self) -> str:
        return f"checked_import_{self.what}"  # keeps a checked file until it is imported


RETURNS = Import(
    what="returns",
    may_import=permissions.completes_returns,
    refusal="Only measure owners import returns.",
    into="period",
    into_words="an open quarter",
    choices=lambda: Period.objects.select_related("year").filter(state=Period.State.OPEN).order_by("-year__start_year"),
    plan=lambda name, content, period, by, approved=False: plan_returns(
        read_returns_file(name, content), period, by, approved=approved
    ),
    template=returns_template,
    template_url="web:import_template",
    done="web:my_returns",
    saved_as=", as drafts",
    options=lambda request: {"approved": request.POST.get("approved") == "yes"},
)
TARGETS = Import(
    what="targets",
    may_import=permissions.sets_targets,
    refusal="Only the performance team imports targets.",
    into="year",
    into_words="a year",
    choices=lambda: FinancialYear.objects.order_by("-start_year"),
    plan=lambda name, content, year, by: plan_targets(read_targets_file(name, content), year, by),
    template=targets_template,
    template_url="web:import_targets_template",
    done="web:quarters",
)

SCORECARD = Import(
    what="scorecard",
    may_import=permissions.sets_up_the_scorecard,
    refusal="Only the performance team sets up the year's scorecard: you cannot use this page.",
    into="year",
    into_words="a year",
    choices=lambda: FinancialYear.objects.order_by("-start_year"),
    plan=lambda name, content, year, by: plan_scorecard(read_scorecard_file(name, content), year, by),
    template=scorecard_template,
    template_url="web:set_up_scorecard_template",
    done="web:set_up_scorecard",
    heading="The year's scorecard",
    noun="measures and actions",
    explained=tuple(MEANINGS.items()),
)


def refused(request, kind: Import):
    return render(request, "returns/refused.html", {"message": kind.refusal}, status=403)


@login_required
@require_http_methods(["GET", "POST"])
def import_returns(request):
    return import_page(request, RETURNS)


@login_required
@require_http_methods(["GET", "POST"])
def import_targets(request):
    return import_page(request, TARGETS)


@login_required
@require_http_methods(["GET", "POST"])
def set_up_scorecard(request):
    """The year's scorecard from one sheet: measures and actions, places, targets, owners and approvers."""
    return import_page(request, SCORECARD)


def import_page(request, kind: Import):
    if not kind.may_import(request.user):
        return refused(request, kind)
    if downloads.asked(request):
        return download_check(request, kind)
    if request.method == "GET":
        return page(request, kind)
    if request.POST.get("action") == "import":
        return import_checked(request, kind)
    return check(request, kind)


def check(request, kind: Import):
    """Read the file and say what each row would do; nothing is written."""
    into = kind.choices().filter(pk=request.POST.get(kind.into)).first()
    upload = request.FILES.get("file")
    if into is None or upload is None:
        return page(request, kind, problem=f"Choose {kind.into_words} and a file to check", status=400)
    content = upload.read()
    options = kind.options(request)
    try:
        plan = kind.plan(upload.name, content, into, request.user, **options)
    except ImportProblem as problem:
        return page(request, kind, problem=str(problem), status=400)
    request.session[kind.session_key] = {
        "into": into.pk,
        "name": upload.name,
        "content": base64.b64encode(content).decode(),
        "options": options,
        "seen": plan.as_checked(),  # each row's stored version as checked: a save made since refuses the import
    }
    status = 200 if not plan.in_error else 400
    return page(request, kind, plan=plan, into=into, options=options, status=status)


def checked_file(request, kind: Import) -> tuple[str, bytes, object, dict, dict[str, str]] | None:
    """The file last checked on this page (name, content, quarter or year, the options it was checked with, each
    row's stored version as checked),
    while it may still be imported."""
    checked = request.session.get(kind.session_key) or {}
    into = kind.choices().filter(pk=checked.get("into")).first()
    if into is None:
        return None
    return (
        checked["name"],
        base64.b64decode(checked["content"]),
        into,
        checked.get("options", {}),
        checked.get("seen", {}),
    )


def import_checked(request, kind: Import):
    """Import the file that was checked, checking it again first: all rows or none."""
    checked = checked_file(request, kind)
    if checked is None:
        return page(request, kind, problem="Check a file before importing it", status=400)
    name, content, into, options, seen = checked
    try:
        written = commit_plan(kind.plan(name, content, into, request.user, **options), request.user, checked=seen)
    except (ImportProblem, Refused) as problem:
        return page(request, kind, problem=str(problem), status=400)
    del request.session[kind.session_key]
    noun = kind.noun or kind.what
    noun = noun if written != 1 else noun.removesuffix("s")
    saved_as = ", approved" if options.get("approved") else kind.saved_as
    messages.success(request, f"Imported {written:,} {noun} for {into.label} from {name}{saved_as}.")
    return redirect(kind.done)


def page(request, kind: Import, *, problem: str = "", plan=None, into=None, options=None, status: int = 200):
    context = {
        "kind": kind,
        "choices": kind.choices(),
        "problem": problem,
        "plan": plan,
        "into": into,
        "options": options or {},
        "imports_approved": permissions.imports_approved_returns(request.user),
    }
    return render(request, f"imports/{kind.what}.html", context, status=status)


# -- the check, as a table to download -------------------------------------------------------------


def download_check(request, kind: Import):
    """The last file checked, checked again now, as the table the page showed."""
    checked = checked_file(request, kind)
    if checked is None:
        return HttpResponse("Check a file before downloading what it would do", status=400)
    name, content, into, options, _seen = checked
    try:
        plan = kind.plan(name, content, into, request.user, **options)
    except ImportProblem as problem:
        return HttpResponse(str(problem), status=400)
    return downloads.respond(request, tables.import_check(plan), into.label, problems=tables.import_problems(plan))


# -- templates ---------------------------------------------------------------------------------------


@login_required
@require_safe
def returns_template_file(request, period_id: int, format: str):
    """The quarter's template: every measure's code, title and targets, with columns to fill in."""
    if not RETURNS.may_import(request.user):
        return refused(request, RETURNS)
    period = get_object_or_404(Period.objects.select_related("year"), pk=period_id)
    return template_file(RETURNS.template(period), format)


@login_required
@require_safe
def targets_template_file(request, year_id: int, format: str):
    """The year's template: each measure's quarters and year end, with the targets already set."""
    if not TARGETS.may_import(request.user):
        return refused(request, TARGETS)
    return template_file(TARGETS.template(get_object_or_404(FinancialYear, pk=year_id)), format)


@login_required
@require_safe
def scorecard_template_file(request, year_id: int, format: str):
    """The year's scorecard sheet, pre-filled with everything the year holds."""
    if not SCORECARD.may_import(request.user):
        return refused(request, SCORECARD)
    return template_file(SCORECARD.template(get_object_or_404(FinancialYear, pk=year_id)), format)


def template_file(template: Template, format: str) -> HttpResponse:
    content_type, extension = FORMATS[format]
    response = HttpResponse(template_bytes(template, format), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{template.file_name}.{extension}"'
    return response
