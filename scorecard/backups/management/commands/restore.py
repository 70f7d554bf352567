from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecard.backups.services import BackupRefused, backup_restore


class Command(BaseCommand):
    help = (
        "Load a backup made by `manage.py backup` into this database, which must be newly migrated and empty; "
        "every table's row count and the returns' checksum are checked against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="a backup written by `manage.py backup`")

    def handle(self, *args, file: Path, **options):
        try:
            manifest = backup_restore(path=file)
        except BackupRefused as refusal:
            raise CommandError(str(refusal)) from None
        rows, tables = sum(manifest["tables"].values()), len(manifest["tables"])
        self.stdout.write(f"Restored {rows} rows in {tables} tables from {file}, made {manifest['made_at']}")
        self.stdout.write("Every table's row count and the returns' checksum match the backup.")
