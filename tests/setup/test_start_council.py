"""manage.py start_council: the first-run page's twin, for councils that automate."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from scorecard.accounts.models import Role, User
from scorecard.council.models import FinancialYear, OrganisationSettings

pytestmark = pytest.mark.django_db


def start(capsys=None, **options):
    arguments = {"name": "Northfield District Council", "team": "Policy and Performance", "year": "2014/15"}
    arguments |= {"username": "priya", "email": "priya@northfield.example"}
    call_command("start_council", **{**arguments, **options})
    return capsys.readouterr().out if capsys else ""


def test_it_sets_up_a_council_with_three_bands_and_one_note(capsys, tmp_path):
    password = tmp_path / "password"
    password.write_text("a-long-test-password-for-northfield\n")
    said = start(capsys, no_blue=True, amber_margin="10%", commentary="one", password_file=str(password))
    assert "Northfield District Council is set up, with 2014/15 and its four quarters." in said
    organisation = OrganisationSettings.load()
    assert (organisation.blue_margin, organisation.amber_margin) == (None, Decimal("0.1"))
    assert organisation.commentary == "one"
    assert organisation.set_up_at is not None
    assert FinancialYear.objects.get().periods.count() == 4
    priya = User.objects.get(username="priya")
    assert priya.check_password("a-long-test-password-for-northfield")
    assert priya.roles.get().role == Role.PERFORMANCE_TEAM


def test_without_a_password_file_the_account_waits_for_a_reset(capsys):
    said = start(capsys, blue_margin="3", amber_margin="4%")
    assert "Forgotten your password?" in said
    assert not User.objects.get(username="priya").has_usable_password()
    organisation = OrganisationSettings.load()
    assert (organisation.blue_margin, organisation.amber_margin) == (Decimal("0.03"), Decimal("0.04"))


def test_absolute_margins_are_kept_in_the_measures_unit():
    start(absolute=True, blue_margin="1", amber_margin="2.5")
    organisation = OrganisationSettings.load()
    assert (organisation.blue_margin, organisation.amber_margin) == (Decimal("1"), Decimal("2.5"))
    assert organisation.tolerances.absolute


def test_it_refuses_a_database_that_already_holds_a_council():
    start()
    with pytest.raises(CommandError, match="already holds a council"):
        start(username="mallory", email="m@example.org", name="Someone Else")
    assert not User.objects.filter(username="mallory").exists()
    assert OrganisationSettings.load().name == "Northfield District Council"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"amber_margin": "ten"}, "--amber-margin: “ten” is not a margin"),
        ({"blue_margin": "150%"}, "use a number from 0 to 100"),
        ({"year": "2014"}, "2014"),
        ({"email": "not an address"}, "email: Enter a valid email address."),
        ({"password_file": "/nonexistent/password"}, "cannot read the password file"),
    ],
)
def test_bad_input_gets_a_clear_message_and_creates_nothing(options, message):
    with pytest.raises(CommandError, match=message):
        start(**options)
    assert not User.objects.exists() and not FinancialYear.objects.exists()
    assert OrganisationSettings.load().set_up_at is None


def test_a_weak_password_is_refused(tmp_path):
    password = tmp_path / "password"
    password.write_text("password")
    with pytest.raises(CommandError, match="password: This password is too common"):
        start(password_file=str(password))
    assert not User.objects.exists()
