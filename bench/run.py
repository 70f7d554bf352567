"""`make bench`: Scorecard's figures at scale, printed and written to bench/RESULTS.md.

Runs against its own PostgreSQL database (BENCH_DATABASE, default scorecard_bench), made fresh and dropped
at the end. BENCH_SCALES (default 100,1000,5000) says how many measures; BENCH_IMPORT_ROWS (default
100000) how many returns the import benchmark imports. A quick run: BENCH_SCALES=100,1000 BENCH_IMPORT_ROWS=10000.
BENCH_ONLY=import runs the import benchmark alone and prints its figures and verdict, leaving RESULTS.md as it is
(its figures are one whole run's). BENCH_ONLY=bulk runs the bulk approval benchmark alone; it writes its own
section of RESULTS.md (as it does in a whole run); BENCH_ONLY=publishing the publishing benchmark alike.
BENCH_ONLY=spc (`make bench-spc`) times the dashboard with and without its SPC columns at 1,000 measures by
36 quarters and writes its own section; a whole run leaves it as it is.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import django

from bench import database

PDF_UP_TO = 1_000  # measures: a bigger improvement report's PDF takes minutes, and shows nothing new


def scales() -> list[int]:
    return [int(n) for n in os.environ.get("BENCH_SCALES", "100,1000,5000").split(",")]


def main() -> None:
    database.recreate()
    os.environ.update(
        DATABASE_URL=database.url(),
        DJANGO_SETTINGS_MODULE="scorecard.settings",
        SCORECARD_DEBUG="false",  # as in production: no query log, no debug templates
        SCORECARD_SECRET_KEY=secrets.token_urlsafe(50),  # production settings want 50 characters or more
        SCORECARD_SSL_REDIRECT="false",  # the in-process test client asks over plain HTTP
        SCORECARD_ALLOWED_HOSTS="testserver",
        SCORECARD_SITE_URL="https://testserver",
        SCORECARD_STATIC_ROOT=str(Path(__file__).resolve().parent.parent / "var" / "bench-static"),
    )
    django.setup()
    try:
        import_rows = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
        if os.environ.get("BENCH_ONLY") == "import":
            run_import(import_rows)
        elif os.environ.get("BENCH_ONLY") in ("bulk", "publishing", "spc"):
            run_alone(os.environ["BENCH_ONLY"])
        else:
            run(scales(), import_rows)
    finally:
        from django.db import connections

        connections.close_all()
        database.drop()


def run(counts: list[int], import_rows: int) -> None:
    from django.core.management import call_command

    from bench import goals
    from bench.bulk import bench_bulk
    from bench.imports import bench_import
    from bench.pages import bench_pages
    from bench.pdf import bench_pdf
    from bench.publishing import bench_publishing
    from bench.results import Results, measures
    from bench.timing import once
    from scorecard.demo.synthetic import Scale, make_council

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # pages name the hashed files, as in production
    results = Results()
    for count in counts:
        call_command("flush", interactive=False, verbosity=0)
        seconds, _ = once(lambda count=count: make_council(Scale(measures=count, years=3, open_quarters=0)))
        results.add("Make the council (3 years, make_council)", measures(count), f"{seconds:.1f} s")
        bench_pages(count, results)
        if count <= PDF_UP_TO:
            bench_pdf(count, results)
    call_command("flush", interactive=False, verbosity=0)
    bench_import(import_rows, results)
    results.write(goals.verdicts(results, counts), counts)
    call_command("flush", interactive=False, verbosity=0)
    bench_bulk()
    bench_publishing()


def run_alone(which: str) -> None:
    """One of the benchmarks that write their own section of RESULTS.md."""
    from django.core.management import call_command

    from bench.bulk import bench_bulk
    from bench.publishing import bench_publishing
    from bench.spc import bench_spc

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    {"bulk": bench_bulk, "publishing": bench_publishing, "spc": bench_spc}[which]()


def run_import(import_rows: int) -> None:
    from django.core.management import call_command

    from bench import goals
    from bench.imports import bench_import
    from bench.results import Results

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # pages name the hashed files, as in production
    results = Results()
    bench_import(import_rows, results)
    print(goals.import_share(results), flush=True)


if __name__ == "__main__":
    main()
