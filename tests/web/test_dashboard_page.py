"""The dashboard shows the figures and a summary; report links get defaults; empty councils say what to do."""

import csv
import io
import re
from io import BytesIO

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook

from scorecard.council.models import (
    Directorate,
    OrganisationSettings,
    Period,
    Perspective,
    Pledge,
    Portfolio,
    Priority,
)
from scorecard.measures.models import Measure, ScorecardEntry
from tests import factories

pytestmark = pytest.mark.django_db

DASHBOARD = "/reports/dashboard/?year=2018/19&quarter=2"
LAYOUT_004 = [
    "Measure",
    "Good is",
    "Current target status",
    "Year-end forecast",
    "Year-end target",
    "Forecast year-end status",
    "Direction of travel",
]


def council(*, perspectives: bool = True, forecasts: bool = True):
    """Three measures of 2018/19 in People Services: Red (90), Green (100) and Blue (110) against 100 in Q2,
    each with last year's Q2, and Q2 published."""
    q2, last_year = factories.period(2018, 2), factories.period(2017, 2)
    place = Directorate.objects.get_or_create(name="People Services")[0]
    perspective = Perspective.objects.get_or_create(name="People")[0] if perspectives else None
    for number, actual in enumerate((90, 100, 110)):
        measure = factories.measure(f"PM{number}", title=f"Measure {number}")
        factories.entry(measure, q2.year, directorate=place, perspective=perspective, order=number)
        factories.target(measure, q2, 100)
        factories.target(measure, None, 400, year_of=q2.year)
        factories.return_for(measure, q2, actual, forecast=404 if forecasts else None)
        factories.return_for(measure, last_year, 85 + number)
    factories.published(q2, last_year)
    return q2


def headings(html: str) -> list[str]:
    first_table = html[html.index("scorecard-dashboard") :]
    head = first_table[: first_table.index("</thead>")]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", head)]


def test_the_dashboard_shows_the_quarters_target_actual_and_comparison(client):
    council()
    html = client.get(DASHBOARD).content.decode()
    assert headings(html) == [
        "Measure",
        "Good is",
        "Quarterly target",
        "Quarterly actual",
        "Current target status",
        "Year-end forecast",
        "Year-end target",
        "Forecast year-end status",
        "2017/18 Q2 actual",
        "Direction of travel",
        "Variation",
        "Assurance",
    ]
    row = html[html.index(">PM0</a>") :]
    row = row[: row.index("</tr>")]
    assert [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)] == [
        "High",
        "100",
        "90",
        "Red",
        "404",
        "400",
        "Green",
        "85",
        "Improving",
        "No values to chart",  # year-to-date figures with no quarter before them: no quarter's own value
        "–",
    ]


def test_a_measure_comparing_with_the_previous_quarter_says_which_quarter(client):
    q2 = council()
    Measure.objects.filter(code="PM1").update(comparison="previous_period")
    factories.return_for(Measure.objects.get(code="PM1"), factories.period(2018, 1), 97)
    factories.published(factories.period(2018, 1))  # readers compare with published figures only
    html = client.get(DASHBOARD).content.decode()
    assert "Compared with" in headings(html)
    assert "85 (2017/18 Q2)" in html and "97 (2018/19 Q1)" in html
    assert q2.is_published


def test_the_dashboard_opens_with_a_summary_in_words_numbers_and_a_chart(client):
    council()
    factories.entry(factories.measure("NT 1", title="No target yet"), factories.period(2018, 2).year)
    html = client.get(DASHBOARD).content.decode()
    summary = html[html.index(">Summary</h2>") : html.index("scorecard-dashboard")]
    words = "Of 4 measures, against the quarter&#x27;s target: 1 Blue, 1 Green, 0 Amber and 1 Red; 1 not rated"
    assert words in summary
    counts = re.findall(r"<tr class=\"govuk-table__row\"><th scope=\"row\".*?</tr>", summary)
    assert [re.sub(r"<[^>]+>", "", row) for row in counts] == ["Blue1", "Green1", "Amber0", "Red1", "Not rated1"]
    assert 'role="img"' in summary and "<desc" in summary  # the chart, with its text equivalent


def test_a_council_without_blue_sees_no_blue_in_the_summary(client):
    council()
    factories.organisation()
    OrganisationSettings.objects.update(blue_margin=None)
    html = client.get(DASHBOARD).content.decode()
    assert "2 Green, 0 Amber and 1 Red" in html


