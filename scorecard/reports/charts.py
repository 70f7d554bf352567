"""Charts for reports: a measure's actuals against its targets, and the annual results' traffic lights.

Each chart comes four ways: an inline SVG for pages, a PNG for Word, a text alternative, and the same
numbers as a table. Status is shown by colour, marker shape and words together, never by colour alone.
"""

from __future__ import annotations

import functools
import io
import math
import re
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from html import escape

import matplotlib
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.figure import Figure as Plot

from scorecard.performance.status import Status
from scorecard.performance.summaries import TrafficLights
from scorecard.reports.common import Cell, Table, figure_cell, status_cell, text
from scorecard.reports.figures import Figure, figure
from scorecard.reports.summary import YearSummary

matplotlib.use("Agg")  # a server has no screen

INK = "#0b0c0c"  # GOV.UK text colour
SECONDARY_INK = "#505a5f"
PALE = "#f3f2f1"  # GOV.UK light grey
GRIDLINE = "#b1b4b6"
WIDTH_INCHES = 10  # fits A4 landscape with margins
HEIGHT_INCHES = 4
PNG_DPI = 150

STYLE = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 11,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "legend.handletextpad": 0.5,
    "legend.columnspacing": 1.5,
    "svg.fonttype": "none",  # text stays text: selectable, searchable, read by screen readers
}

# A shape per rating, so a status reads in greyscale and to people who cannot tell the colours apart.
MARKERS = {Status.BLUE: "^", Status.GREEN: "o", Status.AMBER: "D", Status.RED: "s"}
UNRATED_MARKER = "o"  # drawn hollow, unlike Green's filled circle

GAP_WORDS = {"ha": "center", "va": "center", "color": SECONDARY_INK, "bbox": {"facecolor": PALE, "edgecolor": "none"}}

# matplotlib's settings are global to the process: draw one chart at a time.
_DRAWING = threading.Lock()


@dataclass(frozen=True)
class Chart:
    title: str
    description: str  # the text alternative: what the chart shows, with its key numbers
    svg: str  # an inline <svg> element for pages
    png: bytes  # for Word
    table: Table  # the same numbers, for people who would rather read them


@dataclass(frozen=True)
class TrendPoint:
    period: str
    actual: Decimal | None
    target: Decimal | None
    status: Status
    actual_text: str
    target_text: str


# -- a measure's trend ---------------------------------------------------------------------------------


def trend_chart(title: str, points: list[TrendPoint], *, unit_label: str) -> Chart:
    """Actuals as a line marked by status, targets as a dashed line, one period per step along the axis."""
    return with_own_ids(_trend_chart(title, tuple(points), unit_label))


@functools.lru_cache(maxsize=128)  # a chart depends on these alone: the same figures draw the same chart
def _trend_chart(title: str, points: tuple[TrendPoint, ...], unit_label: str) -> Chart:
    with _drawing():
        plot = _trend_plot(list(points), unit_label)
        return _chart(title, trend_description(title, list(points)), plot, trend_table(title, list(points)))


def _trend_plot(points: list[TrendPoint], unit_label: str) -> Plot:
    plot = Plot(figsize=(WIDTH_INCHES, HEIGHT_INCHES), layout="constrained")
    axes = plot.add_subplot()
    steps = range(len(points))
    actuals = [_plotted(point.actual) for point in points]
    targets = [_plotted(point.target) for point in points]
    axes.plot(steps, actuals, color=INK, linewidth=2, label="Actual", zorder=2.5)
    axes.plot(steps, targets, color=SECONDARY_INK, linewidth=2, linestyle=(0, (6, 3)), label="Target")
    for status in _statuses_shown(points):
        _mark_status(axes, points, status)
    _name_gaps(axes, points)
    _period_axis(axes, [point.period for point in points])
    _value_axis(axes, unit_label, [value for value in actuals + targets if not math.isnan(value)])
    plot.legend(loc="outside upper left", ncols=len(axes.get_lines()))
    return plot


