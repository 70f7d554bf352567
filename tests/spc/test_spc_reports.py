"""SPC where people look: the profile's chart and table, the dashboard's and improvement report's columns, the
"special cause concern" filter, the SPC summary page, the downloads, the API and the open data."""

import csv
import io
import json
from datetime import date

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from scorecard.council.models import Directorate, Period
from scorecard.spc.models import Annotation, Rebase, SpcSettings
from tests import factories

pytestmark = pytest.mark.django_db

# Twelve quarters 2016/17 to 2018/19; the last seven fall: a run of 7 values each lower than the last.
STEADY = [50, 52, 49, 51, 50, 52]
FALLING = [48, 46, 44, 42, 40, 38]


def measure_with(values, code="PM1", *, target=45, polarity="high", accumulation="discrete", **fields):
    """A quarterly measure in 2018/19's scorecard with a figure (and a target) in each quarter from 2016/17 Q1."""
    measure = factories.measure(code, polarity=polarity, accumulation=accumulation, **fields)
    place = Directorate.objects.get_or_create(name="People Services")[0]
    factories.entry(measure, factories.year(2018), directorate=place)
    quarters = [factories.period(year, quarter) for year in (2016, 2017, 2018) for quarter in (1, 2, 3, 4)]
    for quarter, value in zip(quarters, values, strict=False):
        factories.return_for(measure, quarter, value)
        factories.target(measure, quarter, target)
    factories.published(*quarters)
    return measure


DASHBOARD = "/reports/dashboard/?year=2018/19&quarter=4&group_by=directorate"


def test_the_profile_shows_the_chart_its_icons_and_a_table_of_the_same_numbers(client):
    measure = measure_with(STEADY + FALLING)
    html = client.get(f"/measures/{measure.pk}/").content.decode()
    assert "Statistical process control (SPC)" in html
    assert "Special cause — concerning, low" in html
    assert "Inconsistently passing the target" in html or "Consistently" in html
    assert 'role="img"' in html and "<title>Special cause — concerning, low</title>" in html
    assert "part of a run of 7 or more values each lower than the last" in html
    assert "Lower process limit" in html  # the table's heading


def test_the_profile_shows_notes_and_new_segments(client):
    measure = measure_with(STEADY + FALLING)
    Annotation.objects.create(measure=measure, on=date(2017, 10, 2), note="New IT system live")
    Rebase.objects.create(measure=measure, period=factories.period(2017, 3), reason="New definition")
    html = client.get(f"/measures/{measure.pk}/").content.decode()
    assert "2 October 2017: New IT system live" in html
    assert "From 2017/18 Q3: New definition" in html


def test_a_measure_with_spc_switched_off_has_no_chart(client):
    measure = measure_with(STEADY + FALLING)
    SpcSettings.objects.create(measure=measure, charted=False, reason="A count of events, not a process")
    assert "Statistical process control" not in client.get(f"/measures/{measure.pk}/").content.decode()


def test_a_year_to_date_measure_is_charted_by_each_quarters_own_value(client):
    measure = measure_with([10, 20, 30, 40] * 3, accumulation="year_to_date", decimals=0)
    response = client.get(f"/measures/{measure.pk}/?format=csv")
    assert response.status_code == 200
    html = client.get(f"/measures/{measure.pk}/").content.decode()
    assert "Common cause — no significant change" in html  # every quarter's own value is 10


def test_fewer_than_12_points_say_the_limits_are_trial_limits(client):
    measure = measure_with(STEADY)
    assert "These are trial limits from 6 values" in client.get(f"/measures/{measure.pk}/").content.decode()


def test_the_dashboard_has_variation_and_assurance_columns_with_icons(client):
    measure_with(STEADY + FALLING)
    html = client.get(DASHBOARD).content.decode()
    assert ">Variation</th>" in html and ">Assurance</th>" in html
    assert "<title>Special cause — concerning, low</title>" in html


def test_the_dashboard_leaves_out_the_spc_columns_where_the_council_chose_to(client):
    measure_with(STEADY + FALLING)
    organisation = factories.organisation()
    organisation.dashboard_columns = ["good_is", "direction"]
    organisation.save()
    html = client.get(DASHBOARD).content.decode()
    assert ">Variation</th>" not in html


def test_the_special_cause_concern_filter_finds_what_needs_attention(client):
    measure_with(STEADY + FALLING, "FALLS")
    measure_with(STEADY + STEADY, "STEADY")
    html = client.get(DASHBOARD + "&variation=concern").content.decode()
    assert ">FALLS</a>" in html and ">STEADY</a>" not in html


