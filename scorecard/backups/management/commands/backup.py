from pathlib import Path

from django.core.management.base import BaseCommand

from scorecard.backups.services import backup_make


class Command(BaseCommand):
    help = "Write the whole database to FILE (a zip: every row, and a manifest of row counts to check a restore by)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="where to write the backup, e.g. scorecard-2026-04-01.zip")

    def handle(self, *args, file: Path, **options):
        manifest = backup_make(path=file)
        rows = sum(manifest["tables"].values())
        self.stdout.write(f"Backed up {rows} rows in {len(manifest['tables'])} tables to {file}")
