"""The values an SPC chart plots for a measure: each period's own value, oldest first, gaps kept as gaps.

SPC needs values of one kind over time. A year-to-date figure restarts each April and grows through the year,
so it is turned into each period's own value (Q2 YTD - Q1 YTD; Q1 is its own). A snapshot or a discrete-period
figure already is one. A rolling 12-month figure is charted as it is, but its points share eleven months with
their neighbours, so they are not independent and the chart says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scorecard.performance.numbers import Number

YEAR_TO_DATE, SNAPSHOT, DISCRETE, ROLLING_12_MONTHS = "year_to_date", "snapshot", "discrete", "rolling_12_months"
ACCUMULATIONS = (YEAR_TO_DATE, SNAPSHOT, DISCRETE, ROLLING_12_MONTHS)
NOT_INDEPENDENT = (
    "Each point is a rolling 12-month figure that shares 11 months with the point before it, so its points are "
    "not independent: read the special causes with care."
)


@dataclass(frozen=True)
class Recorded:
    """One period's recorded value. `position` is the period's place in its financial year at the measure's
    frequency: the quarter (1 to 4), the month (1 to 12), or 1 for a measure recorded once a year."""

    position: int
    value: Number | None


@dataclass(frozen=True)
class ChartSeries:
    values: tuple[Number | None, ...]
    not_independent: bool = False

    @property
    def warning(self) -> str:
        return NOT_INDEPENDENT if self.not_independent else ""


def chart_series(recorded: Sequence[Recorded], accumulation: str) -> ChartSeries:
    """The values to chart from every period of the measure, oldest first (None where nothing is recorded)."""
    if accumulation not in ACCUMULATIONS:
        raise ValueError(f'"{accumulation}" is not an accumulation: use one of {", ".join(ACCUMULATIONS)}')
    for period in recorded:
        if period.position < 1:
            raise ValueError(f"A period's place in its year starts at 1, not {period.position}")
    if accumulation == YEAR_TO_DATE:
        return ChartSeries(tuple(_own_value(recorded, i) for i in range(len(recorded))))
    return ChartSeries(tuple(period.value for period in recorded), accumulation == ROLLING_12_MONTHS)


def _own_value(recorded: Sequence[Recorded], i: int) -> Number | None:
    """A year-to-date figure less the one before it in the same year; the year's first period is its own. A gap
    before it leaves nothing to subtract, so the period is a gap too."""
    period = recorded[i]
    if period.position == 1 or period.value is None:
        return period.value
    before = recorded[i - 1] if i > 0 else None
    if before is None or before.position != period.position - 1 or before.value is None:
        return None
    return period.value - before.value
