"""The dashboard with its SPC columns against the same page without them (issue 12 §6): a synthetic council of
1,000 measures over 9 years (36 quarters), the performance team reading the latest quarter; the SPC columns
must cost no more than a fifth of the page's time, and add no query per measure.

The two pages are timed in turn, round after round (the median of 9 each), so a busy machine slows them alike.
A quarter's SPC icons are worked out once per process and kept until a figure, target, setting or publication
they are read from changes (reports.spc.spc_summaries), so the first request with the SPC columns, nothing
kept yet, is timed on its own too.
"""

from __future__ import annotations

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.pages import fetched
from bench.results import SPC_HEADING, record_section
from scorecard.accounts.models import User
from scorecard.council.models import DashboardColumn, OrganisationSettings, Period
from scorecard.demo.synthetic import Scale, make_council
from scorecard.reports.spc import icons, spc_summaries

MEASURES, YEARS = 1_000, 9
ALLOWED = 1.2  # the page with SPC columns at most 1.2 times the page without
WITHOUT = [column for column in DashboardColumn.values if not column.startswith("spc_")]


def bench_spc() -> None:
    make_council(Scale(measures=MEASURES, years=YEARS, open_quarters=0, seed=5))
    latest = Period.objects.select_related("year").order_by("-year__start_year", "-quarter").first()
    url = f"/reports/dashboard/?year={latest.year.label}&quarter={latest.quarter}&group_by=directorate"
    client = Client()
    client.force_login(User.objects.get(username="performance"))
    timed_with(client, url, WITHOUT)  # a session's first request notes the sign-in: not the dashboard's time
    icons.cache_clear()
    spc_summaries.cache_clear()
    first = timed_with(client, url, DashboardColumn.values)
    without, with_spc = interleaved(client, url)
    queries = {name: counted(client, url, columns) for name, columns in SHOWN.items()}
    ratio = with_spc / without
    lines = [
        "| dashboard | SQL queries | server time |",
        "|---|---|---|",
        f"| without the SPC columns | {queries['without']} | {without * 1000:,.0f} ms (median of {ROUNDS}) |",
        f"| with Variation and Assurance | {queries['with']} | {with_spc * 1000:,.0f} ms (median of {ROUNDS}) |",
        f"| with them, the first request (nothing kept yet) | | {first * 1000:,.0f} ms (once) |",
        "",
        f"**SPC columns within {ALLOWED}× of the page without them:** "
        f"{'**Met.**' if ratio <= ALLOWED else '**Not met.**'} {ratio:.2f}× (the two pages timed in turn, round "
        "after round, so that a busy machine slows them alike). The columns add "
        f"{queries['with'] - queries['without']} queries whatever the number of measures: the version of what "
        "the quarter's icons are read from (spc/selectors.py series_version), then the icons kept for it; the first "
        "request reads every measure's 36 quarters of figures and targets in a fixed number of queries "
        "(held_series) and works out the charts.",
    ]
    for line in lines:
        print(line, flush=True)
    title = f"The dashboard at {MEASURES:,} measures × {YEARS * 4} quarters, with and without its SPC columns"
    record_section(title, lines, SPC_HEADING)


ROUNDS = 9
SHOWN = {"without": WITHOUT, "with": DashboardColumn.values}


def interleaved(client: Client, url: str) -> tuple[float, float]:
    """The medians of the page without and with the SPC columns, each timed once a round."""
    times = {name: [] for name in SHOWN}
    for _ in range(ROUNDS):
        for name, columns in SHOWN.items():
            times[name].append(timed_with(client, url, columns))
    return statistics.median(times["without"]), statistics.median(times["with"])


def timed_with(client: Client, url: str, columns: list[str]) -> float:
    OrganisationSettings.objects.update(dashboard_columns=list(columns))
    started = time.perf_counter()
    fetched(client, url)
    return time.perf_counter() - started


def counted(client: Client, url: str, columns: list[str]) -> int:
    OrganisationSettings.objects.update(dashboard_columns=list(columns))
    with CaptureQueriesContext(connection) as captured:
        fetched(client, url)
    return len(captured.captured_queries)
