"""An officer's returns: what is due this quarter, the entry form with its statuses worked out while typing,
and each return's change history. Every decision about who may do what is asked of accounts.permissions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from scorecard.accounts import permissions
from scorecard.council.models import Period
from scorecard.council.selectors import period_lookup
from scorecard.measures.fields import plain
from scorecard.measures.models import Measure, ScorecardEntry, Target
from scorecard.performance.direction import Comparison
from scorecard.performance.status import Status
from scorecard.reports.figures import Figure, figure, printing
from scorecard.reports.rows import actual_figure, previous_figure, target_figure
from scorecard.returns import services
from scorecard.returns.forms import ChallengeForm, OverrideForm, ReopenForm, ReturnForm, TargetAmendmentForm
from scorecard.returns.models import Return, is_due_in, is_overdue
from scorecard.returns.projections import one_return_projection
from scorecard.returns.selectors import AssessedReturn, assessed_return, comparison_kind, quarter_return
from scorecard.returns.services import COMMENTARIES, Refused, StaleReturn
from scorecard.returns.worklists import returns_due
from scorecard.web import downloads, tables

CANNOT_SEE = "Only the measure's owner, its directorate's approver and the performance team can see this return."


def refused(request, message: str, status: int = 403) -> HttpResponse:
    return render(request, "returns/refused.html", {"message": message}, status=status)


@dataclass(frozen=True)
class Problem:
    """What is wrong with one of a list page's small forms: which row, which field, what was typed."""

    key: int
    field_id: str
    message: str
    typed: str = ""


# -- My returns --------------------------------------------------------------------------------------


@login_required
@require_safe
def my_returns(request):
    if downloads.asked(request):
        return downloads.respond(request, tables.my_returns(returns_due(request.user)))
    return my_returns_page(request)


def my_returns_page(request, problem: Problem | None = None, status: int = 200, signed=None):
    """The person's returns; after submitting several at once, what was done and what was refused above them."""
    context = {"rounds": returns_due(request.user), "problem": problem, "signed": signed}
    return render(request, "returns/mine.html", context, status=status)


# -- a return's page ----------------------------------------------------------------------------------


def return_of(period_id: int, measure_id: int) -> Return:
    """The quarter's return for the measure; an unsaved, empty one while nobody has started it."""
    period = get_object_or_404(Period.objects.select_related("year"), pk=period_id)
    return quarter_return(period, get_object_or_404(Measure, pk=measure_id))


def saved_return(return_id: int) -> Return:
    return get_object_or_404(Return.objects.select_related("measure", "period__year"), pk=return_id)


def return_url(ret: Return) -> str:
    return reverse("web:return", kwargs={"period_id": ret.period_id, "measure_id": ret.measure_id})


@login_required
def return_page(request, period_id: int, measure_id: int):
    ret = return_of(period_id, measure_id)
    if not permissions.may_view_return(request.user, ret):
        return refused(request, CANNOT_SEE)
    if request.method == "POST":
        return post_return(request, ret)
    return render_return(request, ret)


def post_return(request, ret: Return) -> HttpResponse:
    """Save as draft, submit, or copy last quarter's commentary; whatever goes wrong, the typed text stays."""
    action = request.POST.get("action", "save")
    form = ReturnForm(request.POST, measure=ret.measure)
    if not permissions.may_edit_return(request.user, ret):
        return render_return(request, ret, form=form, refusal=services.refusal(ret, "edit"), status=403)
    if action == "copy":
        return copy_last_quarter(request, ret)
    if not form.is_valid():
        return render_return(request, ret, form=form, status=400)
    try:
        services.return_record(
            ret=ret, by=request.user, version=form.cleaned_data["version"], submit=action == "submit", **form.figures()
        )
    except StaleReturn as stale:
        return render_return(request, ret, form=form, refusal=str(stale), status=409)
    except Refused as refusal:
        form.add_error(None, str(refusal))
        return render_return(request, ret, form=form, status=400)
    if action == "submit":
        messages.success(request, f"{ret} is submitted for approval.")
        return redirect("web:my_returns")
    messages.success(request, "Saved as a draft. Submit it for approval when it is ready.")
    return redirect(return_url(ret))


