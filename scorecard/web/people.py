"""People: the performance team invites them, gives them roles and switches them off; an invited person
chooses a password from the emailed link."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from scorecard.accounts import permissions, selectors, services
from scorecard.accounts.models import User
from scorecard.web import downloads, tables
from scorecard.web.account_forms import NewPasswordForm
from scorecard.web.people_forms import InviteForm, RolesForm, SwitchOffForm
from scorecard.web.returns import refused

TEAM_ONLY = "Only the performance team can invite people, give them roles or switch them off."
SIGNED_IN_WITH = "django.contrib.auth.backends.ModelBackend"


def team_only(*methods: str):
    """Signed in (else sent to sign in), then the right method (else 405), then the performance team (else 403)."""

    def decorator(view):
        @login_required
        @require_http_methods(list(methods))
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not permissions.manages_people(request.user):
                return refused(request, TEAM_ONLY)
            return view(request, *args, **kwargs)

        return checked

    return decorator


def user_or_404(pk: int) -> User:
    user = User.objects.filter(pk=pk).first()
    if user is None:
        raise Http404("No such person")
    return user


# -- everyone --------------------------------------------------------------------------------------------


@team_only("GET", "HEAD")
def people(request):
    everyone = selectors.people()
    if downloads.asked(request):
        return downloads.respond(request, tables.people(everyone))
    return render(request, "people/people.html", {"people": everyone})


@team_only("GET", "POST")
def invite(request):
    """One form: the address, an optional name and any roles; the person is created and emailed a link."""
    form = InviteForm(request.POST if request.method == "POST" else None, directorates=selectors.directorates())
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                person = services.person_invite(
                    email=form.cleaned_data["email"], by=request.user, full_name=form.cleaned_data["full_name"]
                )
                services.person_roles_set(person=person, roles=form.roles(), by=request.user)
        except ValidationError as problem:
            form.add_error("email", problem)
        else:
            messages.success(request, f"{person} is invited: the link to choose a password went to {person.email}.")
            return redirect("web:person", pk=person.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "invitation_days": settings.SCORECARD_INVITATION_DAYS}
    return render(request, "people/invite.html", context, status=status)


# -- one person ----------------------------------------------------------------------------------------


@login_required
@require_safe
def person(request, pk: int):
    """The team's view of a person, with the forms to change them; anyone else sees their own page only."""
    user = user_or_404(pk)
    if not permissions.may_see_person(request.user, user):
        return refused(request, "You can see your own page only: the performance team sees everyone's.")
    if downloads.asked(request):
        measures = tables.measures_owned(selectors.measures_owned(user))
        return downloads.respond(request, tables.person_history(selectors.history(user)), str(user), measures=measures)
    return person_page(request, user)


def person_page(request, user: User, *, roles_form=None, switch_off_form=None, status: int = 200):
    held = selectors.held_roles(user)
    context = {
        "person": selectors.person(user.pk),
        "roles_form": roles_form or RolesForm(directorates=selectors.directorates(), held=held),
        "switch_off_form": switch_off_form or SwitchOffForm(),
        "measures": selectors.measures_owned(user),
        "history": selectors.history(user),
        "is_me": user.pk == request.user.pk,
        "manages": permissions.manages_people(request.user),
    }
    return render(request, "people/person.html", context, status=status)


@team_only("POST")
def person_roles(request, pk: int):
    user = user_or_404(pk)
    form = RolesForm(request.POST, directorates=selectors.directorates())
    if form.is_valid():
        try:
            given, taken = services.person_roles_set(person=user, roles=form.roles(), by=request.user)
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, roles_changed(user, given, taken))
            return redirect("web:person", pk=user.pk)
    return person_page(request, user, roles_form=form, status=400)


def roles_changed(user: User, given: list[str], taken: list[str]) -> str:
    if not given and not taken:
        return f"{user}'s roles are as they were: nothing changed."
    parts = [f"given {', '.join(given)}" if given else "", f"no longer {', '.join(taken)}" if taken else ""]
    return f"{user} is " + " and ".join(part for part in parts if part) + "."


@team_only("POST")
def person_switch_off(request, pk: int):
    user = user_or_404(pk)
    form = SwitchOffForm(request.POST)
    if form.is_valid():
        try:
            services.person_switch_off(person=user, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, f"{user} is switched off: they can no longer sign in or use their API tokens.")
            return redirect("web:person", pk=user.pk)
    return person_page(request, user, switch_off_form=form, status=400)


@team_only("POST")
def person_switch_on(request, pk: int):
    user = services.person_switch_on(person=user_or_404(pk), by=request.user)
    messages.success(request, f"{user} is switched back on: they can sign in again.")
    return redirect("web:person", pk=user.pk)


@team_only("POST")
def invitation_resend(request, pk: int):
    user = user_or_404(pk)
    try:
        services.invitation_resend(person=user, by=request.user)
    except ValidationError as problem:
        messages.error(request, problem.messages[0])
    else:
        messages.success(request, f"The invitation went again to {user.email}: the earlier link no longer works.")
    return redirect("web:person", pk=user.pk)


# -- the invited person ---------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token: str):
    """GET shows the set-password form (or why the link no longer works); POST sets it and signs the person in."""
    try:
        invitation = services.invitation_for(token)
    except ValidationError as problem:
        return unusable(request, problem)
    form = NewPasswordForm(invitation.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.invitation_accept(token=token, password=form.cleaned_data["new_password1"])
        except ValidationError as problem:
            return unusable(request, problem)
        login(request, person, backend=SIGNED_IN_WITH)
        return redirect("web:home")
    status = 400 if form.errors else 200
    return render(request, "people/invitation.html", {"form": form, "person": invitation.user}, status=status)


def unusable(request, problem: ValidationError):
    return render(request, "people/invitation_unusable.html", {"message": problem.messages[0]}, status=410)
