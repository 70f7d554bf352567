"""Who is calling: a person's API token, or nobody (the public, who read published quarters only)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from ninja.security import HttpBearer

from scorecard.api import tokens


class ApiToken(HttpBearer):
    """`Authorization: Bearer sc_…`, a token the person created on their API tokens page."""

    def authenticate(self, request, token: str):
        user = tokens.user_for(token)
        if user is not None:
            request.user = user
        return user


def anyone(request):
    """The public, when no token was given at all; a wrong token is refused, not read as the public."""
    if "Authorization" in request.headers:
        return None
    request.user = AnonymousUser()
    return request.user


TOKEN = ApiToken()
TOKEN_OR_PUBLIC = [TOKEN, anyone]
