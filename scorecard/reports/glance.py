"""A quarter at a glance, for the home page: the dashboard's summary and the measures that need attention."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import Period
from scorecard.performance.status import Status
from scorecard.reports.dashboard import Summary, build_dashboard
from scorecard.reports.rows import MeasureRow

NEEDS_ATTENTION = (Status.RED, Status.AMBER)


@dataclass(frozen=True)
class Glance:
    period: Period
    summary: Summary
    attention: list[MeasureRow]  # Red, then Amber, against the quarter's target, each in the scorecard's order


def build_glance(period: Period, *, sight: WorkingSight = PUBLIC_SIGHT) -> Glance:
    dashboard = build_dashboard(period, group_by="directorate", sight=sight, spc=False)
    attention = [row for status in NEEDS_ATTENTION for row in dashboard.rows if row.status is status]
    return Glance(period, dashboard.summary, attention)
