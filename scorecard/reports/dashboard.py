"""The Council Scorecard dashboard (004 Appendix 2): every measure of the year's scorecard, grouped as the
reader chooses, with a chosen Cabinet portfolio's measures marked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import Directorate, OrganisationSettings, Period, Perspective, Pledge
from scorecard.reports.common import (
    EVERY_ROW,
    Cell,
    Group,
    Masthead,
    RowFilter,
    Table,
    figure_cell,
    grouped,
    listed,
    masthead,
    status_cell,
    text,
)
from scorecard.reports.rows import MeasureRow, measure_rows

GROUPINGS = {
    "perspective": ("Perspective", lambda row: row.perspective),
    "pledge": ("Pledge", lambda row: row.pledge),
    "directorate": ("Directorate", lambda row: row.directorate),
}
LISTED = {"perspective": Perspective, "pledge": Pledge, "directorate": Directorate}  # each grouping's own order
COLUMNS = [
    "Group",
    "Measure",
    "Good is",
    "Current target status",
    "Year-end forecast",
    "Year-end target",
    "Forecast year-end status",
    "Direction of travel",
    "In portfolio",
]


@dataclass(frozen=True)
class Dashboard:
    masthead: Masthead
    period: str
    group_by: str
    portfolio: str
    groups: list[Group]
    group_label: str = ""

    @property
    def rows(self) -> list[MeasureRow]:
        return [row for group in self.groups for row in group.rows]

    def in_portfolio(self, row: MeasureRow) -> bool:
        return bool(self.portfolio) and self.portfolio in row.portfolios

    @cached_property
    def marked(self) -> set[int]:
        """The measures in the chosen portfolio: shaded and marked in words. Worked out once: the page asks
        for every row, and working it out each time made the page quadratic in the number of measures."""
        return {row.measure_id for row in self.rows if self.in_portfolio(row)}

    def tables(self) -> list[Table]:
        columns = [self.group_label or GROUPINGS[self.group_by][0], *COLUMNS[1:]]
        rows = [self.table_row(group.name, row) for group in self.groups for row in group.rows]
        return [Table(self.masthead.title, columns, rows)]

    def table_row(self, group: str, row: MeasureRow) -> list[Cell]:
        return [
            text(group),
            text(row.reference),
            text(row.good_is),
            status_cell(row.status),
            figure_cell(row.forecast),
            figure_cell(row.year_end_target),
            status_cell(row.forecast_status),
            text(row.direction_label),
            text(f"Yes: {self.portfolio}" if self.in_portfolio(row) else ""),
        ]


def build_dashboard(
    period: Period,
    *,
    group_by: str = "perspective",
    portfolio: str = "",
    only: RowFilter = EVERY_ROW,
    sight: WorkingSight = PUBLIC_SIGHT,
) -> Dashboard:
    if group_by not in GROUPINGS:
        raise ValueError(f'"{group_by}" is not a grouping: use perspective, pledge or directorate')
    rows = [row for row in measure_rows(period, sight=sight) if not row.is_action and only.keeps(row)]
    return Dashboard(
        masthead=masthead("Council Scorecard Dashboard", period.as_quarter.long_label, period=period),
        period=period.label,
        group_by=group_by,
        portfolio=portfolio,
        groups=grouped(rows, GROUPINGS[group_by][1], order=listed(LISTED[group_by])),
        group_label=grouping_label(group_by),
    )


def grouping_label(group_by: str) -> str:
    """The heading of the group column: a directorate is called what the council calls it."""
    if group_by == "directorate":
        return OrganisationSettings.load().directorate_word
    return GROUPINGS[group_by][0]
