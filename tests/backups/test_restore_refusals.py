"""A restore goes ahead only with a Scorecard backup, at the same migrations, into an empty database; and it
loads all of the backup or none of it."""

import json
import zipfile
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command

from scorecard.backups.tally import returns_checksum
from scorecard.returns.models import Return
from tests import factories
from tests.separately import manage, tally_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_return():
    return factories.return_for(factories.measure(), factories.period(), actual="475", context="Fewer visits.")


@pytest.fixture
def backup(a_return, tmp_path):
    path = tmp_path / "scorecard.zip"
    call_command("backup", str(path))
    return path


def with_manifest(backup, change) -> str:
    """The same backup with its manifest changed, as a damaged or mistaken file would be."""
    changed = backup.with_name("changed.zip")
    with zipfile.ZipFile(backup) as original, zipfile.ZipFile(changed, "w") as copy:
        copy.writestr("data.json", original.read("data.json"))
        copy.writestr("manifest.json", json.dumps(change(json.loads(original.read("manifest.json")))))
    return str(changed)


def test_restore_refuses_a_database_with_rows_in_it_and_names_the_tables(backup):
    with pytest.raises(CommandError, match=r"This database is not empty \(.*returns_return.*\)"):
        call_command("restore", str(backup))
    assert Return.objects.count() == 1


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    junk = tmp_path / "returns.csv"
    junk.write_text("measure,actual\nCM PM15,475\n")
    with pytest.raises(CommandError, match=r"returns\.csv is not a Scorecard backup"):
        call_command("restore", str(junk))


def test_restore_refuses_a_backup_made_at_other_migrations_and_names_them(backup):
    later = with_manifest(backup, lambda m: {**m, "migrations": [*m["migrations"], "returns.0002_from_later"]})
    with pytest.raises(CommandError, match=r"the backup has returns\.0002_from_later; this database has nothing more"):
        call_command("restore", later)


def test_restore_refuses_a_database_not_yet_migrated(backup, tmp_path):
    restored = manage({"DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}"}, "restore", str(backup))
    assert restored.returncode != 0
    assert "This database has no tables yet: run `manage.py migrate` first" in restored.stderr


def test_a_restore_that_differs_from_its_manifest_is_rolled_back_whole(backup, empty_database):
    wrong = with_manifest(backup, lambda m: {**m, "tables": {**m["tables"], "returns_return": 2}})

    restored = manage(empty_database, "restore", wrong)

    assert restored.returncode != 0
    assert "returns_return 2 in the backup, 1 restored" in restored.stderr
    assert tally_of(empty_database)["tables"]["returns_return"] == 0
    assert tally_of(empty_database)["tables"]["measures_measure"] == 0


def test_the_returns_checksum_changes_with_a_commentary(a_return):
    before = returns_checksum()
    Return.objects.filter(pk=a_return.pk).update(context="More visits.")
    assert returns_checksum() != before


def test_the_returns_checksum_changes_with_a_microsecond(a_return):
    """So a backup that rounded times (as Django's dumpdata does, to the millisecond) would not pass."""
    before = returns_checksum()
    Return.objects.filter(pk=a_return.pk).update(updated_at=a_return.updated_at + timedelta(microseconds=1))
    assert returns_checksum() != before
