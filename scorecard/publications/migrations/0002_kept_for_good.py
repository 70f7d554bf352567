"""The database itself refuses to change or delete a published version, its files' rows or a restatement note.

A trigger per table on SQLite and on PostgreSQL, so that not even a mistaken query of the app's (or a shell's)
can rewrite what was published. Only TRUNCATE, which empties a whole database's table at once, is left alone.
"""

from django.db import migrations

TABLES = ("publications_version", "publications_versionfile", "publications_restatement")
MESSAGE = "A published version is kept as it was published: it cannot be changed or deleted"

SQLITE = {
    "create": [
        f"CREATE TRIGGER {table}_kept_{event.lower()} BEFORE {event} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        for table in TABLES
        for event in ("UPDATE", "DELETE")
    ],
    "drop": [f"DROP TRIGGER {table}_kept_{event.lower()}" for table in TABLES for event in ("UPDATE", "DELETE")],
}
POSTGRESQL = {
    "create": [
        "CREATE FUNCTION publications_kept_for_good() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE} (% on %)', TG_OP, TG_TABLE_NAME; END $$",
        *(
            f"CREATE TRIGGER {table}_kept BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION publications_kept_for_good()"
            for table in TABLES
        ),
    ],
    "drop": [
        *(f"DROP TRIGGER {table}_kept ON {table}" for table in TABLES),
        "DROP FUNCTION publications_kept_for_good()",
    ],
}
BY_VENDOR = {"sqlite": SQLITE, "postgresql": POSTGRESQL}


def run(which: str):
    def statements(apps, schema_editor):
        for sql in BY_VENDOR[schema_editor.connection.vendor][which]:
            schema_editor.execute(sql, params=None)  # None: the "%" in the message is not a placeholder

    return statements


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_initial")]

    operations = [migrations.RunPython(run("create"), run("drop"))]
