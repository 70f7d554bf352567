"""Emptying the kept versions' tables after a test that commits: the only place anything deletes them.

A browser test's database is emptied row by row afterwards (Django's flush, DELETE on SQLite), which the triggers
refuse for kept versions; so they are lifted for the moment it takes to delete those rows, then put back.
"""

from importlib import import_module

from django.db import connection

KEPT = import_module("scorecard.publications.migrations.0002_kept_for_good")


def erase_kept_versions() -> None:
    sql = KEPT.BY_VENDOR[connection.vendor]
    with connection.cursor() as cursor:
        for statement in sql["drop"]:
            cursor.execute(statement)
        for table in ("publications_versionfile", "publications_version", "publications_restatement"):
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (our own table names)
        for statement in sql["create"]:
            cursor.execute(statement)
