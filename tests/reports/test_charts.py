"""Charts: an accessible SVG, a PNG for Word, a text alternative and a table of the same numbers."""

import io
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from PIL import Image

from scorecard.performance.status import Status
from scorecard.performance.summaries import Directions, TrafficLights
from scorecard.reports.charts import TrendPoint, distribution_chart, trend_chart
from scorecard.reports.summary import PledgeSummary, YearSummary

SVG = {"svg": "http://www.w3.org/2000/svg"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def point(period, actual, target, status):
    return TrendPoint(
        period=period,
        actual=None if actual is None else Decimal(actual),
        target=None if target is None else Decimal(target),
        status=status,
        actual_text="" if actual is None else f"{Decimal(actual):,}",
        target_text="" if target is None else f"{Decimal(target):,}",
    )


QUARTERS = [
    point("2018/19 Q1", "41200", "60000", Status.RED),
    point("2018/19 Q2", "44745", "60000", Status.RED),
    point("2018/19 Q3", None, "60000", Status.AWAITING_DATA),
    point("2018/19 Q4", "58900", "60000", Status.AMBER),
    point("2019/20 Q1", "61500", "60000", Status.GREEN),
    point("2019/20 Q2", "63000", "58000", Status.BLUE),
]


@pytest.fixture
def chart():
    return trend_chart("CM PM15 Visits to libraries", QUARTERS, unit_label="Visits")


def year(name, met, amber, red):
    return YearSummary(
        year=name,
        pledges=[],
        overall=PledgeSummary("Summary", met, None),
        traffic_lights=TrafficLights(met, amber, red),
        directions=Directions(0, 0, 0),
    )


@pytest.fixture
def distribution():
    return distribution_chart([year("2016/17", 54, 19, 27), year("2015/16", 60, 25, 15), year("2014/15", 97, 0, 3)])


def parsed(svg):
    return ElementTree.fromstring(svg)  # noqa: S314 - our own matplotlib output, not a user's file


def texts(svg):
    return ["".join(element.itertext()) for element in parsed(svg).iter(f"{{{SVG['svg']}}}text")]


def test_svg_is_an_image_named_by_its_title_and_described(chart):
    root = parsed(chart.svg)
    title, desc = root.find("svg:title", SVG), root.find("svg:desc", SVG)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "CM PM15 Visits to libraries"
    assert desc.text == chart.description


def test_svg_is_an_element_to_inline_that_scales_with_the_page(chart):
    assert chart.svg.startswith("<svg")
    assert "<!DOCTYPE" not in chart.svg
    root = parsed(chart.svg)
    assert root.get("width") is None
    assert root.get("height") is None
    assert root.get("viewBox")


def test_two_charts_on_one_page_share_no_ids(chart):
    again = trend_chart("CM PM15 Visits to libraries", QUARTERS, unit_label="Visits")
    ids = [{element.get("id") for element in parsed(svg).iter() if element.get("id")} for svg in (chart.svg, again.svg)]
    assert ids[0]
    assert not ids[0] & ids[1]


def test_svg_references_point_at_its_own_ids(chart):
    ids = {element.get("id") for element in parsed(chart.svg).iter()}
    for element in parsed(chart.svg).iter():
        reference = element.get("{http://www.w3.org/1999/xlink}href")
        if reference:
            assert reference[1:] in ids


@pytest.mark.parametrize("name", ["chart", "distribution"])
def test_svg_draws_without_inline_styles_which_the_content_security_policy_blocks(name, request):
    root = parsed(request.getfixturevalue(name).svg)
    assert not root.findall(".//svg:style", SVG)
    assert not [element.tag for element in root.iter() if element.get("style")]


def test_svg_keeps_its_colours_as_attributes(chart):
    fills = {element.get("fill") for element in parsed(chart.svg).iter()}
    assert {Status.RED.style.fill, Status.BLUE.style.fill} <= fills


def test_svg_keeps_its_words_as_text(chart):
    assert "2018/19 Q2" in texts(chart.svg)
    assert "Visits" in texts(chart.svg)


def test_legend_names_the_target_and_every_status_shown(chart):
    shown = texts(chart.svg)
    for word in ("Actual", "Target", "Blue", "Green", "Amber", "Red"):
        assert word in shown


def test_a_period_without_an_actual_is_shaded_and_says_why(chart):
    assert "Awaiting data" in texts(chart.svg)


def test_png_is_a_png_at_150_dpi_for_a4_landscape(chart):
    assert chart.png.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(chart.png))
    image.load()
    assert image.size == (1500, 600)
    assert round(image.info["dpi"][0]) == 150


