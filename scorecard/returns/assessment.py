"""A return's quarterly status, forecast year-end status and direction of travel.

The rules live in scorecard.performance; this module only hands them a return's figures, its
measure's settings and its year's settings, and lets a recorded override win.
"""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.council.models import OrganisationSettings
from scorecard.measures.models import Target
from scorecard.performance.assessment import Frequency, assess, quarterly_status, year_end_figure
from scorecard.performance.direction import Direction, direction_of_travel
from scorecard.performance.status import Status
from scorecard.returns.models import Return

SET_BY_HAND = ("status", "forecast_status", "direction")  # what the performance team may override


@dataclass(frozen=True)
class Assessment:
    status: Status
    forecast_status: Status
    direction: Direction
    overridden: frozenset[str] = frozenset()  # which of the three were set by hand
    reasons: tuple[tuple[str, str], ...] = ()  # (which, why) for each set by hand

    def reason(self, name: str) -> str:
        """Why the status, forecast status or direction was set by hand; empty if the rules gave it."""
        return dict(self.reasons).get(name, "")


def assess_return(
    ret: Return,
    *,
    target: Target | None,
    year_end_target: Target | None,
    comparison: Return | None,
    organisation: OrganisationSettings,
) -> Assessment:
    measure, year = ret.measure, ret.period.year
    rules = {"tolerances": measure.tolerances(organisation), "completed": year.completed}
    status = quarterly_status(
        ret.actual_figure,
        target.figure if target else None,
        measure.good_is,
        frequency=Frequency(measure.frequency),
        quarter=ret.period.quarter,
        reported_in_quarter=measure.reported_in_quarter,
        **rules,
    )
    forecast = year_end_figure(ret.forecast_figure, ret.actual_figure, at_year_end=ret.period.is_year_end)
    forecast_status = assess(forecast, year_end_target.figure if year_end_target else None, measure.good_is, **rules)
    by_hand = {
        name: getattr(ret, f"{name}_override_reason") for name in SET_BY_HAND if getattr(ret, f"{name}_override")
    }
    return Assessment(
        status=Status(ret.status_override) if ret.status_override else status,
        forecast_status=Status(ret.forecast_status_override) if ret.forecast_status_override else forecast_status,
        direction=direction(ret, comparison),
        overridden=frozenset(by_hand),
        reasons=tuple(sorted(by_hand.items())),
    )


def direction(ret: Return, comparison: Return | None) -> Direction:
    """Actions show Milestone; numbers compare with the comparison return; a direction set by hand wins."""
    by_hand = Direction(ret.direction_override) if ret.direction_override else None
    measure = ret.measure
    if measure.is_action:
        return by_hand or Direction.MILESTONE
    numbers = not measure.is_milestone
    return direction_of_travel(
        ret.actual if numbers else None,
        comparison.actual if numbers and comparison else None,
        measure.good_is,
        decimals=measure.decimals,
        by_hand=by_hand,
    )
