"""The first run of a fresh Scorecard: whether the council is set up yet, and the one-time set-up code.

Whoever reaches a fresh site first must not be able to claim it, so the first-run page asks for a code that only
the server's log shows. The code is derived from SECRET_KEY and a random salt kept in the database, so every server
process (each gunicorn worker) accepts the same code, and it is never stored itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import DatabaseError

from scorecard.council.models import FinancialYear, OrganisationSettings

CODE_LENGTH = 12  # 60 bits, in base 32: printed as three groups of four


def is_set_up() -> bool:
    """A council is set up once the first-run page (or start_council, the demo, make_council) has run, or it
    holds people or years: a database set up some other way is never offered to a stranger."""
    from scorecard.accounts.models import User

    held = OrganisationSettings.objects.filter(pk=1).values_list("set_up_at", flat=True).first()
    return held is not None or User.objects.exists() or FinancialYear.objects.exists()


def setup_code() -> str:
    """The set-up code, the same in every process: its salt is made once and kept."""
    organisation = OrganisationSettings.load()
    if not organisation.setup_salt:
        OrganisationSettings.objects.filter(pk=1, setup_salt="").update(setup_salt=secrets.token_hex(32))
        organisation.refresh_from_db(fields=["setup_salt"])
    digest = hmac.new(settings.SECRET_KEY.encode(), organisation.setup_salt.encode(), hashlib.sha256).digest()
    letters = base64.b32encode(digest).decode()[:CODE_LENGTH]
    return "-".join(letters[start : start + 4] for start in range(0, CODE_LENGTH, 4))


def code_matches(typed: str) -> bool:
    """Spaces, hyphens and case do not matter: the code is read off a log and typed by hand."""
    wanted = setup_code().replace("-", "")
    given = "".join(typed.split()).replace("-", "").upper()
    return hmac.compare_digest(wanted.encode(), given.encode())


def announcement(address: str) -> str | None:
    """The line a starting server prints while the council is not set up; None once it is (or before migrate)."""
    try:
        if is_set_up():
            return None
        code = setup_code()
    except DatabaseError:  # not migrated yet: the first request will say so
        return None
    return f"Scorecard set-up code: {code}  open {address.rstrip('/')}/start/ to set up your council"
