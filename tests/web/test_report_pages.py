"""The report pages: filters, downloads, errors, portfolio marking, and queries that do not grow."""

import re
from io import BytesIO

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from scorecard.council.models import Directorate, Period, Perspective, Portfolio
from scorecard.reports.render.pdf import pdf_bytes
from scorecard.returns.models import Return
from scorecard.web import reports
from tests import factories
from tests.web.afresh import drawn_afresh

pytestmark = pytest.mark.django_db

PAGES = [
    "/reports/improvement/?year=2018/19&quarter=2",
    "/reports/dashboard/?year=2018/19&quarter=2&group_by=directorate",
    "/reports/annual/?year=2018/19",
    "/reports/cabinet/?year=2018/19&quarter=2",
    "/reports/spc/?year=2018/19&quarter=2",
]


def scorecard_of(count: int, start: int = 0):
    """count measures in 2018/19's scorecard, each with targets, a Q2 and a Q4 return and last year's Q2."""
    q2, q4, last_year = factories.period(2018, 2), factories.period(2018, 4), factories.period(2017, 2)
    place = Directorate.objects.get_or_create(name="People Services")[0]
    perspective = Perspective.objects.get_or_create(name="People")[0]
    for number in range(start, start + count):
        measure = factories.measure(f"PM{number}", title=f"Measure {number}")
        factories.entry(measure, q2.year, directorate=place, perspective=perspective, order=number)
        factories.target(measure, q2, 100)
        factories.target(measure, None, 100, year_of=q2.year)
        factories.return_for(measure, q2, 90 + number % 20, forecast=95, context="Behind target this quarter.")
        factories.return_for(measure, q4, 101)
        factories.return_for(measure, last_year, 85)
    factories.published(q2, q4, last_year)
    return q2


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1]


def test_the_improvement_report_lists_amber_and_red_measures_by_directorate(client):
    q2 = scorecard_of(1)  # PM0: 90 against 100, Red
    on_track = factories.measure("OK 1", title="On track all year")
    factories.entry(on_track, q2.year, directorate=Directorate.objects.get(name="People Services"))
    factories.target(on_track, q2, 100)
    factories.target(on_track, None, 100, year_of=q2.year)
    factories.return_for(on_track, q2, 100, forecast=100)
    html = client.get(PAGES[0]).content.decode()
    assert "Directorate: People Services" in html
    assert ">PM0</a>" in html
    assert 'scorecard-status--red">Red' in html
    assert "OK 1" not in html


@pytest.mark.parametrize("forecasts", [True, False])
def test_the_improvement_report_has_forecast_columns_only_where_the_quarter_has_forecasts(client, forecasts):
    q2 = scorecard_of(2)
    if not forecasts:
        Return.objects.filter(period=q2).update(forecast=None)
    forecast_headings = ("Forecast year-end status", "Year-end forecast")
    html = client.get(PAGES[0]).content.decode()
    assert [heading in html for heading in forecast_headings] == [forecasts] * 2
    heading_row = client.get(f"{PAGES[0]}&format=csv").content.decode("utf-8-sig").splitlines()[0]
    assert [heading in heading_row for heading in forecast_headings] == [forecasts] * 2
    assert "Year-end target" in heading_row
    word = WordDocument(BytesIO(client.get(f"{PAGES[0]}&format=docx").content))
    word_headings = [cell.text for table in word.tables for cell in table.rows[0].cells]
    assert [heading in word_headings for heading in forecast_headings] == [forecasts] * 2
    pdf = client.get(f"{PAGES[0]}&format=pdf").content
    pdf_text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(BytesIO(pdf)).pages)
    assert ("Year-end forecast" in pdf_text) == forecasts


def test_each_report_page_has_its_title_filters_and_downloads(client):
    scorecard_of(3)
    for page in PAGES[:3]:
        response = client.get(page)
        assert response.status_code == 200, page
        assert "Scorecard" in title(response)
        html = response.content.decode()
        assert '<label class="govuk-label" for="id_year">Year</label>' in html
        if "cabinet" not in page:
            assert "format=pdf" in html and "format=xlsx" in html


