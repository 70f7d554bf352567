"""Statistical process control: the Making Data Count XmR chart of a measure's own values.

The method is NHSRplotthedots v0.2.2 as restated in shared/spc/METHOD.md (section numbers below are that note's):
mean and process limits from the average moving range, four special-cause rules run inside each segment, one
point type per point, the variation of the latest point and the assurance of the latest limits against the target.

A missing value (None) is a gap: it is shown, never interpolated. It has no point type, it takes no part in the
mean or in any moving range, and it breaks a shift, a trend and a two-in-three window (docs/decisions.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from scorecard.performance.status import Polarity

LIMIT = 2.66  # 3 sigma, sigma = average moving range / 1.128 (§2.5)
NEAR_LIMIT = 2 * (LIMIT / 3)  # 2 sigma, used only by the two-in-three rule (§2.6)
SCREEN = 3.267  # D4 for ranges of two: a moving range this large is dropped once (§2.4)
RUN = 7  # a shift or a trend is 7 points (§4)
FEWEST_FIXED_POINTS = 12  # limits may be fixed after 12 points or more (§2.1)
IMPROVEMENTS = ("increase", "decrease", "neutral")
IMPROVEMENT_FOR = {Polarity.HIGH: "increase", Polarity.LOW: "decrease", Polarity.NONE: "neutral"}

Value = int | float | Decimal | None


class PointType(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT = "special_cause_improvement"
    CONCERN = "special_cause_concern"
    NEUTRAL_HIGH = "special_cause_neutral_high"
    NEUTRAL_LOW = "special_cause_neutral_low"


class Rule(StrEnum):
    """The rule that gives a special-cause point its type, in order of precedence (§4.1)."""

    OUTSIDE_LIMITS = "outside_limits"
    TREND = "trend"
    TWO_IN_THREE = "two_in_three"
    SHIFT = "shift"


class Variation(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT_HIGH = "improvement_high"
    IMPROVEMENT_LOW = "improvement_low"
    CONCERN_HIGH = "concern_high"
    CONCERN_LOW = "concern_low"
    NEUTRAL_HIGH = "neutral_high"
    NEUTRAL_LOW = "neutral_low"


class Assurance(StrEnum):
    CONSISTENT_PASS = "consistent_pass"  # noqa: S105 (a word, not a password)
    CONSISTENT_FAIL = "consistent_fail"
    INCONSISTENT = "inconsistent"


@dataclass(frozen=True)
class Limits:
    """A segment's centre line and limits; None where undefined (no value, or no moving range left)."""

    mean: float | None
    lower: float | None
    upper: float | None
    near_lower: float | None
    near_upper: float | None


@dataclass(frozen=True)
class Segment:
    """Points start..end (inclusive) share one set of limits, set by `baseline` values (its first n if fixed)."""

    start: int
    end: int
    baseline: int
    limits: Limits


@dataclass(frozen=True)
class Point:
    value: float | None
    target: float | None
    segment: int
    mean: float | None
    lower: float | None
    upper: float | None
    relative_to_mean: int | None  # +1 above, -1 below, 0 on the mean; None for a gap
    outside_limits: bool
    close_to_limits: bool
    special_cause: bool  # any rule fired
    point_type: PointType | None  # None for a gap
    rule: Rule | None  # the rule that gave the type; None for common cause and gaps
    high: bool | None  # the side (or direction of the trend) of a special cause; None otherwise


@dataclass(frozen=True)
class Chart:
    improvement: str
    points: tuple[Point, ...]
    segments: tuple[Segment, ...]
    variation: Variation | None  # of the latest point with a value; None when there is none
    assurance: Assurance | None  # None without a target or for a neutral measure
    latest: int | None  # index of the latest point with a value

    @property
    def shown_assurance(self) -> Assurance | None:
        """The assurance people are shown: none where the latest limits are undefined (a one-point segment, or every
        moving range screened out). The reference calls that inconsistent (§7), which would tell a councillor that a
        process with no limits sometimes meets its target."""
        if self.latest is None or self.points[self.latest].upper is None:
            return None
        return self.assurance

    @property
    def trial_limits(self) -> bool:
        """Fewer than 12 values set the latest limits: Making Data Count asks for 15-20 before firm limits."""
        if self.latest is None:
            return True
        segment = self.segments[self.points[self.latest].segment]
        return segment.baseline < FEWEST_FIXED_POINTS


