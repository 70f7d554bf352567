"""A measure's SPC, built from its held series (spc.selectors): the XmR chart's points with their mean, limits
and point types, the variation and assurance icons' words, a sentence a councillor can read, and the chart's
annotations and segments; and the one-line summary the dashboard, the improvement report, the SPC summary page,
the API and the open data carry. The method and its words are performance.spc's; this only lays them out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from scorecard.performance import spc as method
from scorecard.reports.figures import NO_FIGURE, Figure, figure
from scorecard.spc.models import Annotation, Rebase
from scorecard.spc.selectors import HeldSeries

POINT_TYPES = {
    "common_cause": "Common cause",
    "special_cause_improvement": "Special cause: improvement",
    "special_cause_concern": "Special cause: concern",
    "special_cause_neutral_high": "Special cause: neutral, high",
    "special_cause_neutral_low": "Special cause: neutral, low",
}
CONCERNS = ("concern_high", "concern_low")


@dataclass(frozen=True)
class SpcPoint:
    period: str
    value: Figure
    mean: Figure
    lower: Figure
    upper: Figure
    target: Figure
    point_type: str
    rule: str
    starts_segment: bool = False


@dataclass(frozen=True)
class Note:
    """An annotation, placed at the chart's point for the quarter its date falls in (None: before the series)."""

    on: date
    text: str
    by: str
    step: int | None


@dataclass(frozen=True)
class SegmentStart:
    period: str
    reason: str
    by: str


@dataclass(frozen=True)
class Summary:
    """The icons of a measure's chart in words: what every report row carries."""

    variation: str  # performance.spc's code, e.g. "concern_low"; "" where there is no chart
    variation_words: str
    assurance: str  # "" where there is no target, or the measure is neutral
    assurance_words: str

    @property
    def is_concern(self) -> bool:
        return self.variation in CONCERNS


NOT_CHARTED = Summary("", "Not charted", "", "")


@dataclass(frozen=True)
class MeasureSpc:
    title: str
    unit_label: str
    points: tuple[SpcPoint, ...]
    summary: Summary
    sentence: str
    warnings: tuple[str, ...]
    annotations: tuple[Note, ...] = ()
    segments: tuple[SegmentStart, ...] = ()

    @property
    def description(self) -> str:
        """The chart's text alternative: what it shows, its latest limits and the icons' words."""
        latest = self.points[-1]
        limits = f"mean {latest.mean.text}, process limits {latest.lower.text} to {latest.upper.text}"
        shown = f"{len(self.points)} points from {self.points[0].period} to {latest.period}"
        return f"XmR chart of {self.title}: {shown}; latest {limits}. {self.sentence}"
