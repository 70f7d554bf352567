"""Publishing and serving published reports (issue 14 §5), written to its own section of bench/RESULTS.md.

1. A quarter of 300 measures published as the performance team publishes it: every report in every format built,
   laid out and stored (quarter_publish), timed once.
2. The published dashboard page and its PDF, as the public is served them (the kept files), against the same page
   built live (as the performance team sees it), at 300 and at 5,000 measures. At 5,000 only the dashboard is kept:
   the improvement report's and Cabinet paper's PDFs of 5,000 measures take minutes and show nothing new, and the
   live PDF is laid out at 300 only for the same reason (bench/run.py's PDF_UP_TO).
"""

from __future__ import annotations

import tempfile

from django.conf import settings
from django.core.management import call_command
from django.test import Client

from bench.results import PUBLISHING_HEADING, milliseconds, record_section
from bench.timing import medians, once
from scorecard.accounts.models import User
from scorecard.council.models import Period
from scorecard.demo.synthetic import Scale, make_council
from scorecard.publications import services
from scorecard.publications.freezing import reports_of

PUBLISHED = 300
SERVED = (300, 5_000)
REPEATS = 5


def bench_publishing() -> None:
    settings.SCORECARD_DOCUMENT_SECONDS = 900  # a live PDF is timed here, not cut off (on a busy machine it can be)
    settings.SCORECARD_DOCUMENTS_PER_MINUTE = 0  # and asked for one after another
    settings.STORAGES = {
        **settings.STORAGES,
        "publications": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tempfile.mkdtemp(prefix="scorecard-bench-publications-")},
        },
    }
    lines = ["| what | measures | figure |", "|---|---|---|"]
    served = {}
    for count in SERVED:
        call_command("flush", interactive=False, verbosity=0)
        period, team = quarter_of(count)
        if count == PUBLISHED:
            seconds, versions = once(lambda period=period, team=team: publish(period, team, every_report=True))
            files = sum(version.files.count() for version in versions)
            lines.append(f"| Publish a quarter: {len(versions)} reports, {files} files | {count:,} | {seconds:.1f} s |")
            print(f"{'Publish a quarter (every report, every format)':<48} {count:>22,} {seconds:>10.1f} s", flush=True)
        else:
            publish(period, team, every_report=False)
        served[count] = served_times(period, team, live_pdf=count == PUBLISHED)
        lines += [f"| {what} | {count:,} | {milliseconds(seconds)} |" for what, seconds in served[count].items()]
    lines += ["", verdict(served)]
    record_section("Publishing a quarter and serving its kept reports, PostgreSQL", lines, PUBLISHING_HEADING)


def quarter_of(count: int) -> tuple[Period, User]:
    """A synthetic council's latest quarter, closed and not yet published, and its performance team."""
    make_council(Scale(measures=count, years=1, open_quarters=0, seed=5))
    period = Period.objects.select_related("year").order_by("-year__start_year", "-quarter").first()
    Period.objects.filter(pk=period.pk).update(state=Period.State.CLOSED, published_at=None, published_on=None)
    period.refresh_from_db()
    return period, User.objects.get(username="performance")


def publish(period: Period, team: User, *, every_report: bool):
    """Publish the quarter; with every_report False, keep its dashboard only (see the module's note)."""
    if not every_report:
        services.reports_of = lambda period: [next(iter(reports_of(period)))]
    try:
        return services.quarter_publish(period=period, by=team, confirm_unapproved=True, reason="Benchmark")
    finally:
        services.reports_of = reports_of


def served_times(period: Period, team: User, *, live_pdf: bool) -> dict[str, float]:
    public, working = Client(), Client()
    working.force_login(team)
    address = f"/reports/dashboard/?year={period.year.label}&quarter={period.quarter}"
    pdf = f"{address}&format=pdf"
    works = {
        "Published dashboard page, as kept (public)": lambda: checked(public, address, "as published on"),
        "Published dashboard PDF, as kept (public)": lambda: checked(public, pdf, "%PDF"),
        "Dashboard page built live (performance team)": lambda: checked(working, address, "Council Scorecard"),
    }
    if live_pdf:
        works["Dashboard PDF laid out live (performance team)"] = lambda: checked(working, pdf, "%PDF")
    return medians(works, repeats=REPEATS)


def checked(client: Client, address: str, expected: str) -> None:
    response = client.get(address)
    if response.status_code != 200 or expected.encode() not in response.content[:200_000]:
        raise RuntimeError(f"{address} answered {response.status_code} without {expected!r}")


def verdict(served: dict[int, dict[str, float]]) -> str:
    small, large = (served[count] for count in SERVED)
    growth = {what: large[what] / small[what] for what in large if what in small}
    kept = [what for what in growth if "as kept" in what]
    flat = all(growth[what] < 3 for what in kept)  # the files are bigger at 5,000: reading them is not free
    said = "; ".join(f"{what} {growth[what]:.1f}×" for what in growth)
    times = SERVED[1] // SERVED[0]
    state = "**Met.**" if flat else "**Not met.**"
    return (
        f"**A published report is served in a time that does not grow with the number of measures:** {state} From "
        f"{SERVED[0]:,} to {SERVED[1]:,} measures ({times}× as many) the server time grew: {said}. The kept page "
        "and PDF are read from storage, not built; only their size grows."
    )