def _plotted(value: Decimal | None) -> float:
    """Not a number leaves a gap in the line rather than joining across a missing period."""
    return math.nan if value is None else float(value)


def _statuses_shown(points: list[TrendPoint]) -> list[Status]:
    shown = {point.status for point in points if point.actual is not None}
    return sorted(shown, key=list(Status).index)


def _mark_status(axes: Axes, points: list[TrendPoint], status: Status) -> None:
    steps = [step for step, point in enumerate(points) if point.status is status and point.actual is not None]
    axes.plot(
        steps,
        [float(points[step].actual) for step in steps],
        linestyle="none",
        marker=MARKERS.get(status, UNRATED_MARKER),
        markersize=10,
        markerfacecolor=status.style.fill if status.is_rating else "white",
        markeredgecolor=INK,
        markeredgewidth=1.2,
        label=status.label,
        zorder=3,
    )


def _name_gaps(axes: Axes, points: list[TrendPoint]) -> None:
    """Shade a period with no actual and say why (Awaiting data, Annual), so the gap does not look like a fault."""
    rotation = 90 if len(points) > 6 else 0  # with more periods, words across would run into the next one
    for step, point in enumerate(points):
        if point.actual is None:
            words = "No actual" if point.status.is_rating else point.status.label
            axes.axvspan(step - 0.5, step + 0.5, color=PALE, zorder=0)
            axes.text(step, 0.5, words, transform=axes.get_xaxis_transform(), rotation=rotation, **GAP_WORDS)


def _period_axis(axes: Axes, periods: list[str]) -> None:
    axes.set_xticks(range(len(periods)), _period_labels(periods))
    axes.set_xlim(-0.5, max(len(periods), 1) - 0.5)
    axes.tick_params(axis="x", length=0)


def _period_labels(periods: list[str]) -> list[str]:
    """Past eight periods "2018/19 Q2" no longer fits: Q2 alone, with the year under the first of its quarters
    (and "April 2017": April alone, with the year under the first of its months)."""
    if len(periods) <= 8:
        return periods
    years = [_year_and_part(period)[0] for period in periods]
    return [
        _period_label(period, starts_year=step == 0 or years[step - 1] != years[step])
        for step, period in enumerate(periods)
    ]


def _year_and_part(period: str) -> tuple[str, str]:
    """("2018/19", "Q2") of a quarter's label; ("2017", "April") of a month's."""
    first, _, rest = period.partition(" ")
    if "/" in first or not rest:
        return first, rest
    return rest, first


def _period_label(period: str, *, starts_year: bool) -> str:
    year, part = _year_and_part(period)
    if not part:
        return period
    return f"{part}\n{year}" if starts_year else part


def _value_axis(axes: Axes, unit_label: str, values: list[float], *, along: str = "y") -> None:
    """The values' axis, up the side (y) or, for a chart of one row per council, along the bottom (x)."""
    axis, label, limits = (
        (axes.yaxis, axes.set_ylabel, axes.set_ylim) if along == "y" else (axes.xaxis, axes.set_xlabel, axes.set_xlim)
    )
    label(unit_label)
    axis.set_major_formatter(_tick_text)
    axis.set_major_locator(_value_ticks())
    axes.grid(axis=along, color=GRIDLINE, linewidth=0.8)
    axes.set_axisbelow(True)
    if values:
        limits(*_value_limits(values))


def _value_limits(values: list[float]) -> tuple[float, float]:
    """From a gridline to a gridline, with room around the markers so none is cut off by an edge."""
    low, high = min(values), max(values)
    room = (high - low) * 0.06 or abs(high) * 0.1 or 1
    ticks = _value_ticks().tick_values(0.0 if _starts_at_zero(values) else low - room, high + room)
    return ticks[0], ticks[-1]


def _value_ticks() -> ticker.MaxNLocator:
    return ticker.MaxNLocator(nbins=8, steps=[1, 2, 2.5, 5, 10])


def _starts_at_zero(values: list[float]) -> bool:
    """From zero, as Excel does, unless every value is in the top sixth, where zero would flatten the line."""
    return min(values) >= 0 and min(values) < max(values) * 5 / 6


