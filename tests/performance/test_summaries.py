"""The annual results' arithmetic, checked against 001's published figures."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.performance.direction import Direction
from scorecard.performance.numbers import round_half_up
from scorecard.performance.status import Status
from scorecard.performance.summaries import (
    StatusCounts,
    direction_distribution,
    largest_remainder,
    percent,
    percent_improved,
    percent_met,
    status_counts,
    traffic_light_distribution,
)


def test_single_percentages_round_half_up():
    assert percent(6, 16) == 38  # 37.5%: 001's Safe Derby improvement
    assert percent(1, 8) == 13  # 12.5% → 13, where Python's round() gives 12
    assert percent(23, 34) == 68
    assert percent(0, 0) is None
    assert round_half_up(Fraction(5, 2)) == 3
    assert round_half_up(2.675, 2) == Decimal("2.68")  # the float as written, not its binary neighbour


def test_percent_met_counts_blue_and_green_over_everything_rated():
    statuses = [Status.BLUE, Status.GREEN, Status.AMBER, Status.RED, Status.NO_TARGET, Status.NOT_APPLICABLE]
    assert percent_met(statuses) == 50


def test_percent_improved_leaves_out_what_cannot_be_compared():
    directions = [Direction.IMPROVING, Direction.SAME, Direction.PLANNED, Direction.DETERIORATING]
    assert percent_improved([*directions, Direction.NOT_APPLICABLE, Direction.MILESTONE]) == 25


def test_001s_distributions_come_out_as_published():
    statuses = [Status.GREEN] * 22 + [Status.AMBER] * 8 + [Status.RED] * 11 + [Status.NO_TARGET] * 5
    lights = traffic_light_distribution(statuses)
    assert (lights.met, lights.amber, lights.red) == (54, 19, 27)
    directions = [Direction.IMPROVING] * 12 + [Direction.PLANNED] * 6 + [Direction.SAME] * 4
    directions += [Direction.DETERIORATING] * 9 + [Direction.NOT_APPLICABLE] * 15
    spread = direction_distribution(directions)
    assert (spread.improved, spread.same_or_planned, spread.deteriorated) == (39, 32, 29)


def test_largest_remainder_gives_the_spare_points_to_the_largest_remainders():
    assert largest_remainder({"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    assert largest_remainder({"a": 0, "b": 0}) == {"a": 0, "b": 0}


@pytest.mark.parametrize("counts", [{"x": 2, "y": 3, "z": 6}, {"x": 1, "y": 0, "z": 0}, {"x": 7, "y": 7, "z": 7}])
def test_distributions_add_up_to_100(counts):
    assert sum(largest_remainder(counts).values()) == 100


@given(st.dictionaries(st.text(max_size=3), st.integers(min_value=0, max_value=10**6), min_size=1, max_size=12))
def test_any_distribution_adds_up_to_100(counts):
    shares = largest_remainder(counts)
    assert sum(shares.values()) == (100 if sum(counts.values()) else 0)
    assert all(0 <= share <= 100 for share in shares.values())


@given(st.dictionaries(st.text(max_size=3), st.integers(min_value=1, max_value=10**6), min_size=1, max_size=12))
def test_each_share_is_within_one_point_of_its_exact_value(counts):
    total = sum(counts.values())
    for key, share in largest_remainder(counts).items():
        assert abs(share - Fraction(100 * counts[key], total)) < 1


def test_status_counts_count_each_band_and_every_non_rating_together():
    statuses = [Status.RED, Status.RED, Status.AMBER, Status.BLUE]
    statuses += [Status.NO_TARGET, Status.ANNUAL, Status.AWAITING_DATA]
    assert status_counts(statuses) == StatusCounts(blue=1, green=0, amber=1, red=2, not_rated=3)
    assert status_counts(statuses).total == len(statuses)


@given(st.lists(st.sampled_from(list(Status))))
def test_status_counts_add_up_to_every_measure(statuses):
    assert status_counts(statuses).total == len(statuses)
