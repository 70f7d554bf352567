"""Benchmarks: where each measure of a year's scorecard stands among comparator councils (rank 1 = best,
quartile 1 = top), as the reports and the open data show it. A group's members are listed only where its
membership may be published, or to those who work on returns (accounts.permissions decides)."""

from __future__ import annotations

from ninja import Query, Router, Schema
from pydantic import Field

from scorecard.accounts import permissions
from scorecard.api.access import TOKEN_OR_PUBLIC
from scorecard.api.reads import YEAR, public_year
from scorecard.api.schemas import READ_REFUSALS
from scorecard.api.shapes import number
from scorecard.benchmarking.models import Area
from scorecard.measures.models import Measure, ScorecardEntry
from scorecard.reports.benchmarks import ReportBenchmark, report_benchmarks

router = Router(auth=TOKEN_OR_PUBLIC)


class MemberOut(Schema):
    code: str = Field(examples=["E06000015"])
    name: str
    value: str | None = Field(description="Empty where the council has no figure, or it was suppressed.")


class BenchmarkOut(Schema):
    measure_id: int
    code: str
    title: str
    benchmark_measure: str = Field(description="The external measure's code, e.g. Oflog's ASC5.")
    benchmark_title: str
    source: str
    match: str = Field(description="How alike our measure and the external one are: identical, equivalent or proxy.")
    caveat: str
    benchmark_group: str
    benchmark_period: str = Field(description="The comparison period: the latest ended by the year's end.")
    benchmark_rank: int | None = Field(description="1 = best; empty where we have no figure or none is better.")
    benchmark_ranked: int = Field(description="How many councils of the group (us included) have a figure.")
    benchmark_quartile: int | None = Field(description="1 = top quartile; empty when fewer than 8 have a figure.")
    benchmark_median: str | None
    value: str | None = Field(description="Our own figure in the comparison period, in our measure's unit.")
    words: str = Field(examples=["7th of 16 nearest neighbours (1 = best), second quartile, 2021/22"])
    members: list[MemberOut] | None = Field(description="Empty (null) where the membership may not be published.")


class BenchmarkQuery(Schema):
    year: str = YEAR


@router.get("/benchmarks", response={200: list[BenchmarkOut], **READ_REFUSALS}, tags=["benchmarks"])
def benchmarks(request, query: Query[BenchmarkQuery]):
    """Each mapped measure of the year's scorecard beside its comparator councils, in the scorecard's order."""
    year = public_year(request, query.year)
    entries = ScorecardEntry.objects.filter(year=year, measure__kind=Measure.Kind.MEASURE).select_related("measure")
    entries = list(entries.order_by("order", "pk"))
    found = report_benchmarks([entry.measure_id for entry in entries], year.label)
    sight = permissions.working_sight(request.user)
    codes = {code for benchmark in found.values() for code in benchmark.found.values}
    names = dict(Area.objects.filter(code__in=codes).values_list("code", "name"))
    return [
        benchmark_shape(entry, found[entry.measure_id], names, sight) for entry in entries if entry.measure_id in found
    ]


def benchmark_shape(entry: ScorecardEntry, benchmark: ReportBenchmark, names: dict[str, str], sight) -> dict:
    found = benchmark.found
    shown = permissions.sees_group_members(sight, publishable=found.group.publishable)
    members = [
        {"code": code, "name": names.get(code, ""), "value": number(value)}
        for code, value in sorted(found.values.items())
    ]
    return {
        "measure_id": entry.measure_id,
        "code": entry.display_code,
        "title": entry.display_title,
        "benchmark_measure": benchmark.external_code,
        "benchmark_title": found.external.title,
        "source": found.external.get_source_display(),
        "match": found.mapping.match,
        "caveat": found.mapping.caveat,
        "benchmark_group": benchmark.group,
        "benchmark_period": benchmark.period,
        "benchmark_rank": benchmark.rank,
        "benchmark_ranked": benchmark.ranked,
        "benchmark_quartile": benchmark.quartile,
        "benchmark_median": number(benchmark.median),
        "value": number(found.benchmark.value),
        "words": benchmark.words,
        "members": members if shown else None,
    }
