"""The performance team's pages: running each quarter's collection round, and challenging, overriding and
amending targets on a return's page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from scorecard.accounts import permissions
from scorecard.council.models import OrganisationSettings, Period
from scorecard.council.selectors import period_heading
from scorecard.measures.models import ScorecardEntry
from scorecard.publications.selectors import kept_periods
from scorecard.publications.services import quarter_publish
from scorecard.returns import services
from scorecard.returns.forms import OVERRIDABLE, ChallengeForm, DateEntry, OverrideForm, TargetAmendmentForm
from scorecard.returns.models import is_due_in, is_overdue
from scorecard.returns.projections import forecasts_to_challenge
from scorecard.returns.selectors import unapproved_returns
from scorecard.returns.services import Refused
from scorecard.returns.worklists import NOT_STARTED, STATES, return_states
from scorecard.web import downloads, tables
from scorecard.web.returns import (
    Problem,
    amendable_targets,
    refused,
    render_return,
    return_of,
    return_url,
    saved_return,
)

TEAM_ONLY = "Only the performance team runs the quarter: opening, closing, reopening and publishing it."


YES_NO = [("yes", "Yes, back-loading a past quarter"), ("no", "No, collecting returns now")]


class OpenForm(forms.Form):
    deadline = DateEntry(error_messages={"required": "Enter the deadline for returns", "invalid": "Enter a real date"})
    back_loading = forms.ChoiceField(choices=YES_NO, required=False)

    def clean(self):
        deadline, answer = self.cleaned_data.get("deadline"), self.cleaned_data.get("back_loading")
        if deadline and not answer and services.back_loading_asked(deadline):
            self.add_error("back_loading", f"{services.BACK_LOADING_QUESTION}: answer yes or no")
        return self.cleaned_data

    @property
    def back_loading_answer(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("back_loading"))


class PublishForm(forms.Form):
    published_on = DateEntry(
        required=False, error_messages={"invalid": "Enter the date it was published as a real date"}
    )
    confirm_unapproved = forms.BooleanField(required=False)
    reason = forms.CharField(required=False, max_length=500)

    def clean_published_on(self):
        published_on = self.cleaned_data["published_on"] or timezone.localdate()
        if published_on > timezone.localdate():
            raise forms.ValidationError("The date it was published must be today or in the past")
        return published_on


class ReopenForm(forms.Form):
    reason = forms.CharField(error_messages={"required": "Give the reason for reopening: it is kept"})


# -- the quarters --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """Returns of one directorate (or all) by state, and how many are overdue."""

    name: str
    counts: list[int]  # in the order of STATES
    overdue: int


@dataclass(frozen=True)
class RoundProgress:
    period: Period
    directorates: list[Tally]
    total: Tally


@login_required
@require_safe
def quarters(request):
    if not permissions.may_run_the_quarter(request.user):
        return refused(request, TEAM_ONLY)
    if downloads.asked(request):
        periods, rounds = quarters_and_progress()
        return downloads.respond(request, tables.collection_progress(rounds), quarters=tables.every_quarter(periods))
    return quarters_page(request)


def quarters_page(request, problem: Problem | None = None, status: int = 200):
    periods, rounds = quarters_and_progress()
    context = {"periods": periods, "progress": rounds, "states": STATES, "problem": problem, "kept": kept_periods()}
    found = ((round.period, forecasts_to_challenge(round.period)) for round in rounds)
    context["to_challenge"] = [(period, listed) for period, listed in found if listed]
    context["period_heading"] = period_heading(period.year for period in periods)
    context["today"] = timezone.localdate()
    return render(request, "returns/quarters.html", context, status=status)


def quarters_and_progress() -> tuple[list[Period], list[RoundProgress]]:
    """Every quarter, newest first, and the progress of those whose collection is open or not yet published."""
    periods = list(Period.objects.select_related("year").order_by("-year__start_year", "-quarter", "-month"))
    in_progress = [
        period
        for period in periods
        if period.is_open or (period.state == Period.State.CLOSED and not period.is_published)
    ]
    return periods, progress(in_progress)


def progress(periods: list[Period]) -> list[RoundProgress]:
    """Counts by directorate and state for each quarter in progress: three queries however many returns."""
    entries = list(
        ScorecardEntry.objects.filter(year__in={period.year_id for period in periods})
        .order_by("directorate__order", "directorate__name")
        .values_list("year_id", "measure_id", "directorate__name", "measure__frequency", "measure__reported_in_quarter")
    )
    states = return_states(periods)
    today = timezone.localdate()
    nowhere = OrganisationSettings.load().no_directorate
    return [round_progress(period, entries, states, today, nowhere) for period in periods]


def round_progress(period: Period, entries: list[tuple], states: dict, today: date, nowhere: str) -> RoundProgress:
    """The quarter's returns counted by state in each directorate; nowhere heads those in no directorate."""
    counts: dict[str, Counter] = {}
    for year_id, measure_id, directorate, *collected in entries:
        if year_id == period.year_id:
            state = states.get((period.pk, measure_id), NOT_STARTED)
            tally = counts.setdefault(directorate or nowhere, Counter())
            tally[state] += 1
            tally["overdue"] += is_overdue(period, state, today, due=is_due_in(period, *collected))
    total = sum(counts.values(), Counter())
    return RoundProgress(period, [tally_of(name, tally) for name, tally in counts.items()], tally_of("All", total))


