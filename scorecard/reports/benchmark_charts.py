"""Benchmark charts for a measure's profile: the council among its comparators in the latest year (a dot per
council, ours highlighted, the median marked), and over the years (our line against the group's median and the
middle half of the group). Each comes as charts.py's charts do: SVG, PNG, a text alternative and a table.

Ours is told apart by shape, size and name as well as colour; the median by a dashed line and its name.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from decimal import Decimal

from matplotlib.figure import Figure as Plot

from scorecard.performance.benchmark_words import ordinal
from scorecard.reports.charts import (
    INK,
    SECONDARY_INK,
    WIDTH_INCHES,
    Chart,
    _chart,
    _drawing,
    _number_cell,
    _period_axis,
    _plotted,
    _value_axis,
    with_own_ids,
)
from scorecard.reports.common import Table, count_cell, figure_cell, text
from scorecard.reports.figures import Figure

OURS = "#1d70b8"  # GOV.UK blue: the council itself
BAND = "#d2e2f1"  # the middle half of the group: a pale tint of ours, behind every line
GRIDLINE_FAINT = "#dee0e2"  # a guide along each council's row


@dataclass(frozen=True)
class Comparator:
    """One council of the group in one year: its name only where the group's membership may be shown."""

    name: str
    value: Decimal
    value_text: str
    rank: int | None  # None where the measure has no better direction
    ours: bool = False

    @property
    def place(self) -> str:
        return ordinal(self.rank) if self.rank else "–"


@dataclass(frozen=True)
class GroupYear:
    """The council and its group in one year: our figure, the group's median and its middle half."""

    period: str
    ours: Figure
    median: Figure
    lower_quartile: Figure
    upper_quartile: Figure
    counted: int  # how many councils of the group have a figure


# -- the latest year: a dot per council --------------------------------------------------------------------


def comparators_chart(
    title: str, comparators: list[Comparator], *, council: str, median: Figure, unit_label: str, description: str
) -> Chart:
    """One row per council, best first; description says where we stand, in the words of the profile."""
    return with_own_ids(_comparators_chart(title, tuple(comparators), council, median, unit_label, description))


@functools.lru_cache(maxsize=64)
def _comparators_chart(
    title: str, comparators: tuple[Comparator, ...], council: str, median: Figure, unit_label: str, description: str
) -> Chart:
    with _drawing():
        plot = _comparators_plot(list(comparators), council, median, unit_label)
        return _chart(title, description, plot, comparators_table(title, list(comparators)))


def _comparators_plot(comparators: list[Comparator], council: str, median: Figure, unit_label: str) -> Plot:
    plot = Plot(figsize=(WIDTH_INCHES, 1.2 + 0.32 * len(comparators)), layout="constrained")
    axes = plot.add_subplot()
    rows = range(len(comparators))
    theirs = [row for row in rows if not comparators[row].ours]
    ours = [row for row in rows if comparators[row].ours]
    values = [float(comparator.value) for comparator in comparators]
    axes.hlines(rows, 0, 1, transform=axes.get_yaxis_transform(), color=GRIDLINE_FAINT, linewidth=0.6, zorder=0)
    theirs_style = {"marker": "o", "markersize": 8, "markerfacecolor": "white", "label": "Comparator"}
    ours_style = {"marker": "D", "markersize": 11, "markerfacecolor": OURS, "label": f"{council} (us)", "zorder": 3}
    for chosen, style in ((theirs, theirs_style), (ours, ours_style)):
        dots = [values[row] for row in chosen]
        axes.plot(dots, chosen, linestyle="none", markeredgecolor=INK, markeredgewidth=1.2, **style)
    if median.value is not None:
        median_line = {"color": SECONDARY_INK, "linewidth": 2, "linestyle": (0, (6, 3))}
        axes.axvline(float(median.value), label=f"Group median {median.text}", **median_line)
    axes.set_yticks(list(rows), [_row_label(comparator) for comparator in comparators])
    for label, comparator in zip(axes.get_yticklabels(), comparators, strict=True):
        if comparator.ours:
            label.set_fontweight("bold")
    axes.invert_yaxis()  # rank 1, the best, at the top
    axes.tick_params(axis="y", length=0)
    _value_axis(axes, unit_label, values + ([float(median.value)] if median.value is not None else []), along="x")
    plot.legend(loc="outside upper left", ncols=3)
    return plot


