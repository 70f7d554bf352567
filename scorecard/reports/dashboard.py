"""The Council Scorecard dashboard (004 Appendix 2): every measure of the year's scorecard, grouped as the
reader chooses, with a chosen Cabinet portfolio's measures marked, the quarter's figures beside its statuses,
and a summary of how many measures are in each band at its top."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from django.db.models import Count

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import DashboardColumn, Directorate, OrganisationSettings, Period, Perspective, Pledge
from scorecard.measures.models import ScorecardEntry
from scorecard.measures.selectors import has_blue_band
from scorecard.performance.status import RATINGS, Status
from scorecard.performance.summaries import StatusCounts, status_counts
from scorecard.reports.charts import SUMMARY_TITLE
from scorecard.reports.common import (
    BENCHMARK_HEADING,
    EVERY_ROW,
    Cell,
    Group,
    Masthead,
    RowFilter,
    Table,
    benchmark_cell,
    count_cell,
    figure_cell,
    grouped,
    listed,
    masthead,
    period_words,
    status_cell,
    text,
)
from scorecard.reports.figures import Figure
from scorecard.reports.rows import MeasureRow, measure_rows, revised_note, with_benchmarks
from scorecard.reports.spc import assurance_cell, variation_cell, with_spc

GROUPINGS = {
    "perspective": ("Perspective", lambda row: row.perspective),
    "pledge": ("Pledge", lambda row: row.pledge),
    "directorate": ("Directorate", lambda row: row.directorate),
}
LISTED = {"perspective": Perspective, "pledge": Pledge, "directorate": Directorate}  # each grouping's own order
NOT_RATED = "Not rated"


@dataclass(frozen=True)
class Column:
    key: str  # a DashboardColumn, or "" for a column every dashboard shows
    heading: str
    cell: Callable[[MeasureRow], Cell]
    kind: str = "text"  # or "figures" (right-aligned, heading and all), "status", "variation" or "assurance"
    # (an SPC icon beside its words); pages size columns by it


def figures(key: str, heading: str, value: Callable[[MeasureRow], Figure]) -> Column:
    return Column(key, heading, lambda row: figure_cell(value(row)), kind="figures")


def status(key: str, heading: str, value: Callable[[MeasureRow], Status]) -> Column:
    return Column(key, heading, lambda row: status_cell(value(row)), kind="status")


# In 004 Appendix 2's order, with the quarter's figures before its status and the comparison before direction.
COLUMNS = (
    Column("", "Measure", lambda row: text(row.reference)),
    Column(DashboardColumn.GOOD_IS, "Good is", lambda row: text(row.good_is)),
    figures(DashboardColumn.QUARTER_TARGET, "Quarterly target", lambda row: row.target),
    figures(DashboardColumn.QUARTER_ACTUAL, "Quarterly actual", lambda row: row.actual),
    status("", "Current target status", lambda row: row.status),
    figures(DashboardColumn.FORECAST, "Year-end forecast", lambda row: row.forecast),
    figures(DashboardColumn.YEAR_END_TARGET, "Year-end target", lambda row: row.year_end_target),
    status(DashboardColumn.FORECAST, "Forecast year-end status", lambda row: row.forecast_status),
    figures(DashboardColumn.COMPARISON, "Compared with", lambda row: row.previous_actual),
    Column(DashboardColumn.DIRECTION, "Direction of travel", lambda row: text(row.direction_label)),
    Column(DashboardColumn.BENCHMARK, BENCHMARK_HEADING, benchmark_cell),
    Column(DashboardColumn.SPC_VARIATION, "Variation", variation_cell, kind="variation"),
    Column(DashboardColumn.SPC_ASSURANCE, "Assurance", assurance_cell, kind="assurance"),
)
SPC_COLUMNS = (DashboardColumn.SPC_VARIATION, DashboardColumn.SPC_ASSURANCE)


@dataclass(frozen=True)
class Summary:
    """How many of the dashboard's measures are in each band this quarter: in words, numbers and a chart."""

    counts: StatusCounts
    bands: tuple[Status, ...]  # the council's bands: no Blue where there is no Blue band (and none is Blue)
    monthly: bool = False  # a month's dashboard: its words say month

    @property
    def title(self) -> str:
        return period_words(SUMMARY_TITLE, monthly=self.monthly)

    @property
    def lines(self) -> list[tuple[str, int, Status | None]]:
        """(label, how many, status) for each band, then the measures not rated."""
        return [(status.label, self.counts.of(status), status) for status in self.bands] + [
            (NOT_RATED, self.counts.not_rated, None)
        ]

    @property
    def words(self) -> str:
        total = self.counts.total
        if not total:
            return "No measures match these filters."
        *most, last = [f"{self.counts.of(status)} {status.label}" for status in self.bands]
        rated = f"{', '.join(most)} and {last}"
        measures = "measure" if total == 1 else "measures"
        not_rated = self.counts.not_rated
        unrated = f"; {not_rated} not rated (no target, not due this quarter or awaiting data)" if not_rated else ""
        said = f"Of {total} {measures}, against the quarter's target: {rated}{unrated}."
        return period_words(said, monthly=self.monthly)

    def table(self) -> Table:
        rows = [[text(label), count_cell(count)] for label, count, _ in self.lines]
        return Table("Summary", ["Status", "Measures"], rows)


