"""Who is asking, as far as the network says: the client's address behind the documented nginx proxy.

nginx appends the address it saw to X-Forwarded-For (docs/deploy.md). With SCORECARD_TRUSTED_PROXIES set to the
number of proxies in front of Scorecard, the client is that many entries from the right: anything to the left of
it was written by the client and is not trusted. With 0 (the default, no proxy) the client is REMOTE_ADDR.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The client's IP address, for sign-in lockouts (django-axes) and rate limits."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.SCORECARD_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote  # not through the configured proxies: take the address that connected
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return remote
