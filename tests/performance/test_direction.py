import pytest

from scorecard.performance.direction import Comparison, Direction, comparison_for, direction_of_travel
from scorecard.performance.status import Polarity


@pytest.mark.parametrize(
    ("now", "then", "polarity", "expected"),
    [
        (44745, 38551, Polarity.HIGH, Direction.IMPROVING),  # CM PM15, 2018/19 Q2 against 2017/18 Q2
        (44, 33, Polarity.LOW, Direction.DETERIORATING),  # 001: households in temporary accommodation
        (18.7, 18.8, Polarity.LOW, Direction.IMPROVING),  # 001: smoking rates
        (100, 100, Polarity.HIGH, Direction.SAME),
    ],
)
def test_direction_compares_by_polarity(now, then, polarity, expected):
    assert direction_of_travel(now, then, polarity, decimals=1) is expected


def test_values_that_print_the_same_are_the_same():
    assert direction_of_travel(92.4, 92.0, Polarity.HIGH, decimals=0) is Direction.SAME
    assert direction_of_travel(92.5, 92.0, Polarity.HIGH, decimals=0) is Direction.IMPROVING  # 93 against 92
    assert direction_of_travel(92.4, 92.0, Polarity.HIGH, decimals=1) is Direction.IMPROVING


def test_nothing_to_compare_with_is_not_applicable():
    assert direction_of_travel(30, None, Polarity.HIGH, decimals=0) is Direction.NOT_APPLICABLE
    assert direction_of_travel(None, 30, Polarity.HIGH, decimals=0) is Direction.NOT_APPLICABLE
    assert direction_of_travel(30, 20, Polarity.NONE, decimals=0) is Direction.NOT_APPLICABLE


def test_a_direction_set_by_hand_wins():
    computed_would_be_deteriorating = {"now": 97.9, "then": 98.4}
    direction = direction_of_travel(
        computed_would_be_deteriorating["now"],
        computed_would_be_deteriorating["then"],
        Polarity.HIGH,
        decimals=1,
        by_hand=Direction.PLANNED,
    )
    assert direction is Direction.PLANNED


def test_same_can_be_shown_as_stabilised():
    assert Direction.SAME.shown_as("Stabilised") == "Stabilised"
    assert Direction.IMPROVING.shown_as("Stabilised") == "Improving"
    assert Direction.parse("Stabilised") is Direction.SAME
    assert Direction.parse("N/A") is Direction.NOT_APPLICABLE
    with pytest.raises(ValueError, match="not a direction of travel"):
        Direction.parse("Sideways")


@pytest.mark.parametrize(
    ("comparison", "year_to_date", "first_of_year", "expected"),
    [
        (Comparison.PREVIOUS_PERIOD, True, True, Comparison.SAME_PERIOD_LAST_YEAR),  # not last year's full-year total
        (Comparison.PREVIOUS_PERIOD, True, False, Comparison.PREVIOUS_PERIOD),  # Q2 to date against Q1 to date
        (Comparison.PREVIOUS_PERIOD, False, True, Comparison.PREVIOUS_PERIOD),  # a snapshot may cross the year
        (Comparison.SAME_PERIOD_LAST_YEAR, True, True, Comparison.SAME_PERIOD_LAST_YEAR),
    ],
)
def test_a_year_to_date_figure_is_never_compared_across_the_year_boundary(
    comparison, year_to_date, first_of_year, expected
):
    assert comparison_for(comparison, year_to_date=year_to_date, first_of_year=first_of_year) is expected
