"""Scorecard under its production settings: a subprocess with SCORECARD_DEBUG=false and what production requires."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

HOST = "scorecard.example.gov.uk"
# Settings the test run itself may have (DJANGO_ALLOW_ASYNC_UNSAFE for the browser tests): none reach production.
OURS = ("SCORECARD_", "DATABASE_", "DJANGO_")


def production_environment(folder) -> dict[str, str]:
    return {
        "SCORECARD_DEBUG": "false",
        "SCORECARD_SECRET_KEY": "production-test-" + "k3y" * 20,
        "SCORECARD_ALLOWED_HOSTS": HOST,
        "SCORECARD_SITE_URL": f"https://{HOST}",
        "DATABASE_URL": f"sqlite:///{folder / 'scorecard.sqlite3'}",
        "SCORECARD_STATIC_ROOT": str(folder / "static"),
    }


def run(environment: dict[str, str], *command: str) -> subprocess.CompletedProcess:
    """A command run from the project's folder with only these settings (nothing from the test run's own)."""
    clean = {name: value for name, value in os.environ.items() if not name.startswith(OURS)}
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *command],
        cwd=settings.BASE_DIR,
        env={**clean, **environment},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def manage(environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return run(environment, "manage.py", *arguments)


@pytest.fixture(scope="package")
def production(tmp_path_factory):
    """The production settings, with a migrated database and the static files collected, as a deployment has."""
    environment = production_environment(tmp_path_factory.mktemp("production"))
    for step in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        done = manage(environment, *step)
        assert done.returncode == 0, done.stderr
    return environment
