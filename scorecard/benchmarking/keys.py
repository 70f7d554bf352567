# ruff: noqa: S608 -- the SQL names our own table and the constraints PostgreSQL lists for it, never a file's text.
"""A table's keys set aside while a large load writes it, and built again before the load's transaction ends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

BUILD_MEMORY = "512MB"  # sorting a national load's keys in memory when they are built again


@contextmanager
def keys_rebuilt(cursor, table: str, rows: int) -> Iterator[None]:
    """A load that at least doubles the table writes without the table's keys (its primary key and unique index),
    which are then built again from the sorted rows: several times faster than keeping two B-trees in step row
    by row. All inside the load's transaction: readers of the table wait for it, and a duplicate still refuses
    the whole load when the unique index is built."""
    cursor.execute(f"SELECT count(*) FROM (SELECT FROM {table} LIMIT %s) held", [rows + 1])
    if cursor.fetchone()[0] > rows:
        yield
        return
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype IN ('p', 'u') ORDER BY contype",
        [table],
    )
    keys = cursor.fetchall()
    cursor.execute(f"ALTER TABLE {table} {', '.join(f'DROP CONSTRAINT {name}' for name, _ in keys)}")
    yield
    cursor.execute(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'")
    cursor.execute(f"ALTER TABLE {table} {', '.join(f'ADD CONSTRAINT {name} {made}' for name, made in keys)}")
