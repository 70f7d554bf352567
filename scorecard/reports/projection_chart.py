"""The measure profile's projection chart: the year so far, the projected year end with its range, and the target.

Drawn four ways like every chart (charts.Chart): SVG for the page, PNG for Word, a text alternative and a table.
The range is a bar with end caps and the words "Range" beside it, the projection a hollow diamond, the target a
dashed line named in the key: nothing is told by colour alone.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from decimal import Decimal

from matplotlib.figure import Figure as Plot

from scorecard.reports import charts
from scorecard.reports.common import Table, text

HEIGHT_INCHES = 3.5


@dataclass(frozen=True)
class YearSoFar:
    """What the chart shows, each number with the words it is printed in."""

    year: str
    periods: tuple[str, ...]  # every period of the year: Q1 … Q4
    recorded: tuple[tuple[Decimal, str], ...]  # the year so far, oldest first
    projected: tuple[Decimal, str]
    low: tuple[Decimal, str] | None
    high: tuple[Decimal, str] | None
    target: tuple[Decimal, str] | None
    range_words: str


def projection_chart(title: str, year: YearSoFar, *, unit_label: str) -> charts.Chart:
    return charts.with_own_ids(_projection_chart(title, year, unit_label))


@functools.lru_cache(maxsize=128)
def _projection_chart(title: str, year: YearSoFar, unit_label: str) -> charts.Chart:
    with charts.drawing():
        return charts.chart_of(title, description(year), _plot(year, unit_label), table(title, year))


def _plot(year: YearSoFar, unit_label: str) -> Plot:
    plot = Plot(figsize=(charts.WIDTH_INCHES, HEIGHT_INCHES), layout="constrained")
    axes = plot.add_subplot()
    steps = list(range(len(year.recorded)))
    end = len(year.periods) - 1
    recorded = [float(value) for value, _ in year.recorded]
    axes.plot(steps, recorded, color=charts.INK, linewidth=2, marker="o", label="The year so far")
    projected = float(year.projected[0])
    axes.plot([steps[-1], end], [recorded[-1], projected], color=charts.INK, linewidth=1.5, linestyle=":")
    if year.low is not None and year.high is not None:
        low, high = float(year.low[0]), float(year.high[0])
        bounds = [[projected - low], [high - projected]]
        axes.errorbar([end], [projected], yerr=bounds, fmt="none", ecolor=charts.INK, elinewidth=2, capsize=10,
                      capthick=2, label="Range")  # fmt: skip
        words = f"Range {year.low[1]} to {year.high[1]}"
        axes.annotate(words, (end, low), xytext=(0, -10), textcoords="offset points", ha="right", va="top",
                      bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})  # fmt: skip
    axes.plot([end], [projected], marker="D", markersize=9, markerfacecolor="white", color=charts.INK,
              linestyle="none", label="Projected year end")  # fmt: skip
    if year.target is not None:
        axes.axhline(float(year.target[0]), color=charts.SECONDARY_INK, linewidth=2, linestyle=(0, (6, 3)),
                     label="Year-end target")  # fmt: skip
    axes.set_xlim(-0.3, end + 0.3)
    axes.set_xticks(range(len(year.periods)), [f"{period}\n{year.year}" for period in year.periods])
    values = [*recorded, projected, *(float(v[0]) for v in (year.low, year.high, year.target) if v is not None)]
    charts.value_axis(axes, unit_label, [value for value in values if not math.isnan(value)])
    plot.legend(loc="outside upper left", ncols=4)
    return plot


def description(year: YearSoFar) -> str:
    so_far = ", ".join(f"{period} {shown}" for period, (_, shown) in zip(year.periods, year.recorded, strict=False))
    words = f"{year.year} so far: {so_far}. Projected year end {year.projected[1]}"
    if year.low is not None and year.high is not None:
        words += f", range {year.low[1]} to {year.high[1]} ({year.range_words[:1].lower()}{year.range_words[1:-1]})"
    target = f"year-end target {year.target[1]}" if year.target is not None else "no year-end target"
    return f"{words}; {target}."


def table(title: str, year: YearSoFar) -> Table:
    rows = [[text(period), text(shown)] for period, (_, shown) in zip(year.periods, year.recorded, strict=False)]
    rows.append([text("Projected year end"), text(year.projected[1])])
    if year.low is not None and year.high is not None:
        rows.append([text("Range"), text(f"{year.low[1]} to {year.high[1]}")])
    if year.target is not None:
        rows.append([text("Year-end target"), text(year.target[1])])
    return Table(f"{title}: the year so far and its projection", ["Quarter", "Value"], rows)
