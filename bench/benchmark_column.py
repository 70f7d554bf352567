"""`make bench-benchmark-column`: the dashboard with its Benchmark column (issue 13 §6), against PostgreSQL.

A synthetic council (make_council: 3 years) at 300 and 1,000 measures, each measure mapped to an external one
with 16 comparator councils' figures in each of its years; the dashboard of the latest year's Q4 is read by the
performance team with the Benchmark column chosen and without it, in turn, round after round (one run, so a busy
machine slows both alike). Goals: the page's queries do not grow from 300 to 1,000 measures, and it takes at most
1.3 times as long as without the column. Against its own database (scorecard_benchmark_column, made and dropped
here); the figures go to bench/RESULTS.md's "The dashboard's Benchmark column" section.
"""

from __future__ import annotations

import os
import random
import secrets
from decimal import Decimal
from pathlib import Path

import django

from bench import database
from bench.results import BENCHMARK_COLUMN_HEADING, record_section

NAME = "scorecard_benchmark_column"
SCALES = (300, 1_000)
COMPARATORS = 16  # a nearest-neighbours group, the council included
REPEATS = 9
GOAL_RATIO = 1.3
DASHBOARD = "/reports/dashboard/?year={year}&quarter=4&group_by=perspective"


def comparator_data(year_labels: list[str]) -> None:
    """An external measure for each of the council's measures, 16 areas' figures for each year, the council's
    area and its group: written in bulk, as a load would."""
    from scorecard.benchmarking.models import (
        Area,
        BenchmarkSettings,
        ComparatorGroup,
        ComparisonValue,
        ExternalMeasure,
        MeasureMapping,
    )
    from scorecard.measures.models import Measure

    chance = random.Random(13)  # noqa: S311 (figures for a benchmark, the same each run)
    areas = Area.objects.bulk_create(Area(code=f"E06{n:06d}", name=f"Area {n}") for n in range(COMPARATORS))
    group = ComparatorGroup.objects.create(name="Nearest neighbours", kind="nearest_neighbours")
    group.members.set(areas)
    BenchmarkSettings.objects.update_or_create(pk=1, defaults={"area": areas[0], "default_group": group})
    measures = list(Measure.objects.filter(kind=Measure.Kind.MEASURE).exclude(unit="milestone"))
    externals = ExternalMeasure.objects.bulk_create(
        ExternalMeasure(source="generic", code=f"X{m.pk}", title=m.title[:500], unit=m.unit, polarity="high")
        for m in measures
    )
    MeasureMapping.objects.bulk_create(
        MeasureMapping(measure=measure, external=external)
        for measure, external in zip(measures, externals, strict=True)
    )
    ComparisonValue.objects.bulk_create(
        (
            ComparisonValue(measure=external, area=area, period=year, value=Decimal(f"{chance.uniform(0, 100):.1f}"))
            for external in externals
            for area in areas
            for year in year_labels
        ),
        batch_size=5_000,
    )


def dashboard_figures(count: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.timing import medians
    from scorecard.accounts.models import User
    from scorecard.council.models import DashboardColumn, FinancialYear, OrganisationSettings

    client = Client()
    client.force_login(User.objects.get(username="performance"))
    year = FinancialYear.objects.order_by("-start_year").first()
    url = DASHBOARD.format(year=year.label)
    without = [column for column in DashboardColumn.values if column != DashboardColumn.BENCHMARK]

    def read(columns: list[str]):
        def work():
            OrganisationSettings.objects.filter(pk=1).update(dashboard_columns=columns)  # both pay this alike
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            return response

        return work

    works = {"with": read([*without, DashboardColumn.BENCHMARK]), "without": read(without)}
    if " of 16" not in works["with"]().content.decode():
        raise RuntimeError("the dashboard shows no benchmark")
    queries = {}
    for name, work in works.items():
        work()
        with CaptureQueriesContext(connection) as captured:
            work()
        queries[name] = len(captured.captured_queries) - 1  # less the setting's update
    times = medians(works, repeats=REPEATS)
    return {"count": count, "queries": queries, "times": times}


def bench_benchmark_column() -> None:
    from django.core.management import call_command

    from scorecard.council.models import FinancialYear
    from scorecard.demo.synthetic import Scale, make_council

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # pages name the hashed files, as in production
    found = []
    for count in SCALES:
        call_command("flush", interactive=False, verbosity=0)
        make_council(Scale(measures=count, years=3, open_quarters=0))
        comparator_data([year.label for year in FinancialYear.objects.all()])
        figures = dashboard_figures(count)
        times, queries = figures["times"], figures["queries"]
        print(
            f"{count:>6,} measures: with the column {times['with'] * 1000:,.0f} ms ({queries['with']} queries), "
            f"without {times['without'] * 1000:,.0f} ms ({queries['without']} queries)",
            flush=True,
        )
        found.append(figures)
    record_section(
        "The dashboard with and without its Benchmark column, PostgreSQL", lines(found), BENCHMARK_COLUMN_HEADING
    )


def lines(found: list[dict]) -> list[str]:
    table = [
        f"| {f['count']:,} | {f['times']['without'] * 1000:,.0f} ms | {f['times']['with'] * 1000:,.0f} ms | "
        f"{f['times']['with'] / f['times']['without']:.2f} | {f['queries']['without']} | {f['queries']['with']} |"
        for f in found
    ]
    flat = len({f["queries"]["with"] for f in found}) == 1
    ratio = max(f["times"]["with"] / f["times"]["without"] for f in found)
    return [
        "A synthetic council (3 years), every measure mapped to an external measure with 16 comparator councils' "
        f"figures each year; the dashboard of the latest Q4, median of {REPEATS} reads of each, taken in turn.",
        "",
        "| measures | without the column | with it | ratio | queries without | queries with |",
        "|---|---|---|---|---|---|",
        *table,
        "",
        f"**Queries flat from {SCALES[0]:,} to {SCALES[-1]:,} measures:** {'**Met.**' if flat else '**Not met.**'}",
        f"**Within {GOAL_RATIO} times the page without the column:** "
        f"{'**Met.**' if ratio <= GOAL_RATIO else '**Not met.**'} at most {ratio:.2f} times.",
    ]


def main() -> None:
    database.recreate(NAME)
    os.environ.update(
        DATABASE_URL=database.url(NAME),
        DJANGO_SETTINGS_MODULE="scorecard.settings",
        SCORECARD_DEBUG="false",  # as in production: no query log, no debug templates
        SCORECARD_SECRET_KEY=secrets.token_urlsafe(50),
        SCORECARD_SSL_REDIRECT="false",
        SCORECARD_ALLOWED_HOSTS="testserver",
        SCORECARD_SITE_URL="https://testserver",
        SCORECARD_STATIC_ROOT=str(Path(__file__).resolve().parent.parent / "var" / "bench-static"),
    )
    django.setup()
    try:
        bench_benchmark_column()
    finally:
        from django.db import connections

        connections.close_all()
        database.drop(NAME)


if __name__ == "__main__":
    main()
