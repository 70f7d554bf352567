"""The annual results' summary (001): % met by pledge, % improved, traffic lights and directions."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.council.models import FinancialYear, Period
from scorecard.measures.models import ScorecardEntry
from scorecard.performance.summaries import (
    Directions,
    TrafficLights,
    direction_distribution,
    percent_improved,
    percent_met,
    traffic_light_distribution,
)
from scorecard.returns.selectors import AssessedReturn, assessed_returns


@dataclass(frozen=True)
class PledgeSummary:
    pledge: str
    percent_met: int | None  # measures and actions: met or exceeded target / on track or completed
    percent_improved: int | None  # measures only


@dataclass(frozen=True)
class YearSummary:
    year: str
    pledges: list[PledgeSummary]
    overall: PledgeSummary
    traffic_lights: TrafficLights  # measures with a rating
    directions: Directions  # measures with a direction


def year_summary(year: FinancialYear) -> YearSummary:
    """The year's results at quarter 4, for the measures and actions in the year's scorecard."""
    period = Period.objects.select_related("year").get(year=year, quarter=4)
    pledges = {
        entry.measure_id: entry.priority.pledge.name if entry.priority else None
        for entry in ScorecardEntry.objects.filter(year=year).select_related("priority__pledge")
    }
    assessed = [item for item in assessed_returns(period) if item.ret.measure_id in pledges]
    names = list(dict.fromkeys(name for name in pledges.values() if name))
    by_pledge = [summarise(name, [item for item in assessed if pledges[item.ret.measure_id] == name]) for name in names]
    measures = [item.assessment for item in assessed if not item.ret.measure.is_action]
    return YearSummary(
        year=year.label,
        pledges=by_pledge,
        overall=summarise("Summary", assessed),
        traffic_lights=traffic_light_distribution(a.status for a in measures),
        directions=direction_distribution(a.direction for a in measures),
    )


def summarise(name: str, assessed: list[AssessedReturn]) -> PledgeSummary:
    return PledgeSummary(
        pledge=name,
        percent_met=percent_met(item.assessment.status for item in assessed),
        percent_improved=percent_improved(
            item.assessment.direction for item in assessed if not item.ret.measure.is_action
        ),
    )
