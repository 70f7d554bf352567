"""The quarterly improvement report (000, 002, 003; 004 Appendix 3): the measures that meet the year's
inclusion criterion, grouped by directorate (in the council's word), with figures and the commentary the
organisation's rule asks for: the three commentaries, one note, or none. A quarter where no measure has a
forecast has no forecast columns (as the dashboard drops its empty figure columns)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import Directorate, OrganisationSettings, Period
from scorecard.performance.commentary import Commentary
from scorecard.performance.inclusion import in_improvement_report
from scorecard.performance.patterns import how_often
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
    period_words,
    status_cell,
    text,
)
from scorecard.reports.rows import MeasureRow, measure_rows
from scorecard.reports.spc import assurance_cell, variation_cell, with_spc
from scorecard.returns.projections import ReturnProjection, quarter_projections

FIGURE_COLUMNS: list[tuple[str, Callable[[MeasureRow], Cell]]] = [
    ("Measure", lambda row: text(row.reference)),
    ("Quarterly target status", lambda row: status_cell(row.status)),
    ("Forecast year-end status", lambda row: status_cell(row.forecast_status)),
    ("Quarterly target", lambda row: figure_cell(row.target)),
    ("Quarterly actual", lambda row: figure_cell(row.actual)),
    ("Year-end target", lambda row: figure_cell(row.year_end_target)),
    ("Year-end forecast", lambda row: figure_cell(row.forecast)),
    ("Projected year end", lambda row: text(row.projected)),
    ("Required run rate", lambda row: text(row.run_rate)),
    ("Direction of travel", lambda row: text(row.direction_label)),
]
# Shown only where a measure of the quarter has a forecast: the projection and run rate stand beside the forecast.
FORECAST_COLUMNS = ("Forecast year-end status", "Year-end forecast", "Projected year end", "Required run rate")
SPC_COLUMNS = [("Variation", variation_cell), ("Assurance", assurance_cell)]  # where the organisation shows SPC
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
    forecasts: bool = True  # a measure of the quarter has a forecast: the forecast columns show
    spc: bool = False  # the variation and assurance of each measure's SPC chart show
    monthly: bool = False  # a month's report, in a year collected monthly: its headings say month

    @property
    def period_word(self) -> str:
        """How the headings call the period's figures: Quarterly, or Monthly."""
        return period_words("Quarterly", monthly=self.monthly)

    @property
    def rows(self) -> list[MeasureRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def commentary_columns(self) -> list[tuple[str, str]]:
        return commentary_columns(self.commentary)

    @property
    def figure_columns(self) -> list[tuple[str, Callable[[MeasureRow], Cell]]]:
        shown = [
            (period_words(heading, monthly=self.monthly), cell)
            for heading, cell in FIGURE_COLUMNS
            if self.forecasts or heading not in FORECAST_COLUMNS
        ]
        return shown + SPC_COLUMNS if self.spc else shown

    def tables(self) -> list[Table]:
        figures = [heading for heading, _ in self.figure_columns]
        columns = [self.directorate_word, *figures, *(heading for _, heading in self.commentary_columns)]
        return [Table(self.masthead.title, columns, [self.table_row(row) for row in self.rows])]

    def table_row(self, row: MeasureRow) -> list:
        return [
            text(row.directorate),
            *(cell(row) for _, cell in self.figure_columns),
            *(text(getattr(row, name)) for name, _ in self.commentary_columns),
        ]


def build_improvement_report(
    period: Period, *, only: RowFilter = EVERY_ROW, sight: WorkingSight = PUBLIC_SIGHT
) -> ImprovementReport:
    criterion = period.year.criterion
    organisation = OrganisationSettings.load()
    measures = [row for row in measure_rows(period, sight=sight) if not row.is_action]
    spc = organisation.improvement_report_spc
    if spc or only.variation:
        measures = with_spc(measures, period, sight=sight)
    rows = [
        row for row in measures if in_improvement_report(row.status, row.forecast_status, criterion) and only.keeps(row)
    ]
    forecasts = any(row.forecast.text for row in measures)
    return ImprovementReport(
        masthead=masthead("Improvement Report – Council Scorecard", period.as_period.long_label, period=period),
        period=period.label,
        criterion=period_words(criterion.label, monthly=bool(period.month)),
        groups=grouped(
            with_projections(rows, period, sight) if forecasts else rows,
            lambda row: row.directorate,
            order=listed(Directorate),
        ),
        directorate_word=organisation.directorate_word,
        commentary=Commentary(organisation.commentary),
        forecasts=forecasts,
        spc=spc,
        monthly=bool(period.month),
    )


def with_projections(rows: list[MeasureRow], period: Period, sight: WorkingSight) -> list[MeasureRow]:
    """The projection and required run rate beside each listed measure's forecast (issue 15), or why there is none."""
    found = quarter_projections(period, {row.measure_id: row.year_end_target for row in rows}, sight=sight)
    return [
        replace(row, projected=projected_words(found[row.measure_id]), run_rate=run_rate_words(found[row.measure_id]))
        for row in rows
    ]


def projected_words(projected: ReturnProjection) -> str:
    """ "1,100 (share of year; range 1,050 to 1,150, holds the year end about 2 years in 3)", or why there is none."""
    if projected.projection is None:
        return projected.reason
    method = projected.projection.method.value
    if not projected.range_text:
        return f"{projected.value} ({method}; no range yet)"
    return f"{projected.value} ({method}; range {projected.range_text}, {how_often(projected.projection.coverage)})"


def run_rate_words(projected: ReturnProjection) -> str:
    return projected.run_rate.words if projected.run_rate else ""
