"""The LGBF's columns read as our catalogue and history: polarity, unit, decimals, years and aggregates."""

from decimal import Decimal

import pytest

from scorecard.imports import ImportProblem, lgbf
from tests.imports.conftest import csv_upload

INDICATOR_HEADINGS = ("Title", "Code", "ReportingPeriod", "MeasureType", "NumberFormat", "Ranking_Type")
VALUE_HEADINGS = ("", "Code", "LocalAuthority", "Year", "LA_IndicatorReal", "Scotland_Indicator_Real")


def indicators(*rows):
    return lgbf.read_indicators(*csv_upload("lgbf_indicators", INDICATOR_HEADINGS, rows))


def indicator_row(code="ENV06", *, number_format="0.0%", ranking="Descending", period="Annual", kind="Percentage"):
    return (f"Indicator {code}", code, period, kind, number_format, ranking)


@pytest.mark.parametrize(
    ("ranking", "good_is"),
    [("Ascending", "low"), ("Descending", "high"), ("Goldilocks", "none"), ("Sideways", "Sideways")],
)
def test_ranking_type_is_good_is(ranking, good_is):
    (row,), _ = indicators(indicator_row(ranking=ranking))
    assert row["good_is"] == good_is  # an unknown word goes on, for the catalogue's check to refuse by name


@pytest.mark.parametrize(
    ("number_format", "kind", "unit", "decimals"),
    [
        ("0.0%", "Percentage", "percent", 1),
        ("0.00%", "Percentage", "percent", 2),
        ("'£ ' #,###", "Cost", "pounds", 0),
        ("'£ '0.00", "Cost", "pounds", 2),
        ('#0.00 "Days"', "Days", "days", 2),
        ("0.00", "Days", "days", 2),
        ("0", "Rate per 1,000", "rate_per_1000", 0),
        ("0", "Rate per 10,000", "rate_per_10000", 0),
        ('0.00 "tCO2"', "Other Measurement", "score", 2),
        ("0.00 Weeks", "Weeks", "score", 2),
        ("0", "Score", "score", 0),
    ],
)
def test_number_format_gives_the_unit_and_decimals(number_format, kind, unit, decimals):
    (row,), _ = indicators(indicator_row(number_format=number_format, kind=kind))
    assert (row["unit"], row["decimals"]) == (unit, str(decimals))
    assert number_format in row["definition"]


def test_a_two_yearly_indicator_is_biennial_and_the_rest_annual():
    rows, _ = indicators(
        indicator_row("CHN19a", period="2 Yearly"), indicator_row("ENV07a", period="3 Year Aggregates")
    )
    assert [row["frequency"] for row in rows] == ["biennial", "annual"]


def test_a_percentage_is_a_fraction_except_a_percentage_point_gap():
    _, found = indicators(
        indicator_row("ENV06"),
        ("Literacy Attainment Gap - % Point Gap", "CHN14a", "Annual", "Percentage", "0.0%", "Ascending"),
        indicator_row("SW01", number_format="'£ '0.00"),
    )
    assert [found[code].scale for code in ("ENV06", "CHN14a", "SW01")] == [100, 1, 1]


@pytest.mark.parametrize(
    ("year", "aggregate", "placed"),
    [
        ("2016-17", False, ("2016/17", "")),
        ("1999-00", False, ("1999/00", "")),
        ("2012-15", True, ("2014/15", "2012-15 aggregate")),
        ("2007-11", True, ("2010/11", "2007-11 aggregate")),
        ("2016/17", False, ("2016/17", "")),  # not the LGBF's way: passed on for our check to read or refuse
    ],
)
def test_a_year_is_placed_on_its_financial_year(year, aggregate, placed):
    assert lgbf.year_placed(year, lgbf.Indicator("X", Decimal(1), aggregate)) == placed


def test_a_multi_year_figure_of_an_annual_indicator_is_not_placed():
    year, reason = lgbf.year_placed("2012-15", lgbf.Indicator("ENV06", Decimal(100), aggregate=False))
    assert year is None
    assert reason == "“2012-15” spans several years and ENV06 is not published as aggregates"


def values_file(*rows):
    return csv_upload("lgbf_values", VALUE_HEADINGS, rows)


@pytest.fixture
def known():
    return {
        "ENV06": lgbf.Indicator("ENV06", Decimal(100), aggregate=False),
        "ENV07a": lgbf.Indicator("ENV07a", Decimal(100), aggregate=True),
    }


def test_every_row_is_placed_counted_or_set_aside_with_its_reason(known):
    found = lgbf.read_values(
        *values_file(
            ("0", "ENV06", "Aberdeen City", "2016-17", "0.391", "0.45"),
            ("1", "ENV06", "Angus", "2016-17", "0.55", "0.45"),
            ("2", "ENV06", "Aberdeen City", "2012-15", "0.4", "0.45"),
            ("3", "ENV07a", "Aberdeen City", "2012-15", "0.803", "0.8"),
            ("4", "ENV07a", "Aberdeen City", "2014-15", "0.81", "0.8"),
            ("5", "", "Aberdeen City", "2016-17", "0.5", ""),
            ("6", "ENV06", "Aberdeen City", "", "0.5", ""),
            ("7", "ENV06", "Aberdeen City", "2017-18", "", ""),
            ("8", "", "", "", "", ""),
        ),
        known,
        "aberdeen city",
    )
    assert found.rows == [
        {"code": "ENV06", "year": "2016/17", "value": Decimal("39.100"), "note": None},
        {"code": "ENV07a", "year": "2014/15", "value": Decimal("81.00"), "note": None},
    ]
    assert found.numbers == [2, 6]
    assert (found.total, found.other_councils) == (9, 1)
    assert [(row.number, row.column, row.reason) for row in found.unplaceable] == [
        (4, "Year", "“2012-15” spans several years and ENV06 is not published as aggregates"),
        (7, "Code", "no indicator code"),
        (8, "Year", "no year"),
        (9, "LA_IndicatorReal", "no value for the council"),
        (10, "", "the row is empty: no council, indicator or year"),
        (5, "Year", "the aggregate “2012-15” would go on 2014/15, which already has a figure"),
    ]


def test_a_council_not_in_the_file_is_refused_by_name(known):
    with pytest.raises(ImportProblem, match=r"The file has no council called “Aberdeen”; it has Aberdeen City\."):
        lgbf.read_values(*values_file(("0", "ENV06", "Aberdeen City", "2016-17", "0.391", "")), known, "Aberdeen")
