"""People: the performance team invites them, gives them roles and switches them off; an invited person
chooses a password from the emailed link."""

from __future__ import annotations

from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from scorecard.accounts import services
from scorecard.web.account_forms import NewPasswordForm

SIGNED_IN_WITH = "django.contrib.auth.backends.ModelBackend"


@never_cache
def accept_invitation(request, token: str):
    """GET shows the set-password form (or why the link no longer works); POST sets it and signs the person in."""
    try:
        invitation = services.invitation_for(token)
    except ValidationError as problem:
        return render(request, "people/invitation_unusable.html", {"message": problem.messages[0]}, status=410)
    form = NewPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.invitation_accept(token=token, password=form.cleaned_data["new_password1"])
        except ValidationError as problem:
            return render(request, "people/invitation_unusable.html", {"message": problem.messages[0]}, status=410)
        login(request, person, backend=SIGNED_IN_WITH)
        return redirect("web:home")
    status = 400 if form.errors else 200
    return render(request, "people/invitation.html", {"form": form, "person": invitation.user}, status=status)