def xmr(
    values: Sequence[Value],
    improvement: str = "increase",
    target: Value | Sequence[Value] = None,
    rebase_at: Sequence[int] = (),
    fix_after: int | None = None,
    screen_outliers: bool = True,
) -> Chart:
    """The XmR chart of `values` (oldest first, None for a gap).

    improvement: "increase", "decrease" or "neutral". target: one number, or one per point (the period's own
    target), or None. rebase_at: 0-based indices of points that start a new segment. fix_after: the limits of
    each segment come from its first n points (n >= 12); None uses every point.
    """
    series = [_as_float(value) for value in values]
    targets = _targets(target, len(series))
    _check(improvement, rebase_at, fix_after, len(series))
    return chart_of(series, improvement, targets, rebase_at, fix_after, screen_outliers)


def improvement_for(good_is: Polarity | str) -> str:
    """The improvement direction of a measure whose "good is" is High, Low or None (context only: neutral)."""
    return IMPROVEMENT_FOR[Polarity(good_is)]


def chart_of(
    series: list[float | None],
    improvement: str,
    targets: list[float | None],
    rebase_at: Sequence[int],
    fix_after: int | None,
    screen_outliers: bool,
) -> Chart:
    """xmr() without its checks: any fix_after is taken (the published Python cases fix after 3 points)."""
    points: list[Point] = []
    segments: list[Segment] = []
    for number, (start, end) in enumerate(_segment_bounds(len(series), rebase_at)):
        chunk = series[start:end]
        baseline = chunk if fix_after is None else chunk[:fix_after]
        limits = baseline_limits(baseline, screen_outliers=screen_outliers)
        segments.append(Segment(start, end - 1, sum(v is not None for v in baseline), limits))
        points.extend(_segment_points(chunk, targets[start:end], number, limits, improvement))
    latest = next((i for i in range(len(points) - 1, -1, -1) if points[i].value is not None), None)
    return Chart(
        improvement=improvement,
        points=tuple(points),
        segments=tuple(segments),
        variation=None if latest is None else variation_of(points[latest].point_type, improvement),
        assurance=None if latest is None else assurance_of(points[latest], improvement),
        latest=latest,
    )


def baseline_limits(baseline: Sequence[float | None], *, screen_outliers: bool = True) -> Limits:
    """Mean and limits from a segment's baseline (§2): moving ranges of consecutive values, screened once."""
    mean = _mean([v for v in baseline if v is not None])
    ranges = [abs(b - a) for a, b in pairwise(baseline) if a is not None and b is not None]
    average = _mean(ranges)
    if screen_outliers and average is not None:
        # "not strictly below" is dropped, so a constant series loses every range and has no limits (§2)
        average = _mean([r for r in ranges if r < SCREEN * average])
    if mean is None or average is None:
        return Limits(mean, None, None, None, None)
    return Limits(
        mean=mean,
        lower=mean - LIMIT * average,
        upper=mean + LIMIT * average,
        near_lower=mean - NEAR_LIMIT * average,
        near_upper=mean + NEAR_LIMIT * average,
    )


def shift_marks(sides: Sequence[int | None]) -> list[int]:
    """1 on the 7th and later points of a run on one side of the mean; 0 on the mean or a gap breaks it."""
    marks, run = [], 0
    for i, side in enumerate(sides):
        continues = i > 0 and side is not None and side == sides[i - 1]
        run = 0 if side is None or side == 0 else (run + 1 if continues else 1)
        marks.append(1 if run >= RUN else 0)
    return marks


def trend_marks(values: Sequence[float | None]) -> list[int]:
    """+1 (-1) on the 7th and later points of strictly rising (falling) values; a tie or a gap breaks it."""
    marks, rises, falls = [0] * len(values), 0, 0
    for i in range(1, len(values)):
        before, now = values[i - 1], values[i]
        step = 0 if before is None or now is None else _sign(now - before)
        rises = rises + 1 if step > 0 else 0
        falls = falls + 1 if step < 0 else 0
        marks[i] = 1 if rises >= RUN - 1 else (-1 if falls >= RUN - 1 else 0)
    return marks


