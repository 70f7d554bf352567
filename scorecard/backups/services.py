"""Backup and restore: the whole database in one file that either SQLite or PostgreSQL can take back.

The file is a zip of `data.json` (every row, in Django's serialisation, times to the microsecond) and
`manifest.json` (the schema's migrations, each table's row count and a checksum of the returns).
A restore goes only into an empty database at the same migrations, and all of it or none: it counts
again afterwards and is rolled back if anything differs from the manifest.
"""

import io
import json
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from scorecard.backups.tally import ExactJSONEncoder, applied_migrations, returns_checksum, stored_models, table_counts

FORMAT = "scorecard-backup/1"
MANIFEST, DATA = "manifest.json", "data.json"
# Rows `manage.py migrate` writes by itself; a restore replaces them with the backup's, keeping their ids.
FILLED_BY_MIGRATE = (Permission, ContentType)


class BackupRefused(Exception):
    """A backup file or a database that a restore must not go ahead with; the message says why."""


def backup_make(*, path: Path) -> dict:
    """Write the database to `path`; returns the manifest written with it."""
    with _one_snapshot(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        manifest = _manifest()
        with archive.open(DATA, "w", force_zip64=True) as data:
            text = io.TextIOWrapper(data, encoding="utf-8")
            serializers.serialize("json", _every_row(), stream=text, cls=ExactJSONEncoder)
            text.flush()
            text.detach()
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
    return manifest


@contextmanager
def _one_snapshot() -> Iterator[None]:
    """Every table as it stood at one moment, though people go on working while the backup is written."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _manifest() -> dict:
    return {
        "format": FORMAT,
        "made_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "migrations": applied_migrations(),
        "tables": table_counts(),
        "returns_checksum": returns_checksum(),
    }


def _every_row() -> Iterator:
    for model in stored_models():
        if not model._meta.auto_created:  # many-to-many rows travel with the rows that own them
            yield from model._base_manager.order_by("pk").iterator()


@transaction.atomic
def backup_restore(*, path: Path) -> dict:
    """Load the backup at `path` into this empty database; returns its manifest, now checked."""
    manifest = _read_manifest(path)
    _refuse_other_migrations(manifest)
    _refuse_a_database_in_use()
    for model in FILLED_BY_MIGRATE:
        model.objects.all().delete()
    with tempfile.TemporaryDirectory() as folder, _opened(path) as archive:
        call_command("loaddata", archive.extract(DATA, folder), verbosity=0)
    ContentType.objects.clear_cache()
    _refuse_a_difference(manifest)
    return manifest


@contextmanager
def _opened(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            yield archive
    except (OSError, zipfile.BadZipFile, KeyError) as error:
        raise BackupRefused(f"{path} is not a Scorecard backup: {error}") from None


def _read_manifest(path: Path) -> dict:
    with _opened(path) as archive:
        text = archive.read(MANIFEST)
    try:
        manifest = json.loads(text)
    except ValueError as error:
        raise BackupRefused(f"{path}: its {MANIFEST} cannot be read: {error}") from None
    if manifest.get("format") != FORMAT:
        raise BackupRefused(f"{path} is not a Scorecard backup in the format {FORMAT}")
    return manifest


def _refuse_other_migrations(manifest: dict) -> None:
    here, there = set(applied_migrations()), set(manifest["migrations"])
    if not here:
        raise BackupRefused("This database has no tables yet: run `manage.py migrate` first, then restore")
    if here != there:
        missing, extra = sorted(there - here), sorted(here - there)
        raise BackupRefused(
            "This database is not at the backup's migrations, so its tables differ: "
            f"the backup has {', '.join(missing) or 'nothing more'}; "
            f"this database has {', '.join(extra) or 'nothing more'}. "
            "Restore with the Scorecard version that made the backup, then upgrade."
        )


def _refuse_a_database_in_use() -> None:
    filled_by_migrate = {model._meta.db_table for model in FILLED_BY_MIGRATE}
    in_use = [table for table, rows in table_counts().items() if rows and table not in filled_by_migrate]
    if in_use:
        raise BackupRefused(
            f"This database is not empty ({', '.join(in_use)} have rows): "
            "a restore goes only into a new database, so that nothing is mixed or lost"
        )


def _refuse_a_difference(manifest: dict) -> None:
    counted = table_counts()
    differ = [
        f"{table} {manifest['tables'].get(table)} in the backup, {counted.get(table)} restored"
        for table in sorted(set(counted) | set(manifest["tables"]))
        if counted.get(table) != manifest["tables"].get(table)
    ]
    if differ:
        raise BackupRefused(f"The restore does not match the backup, so nothing was restored: {'; '.join(differ)}")
    if returns_checksum() != manifest["returns_checksum"]:
        raise BackupRefused("The restored returns differ from the backup's (checksum), so nothing was restored")
