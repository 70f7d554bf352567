"""Signed-in sessions end after a period of inactivity, and nothing shown to a signed-in person is cached."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.utils.cache import add_never_cache_headers

SEEN = "scorecard_last_seen"
SEEN_EVERY = 60  # seconds between writes of the last-seen time, so reads do not all write the session


class IdleSessionTimeout:
    """Sign out a person who has done nothing for SCORECARD_SESSION_IDLE_MINUTES; the next page asks them to sign in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now, seen = int(time.time()), request.session.get(SEEN)
            if seen is not None and now - seen > settings.SCORECARD_SESSION_IDLE_MINUTES * 60:
                logout(request)
            elif seen is None or now - seen >= SEEN_EVERY:
                request.session[SEEN] = now
        return self.get_response(request)


class NoStoreWhenSignedIn:
    """Pages, downloads and API answers for a signed-in person (or a token) are never kept by browsers or proxies:
    they may hold unpublished figures, and the API tokens page a key."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if getattr(user, "is_authenticated", False):
            add_never_cache_headers(response)
        return response