def _tick_text(value: float, _position: int | None = None) -> str:
    """40,000 or 2.5: thousands separated, no trailing zeros."""
    return f"{value + 0.0:,.6f}".rstrip("0").rstrip(".")


def trend_description(title: str, points: list[TrendPoint]) -> str:
    recorded = [point for point in points if point.actual is not None]
    if not recorded:
        return f"Actual against target for {title}: no actuals recorded yet."
    opening = f"Actual against target for {title} in {_periods(points)}{_extremes(recorded)}{_gaps(points)}."
    latest = recorded[-1]
    rating = f" ({latest.status.label})" if latest.status.is_rating else ""
    return f"{opening} Latest, {latest.period}: {latest.actual_text} against {_target_words(latest)}{rating}."


def _periods(points: list[TrendPoint]) -> str:
    if len(points) == 1:
        return points[0].period
    return f"{len(points)} periods from {points[0].period} to {points[-1].period}"


def _extremes(recorded: list[TrendPoint]) -> str:
    if len(recorded) == 1:
        return ""
    highest = max(recorded, key=lambda point: point.actual)
    lowest = min(recorded, key=lambda point: point.actual)
    return (
        f": highest {highest.actual_text} in {highest.period} against {_target_words(highest)}, "
        f"lowest {lowest.actual_text} in {lowest.period} against {_target_words(lowest)}"
    )


def _gaps(points: list[TrendPoint]) -> str:
    missing = [point.period for point in points if point.actual is None]
    return f"; no actual for {_listed(missing)}" if missing else ""


def _target_words(point: TrendPoint) -> str:
    return f"a target of {point.target_text}" if point.target is not None else "no target"


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def trend_table(title: str, points: list[TrendPoint]) -> Table:
    rows = [
        [
            text(point.period),
            _number_cell(point.target, point.target_text),
            _number_cell(point.actual, point.actual_text),
            status_cell(point.status),
        ]
        for point in points
    ]
    return Table(title, ["Period", "Target", "Actual", "Status"], rows)


def _number_cell(value: Decimal | None, shown: str) -> Cell:
    printed = re.search(r"\d\.(\d+)", shown)
    return figure_cell(Figure(value, shown, decimals=len(printed.group(1)) if printed else 0))


# -- the annual results' traffic lights ----------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    column: str  # in the table
    legend: str
    share: str  # the TrafficLights field
    status: Status  # whose colours it takes
    hatch: str  # Green and Red are alike in greyscale: Red is striped too


SEGMENTS = (
    Segment("Met or exceeded", "Met or exceeded target (Blue or Green)", "met", Status.GREEN, ""),
    Segment("Amber", "Amber", "amber", Status.AMBER, ""),
    Segment("Red", "Red", "red", Status.RED, "//"),
)
DISTRIBUTION_TITLE = "Measures against target by year"


def segments(*, has_blue: bool) -> tuple[Segment, ...]:
    """The legend names Blue only where the council has a Blue band."""
    if has_blue:
        return SEGMENTS
    return (replace(SEGMENTS[0], legend="Met or exceeded target (Green)"), *SEGMENTS[1:])


def distribution_chart(summaries: list[YearSummary], *, has_blue: bool = True) -> Chart:
    """One stacked bar per year, in the order given, of measures met, Amber and Red (each adds up to 100%)."""
    shown = segments(has_blue=has_blue)
    with _drawing():
        plot, description = _distribution_plot(summaries, shown), distribution_description(summaries)
        return _chart(DISTRIBUTION_TITLE, description, plot, distribution_table(summaries))


def _distribution_plot(summaries: list[YearSummary], shown: tuple[Segment, ...] = SEGMENTS) -> Plot:
    # Each year's bar keeps its thickness however many years there are, up to the full height.
    plot = Plot(figsize=(WIDTH_INCHES, min(HEIGHT_INCHES, 0.9 + 0.6 * len(summaries))), layout="constrained")
    axes = plot.add_subplot()
    rows = range(len(summaries))
    starts = [0] * len(summaries)
    for segment in shown:
        shares = [_share(summary.traffic_lights, segment) for summary in summaries]
        _stack(axes, rows, starts, shares, segment)
        starts = [start + share for start, share in zip(starts, shares, strict=True)]
    _year_axis(axes, [summary.year for summary in summaries])
    plot.legend(loc="outside upper left", ncols=len(shown))
    return plot


