"""The annual results' summary (001): % met by pledge, % improved, traffic lights and directions."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.performance.summaries import (
    Directions,
    TrafficLights,
    direction_distribution,
    percent_improved,
    percent_met,
    traffic_light_distribution,
)
from scorecard.reports.rows import MeasureRow


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


def year_summary(year: str, rows: list[MeasureRow]) -> YearSummary:
    """The year's results from its quarter-4 rows (measure_rows of the year's Q4)."""
    names = list(dict.fromkeys(row.pledge for row in rows if row.pledge))
    measures = [row for row in rows if not row.is_action]
    return YearSummary(
        year=year,
        pledges=[summarise(name, [row for row in rows if row.pledge == name]) for name in names],
        overall=summarise("Summary", rows),
        traffic_lights=traffic_light_distribution(row.status for row in measures),
        directions=direction_distribution(row.direction for row in measures),
    )


def summarise(name: str, rows: list[MeasureRow]) -> PledgeSummary:
    return PledgeSummary(
        pledge=name,
        percent_met=percent_met(row.status for row in rows),
        percent_improved=percent_improved(row.direction for row in rows if not row.is_action),
    )
