"""The XmR chart's behaviour beyond the published cases: edge cases, gaps, segments, targets, bad input."""

from decimal import Decimal

import pytest

from scorecard.performance.spc import Assurance, PointType, Rule, Variation, improvement_for, xmr
from scorecard.performance.status import Polarity

STEADY = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11, 12, 13, 11]
SWINGING = [4, 6, 4, 6, 4, 6, 4, 6, 4]


def types(chart):
    return [point.point_type for point in chart.points]


def test_one_point_has_no_limits_and_is_common_cause():
    chart = xmr([5], "increase", target=4)
    point = chart.points[0]
    assert (point.mean, point.lower, point.upper) == (5.0, None, None)
    assert point.point_type == "common_cause"
    assert chart.variation == "common_cause"
    assert chart.trial_limits


def test_undefined_limits_compare_as_inconsistent_as_in_the_reference():
    assert xmr([5], "increase", target=4).assurance == "inconsistent"


def test_two_points_have_limits_from_their_one_moving_range():
    chart = xmr([10, 14], "increase")
    assert chart.points[0].mean == 12
    assert chart.points[0].lower == pytest.approx(12 - 2.66 * 4)
    assert chart.points[1].upper == pytest.approx(12 + 2.66 * 4)
    assert types(chart) == ["common_cause", "common_cause"]


def test_all_equal_values_lose_every_moving_range_to_screening_and_have_no_limits():
    chart = xmr([7] * 15, "increase")
    assert {(p.mean, p.lower, p.upper) for p in chart.points} == {(7.0, None, None)}
    assert set(types(chart)) == {"common_cause"}


def test_all_equal_values_unscreened_have_limits_on_the_mean():
    chart = xmr([7] * 15, "increase", screen_outliers=False)
    assert {(p.lower, p.upper) for p in chart.points} == {(7.0, 7.0)}
    assert set(types(chart)) == {"common_cause"}


def test_a_point_outside_the_limits_is_special_by_that_rule():
    chart = xmr([*STEADY, 40], "increase")
    latest = chart.points[-1]
    assert (latest.point_type, latest.rule, latest.high) == ("special_cause_improvement", "outside_limits", True)
    assert chart.variation == "improvement_high"


def test_a_low_point_is_a_concern_when_higher_is_better_and_an_improvement_when_lower_is():
    assert xmr([*STEADY, -20], "increase").variation == "concern_low"
    assert xmr([*STEADY, -20], "decrease").variation == "improvement_low"
    assert xmr([*STEADY, 40], "decrease").variation == "concern_high"
    assert xmr([*STEADY, -20], "neutral").variation == "neutral_low"
    assert xmr([*STEADY, 40], "neutral").points[-1].point_type == "special_cause_neutral_high"


def test_seven_points_above_the_mean_are_a_shift():
    chart = xmr([*SWINGING, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5], "increase")
    assert [p.rule for p in chart.points[-7:]] == [Rule.SHIFT] * 7
    assert chart.points[-8].rule is None


def test_seven_rising_points_are_a_trend_even_below_the_mean():
    chart = xmr([20, 0, 20, 0, 20, 0, 1, 2, 3, 4, 5, 6, 7, 20, 0, 20, 0], "increase")
    rising = chart.points[6:13]
    assert all(point.value < point.mean for point in rising)
    assert {p.rule for p in rising} == {Rule.TREND}
    assert {p.point_type for p in rising} == {PointType.IMPROVEMENT}


def test_a_tie_between_two_trends_reads_as_falling_as_in_the_reference():
    values = [1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13]
    chart = xmr([*values, 7, 7], "increase", screen_outliers=False)
    tied = chart.points[6]
    assert (tied.rule, tied.high, tied.point_type) == (Rule.TREND, False, PointType.CONCERN)


def test_a_gap_is_shown_without_a_type_and_takes_no_part_in_the_moving_ranges():
    chart = xmr([10, None, 30, 31], "increase", screen_outliers=False)
    gap = chart.points[1]
    assert (gap.value, gap.point_type, gap.rule, gap.special_cause) == (None, None, None, False)
    assert chart.points[0].mean == pytest.approx(71 / 3)
    assert chart.points[0].upper == pytest.approx(71 / 3 + 2.66 * 1)  # only 30→31 is a moving range


def test_a_gap_breaks_a_shift():
    chart = xmr([*SWINGING, 5.5, 5.5, 5.5, None, 5.5, 5.5, 5.5, 5.5], "increase")
    assert not any(p.special_cause for p in chart.points)


