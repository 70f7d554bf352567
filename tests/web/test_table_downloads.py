"""Every table on a page downloads as CSV and Excel: the page's rows, figures as numbers, no formula run."""

import csv
import html
import io
import re
from datetime import date

import openpyxl
import pytest

from scorecard.accounts.models import Role
from scorecard.council.models import Directorate
from scorecard.returns.models import WorkflowState
from tests import factories

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","Click")'


@pytest.fixture
def q3():
    return factories.open_period(2018, 3, deadline=date(2019, 1, 18))


@pytest.fixture
def health_checks(q3):
    measure = factories.measure("L&C PM28", title="Livewell: NHS Health Checks")
    factories.entry(measure, q3.year, directorate=Directorate.objects.get_or_create(name="People Services")[0])
    factories.target(measure, q3, 500)
    factories.target(measure, None, 2000, year_of=q3.year)
    return measure


@pytest.fixture
def submitted(q3, health_checks):
    values = {"forecast": 1900, "state": WorkflowState.SUBMITTED, "context": FORMULA}
    return factories.return_for(health_checks, q3, 480, **values)


@pytest.fixture
def team(client):
    person = factories.person("performance", Role.PERFORMANCE_TEAM)
    client.force_login(person)
    return person


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def sheet_rows(response) -> list[list]:
    """The table's rows under its two-line masthead, as Excel stores them."""
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]


def page_text(response) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def shown_on(page: str, rows: list[list[str]]) -> bool:
    """Every cell of the download's rows, under its headings, is on the page too (an empty cell aside)."""
    return all(cell in page for row in rows[1:] for cell in row if cell)


def test_my_returns_download_holds_the_pages_rows(client, q3, health_checks, submitted):
    client.force_login(factories.person("officer", Role.MEASURE_OWNER, "People Services"))
    rows = csv_rows(client.get("/returns/?download=csv"))
    assert rows == [
        ["Quarter", "Directorate", "Code", "Measure or action", "State", "Overdue"],
        ["2018/19 Q3", "People Services", "L&C PM28", "Livewell: NHS Health Checks", "Submitted", ""],
    ]
    assert shown_on(page_text(client.get("/returns/")), rows)


def test_the_approvals_download_stores_figures_as_numbers_and_neutralises_formulas(client, team, submitted):
    headings, row = sheet_rows(client.get("/approvals/?download=xlsx"))
    assert headings[3:6] == ["Actual", "Quarterly target", "Quarterly status"]
    assert row[:10] == [
        "People Services",
        "2018/19 Q3",
        str(submitted.measure),
        480,
        500,
        "Amber",
        1900,
        2000,
        "Amber",
        "N/A",
    ]
    assert row[10] == FORMULA  # a text cell (see test_renderers): shown as text, never calculated
    csv_row = csv_rows(client.get("/approvals/?download=csv"))[1]
    assert csv_row[3:5] == ["480", "500"] and csv_row[10] == "'" + FORMULA


def test_the_quarters_page_downloads_each_of_its_tables(client, team, q3, health_checks, submitted):
    progress = csv_rows(client.get("/quarters/?download=csv"))
    assert progress[0] == [
        "Quarter",
        "Directorate",
        "Not started",
        "Draft",
        "Submitted",
        "Returned",
        "Approved",
        "Overdue",
    ]
    assert progress[1:] == [
        ["2018/19 Q3", "People Services", "0", "0", "1", "0", "0", "0"],
        ["2018/19 Q3", "All directorates", "0", "0", "1", "0", "0", "0"],
    ]
    assert sheet_rows(client.get("/quarters/?download=xlsx"))[1][2:] == [0, 0, 1, 0, 0, 0]
    quarters = csv_rows(client.get("/quarters/?download=csv&table=quarters"))
    assert quarters[0] == ["Quarter", "State", "Deadline", "Published"]
    assert ["2018/19 Q3", "Open for returns", "18 Jan 2019", "Not published"] in quarters
    assert shown_on(page_text(client.get("/quarters/")), quarters)


def test_a_return_history_download_neutralises_formula_looking_text(client, team, submitted):
    rows = csv_rows(client.get(f"/returns/{submitted.pk}/history/?download=csv"))
    assert rows[0] == ["When", "Who", "What happened", "Field", "Old value", "New value"]
    assert [row[3:] for row in rows[1:] if row[3] == "Context for current performance"] == [
        ["Context for current performance", "", "'" + FORMULA]
    ]
    (sheet_row,) = [
        row
        for row in sheet_rows(client.get(f"/returns/{submitted.pk}/history/?download=xlsx"))
        if row[3] == "Context for current performance"
    ]
    assert sheet_row[5] == FORMULA


def test_the_years_and_open_data_pages_download_their_tables(client, q3, submitted, team):
    factories.published(factories.period(2018, 2))
    published = csv_rows(client.get("/open-data/?download=csv"))
    assert published[0] == ["Quarter", "Published"] and published[1][0] == "2018/19 Q2"
    assert shown_on(page_text(client.get("/open-data/")), published)
    client.force_login(team)  # the open quarter is listed for the people who work on it
    years = csv_rows(client.get("/years/?download=csv"))
    assert years == [["Financial year", "Quarter", "Measures", "Council Plan actions"], ["2018/19", "Q3", "1", "0"]]


def test_a_download_says_what_went_wrong_with_the_asking(client, team):
    assert client.get("/quarters/?download=pdf").status_code == 400
    response = client.get("/quarters/?download=csv&table=everything")
    assert response.status_code == 400 and "no table called" in response.content.decode()


def test_the_download_links_are_on_the_pages(client, team, submitted):
    page = client.get("/quarters/").content.decode()
    assert 'href="?download=csv"' in page and 'href="?download=xlsx&amp;table=quarters"' in page
