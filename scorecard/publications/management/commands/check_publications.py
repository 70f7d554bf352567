"""`manage.py check_publications`: read every published version's files and compare each with its SHA-256.

    python manage.py check_publications

Prints each file missing or changed since it was published, and exits non-zero if there is any: run it after
restoring a backup or moving the publications storage, or nightly, so a damaged record is found early.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from scorecard.publications.selectors import problems_of, with_files


class Command(BaseCommand):
    help = "Check every published version's files against the SHA-256s kept when it was published."

    def handle(self, *args, **options):
        checked = problems = 0
        for version in with_files().order_by("published_at", "report", "number").iterator(chunk_size=100):
            checked += 1
            for problem in problems_of(version):
                problems += 1
                self.stderr.write(f"{version}: {problem}")
        if problems:
            raise CommandError(f"{problems} file{'s are' if problems > 1 else ' is'} not as published.")
        versions = f"{checked} published version{'s' if checked != 1 else ''}"
        self.stdout.write(f"{versions} checked: every file is as published.")
