"""The SPC summary (Making Data Count's "summary icons" view, issue 12 §4): every measure with a series as one
row of its quarterly status, variation and assurance, grouped as the dashboard is, each linking to its profile."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import Period
from scorecard.reports.common import (
    EVERY_ROW,
    Group,
    Masthead,
    RowFilter,
    Table,
    grouped,
    listed,
    masthead,
    status_cell,
    text,
)
from scorecard.reports.dashboard import GROUPINGS, LISTED, default_grouping, grouping_label
from scorecard.reports.rows import MeasureRow, measure_rows
from scorecard.reports.spc import assurance_cell, variation_cell, with_spc

COLUMNS = ["Measure", "Current target status", "Variation", "Assurance"]


@dataclass(frozen=True)
class SpcSummary:
    masthead: Masthead
    period: str
    group_by: str
    group_label: str
    groups: list[Group]
    not_charted: int  # measures of the scorecard with no chart: switched off, milestones, or no figures yet

    @property
    def rows(self) -> list[MeasureRow]:
        return [row for group in self.groups for row in group.rows]

    def tables(self) -> list[Table]:
        rows = [
            [text(group.name), text(row.reference), status_cell(row.status), variation_cell(row), assurance_cell(row)]
            for group in self.groups
            for row in group.rows
        ]
        return [Table(self.masthead.title, [self.group_label, *COLUMNS], rows)]


def build_spc_summary(
    period: Period, *, group_by: str = "", only: RowFilter = EVERY_ROW, sight: WorkingSight = PUBLIC_SIGHT
) -> SpcSummary:
    group_by = group_by or default_grouping(period)
    if group_by not in GROUPINGS:
        raise ValueError(f'"{group_by}" is not a grouping: use perspective, pledge or directorate')
    measures = with_spc([row for row in measure_rows(period, sight=sight) if not row.is_action], period, sight=sight)
    charted = [row for row in measures if row.spc is not None and row.spc.variation]
    rows = [row for row in charted if only.keeps(row)]
    return SpcSummary(
        masthead=masthead("SPC summary: variation and assurance", period.as_period.long_label, period=period),
        period=period.label,
        group_by=group_by,
        group_label=grouping_label(group_by),
        groups=grouped(rows, GROUPINGS[group_by][1], order=listed(LISTED[group_by])),
        not_charted=len(measures) - len(charted),
    )