def _share(lights: TrafficLights, segment: Segment) -> int:
    return getattr(lights, segment.share)


def _stack(axes: Axes, rows: range, starts: list[int], shares: list[int], segment: Segment) -> None:
    style = segment.status.style
    bars = axes.barh(rows, shares, left=starts, height=0.6, color=style.fill, edgecolor="white", hatch=segment.hatch)
    bars.set_label(segment.legend)
    # The label sits on a solid patch of the fill so the stripes do not run through the words.
    backing = {"facecolor": style.fill, "edgecolor": "none", "pad": 1.5}
    labels = [_segment_label(share, segment) for share in shares]
    axes.bar_label(bars, labels, label_type="center", color=style.text, bbox=backing if segment.hatch else None)


def _segment_label(share: int, segment: Segment) -> str:
    """The word as well as the number where it fits; nothing on a sliver too thin to hold it."""
    if share >= 15:
        return f"{segment.column.split()[0]} {share}%"
    return f"{share}%" if share >= 3 else ""


def _year_axis(axes: Axes, years: list[str]) -> None:
    axes.set_yticks(range(len(years)), years)
    axes.invert_yaxis()  # the first year given at the top, as in the table
    axes.set_xlim(0, 100)
    axes.xaxis.set_visible(False)  # every segment carries its own percentage
    axes.spines[["bottom", "left"]].set_visible(False)
    axes.tick_params(axis="y", length=0)


def distribution_description(summaries: list[YearSummary]) -> str:
    if not summaries:
        return "Measures against target: no years to show."
    years = "; ".join(_year_words(summary) for summary in summaries)
    return f"Share of rated measures that met or exceeded their target, were Amber or were Red, by year: {years}."


def _year_words(summary: YearSummary) -> str:
    lights = summary.traffic_lights
    return f"{summary.year} {lights.met}% met or exceeded, {lights.amber}% Amber, {lights.red}% Red"


def distribution_table(summaries: list[YearSummary]) -> Table:
    rows = [
        [text(summary.year), *(_percent_cell(_share(summary.traffic_lights, segment)) for segment in SEGMENTS)]
        for summary in summaries
    ]
    return Table(DISTRIBUTION_TITLE, ["Year", *(segment.column for segment in SEGMENTS)], rows)


def _percent_cell(share: int) -> Cell:
    return figure_cell(figure(Decimal(share), "percent", 0))


# -- the dashboard's summary: how many measures in each band ---------------------------------------------

SUMMARY_TITLE = "Measures by quarterly status"
HATCHES = {Status.RED: "//"}  # Green and Red are alike in greyscale: Red is striped, as in the annual chart


def status_count_chart(
    lines: list[tuple[str, int, Status | None]], description: str, table: Table, *, title: str = SUMMARY_TITLE
) -> Chart:
    """One bar per band (then the measures not rated), each named and counted in words beside it;
    table holds the same numbers."""
    return replace(with_own_ids(_status_count_chart(tuple(lines), description, title)), table=table)


@functools.lru_cache(maxsize=64)  # the home page shows the same counts to every visitor: draw them once
def _status_count_chart(lines: tuple[tuple[str, int, Status | None], ...], description: str, title: str) -> Chart:
    with _drawing():
        return _chart(title, description, _status_count_plot(list(lines)), Table(title, [], []))