def part_of_run(marks: Sequence[int | None]) -> list[bool]:
    """A point belongs to a shift or trend when it, or one of the next 6 points, carries a mark (±1)."""
    flagged, next_mark = [False] * len(marks), None
    for i in range(len(marks) - 1, -1, -1):
        if marks[i] is not None and abs(marks[i]) == 1:
            next_mark = i
        flagged[i] = next_mark is not None and next_mark - i < RUN
    return flagged


def two_in_three(close: Sequence[bool], sides: Sequence[int | None]) -> list[bool]:
    """Every point of a window of 3 with at least 2 close to a limit and all 3 on one side of the mean."""
    flagged = [False] * len(close)
    for start in range(len(close) - 2):
        if bool(close[start]) + bool(close[start + 1]) + bool(close[start + 2]) < 2:
            continue
        window_sides = sides[start : start + 3]
        if None not in window_sides and abs(sum(window_sides)) == 3:
            flagged[start : start + 3] = [True, True, True]
    return flagged


def part_of_two_in_three(flagged: Sequence[bool], close: Sequence[bool]) -> list[bool]:
    """Only the close points of a two-in-three window are special (§4)."""
    return [bool(f) and bool(c) for f, c in zip(flagged, close, strict=True)]


def special_causes(
    values: Sequence[float | None],
    sides: Sequence[int | None],
    outside: Sequence[bool],
    close: Sequence[bool],
) -> list[tuple[Rule, bool] | None]:
    """Per point, the rule of highest precedence that fired and whether it points high, or None (§4)."""
    return first_rules(
        values,
        sides,
        outside,
        part_of_run(trend_marks(values)),
        part_of_two_in_three(two_in_three(close, sides), close),
        part_of_run(shift_marks(sides)),
    )


def first_rules(values, sides, outside, in_trend, in_two_in_three, in_shift) -> list[tuple[Rule, bool] | None]:
    """One label per point: outside the limits, then trend, then two in three, then shift (§4.1)."""
    causes: list[tuple[Rule, bool] | None] = []
    for i in range(len(values)):
        if outside[i]:
            causes.append((Rule.OUTSIDE_LIMITS, sides[i] == 1))
        elif in_trend[i]:
            causes.append((Rule.TREND, _trend_step(i, values, in_trend) == 1))
        elif in_two_in_three[i]:
            causes.append((Rule.TWO_IN_THREE, sides[i] > 0))
        elif in_shift[i]:
            causes.append((Rule.SHIFT, sides[i] > 0))
        else:
            causes.append(None)
    return causes


def point_type_of(cause: tuple[Rule, bool] | None, improvement: str) -> PointType:
    """Improvement or concern by the improvement direction; high or low for a neutral measure (§4.2)."""
    if cause is None:
        return PointType.COMMON_CAUSE
    high = cause[1]
    if improvement == "neutral":
        return PointType.NEUTRAL_HIGH if high else PointType.NEUTRAL_LOW
    return PointType.IMPROVEMENT if high == (improvement == "increase") else PointType.CONCERN


def variation_of(point_type: PointType | None, improvement: str) -> Variation | None:
    """The variation icon of the latest point (§6)."""
    if point_type is None:
        return None
    if point_type is PointType.COMMON_CAUSE:
        return Variation.COMMON_CAUSE
    if point_type in (PointType.NEUTRAL_HIGH, PointType.NEUTRAL_LOW):
        return Variation(point_type.removeprefix("special_cause_"))
    improving = point_type is PointType.IMPROVEMENT
    high = improving == (improvement == "increase")
    return Variation(f"{'improvement' if improving else 'concern'}_{'high' if high else 'low'}")


def assurance_type(target: float | None, lower: float | None, upper: float | None, improvement: str):
    """Can the process meet the target? Only the latest limits matter, compared strictly (§7).

    Limits that are undefined compare as neither above nor below, so the reference calls them inconsistent.
    """
    if target is None or improvement == "neutral":
        return None
    increasing = improvement == "increase"
    if upper is not None and target > upper:
        return Assurance.CONSISTENT_FAIL if increasing else Assurance.CONSISTENT_PASS
    if lower is not None and target < lower:
        return Assurance.CONSISTENT_PASS if increasing else Assurance.CONSISTENT_FAIL
    return Assurance.INCONSISTENT


