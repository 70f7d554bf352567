"""Email owners whose returns are not yet submitted; run it daily from cron."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from scorecard.council.models import Period
from scorecard.returns.reminders import due_for_a_reminder, remind


class Command(BaseCommand):
    help = "Remind owners of unsubmitted returns N days before the deadline and N days after it. Run daily."

    def add_arguments(self, parser):
        parser.add_argument("--days-before", type=int, default=5, help="send the reminder this many days before")
        parser.add_argument("--days-after", type=int, default=1, help="send the overdue notice this many days after")
        parser.add_argument("--today", help="the date to act as, YYYY-MM-DD (default: today)")

    def handle(self, *args, **options):
        today = self.today(options["today"])
        for period in Period.objects.select_related("year").filter(state=Period.State.OPEN):
            when = due_for_a_reminder(
                period, today, days_before=options["days_before"], days_after=options["days_after"]
            )
            if when:
                sent = remind(period, when)
                self.stdout.write(
                    f"{period.label}: sent {sent} reminder{'s' if sent != 1 else ''} ({when} the deadline)"
                )

    def today(self, text: str | None) -> date:
        if not text:
            return date.today()
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise CommandError(f'--today "{text}" is not a date: write it as YYYY-MM-DD') from None
