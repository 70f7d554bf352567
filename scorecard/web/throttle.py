"""How many documents (PDF and Word) one client may have laid out a minute, counted in Django's cache.

A signed-in person is counted by their account, anyone else by their address (behind the documented nginx proxy,
the one its header gives: accounts.client). The cache is per process unless CACHES names a shared one
(docs/deploy.md), so with gunicorn's three workers a client may get up to three times the limit: enough to stop
one client tying up every worker, which is what it is for.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

from scorecard.accounts.client import client_address

WINDOW = 60  # seconds


def document_allowed(request) -> bool:
    """Count this request's document; False once the client has had its limit this minute."""
    limit = settings.SCORECARD_DOCUMENTS_PER_MINUTE
    if not limit:
        return True
    key = f"documents:{client(request)}:{int(time.time() // WINDOW)}"
    cache.add(key, 0, timeout=WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW)
        count = 1
    return count <= limit


def client(request) -> str:
    if request.user.is_authenticated:
        return f"person:{request.user.pk}"
    return f"address:{client_address(request)}"  # behind the proxy, the client's own address (its header)
