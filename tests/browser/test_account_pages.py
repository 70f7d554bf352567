"""The account pages and the error pages in a real browser, with and without errors: axe-core finds nothing."""

import re

import pytest
from django.core import mail
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory
from django.views import defaults
from django.views.csrf import csrf_failure
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import accessibility_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def checked(page) -> None:
    assert accessibility_problems(page) == []


def test_sign_in_reset_and_change_a_password(visitor):
    officer = factories.person("officer", "measure_owner", "Housing")
    officer.email = "officer@district.example"
    officer.save()
    page = visitor()

    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile("^Error: "))
    checked(page)

    page.goto("/accounts/password_reset/")
    page.get_by_role("button", name="Send the link").click()
    expect(page).to_have_title(re.compile("^Error: "))
    checked(page)
    page.get_by_label("Email address").fill("officer@district.example")
    page.get_by_role("button", name="Send the link").click()
    checked(page)
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body)[1]
    page.goto(link)
    page.get_by_label("New password", exact=True).fill("a-brand-new-long-password")
    page.get_by_label("Type the new password again").fill("something else")
    page.get_by_role("button", name="Save the new password").click()
    expect(page).to_have_title(re.compile("^Error: "))
    checked(page)

    sign_in(page, "officer")
    page.locator("header").get_by_role("link", name="officer").click()
    page.get_by_role("link", name="Change your password").click()
    page.get_by_label("Current password").fill("not-my-password")
    page.get_by_role("button", name="Change the password").click()
    expect(page).to_have_title(re.compile("^Error: "))
    checked(page)

    page.get_by_role("link", name="API tokens").click()
    page.get_by_role("button", name="Create a token").click()
    expect(page).to_have_title(re.compile("^Error: "))
    checked(page)
    page.get_by_label("What is the token for?").fill("Power BI refresh")
    page.get_by_role("button", name="Create a token").click()
    expect(page.locator("#new-token")).to_contain_text("sc_")
    checked(page)

    page.goto("/no-such-page/")
    expect(page).to_have_title(re.compile("^Page not found"))
    checked(page)


@pytest.mark.parametrize(
    "error_page",
    [
        lambda: defaults.server_error(RequestFactory().get("/")),
        lambda: defaults.bad_request(RequestFactory().get("/"), SuspiciousOperation("odd")),
        lambda: csrf_failure(RequestFactory().post("/"), reason="CSRF token missing."),
    ],
    ids=["500", "400", "csrf"],
)
def test_the_error_pages_a_browser_cannot_ask_for_have_no_accessibility_problems(visitor, live_server, error_page):
    """The 500, 400 and CSRF-failure pages, as Django renders them, shown at an address of the site's own."""
    html = error_page().content.decode()
    page = visitor()
    page.context.route("**/error-page-as-rendered", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto("/error-page-as-rendered")
    checked(page)
