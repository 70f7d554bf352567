from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from scorecard.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Load the Derby demo (demo/): idempotent, so loading twice changes nothing."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo refuses to run in production (SCORECARD_DEBUG is false): the demo's accounts have "
                "passwords printed in the README. Load it into a development database instead."
            )
        report = DemoLoader(settings.DEMO_DIR).load()
        for what in report.left_out:
            self.stderr.write(f"Left out {what}.")
        if report.changed_nothing:
            self.stdout.write("The Derby demo is already loaded: nothing changed.")
            return
        for verb, tally in (("Created", report.created), ("Updated", report.updated)):
            for name, count in sorted(tally.items()):
                self.stdout.write(f"{verb} {count} {name}")
