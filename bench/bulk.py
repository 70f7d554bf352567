"""Approving many returns at once, as an approver does on the Approvals page: one request, and its SQL queries
the same however many returns are ticked (issue 11: measured at 30 and 300).

A synthetic council's latest quarter is opened and its returns put back to submitted; then the performance
team's "Approve selected returns" is posted for the first 30, and for the first 300, each run from the same
starting point (the returns put back to submitted, outside the timing).
"""

from __future__ import annotations

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.results import BULK_HEADING, record_section
from scorecard.accounts.models import User
from scorecard.council.models import Period
from scorecard.demo.synthetic import Scale, make_council
from scorecard.returns.models import Return, WorkflowState

SIZES = (30, 300)
MEASURES = 400  # annual measures have no return in most quarters: 400 measures give a quarter of 300 or more
REPEATS = 5
QUERIES_WHY = (
    "The returns, their quarters (held while they change) and each year's directorates are read once; the approved "
    "returns are written in one UPDATE and their history in one INSERT … SELECT per kind of approval "
    "(returns/sign_off.py); the rest is the session, the person and their roles, and the Approvals page drawn again "
    "with what was done above it (which is empty afterwards, so the same for any number)."
)


def bench_bulk() -> None:
    make_council(Scale(measures=MEASURES, years=1, open_quarters=0, seed=3))
    period = Period.objects.select_related("year").order_by("-year__start_year", "-quarter").first()
    Period.objects.filter(pk=period.pk).update(state=Period.State.OPEN, published_at=None)
    returns = list(Return.objects.filter(period=period).order_by("measure__code").values_list("pk", flat=True))
    if len(returns) < max(SIZES):
        raise RuntimeError(f"{period.label} has {len(returns)} returns, fewer than {max(SIZES)}")
    client = Client()
    client.force_login(User.objects.get(username="performance"))
    client.get("/approvals/")  # a session's first request notes the sign-in's last activity: not the approval's
    measured = {size: approval(client, returns[:size]) for size in SIZES}
    lines = ["| returns approved in one request | SQL queries | server time (median of 5) |", "|---|---|---|"]
    for size, (queries, seconds) in measured.items():
        lines.append(f"| {size:,} | {queries} | {seconds * 1000:,.0f} ms |")
        scale = f"{size:,} returns"
        print(f"{'Approve selected returns':<48} {scale:>22} {queries:>5} queries {seconds * 1000:>7,.0f} ms")
    flat = len({queries for queries, _ in measured.values()}) == 1
    verdict = "**Met.**" if flat else "**Not met.**"
    counts = " and ".join(f"{queries} at {size:,}" for size, (queries, _) in measured.items())
    lines += ["", f"**Query count flat in the number of returns:** {verdict} {counts}. {QUERIES_WHY}"]
    record_section("The performance team approving a quarter's submitted returns, PostgreSQL", lines, BULK_HEADING)


def approval(client: Client, return_ids: list[int]) -> tuple[int, float]:
    """The queries of one "Approve selected returns" request and the median time of several."""
    queries, times = set(), []
    for _ in range(REPEATS + 1):  # the first warms up
        submitted(return_ids)
        ticked = {"returns": [f"{pk}:{version}" for pk, version in versions(return_ids)]}
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post("/approvals/approve/", ticked)
            times.append(time.perf_counter() - started)
        approved = Return.objects.filter(pk__in=return_ids, state=WorkflowState.APPROVED).count()
        if response.status_code != 200 or approved != len(return_ids):
            raise RuntimeError(f"Approving {len(return_ids)} returns answered {response.status_code}, {approved} done")
        queries.add(len(captured.captured_queries))
    if len(queries) != 1:
        raise RuntimeError(f"The same request made different numbers of queries: {sorted(queries)}")
    return queries.pop(), statistics.median(times[1:])


def submitted(return_ids: list[int]) -> None:
    Return.objects.filter(pk__in=return_ids).update(state=WorkflowState.SUBMITTED, submitted_by=None)


def versions(return_ids: list[int]) -> list[tuple[int, int]]:
    return list(Return.objects.filter(pk__in=return_ids).values_list("pk", "version"))
