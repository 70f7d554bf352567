"""The performance team's set-up pages: the organisation, its years, and its lists (directorates in the council's
own word, pledges and their priorities, perspectives, Cabinet portfolios), none of them Django admin."""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from scorecard.accounts import permissions
from scorecard.council import services
from scorecard.council.models import (
    Directorate,
    FinancialYear,
    OrganisationSettings,
    Perspective,
    Pledge,
    Portfolio,
    Priority,
)
from scorecard.council.services import SetUpRefused
from scorecard.measures.services import scorecard_copy
from scorecard.returns.services import Refused
from scorecard.web.returns import refused
from scorecard.web.setup_forms import CopyForm, NameForm, OrganisationForm, YearForm

TEAM_ONLY = "Only the performance team sets up the council: you cannot change its settings, years or lists."


def team_only(*methods: str):
    """Signed in, by the methods given (else 405), and the performance team (else a page saying why not)."""

    def decorate(view):
        @login_required
        @require_http_methods(list(methods))
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not permissions.sets_up_the_council(request.user):
                return refused(request, TEAM_ONLY)
            return view(request, *args, **kwargs)

        return checked

    return decorate


PAGE, FORM = ("GET", "HEAD"), ("GET", "HEAD", "POST")


@team_only(*PAGE)
def index(request):
    return render(request, "setup/index.html")


@team_only(*FORM)
def organisation(request):
    settings = OrganisationSettings.load()
    form = OrganisationForm(request.POST) if request.method == "POST" else OrganisationForm.of(settings)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_change(by=request.user, **form.changes())
        except ValidationError as problem:
            for field, errors in problem.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "The organisation's settings are saved; the old ones are kept in its history.")
            return redirect("web:setup_organisation")
    return render(request, "setup/organisation.html", {"form": form}, status=400 if form.errors else 200)


# -- years ----------------------------------------------------------------------------------------------------


@team_only(*FORM)
def years(request):
    form = YearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            year = services.year_create(
                start_year=form.cleaned_data["year"].start_year,
                collection=form.cleaned_data["collection"],
                by=request.user,
            )
        except ValidationError as problem:
            form.add_error("year", problem.message_dict.get("year") or problem.messages)
        else:
            made = "twelve months" if year.is_monthly else "four quarters"
            messages.success(request, f"{year.label} is set up with its {made}, ready to open on Quarters.")
            return redirect("web:setup_years")
    return years_page(request, year_form=form)


def years_page(request, *, year_form: YearForm | None = None, copy_form: CopyForm | None = None):
    held = FinancialYear.objects.annotate(
        quarters=Count("periods", distinct=True), measures=Count("entries", distinct=True)
    )
    latest = held.order_by("-start_year").first()
    following = latest.financial_year.next.label if latest else ""
    context = {
        "years": held.order_by("-start_year"),
        "year_form": year_form or YearForm(initial={"year": following}),
        "copy_form": copy_form or CopyForm(initial={"to_year": following}),
    }
    bad = (year_form and year_form.errors) or (copy_form and copy_form.errors)
    return render(request, "setup/years.html", context, status=400 if bad else 200)


@team_only("POST")
def year_copy(request):
    form = CopyForm(request.POST)
    if form.is_valid():
        source, target = form.cleaned_data["from_year"], form.cleaned_data["to_year"]
        try:
            year = scorecard_copy(from_year=source, to_start_year=target.start_year, by=request.user)
        except Refused as refusal:
            form.add_error("to_year", str(refusal))
        else:
            count = year.entries.count()
            held = "1 measure or action" if count == 1 else f"{count} measures and actions"
            messages.success(request, f"{year.label}'s scorecard is set up from {source.label}'s, with {held}.")
            return redirect("web:setup_years")
    return years_page(request, copy_form=form)


# -- the council's lists ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Listing:
    """One of the council's lists, and how its page speaks of it."""

    model: type
    title: str
    one: str
    hint: str
    has_priorities: bool = False


def listings(settings: OrganisationSettings) -> dict[str, Listing]:
    word, words = settings.directorate_word, settings.directorate_word_plural
    return {
        "directorates": Listing(
            Directorate, words, word.lower(), f"Owners and approvers hold their roles in a {word.lower()}."
        ),
        "pledges": Listing(Pledge, "Council Plan pledges", "pledge", "Each pledge has its priorities.", True),
        "perspectives": Listing(
            Perspective, "Perspectives", "perspective", "Optional: the dashboard can group measures by perspective."
        ),
        "portfolios": Listing(
            Portfolio, "Cabinet portfolios", "portfolio", "Optional: the dashboard marks a chosen portfolio's measures."
        ),
    }


@team_only(*FORM)
def listed(request, kind: str):
    listing = listings(OrganisationSettings.load())[kind]
    items = listing.model.objects.all()
    if listing.has_priorities:
        items = items.annotate(priority_count=Count("priorities"))
    return list_page(request, listing, items, {})


@team_only(*FORM)
def priorities(request, pledge_id: int):
    pledge = get_object_or_404(Pledge, pk=pledge_id)
    listing = Listing(Priority, f"Priorities of {pledge.name}", "priority", "Measures and actions serve a priority.")
    return list_page(request, listing, pledge.priorities.order_by("order", "name"), {"pledge": pledge})


ACTIONS = ("add", "rename", "up", "down", "remove")


def list_page(request, listing: Listing, items, scope: dict):
    """Add, rename, reorder or remove one of the list, then show it again; a problem is shown on its row."""
    problem, status = None, 200
    if request.method == "POST":
        problem = list_change(request, listing, items, scope)
        if problem is None:
            return redirect(request.path)
        status = 400
    context = {"listing": listing, "items": list(items), "problem": problem, "scope": scope, "form": NameForm()}
    if problem and problem.item is None:
        context["form"] = problem.form
    return render(request, "setup/listed.html", context, status=status)


@dataclass(frozen=True)
class ListProblem:
    item: int | None  # the row whose form went wrong; None for the add form
    message: str
    form: NameForm | None = None

    @property
    def field_id(self) -> str:
        return f"name-{self.item}" if self.item else "id_name"


def list_change(request, listing: Listing, items, scope: dict) -> ListProblem | None:
    action = request.POST.get("action")
    if action not in ACTIONS:
        return ListProblem(None, "Choose what to do: add, rename, move or remove")
    item = None
    if action != "add":
        chosen = request.POST.get("item", "")
        item = items.filter(pk=int(chosen)).first() if chosen.isdigit() else None
        if item is None:
            return ListProblem(None, f"That {listing.one} is no longer held: it may have been removed")
    form = NameForm(request.POST)
    try:
        done = apply(request, listing, action, item, form, scope)
    except ValidationError as problem:
        return ListProblem(item.pk if item else None, " ".join(problem.messages), form)
    except SetUpRefused as refusal:
        return ListProblem(item.pk, str(refusal), form)
    messages.success(request, done)
    return None


def apply(request, listing: Listing, action: str, item, form: NameForm, scope: dict) -> str:
    by = request.user
    if action in ("up", "down"):
        services.listed_move(item=item, by=by, up=action == "up", **scope)
        return f"{item.name} is moved {action}."
    if action == "remove":
        services.listed_remove(item=item, by=by)
        return f"{item.name} is removed."
    if not form.is_valid():
        raise ValidationError(form.errors["name"])
    name = form.cleaned_data["name"]
    if action == "add":
        services.listed_add(model=listing.model, name=name, by=by, **scope)
        return f"{name.strip()} is added."
    old = item.name
    services.listed_rename(item=item, name=name, by=by)
    return f"{old} is renamed {item.name}."