def test_with_nothing_chosen_a_report_shows_the_latest_quarter(client):
    scorecard_of(2)
    assert "Quarter 4 2018/19" in client.get("/reports/dashboard/").content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=2030/31&quarter=2", "2030/31 is not set up in Scorecard"),
        ("year=2018/19&quarter=5", "Select a valid choice"),
        ("year=nonsense&quarter=1", "is not a financial year"),
    ],
)
def test_a_bad_filter_gets_a_clear_message(client, query, message):
    scorecard_of(1)
    response = client.get(f"/reports/improvement/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()


def test_an_unknown_download_format_is_refused(client):
    scorecard_of(1)
    response = client.get(PAGES[0] + "&format=exe")
    assert response.status_code == 400
    assert "is not a download" in response.content.decode()


@pytest.mark.parametrize("format", ["pdf", "docx", "xlsx", "csv"])
def test_a_report_downloads_as_a_named_attachment(client, format):
    scorecard_of(2)
    response = client.get(f"{PAGES[1]}&format={format}")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="council-scorecard-dashboard')
    assert response["Content-Disposition"].endswith(f'.{format}"')


def test_the_web_page_is_the_report_and_the_pdf_is_offered_as_its_accessible_alternative(client):
    scorecard_of(1)
    html = client.get(PAGES[1]).content.decode()
    assert "This web page is the report. Download it as:" in html
    assert re.search(r'format=pdf">PDF \(accessible alternative\)<span class="govuk-visually-hidden"> of the', html)


def test_a_pdf_that_would_not_be_accessible_is_not_made_and_the_reader_is_sent_to_the_page(client, monkeypatch):
    scorecard_of(1)

    def untitled(output, format):  # a template that lost its <title> and language, say
        return pdf_bytes("<h1>Council Scorecard Dashboard</h1>")

    monkeypatch.setattr(reports, "render_document", untitled)
    response = client.get(f"{PAGES[1]}&format=pdf")
    assert response.status_code == 500
    html = response.content.decode()
    assert "The PDF could not be made" in html
    assert "The document has no title (&lt;title&gt;)" in html
    assert 'href="?year=2018%2F19&amp;quarter=2&amp;group_by=directorate">Read the report on its web page' in html


def test_a_portfolios_measures_are_shaded_and_marked_in_words(client):
    q2 = scorecard_of(3)
    housing = Portfolio.objects.create(name="Housing and Advice")
    q2.year.entries.get(measure__code="PM1").portfolios.add(housing)
    html = client.get(PAGES[1] + "&portfolio=Housing+and+Advice").content.decode()
    assert html.count("scorecard-portfolio-row") == 1
    assert html.count(">In portfolio<") == 1


def test_the_measure_profile_shows_every_quarter_held_and_its_chart(client):
    scorecard_of(1)
    measure = factories.Measure.objects.get(code="PM0")
    html = client.get(f"/measures/{measure.pk}/").content.decode()
    assert "2017/18 Q2" in html and "2018/19 Q2" in html and "2018/19 Q4" in html
    assert 'role="img"' in html and "<desc" in html


def test_an_unknown_measure_is_not_found(client):
    assert client.get("/measures/999999/").status_code == 404


def test_the_cabinet_paper_downloads_with_the_words_as_edited(client):
    scorecard_of(2)
    drafted = client.get(PAGES[3]).content.decode()
    assert "This report sets out the Council Scorecard" in drafted
    words = {
        "meeting": "Scrutiny Board, 12 December",
        "summary": "Performance held up well this quarter.",
        "recommendations": "To note the results.",
        "reason": "Quarterly review.",
        "format": "docx",
    }
    response = client.post(PAGES[3], words)
    document = WordDocument(BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Performance held up well this quarter." in text
    assert "Scrutiny Board, 12 December" in text


def test_a_cabinet_paper_without_a_summary_is_refused_with_a_message(client):
    scorecard_of(1)
    response = client.post(PAGES[3], {"meeting": "Cabinet", "summary": "", "recommendations": "x", "reason": "y"})
    html = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_summary">Enter the summary</a>' in html
    assert 'aria-describedby="id_summary-error"' in html and 'id="id_summary-error"' in html
    assert title(response).startswith("Error: Cabinet or Scrutiny paper")


def test_a_cabinet_paper_narrative_longer_than_its_limit_is_refused_naming_the_part(client):
    scorecard_of(1)
    words = {"meeting": "Cabinet", "summary": "x" * 2_000_000, "recommendations": "x", "reason": "y", "format": "pdf"}
    response = client.post(PAGES[3], words)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Summary must be 4,000 characters or fewer" in html
    assert 'aria-describedby="id_summary-error"' in html


@pytest.mark.parametrize("page", PAGES)
def test_a_report_pages_queries_do_not_grow_with_the_number_of_measures(client, page, django_assert_max_num_queries):
    factories.organisation()
    scorecard_of(3)
    client.get(page)
    # 62 at most: the Cabinet paper makes the most, reading the SPC series of its dashboard and improvement report,
    # and asking each which earlier figures were revised since publication (marked "r")
    with django_assert_max_num_queries(62) as few:
        drawn_afresh(client, page)
    scorecard_of(27, start=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        drawn_afresh(client, page)


def test_a_report_narrows_to_a_status(client):
    scorecard_of(20)  # PM0-PM9 are 90-99 against 100, PM10-PM19 are 100-109: Red, Amber, Green and Blue
    html = client.get(PAGES[1] + "&status=red").content.decode()
    listed = re.findall(r">(PM\d+)</a>", html)
    assert listed == ["PM0", "PM1", "PM2", "PM3", "PM4"]  # 90-94: more than 5% short; every forecast is Amber


def test_readers_and_the_public_see_published_quarters_only(client):
    q2 = scorecard_of(1)
    Period.objects.filter(pk=q2.pk).update(published_at=None, state=Period.State.OPEN)
    response = client.get(PAGES[1])
    assert response.status_code == 404
    assert "Quarter 2 2018/19 is not yet published" in response.content.decode()
    client.force_login(factories.person("reader", "reader"))
    assert client.get(PAGES[1]).status_code == 404
    client.force_login(factories.person("performance", "performance_team"))
    assert client.get(PAGES[1]).status_code == 200


def test_a_change_after_publishing_shows_as_a_restatement(client):
    q2 = scorecard_of(2)
    ret = q2.returns.get(measure__code="PM1")
    ret.actual = 97
    ret.save()
    html = client.get(PAGES[1]).content.decode()
    assert html.count("Restated since publication") == 1