def assurance_of(point: Point, improvement: str) -> Assurance | None:
    return assurance_type(point.target, point.lower, point.upper, improvement)


def _segment_points(
    chunk: list[float | None], targets: list[float | None], number: int, limits: Limits, improvement: str
) -> list[Point]:
    sides = [None if v is None or limits.mean is None else _sign(v - limits.mean) for v in chunk]
    outside = [_outside(v, limits) for v in chunk]
    close = [not out and _beyond_near(v, limits) for v, out in zip(chunk, outside, strict=True)]
    causes = special_causes(chunk, sides, outside, close)
    return [
        Point(
            value=value,
            target=targets[i],
            segment=number,
            mean=limits.mean,
            lower=limits.lower,
            upper=limits.upper,
            relative_to_mean=sides[i],
            outside_limits=outside[i],
            close_to_limits=close[i],
            special_cause=causes[i] is not None,
            point_type=None if value is None else point_type_of(causes[i], improvement),
            rule=None if causes[i] is None else causes[i][0],
            high=None if causes[i] is None else causes[i][1],
        )
        for i, value in enumerate(chunk)
    ]


def _trend_step(i: int, values: Sequence[float | None], in_trend: Sequence[bool]) -> int:
    """A trend point's direction: the step to the next point if that is in the trend too, else from the last
    (§4.1). Anything but a rise, a tie included, reads as falling, as in the reference."""
    if i + 1 < len(values) and in_trend[i + 1]:
        return _sign(values[i + 1] - values[i])
    return 0 if i == 0 else _sign(values[i] - values[i - 1])


def _outside(value: float | None, limits: Limits) -> bool:
    if value is None or limits.upper is None:
        return False
    return value > limits.upper or value < limits.lower


def _beyond_near(value: float | None, limits: Limits) -> bool:
    if value is None or limits.near_upper is None:
        return False
    return value > limits.near_upper or value < limits.near_lower


def _segment_bounds(length: int, rebase_at: Sequence[int]) -> list[tuple[int, int]]:
    starts = sorted({0, *rebase_at})
    return [(start, end) for start, end in zip(starts, [*starts[1:], length], strict=True) if start < length]


def _mean(numbers: Sequence[float]) -> float | None:
    """The arithmetic mean with R's second pass, so a value equal to the mean is on it exactly."""
    if not numbers:
        return None
    first = math.fsum(numbers) / len(numbers)
    return first + math.fsum(n - first for n in numbers) / len(numbers)


def _sign(number: float) -> int:
    return (number > 0) - (number < 0)


def _as_float(value: Value) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"{value!r} is not a number")
    number = float(value)
    if math.isinf(number):
        raise ValueError(f"{value!r} is not a finite number")
    return None if math.isnan(number) else number


def _targets(target: Value | Sequence[Value], length: int) -> list[float | None]:
    if target is None or isinstance(target, int | float | Decimal):
        return [_as_float(target)] * length
    targets = [_as_float(t) for t in target]
    if len(targets) != length:
        raise ValueError(f"There are {length} values but {len(targets)} targets: give one target per value")
    return targets


def _check(improvement: str, rebase_at: Sequence[int], fix_after: int | None, length: int) -> None:
    if improvement not in IMPROVEMENTS:
        raise ValueError(f'"{improvement}" is not an improvement direction: use increase, decrease or neutral')
    if fix_after is not None and (isinstance(fix_after, bool) or not isinstance(fix_after, int)):
        raise ValueError(f"Limits are fixed after a whole number of points, not {fix_after!r}")
    if fix_after is not None and fix_after < FEWEST_FIXED_POINTS:
        raise ValueError(
            f"Limits cannot be fixed after {fix_after} points: fix them after {FEWEST_FIXED_POINTS} points or more"
        )
    for index in rebase_at:
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < length:
            raise ValueError(f"A rebase at point {index!r} is outside the series of {length} points")