@pytest.mark.parametrize("format", ["csv", "xlsx", "docx", "pdf"])
def test_every_download_carries_the_figures(client, format):
    council()
    content = client.get(f"{DASHBOARD}&format={format}").content
    if format == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        header, first = rows[0], rows[1]
        assert first[header.index("Quarterly target")] == "100"
        assert first[header.index("Quarterly actual")] == "90"
        assert first[header.index("2017/18 Q2 actual")] == "85"
    elif format == "xlsx":
        workbook = load_workbook(BytesIO(content))
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        header = rows[2]
        assert rows[3][header.index("Quarterly actual")] == 90
        assert rows[3][header.index("2017/18 Q2 actual")] == 85
        summary = list(workbook["Summary"].iter_rows(values_only=True))
        assert ("Red", 1) in summary
    elif format == "docx":
        document = WordDocument(BytesIO(content))
        text = "\n".join(paragraph.text for paragraph in document.paragraphs)
        assert "Of 3 measures" in text
        (chart,) = document.inline_shapes
        assert chart._inline.docPr.get("descr").startswith("Of 3 measures")
        header = [cell.text for cell in document.tables[0].rows[0].cells]
        assert "Quarterly target" in header and "2017/18 Q2 actual" in header
    else:
        from pypdf import PdfReader

        text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(content)).pages)
        assert "Of 3 measures" in text and "Measures by quarterly status" in text
        assert re.search(r"Quarterly\s+target", text) and re.search(r"2017/18 Q2\s+actual", text)


def test_the_organisation_can_choose_004s_columns(client):
    council()
    factories.organisation()
    OrganisationSettings.objects.update(dashboard_columns=["good_is", "forecast", "year_end_target", "direction"])
    assert headings(client.get(DASHBOARD).content.decode()) == LAYOUT_004


def test_a_council_that_does_not_forecast_sees_no_forecast_columns(client):
    council(forecasts=False)
    shown = headings(client.get(DASHBOARD).content.decode())
    assert "Forecast year-end status" not in shown and "Year-end forecast" not in shown
    assert "Year-end target" in shown


def test_a_link_giving_only_year_and_quarter_gets_the_other_defaults(client):
    council()
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert '<option value="perspective" selected>' in response.content.decode()


def test_a_link_giving_only_the_grouping_gets_the_latest_quarter(client):
    council()
    response = client.get("/reports/dashboard/?group_by=directorate")
    assert response.status_code == 200
    assert "Quarter 2 2018/19" in response.content.decode()


def test_a_council_without_perspectives_groups_by_directorate_and_has_no_empty_heading(client):
    council(perspectives=False)
    html = client.get("/reports/dashboard/").content.decode()
    assert '<option value="directorate" selected>' in html
    assert ">People Services</caption>" in html
    assert "Not assigned" not in html


def grouping_choices(html: str) -> list[tuple[str, str]]:
    select = html[html.index('name="group_by"') :]
    select = select[: select.index("</select>")]
    return re.findall(r'<option value="([a-z]*)"[^>]*>([^<]*)</option>', select)


def test_group_by_offers_only_the_groupings_the_years_scorecard_uses(client):
    council(perspectives=False)
    OrganisationSettings.objects.filter(pk=factories.organisation().pk).update(directorate_word="Service unit")
    assert grouping_choices(client.get(DASHBOARD).content.decode()) == [("directorate", "Service unit")]
    response = client.get(DASHBOARD + "&group_by=perspective")
    assert response.status_code == 400
    assert "The year&#x27;s scorecard does not group its measures that way" in response.content.decode()


def test_group_by_offers_perspective_and_pledge_where_the_years_entries_have_them(client):
    council()
    pledge = Pledge.objects.create(name="Safe Derby")
    ScorecardEntry.objects.filter(order=0).update(priority=Priority.objects.create(pledge=pledge, name="Safe streets"))
    assert grouping_choices(client.get(DASHBOARD).content.decode()) == [
        ("perspective", "Perspective"),
        ("pledge", "Pledge"),
        ("directorate", "Directorate"),
    ]


def unpublished_next_quarter(q2: Period) -> Period:
    q3 = factories.open_period(2018, 3)
    for measure in Measure.objects.all():
        factories.return_for(measure, q3, 50)
    return q3


@pytest.mark.parametrize("page", ["/reports/dashboard/", "/reports/improvement/", "/reports/cabinet/"])
def test_readers_and_the_public_open_reports_on_the_latest_published_quarter(client, page):
    unpublished_next_quarter(council())
    response = client.get(page)
    assert response.status_code == 200
    assert "Quarter 2 2018/19" in response.content.decode()
    client.force_login(factories.person("reader", "reader"))
    assert "Quarter 2 2018/19" in client.get(page).content.decode()
    client.force_login(factories.person("team", "performance_team"))
    assert "Quarter 3 2018/19" in client.get(page).content.decode()


