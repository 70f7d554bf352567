"""The first-run page of a fresh Scorecard: nothing is created without the set-up code printed in the log."""

import runpy
import sys
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import OutputWrapper
from django.db import connections

from scorecard.accounts.models import Role, User
from scorecard.council.first_run import announcement, is_set_up, setup_code
from scorecard.council.models import FinancialYear, OrganisationSettings, Period
from scorecard.web.management.commands.runserver import Command as Runserver
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-for-northfield"


def filled(**changes) -> dict:
    form = {
        "setup_code": setup_code(),
        "name": "Northfield District Council",
        "team_name": "Policy and Performance",
        "year": "2026/27",
        "bands": "three",
        "blue_margin": "",
        "amber_margin": "10%",
        "margins": "relative",
        "commentary": "one",
        "username": "priya",
        "email": "priya@northfield.example",
        "password": PASSWORD,
        "password_again": PASSWORD,
    }
    return {**form, **changes}


def test_the_first_run_sets_up_the_council_its_year_and_signs_the_team_in(client):
    response = client.post("/start/", filled())
    assert (response.status_code, response.url) == (302, "/set-up/")
    organisation = OrganisationSettings.load()
    assert (organisation.name, organisation.team_name) == ("Northfield District Council", "Policy and Performance")
    assert (organisation.blue_margin, organisation.amber_margin) == (None, Decimal("0.1"))
    assert organisation.commentary == "one" and organisation.set_up_at is not None
    year = FinancialYear.objects.get()
    assert year.label == "2026/27" and list(year.periods.values_list("quarter", flat=True)) == [1, 2, 3, 4]
    priya = User.objects.get(username="priya")
    assert priya.check_password(PASSWORD)
    assert list(priya.roles.values_list("role", flat=True)) == [Role.PERFORMANCE_TEAM]
    assert client.get("/set-up/").status_code == 200  # signed in as the team


def test_without_the_right_code_nothing_is_created(client):
    response = client.post("/start/", filled(setup_code="AAAA-BBBB-CCCC"))
    assert response.status_code == 400
    assert "The set-up code is not right" in response.content.decode()
    assert not User.objects.exists() and not FinancialYear.objects.exists() and not Period.objects.exists()
    assert OrganisationSettings.load().set_up_at is None
    response = client.post("/start/", filled(setup_code=""))
    assert "Enter the set-up code" in response.content.decode()
    assert not User.objects.exists()


def test_the_code_is_read_however_it_is_typed(client):
    typed = setup_code().lower().replace("-", " ")
    assert client.post("/start/", filled(setup_code=typed)).status_code == 302


def test_after_set_up_the_first_run_page_is_gone(client):
    client.post("/start/", filled())
    client.logout()
    assert client.get("/start/").status_code == 404
    assert client.post("/start/", filled(username="mallory")).status_code == 404
    assert not User.objects.filter(username="mallory").exists()
    assert client.get("/").status_code == 200  # the home page no longer sends anyone to /start/


def test_a_database_with_people_or_the_demo_is_never_offered(client):
    factories.everyone("People Services")
    assert is_set_up()
    assert client.get("/start/").status_code == 404


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amber_margin": "ten"}, "Amber margin: “ten” is not a margin"),
        ({"bands": "four", "blue_margin": ""}, "Enter the blue margin, or choose three bands"),
        ({"year": "2026"}, "2026"),
        ({"password_again": "something-else-entirely"}, "The two passwords are not the same"),
        ({"password": "password", "password_again": "password"}, "This password is too common"),
        ({"email": "priya"}, "Enter an email address"),
        ({"name": ""}, "Enter the organisation&#x27;s name"),
    ],
)
def test_bad_input_is_named_and_nothing_is_created(client, changes, message):
    response = client.post("/start/", filled(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not User.objects.exists() and not FinancialYear.objects.exists()


def test_the_same_code_in_every_process_and_a_line_for_the_log():
    code = setup_code()
    assert setup_code() == code and len(code) == 14
    line = announcement("http://127.0.0.1:8000")
    assert line == f"Scorecard set-up code: {code}  open http://127.0.0.1:8000/start/ to set up your council"
    call_command("start_council", name="N", team="T", year="2026/27", username="u", email="u@example.org")
    assert announcement("http://127.0.0.1:8000") is None


def test_runserver_prints_the_code_once_it_listens(capsys):
    command = Runserver(stdout=OutputWrapper(sys.stdout))
    command.addr, command.port, command._raw_ipv6, command.protocol = "127.0.0.1", "8000", False, "http"
    command.on_bind("8000")
    assert f"Scorecard set-up code: {setup_code()}  open http://127.0.0.1:8000/start/" in capsys.readouterr().out


def test_gunicorn_prints_the_code_once_as_it_starts(monkeypatch):
    logged = []
    server = SimpleNamespace(LISTENERS=["http://127.0.0.1:8000"], log=SimpleNamespace(info=logged.append))
    monkeypatch.setattr(connections, "close_all", lambda: None)  # the test's own connection stays open
    runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))["when_ready"](server)
    assert logged == [
        f"Scorecard set-up code: {setup_code()}  open http://127.0.0.1:8000/start/ to set up your council"
    ]
