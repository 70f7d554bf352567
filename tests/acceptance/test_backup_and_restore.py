"""The Derby demo backed up and restored into an empty database: every row comes back, every return exactly."""

from django.core.management import call_command

from scorecard.backups.tally import returns_checksum, table_counts
from scorecard.returns.models import Return
from tests.separately import manage, tally_of


def test_a_restore_into_an_empty_database_gives_back_every_tables_rows_and_every_return(demo, empty_database, tmp_path):
    backup = tmp_path / "scorecard.zip"
    call_command("backup", str(backup))

    restored = manage(empty_database, "restore", str(backup))

    assert restored.returncode == 0, restored.stderr
    assert "Every table's row count and the returns' checksum match the backup." in restored.stdout
    assert tally_of(empty_database) == {"tables": table_counts(), "returns_checksum": returns_checksum()}


def test_the_demo_fills_the_tables_that_matter_so_the_comparison_means_something(demo):
    counts = table_counts()
    history = Return.history.model._meta.db_table
    assert counts[Return._meta.db_table] > 200
    assert counts[history] > counts[Return._meta.db_table]  # every return's changes, not just its last state
    assert sum(1 for rows in counts.values() if rows) > 20
