"""A member of the public reads the published scorecard in a real browser."""

import pytest

from scorecard.council.models import Directorate, Perspective
from scorecard.reports.render.pdf import pdf_bytes
from scorecard.web import reports
from tests import factories
from tests.browser.conftest import accessibility_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published_quarter():
    q2 = factories.period(2018, 2)
    people = Directorate.objects.create(name="People Services")
    perspective = Perspective.objects.create(name="People")
    for number, actual in enumerate((94, 97, 101, 104)):
        measure = factories.measure(f"SS PM0{number}", title=f"Children in care measure {number}")
        factories.entry(measure, q2.year, directorate=people, perspective=perspective, order=number)
        factories.target(measure, q2, 100)
        factories.target(measure, None, 100, year_of=q2.year)
        factories.return_for(measure, q2, actual, forecast=100, context="In line with the plan.")
    factories.published(q2)
    return q2


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/years/",
        "/reports/dashboard/?year=2018/19&quarter=2&group_by=perspective",
        "/reports/dashboard/?year=2018/19&quarter=2&group_by=directorate&portfolio=",
        "/reports/annual/?year=2018/19",
        "/reports/improvement/?year=2018/19&quarter=2",
        "/accounts/login/",
        "/accounts/password_reset/",
    ],
)
def test_public_pages_have_no_accessibility_problems(visitor, published_quarter, path):
    page = visitor()
    page.goto(path)
    assert accessibility_problems(page) == []


def test_the_dashboard_shows_statuses_in_words(visitor, published_quarter):
    page = visitor()
    page.goto("/reports/dashboard/?year=2018/19&quarter=2&group_by=perspective")
    row = page.get_by_role("row", name="SS PM00 Children in care measure 0")
    assert "Red" in row.inner_text()
    page.get_by_label("Status", exact=True).select_option("blue")
    page.get_by_role("button", name="Show").click()
    assert page.get_by_role("row").filter(has_text="SS PM0").count() == 1


def test_the_home_page_of_signed_in_staff_has_no_accessibility_problems(visitor, published_quarter):
    factories.open_period(2018, 3)
    factories.person("approver", "directorate_approver", "People Services")
    page = visitor()
    sign_in(page, "approver")
    page.goto("/")
    assert page.get_by_role("heading", name="Your work").is_visible()
    assert accessibility_problems(page) == []


def test_a_pdf_that_could_not_be_made_accessible_sends_the_reader_back_to_the_page(
    visitor, published_quarter, monkeypatch
):
    monkeypatch.setattr(reports, "render_document", lambda output, format: pdf_bytes("<h1>Untitled</h1>"))
    page = visitor()
    page.goto("/reports/dashboard/?year=2018/19&quarter=2&format=pdf")
    assert page.get_by_role("heading", name="The PDF could not be made").is_visible()
    assert accessibility_problems(page) == []
    page.get_by_role("link", name="Read the report on its web page").click()
    assert page.get_by_role("link", name="PDF (accessible alternative) of the council scorecard dashboard").is_visible()
