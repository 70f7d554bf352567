"""The dashboard with its SPC columns against the same page without them (issue 12 §6): a synthetic council of
1,000 measures over 9 years (36 quarters), the performance team reading the latest quarter; the SPC columns
must cost no more than a fifth of the page's time, and add no query per measure.

Each page is timed as the median of 5 requests after one to warm up. A quarter's SPC icons are worked out once
per process and kept until a figure, target, setting or publication they are read from changes
(reports.spc.spc_summaries), so the first request after a start is timed on its own too, with nothing kept.
"""

from __future__ import annotations

import time

from django.test import Client

from bench.pages import fetched
from bench.results import SPC_HEADING, record_section
from bench.timing import timed
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
    without = dashboard_with(client, url, WITHOUT)
    icons.cache_clear()
    spc_summaries.cache_clear()
    first = cold_request(client, url)
    with_spc = dashboard_with(client, url, DashboardColumn.values)
    ratio = with_spc.seconds / without.seconds
    lines = [
        "| dashboard | SQL queries | server time |",
        "|---|---|---|",
        f"| without the SPC columns | {without.queries} | {without.seconds * 1000:,.0f} ms (median of 5) |",
        f"| with Variation and Assurance | {with_spc.queries} | {with_spc.seconds * 1000:,.0f} ms (median of 5) |",
        f"| with them, first request after a start | | {first * 1000:,.0f} ms (once) |",
        "",
        f"**SPC columns within {ALLOWED}× of the page without them:** "
        f"{'**Met.**' if ratio <= ALLOWED else '**Not met.**'} {ratio:.2f}×. The columns read every measure's "
        f"series in {with_spc.queries - without.queries} more queries whatever the number of measures "
        "(spc/selectors.py held_series: quarters, returns, targets, settings, rebases and the measures).",
    ]
    for line in lines:
        print(line, flush=True)
    title = f"The dashboard at {MEASURES:,} measures × {YEARS * 4} quarters, with and without its SPC columns"
    record_section(title, lines, SPC_HEADING)


def dashboard_with(client: Client, url: str, columns: list[str]):
    OrganisationSettings.objects.update(dashboard_columns=list(columns))
    return timed(lambda: fetched(client, url))


def cold_request(client: Client, url: str) -> float:
    OrganisationSettings.objects.update(dashboard_columns=list(DashboardColumn.values))
    started = time.perf_counter()
    fetched(client, url)
    return time.perf_counter() - started
