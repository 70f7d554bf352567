"""The year end projected from a measure's own history, with a range whose stated coverage is true.

    p = project_year_end(past_years=[[...], [...]], this_year=[...], polarity="high")
    p.value, p.low, p.high, p.method, p.coverage

Values are each period's own value (not year to date), oldest first; a year has 4 quarters or 12 months. The
method is chosen by backtest on the measure's own history: each earlier year is projected, from the same point
in the year, with the years before it, and the method that came closest is used; without a year to test on, or
when no pattern beat it, the straight line (a straight line is hard to beat on a steady series).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from statistics import mean

from scorecard.performance import patterns as pattern
from scorecard.performance.smoothing import can_smooth, simulated_range, smooth_year_end
from scorecard.performance.status import Polarity

PERIODS_IN_A_YEAR = (4, 12)
# One tested year is a coin toss between methods: on the NHS A&E series a pattern that won on 2017/18 lost to the
# straight line on 2018/19 more often than not (bench/RESULTS.md), so a pattern must win on two years or more.
TESTED_YEARS_NEEDED = 2


class Method(StrEnum):
    STRAIGHT_LINE = "straight line"
    SHARE_OF_YEAR = "share of year"
    SEASONAL_NAIVE = "seasonal naive"
    EXPONENTIAL_SMOOTHING = "exponential smoothing"
    LAST_VALUE = "last value"
    YEAR_COMPLETE = "the year's own figures"

    @property
    def explained(self) -> str:
        return {
            "straight line": "the year so far carried on at the same rate",
            "share of year": "the year so far divided by the share of the year earlier years had delivered by now",
            "seasonal naive": "the year so far plus what last year delivered in the periods still to come",
            "exponential smoothing": "an exponential smoothing model of every period held",
            "last value": "the latest value, moved as earlier years moved to their year end",
            "the year's own figures": "every period of the year is in",
        }[self.value]


@dataclass(frozen=True)
class Projection:
    value: float
    low: float | None
    high: float | None
    method: Method
    coverage: float | None
    basis: str  # why this method, in words
    range_words: str
    periods: int
    elapsed: int

    def outside_range(self, forecast: float) -> bool:
        """A forecast outside every earlier year's pattern (only where there is a range to be outside of)."""
        return self.low is not None and not (self.low <= forecast <= self.high)


def project_year_end(
    past_years: Sequence[Sequence[float]],
    this_year: Sequence[float],
    polarity: str = "high",
    *,
    periods: int | None = None,
    snapshot: bool = False,
) -> Projection:
    """Project the year end. `periods` is needed only without past years (default 4, quarters).

    A snapshot measure (a caseload at the quarter's end) projects its last value, not a total."""
    Polarity.parse(polarity)
    past, now, size = _checked(past_years, this_year, periods)
    if len(now) == size:
        total = now[-1] if snapshot else sum(now)
        return _complete(total, size)
    if snapshot:
        return _snapshot(past, now, size)
    method, value, basis = _chosen(past, now, size)
    patterns = [p for p in (pattern.share_of_year(now, year) for year in past) if p is not None]
    return _with_range(method, value, basis, patterns, past, now, size)


def _checked(past_years, this_year, periods):
    size = periods or (len(past_years[0]) if past_years else 4)
    if size not in PERIODS_IN_A_YEAR:
        raise ValueError(f"A year has 4 quarters or 12 months, not {size} periods.")
    past = [[float(v) for v in year] for year in past_years]
    for number, year in enumerate(past, start=1):
        if len(year) != size:
            raise ValueError(f"Earlier year {number} has {len(year)} periods: every year needs all {size}.")
    now = [float(v) for v in this_year]
    if not now:
        raise ValueError("No figures yet this year: a projection needs at least one period's figure.")
    if len(now) > size:
        raise ValueError(f"This year has {len(now)} figures, more than the {size} periods in a year.")
    return past, now, size


def _complete(total: float, size: int) -> Projection:
    return Projection(total, None, None, Method.YEAR_COMPLETE, None, "Every period of the year is in.", "", size, size)


