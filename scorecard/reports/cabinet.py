"""The Cabinet or Scrutiny covering paper (004): summary, recommendations, the traffic-light key, and the
dashboard and improvement report as appendices. Its narrative is drafted from the data and editable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import OrganisationSettings, Period
from scorecard.performance.bands import bands
from scorecard.performance.status import RATINGS, Status
from scorecard.reports.common import Masthead, Table, masthead
from scorecard.reports.dashboard import Dashboard, build_dashboard
from scorecard.reports.improvement import ImprovementReport, build_improvement_report

# The most characters each part of the narrative may hold: the drafted words are a few hundred, and a paper's
# covering note is a page or two. The form asks for them anonymously, so they are bounded like commentary.
NARRATIVE_LENGTHS = {"meeting": 200, "summary": 4_000, "recommendations": 4_000, "reason": 4_000}


@dataclass(frozen=True)
class Narrative:
    """The parts an officer may rewrite before the paper goes out."""

    meeting: str
    summary: str
    recommendations: str
    reason: str


@dataclass(frozen=True)
class CabinetPaper:
    masthead: Masthead
    narrative: Narrative
    key: list[tuple[Status, str]]
    dashboard: Dashboard
    improvement: ImprovementReport

    def sections(self) -> list[tuple[str, str]]:
        key = "\n".join(f"{status.label} – {meaning}" for status, meaning in self.key)
        return [
            ("Meeting", self.narrative.meeting),
            ("Summary", self.narrative.summary),
            ("Recommendations", self.narrative.recommendations),
            ("Reason for recommendations", self.narrative.reason),
            ("Traffic-light key", key),
            ("Appendices", "Appendix 1 – Council Scorecard dashboard\nAppendix 2 – Improvement report"),
        ]

    def tables(self) -> list[Table]:
        dashboard, improvement = self.dashboard.tables()[0], self.improvement.tables()[0]
        return [
            Table(f"Appendix 1 – {dashboard.title}", dashboard.columns, dashboard.rows),
            Table(f"Appendix 2 – {improvement.title}", improvement.columns, improvement.rows),
        ]


def build_cabinet_paper(
    period: Period,
    *,
    portfolio: str = "",
    narrative: Narrative | None = None,
    sight: WorkingSight = PUBLIC_SIGHT,
) -> CabinetPaper:
    dashboard = build_dashboard(period, portfolio=portfolio, sight=sight)
    improvement = build_improvement_report(period, sight=sight)
    title = f"Performance Reporting – {period.as_period.long_label}"
    key = traffic_light_key(period)
    return CabinetPaper(
        masthead=masthead(title, (portfolio and f"{portfolio} portfolio") or "Council Scorecard", period=period),
        narrative=narrative or drafted_narrative(period, dashboard, improvement, portfolio, [s for s, _ in key]),
        key=key,
        dashboard=dashboard,
        improvement=improvement,
    )


def drafted_narrative(
    period: Period,
    dashboard: Dashboard,
    improvement: ImprovementReport,
    portfolio: str,
    ratings: Sequence[Status] = RATINGS,
) -> Narrative:
    """The paper's words; ratings are the bands the council uses (no Blue where it has none)."""
    quarter = period.as_period.long_label
    counts = Counter(row.status for row in dashboard.rows)
    *most, last = [f"{counts[status]} {status.label}" for status in ratings]
    rated = f"{', '.join(most)} and {last}"
    in_portfolio = sum(dashboard.in_portfolio(row) for row in dashboard.rows)
    portfolio_note = f" {in_portfolio} of them are in the {portfolio} portfolio and are marked." if portfolio else ""
    return Narrative(
        meeting=f"{portfolio} Cabinet Member meeting" if portfolio else "Cabinet",
        summary=(
            f"This report sets out the Council Scorecard's performance for {quarter}. Appendix 1 is the "
            f"dashboard of all {len(dashboard.rows)} scorecard measures; at the end of the quarter, {rated}."
            f"{portfolio_note} Appendix 2 is the improvement report for the {len(improvement.rows)} measures "
            f"that meet this year's criterion: {improvement.criterion.lower()}. Officers responsible for those "
            "measures have explained the performance and the actions they are taking."
        ),
        recommendations=(
            f"1. To note the performance results for {quarter}.\n"
            "2. To review the measures in the improvement report and satisfy ourselves that the actions "
            "in place will bring performance back on track."
        ),
        reason=(
            "Reviewing performance each quarter lets the Council see early where it is falling short of its "
            "priorities and act while there is time to recover."
        ),
    )


def traffic_light_key(period: Period) -> list[tuple[Status, str]]:
    """The key, in words, from the organisation's bands and the year's setting for Completed."""
    found = bands(OrganisationSettings.load().tolerances, completed=period.year.completed)
    return [(band.status, band.meaning) for band in found]
