"""Password reset emails: limited per address and per client, and sent after the answer, off the request path, so
neither the answer nor the time it takes tells whether an address has an account."""

from __future__ import annotations

import hashlib
import logging
import threading
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.db import connections
from django.utils import timezone

from scorecard.accounts.models import PasswordResetRequest

log = logging.getLogger(__name__)
WINDOW = timedelta(hours=1)

SENT, TOO_MANY_FOR_ADDRESS, TOO_MANY_FROM_CLIENT = "sent", "too many for the address", "too many from the client"


def digest_of(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def reset_request(*, email: str, client: str) -> str:
    """Record the request and say whether its email may go (SENT) or which limit it is over."""
    now = timezone.now()
    PasswordResetRequest.objects.filter(at__lt=now - timedelta(days=1)).delete()
    recent = PasswordResetRequest.objects.filter(at__gte=now - WINDOW)
    digest = digest_of(email)
    if client and recent.filter(client=client).count() >= settings.SCORECARD_RESET_EMAILS_PER_CLIENT:
        return TOO_MANY_FROM_CLIENT
    PasswordResetRequest.objects.create(address_digest=digest, client=client or None)
    if recent.filter(address_digest=digest).count() > settings.SCORECARD_RESET_EMAILS_PER_ADDRESS:
        return TOO_MANY_FOR_ADDRESS
    return SENT


def send_reset_link(email: str) -> None:
    """Django's reset email to each active account with this address (none if there is no such account)."""
    site = urlsplit(settings.SITE_URL)
    form = PasswordResetForm({"email": email})
    if form.is_valid():
        form.save(
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            subject_template_name="registration/password_reset_subject.txt",
            email_template_name="registration/password_reset_email.html",
        )


def in_background(task, *args) -> None:
    """Run the task after the answer has gone, in its own thread (or at once, where settings say so: tests)."""
    if not settings.SCORECARD_EMAIL_IN_BACKGROUND:
        task(*args)
        return
    threading.Thread(target=run_and_tidy, args=(task, *args), daemon=True).start()


def run_and_tidy(task, *args) -> None:
    try:
        task(*args)
    except Exception:
        log.exception("A background email could not be sent")
    finally:
        connections.close_all()
