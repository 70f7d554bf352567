"""A measure's SPC, built from its held series (spc.selectors): the XmR chart's points with their mean, limits
and point types, the variation and assurance icons' words, a sentence a councillor can read, and the chart's
annotations and segments; and the one-line summary the dashboard, the improvement report, the SPC summary page,
the API and the open data carry. The method and its words are performance.spc's; this only lays them out."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from scorecard.accounts.permissions import WorkingSight
from scorecard.council.models import Period
from scorecard.measures.models import Measure, ScorecardEntry
from scorecard.performance import spc as method
from scorecard.performance import spc_words as words
from scorecard.performance.assessment import Frequency
from scorecard.performance.periods import Quarter
from scorecard.performance.spc_series import ChartSeries, Recorded, chart_series
from scorecard.reports.common import Cell, Table, figure_cell, text
from scorecard.reports.figures import NO_FIGURE, Figure, figure, printing
from scorecard.reports.rows import MeasureRow
from scorecard.spc.models import Annotation, Rebase
from scorecard.spc.selectors import HeldSeries, held_series, series_version

POINT_TYPES = {point_type.value: said for point_type, said in words.POINT_TYPE_WORDS.items()}
TABLE_COLUMNS = ["Period", "Value", "Mean", "Lower process limit", "Upper process limit", "Target", "Point", "Rule"]


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

    @property
    def point_words(self) -> str:
        return POINT_TYPES.get(self.point_type, "")

    def cells(self) -> list[Cell]:
        value = figure_cell(self.value) if self.value.is_number else text("No figure")
        numbers = [figure_cell(figure) for figure in (self.mean, self.lower, self.upper, self.target)]
        return [text(self.period), value, *numbers, text(self.point_words), text(self.rule)]


@dataclass(frozen=True)
class Note:
    """An annotation, placed at the chart's point for the quarter its date falls in (None: before the series)."""

    on: date
    text: str
    step: int | None


@dataclass(frozen=True)
class SegmentStart:
    period: str
    reason: str


@dataclass(frozen=True)
class Summary:
    """The icons of a measure's chart in words: what every report row carries."""

    variation: str  # performance.spc's code, e.g. "concern_low"; "" where there is no chart
    variation_words: str
    assurance: str  # "" where there is no target, or the measure is neutral
    assurance_words: str


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

    def table(self) -> Table:
        """The chart's numbers, for people who would rather read them, and for Excel and CSV."""
        return Table(f"SPC chart: {self.title}", TABLE_COLUMNS, [point.cells() for point in self.points])


def variation_cell(row: MeasureRow) -> Cell:
    return text(row.spc.variation_words if row.spc else "")


def assurance_cell(row: MeasureRow) -> Cell:
    return text(row.spc.assurance_words if row.spc else "")


def with_spc(rows: list[MeasureRow], period: Period, *, sight: WorkingSight) -> list[MeasureRow]:
    """The rows, each with its measure's SPC icons as of the quarter: a fixed number of queries for any number."""
    summaries = spc_summaries(period, sight, series_version(period))
    return [replace(row, spc=summaries[row.measure_id]) if row.measure_id in summaries else row for row in rows]


@functools.lru_cache(maxsize=32)
def spc_summaries(period: Period, sight: WorkingSight, version: tuple) -> dict[int, Summary]:
    """Every measure's icons in the quarter's scorecard, as the person with this sight is shown them. Kept for
    as long as nothing they are read from changes (version, from spc.selectors.series_version): a published
    quarter's dashboard then reads thousands of figures once, not on every visit (issue 12 §6)."""
    measures = list(Measure.objects.filter(entries__year=period.year_id))
    measure_ids = ScorecardEntry.objects.filter(year=period.year_id).values("measure_id")
    series = held_series(measures, measure_ids, upto=period, sight=sight)
    return {measure_id: spc_summary(held) for measure_id, held in series.items()}


def spc_summary(series: HeldSeries) -> Summary:
    """The icons' words for a report row; the same chart as the profile's, worked out from the same series."""
    if not series.charted or not series.periods:
        return NOT_CHARTED
    variation, assurance = icons(
        tuple(series.actuals),
        tuple(series.targets),
        tuple(positions_of(series)),
        series.measure.accumulation,
        method.improvement_for(series.measure.polarity),
        tuple(series.rebases),
        series.fix_after,
    )
    return summary_of(variation, assurance)


@functools.lru_cache(maxsize=20_000)  # a published quarter's series do not change: each chart worked out once
def icons(actuals, targets, positions, accumulation, improvement, rebases, fix_after) -> tuple:
    values, own_targets = (own_series(recorded, positions, accumulation).values for recorded in (actuals, targets))
    chart = method.xmr(values, improvement, target=own_targets, rebase_at=rebases, fix_after=fix_after)
    return chart.variation, chart.shown_assurance