Candidate = Callable[[list[list[float]], list[float], int], float | None]


def _share(history, now, size):
    found = [p for p in (pattern.share_of_year(now, year) for year in history) if p is not None]
    return mean(found) if found else None


def _smoothed(history, now, size):
    flat = [v for year in history for v in year]
    if not can_smooth(len(flat), size):
        return None
    found = smooth_year_end(flat, now, size)
    return None if found is None else found.value


CANDIDATES: dict[Method, Candidate] = {
    Method.STRAIGHT_LINE: lambda history, now, size: pattern.straight_line(now, size),
    Method.SHARE_OF_YEAR: _share,
    Method.SEASONAL_NAIVE: lambda history, now, size: pattern.seasonal_naive(now, history[-1]),
    Method.EXPONENTIAL_SMOOTHING: _smoothed,
}


def backtest_errors(past: list[list[float]], elapsed: int, size: int) -> dict[Method, dict[int, float]]:
    """Each method's relative error on each earlier year it could project (by the year's place in `past`), from
    `elapsed` periods with the years before it."""
    errors: dict[Method, dict[int, float]] = {method: {} for method in CANDIDATES}
    smoothable = sum(can_smooth(tested * size, size) for tested in range(1, len(past)))
    methods = [m for m in CANDIDATES if m is not Method.EXPONENTIAL_SMOOTHING or smoothable >= TESTED_YEARS_NEEDED]
    for tested in range(1, len(past)):
        actual = sum(past[tested])
        if actual == 0:
            continue
        for method in methods:
            candidate = CANDIDATES[method]
            guess = candidate(past[:tested], past[tested][:elapsed], size)
            if guess is not None:
                errors[method][tested] = abs(guess / actual - 1)
    return errors


def _scores(errors: dict[Method, dict[int, float]]) -> dict[Method, float]:
    """Mean errors over the same tested years for every method. Exponential smoothing needs more history, so it is
    tested on fewer years; where it beat the seasonal naive on those, everything is compared on those years."""
    smoothing, naive = errors[Method.EXPONENTIAL_SMOOTHING], errors[Method.SEASONAL_NAIVE]
    years = set(errors[Method.STRAIGHT_LINE])
    if len(smoothing) >= TESTED_YEARS_NEEDED and mean(smoothing.values()) < mean(naive[y] for y in smoothing):
        years = set(smoothing)
    return {m: mean(e[y] for y in years) for m, e in errors.items() if years <= set(e)}


def _chosen(past, now, size) -> tuple[Method, float, str]:
    errors = backtest_errors(past, len(now), size)
    if len(errors[Method.STRAIGHT_LINE]) < TESTED_YEARS_NEEDED:
        return Method.STRAIGHT_LINE, pattern.straight_line(now, size), _untested(len(past))
    scores = _scores(errors)
    tested = len(
        errors[Method.EXPONENTIAL_SMOOTHING] if Method.EXPONENTIAL_SMOOTHING in scores else errors[Method.STRAIGHT_LINE]
    )
    order = list(CANDIDATES)
    for method in sorted(scores, key=lambda m: (round(scores[m], 12), order.index(m))):
        value = CANDIDATES[method](past, now, size)
        if value is not None:
            return method, value, _basis(method, scores, tested)
    return Method.STRAIGHT_LINE, pattern.straight_line(now, size), "Straight line (no pattern could be used)."


def _untested(years: int) -> str:
    held = {0: "no earlier year", 1: "one earlier year"}.get(years, f"{years} earlier years")
    return (
        f"Straight line ({held}): a pattern must beat it on at least {TESTED_YEARS_NEEDED} earlier years, "
        "each projected from the years before it, before it is trusted."
    )


def _basis(method: Method, scores: dict[Method, float], tested: int) -> str:
    years = "year" if tested == 1 else f"{tested} years"
    line = scores[Method.STRAIGHT_LINE]
    if method is Method.STRAIGHT_LINE:
        return f"Straight line: no pattern from earlier years beat it on the last {years} (off by {line:.1%})."
    return (
        f"{method.value.capitalize()} ({method.explained}): off by {scores[method]:.1%} on the last {years}, "
        f"against {line:.1%} for a straight line."
    )


