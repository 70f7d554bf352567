"""The required run rate: what the rest of the year must deliver to meet the year-end target, in words.

Values are each period's own value, oldest first; a year has 4 quarters or 12 months.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scorecard.performance.numbers import round_half_up
from scorecard.performance.status import Polarity

MONTHS = ("Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar")
SNAPSHOT_WORDS = "A snapshot measure has no run rate: its year end is the last period's value."


@dataclass(frozen=True)
class RunRate:
    words: str
    flat: float | None = None  # each remaining period alike
    seasonal: tuple[float, ...] = ()  # each remaining period weighted by the usual seasonal profile
    secured: bool = False
    possible: bool = True
    record: bool = False


def period_name(index: int, periods: int) -> str:
    return f"Q{index + 1}" if periods == 4 else MONTHS[index]


def _word(periods: int) -> str:
    return "quarter" if periods == 4 else "month"


def _shown(value: float, decimals: int) -> str:
    return f"{round_half_up(value, decimals):,}"


def seasonal_weights(past_years: Sequence[Sequence[float]], elapsed: int) -> tuple[float, ...]:
    """Each remaining period's usual share of the rest of the year (the earlier years' average); () without one."""
    shares = []
    for year in past_years:
        rest = [float(v) for v in year[elapsed:]]
        if sum(rest) > 0 and min(rest) >= 0:
            shares.append([v / sum(rest) for v in rest])
    if not shares:
        return ()
    return tuple(sum(column) / len(shares) for column in zip(*shares, strict=True))


def required_run_rate(
    *,
    target: float,
    this_year: Sequence[float],
    past_years: Sequence[Sequence[float]] = (),
    polarity: str = "high",
    periods: int = 4,
    decimals: int = 0,
) -> RunRate:
    """For a count that adds up over the year: what each remaining period must deliver (high is good) or
    may take at most (low is good) for the year to end on target."""
    good = Polarity.parse(polarity)
    remaining = periods - len(this_year)
    if good is Polarity.NONE:
        return RunRate("No run rate: the measure has no good direction to meet its target in.")
    if remaining <= 0:
        return RunRate("The year is complete: there is no run rate left.")
    so_far = sum(float(v) for v in this_year)
    still = float(target) - so_far
    word, shown = _word(periods), lambda v: _shown(v, decimals)
    if good is Polarity.HIGH and still <= 0:
        return RunRate(f"Already secured: the year so far ({shown(so_far)}) meets the year-end target.", secured=True)
    if good is Polarity.LOW and still < 0:
        words = f"Cannot be met this year: the year so far ({shown(so_far)}) is already above the year-end target."
        return RunRate(words, possible=False)
    flat = still / remaining
    weights = seasonal_weights(past_years, len(this_year))
    seasonal = tuple(still * w for w in weights)
    names = [period_name(i, periods) for i in range(len(this_year), periods)]
    usual = ", ".join(f"{name} {shown(value)}" for name, value in zip(names, seasonal, strict=False))
    profile = f" By the usual pattern: {usual}." if seasonal else ""
    if good is Polarity.LOW:
        words = f"The most each remaining {word} may take: {shown(flat)} ({shown(still)} in all)."
        return RunRate(words + profile, flat=flat, seasonal=seasonal)
    best = max((float(v) for year in [*past_years, this_year] for v in year), default=None)
    record = best is not None and max((flat, *seasonal)) > best
    words = f"Each remaining {word} must deliver {shown(flat)} ({shown(still)} in all).{profile}"
    if record:
        words += f" That would need a record {word}: the best held is {shown(best)}."
    return RunRate(words, flat=flat, seasonal=seasonal, record=record)


def required_rate(
    *,
    target: float,
    numerator_so_far: float,
    denominator_so_far: float,
    denominator_year_end: float,
    polarity: str = "high",
    decimals: int = 1,
    per: float = 100,
) -> RunRate:
    """For a percentage (or a rate, per=1000…) with a denominator: the rate the rest of the year must reach (high is
    good) or may reach at most (low is good), with the year's denominator as projected."""
    good = Polarity.parse(polarity)
    rest = float(denominator_year_end) - float(denominator_so_far)
    if good is Polarity.NONE:
        return RunRate("No run rate: the measure has no good direction to meet its target in.")
    if rest <= 0:
        return RunRate("No more cases are expected this year: the year end is the year so far.")
    rate = per * (float(target) / per * float(denominator_year_end) - float(numerator_so_far)) / rest
    shown = f"{round_half_up(rate, decimals)}%" if per == 100 else f"{round_half_up(rate, decimals)} per {per:,.0f}"
    ceiling = 100 if per == 100 else float("inf")  # only a percentage cannot pass 100
    if good is Polarity.HIGH:
        if rate <= 0:
            return RunRate("Already secured: the year so far meets the year-end target.", secured=True)
        if rate > ceiling:
            return RunRate(f"Cannot be met this year: the rest of the year would need {shown}.", possible=False)
        return RunRate(f"The rest of the year must reach {shown} (of about {_shown(rest, 0)}).", flat=rate)
    if rate < 0:
        return RunRate(f"Cannot be met this year: the rest of the year would need {shown}.", possible=False)
    if rate >= ceiling:
        return RunRate("Already secured: even 100% for the rest of the year meets the target.", secured=True)
    return RunRate(f"The most the rest of the year may reach: {shown} (of about {_shown(rest, 0)}).", flat=rate)