def tally_of(name: str, tally: Counter) -> Tally:
    return Tally(name, [tally[state] for state, _ in STATES], tally["overdue"])


def period_or_404(period_id: int) -> Period:
    return get_object_or_404(Period.objects.select_related("year"), pk=period_id)


def change(request, period: Period, service, done: str, **values):
    """Run one of the quarter's services and say what happened, or why not."""
    try:
        service(period=period, by=request.user, **values)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect("web:quarters")


def team_only(view):
    """The performance team's actions: signed in, by POST, refused to everyone else."""

    @login_required
    @require_POST
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not permissions.may_run_the_quarter(request.user):
            return refused(request, TEAM_ONLY)
        return view(request, *args, **kwargs)

    return checked


@team_only
def open_period(request, period_id: int):
    period = period_or_404(period_id)
    form = OpenForm(request.POST)
    if not form.is_valid():
        field = "deadline" if "deadline" in form.errors else "back_loading"
        problem = Problem(period.pk, f"{field}-{period.pk}", form.errors[field][0], request.POST.get("deadline", ""))
        return quarters_page(request, problem, status=400)
    deadline = form.cleaned_data["deadline"]
    done = f"{period.label} is open for returns until {deadline:%-d %B %Y}."
    if form.back_loading_answer:
        done = f"{period.label} is open to back-load its returns: no reminders are sent and nothing is overdue."
    return change(request, period, services.period_open, done, deadline=deadline, back_loading=form.back_loading_answer)


@team_only
def close_period(request, period_id: int):
    period = period_or_404(period_id)
    return change(request, period, services.period_close, f"{period.label} is closed: its returns are read-only.")


@team_only
def reopen_period(request, period_id: int):
    period = period_or_404(period_id)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return quarters_page(request, Problem(period.pk, f"reason-{period.pk}", form.errors["reason"][0]), status=400)
    done = f"{period.label} is open again. The reason is kept in its history."
    return change(request, period, services.period_reopen, done, reason=form.cleaned_data["reason"])


@team_only
def publish_period(request, period_id: int):
    """Publish (or republish) on the date given, keeping a version of each report; with returns not approved,
    show them and ask for a yes first. A quarter already kept is corrected on its own page, with a note."""
    period = period_or_404(period_id)
    form = PublishForm(request.POST)
    if not form.is_valid():
        problem = Problem(period.pk, f"published_on-{period.pk}", form.errors["published_on"][0])
        return quarters_page(request, problem, status=400)
    data = form.cleaned_data
    verb = "republished" if period.is_published else "published"
    done = f"{period.label} is {verb}: readers and the public now see its figures, and its reports are kept"
    try:
        versions = quarter_publish(
            period=period,
            by=request.user,
            published_on=data["published_on"],
            confirm_unapproved=data["confirm_unapproved"],
            reason=data["reason"],
        )
    except services.NotApproved as refusal:
        return confirm_publishing(request, period, form, refusal.returns)
    except Refused as refusal:
        if data["confirm_unapproved"]:  # the reason was missing: ask again on the same page
            return confirm_publishing(request, period, form, unapproved_returns(period), str(refusal))
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{done} ({len(versions)} reports, in the publications archive).")
    return redirect("web:quarters")


def confirm_publishing(request, period: Period, form: PublishForm, returns: list, problem: str = ""):
    """The returns not approved, listed for the team to publish as they stand (with a reason) or go back."""
    context = {"period": period, "returns": returns, "form": form, "problem": problem}
    return render(request, "returns/publish.html", context, status=400 if problem else 200)


# -- on a return's page ----------------------------------------------------------------------------------


@team_only
def challenge(request, return_id: int):
    ret = saved_return(return_id)
    form = ChallengeForm(request.POST)
    if not form.is_valid():
        return render_return(request, ret, challenge_form=form, status=400)
    services.return_challenge(ret=ret, by=request.user, comment=form.cleaned_data["comment"])
    messages.success(request, "The challenge is recorded: the return's owner sees it on the return.")
    return redirect(return_url(ret))


@team_only
def override(request, return_id: int):
    ret = saved_return(return_id)
    form = OverrideForm(request.POST)
    if not form.is_valid():
        return render_return(request, ret, override_form=form, status=400)
    field, value = form.cleaned_data["field"], form.cleaned_data["value"]
    services.return_override(ret=ret, by=request.user, field=field, value=value, reason=form.cleaned_data["reason"])
    what = dict(OVERRIDABLE)[field]
    messages.success(request, f"{what} is set by hand." if value else f"{what} is worked out by the rules again.")
    return redirect(return_url(ret))


@team_only
def amend_target(request, period_id: int, measure_id: int):
    ret = return_of(period_id, measure_id)
    form = TargetAmendmentForm(request.POST, targets=amendable_targets(ret), measure=ret.measure)
    if not form.is_valid():
        return render_return(request, ret, amend_form=form, status=400)
    amendment = form.cleaned_data
    services.target_amend(
        target=amendment["target"],
        by=request.user,
        new_value=amendment["new_value"],
        reason=amendment["reason"],
        approved_by=amendment["approved_by"],
        approved_on=amendment["approved_on"],
    )
    messages.success(request, "The target is amended; the old value, reason and approval are kept.")
    return redirect(return_url(ret))
