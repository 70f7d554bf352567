"""Reads for benchmarking: a measure's benchmark for a year, many measures' at once (queries flat in their
number), and a measure's benchmarks over time. The arithmetic is scorecard.performance.benchmark's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from scorecard.benchmarking.models import (
    Area,
    BenchmarkSettings,
    ComparatorGroup,
    ComparisonValue,
    ExternalMeasure,
    MeasureMapping,
)
from scorecard.performance import benchmark_periods
from scorecard.performance.benchmark import Benchmark, benchmark, median, quartiles


@dataclass(frozen=True)
class MeasureBenchmark:
    """One of our measures beside its comparators for one period (the latest published by the year asked for)."""

    mapping: MeasureMapping  # with its external measure and the group it is compared within
    group: ComparatorGroup
    area: Area  # the council itself
    period: str  # the external data's own period, "2021/22" or "2021"
    benchmark: Benchmark  # in our measure's unit (the mapping's conversion applied)
    values: dict[str, Decimal | None]  # area code → value in our unit, None where missing or suppressed

    @property
    def external(self) -> ExternalMeasure:
        return self.mapping.external


@dataclass(frozen=True)
class PeriodSpread:
    """The group's spread in one period, for the council's line against the median and interquartile band."""

    period: str
    value: Decimal | None  # the council's
    lower_quartile: Decimal | None
    median: Decimal | None
    upper_quartile: Decimal | None
    ranked: int


def benchmark_for(measure, year: str | None = None) -> MeasureBenchmark | None:
    """The measure's benchmark for the latest period ended by the financial year `year` (any, without one);
    None when the measure is not mapped, the council has no area or group, or no period has values."""
    return benchmarks_for([measure], year).get(measure.pk)


def benchmarks_for(measures: Iterable, year: str | None = None) -> dict[int, MeasureBenchmark]:
    """Measure id → its benchmark, for many measures in five queries however many there are."""
    settings = BenchmarkSettings.objects.select_related("area", "default_group").filter(pk=1).first()
    if settings is None or settings.area is None:
        return {}
    mappings = mappings_of(measures, settings)
    if not mappings:
        return {}
    members = members_of({mapping.group_id or settings.default_group_id for mapping in mappings})
    codes = {area_id: code for group in members.values() for area_id, code in group.items()}
    codes[settings.area_id] = settings.area.code
    periods = periods_of({mapping.external_id for mapping in mappings}, year)
    values = values_of(periods, codes)
    found = {}
    for mapping in mappings:
        group = mapping.group or settings.default_group
        period = periods.get(mapping.external_id)
        if period is None:
            continue
        held = values.get((mapping.external_id, period), {})
        in_group = {
            code: converted(held.get(code), mapping) for code in {*members[group.pk].values(), settings.area.code}
        }
        found[mapping.measure_id] = MeasureBenchmark(
            mapping=mapping,
            group=group,
            area=settings.area,
            period=period,
            benchmark=benchmark(settings.area.code, in_group, mapping.external.good_is),
            values=in_group,
        )
    return found


def spread_over_time(measure) -> list[PeriodSpread]:
    """Each period's median and quartiles of the measure's group, and the council's value, oldest first."""
    settings = BenchmarkSettings.objects.select_related("area").filter(pk=1).first()
    mapping = (
        MeasureMapping.objects.select_related("external", "group").filter(measure=measure).first()
        if settings and settings.area
        else None
    )
    group_id = mapping and (mapping.group_id or settings.default_group_id)
    if group_id is None:
        return []
    codes = members_of({group_id})[group_id] | {settings.area_id: settings.area.code}
    by_period: dict[str, dict[str, Decimal | None]] = defaultdict(dict)
    rows = ComparisonValue.objects.filter(measure_id=mapping.external_id, area_id__in=list(codes))
    for period, area_id, value, suppressed in rows.values_list("period", "area_id", "value", "suppressed"):
        by_period[period][codes[area_id]] = converted(None if suppressed else value, mapping)
    return [spread(period, by_period[period], settings.area.code) for period in sorted(by_period, key=period_end)]


def spread(period: str, values: dict[str, Decimal | None], own: str) -> PeriodSpread:
    counted = [value for value in values.values() if value is not None]
    found = quartiles(counted)
    lower, upper = (found[0], found[2]) if found else (None, None)
    return PeriodSpread(period, values.get(own), lower, median(counted), upper, len(counted))


def period_end(label: str):
    return benchmark_periods.ends(label)


def mappings_of(measures: Iterable, settings: BenchmarkSettings) -> list[MeasureMapping]:
    """The mappings that can be benchmarked: a group named, or the council's default group to fall back on."""
    ids = [getattr(measure, "pk", measure) for measure in measures]
    mappings = MeasureMapping.objects.select_related("external", "group").filter(measure_id__in=ids)
    return [mapping for mapping in mappings if mapping.group_id or settings.default_group_id]


def members_of(group_ids: set[int]) -> dict[int, dict[int, str]]:
    """Group id → its members (area id → code), in one query."""
    through = ComparatorGroup.members.through.objects.filter(comparatorgroup_id__in=group_ids)
    members: dict[int, dict[int, str]] = {group_id: {} for group_id in group_ids}
    for group_id, area_id, code in through.values_list("comparatorgroup_id", "area_id", "area__code"):
        members[group_id][area_id] = code
    return members


def periods_of(external_ids: set[int], year: str | None) -> dict[int, str]:
    """External measure id → the latest period with values by the end of `year` (or at all), in one query."""
    held: dict[int, set[str]] = defaultdict(set)
    pairs = ComparisonValue.objects.filter(measure_id__in=external_ids).values_list("measure_id", "period").distinct()
    for external_id, period in pairs:
        held[external_id].add(period)
    if year is None:
        return {external_id: max(periods, key=period_end) for external_id, periods in held.items()}
    latest = {external_id: benchmark_periods.latest_by(periods, year) for external_id, periods in held.items()}
    return {external_id: period for external_id, period in latest.items() if period}


def values_of(periods: dict[int, str], codes: dict[int, str]) -> dict[tuple[int, str], dict[str, Decimal | None]]:
    """(external measure id, period) → area code → value (None when suppressed), for the areas given (id → code);
    by area id, so the values' index answers without reading the areas."""
    rows = ComparisonValue.objects.filter(
        measure_id__in=periods.keys(), period__in=set(periods.values()), area_id__in=list(codes)
    ).values_list("measure_id", "period", "area_id", "value", "suppressed")
    found: dict[tuple[int, str], dict[str, Decimal | None]] = defaultdict(dict)
    for external_id, period, area_id, value, suppressed in rows:
        if periods[external_id] == period:
            found[external_id, period][codes[area_id]] = None if suppressed else value
    return found


def converted(value: Decimal | None, mapping: MeasureMapping) -> Decimal | None:
    """An external value in our measure's unit."""
    if value is None or mapping.conversion is None:
        return value
    return value * mapping.conversion
