"""The generic long CSV, as an LG Inform download is shaped: what each column does."""

from decimal import Decimal

import pytest

from scorecard.benchmarking.checks import check_comparisons
from scorecard.benchmarking.models import Area, ComparisonValue, ExternalMeasure
from scorecard.benchmarking.services import comparisons_load
from scorecard.benchmarking.sources import read_comparator_file
from tests.benchmarking.files import generic_csv

pytestmark = pytest.mark.django_db

HEADINGS = ["Measure code", "Area code", "Area name", "Period", "Value", "Numerator", "Denominator"]


def load(*rows, headings=HEADINGS, by):
    found = read_comparator_file(source="generic", values=generic_csv(*rows, headings=headings))
    check = check_comparisons(found)
    assert check.problems == []
    return comparisons_load(check=check, by=by)


def test_areas_and_measures_not_held_are_made_from_the_file(performance):
    load(("3150", "E06000015", "Derby", "2022/23", "61.5", "123", "200"), by=performance)
    derby = Area.objects.get(code="E06000015")
    assert (derby.name, derby.kind) == ("Derby", "unitary")
    value = ComparisonValue.objects.get()
    assert (value.period, value.value, value.numerator, value.denominator) == ("2022/23", Decimal("61.5"), 123, 200)
    assert ExternalMeasure.objects.get(source="generic").title == "3150"


def test_periods_are_financial_or_calendar_years_kept_as_such(performance):
    load(
        ("A", "E06000015", "Derby", "2016-17", "1", "", ""),
        ("B", "E06000015", "Derby", "2016/2017", "1", "", ""),
        ("C", "E06000015", "Derby", "2016", "1", "", ""),
        by=performance,
    )
    assert sorted(ComparisonValue.objects.values_list("measure__code", "period")) == [
        ("A", "2016/17"),
        ("B", "2016/17"),
        ("C", "2016"),
    ]


def test_optional_columns_give_the_title_unit_good_is_and_flags(performance):
    headings = [*HEADINGS, "Measure title", "Unit", "Good is", "Provisional", "Suppressed"]
    load(
        ("NI 155", "E06000015", "Derby", "2021", "45", "", "", "Affordable homes", "count", "High", "yes", ""),
        ("NI 155", "E06000018", "Nottingham", "2021", "[c]", "", "", "", "", "", "", ""),
        ("NI 155", "E06000016", "Leicester", "2021", "", "", "", "", "", "", "", "yes"),
        headings=headings,
        by=performance,
    )
    measure = ExternalMeasure.objects.get()
    assert (measure.title, measure.unit, measure.polarity) == ("Affordable homes", "count", "high")
    flags = dict(ComparisonValue.objects.values_list("area__code", "provisional"))
    assert flags == {"E06000015": True, "E06000018": False, "E06000016": False}
    suppressed = ComparisonValue.objects.filter(suppressed=True).values_list("area__code", "value")
    assert sorted(suppressed) == [("E06000016", None), ("E06000018", None)]


def test_an_unknown_unit_is_refused_with_its_column():
    headings = [*HEADINGS, "Unit"]
    found = read_comparator_file(
        source="generic",
        values=generic_csv(("X", "E06000015", "Derby", "2021", "4", "", "", "furlongs"), headings=headings),
    )
    problems = [str(problem) for problem in check_comparisons(found).problems]
    assert problems[0].startswith("Row 2, Unit: “furlongs” is not a unit Scorecard knows")


def test_a_corrected_value_is_shown_as_changed_and_only_it_is_written(performance):
    rows = [
        ("NI 155", "E06000015", "Derby", "2021/22", "45", "", ""),
        ("NI 155", "E06000018", "Nottingham", "2021/22", "50", "", ""),
    ]
    first = load(*rows, by=performance)
    corrected = read_comparator_file(
        source="generic", values=generic_csv(rows[0], (*rows[1][:4], "52.5", "", ""), headings=HEADINGS)
    )
    check = check_comparisons(corrected)
    assert (check.new, check.changed, check.unchanged) == (0, 1, 1)
    assert [(shown.row, shown.area, shown.was, shown.now) for shown in check.shown] == [(3, "E06000018", "50", "52.5")]
    second = comparisons_load(check=check, by=performance)
    values = dict(ComparisonValue.objects.values_list("area__code", "load"))
    assert values == {"E06000015": first.pk, "E06000018": second.pk}
    assert ComparisonValue.objects.get(area__code="E06000018").value == Decimal("52.5")


def test_numbers_between_spaces_or_with_thousands_commas_are_read_as_numbers(performance):
    load(
        ("A", "E06000015", "Derby", "2021", " 45.5 ", "1,234", "  "),
        ("A", "E06000018", "Nottingham", "2021", "12.5%", "", "-3"),
        by=performance,
    )
    figures = {
        area: (value, numerator, denominator)
        for area, value, numerator, denominator in ComparisonValue.objects.values_list(
            "area__code", "value", "numerator", "denominator"
        )
    }
    assert figures == {
        "E06000015": (Decimal("45.5"), Decimal("1234"), None),
        "E06000018": (Decimal("12.5"), None, Decimal("-3")),
    }


def test_codes_and_periods_between_spaces_are_the_same_as_without(performance):
    load(
        (" NI 155 ", " e06000015", "Derby", "2021/22 ", "45", "", ""),
        ("NI 155", "E06000018", "Nottingham", "2021/22", "52", "", ""),
        by=performance,
    )
    assert sorted(ComparisonValue.objects.values_list("measure__code", "area__code", "period")) == [
        ("NI 155", "E06000015", "2021/22"),
        ("NI 155", "E06000018", "2021/22"),
    ]
    assert ExternalMeasure.objects.count() == 1