def copy_last_quarter(request, ret: Return) -> HttpResponse:
    """Fill the commentaries from the previous quarter's (or month's) return, on the page only: nothing is saved."""
    quarter = ret.period.as_period.previous
    earlier = Return.objects.filter(measure=ret.measure_id, **period_lookup(quarter, "period__")).first()
    copied = {name: getattr(earlier, name) for name in COMMENTARIES if earlier and getattr(earlier, name)}
    if copied:
        messages.info(request, f"Copied the commentary from {quarter.label}. It is kept only when you save or submit.")
    else:
        messages.info(request, f"There is no commentary from {quarter.label} to copy.")
    typed = {name: value for name, value in request.POST.items() if name != "csrfmiddlewaretoken"}
    return render_return(request, ret, form=ReturnForm(initial={**typed, **copied}, measure=ret.measure))


def render_return(request, ret: Return, *, form=None, refusal: str = "", status: int = 200, **team_forms):
    """The return's page: the form when the person may edit it, the figures read-only otherwise."""
    user = request.user
    editable = permissions.may_edit_return(user, ret)
    if form is None and editable:
        form = ReturnForm.for_return(ret)
    reopen_form = team_forms.pop("reopen_form", None)
    if reopen_form is None and permissions.may_reopen_return(user, ret):
        reopen_form = ReopenForm(prefix="reopen", initial={"version": ret.version})
    team = performance_team_forms(ret, team_forms) if permissions.may_run_the_quarter(user) else {}
    every_form = (form, reopen_form, *team.values())
    forms_with_errors = [f for f in every_form if f is not None and f.is_bound and f.errors]
    context = {
        "ret": ret,
        "directorate": directorate_name(ret),
        "form": form,
        "editable": editable and not refusal,
        "refusal": refusal,
        "read_only_reason": "" if editable else services.refusal(ret, "edit"),
        "overdue": is_overdue(
            ret.period,
            ret.state,
            timezone.localdate(),
            due=is_due_in(ret.period, ret.measure.frequency, ret.measure.reported_in_quarter),
        ),
        "may_approve": permissions.may_approve_return(user, ret),
        "reopen_form": reopen_form,
        "form_with_errors": forms_with_errors[0] if forms_with_errors else None,
        **panel(ret, form),
        **team,
    }
    return render(request, "returns/return.html", context, status=status)


def directorate_name(ret: Return) -> str:
    entries = ScorecardEntry.objects.filter(year=ret.period.year_id, measure=ret.measure_id)
    return entries.values_list("directorate__name", flat=True).first() or ""


def amendable_targets(ret: Return):
    """The quarter's target and the year-end target, where they are numbers."""
    quarter_or_year_end = Q(period=ret.period) | Q(period__isnull=True, year=ret.period.year_id)
    return Target.objects.filter(quarter_or_year_end, measure=ret.measure, value__isnull=False).select_related(
        "period__year"
    )


def performance_team_forms(ret: Return, given: dict) -> dict:
    targets = amendable_targets(ret)
    return {
        "challenge_form": given.get("challenge_form") or ChallengeForm(initial={"comment": ret.challenge}),
        "override_form": given.get("override_form") or OverrideForm(),
        "amend_form": given.get("amend_form") or TargetAmendmentForm(targets=targets, measure=ret.measure),
    }


# -- the statuses, worked out while typing ------------------------------------------------------------


@dataclass(frozen=True)
class Worked:
    """A return's figures as printed and its statuses as the rules work them out."""

    actual: Figure
    forecast: Figure
    target: Figure
    year_end_target: Figure
    previous: Figure
    status: Status
    forecast_status: Status
    direction: str
    overridden: frozenset[str]


def worked_out(item: AssessedReturn) -> Worked:
    ret, assessment = item.ret, item.assessment
    shown = printing(ret.measure)
    return Worked(
        actual=actual_figure(ret, **shown),
        forecast=figure(ret.forecast_figure, **shown),
        target=target_figure(item.target, **shown),
        year_end_target=target_figure(item.year_end_target, **shown),
        previous=previous_figure(item.comparison, **shown),
        status=assessment.status,
        forecast_status=assessment.forecast_status,
        direction=assessment.direction.shown_as(ret.period.year.same_direction_label),
        overridden=assessment.overridden,
    )