def test_the_improvement_report_shows_variation_and_assurance(client):
    measure_with(STEADY + FALLING, target=60)  # every quarter Red: in the report
    html = client.get("/reports/improvement/?year=2018/19&quarter=4").content.decode()
    assert "Variation and assurance (SPC)" in html and "Consistently failing the target" in html


def test_the_spc_summary_lists_every_charted_measure_linking_to_its_profile(client):
    falls = measure_with(STEADY + FALLING, "FALLS")
    factories.entry(factories.action(), factories.year(2018))
    html = client.get("/reports/spc/?year=2018/19&quarter=4").content.decode()
    assert f'href="/measures/{falls.pk}/#spc">FALLS</a>' in html
    assert "Special cause — concerning, low" in html


def test_the_spc_summary_downloads_as_csv_with_the_words(client):
    measure_with(STEADY + FALLING, "FALLS")
    response = client.get("/reports/spc/?year=2018/19&quarter=4&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Directorate", "Measure", "Current target status", "Variation", "Assurance"]
    assert rows[1][3] == "Special cause — concerning, low"


def test_the_open_data_carries_the_variation_and_assurance(client):
    measure_with(STEADY + FALLING, "FALLS")
    rows = json.loads(client.get("/open-data/scorecard.json").content)["rows"]
    latest = next(row for row in rows if row["year"] == "2018/19" and row["quarter"] == 4)
    assert latest["spc_variation"] == "concern_low"
    assert latest["spc_variation_words"] == "Special cause — concerning, low"


def test_the_api_profile_carries_each_points_mean_limits_and_type(client):
    measure = measure_with(STEADY + FALLING)
    tables = client.get(f"/api/reports/profile/{measure.pk}").json()["tables"]
    chart = next(table for table in tables if table["title"].startswith("SPC chart"))
    assert chart["columns"][:5] == ["Period", "Value", "Mean", "Lower process limit", "Upper process limit"]
    assert chart["rows"][-1][6]["text"] == "Special cause — concern"


def test_the_api_spc_summary_narrows_to_special_cause_concern(client):
    measure_with(STEADY + FALLING, "FALLS")
    measure_with(STEADY + STEADY, "STEADY")
    report = client.get("/api/reports/spc?year=2018/19&quarter=4&variation=concern").json()
    assert [row[1]["text"] for row in report["tables"][0]["rows"]] == ["FALLS Number of online transactions"]


def test_the_public_sees_the_chart_of_published_quarters_only(client):
    measure = measure_with(STEADY + FALLING)
    Period.objects.filter(year__start_year=2018).update(published_at=None)
    html = client.get(f"/measures/{measure.pk}/").content.decode()
    assert "2018/19 Q4" not in html
    assert "These are trial limits from 8 values" in html


def test_the_profiles_word_document_holds_the_chart_with_its_alt_text_and_the_table(client):
    measure = measure_with(STEADY + FALLING)
    document = WordDocument(io.BytesIO(client.get(f"/measures/{measure.pk}/?format=docx").content))
    described = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert any(words.startswith("XmR chart of PM1") for words in described)
    headings = [table.rows[0].cells[2].text for table in document.tables if len(table.columns) == 8]
    assert "Mean" in headings


def test_the_profiles_pdf_shows_the_icons_words_and_the_chart(client):
    measure = measure_with(STEADY + FALLING)
    pdf = PdfReader(io.BytesIO(client.get(f"/measures/{measure.pk}/?format=pdf").content))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Special cause — concerning, low" in text and "SPC chart: PM1 Number of online transactions" in text


def test_the_dashboards_icons_follow_a_changed_figure_at_once(client):
    measure = measure_with(STEADY + FALLING)
    assert "Special cause — concerning, low" in client.get(DASHBOARD).content.decode()
    latest = measure.returns.get(period=factories.period(2018, 4))
    latest.actual = 60  # above the upper process limit
    latest.save()
    html = client.get(DASHBOARD).content.decode()
    assert "Special cause — improving, high" in html and "concerning" not in html


def test_a_year_to_date_measure_with_no_quarter_before_its_figures_has_no_chart(client):
    measure = measure_with([], accumulation="year_to_date")
    for year in (2016, 2017, 2018):
        factories.return_for(measure, factories.period(year, 2), 40)  # Q2 alone: no Q1 to take from it
    html = client.get(f"/measures/{measure.pk}/").content.decode()
    assert "Statistical process control" not in html
    assert "No values to chart" in client.get(DASHBOARD.replace("quarter=4", "quarter=2")).content.decode()