def summary_of(variation, assurance) -> Summary:
    if variation is None:  # charted, but no value to chart yet (each a gap)
        return Summary("", words.variation_words(None), "", "")
    return Summary(
        variation=variation.value,
        variation_words=words.variation_words(variation),
        assurance=assurance.value if assurance else "",
        assurance_words=words.assurance_words(assurance),
    )


def measure_spc(
    series: HeldSeries, *, title: str, annotations: list[Annotation] = (), rebases: list[Rebase] = ()
) -> MeasureSpc | None:
    """The profile's chart: every point with its limits and type, the icons, the sentence and the warnings; None
    where the measure is not charted or has no value to chart."""
    if not series.charted or not series.periods:
        return None
    values, targets = charted_values(series)
    improvement = method.improvement_for(series.measure.polarity)
    chart = method.xmr(values, improvement, target=targets, rebase_at=series.rebases, fix_after=series.fix_after)
    if chart.latest is None:  # every point a gap (a year-to-date figure with no quarter before it): nothing to draw
        return None
    shown = printing(series.measure)
    said = functools.partial(printed, shown=shown)
    starts = set(series.rebases)
    points = tuple(
        spc_point(period.label, point, shown, starts_segment=step in starts)
        for step, (period, point) in enumerate(zip(series.periods, chart.points, strict=True))
    )
    return MeasureSpc(
        title=title,
        unit_label=series.measure.unit_label or series.measure.get_unit_display(),
        points=points,
        summary=summary_of(chart.variation, chart.shown_assurance),
        sentence=words.chart_sentence(chart, said),
        warnings=tuple(series_warnings(series)),
        annotations=tuple(notes(series.periods, annotations)),
        segments=tuple(SegmentStart(rebase.period.label, rebase.reason) for rebase in rebases),
    )


def spc_point(period: str, point: method.Point, shown: dict, *, starts_segment: bool) -> SpcPoint:
    return SpcPoint(
        period=period,
        value=number(point.value, shown),
        mean=number(point.mean, shown, more=1),
        lower=number(point.lower, shown, more=1),
        upper=number(point.upper, shown, more=1),
        target=number(point.target, shown),
        point_type=point.point_type.value if point.point_type else "",
        rule=words.rule_words(point.rule, point.high),
        starts_segment=starts_segment,
    )


def charted_values(series: HeldSeries) -> tuple[list, list]:
    """Each quarter's own value and target (a year-to-date figure less the quarter before's), gaps kept."""
    values, targets = own_values(series)
    return list(values.values), list(targets.values)


def own_values(series: HeldSeries) -> tuple[ChartSeries, ChartSeries]:
    positions, accumulation = positions_of(series), series.measure.accumulation
    return own_series(series.actuals, positions, accumulation), own_series(series.targets, positions, accumulation)


def own_series(recorded, positions, accumulation: str) -> ChartSeries:
    return chart_series([Recorded(p, v) for p, v in zip(positions, recorded, strict=True)], accumulation)


def positions_of(series: HeldSeries) -> list[int]:
    """Each point's place in its year (spc_series.Recorded.position): the month in a year collected monthly, else
    the quarter, or 1 for a yearly figure."""
    yearly = Frequency(series.measure.frequency) not in (Frequency.MONTHLY, Frequency.QUARTERLY)
    return [1 if yearly else period.month or period.quarter for period in series.periods]


def series_warnings(series: HeldSeries) -> list[str]:
    """What a reader should know before reading the chart: points that are not independent, and gaps."""
    values, _ = own_values(series)
    gaps = sum(value is None for value in values.values)
    warning = values.warning
    missing = f"{gaps} of the chart's {len(series.periods)} points have no figure: they are gaps, not filled in."
    return [said for said in (warning, missing if gaps else "") if said]


def printed(value: float, *, shown: dict) -> str:
    """A figure in the chart's sentence, which names means and limits too: with one more decimal place than the
    measure's own figures, as the chart's table prints means and limits."""
    return number(value, shown, more=1).text


def number(value: float | None, shown: dict, *, more: int = 0) -> Figure:
    """A chart's number printed as the measure's figures are; a mean or limit with one more decimal place."""
    if value is None:
        return NO_FIGURE
    decimals = shown["decimals"] + more
    return figure(Decimal(f"{value:.{decimals + 2}f}"), shown["unit"], decimals, label=shown["label"])


def notes(periods: list, annotations: list[Annotation]) -> list[Note]:
    """Each annotation at the point of the quarter (or, for an annual measure, the year) its date falls in;
    before or after the series, at no point."""
    steps = {(period.year.start_year, period.quarter): step for step, period in enumerate(periods)}
    years = {period.year.start_year: step for step, period in enumerate(periods)}  # an annual measure's point
    placed = []
    for annotation in annotations:
        quarter = Quarter.containing(annotation.on)
        step = steps.get((quarter.year.start_year, quarter.number), years.get(quarter.year.start_year))
        placed.append(Note(annotation.on, annotation.note, step))
    return placed
