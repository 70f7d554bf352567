"""The year-end projection: which method, which range, and what the range's coverage honestly is."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.performance.projection import Method, project_percentage, project_year_end

QUARTERS = [[100, 200, 300, 400], [110, 220, 330, 440], [120, 240, 360, 480]]


def test_without_an_earlier_year_it_is_the_straight_line_with_no_range():
    p = project_year_end(past_years=[], this_year=[30, 30], polarity="high")
    assert (p.value, p.low, p.high, p.method, p.coverage) == (120, None, None, "straight line", None)
    assert p.range_words == "Not enough history for a range: it needs two earlier years."


def test_two_earlier_years_are_too_few_to_trust_a_pattern_so_the_straight_line_stands():
    # Only one of them can be projected from the year before it: one tested year is a coin toss.
    p = project_year_end(past_years=QUARTERS[:2], this_year=[50, 100])
    assert p.method == Method.STRAIGHT_LINE
    assert p.value == 300
    assert p.basis.startswith("Straight line (2 earlier years): a pattern must beat it on at least 2 earlier years")


def test_a_seasonal_measure_is_projected_by_the_share_of_the_year_its_pattern_gives():
    p = project_year_end(past_years=QUARTERS, this_year=[130, 260], polarity="high")
    assert p.method == Method.SHARE_OF_YEAR
    assert p.value == pytest.approx(1300)
    assert "off by 0.0% on the last 2 years, against 40.0% for a straight line" in p.basis


def test_two_earlier_years_give_a_range_said_to_hold_two_years_in_three():
    p = project_year_end(past_years=[[100, 200, 300, 400], [100, 250, 300, 350]], this_year=[100, 200])
    assert p.coverage == pytest.approx(2 / 3)
    assert p.low < p.value < p.high
    assert p.range_words.endswith("holds the year end about 2 years in 3.")


def test_four_earlier_years_give_four_years_in_five():
    years = [[100, 200, 300, 400], [100, 210, 300, 390], [100, 190, 310, 400], [100, 200, 290, 410]]
    assert project_year_end(past_years=years, this_year=[100, 200]).coverage == pytest.approx(0.8)


def test_a_steady_series_falls_back_to_the_straight_line_when_patterns_do_not_help():
    years = [[100, 90, 110, 100], [95, 105, 100, 100], [105, 100, 95, 100]]
    p = project_year_end(past_years=years, this_year=[100, 100])
    assert p.method == Method.STRAIGHT_LINE
    assert p.value == 400


def test_a_complete_year_is_its_own_total():
    p = project_year_end(past_years=QUARTERS, this_year=[1, 2, 3, 4])
    assert (p.value, p.low, p.method) == (10, None, Method.YEAR_COMPLETE)


def test_a_snapshot_moves_its_last_value_as_earlier_years_moved_to_their_year_end():
    p = project_year_end(past_years=[[50, 52, 54, 60], [40, 42, 44, 46]], this_year=[70, 72], snapshot=True)
    assert p.method == Method.LAST_VALUE
    assert p.value == 72 + ((60 - 52) + (46 - 42)) / 2
    assert p.low < p.value < p.high


def test_a_forecast_outside_every_pattern_is_flagged_and_one_inside_is_not():
    p = project_year_end(past_years=[[100, 200, 300, 400], [100, 250, 300, 350]], this_year=[100, 200])
    assert p.outside_range(p.high * 1.2) and p.outside_range(p.low * 0.8)
    assert not p.outside_range(p.value)


def test_no_figures_this_year_is_a_clear_message():
    with pytest.raises(ValueError, match="No figures yet this year"):
        project_year_end(past_years=QUARTERS, this_year=[])


def test_a_year_of_the_wrong_length_is_a_clear_message():
    with pytest.raises(ValueError, match="Earlier year 2 has 3 periods"):
        project_year_end(past_years=[[1, 2, 3, 4], [1, 2, 3]], this_year=[1])
    with pytest.raises(ValueError, match="4 quarters or 12 months"):
        project_year_end(past_years=[[1, 2, 3]], this_year=[1])


def test_a_percentage_is_projected_from_numerator_and_denominator_not_the_average_of_percentages():
    # Q1: 10 of 10 (100%), Q2: 80 of 100 (80%): the year so far is 90 of 110, not the 90% average.
    p = project_percentage([], [], [10, 80], [10, 100], "high", periods=4)
    assert p.value == pytest.approx(100 * 90 / 110)


def test_a_percentage_range_stops_at_100():
    past_n = [[95, 95, 95, 95], [99, 99, 99, 40]]
    past_d = [[100, 100, 100, 100], [100, 100, 100, 100]]
    p = project_percentage(past_n, past_d, [99, 99], [100, 100])
    assert p.high <= 100


def test_exponential_smoothing_is_used_when_it_beat_the_seasonal_naive_and_its_range_is_simulated():
    rising = [[100 + 8 * (12 * y + m) + 40 * (m in (5, 6)) + (m % 3) for m in range(12)] for y in range(5)]
    p = project_year_end(past_years=rising[:4], this_year=rising[4][:6])
    assert p.method == Method.EXPONENTIAL_SMOOTHING
    assert p.low < p.value < p.high
    assert p.range_words == "The range holds 80% of the model's simulated year ends (from 4 years)."


def test_exponential_smoothing_is_not_tried_without_two_years_to_test_it_on():
    rising = [[100 + 8 * (12 * y + m) for m in range(12)] for y in range(4)]
    assert project_year_end(past_years=rising[:3], this_year=rising[3][:6]).method != Method.EXPONENTIAL_SMOOTHING


positive = st.floats(min_value=1, max_value=1e6, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(
    years=st.lists(st.lists(positive, min_size=4, max_size=4), min_size=0, max_size=3),
    now=st.lists(positive, min_size=1, max_size=3),
    scale=st.floats(min_value=0.01, max_value=100),
)
def test_scaling_the_series_scales_the_projection(years, now, scale):
    p = project_year_end(past_years=years, this_year=now)
    scaled = project_year_end(past_years=[[v * scale for v in y] for y in years], this_year=[v * scale for v in now])
    assert scaled.method == p.method
    assert scaled.value == pytest.approx(p.value * scale, rel=1e-6)
    if p.low is not None:
        assert scaled.low == pytest.approx(p.low * scale, rel=1e-6, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(pattern=st.lists(positive, min_size=4, max_size=4), years=st.integers(3, 5), elapsed=st.integers(1, 3))
def test_a_perfectly_repeating_seasonal_pattern_is_projected_exactly(pattern, years, elapsed):
    p = project_year_end(past_years=[pattern] * years, this_year=pattern[:elapsed])
    assert p.value == pytest.approx(sum(pattern))
    assert p.low == pytest.approx(p.high)  # years that agree exactly leave nothing to spread


@settings(max_examples=60, deadline=None)
@given(years=st.lists(st.lists(positive, min_size=4, max_size=4), min_size=2, max_size=4), elapsed=st.integers(1, 3))
def test_the_range_holds_the_projection_and_says_its_coverage(years, elapsed):
    p = project_year_end(past_years=years[:-1], this_year=years[-1][:elapsed])
    if p.low is None:
        assert p.coverage is None
    else:
        assert p.low <= p.value <= p.high
        assert p.coverage == pytest.approx(len(years[:-1]) / (len(years[:-1]) + 1))
