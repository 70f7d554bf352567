"""Importing returns through `manage.py import returns` (the web import's code) against PostgreSQL COPY.

A synthetic council's returns are written out as one import file per quarter (the generator's realistic
figures and commentary), removed, and their quarters reopened; then the files are imported, a quarter at
a time as the import requires, and the same files are COPYed into a bare table.
"""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.db import connection

from bench.results import Results
from bench.timing import once
from scorecard.council.models import Period
from scorecard.demo.synthetic import Scale, make_council
from scorecard.measures.fields import plain
from scorecard.performance.milestones import Progress
from scorecard.returns.models import DataFlag, Return

MEASURES = 1_000  # 100,000 returns are a hundred quarters' files of a 1,000-measure scorecard
# `make bench` stops by itself: the import stops after the quarter that passes this many seconds.
TIME_LIMIT = float(os.environ.get("BENCH_IMPORT_SECONDS", "240"))
HEADINGS = ["code", "period", "actual", "forecast", "flag", "note", "context", "improvement_actions", "intervention"]
COPY = "COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)"
BARE_TABLE = """
    CREATE TABLE bench_copy (code text, period text, actual text, forecast text, flag text, note text,
                             context text, improvement_actions text, intervention text)
"""


def bench_import(rows: int, results: Results) -> None:
    years = math.ceil(rows / (MEASURES * 4 * 0.85))  # annual measures make fewer returns
    make_council(Scale(measures=min(MEASURES, rows), years=years, open_quarters=0, seed=2))
    with tempfile.TemporaryDirectory() as folder:
        files = import_files(rows, Path(folder))
        reopened_and_empty()
        imported, done = once(lambda: import_within(files, TIME_LIMIT))
        count = sum(rows for _, _, rows in done)
        recorded = Return.objects.count()
        if recorded != count:
            raise RuntimeError(f"The import recorded {recorded:,} returns, not {count:,}")
        copied, _ = once(lambda: copy_all(done))
    scale = f"{count:,} returns" if count == rows else f"{count:,} of {rows:,} returns (time limit)"
    import_rate, copy_rate = count / imported, count / copied
    results.add("Import of returns (manage.py import)", scale, f"{import_rate:,.0f} rows/s")
    results.add("PostgreSQL COPY of the same rows", scale, f"{copy_rate:,.0f} rows/s")
    results.add(
        "Import ÷ COPY", scale, f"{import_rate / copy_rate:.2%}", key=("import",), value=import_rate / copy_rate
    )


def import_files(rows: int, folder: Path) -> list[tuple[Period, Path, int]]:
    """The council's returns as import files, a quarter each, until there are `rows` of them."""
    files, left = [], rows
    for period in Period.objects.select_related("year").order_by("year__start_year", "quarter"):
        returns = list(Return.objects.filter(period=period).select_related("measure").order_by("measure__code"))
        if not left or not returns:
            continue
        path = folder / f"{period.as_period.slug}.csv"
        path.write_text(file_text(returns[:left], period.label), encoding="utf-8")
        files.append((period, path, len(returns[:left])))
        left -= len(returns[:left])
    return files


def file_text(returns: list[Return], period: str) -> str:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(HEADINGS)
    for ret in returns:
        flag = DataFlag(ret.data_flag).label if ret.data_flag else ""
        figures = [shown(ret.actual, ret.actual_progress), shown(ret.forecast, ret.forecast_progress)]
        writer.writerow(
            [
                ret.measure.code,
                period,
                *figures,
                flag,
                ret.data_note,
                ret.context,
                ret.improvement_actions,
                ret.intervention,
            ]
        )
    return output.getvalue()


def shown(number, progress: str) -> str:
    if progress:
        return Progress(progress).label
    return "" if number is None else plain(number)


def reopened_and_empty() -> None:
    """No returns and every quarter open, as at the start of a collection round."""
    tables = [Return._meta.db_table, Return.history.model._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)}")
    Period.objects.update(state=Period.State.OPEN, published_at=None)


def import_within(files: list[tuple[Period, Path, int]], seconds: float) -> list[tuple[Period, Path, int]]:
    """Import the files a quarter at a time, stopping after the file that passes the time limit."""
    started, done = time.perf_counter(), []
    for period, path, rows in files:
        if time.perf_counter() - started > seconds:
            break
        call_command(
            "import",
            "returns",
            str(path),
            "--period",
            period.label,
            "--user",
            "performance",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
        done.append((period, path, rows))
    return done


def copy_all(files: list[tuple[Period, Path, int]]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(BARE_TABLE)
    for _, path, _ in files:
        with connection.cursor() as cursor, cursor.connection.cursor().copy(COPY) as copy:
            copy.write(path.read_bytes())
