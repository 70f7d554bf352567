"""Commands run in a process of their own, with only the settings given: production's, or another database's."""

import json
import os
import subprocess
import sys
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.db import connection

# Settings the test run itself may have (DJANGO_ALLOW_ASYNC_UNSAFE for the browser tests): none are passed on.
OURS = ("SCORECARD_", "DATABASE_", "DJANGO_")


def run(environment: dict[str, str], *command: str) -> subprocess.CompletedProcess:
    clean = {name: value for name, value in os.environ.items() if not name.startswith(OURS)}
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *command],
        cwd=settings.BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "scorecard.settings", **environment},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def manage(environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return run(environment, "manage.py", *arguments)


def migrated(environment: dict[str, str]) -> dict[str, str]:
    done = manage(environment, "migrate", "--no-input")
    assert done.returncode == 0, done.stderr
    return environment


@pytest.fixture
def empty_database(tmp_path):
    """A second database, newly migrated, of the same kind as the test database: a file on SQLite, a database
    of its own beside the test database on PostgreSQL (dropped afterwards)."""
    if connection.vendor != "postgresql":
        yield migrated({"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"})
        return
    server, name = connection.settings_dict, f"{connection.settings_dict['NAME']}_empty"
    with psycopg.connect(**_server_address(server), dbname="postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{quote(server['PASSWORD'])}" if server["PASSWORD"] else ""
    address = f"{quote(server['USER'])}{password}@{server['HOST'] or 'localhost'}:{server['PORT'] or 5432}"
    yield migrated({"DATABASE_URL": f"postgres://{address}/{name}"})
    with psycopg.connect(**_server_address(server), dbname="postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _server_address(server: dict) -> dict:
    return {
        "host": server["HOST"] or "localhost",
        "port": server["PORT"] or 5432,
        "user": server["USER"],
        "password": server["PASSWORD"] or None,
    }


def tally_of(environment: dict[str, str]) -> dict:
    """Every table's row count and the returns' checksum in the database the environment names."""
    script = (
        "import django, json; django.setup(); from scorecard.backups import tally; "
        "print(json.dumps({'tables': tally.table_counts(), 'returns_checksum': tally.returns_checksum()}))"
    )
    counted = run(environment, "-c", script)
    assert counted.returncode == 0, counted.stderr
    return json.loads(counted.stdout)
