"""Invariants of the XmR chart, for any series (hypothesis)."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scorecard.performance.spc import Assurance, PointType, Variation, xmr

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
# Sixty-fourths: adding a whole number to one is exact, so a shifted series has exactly the same moving ranges
sixty_fourths = st.integers(min_value=-(10**8), max_value=10**8).map(lambda n: n / 64)
on_a_grid = st.lists(sixty_fourths, min_size=2, max_size=40)
gappy = st.lists(st.one_of(values, st.none()), min_size=1, max_size=40)
improvements = st.sampled_from(["increase", "decrease"])
SWAPPED_TYPES = {
    PointType.IMPROVEMENT: PointType.CONCERN,
    PointType.CONCERN: PointType.IMPROVEMENT,
    PointType.COMMON_CAUSE: PointType.COMMON_CAUSE,
    None: None,
}
SWAPPED_VARIATIONS = {
    Variation.IMPROVEMENT_HIGH: Variation.CONCERN_HIGH,
    Variation.IMPROVEMENT_LOW: Variation.CONCERN_LOW,
    Variation.CONCERN_HIGH: Variation.IMPROVEMENT_HIGH,
    Variation.CONCERN_LOW: Variation.IMPROVEMENT_LOW,
    Variation.COMMON_CAUSE: Variation.COMMON_CAUSE,
    None: None,
}
SWAPPED_ASSURANCE = {
    Assurance.CONSISTENT_PASS: Assurance.CONSISTENT_FAIL,
    Assurance.CONSISTENT_FAIL: Assurance.CONSISTENT_PASS,
    Assurance.INCONSISTENT: Assurance.INCONSISTENT,
}


def types(chart):
    return [point.point_type for point in chart.points]


def far_from_every_line(chart, by=1e-6):
    """No value so near a line that rounding in a shifted copy could move it across."""
    lines = [getattr(p, name) for p in chart.points for name in ("mean", "lower", "upper")]
    segments = [s.limits for s in chart.segments]
    lines += [line for limits in segments for line in (limits.near_lower, limits.near_upper)]
    scale = max([1.0] + [abs(p.value) for p in chart.points if p.value is not None])
    return all(abs(p.value - line) > by * scale for p in chart.points if p.value is not None for line in lines if line)


@given(gappy)
def test_limits_are_symmetric_about_the_mean(numbers):
    for point in xmr(numbers, "increase").points:
        if point.upper is not None:
            assert point.upper - point.mean == pytest.approx(point.mean - point.lower, rel=1e-9, abs=1e-6)


@given(on_a_grid, st.integers(min_value=-1000, max_value=1000), improvements)
def test_adding_a_constant_moves_the_mean_and_limits_by_it_and_keeps_every_type(numbers, shift, improvement):
    before = xmr(numbers, improvement)
    after = xmr([n + shift for n in numbers], improvement)
    for old, new in zip(before.points, after.points, strict=True):
        assert new.mean == pytest.approx(old.mean + shift, rel=1e-9, abs=1e-6)
        if old.upper is not None:
            assert new.upper == pytest.approx(old.upper + shift, rel=1e-9, abs=1e-6)
            assert new.lower == pytest.approx(old.lower + shift, rel=1e-9, abs=1e-6)
    assume(far_from_every_line(before))
    assert types(after) == types(before)


@given(gappy, improvements, st.one_of(st.none(), values))
def test_reversing_the_improvement_swaps_improvement_and_concern(numbers, improvement, target):
    reverse = "decrease" if improvement == "increase" else "increase"
    one, other = xmr(numbers, improvement, target=target), xmr(numbers, reverse, target=target)
    assert types(other) == [SWAPPED_TYPES[t] for t in types(one)]
    assert other.variation == SWAPPED_VARIATIONS[one.variation]
    assert other.assurance == (None if one.assurance is None else SWAPPED_ASSURANCE[one.assurance])


@given(gappy, improvements)
def test_mirroring_the_values_and_the_improvement_gives_the_same_types(numbers, improvement):
    reverse = "decrease" if improvement == "increase" else "increase"
    mirrored = [None if n is None else -n for n in numbers]
    assert types(xmr(mirrored, reverse)) == types(xmr(numbers, improvement))


@given(st.lists(st.one_of(sixty_fourths, st.none()), max_size=40), improvements, st.sampled_from([0.25, 2.0, 1024.0]))
def test_scaling_by_a_power_of_two_scales_the_chart_and_keeps_every_type(numbers, improvement, factor):
    before = xmr(numbers, improvement)
    after = xmr([None if n is None else n * factor for n in numbers], improvement)
    assert types(after) == types(before)
    for old, new in zip(before.points, after.points, strict=True):
        assert (new.mean, new.lower, new.upper) == tuple(
            None if line is None else line * factor for line in (old.mean, old.lower, old.upper)
        )


@given(gappy, st.sampled_from(["increase", "decrease", "neutral"]))
def test_every_value_gets_a_type_and_every_gap_none(numbers, improvement):
    chart = xmr(numbers, improvement)
    for number, point in zip(numbers, chart.points, strict=True):
        assert (point.point_type is None) == (number is None)
        assert point.special_cause == (point.rule is not None)
        assert (point.point_type not in (None, PointType.COMMON_CAUSE)) == point.special_cause


def test_a_chart_without_limits_shows_no_assurance_though_the_reference_calls_it_inconsistent():
    chart = xmr([82], "increase", target=100)
    assert chart.assurance == "inconsistent"  # NHSRplotthedots: a NaN limit falls through to inconsistent (§7)
    assert chart.shown_assurance is None
    assert xmr([82, 84, 83], "increase", target=100).shown_assurance == "consistent_fail"
