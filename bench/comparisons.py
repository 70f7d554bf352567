"""`make bench-comparisons`: comparator data at national scale (issue 13 §6), against PostgreSQL.

A synthetic national store, 400 areas x 1,500 measures x 10 years (6 million values), as one generic long CSV:
- loading it as the performance team does (read, check every row, then write in one transaction: the whole of
  `manage.py import comparisons`), against PostgreSQL's own COPY of the same file into a bare table (no keys, no
  indexes), in the same run. Goal: our rate is at least 25% of COPY's.
- a measure's rank, quartile and median among 400 areas for one year (the selector and the arithmetic, as a page
  asks for it), the median of 50 after one to warm up. Goal: within 20 ms.
Against its own database (scorecard_comparisons, made and dropped here); the figures go to bench/RESULTS.md's
"Comparator data at national scale" section. BENCH_COMPARATOR_MEASURES (default 1500) makes a quicker run.
"""

from __future__ import annotations

import os
import random
import secrets
import statistics
import time

import django

from bench import database
from bench.results import COMPARISONS_HEADING, record_section

NAME = "scorecard_comparisons"
AREAS, YEARS = 400, 10
MEASURES = int(os.environ.get("BENCH_COMPARATOR_MEASURES", "1500"))
QUERY_REPEATS = 50
GOAL_SHARE, GOAL_MS = 0.25, 20.0
HEADINGS = "measure code,area code,area name,period,value,numerator,denominator\n"


def national_file() -> bytes:
    """Every area's value for every measure and year; a numerator and denominator on one row in ten."""
    chance = random.Random(13)  # noqa: S311 (figures for a benchmark, the same each run)
    years = [f"{2014 + n}/{(15 + n) % 100:02d}" for n in range(YEARS)]
    lines = [HEADINGS]
    for measure in range(1, MEASURES + 1):
        for year in years:
            for area in range(1, AREAS + 1):
                value = chance.uniform(0, 1000)
                extra = f"{value * 10:.0f},1000" if area % 10 == 0 else ","
                lines.append(f"M{measure:04d},E06{area:06d},Area {area},{year},{value:.1f},{extra}\n")
    return "".join(lines).encode()


