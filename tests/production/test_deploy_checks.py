"""Production settings pass Django's deployment checks, and a missing or bad setting stops start-up by name."""

import pytest

from tests.separately import manage


def test_check_deploy_finds_nothing_to_warn_about(production):
    checked = manage(production, "check", "--deploy", "--fail-level", "WARNING")
    assert checked.returncode == 0, checked.stderr + checked.stdout
    assert "System check identified no issues" in checked.stdout


REQUIRED = ["SCORECARD_SECRET_KEY", "SCORECARD_ALLOWED_HOSTS", "DATABASE_URL", "SCORECARD_SITE_URL"]


@pytest.mark.parametrize("name", REQUIRED)
def test_production_will_not_start_without(name, production):
    checked = manage({**production, name: ""}, "check")
    assert checked.returncode != 0
    assert f"{name} must be set when SCORECARD_DEBUG is false" in checked.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SCORECARD_SECRET_KEY", "short", "SCORECARD_SECRET_KEY must be at least 50 characters long"),
        ("SCORECARD_DEBUG", "maybe", "SCORECARD_DEBUG must be true or false, not 'maybe'"),
        ("SCORECARD_HSTS_SECONDS", "a year", "SCORECARD_HSTS_SECONDS must be a whole number, not 'a year'"),
        ("DATABASE_URL", "oracle-ish://x", "DATABASE_URL is not a database address"),
        ("SCORECARD_TRUSTED_PROXIES", "-1", "SCORECARD_TRUSTED_PROXIES must be 0 or more"),
        ("SCORECARD_SESSION_IDLE_MINUTES", "0", "SCORECARD_SESSION_IDLE_MINUTES must be 1 or more"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(name, value, message, production):
    checked = manage({**production, name: value}, "check")
    assert checked.returncode != 0
    assert message in checked.stderr


def test_development_needs_no_settings_at_all(tmp_path):
    checked = manage({"DATABASE_URL": f"sqlite:///{tmp_path / 'scorecard.sqlite3'}"}, "check")
    assert checked.returncode == 0, checked.stderr
