"""The quarterly improvement report (000, 002, 003; 004 Appendix 3): the measures that meet the year's
inclusion criterion, grouped by directorate (in the council's word), with figures and the commentary the
organisation's rule asks for: the three commentaries, one note, or none."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import Directorate, OrganisationSettings, Period
from scorecard.performance.commentary import Commentary
from scorecard.performance.inclusion import in_improvement_report
from scorecard.reports.common import (
    EVERY_ROW,
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

FIGURE_COLUMNS = [
    "Measure",
    "Quarterly target status",
    "Forecast year-end status",
    "Quarterly target",
    "Quarterly actual",
    "Year-end target",
    "Year-end forecast",
    "Direction of travel",
]
COMMENTARY_COLUMNS = {
    "context": "Context for current performance",
    "improvement_actions": "Improvement actions taken",
    "intervention": "Intervention / review",
}


def commentary_columns(commentary: Commentary) -> list[tuple[str, str]]:
    """(field, heading) of each commentary column: one note is headed "Commentary"."""
    if commentary is Commentary.ONE:
        return [("context", "Commentary")]
    return [(name, COMMENTARY_COLUMNS[name]) for name in commentary.fields]


@dataclass(frozen=True)
class ImprovementReport:
    masthead: Masthead
    period: str
    criterion: str
    groups: list[Group]
    directorate_word: str = "Directorate"
    commentary: Commentary = Commentary.THREE

    @property
    def rows(self) -> list[MeasureRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def commentary_columns(self) -> list[tuple[str, str]]:
        return commentary_columns(self.commentary)

    def tables(self) -> list[Table]:
        columns = [self.directorate_word, *FIGURE_COLUMNS, *(heading for _, heading in self.commentary_columns)]
        return [Table(self.masthead.title, columns, [self.table_row(row) for row in self.rows])]

    def table_row(self, row: MeasureRow) -> list:
        return [*figure_cells(row), *(text(getattr(row, name)) for name, _ in self.commentary_columns)]


def build_improvement_report(
    period: Period, *, only: RowFilter = EVERY_ROW, sight: WorkingSight = PUBLIC_SIGHT
) -> ImprovementReport:
    criterion = period.year.criterion
    organisation = OrganisationSettings.load()
    rows = [
        row
        for row in measure_rows(period, sight=sight)
        if not row.is_action and in_improvement_report(row.status, row.forecast_status, criterion) and only.keeps(row)
    ]
    return ImprovementReport(
        masthead=masthead("Improvement Report – Council Scorecard", period.as_quarter.long_label, period=period),
        period=period.label,
        criterion=criterion.label,
        groups=grouped(rows, lambda row: row.directorate, order=listed(Directorate)),
        directorate_word=organisation.directorate_word,
        commentary=Commentary(organisation.commentary),
    )


def figure_cells(row: MeasureRow) -> list:
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
    ]