def _row_label(comparator: Comparator) -> str:
    if comparator.ours:
        return f"{comparator.place} {comparator.name} (us)"
    return f"{comparator.place} {comparator.name}".strip()


def comparators_table(title: str, comparators: list[Comparator]) -> Table:
    rows = [
        [
            text(comparator.place),
            text(f"{comparator.name} (us)" if comparator.ours else comparator.name or "A comparator council"),
            _number_cell(comparator.value, comparator.value_text),
        ]
        for comparator in comparators
    ]
    return Table(title, ["Rank (1 = best)", "Council", "Figure"], rows)


# -- over the years: our line, the group's median and middle half -------------------------------------------


def over_time_chart(title: str, years: list[GroupYear], *, council: str, unit_label: str) -> Chart:
    return with_own_ids(_over_time_chart(title, tuple(years), council, unit_label))


@functools.lru_cache(maxsize=64)
def _over_time_chart(title: str, years: tuple[GroupYear, ...], council: str, unit_label: str) -> Chart:
    with _drawing():
        plot = _over_time_plot(list(years), council, unit_label)
        description = over_time_description(list(years), council)
        return _chart(title, description, plot, over_time_table(title, list(years), council))


def _over_time_plot(years: list[GroupYear], council: str, unit_label: str) -> Plot:
    plot = Plot(figsize=(WIDTH_INCHES, 4), layout="constrained")
    axes = plot.add_subplot()
    steps = range(len(years))
    lower = [_plotted(year.lower_quartile.value) for year in years]
    upper = [_plotted(year.upper_quartile.value) for year in years]
    medians = [_plotted(year.median.value) for year in years]
    ours = [_plotted(year.ours.value) for year in years]
    axes.fill_between(steps, lower, upper, color=BAND, label="Middle half of the group", zorder=1)
    axes.plot(steps, medians, color=SECONDARY_INK, linewidth=2, linestyle=(0, (6, 3)), label="Group median")
    axes.plot(steps, ours, color=OURS, linewidth=2.5, marker="D", markersize=8, markeredgecolor=INK, label=council)
    _period_axis(axes, [year.period for year in years])
    drawn = [value for value in lower + upper + medians + ours if not math.isnan(value)]
    _value_axis(axes, unit_label, drawn)
    plot.legend(loc="outside upper left", ncols=3)
    return plot


def over_time_description(years: list[GroupYear], council: str) -> str:
    if not years:
        return f"{council} against its comparators: no years held."
    each = "; ".join(_year_words(year, council) for year in years)
    return f"{council} against the median and middle half of its comparators, by year: {each}."


def _year_words(year: GroupYear, council: str) -> str:
    ours = f"{council} {year.ours.text}" if year.ours.text else f"no figure for {council}"
    band = f", middle half {year.lower_quartile.text} to {year.upper_quartile.text}" if year.lower_quartile.text else ""
    return f"{year.period} {ours}, median {year.median.text or 'none'}{band}"


def over_time_table(title: str, years: list[GroupYear], council: str) -> Table:
    rows = [
        [
            text(year.period),
            figure_cell(year.ours),
            figure_cell(year.median),
            figure_cell(year.lower_quartile),
            figure_cell(year.upper_quartile),
            count_cell(year.counted),
        ]
        for year in years
    ]
    columns = ["Year", council, "Group median", "Lower quartile", "Upper quartile", "Councils with a figure"]
    return Table(title, columns, rows)