@dataclass(frozen=True)
class Dashboard:
    masthead: Masthead
    period: str
    group_by: str
    portfolio: str
    groups: list[Group]
    columns: tuple[Column, ...]  # the organisation's choice, less the forecast where nobody forecasts
    summary: Summary
    group_label: str = ""

    @property
    def rows(self) -> list[MeasureRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def revised_note(self) -> str:
        return revised_note(self.rows)

    def in_portfolio(self, row: MeasureRow) -> bool:
        return bool(self.portfolio) and self.portfolio in row.portfolios

    @cached_property
    def marked(self) -> set[int]:
        """The measures in the chosen portfolio: shaded and marked in words. Worked out once: the page asks
        for every row, and working it out each time made the page quadratic in the number of measures."""
        return {row.measure_id for row in self.rows if self.in_portfolio(row)}

    @property
    def shows_spc(self) -> bool:
        """The Variation or Assurance column is shown: the page's table is laid out wider."""
        return any(column.key in SPC_COLUMNS for column in self.columns)

    @property
    def headings(self) -> list[str]:
        return [column.heading for column in self.columns]

    def cells(self, row: MeasureRow) -> list[tuple[Cell, str]]:
        """The row's cells after the measure, each with its column's kind, as the page and PDF lay them out
        beside the measure's link."""
        return [(column.cell(row), column.kind) for column in self.columns[1:]]

    def tables(self) -> list[Table]:
        group_heading = self.group_label or GROUPINGS[self.group_by][0]
        marked = ["In portfolio"] if self.portfolio else []  # no column of blanks where none is marked
        columns = [group_heading, *self.headings, *marked]
        rows = [self.table_row(group.name, row) for group in self.groups for row in group.rows]
        return [Table(self.masthead.title, columns, rows), self.summary.table()]

    def table_row(self, group: str, row: MeasureRow) -> list[Cell]:
        cells = [text(group), *(column.cell(row) for column in self.columns)]
        if self.portfolio:
            cells.append(text(f"Yes: {self.portfolio}" if self.in_portfolio(row) else ""))
        return cells


def groupings_used(year_id: int | None) -> list[str]:
    """The groupings the year's scorecard uses, in GROUPINGS' order: by perspective only where an entry is in
    a perspective, by pledge only where an entry has a priority, by directorate always."""
    if year_id is None:
        return ["directorate"]
    placed = ScorecardEntry.objects.filter(year=year_id).aggregate(
        perspective=Count("perspective"), pledge=Count("priority")
    )
    return [key for key in GROUPINGS if key == "directorate" or placed[key]]


def default_grouping(period: Period | None) -> str:
    """By perspective where the year's scorecard places measures in perspectives (004's layout), otherwise
    by directorate: a council without perspectives never sees one heading of every measure."""
    used = groupings_used(period.year_id if period else None)
    return "perspective" if "perspective" in used else "directorate"


def build_dashboard(
    period: Period,
    *,
    group_by: str = "",
    portfolio: str = "",
    only: RowFilter = EVERY_ROW,
    sight: WorkingSight = PUBLIC_SIGHT,
    spc: bool = True,
) -> Dashboard:
    """spc=False leaves out the SPC columns, for a caller that reads only the statuses (the home page's glance)."""
    group_by = group_by or default_grouping(period)
    if group_by not in GROUPINGS:
        raise ValueError(f'"{group_by}" is not a grouping: use perspective, pledge or directorate')
    organisation = OrganisationSettings.load()
    every = [row for row in measure_rows(period, sight=sight) if not row.is_action]
    if DashboardColumn.BENCHMARK in organisation.dashboard_columns:
        every = with_benchmarks(every, period.year.label)
    chosen = [column for column in organisation.dashboard_columns if spc or column not in SPC_COLUMNS]
    if only.variation or any(column in chosen for column in SPC_COLUMNS):
        every = with_spc(every, period, sight=sight)
    rows = [row for row in every if only.keeps(row)]
    return Dashboard(
        masthead=masthead("Council Scorecard Dashboard", period.as_period.long_label, period=period),
        period=period.label,
        group_by=group_by,
        portfolio=portfolio,
        groups=grouped(rows, GROUPINGS[group_by][1], order=listed(LISTED[group_by])),
        group_label=grouping_label(group_by),
        columns=columns_shown(chosen, every, monthly=bool(period.month)),
        summary=summary_of(rows, monthly=bool(period.month)),
    )


def grouping_label(group_by: str) -> str:
    """The heading of the group column: a directorate is called what the council calls it."""
    if group_by == "directorate":
        return OrganisationSettings.load().directorate_word
    return GROUPINGS[group_by][0]


def columns_shown(chosen: list[str], rows: list[MeasureRow], *, monthly: bool = False) -> tuple[Column, ...]:
    """The chosen columns, less any column of figures the quarter holds none of (so a council that does not
    forecast never reads a column of "No target" forecast statuses) and the benchmark where no measure has one;
    the comparison headed by its quarter; in a year collected monthly, "Monthly target" for "Quarterly target"."""
    shown = [column for column in COLUMNS if not column.key or column.key in chosen]
    may_be_empty = [column for column in shown if column.kind == "figures" or column.key == DashboardColumn.BENCHMARK]
    empty = {column.key for column in may_be_empty if not any_figure(column, rows)}
    shown = [replace(column, heading=period_words(column.heading, monthly=monthly)) for column in shown]
    return tuple(compared_by_quarter(column, rows) for column in shown if column.key not in empty)


def any_figure(column: Column, rows: list[MeasureRow]) -> bool:
    return any(column.cell(row).text for row in rows)


def compared_by_quarter(column: Column, rows: list[MeasureRow]) -> Column:
    """ "2017/18 Q2 actual" where every measure compares with the same quarter; otherwise each figure says
    which quarter it is from: measures may compare with last year's quarter or the previous one."""
    if column.key != DashboardColumn.COMPARISON:
        return column
    quarters = {row.compared_with for row in rows if row.compared_with}
    if len(quarters) == 1:
        return replace(column, heading=f"{quarters.pop()} actual")
    return replace(column, cell=lambda row: figure_cell(quarter_noted(row)))


def quarter_noted(row: MeasureRow):
    previous = row.previous_actual
    if not previous.text or not row.compared_with:
        return previous
    return replace(previous, text=f"{previous.text} ({row.compared_with})")


def summary_of(rows: list[MeasureRow], *, monthly: bool = False) -> Summary:
    """No Blue in the summary where the council has no Blue band (has_blue_band, as the filters ask) and none is
    Blue."""
    counts = status_counts(row.status for row in rows)
    has_blue = counts.blue > 0 or has_blue_band()
    bands = tuple(status for status in RATINGS if has_blue or status is not Status.BLUE)
    return Summary(counts, bands, monthly=monthly)
