"""People, in a real browser: the performance team invites an owner with roles, the owner chooses a password
from the emailed link and is signed in, the team switches them off. Every page is checked with axe-core."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from scorecard.council.models import Directorate
from tests import factories
from tests.browser.conftest import accessibility_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def checked(page) -> None:
    assert accessibility_problems(page) == []


def test_an_owner_is_invited_sets_a_password_and_is_switched_off(visitor):
    for n, name in enumerate(["Housing", "Planning"]):
        Directorate.objects.create(name=name, order=n)
    factories.person("performance", "performance_team")

    team = visitor()
    sign_in(team, "performance")
    team.get_by_role("link", name="People").click()
    checked(team)
    team.get_by_role("link", name="Invite a person").click()
    checked(team)
    team.get_by_role("button", name="Send the invitation").click()
    expect(team).to_have_title(re.compile("^Error: "))
    checked(team)
    team.get_by_label("Email address").fill("sam.owner@district.example")
    team.get_by_label("Full name (optional)").fill("Sam Owner")
    team.get_by_label("Measure owner in Housing").check()
    team.get_by_label("Directorate approver in Planning").check()
    team.get_by_role("button", name="Send the invitation").click()
    expect(team.locator("main")).to_contain_text("Sam Owner is invited")
    checked(team)

    (email,) = mail.outbox
    link = re.search(r"https?://[^/]+(/accounts/invitation/\S+/)", email.body)[1]
    owner = visitor()
    owner.goto(link)
    checked(owner)
    owner.get_by_label("New password", exact=True).fill("a-new-long-password-for-sam")
    owner.get_by_label("Type the new password again").fill("not-the-same")
    owner.get_by_role("button", name="Save the password and sign in").click()
    expect(owner).to_have_title(re.compile("^Error: "))
    checked(owner)
    owner.get_by_label("New password", exact=True).fill("a-new-long-password-for-sam")
    owner.get_by_label("Type the new password again").fill("a-new-long-password-for-sam")
    owner.get_by_role("button", name="Save the password and sign in").click()
    expect(owner.locator("header")).to_contain_text("Sam Owner")
    owner.goto(link)
    assert "has been used already" in owner.content()
    checked(owner)

    team.reload()
    team.get_by_label("Why (optional, kept in the history)").fill("Moved to another council")
    team.get_by_role("button", name="Switch off Sam Owner").click()
    expect(team.locator("main")).to_contain_text("Sam Owner is switched off")
    checked(team)
    owner.goto("/returns/")
    assert "/accounts/login/" in owner.url