def _with_range(method, value, basis, patterns, past, now, size) -> Projection:
    if method is Method.EXPONENTIAL_SMOOTHING:
        found = smooth_year_end([v for year in past for v in year], now, size)
        coverage = pattern.stated_coverage(len(past))
        if found is not None and coverage is not None:
            low, high = simulated_range(found, coverage)
            words = f"The range holds {coverage:.0%} of the model's simulated year ends (from {len(past)} years)."
            return Projection(value, low, high, method, coverage, basis, words, size, len(now))
    spread = pattern.spread(value, patterns)
    words = pattern.coverage_words(spread)
    if spread is None:
        return Projection(value, None, None, method, None, basis, words, size, len(now))
    return Projection(value, spread.low, spread.high, method, spread.coverage, basis, words, size, len(now))


def _snapshot(past, now, size) -> Projection:
    """The latest value moved as earlier years moved from this point to their year end (the last value as it
    stands without an earlier year), with the spread of those moves for a range."""
    moved = [pattern.snapshot_change(now, year) for year in past]
    value = pattern.centre(moved) if moved else now[-1]
    spread = pattern.spread(value, moved)
    why = f"moved by the average of {len(moved)} earlier years' moves to the year end" if moved else "as it stands"
    basis = f"The latest value, {why}: a snapshot's year end is its last period's value."
    low, high, coverage = (spread.low, spread.high, spread.coverage) if spread else (None, None, None)
    return Projection(
        value, low, high, Method.LAST_VALUE, coverage, basis, pattern.coverage_words(spread), size, len(now)
    )


def project_percentage(
    past_numerators: Sequence[Sequence[float]],
    past_denominators: Sequence[Sequence[float]],
    this_numerators: Sequence[float],
    this_denominators: Sequence[float],
    polarity: str = "high",
    *,
    periods: int | None = None,
    per: float = 100,
) -> Projection:
    """A percentage's year end from its numerator and denominator projected separately, never from averaging
    quarterly percentages (a quiet quarter's 100% would count as much as a busy quarter's 80%). A rate per 1,000
    gives per=1000."""
    numerator = project_year_end(past_numerators, this_numerators, polarity, periods=periods)
    denominator = project_year_end(past_denominators, this_denominators, polarity, periods=periods)
    if denominator.value <= 0:
        raise ValueError("The projected denominator is zero: there is no percentage to project.")
    value = per * numerator.value / denominator.value
    basis = (
        f"Numerator and denominator projected separately. Numerator: {numerator.basis} Denominator: {denominator.basis}"
    )
    if numerator.method is Method.YEAR_COMPLETE:
        return replace(numerator, value=value, basis=basis)
    ratios = _pattern_ratios(past_numerators, past_denominators, this_numerators, this_denominators)
    spread = pattern.spread(value, [per * ratio for ratio in ratios])
    if spread is None:
        return Projection(value, None, None, numerator.method, None, basis, "", numerator.periods, numerator.elapsed)
    ceiling = 100.0 if per == 100 else float("inf")  # a percentage's range stops at 100%; a rate has no ceiling
    low, high, coverage = max(spread.low, 0.0), min(spread.high, ceiling), spread.coverage
    words = pattern.coverage_words(spread)
    return Projection(value, low, high, numerator.method, coverage, basis, words, numerator.periods, numerator.elapsed)


def _pattern_ratios(past_numerators, past_denominators, this_numerators, this_denominators) -> list[float]:
    """The fraction each earlier year's pattern gives, its numerator and denominator each by their own share."""
    now_n, now_d = [float(v) for v in this_numerators], [float(v) for v in this_denominators]
    ratios = []
    for year_n, year_d in zip(past_numerators, past_denominators, strict=True):
        n = pattern.share_of_year(now_n, [float(v) for v in year_n])
        d = pattern.share_of_year(now_d, [float(v) for v in year_d])
        if n is not None and d:
            ratios.append(n / d)
    return ratios
