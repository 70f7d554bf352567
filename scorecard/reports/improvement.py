"""The quarterly improvement report (000, 002, 003; 004 Appendix 3): the measures that meet the year's
inclusion criterion, grouped by directorate, with figures and the three commentaries."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import Period
from scorecard.performance.inclusion import in_improvement_report
from scorecard.reports.common import (
    EVERY_ROW,
    Group,
    Masthead,
    RowFilter,
    Table,
    figure_cell,
    grouped,
    masthead,
    status_cell,
    text,
)
from scorecard.reports.rows import MeasureRow, measure_rows

COLUMNS = [
    "Directorate",
    "Measure",
    "Quarterly target status",
    "Forecast year-end status",
    "Quarterly target",
    "Quarterly actual",
    "Year-end target",
    "Year-end forecast",
    "Direction of travel",
    "Context for current performance",
    "Improvement actions taken",
    "Intervention / review",
]


@dataclass(frozen=True)
class ImprovementReport:
    masthead: Masthead
    period: str
    criterion: str
    groups: list[Group]

    @property
    def rows(self) -> list[MeasureRow]:
        return [row for group in self.groups for row in group.rows]

    def tables(self) -> list[Table]:
        return [Table(self.masthead.title, COLUMNS, [table_row(row) for row in self.rows])]


def build_improvement_report(
    period: Period, *, only: RowFilter = EVERY_ROW, sight: WorkingSight = PUBLIC_SIGHT
) -> ImprovementReport:
    criterion = period.year.criterion
    rows = [
        row
        for row in measure_rows(period, sight=sight)
        if not row.is_action and in_improvement_report(row.status, row.forecast_status, criterion) and only.keeps(row)
    ]
    return ImprovementReport(
        masthead=masthead("Improvement Report – Council Scorecard", period.as_quarter.long_label, period=period),
        period=period.label,
        criterion=criterion.label,
        groups=grouped(rows, lambda row: row.directorate),
    )


def table_row(row: MeasureRow) -> list:
    return [
        text(row.directorate),
        text(row.reference),
        status_cell(row.status),
        status_cell(row.forecast_status),
        figure_cell(row.target),
        figure_cell(row.actual),
        figure_cell(row.year_end_target),
        figure_cell(row.forecast),
        text(row.direction_label),
        text(row.context),
        text(row.improvement_actions),
        text(row.intervention),
    ]
