"""Each report with what its layouts need: its content template and its charts.

The web pages and the command line both start here, so a report looks the same however it is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import FinancialYear, Period
from scorecard.measures.models import Measure
from scorecard.reports import charts
from scorecard.reports.annual import build_annual_results
from scorecard.reports.benchmark_charts import comparators_chart, over_time_chart
from scorecard.reports.benchmark_profile import BenchmarkSection
from scorecard.reports.cabinet import Narrative, build_cabinet_paper
from scorecard.reports.common import EVERY_ROW, RowFilter
from scorecard.reports.dashboard import Summary, build_dashboard
from scorecard.reports.glance import build_glance
from scorecard.reports.improvement import build_improvement_report
from scorecard.reports.profile import MeasureProfile, build_measure_profile
from scorecard.reports.projection_chart import projection_chart
from scorecard.reports.spc_chart import spc_chart
from scorecard.reports.spc_summary import build_spc_summary


@dataclass(frozen=True)
class Output:
    report: object
    content: str  # the template partial that lays the report out, on the page and in the PDF
    extra: dict = field(default_factory=dict)
    charts: list = field(default_factory=list)
    sections: list[tuple[str, str]] = field(default_factory=list)  # narrative before the tables, in Word


def improvement_output(period: Period, *, only: RowFilter = EVERY_ROW, sight: WorkingSight = PUBLIC_SIGHT) -> Output:
    return Output(build_improvement_report(period, only=only, sight=sight), "reports/_improvement.html")


def dashboard_output(
    period: Period,
    *,
    group_by: str = "",
    portfolio: str = "",
    only: RowFilter = EVERY_ROW,
    sight: WorkingSight = PUBLIC_SIGHT,
) -> Output:
    report = build_dashboard(period, group_by=group_by, portfolio=portfolio, only=only, sight=sight)
    chart = summary_chart(report.summary)
    sections = [("Summary", report.summary.words)]
    if report.revised_note:
        sections.append(("Revised figures", report.revised_note))
    return Output(report, "reports/_dashboard.html", {"chart": chart}, [chart], sections)


def spc_summary_output(
    period: Period, *, group_by: str = "", only: RowFilter = EVERY_ROW, sight: WorkingSight = PUBLIC_SIGHT
) -> Output:
    return Output(build_spc_summary(period, group_by=group_by, only=only, sight=sight), "reports/_spc_summary.html")


def glance_output(period: Period, *, sight: WorkingSight = PUBLIC_SIGHT) -> Output:
    """The home page's quarter at a glance; a page only, so it has no downloads of its own."""
    glance = build_glance(period, sight=sight)
    return Output(glance, "", {"chart": summary_chart(glance.summary)})


def summary_chart(summary: Summary) -> charts.Chart:
    return charts.status_count_chart(summary.lines, summary.words, summary.table(), title=summary.title)


def annual_output(year: FinancialYear, *, sight: WorkingSight = PUBLIC_SIGHT) -> Output:
    report = build_annual_results(year, sight=sight)
    chart = charts.distribution_chart(report.summaries, has_blue=report.has_blue)
    extra = {"summary_tables": report.tables()[1:], "chart": chart}
    return Output(report, "reports/_annual.html", extra, [chart])


def profile_output(measure: Measure, *, sight: WorkingSight = PUBLIC_SIGHT) -> Output:
    report = build_measure_profile(measure, sight=sight)
    chart = trend(report)
    title = f"{report.code} {report.title}".strip()
    control = spc_chart(report.spc) if report.spc is not None else None
    projected = projection_chart(title, report.year_so_far, unit_label=report.unit) if report.year_so_far else None
    compared = benchmark_charts(report.benchmark, unit_label=report.unit) if report.benchmark else []
    extra = {"chart": chart, "spc_chart": control, "projection_chart": projected, "benchmark_charts": compared}
    shown = [chart, *([control] if control else []), *([projected] if projected else []), *compared]
    return Output(report, "reports/_profile.html", extra, shown)


def benchmark_charts(section: BenchmarkSection, *, unit_label: str) -> list[charts.Chart]:
    """Where the council stands among its comparators in the latest period, then over the years."""
    return [
        comparators_chart(
            section.comparators_title,
            section.comparators,
            council=section.council,
            median=section.median,
            unit_label=unit_label,
            description=section.comparators_description,
        ),
        over_time_chart(section.over_time_title, section.years, council=section.council, unit_label=unit_label),
    ]


def trend(report: MeasureProfile) -> charts.Chart:
    points = [
        charts.TrendPoint(p.period, p.actual.value, p.target.value, p.status, p.actual.text, p.target.text)
        for p in report.points
    ]
    return charts.trend_chart(f"{report.code} {report.title}".strip(), points, unit_label=report.unit)


def cabinet_output(
    period: Period, *, portfolio: str = "", narrative: Narrative | None = None, sight: WorkingSight = PUBLIC_SIGHT
) -> Output:
    paper = build_cabinet_paper(period, portfolio=portfolio, narrative=narrative, sight=sight)
    return Output(paper, "reports/_cabinet.html", sections=paper.sections())
