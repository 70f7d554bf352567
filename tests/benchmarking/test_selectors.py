"""A measure's benchmark, read from the comparator data: the right group, period, unit and place."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scorecard.benchmarking.models import ComparisonValue
from scorecard.benchmarking.selectors import benchmark_for, benchmarks_for, spread_over_time
from tests import factories

pytestmark = pytest.mark.django_db

DERBY = "E06000015"
NEIGHBOURS = {DERBY: 64, **{f"E0600010{n}": 60 + n for n in range(10)}}


def derby_against_its_neighbours(period: str = "2021/22"):
    external = factories.external_measure()
    group = factories.comparators(external, period, NEIGHBOURS, name="Derby's nearest neighbours")
    factories.benchmarking(factories.area(DERBY), group)
    measure = factories.measure("AHH 02D", unit="percent")
    factories.mapping(measure, external)
    return measure, external, group


def test_a_measure_is_ranked_among_the_councils_default_group():
    measure, _, group = derby_against_its_neighbours()
    found = benchmark_for(measure, "2021/22")
    assert found.group == group and found.period == "2021/22"
    assert (found.benchmark.rank, found.benchmark.ranked, found.benchmark.quartile) == (6, 11, 3)
    assert found.benchmark.median == 64


def test_the_latest_period_ended_by_the_year_is_used():
    measure, external, _ = derby_against_its_neighbours("2020/21")
    ComparisonValue.objects.create(measure=external, area=factories.area(DERBY), period="2023/24", value=Decimal(1))
    assert benchmark_for(measure, "2022/23").period == "2020/21"
    assert benchmark_for(measure).period == "2023/24"
    assert benchmark_for(measure, "2019/20") is None


def test_a_mapping_can_name_its_own_group():
    measure, external, _ = derby_against_its_neighbours()
    region = factories.comparators(external, "2021/22", {DERBY: None, "E06000018": 70}, name="East Midlands")
    measure.benchmark_mapping.group = region
    measure.benchmark_mapping.save()
    found = benchmark_for(measure, "2021/22")
    assert found.group == region
    assert (found.benchmark.rank, found.benchmark.ranked) == (2, 2)  # Derby is counted though not a member


def test_suppressed_values_are_left_out():
    measure, _, _ = derby_against_its_neighbours()
    ComparisonValue.objects.filter(area__code="E06000109").update(suppressed=True)
    found = benchmark_for(measure, "2021/22")
    assert found.benchmark.ranked == 10 and found.values["E06000109"] is None


def test_the_conversion_puts_the_comparators_in_our_unit():
    measure, _, _ = derby_against_its_neighbours()
    measure.benchmark_mapping.conversion = Decimal("0.01")
    measure.benchmark_mapping.save()
    assert benchmark_for(measure, "2021/22").benchmark.median == Decimal("0.64")


def test_no_benchmark_without_a_mapping_or_the_councils_area():
    measure, _, _ = derby_against_its_neighbours()
    assert benchmark_for(factories.measure("OTHER"), "2021/22") is None
    factories.benchmarking(None)
    assert benchmark_for(measure, "2021/22") is None


def test_many_measures_benchmarks_take_the_same_queries_as_one():
    measure, _, _ = derby_against_its_neighbours()
    with CaptureQueriesContext(connection) as one:
        benchmarks_for([measure], "2021/22")
    measures = [measure]
    for n in range(12):
        external = factories.external_measure(f"X{n}")
        factories.comparators(external, "2021/22", NEIGHBOURS, name=f"Group {n}")
        measures.append(factories.measure(f"M{n}", unit="percent"))
        factories.mapping(measures[-1], external)
    with CaptureQueriesContext(connection) as many:
        found = benchmarks_for(measures, "2021/22")
    assert len(many) == len(one)
    assert {each.benchmark.rank for each in found.values()} == {6}


def test_spread_over_time_gives_the_median_and_quartiles_each_period():
    measure, external, _ = derby_against_its_neighbours("2020/21")
    for code, value in NEIGHBOURS.items():
        ComparisonValue.objects.create(
            measure=external, area=factories.area(code), period="2021/22", value=Decimal(value + 1)
        )
    spreads = spread_over_time(measure)
    assert [spread.period for spread in spreads] == ["2020/21", "2021/22"]
    assert [spread.median for spread in spreads] == [64, 65]
    assert spreads[0].value == 64 and spreads[0].lower_quartile == Decimal("62.5")