def test_a_gap_breaks_a_trend():
    chart = xmr([5, 5, 5, 1, 2, 3, None, 4, 5, 6, 7, 5, 5], "increase", screen_outliers=False)
    assert Rule.TREND not in {p.rule for p in chart.points}


def test_variation_and_assurance_come_from_the_latest_value_not_a_trailing_gap():
    chart = xmr([*STEADY, 40, None, None], "increase", target=0)
    assert chart.variation == "improvement_high"
    assert chart.assurance == "consistent_pass"
    assert chart.latest == len(STEADY)


def test_a_series_of_gaps_has_no_variation_or_assurance():
    chart = xmr([None, None], "increase", target=3)
    assert (chart.variation, chart.assurance, chart.latest) == (None, None, None)
    assert types(chart) == [None, None]


def test_a_rebase_starts_a_segment_with_its_own_limits_and_rules():
    chart = xmr([*STEADY, *[v + 100 for v in STEADY]], "increase", rebase_at=[len(STEADY)])
    first, second = chart.segments
    assert (first.start, first.end, second.start, second.end) == (0, 15, 16, 31)
    assert second.limits.mean == pytest.approx(first.limits.mean + 100)
    assert set(types(chart)) == {"common_cause"}
    assert [p.segment for p in chart.points] == [0] * 16 + [1] * 16


def test_a_rebase_at_the_first_point_changes_nothing():
    assert xmr(STEADY, "increase", rebase_at=[0]).points == xmr(STEADY, "increase").points


def test_fixed_limits_come_from_the_first_points_and_judge_the_rest():
    values = [*STEADY[:12], 30, 31, 32]
    chart = xmr(values, "increase", fix_after=12)
    assert chart.points[0].mean == pytest.approx(sum(STEADY[:12]) / 12)
    assert [p.rule for p in chart.points[-3:]] == [Rule.OUTSIDE_LIMITS] * 3
    assert chart.segments[0].baseline == 12
    assert not chart.trial_limits


def test_fewer_than_twelve_values_are_trial_limits():
    assert xmr(STEADY[:11], "increase").trial_limits
    assert not xmr(STEADY[:12], "increase").trial_limits


@pytest.mark.parametrize(
    ("improvement", "target", "assurance"),
    [
        ("increase", 20, Assurance.CONSISTENT_FAIL),
        ("increase", 5, Assurance.CONSISTENT_PASS),
        ("increase", 12, Assurance.INCONSISTENT),
        ("decrease", 20, Assurance.CONSISTENT_PASS),
        ("decrease", 5, Assurance.CONSISTENT_FAIL),
        ("neutral", 20, None),
        ("increase", None, None),
    ],
)
def test_assurance_compares_the_target_with_the_limits(improvement, target, assurance):
    assert xmr(STEADY, improvement, target=target).assurance == assurance


def test_assurance_uses_the_latest_periods_own_target():
    targets = [20] * (len(STEADY) - 1) + [5]
    assert xmr(STEADY, "increase", target=targets).assurance == "consistent_pass"
    assert xmr(STEADY, "increase", target=[*targets[:-1], None]).assurance is None


def test_decimals_ints_and_floats_are_all_numbers():
    chart = xmr([Decimal("1.5"), 2, 2.5], "increase")
    assert chart.points[0].mean == 2.0


def test_variation_words_are_the_contracts():
    assert {v.value for v in Variation} == {
        "common_cause",
        "improvement_high",
        "improvement_low",
        "concern_high",
        "concern_low",
        "neutral_high",
        "neutral_low",
    }


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"fix_after": 11}, "fix them after 12 points or more"),
        ({"fix_after": 0}, "fix them after 12 points or more"),
        ({"fix_after": 12.5}, "whole number"),
        ({"rebase_at": [16]}, "A rebase at point 16 is outside the series of 16 points"),
        ({"rebase_at": [-1]}, "outside the series"),
        ({"improvement": "up"}, '"up" is not an improvement direction'),
        ({"target": [1, 2]}, "There are 16 values but 2 targets"),
    ],
)
def test_bad_settings_are_refused_with_a_clear_message(arguments, message):
    with pytest.raises(ValueError, match=message):
        xmr(STEADY, **{"improvement": "increase", **arguments})


def test_something_that_is_not_a_number_is_refused():
    with pytest.raises(TypeError, match="is not a number"):
        xmr([1, "2", 3], "increase")


def test_a_measures_good_is_gives_its_improvement_direction():
    assert [improvement_for(p) for p in (Polarity.HIGH, "low", "none")] == ["increase", "decrease", "neutral"]
