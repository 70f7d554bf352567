"""A new council sets itself up in a real browser: the first-run page with the code from the log, then each
set-up page. Every page on the way, and a page showing errors, is checked with axe-core for WCAG 2.2 AA."""

import pytest

from scorecard.council.first_run import setup_code
from scorecard.council.models import Directorate, FinancialYear, OrganisationSettings
from tests import factories
from tests.browser.conftest import accessibility_problems

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password-for-northfield"


def checked(page) -> None:
    assert accessibility_problems(page) == []


def first_run(page) -> None:
    page.goto("/")
    assert page.url.endswith("/start/")
    checked(page)
    page.get_by_label("Set-up code").fill("WRONG-CODE-0000")
    page.get_by_label("Organisation's name").fill("Northfield District Council")
    page.get_by_label("Performance team's name").fill("Policy and Performance")
    page.get_by_label("First financial year").fill("2026/27")
    page.get_by_label("Three: Green, Amber and Red (no Blue)").check()
    page.get_by_label("Amber margin").fill("ten")
    page.get_by_label("Percentages of the target").check()
    page.get_by_label("One note, “Commentary”").check()
    page.get_by_label("Username").fill("priya")
    page.get_by_label("Email address").fill("priya@northfield.example")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Set up the council").click()
    assert "The set-up code is not right" in page.content() and "“ten” is not a margin" in page.content()
    checked(page)  # the page with its errors
    page.get_by_label("Set-up code").fill(setup_code())
    page.get_by_label("Amber margin").fill("10%")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Set up the council").click()
    assert page.url.endswith("/set-up/")


def test_a_new_council_sets_itself_up_through_pages(visitor):
    page = visitor()
    first_run(page)
    checked(page)
    assert FinancialYear.objects.get().label == "2026/27"

    page.get_by_role("link", name="Organisation", exact=True).click()
    checked(page)
    page.get_by_label("What the council calls a directorate").fill("Service unit")
    page.get_by_label("The same word, plural").fill("Service units")
    page.get_by_role("button", name="Save").click()
    checked(page)
    assert OrganisationSettings.load().directorate_word == "Service unit"
    assert page.get_by_label("Amber margin").input_value() == "10%"  # kept as 0.1, shown as a percentage
    page.get_by_label("Amber margin").fill("ten")
    page.get_by_role("button", name="Save").click()
    assert "Amber margin: “ten” is not a margin" in page.content()
    checked(page)

    page.goto("/set-up/directorates/")
    assert page.get_by_role("heading", name="Service units").is_visible()
    for name in ("Waste and Recycling", "Housing"):
        page.get_by_label("Name", exact=True).fill(name)
        page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_role("button", name="move Housing up").click()
    checked(page)
    assert list(Directorate.objects.values_list("name", flat=True)) == ["Housing", "Waste and Recycling"]

    page.goto("/set-up/plan/")
    page.get_by_label("Name", exact=True).fill("A Greener Northfield")
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_role("link", name="Priorities of A Greener Northfield").click()
    page.get_by_label("Name", exact=True).fill("Less waste")
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_role("rowheader", name="Less waste").wait_for()  # the page drawn again with it, not the one before
    checked(page)

    for address in ("/set-up/perspectives/", "/set-up/portfolios/"):
        page.goto(address)
        checked(page)

    page.goto("/set-up/years/")
    page.get_by_label("Financial year").fill("2026/27")
    page.get_by_role("button", name="Add the year").click()
    assert "2026/27 overlaps a year already held" in page.content()
    checked(page)
    page.get_by_label("Financial year").fill("2027/28")
    page.get_by_role("button", name="Add the year").click()
    checked(page)
    assert FinancialYear.objects.count() == 2

    factories.entry(factories.measure("NF 1", title="Missed bins"), FinancialYear.objects.get(start_year=2026))
    page.goto("/set-up/years/")
    page.get_by_label("Copy the scorecard of").select_option("2026/27")
    page.get_by_label("Into the year").fill("2028/29")
    page.get_by_role("button", name="Copy the scorecard").click()
    assert "2028/29's scorecard is set up from 2026/27's, with 1 measure or action." in page.content()
    checked(page)
