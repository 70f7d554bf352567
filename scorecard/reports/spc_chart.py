"""A measure's XmR chart (issue 12 §4): its points coloured AND shaped by point type, the mean and process
limits of each segment, the target, where new segments start and the annotations; as an inline SVG, a PNG for
Word, a text alternative and a table of the same numbers, like every chart in reports/charts.py."""

from __future__ import annotations

import functools
import math

from matplotlib.axes import Axes
from matplotlib.figure import Figure as Plot

from scorecard.reports.charts import (
    HEIGHT_INCHES,
    INK,
    SECONDARY_INK,
    WIDTH_INCHES,
    Chart,
    _chart,
    _drawing,
    _period_axis,
    _value_axis,
    _value_ticks,
    with_own_ids,
)
from scorecard.reports.spc import POINT_TYPES, MeasureSpc, SpcPoint
from scorecard.reports.spc_icons import COMMON, CONCERN, IMPROVEMENT, NEUTRAL

# Colour and shape per point type: the shape alone tells them apart in greyscale.
POINT_STYLES = {
    "common_cause": (COMMON, "o"),
    "special_cause_improvement": (IMPROVEMENT, "^"),
    "special_cause_concern": (CONCERN, "v"),
    "special_cause_neutral_high": (NEUTRAL, "s"),
    "special_cause_neutral_low": (NEUTRAL, "D"),
}


def spc_chart(spc: MeasureSpc) -> Chart:
    return with_own_ids(_spc_chart(spc))


@functools.lru_cache(maxsize=64)  # the same figures and settings draw the same chart
def _spc_chart(spc: MeasureSpc) -> Chart:
    with _drawing():
        return _chart(spc.title, spc.description, _spc_plot(spc), spc.table())


def _spc_plot(spc: MeasureSpc) -> Plot:
    plot = Plot(figsize=(WIDTH_INCHES, HEIGHT_INCHES), layout="constrained")
    axes = plot.add_subplot()
    points = spc.points
    values = [_number(point.value.value) for point in points]
    axes.plot(range(len(points)), values, color=SECONDARY_INK, linewidth=1.2, zorder=2)
    _segment_lines(axes, points)
    targets = [_number(point.target.value) for point in points]
    if any(not math.isnan(target) for target in targets):
        axes.plot(range(len(points)), targets, color=INK, linewidth=1.5, linestyle=(0, (1, 2)), label="Target")
    for point_type in POINT_TYPES:
        _mark(axes, points, point_type)
    _boundaries(axes, spc)
    _period_axis(axes, [point.period for point in points])
    drawn = [f.value for p in points for f in (p.value, p.lower, p.upper, p.target) if f.value is not None]
    _value_axis(axes, spc.unit_label, [float(v) for v in drawn])
    _around_the_limits(axes, [float(v) for v in drawn])
    plot.legend(loc="outside upper left", ncols=4)
    return plot


def _around_the_limits(axes: Axes, values: list[float]) -> None:
    """From just below the lowest line or point to just above the highest: an XmR chart reads the spread
    about the mean, which starting from zero would flatten."""
    if values:
        low, high = min(values), max(values)
        room = (high - low) * 0.08 or abs(high) * 0.1 or 1
        ticks = _value_ticks().tick_values(low - room, high + room)
        axes.set_ylim(ticks[0], ticks[-1])


def _number(value) -> float:
    return math.nan if value is None else float(value)


def _segment_lines(axes: Axes, points: list[SpcPoint]) -> None:
    """Mean and process limits as steps per segment: a new segment's lines start afresh, never joined."""
    for number, segment in enumerate(_segments(points)):
        steps = [step - 0.4 for step in segment] + [segment[-1] + 0.4]
        first = points[segment[0]]
        means = [_number(points[step].mean.value) for step in segment] + [_number(first.mean.value)]
        mean_label = "Mean" if number == 0 else None
        axes.step(steps, means, where="post", color=INK, linewidth=1.5, label=mean_label)
        for limit, label in (("lower", "Process limits"), ("upper", None)):
            drawn = [_number(getattr(points[step], limit).value) for step in segment] + [
                _number(getattr(first, limit).value)
            ]
            shown = label if number == 0 else None
            axes.step(steps, drawn, where="post", color=SECONDARY_INK, linewidth=1.2, linestyle="--", label=shown)


def _segments(points: list[SpcPoint]) -> list[list[int]]:
    segments: list[list[int]] = []
    for step, point in enumerate(points):
        if not segments or point.starts_segment:
            segments.append([])
        segments[-1].append(step)
    return segments


def _mark(axes: Axes, points: list[SpcPoint], point_type: str) -> None:
    steps = [step for step, point in enumerate(points) if point.point_type == point_type]
    if not steps:
        return
    colour, marker = POINT_STYLES[point_type]
    axes.plot(
        steps,
        [float(points[step].value.value) for step in steps],
        linestyle="none",
        marker=marker,
        markersize=8 if point_type == "common_cause" else 10,
        markerfacecolor=colour,
        markeredgecolor=INK if point_type != "common_cause" else colour,
        label=POINT_TYPES[point_type],
        zorder=3,
    )


def _boundaries(axes: Axes, spc: MeasureSpc) -> None:
    """A new segment is a solid line labelled where it starts; an annotation a dotted line with its number,
    explained beneath the chart."""
    for step, point in enumerate(spc.points):
        if point.starts_segment:
            axes.axvline(step - 0.5, color=INK, linewidth=1)
            axes.text(step - 0.45, 0.98, "New segment", transform=axes.get_xaxis_transform(), va="top", fontsize=9)
    for number, note in enumerate(spc.annotations, start=1):
        if note.step is not None:
            axes.axvline(note.step, color=SECONDARY_INK, linewidth=1, linestyle=":")
            axes.text(note.step, 0.02, f"{number}", transform=axes.get_xaxis_transform(), ha="center", fontsize=9)