def panel(ret: Return, form: ReturnForm | None) -> dict:
    """The targets, the value compared with and the statuses: of the figures as typed, when they are valid."""
    typed = form is not None and form.is_bound
    figure_errors = form.figure_errors() if typed else []
    if typed and not figure_errors:
        ret = form.unsaved_copy(ret)
    assessed = assessed_return(ret)
    return {
        "worked": worked_out(assessed),
        "compared_with": compared_with(ret),
        "figure_errors": figure_errors,
        "projected": None if figure_errors else one_return_projection(ret, assessed.year_end_target),
    }


def compared_with(ret: Return) -> str:
    """The label of the figure the direction of travel compares with (returns.selectors.comparison_kind)."""
    this, word = ret.period.as_period, ret.period.number_name
    if comparison_kind(ret.measure, ret.period) == Comparison.PREVIOUS_PERIOD:
        return f"Previous {word} ({this.previous.label})"
    return f"Same {word} last year ({this.same_period_last_year.label})"


@login_required
@require_POST
def preview(request, period_id: int, measure_id: int):
    """The statuses of the figures being typed, for the htmx request from the form: nothing is saved."""
    ret = return_of(period_id, measure_id)
    if not permissions.may_view_return(request.user, ret):
        return refused(request, CANNOT_SEE)
    form = ReturnForm(request.POST, measure=ret.measure)
    return render(request, "returns/_assessment.html", {"ret": ret, "form": form, **panel(ret, form)})


# -- history ------------------------------------------------------------------------------------------

BOOKKEEPING = ("id", "measure", "period", "version", "updated_at", "submitted_by")  # who submitted: the event says
EVENTS = {"+": "Created", "~": "Saved", "-": "Deleted"}
FIELD_ORDER = [field.name for field in Return._meta.concrete_fields]
EMPTY = (None, "")


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    when: datetime
    who: str
    event: str
    fields: list[FieldChange]


@login_required
@require_safe
def return_history(request, return_id: int):
    ret = saved_return(return_id)
    if not permissions.may_view_return(request.user, ret):
        return refused(request, CANNOT_SEE)
    changes = changes_to(ret)
    if downloads.asked(request):
        return downloads.respond(request, tables.change_history(changes), f"{ret.measure} {ret.period.label}")
    return render(request, "returns/history.html", {"ret": ret, "changes": changes})


def changes_to(ret: Return) -> list[Change]:
    """Every saved version of the return, newest first, with what changed since the one before."""
    records = list(ret.history.select_related("history_user").order_by("history_date", "history_id"))
    changes, previous = [], None
    for record in records:
        who = str(record.history_user) if record.history_user else "Not recorded"
        event = record.history_change_reason or EVENTS[record.history_type]
        changes.append(Change(record.history_date, who, event, field_changes(record, previous)))
        previous = record
    return changes[::-1]


def field_changes(record, previous) -> list[FieldChange]:
    """What changed since the version before; for the first version, every field it began with."""
    if previous is None:
        changed = [(name, None, getattr(record, name)) for name in FIELD_ORDER if name not in BOOKKEEPING]
    else:
        delta = record.diff_against(previous, excluded_fields=BOOKKEEPING)
        changed = sorted(((c.field, c.old, c.new) for c in delta.changes), key=lambda c: FIELD_ORDER.index(c[0]))
    return [
        FieldChange(label(name), shown(name, old), shown(name, new))
        for name, old, new in changed
        if old not in EMPTY or new not in EMPTY
    ]


def label(name: str) -> str:
    words = str(Return._meta.get_field(name).verbose_name)
    return words[0].upper() + words[1:]


def shown(name: str, value) -> str:
    choices = dict(Return._meta.get_field(name).flatchoices)
    if value in choices:
        return str(choices[value])
    if isinstance(value, Decimal):
        return plain(value)
    return "" if value is None else str(value)
