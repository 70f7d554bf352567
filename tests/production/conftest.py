"""Scorecard under its production settings: a subprocess with SCORECARD_DEBUG=false and what production requires."""

import pytest

from tests.separately import manage, migrated

HOST = "scorecard.example.gov.uk"


def production_environment(folder) -> dict[str, str]:
    return {
        "SCORECARD_DEBUG": "false",
        "SCORECARD_SECRET_KEY": "production-test-" + "k3y" * 20,
        "SCORECARD_ALLOWED_HOSTS": HOST,
        "SCORECARD_SITE_URL": f"https://{HOST}",
        "DATABASE_URL": f"sqlite:///{folder / 'scorecard.sqlite3'}",
        "SCORECARD_STATIC_ROOT": str(folder / "static"),
    }


@pytest.fixture(scope="package")
def production(tmp_path_factory):
    """The production settings, with a migrated database and the static files collected, as a deployment has."""
    environment = migrated(production_environment(tmp_path_factory.mktemp("production")))
    collected = manage(environment, "collectstatic", "--no-input")
    assert collected.returncode == 0, collected.stderr
    return environment
