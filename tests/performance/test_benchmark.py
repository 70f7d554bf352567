"""Rank, quartile, median and distance from it: the benchmarking arithmetic, by example."""

from decimal import Decimal

import pytest

from scorecard.performance.benchmark import (
    AgainstGroup,
    benchmark,
    change_against_group,
    mads_from_median,
    median,
    quartile,
    quartiles,
    ranks,
    top_quartile_threshold,
)
from scorecard.performance.status import Polarity


def test_rank_one_is_the_highest_where_high_is_good():
    assert ranks({"a": 10, "b": 30, "c": 20}, Polarity.HIGH) == {"b": 1, "c": 2, "a": 3}


def test_rank_one_is_the_lowest_where_low_is_good():
    assert ranks({"a": 10, "b": 30, "c": 20}, Polarity.LOW) == {"a": 1, "c": 2, "b": 3}


def test_ties_share_a_rank_and_the_next_rank_is_skipped():
    ranked = ranks({"a": 9, "b": 7, "c": 7, "d": 5}, Polarity.HIGH)
    assert ranked == {"a": 1, "b": 2, "c": 2, "d": 4}


def test_values_equal_as_numbers_tie_however_written():
    assert ranks({"a": Decimal("7.50"), "b": 7.5, "c": Decimal("7.5")}, Polarity.LOW) == {"a": 1, "b": 1, "c": 1}


def test_missing_and_suppressed_values_are_left_out_of_the_ranking():
    assert ranks({"a": 1, "b": None, "c": 3}, Polarity.HIGH) == {"c": 1, "a": 2}


def test_a_measure_without_a_polarity_is_not_ranked():
    assert ranks({"a": 1, "b": 2}, Polarity.NONE) == {}


@pytest.mark.parametrize(
    ("rank", "ranked", "expected"),
    [(1, 16, 1), (4, 16, 1), (5, 16, 2), (7, 16, 2), (12, 16, 3), (13, 16, 4), (16, 16, 4), (7, 30, 1), (8, 30, 2)],
)
def test_quartile_is_the_quarter_the_rank_falls_in(rank, ranked, expected):
    assert quartile(rank, ranked) == expected


def test_no_quartile_when_fewer_than_eight_have_data():
    assert quartile(1, 7) is None
    assert quartile(1, 8) == 1


def test_no_quartile_without_a_rank():
    assert quartile(None, 20) is None


def test_median_of_an_even_count_is_the_mean_of_the_middle_two():
    assert median([4, 1, 3, 2, None]) == Decimal("2.5")


def test_median_of_nothing_is_none():
    assert median([None]) is None


def test_distance_from_the_median_in_median_absolute_deviations():
    # median 7.6; deviations 0.3, 0, 0, 0.3, 0.4 → their median is 0.3; 7.7 is a third of one above
    group = [7.3, 7.6, 7.6, 7.9, 8.0]
    assert mads_from_median(7.7, group) == Decimal("0.1") / Decimal("0.3")
    assert mads_from_median(7.3, group) == -1


def test_no_distance_when_the_group_agrees_except_at_the_median_itself():
    assert mads_from_median(5, [5, 5, 5, 6]) == 0
    assert mads_from_median(6, [5, 5, 5, 6]) is None


def test_quartiles_and_the_top_quartile_threshold_follow_polarity():
    values = {str(n): n for n in range(1, 10)}
    assert quartiles(values.values()) == (3, 5, 7)
    assert top_quartile_threshold(values, Polarity.HIGH) == 7
    assert top_quartile_threshold(values, Polarity.LOW) == 3
    assert top_quartile_threshold(values, Polarity.NONE) is None


def test_benchmark_places_the_council_among_its_comparators():
    values = {f"c{n}": n for n in range(1, 16)} | {"us": 10, "gone": None}
    found = benchmark("us", values, Polarity.HIGH)
    assert (found.rank, found.ranked, found.quartile) == (6, 16, 2)
    assert found.median == Decimal("8.5")
    assert found.value == 10


def test_benchmark_without_the_councils_value_still_gives_the_group():
    found = benchmark("us", {"a": 1, "b": 3, "us": None}, Polarity.HIGH)
    assert (found.rank, found.ranked, found.quartile, found.mads_from_median) == (None, 2, None, None)
    assert found.median == 2


@pytest.mark.parametrize(
    ("own", "others", "against"),
    [
        (5, [1, 2, 3], AgainstGroup.IMPROVING_FASTER),
        (1, [3, 4, 5], AgainstGroup.IMPROVING_MORE_SLOWLY),
        (1, [-3, -4, -5], AgainstGroup.IMPROVING_WHILE_GROUP_DETERIORATES),
        (2, [1, 2, 3], AgainstGroup.IN_STEP),
        (0, [1, 2, 3], AgainstGroup.UNCHANGED_WHILE_GROUP_IMPROVES),
        (0, [-1, -2, -3], AgainstGroup.UNCHANGED_WHILE_GROUP_DETERIORATES),
        (-1, [1, 2, 3], AgainstGroup.DETERIORATING_WHILE_GROUP_IMPROVES),
        (-1, [-2, -3, -4], AgainstGroup.DETERIORATING_LESS),
        (-5, [-1, -2, -3], AgainstGroup.DETERIORATING_FASTER),
    ],
)
def test_the_councils_change_against_the_groups(own, others, against):
    before = {"us": 50} | {f"c{n}": 50 for n, _ in enumerate(others)}
    now = {"us": 50 + own} | {f"c{n}": 50 + change for n, change in enumerate(others)}
    assert change_against_group("us", before, now, Polarity.HIGH).against is against


def test_a_fall_is_an_improvement_where_low_is_good():
    found = change_against_group("us", {"us": 10, "a": 10}, {"us": 8, "a": 10}, Polarity.LOW)
    assert (found.own, found.group, found.against) == (2, 1, AgainstGroup.IMPROVING_FASTER)


def test_no_change_against_the_group_without_the_councils_two_values():
    assert change_against_group("us", {"a": 1}, {"us": 2, "a": 2}, Polarity.HIGH) is None
    assert change_against_group("us", {"us": 1}, {"us": 2}, Polarity.NONE) is None


def test_every_comparison_has_words():
    assert all(member.label for member in AgainstGroup)
