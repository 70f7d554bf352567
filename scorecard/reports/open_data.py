"""The published scorecard as open data: one flat row per measure per published quarter, with its licence.

Unpublished quarters never appear: the rows come only from quarters the performance team published.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from scorecard.accounts.permissions import PUBLIC_SIGHT
from scorecard.council.models import OrganisationSettings, Period
from scorecard.measures.fields import plain
from scorecard.measures.models import Measure, ScorecardEntry
from scorecard.reports.benchmarks import ReportBenchmark, report_benchmarks
from scorecard.reports.figures import Figure
from scorecard.reports.rows import MeasureRow, measure_rows
from scorecard.reports.spc import with_spc
from scorecard.returns.assessment import SET_BY_HAND

BENCHMARK_COLUMNS = (  # rank 1 = best; quartile 1 = top
    "benchmark_measure",
    "benchmark_group",
    "benchmark_period",
    "benchmark_rank",
    "benchmark_ranked",
    "benchmark_quartile",
    "benchmark_median",
)
COLUMNS = [
    "year",
    "quarter",
    "month",
    "code",
    "title",
    "kind",
    "directorate",
    "pledge",
    "priority",
    "perspective",
    "good_is",
    "unit",
    "unit_label",
    "decimals",
    "quarter_target",
    "actual",
    "actual_as_printed",
    "year_end_target",
    "year_end_forecast",
    "status",
    "forecast_status",
    "direction_of_travel",
    *(f"{name}_set_by_hand{part}" for name in SET_BY_HAND for part in ("", "_reason")),
    "blue_margin",
    "amber_margin",
    "margins_are_absolute",
    "context",
    "improvement_actions",
    "intervention",
    "restated_since_publication",
    *BENCHMARK_COLUMNS,
    "spc_variation",
    "spc_variation_words",
    "spc_assurance",
    "spc_assurance_words",
    "published",
    "licence",
]


@dataclass(frozen=True)
class OpenData:
    publisher: str
    licence: str
    licence_url: str
    generated_at: datetime
    quarters: list[str]
    rows: list[dict]


def published_quarters() -> list[Period]:
    return list(
        Period.objects.select_related("year")
        .filter(published_at__isnull=False)
        .order_by("year__start_year", "quarter", "month")
    )


def open_data(periods: list[Period]) -> OpenData:
    """Rows for the given quarters; any that are not published are left out, whatever was asked."""
    organisation = OrganisationSettings.load()
    published = [period for period in periods if period.is_published]
    benchmarks = yearly_benchmarks(published)
    rows = [
        open_row(period, row, organisation.open_data_licence, benchmarks[period.year_id].get(row.measure_id))
        for period in published
        for row in with_spc(measure_rows(period), period, sight=PUBLIC_SIGHT)
    ]
    return OpenData(
        publisher=organisation.name,
        licence=organisation.open_data_licence,
        licence_url=organisation.open_data_licence_url,
        generated_at=timezone.now(),
        quarters=[period.label for period in published],
        rows=rows,
    )


def number(value: Figure) -> str | None:
    return plain(value.value) if value.is_number else None


def by_hand_columns(row: MeasureRow) -> dict:
    """Whether each of the status, forecast status and direction was set by hand, and why (empty if not)."""
    reasons = dict(row.set_by_hand)
    columns = {}
    for name in SET_BY_HAND:
        columns[f"{name}_set_by_hand"] = name in reasons
        columns[f"{name}_set_by_hand_reason"] = reasons.get(name, "")
    return columns


def yearly_benchmarks(periods: list[Period]) -> dict[int, dict[int, ReportBenchmark]]:
    """Each year's benchmarks, read once for its four quarters: every quarter of a year shows the same ones."""
    years = {period.year_id: period.year.label for period in periods}
    measures = ScorecardEntry.objects.filter(year__in=years, measure__kind=Measure.Kind.MEASURE)
    held: dict[int, list[int]] = {}
    for year_id, measure_id in measures.values_list("year_id", "measure_id"):
        held.setdefault(year_id, []).append(measure_id)
    return {year_id: report_benchmarks(held.get(year_id, []), label) for year_id, label in years.items()}


def benchmark_columns(benchmark: ReportBenchmark | None) -> dict:
    """Where the measure stands among comparator councils (rank 1 = best, quartile 1 = top); empty without."""
    if benchmark is None:
        return dict.fromkeys(BENCHMARK_COLUMNS)
    return {
        "benchmark_measure": benchmark.external_code,
        "benchmark_group": benchmark.group,
        "benchmark_period": benchmark.period,
        "benchmark_rank": benchmark.rank,
        "benchmark_ranked": benchmark.ranked,
        "benchmark_quartile": benchmark.quartile,
        "benchmark_median": plain(benchmark.median) if benchmark.median is not None else None,
    }


def spc_columns(row: MeasureRow) -> dict:
    """The SPC icons as of the quarter, as codes (performance.spc's words) and as people read them; empty where
    the measure is not charted (a milestone, switched off, or no figures)."""
    spc = row.spc if row.spc and row.spc.variation else None
    return {
        "spc_variation": spc.variation if spc else "",
        "spc_variation_words": spc.variation_words if spc else "",
        "spc_assurance": spc.assurance if spc else "",
        "spc_assurance_words": spc.assurance_words if spc else "",
    }


def open_row(period: Period, row: MeasureRow, licence: str, benchmark: ReportBenchmark | None = None) -> dict:
    tolerances = row.tolerances
    return {
        "year": period.year.label,
        "quarter": period.quarter,
        "month": period.month,  # in a year collected monthly: 1 is April; empty in a quarterly year
        "code": row.code,
        "title": row.title,
        "kind": "Council Plan action" if row.is_action else "measure",
        "directorate": row.directorate,
        "pledge": row.pledge,
        "priority": row.priority,
        "perspective": row.perspective,
        "good_is": row.good_is,
        "unit": row.unit,
        "unit_label": row.unit_label,
        "decimals": row.decimals,
        "quarter_target": number(row.target) or row.target.text or None,
        "actual": number(row.actual),
        "actual_as_printed": row.actual.text,
        "year_end_target": number(row.year_end_target) or row.year_end_target.text or None,
        "year_end_forecast": number(row.forecast) or row.forecast.text or None,
        "status": row.status.label,
        "forecast_status": row.forecast_status.label,
        "direction_of_travel": row.direction_label,
        **by_hand_columns(row),
        "blue_margin": plain(tolerances.blue_margin) if tolerances.blue_margin is not None else None,
        "amber_margin": plain(tolerances.amber_margin),
        "margins_are_absolute": tolerances.absolute,
        "context": row.context,
        "improvement_actions": row.improvement_actions,
        "intervention": row.intervention,
        "restated_since_publication": row.restated,
        **benchmark_columns(benchmark),
        **spc_columns(row),
        "published": period.published_date.isoformat(),
        "licence": licence,
    }
