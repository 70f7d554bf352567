"""Open data: the published scorecard as CSV and JSON, with its licence; nothing unpublished, ever."""

import csv
import io
from decimal import Decimal

import pytest

from scorecard.council.models import Directorate, Period
from scorecard.measures.models import Measure
from scorecard.returns.models import Return
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarters():
    published, still_open = factories.period(2018, 1), factories.open_period(2018, 2)
    resources = Directorate.objects.create(name="Corporate Resources")
    online = factories.measure("CM PM15", title="Number of online transactions")
    factories.entry(online, published.year, directorate=resources)
    factories.target(online, published, 30000)
    factories.return_for(online, published, 28811, context='=HYPERLINK("http://evil.example")')
    factories.return_for(online, still_open, 44745, context="Not yet signed off.")
    factories.published(published)
    return published, still_open


def test_the_json_carries_the_licence_and_every_published_figure(client, quarters):
    data = client.get("/open-data/scorecard.json").json()
    assert data["licence"] == "Open Government Licence v3.0"
    assert data["licence_url"].startswith("https://www.nationalarchives.gov.uk/")
    assert data["quarters"] == ["2018/19 Q1"]
    (row,) = data["rows"]
    assert (row["code"], row["actual"], row["quarter_target"], row["status"]) == ("CM PM15", "28811", "30000", "Amber")
    assert (row["good_is"], row["amber_margin"], row["blue_margin"]) == ("High", "0.05", "0.02")
    assert row["licence"] == "Open Government Licence v3.0"


def test_a_status_set_by_hand_is_flagged_with_its_reason_in_json_and_csv(client, quarters):
    ret = Return.objects.get(period=quarters[0])
    ret.status_override, ret.status_override_reason = "green", "As published: rounded to target"
    ret.save()
    (row,) = client.get("/open-data/scorecard.json").json()["rows"]
    assert (row["status"], row["status_set_by_hand"], row["status_set_by_hand_reason"]) == (
        "Green",
        True,
        "As published: rounded to target",
    )
    assert (row["forecast_status_set_by_hand"], row["forecast_status_set_by_hand_reason"]) == (False, "")
    assert (row["direction_set_by_hand"], row["direction_set_by_hand_reason"]) == (False, "")
    (line,) = csv.DictReader(io.StringIO(client.get("/open-data/scorecard.csv").content.decode()))
    assert (line["status_set_by_hand"], line["status_set_by_hand_reason"]) == (
        "true",
        "As published: rounded to target",
    )
    assert line["direction_set_by_hand"] == "false"


def test_the_open_data_carries_the_measures_own_unit_label(client, quarters):
    Measure.objects.filter(code="CM PM15").update(unit_label="transactions")
    (row,) = client.get("/open-data/scorecard.json").json()["rows"]
    assert (row["unit"], row["unit_label"], row["actual_as_printed"]) == (
        "count",
        "transactions",
        "28,811 transactions",
    )


def test_unpublished_quarters_never_appear(client, quarters):
    everything = client.get("/open-data/scorecard.csv").content.decode()
    assert "44745" not in everything and "Not yet signed off" not in everything
    assert client.get("/open-data/2018-19-Q2/scorecard.json").status_code == 404


def test_one_quarter_at_its_own_stable_address(client, quarters):
    response = client.get("/open-data/2018-19-Q1/scorecard.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["code"] for row in rows] == ["CM PM15"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_text_that_looks_like_a_formula_is_neutralised(client, quarters):
    rows = list(csv.DictReader(io.StringIO(client.get("/open-data/scorecard.csv").content.decode())))
    assert rows[0]["context"].startswith("'=")


def test_the_index_lists_published_quarters_with_the_licence(client, quarters):
    html = client.get("/open-data/").content.decode()
    assert "2018/19 Q1" in html and "2018/19 Q2" not in html
    assert "Open Government Licence v3.0" in html


def test_an_unknown_format_or_quarter_is_not_found(client, quarters):
    assert client.get("/open-data/scorecard.xml").status_code == 404
    assert client.get("/open-data/2030-31-Q1/scorecard.csv").status_code == 404
    Period.objects.update(published_at=None)
    assert client.get("/open-data/scorecard.json").json()["rows"] == []


def test_a_negative_figure_is_a_number_in_the_csv(client, quarters):
    published, _ = quarters
    variance = factories.measure("CR PM09", title="Budget variance (£m)", decimals=1)
    factories.entry(variance, published.year, directorate=Directorate.objects.get())
    factories.return_for(variance, published, Decimal("-0.2"), context="- Spending held back")
    rows = list(csv.DictReader(io.StringIO(client.get("/open-data/scorecard.csv").content.decode())))
    (row,) = [row for row in rows if row["code"] == "CR PM09"]
    assert row["actual"] == "-0.2"
    assert row["context"] == "'- Spending held back"  # text a spreadsheet could calculate stays neutralised
