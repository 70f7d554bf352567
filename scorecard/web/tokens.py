"""A person's API tokens: create one (its key shown once), see when each was last used, revoke it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

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


NEW_KEY = "scorecard_new_api_token"


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """GET lists the person's tokens, and a new token's key once; POST creates one, then redirects to show it
    (post/redirect/get: reloading the page neither makes another token nor shows the key again)."""
    held = ApiToken.objects.filter(user=request.user)
    if request.method == "GET" and downloads.asked(request):
        return downloads.respond(request, tables.api_tokens(held), str(request.user))
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _, request.session[NEW_KEY] = tokens.token_create(user=request.user, name=form.cleaned_data["name"])
        return redirect("web:api_tokens")
    status = 400 if form.errors else 200
    context = {"form": form, "key": request.session.pop(NEW_KEY, ""), "tokens": held}
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
