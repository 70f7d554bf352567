"""What each earlier year's pattern says about this year's end, and how far to trust the spread between them.

Pure arithmetic on each period's own value (not year to date), oldest first; a year has 4 quarters or 12 months.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import sqrt
from statistics import mean, stdev

from scipy.stats import t as student_t

Values = Sequence[float]


def straight_line(this_year: Values, periods: int) -> float:
    """The year so far carried on at the same rate: year to date * periods in the year / periods elapsed."""
    return sum(this_year) * periods / len(this_year)


def share_of_year(this_year: Values, past_year: Values) -> float | None:
    """Year to date ÷ the share of its year that the past year had delivered by the same point.

    None when the past year had delivered nothing by then, or nothing at all, so its share says nothing."""
    elapsed = len(this_year)
    so_far, total = sum(past_year[:elapsed]), sum(past_year)
    if so_far == 0 or total == 0 or (so_far > 0) != (total > 0):
        return None
    return sum(this_year) * total / so_far


def seasonal_naive(this_year: Values, past_year: Values) -> float:
    """This year so far plus what the past year delivered in the periods still to come."""
    return sum(this_year) + sum(past_year[len(this_year) :])


def snapshot_change(this_year: Values, past_year: Values) -> float:
    """The latest value moved as the past year's value moved from the same point to its year end."""
    elapsed = len(this_year)
    return this_year[-1] + past_year[-1] - past_year[elapsed - 1]


def stated_coverage(patterns: int) -> float | None:
    """The share of year ends a range from n earlier years' patterns holds: n/(n+1) (2 in 3 from two years).

    A range spanned by n patterns alone holds a new year's outcome only (n-1)/(n+1) of the time if the years are
    alike, and less when series grow from year to year (a share-of-year range held 15% of the NHS A&E outcomes
    against 33% claimed), so the range is the wider prediction interval whose stated coverage is n/(n+1)."""
    return patterns / (patterns + 1) if patterns >= 2 else None


@dataclass(frozen=True)
class Spread:
    low: float
    high: float
    coverage: float
    patterns: int


def spread(value: float, projections: Sequence[float]) -> Spread | None:
    """A range about the value as wide as the earlier years' patterns disagree (Student's t prediction interval).

    With two patterns it is the span of the two widened on each side by their gap; None with fewer than two."""
    coverage = stated_coverage(len(projections))
    if coverage is None:
        return None
    n = len(projections)
    quantile = float(student_t.ppf((1 + coverage) / 2, n - 1))
    half_width = quantile * stdev(projections) * sqrt(1 + 1 / n)
    return Spread(low=value - half_width, high=value + half_width, coverage=coverage, patterns=n)


def centre(projections: Sequence[float]) -> float:
    return mean(projections)


def coverage_words(found: Spread | None) -> str:
    """What the range means, in words a councillor can check ("nothing called an 80% range that is not")."""
    if found is None:
        return "Not enough history for a range: it needs two earlier years."
    return f"A range worked out this way from the last {found.patterns} years' patterns {how_often(found.coverage)}."


def how_often(coverage: float) -> str:
    """A stated coverage n/(n+1) in words: "holds the year end about 2 years in 3"."""
    years = round(coverage / (1 - coverage))
    return f"holds the year end about {years} years in {years + 1}"
