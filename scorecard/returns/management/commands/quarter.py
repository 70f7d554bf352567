"""`manage.py quarter open|close|reopen|publish QUARTER --user NAME …`: run a quarter from the command line.

    python manage.py quarter open 2014/15-Q1 --user performance --deadline 2014-07-31 --back-loading
    python manage.py quarter close 2014/15-Q1 --user performance
    python manage.py quarter reopen 2014/15-Q1 --user performance --reason "Late figures from the NHS"
    python manage.py quarter publish 2014/15-Q1 --user performance --published-on 2014-09-12 \\
        [--confirm-unapproved --reason "Signed off at Cabinet"]

The same services, permissions and messages as the Quarters page; a refusal is one line and a non-zero exit.
"""

from __future__ import annotations

from datetime import date
from importlib import import_module

from django.core.management.base import BaseCommand, CommandError

from scorecard.council.selectors import held_period
from scorecard.performance.periods import PeriodError
from scorecard.returns import services

ACTIONS = ["open", "close", "reopen", "publish"]
person_called = import_module("scorecard.returns.management.commands.import").person_called


class Command(BaseCommand):
    help = "Open, close, reopen or publish a quarter, as the Quarters page does."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=ACTIONS)
        parser.add_argument(
            "quarter", help='the quarter, e.g. 2014/15-Q1, or in a monthly year the month, e.g. "April 2014"'
        )
        parser.add_argument("--user", required=True, help="who does it: the performance team's permissions apply")
        parser.add_argument("--deadline", help="open: the deadline for returns, as YYYY-MM-DD")
        parser.add_argument(
            "--back-loading", action="store_true", help="open: a past quarter entered after the event (no reminders)"
        )
        parser.add_argument("--published-on", help="publish: the date the council published it (default today)")
        parser.add_argument("--reason", default="", help="reopen: why (kept); publish: why, with returns not approved")
        parser.add_argument(
            "--confirm-unapproved", action="store_true", help="publish: publish returns not approved as they stand"
        )

    def handle(self, *args, **options):
        by = person_called(options["user"])
        try:
            period = held_period(options["quarter"])
        except PeriodError as error:
            raise CommandError(str(error)) from None
        try:
            done = getattr(self, options["action"])(period, by, options)
        except services.NotApproved as refusal:
            for ret in refusal.returns:
                self.stderr.write(f"  {ret.measure}: {ret.get_state_display().lower()}")
            raise CommandError(f'{refusal} To publish them as they stand: --confirm-unapproved --reason "…".') from None
        except services.Refused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(done)

    def open(self, period, by, options) -> str:
        deadline = date_option(options, "deadline", required=True)
        back_loading = True if options["back_loading"] else None
        if back_loading is None and services.back_loading_asked(deadline):
            raise CommandError(
                f"The deadline {deadline:%-d %B %Y} has passed: add --back-loading to enter a past quarter, "
                "or give a deadline still to come."
            )
        services.period_open(period=period, by=by, deadline=deadline, back_loading=back_loading)
        kind = "to back-load its returns" if back_loading else "for returns"
        return f"{period.label} is open {kind} until {deadline:%-d %B %Y}."

    def close(self, period, by, options) -> str:
        services.period_close(period=period, by=by)
        return f"{period.label} is closed: its returns are read-only."

    def reopen(self, period, by, options) -> str:
        if not options["reason"].strip():
            raise CommandError('Reopening needs a reason, which is kept: --reason "…".')
        services.period_reopen(period=period, by=by, reason=options["reason"])
        return f"{period.label} is open again. The reason is kept in its history."

    def publish(self, period, by, options) -> str:
        published_on = date_option(options, "published_on")
        verb = "republished" if period.is_published else "published"
        services.period_publish(
            period=period,
            by=by,
            published_on=published_on,
            confirm_unapproved=options["confirm_unapproved"],
            reason=options["reason"],
        )
        period.refresh_from_db()
        return f"{period.label} is {verb} (published on {period.published_date:%-d %B %Y})."


def date_option(options: dict, name: str, *, required: bool = False) -> date | None:
    flag = f"--{name.replace('_', '-')}"
    text = options[name]
    if not text:
        if required:
            raise CommandError(f"{flag} is needed, as YYYY-MM-DD, e.g. {flag} 2014-07-31.")
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{flag} must be a date as YYYY-MM-DD, e.g. 2014-07-31, not {text!r}.") from None
