"""`manage.py quarter open|close|reopen|publish QUARTER --user NAME …`: run a quarter from the command line.

    python manage.py quarter open 2014/15-Q1 --user performance --deadline 2014-07-31 --back-loading
    python manage.py quarter close 2014/15-Q1 --user performance
    python manage.py quarter reopen 2014/15-Q1 --user performance --reason "Late figures from the NHS"
    python manage.py quarter publish 2014/15-Q1 --user performance --published-on 2014-09-12 \\
        [--confirm-unapproved --reason "Signed off at Cabinet"]
    python manage.py quarter publish 2014/15-Q1 --user performance --category late_data \\
        --what-changed "CM PM15's actual arrived late" --effect "CM PM15 is Green, not Red" --approved-by "Director"

Publishing keeps a version of each of the quarter's reports in every format (the lines show each as it is laid
out); publishing a quarter already kept publishes corrected versions, which need the four parts of a restatement
note. The same services, permissions and messages as the Quarters page; a refusal is one line and a non-zero exit.
"""

from __future__ import annotations

from datetime import date
from importlib import import_module

from django.core.management.base import BaseCommand, CommandError

from scorecard.council.selectors import held_period
from scorecard.performance.periods import PeriodError
from scorecard.performance.publication import RestatementCategory
from scorecard.publications.services import RestatementNote, quarter_publish
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
        categories = ", ".join(category.value for category in RestatementCategory)
        parser.add_argument("--category", default="", help=f"a correction: why the figures changed ({categories})")
        parser.add_argument("--what-changed", default="", help="a correction: what was corrected, and why")
        parser.add_argument("--effect", default="", help="a correction: its effect on the reports' conclusions")
        parser.add_argument("--approved-by", default="", help="a correction: who approved publishing it")

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
        parts = ("category", "what_changed", "effect", "approved_by")
        note = RestatementNote(**{part: options[part] for part in parts}) if any(options[p] for p in parts) else None
        versions = quarter_publish(
            period=period,
            by=by,
            published_on=published_on,
            confirm_unapproved=options["confirm_unapproved"],
            reason=options["reason"],
            note=note,
            progress=self.stdout.write,
        )
        period.refresh_from_db()
        kept = ", ".join(f"{version.get_report_display()} version {version.number}" for version in versions)
        return f"{period.label} is {verb} (published on {period.published_date:%-d %B %Y}). Kept: {kept}."


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
