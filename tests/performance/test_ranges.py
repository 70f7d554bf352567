"""The figures a measure may record: its unit's natural range, widened (or narrowed) by its own limits."""

from decimal import Decimal

import pytest

from scorecard.performance.ranges import figure_range, natural_range, range_problem


@pytest.mark.parametrize(
    ("unit", "value", "problem"),
    [
        ("percent", "120", "A percentage must be between 0 and 100"),
        ("percent", "-0.1", "A percentage must be between 0 and 100"),
        ("count", "-5", "A count cannot be below zero"),
        ("days", "-3", "Days cannot be below zero"),
        ("rate_per_100000", "-1", "A rate cannot be below zero"),
        ("pounds", "-1200000", None),
        ("score", "-0.2", None),
        ("percent", "100", None),
        ("count", "0", None),
    ],
)
def test_each_unit_has_its_natural_range(unit, value, problem):
    assert range_problem(Decimal(value), unit) == problem


def test_a_percentage_reduction_may_be_negative_when_the_measure_says_so():
    assert range_problem(Decimal("-12.5"), "percent", minimum=Decimal(-100)) is None
    assert range_problem(Decimal("-120"), "percent", minimum=Decimal(-100)) == (
        "A percentage must be between −100 and 100"
    )


def test_days_ahead_or_behind_are_signed():
    assert range_problem(Decimal(-14), "days", minimum=Decimal(-365), maximum=Decimal(365)) is None
    assert range_problem(Decimal(400), "days", minimum=Decimal(-365), maximum=Decimal(365)) == (
        "Days must be between −365 and 365"
    )


def test_a_measure_can_set_a_ceiling_where_its_unit_has_none():
    assert range_problem(Decimal("10.5"), "score", maximum=Decimal(10)) == "A score cannot be above 10"
    assert range_problem(Decimal(-1), "pounds", minimum=Decimal("-1000.50")) is None
    assert range_problem(Decimal(-2000), "pounds", minimum=Decimal("-1000.50")) == (
        "An amount in pounds cannot be below −1,000.5"
    )


def test_a_range_says_itself_in_words_for_a_hint():
    assert natural_range("percent").words == "0 to 100"
    assert natural_range("count").words == "0 or more"
    assert natural_range("pounds").words == "any number"
    assert figure_range("score", maximum=Decimal(10), minimum=None).words == "up to 10"
    assert figure_range("percent", minimum=Decimal(-100)).words == "−100 to 100"


def test_any_decimal_is_compared_however_large():
    assert range_problem(Decimal("1E+999999999"), "percent") == "A percentage must be between 0 and 100"