def test_a_link_to_a_year_opens_its_latest_quarter_the_visitor_may_see(client):
    unpublished_next_quarter(council())
    response = client.get("/reports/dashboard/?year=2018/19")
    assert response.status_code == 200
    assert "Quarter 2 2018/19" in response.content.decode()


@pytest.mark.parametrize("page", ["/reports/dashboard/", "/reports/improvement/", "/reports/cabinet/"])
def test_an_empty_council_says_what_to_set_up_not_an_error(client, page):
    factories.year(2018)
    response = client.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing published yet" in html and "There is a problem" not in html
    client.force_login(factories.person("team", "performance_team"))
    html = client.get(page).content.decode()
    assert 'href="/set-up/"' in html


def test_wide_report_tables_scroll_in_their_own_labelled_region(client):
    council()
    html = client.get(DASHBOARD).content.decode()
    region = '<div class="scorecard-table-region" role="region" aria-label="People: dashboard table" tabindex="0">'
    assert region in html


def test_a_column_of_figures_the_quarter_holds_none_of_is_not_shown(client):
    council()
    factories.Return.objects.filter(period__year__start_year=2017).delete()  # nothing to compare with
    shown = headings(client.get(DASHBOARD).content.decode())
    assert "Compared with" not in shown and "2017/18 Q2 actual" not in shown
    assert "Quarterly actual" in shown


@pytest.mark.parametrize(
    ("page", "label"),
    [
        ("/reports/improvement/?year=2018/19&quarter=2", "People Services: improvement report table"),
        ("/reports/annual/?year=2018/19", "Traffic light status"),
    ],
)
def test_other_report_tables_scroll_in_their_own_labelled_region(client, page, label):
    council()
    factories.published(factories.period(2018, 4))
    for measure in Measure.objects.all():
        factories.return_for(measure, factories.period(2018, 4), 100)
    html = client.get(page).content.decode()
    assert f'role="region" aria-label="{label}" tabindex="0"' in html


def test_an_improvement_report_without_directorates_has_no_empty_heading(client):
    council()
    factories.ScorecardEntry.objects.update(directorate=None)
    html = client.get("/reports/improvement/?year=2018/19&quarter=2").content.decode()
    assert "Not assigned" not in html and "Directorate: <" not in html
    assert ">PM0</a>" in html


def test_the_performance_team_chooses_the_columns_on_the_organisation_page(client):
    factories.organisation()
    client.force_login(factories.person("performance", "performance_team"))
    page = client.get("/set-up/organisation/").content.decode()
    assert 'type="checkbox" value="quarter_target" checked' in page.replace('name="dashboard_columns" ', "")
    form = {
        "name": "Derby City Council",
        "team_name": "Performance team",
        "data_source": "DORIS",
        "directorate_word": "Directorate",
        "directorate_word_plural": "Directorates",
        "bands": "four",
        "blue_margin": "2%",
        "amber_margin": "5%",
        "margins": "relative",
        "commentary": "three",
        "commentary_required": "red_or_amber",
        "default_comparison": "same_period_last_year",
        "stabilised_word": "no",
        "completed_status": "green",
        "allow_self_approval": "no",
        "dashboard_columns": ["direction", "good_is", "forecast", "year_end_target"],
        "annual_benchmark": "yes",
    }
    response = client.post("/set-up/organisation/", form)
    assert response.status_code == 302, response.content.decode()
    assert OrganisationSettings.load().dashboard_columns == ["good_is", "forecast", "year_end_target", "direction"]


def test_before_any_year_end_the_annual_results_say_the_year_is_not_over(client):
    council()
    response = client.get("/reports/annual/")
    assert response.status_code == 404
    assert "Quarter 4 2018/19 is not yet published" in response.content.decode()


def test_the_downloads_mark_portfolio_measures_only_when_a_portfolio_is_chosen(client):
    council()
    header = next(csv.reader(io.StringIO(client.get(f"{DASHBOARD}&format=csv").content.decode("utf-8-sig"))))
    assert "In portfolio" not in header
    q2 = factories.period(2018, 2)
    housing = Portfolio.objects.create(name="Housing and Advice")
    q2.year.entries.get(measure__code="PM1").portfolios.add(housing)
    text = client.get(f"{DASHBOARD}&portfolio=Housing+and+Advice&format=csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][-1] == "In portfolio" and [row[-1] for row in rows[1:]] == ["", "Yes: Housing and Advice", ""]
