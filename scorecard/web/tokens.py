"""A person's API tokens: create one (its key shown once), see when each was last used, revoke it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from scorecard.api import tokens
from scorecard.api.models import ApiToken
from scorecard.returns.services import Refused
from scorecard.web import downloads, tables


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What is the token for?",
        max_length=100,
        help_text="For example, “Power BI refresh” or “Directorate spreadsheet”.",
        error_messages={"required": "Say what the token is for, so you can tell your tokens apart"},
    )


@login_required
def api_tokens(request):
    """GET lists the person's tokens; POST creates one and shows its key, this once only."""
    held = ApiToken.objects.filter(user=request.user)
    if request.method == "GET" and downloads.asked(request):
        return downloads.respond(request, tables.api_tokens(held), str(request.user))
    form = TokenForm(request.POST or None)
    key = ""
    if request.method == "POST" and form.is_valid():
        _, key = tokens.token_create(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    status = 400 if form.errors else 200
    context = {"form": form, "key": key, "tokens": held}
    return render(request, "accounts/api_tokens.html", context, status=status)


@login_required
@require_POST
def revoke_api_token(request, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    try:
        tokens.token_revoke(token=token, by=request.user)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"“{token.name}” is revoked: programs using it can no longer read or write.")
    return redirect("web:api_tokens")
