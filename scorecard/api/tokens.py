"""Creating, revoking and recognising API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

from scorecard.api.models import ApiToken
from scorecard.returns.services import Refused

PREFIX = "sc_"
TOUCH_EVERY = timedelta(minutes=1)  # how stale "last used" may be, so reads do not all write


def digest_of(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token and its key; the key is not kept, so this is the only time anyone sees it."""
    name = name.strip()
    if not name:
        raise Refused("Say what the token is for, so you can tell your tokens apart.")
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, digest=digest_of(key), hint=key[: len(PREFIX) + 6])
    return token, key


def token_revoke(*, token: ApiToken, by) -> ApiToken:
    if token.user_id != by.pk:
        raise Refused("You can revoke only your own tokens.")
    if token.is_active:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def user_for(key: str):
    """The active person a key belongs to, or None for an unknown, revoked or inactive one."""
    if not key.startswith(PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(digest=digest_of(key), revoked_at=None).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
