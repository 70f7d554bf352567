"""A return's status, non-ratings included: the one function every report and form asks."""

from __future__ import annotations

from enum import StrEnum

from scorecard.performance.milestones import Progress, milestone_status
from scorecard.performance.numbers import Number
from scorecard.performance.status import DERBY_TOLERANCES, Polarity, Status, Tolerances, rate

Figure = Number | Progress | None


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"
    BIENNIAL = "biennial"

    @property
    def label(self) -> str:
        return {"biennial": "Biennial survey"}.get(self.value, self.value.capitalize())


def is_due(frequency: Frequency, quarter: int, *, reported_in_quarter: int = 4) -> bool:
    """Monthly and quarterly measures report every quarter (and, in a year collected monthly, every month);
    annual and biennial ones from the quarter their figure arrives in, so the year's result is rated in that
    quarter (each of its months) and every later one."""
    if frequency in (Frequency.MONTHLY, Frequency.QUARTERLY):
        return True
    return quarter >= reported_in_quarter


def not_due_status(frequency: Frequency) -> Status:
    return Status.BIENNIAL_SURVEY if frequency is Frequency.BIENNIAL else Status.ANNUAL


def assess(
    actual: Figure,
    target: Figure,
    polarity: Polarity,
    *,
    tolerances: Tolerances = DERBY_TOLERANCES,
    completed: Status = Status.GREEN,
) -> Status:
    """The status of an actual (or a forecast) against its target.

    Progress words rate by milestone whatever the target; numbers need a target, an actual and a
    "good is" to be rated. A context measure (good is neither High nor Low) is shown For information, not
    No target: it has no target on purpose.
    """
    if isinstance(actual, Progress):
        return milestone_status(actual, completed=completed)
    if polarity is Polarity.NONE:
        return Status.AWAITING_DATA if actual is None else Status.FOR_INFORMATION
    if target is None:
        return Status.NO_TARGET
    if actual is None:
        return Status.AWAITING_DATA
    if isinstance(target, Progress):
        return Status.NOT_APPLICABLE  # a number cannot be rated against a progress word
    return rate(actual, target, polarity, tolerances)


def year_end_figure(forecast: Figure, actual: Figure, *, at_year_end: bool) -> Figure:
    """The figure a forecast year-end status rates: in the year's last period (quarter 4, or March in a year
    collected monthly) the actual is the year's outturn, so it stands in for a forecast nobody recorded."""
    if forecast is None and at_year_end:
        return actual
    return forecast


def quarterly_status(
    actual: Figure,
    target: Figure,
    polarity: Polarity,
    *,
    frequency: Frequency,
    quarter: int,
    reported_in_quarter: int = 4,
    tolerances: Tolerances = DERBY_TOLERANCES,
    completed: Status = Status.GREEN,
) -> Status:
    """The quarter's status: "Annual" (or its frequency) when the measure is not due this quarter."""
    if not is_due(frequency, quarter, reported_in_quarter=reported_in_quarter):
        return not_due_status(frequency)
    return assess(actual, target, polarity, tolerances=tolerances, completed=completed)