def bare_copy_seconds(content: bytes) -> float:
    """PostgreSQL's COPY of the same CSV into a table with no keys, constraints or indexes."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bare_values (measure_code text, area_code text, area_name text, period text, "
            "value numeric, numerator numeric, denominator numeric)"
        )
        started = time.perf_counter()
        with cursor.copy("COPY bare_values FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            for start in range(0, len(content), 1 << 20):
                copy.write(content[start : start + (1 << 20)])
        seconds = time.perf_counter() - started
        cursor.execute("DROP TABLE bare_values")
    return seconds


def our_load_seconds(content: bytes, by) -> tuple[float, float]:
    """(seconds to read and check every row, seconds to write), as `import comparisons` does them."""
    from scorecard.benchmarking.checks import check_comparisons
    from scorecard.benchmarking.services import comparisons_load
    from scorecard.benchmarking.sources import read_comparator_file

    started = time.perf_counter()
    found = read_comparator_file(source="generic", values=("national.csv", content), max_bytes=len(content))
    check = check_comparisons(found)
    if check.has_problems:
        raise RuntimeError(f"the synthetic file has problems: {check.problems[:3]}")
    checked = time.perf_counter()
    comparisons_load(check=check, by=by)
    return checked - started, time.perf_counter() - checked


def query_milliseconds(by) -> float:
    """One measure's benchmark for the latest year among all 400 areas, as the measure's page reads it."""
    from scorecard.benchmarking.models import Area, ExternalMeasure
    from scorecard.benchmarking.selectors import benchmark_for
    from scorecard.benchmarking.services import benchmark_settings_record, group_record, mapping_record
    from scorecard.measures.models import Measure

    areas = list(Area.objects.all())
    group = group_record(group=None, by=by, name="All 400 areas", members=areas, kind="same_kind")
    benchmark_settings_record(by=by, area=areas[0], default_group=group)
    measure = Measure.objects.create(code="LOCAL 1", title="A local measure", unit="score", polarity="high")
    external = ExternalMeasure.objects.get(code=f"M{MEASURES // 2:04d}")
    mapping_record(measure=measure, external=external, by=by)
    year = f"{2013 + YEARS}/{(14 + YEARS) % 100:02d}"
    found = benchmark_for(measure, year)
    if found is None or found.benchmark.ranked != AREAS:
        raise RuntimeError(f"the benchmark read {found and found.benchmark.ranked} areas, not {AREAS}")
    times = []
    for _ in range(QUERY_REPEATS):
        started = time.perf_counter()
        benchmark_for(measure, year)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def bench_comparisons() -> None:
    from django.core.management import call_command

    from scorecard.accounts.models import Role, RoleAssignment, User
    from scorecard.benchmarking.models import ComparisonValue

    call_command("migrate", verbosity=0)
    by = User.objects.create_user(username="performance")
    RoleAssignment.objects.create(user=by, role=Role.PERFORMANCE_TEAM)
    content = national_file()
    rows = content.count(b"\n") - 1
    print(f"Synthetic national file: {rows:,} values, {len(content) / 1024 / 1024:,.0f} MB", flush=True)
    copy = bare_copy_seconds(content)
    print(f"COPY into a bare table: {copy:,.1f} s", flush=True)
    checking, writing = our_load_seconds(content, by)
    print(f"Our load: {checking:,.1f} s to read and check, {writing:,.1f} s to write", flush=True)
    if ComparisonValue.objects.count() != rows:
        raise RuntimeError("the load did not write every value")
    query = query_milliseconds(by)
    print(f"Rank, quartile and median among {AREAS} areas: {query:,.1f} ms", flush=True)
    record_section(
        "Comparator data at national scale, PostgreSQL",
        lines(rows, len(content), copy, (checking, writing), query),
        COMPARISONS_HEADING,
    )


def lines(rows: int, size: int, copy: float, load: tuple[float, float], query: float) -> list[str]:
    checking, writing = load
    ours = checking + writing
    share = copy / ours
    load_met = "**Met.**" if share >= GOAL_SHARE else "**Not met.**"
    query_met = "**Met.**" if query <= GOAL_MS else "**Not met.**"
    return [
        f"A synthetic national store: {AREAS} areas x {MEASURES:,} measures x {YEARS} years = {rows:,} values, "
        f"one generic CSV of {size / 1024 / 1024:,.0f} MB.",
        "",
        "| what | time | rate |",
        "|---|---|---|",
        f"| PostgreSQL COPY of the file into a bare table | {copy:,.1f} s | {rows / copy:,.0f} values/s |",
        f"| Our load, all of it, in one transaction | {ours:,.1f} s | {rows / ours:,.0f} values/s |",
        f"| of which: copy into a temporary table and check every row | {checking:,.1f} s | |",
        f"| of which: write (one INSERT … SELECT, then the table's keys built again) | {writing:,.1f} s | |",
        f"| One measure's rank, quartile and median among {AREAS} areas (median of {QUERY_REPEATS}) | "
        f"{query:,.1f} ms | |",
        "",
        f"**Load at 25% or more of COPY's rate:** {load_met} {share:.0%} of it.",
        f"**Rank, quartile and median within {GOAL_MS:.0f} ms:** {query_met} {query:,.1f} ms.",
    ]


def main() -> None:
    database.recreate(NAME)
    os.environ.update(
        DATABASE_URL=database.url(NAME),
        DJANGO_SETTINGS_MODULE="scorecard.settings",
        SCORECARD_DEBUG="false",  # as in production: no query log
        SCORECARD_SECRET_KEY=secrets.token_urlsafe(50),
        SCORECARD_SSL_REDIRECT="false",
        SCORECARD_ALLOWED_HOSTS="testserver",
        SCORECARD_SITE_URL="https://testserver",
    )
    django.setup()
    try:
        bench_comparisons()
    finally:
        from django.db import connections

        connections.close_all()
        database.drop(NAME)


if __name__ == "__main__":
    main()