def test_table_holds_every_periods_target_actual_and_status(chart):
    assert chart.table.columns == ["Period", "Target", "Actual", "Status"]
    for row, expected in zip(chart.table.rows, QUARTERS, strict=True):
        period, target, actual, status = row
        assert period.text == expected.period
        assert (target.text, target.number.value) == (expected.target_text, expected.target)
        assert status.text == expected.status.label
        assert status.status is expected.status
        if expected.actual is not None:
            assert (actual.text, actual.number.value) == (expected.actual_text, expected.actual)


def test_a_period_without_an_actual_is_still_in_the_table(chart):
    period, target, actual, status = chart.table.rows[2]
    assert period.text == "2018/19 Q3"
    assert target.text == "60,000"
    assert (actual.text, actual.number) == ("", None)
    assert status.status is Status.AWAITING_DATA


def test_table_keeps_the_decimals_as_printed():
    chart = trend_chart("Rate", [point("2018/19 Q1", "7.25", "7.50", Status.AMBER)], unit_label="Rate")
    _period, target, actual, _status = chart.table.rows[0]
    assert (actual.number.decimals, target.number.decimals) == (2, 2)


def test_description_gives_the_latest_actual_and_its_target(chart):
    assert "Latest, 2019/20 Q2: 63,000 against a target of 58,000 (Blue)." in chart.description


def test_description_gives_the_range_and_the_period_with_no_actual(chart):
    assert chart.description.startswith("Actual against target for CM PM15 Visits to libraries in 6 periods")
    assert "highest 63,000 in 2019/20 Q2" in chart.description
    assert "lowest 41,200 in 2018/19 Q1 against a target of 60,000" in chart.description
    assert "no actual for 2018/19 Q3" in chart.description


def test_a_trend_with_no_actuals_says_so():
    chart = trend_chart("New measure", [point("2019/20 Q1", None, "10", Status.AWAITING_DATA)], unit_label="Count")
    assert chart.description == "Actual against target for New measure: no actuals recorded yet."
    assert len(chart.table.rows) == 1


def test_distribution_svg_is_an_image_named_and_described(distribution):
    root = parsed(distribution.svg)
    assert root.get("role") == "img"
    assert root.find("svg:desc", SVG).text == distribution.description


def test_distribution_table_adds_up_to_100_each_year(distribution):
    assert distribution.table.columns == ["Year", "Met or exceeded", "Amber", "Red"]
    assert [row[0].text for row in distribution.table.rows] == ["2016/17", "2015/16", "2014/15"]
    for row in distribution.table.rows:
        assert sum(cell.number.value for cell in row[1:]) == 100


def test_distribution_labels_each_segment_with_its_percentage(distribution):
    shown = texts(distribution.svg)
    assert {"Met 54%", "Amber 19%", "Red 27%", "Met 60%", "Amber 25%", "Red 15%", "3%"} <= set(shown)


def test_distribution_description_gives_every_years_shares(distribution):
    assert "2016/17 54% met or exceeded, 19% Amber, 27% Red" in distribution.description
    assert "2015/16 60% met or exceeded, 25% Amber, 15% Red" in distribution.description


def test_distribution_png_opens(distribution):
    assert distribution.png.startswith(PNG_SIGNATURE)
    assert Image.open(io.BytesIO(distribution.png)).width == 1500
