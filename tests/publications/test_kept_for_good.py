"""Issue 14 §1: a published version can never be changed: the database refuses an UPDATE or DELETE of a version,
its files' rows or a restatement note (a trigger, on SQLite and on PostgreSQL), and the app never tries."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from scorecard.publications.models import Restatement, Version, VersionFile
from tests import factories

pytestmark = pytest.mark.django_db

REFUSED = "cannot be changed or deleted"


@pytest.fixture
def version():
    return factories.kept_version(factories.period(2018, 2))


def refused_by_the_database(sql: str, *params) -> None:
    with pytest.raises(DatabaseError, match=REFUSED), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_the_database_refuses_to_update_a_version(version):
    refused_by_the_database("UPDATE publications_version SET number = 7 WHERE id = %s", version.pk)
    with pytest.raises(DatabaseError, match=REFUSED), transaction.atomic():
        Version.objects.filter(pk=version.pk).update(published_by="someone else")
    assert Version.objects.get(pk=version.pk).number == 1


def test_the_database_refuses_to_delete_a_version(version):
    refused_by_the_database("DELETE FROM publications_versionfile WHERE version_id = %s", version.pk)
    refused_by_the_database("DELETE FROM publications_version WHERE id = %s", version.pk)
    assert VersionFile.objects.filter(version=version).count() == 1


def test_the_database_refuses_to_change_a_files_hash(version):
    refused_by_the_database("UPDATE publications_versionfile SET sha256 = %s", "f" * 64)
    with pytest.raises(DatabaseError, match=REFUSED), transaction.atomic():
        VersionFile.objects.filter(version=version).delete()


def test_the_database_refuses_to_rewrite_a_restatement_note(version):
    note = Restatement.objects.create(
        period=version.period,
        category="error",
        what_changed="A typing error",
        effect="None",
        approved_by="Director",
        made_at=timezone.now(),
        made_by="performance",
    )
    refused_by_the_database("UPDATE publications_restatement SET effect = 'Worse' WHERE id = %s", note.pk)
    refused_by_the_database("DELETE FROM publications_restatement WHERE id = %s", note.pk)


def test_the_app_never_saves_or_deletes_a_version_it_has_kept(version):
    version.published_by = "someone else"
    with pytest.raises(PermissionError, match=REFUSED):
        version.save()
    with pytest.raises(PermissionError, match=REFUSED):
        version.delete()
    file = version.files.get()
    with pytest.raises(PermissionError, match=REFUSED):
        file.save()