def _status_count_plot(lines: list[tuple[str, int, Status | None]]) -> Plot:
    plot = Plot(figsize=(5, 0.5 + 0.38 * len(lines)), layout="constrained")
    axes = plot.add_subplot()
    most = max([count for _, count, _ in lines] + [1])
    for row, (_, count, status) in enumerate(lines):
        fill = status.style.fill if status else PALE
        hatch = HATCHES.get(status, "")
        axes.barh(row, count, height=0.7, color=fill, edgecolor=INK, linewidth=0.6, hatch=hatch)
        axes.text(count + most * 0.02, row, f"{count}", va="center", ha="left", color=INK)
    axes.set_yticks(range(len(lines)), [label for label, _, _ in lines])
    axes.invert_yaxis()  # in the order given, as in the table
    axes.set_xlim(0, most * 1.15)
    axes.xaxis.set_visible(False)  # every bar carries its own number
    axes.spines[["bottom", "left"]].set_visible(False)
    axes.tick_params(axis="y", length=0)
    return plot


# -- drawing and output --------------------------------------------------------------------------------


@contextmanager
def _drawing() -> Iterator[None]:
    with _DRAWING, matplotlib.rc_context(STYLE):
        yield


def with_own_ids(chart: Chart) -> Chart:
    """A chart drawn before, with ids of its own, so two charts on one page never share an id."""
    drawn_with = re.search(r"chart-[0-9a-f]{12}", chart.svg).group()
    return replace(chart, svg=chart.svg.replace(drawn_with, f"chart-{uuid.uuid4().hex[:12]}"))


def _chart(title: str, description: str, plot: Plot, table: Table) -> Chart:
    svg = accessible_svg(_saved(plot, "svg").decode(), title, description)
    return Chart(title=title, description=description, svg=svg, png=_saved(plot, "png"), table=table)


def _saved(plot: Plot, file_format: str) -> bytes:
    buffer = io.BytesIO()
    # No dates or software versions in the files, so the same figures give the same chart.
    metadata = {"Date": None} if file_format == "svg" else {"Software": None}
    plot.savefig(buffer, format=file_format, dpi=PNG_DPI, metadata=metadata)
    return buffer.getvalue()


def accessible_svg(source: str, title: str, description: str) -> str:
    """matplotlib's SVG made fit to inline in a page: no prolog, an accessible name and description,
    ids of its own (two charts on one page must not share one), and a size set by the page, not the file."""
    prefix = f"chart-{uuid.uuid4().hex[:12]}"
    svg = source[source.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    opening, rest = _styled_by_attributes(_prefixed_ids(svg, prefix)).split(">", 1)
    opening = re.sub(r'\s(?:width|height)="[^"]*"', "", opening) + MATPLOTLIB_DEFAULT_STYLE
    labels = f'<title id="{prefix}-title">{escape(title)}</title><desc id="{prefix}-desc">{escape(description)}</desc>'
    return f'{opening} role="img" aria-labelledby="{prefix}-title {prefix}-desc">{labels}{rest}'


# The rule matplotlib writes in a <style> element, as attributes every drawn element inherits.
MATPLOTLIB_STYLE_ELEMENT = '<style type="text/css">*{stroke-linejoin: round; stroke-linecap: butt}</style>'
MATPLOTLIB_DEFAULT_STYLE = ' stroke-linejoin="round" stroke-linecap="butt"'


def _styled_by_attributes(svg: str) -> str:
    """The Content Security Policy allows no inline styles, so each `style="fill: red; ..."` becomes SVG's own
    presentation attributes (`fill="red" ...`), which a policy does not govern and which draw the same."""
    return re.sub(r'\sstyle="([^"]*)"', _presentation_attributes, svg.replace(MATPLOTLIB_STYLE_ELEMENT, ""))


def _presentation_attributes(style: re.Match) -> str:
    declarations = (declaration.split(":", 1) for declaration in style.group(1).split(";") if declaration.strip())
    return "".join(f' {name.strip()}="{value.strip()}"' for name, value in declarations)


def _prefixed_ids(svg: str, prefix: str) -> str:
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\g<1>"', svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\g<1>"', svg)
    return re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\g<1>)", svg)


# What the charts of other modules (projection_chart) draw with: the one drawing lock, the output, the value axis.
drawing, chart_of, value_axis = _drawing, _chart, _value_axis
