# ruff: noqa: S608 -- the SQL is built from our own table and column names (c0, c1, …) and constants, never from
# the file's text, which reaches PostgreSQL only through COPY and parameters.
"""What a file checked by PostgreSQL (staging.py) would change, and its load: the staged rows as comparison values,
counted new, changed or unchanged against those held, then written in one INSERT … SELECT."""

from __future__ import annotations

from django.db import connection

from scorecard.benchmarking import checks
from scorecard.benchmarking.checks import YES, ComparisonCheck, Shown
from scorecard.benchmarking.files import Layout
from scorecard.benchmarking.keys import keys_rebuilt
from scorecard.benchmarking.models import Area, ComparisonValue, ExternalMeasure, Load
from scorecard.benchmarking.staged_sql import STAGED, TABLE, WORK_MEMORY, column, copied_cell


def values_select(cursor, layout: Layout, load_id: int | str = "NULL") -> str:
    """The rows of the checked table as comparison values (the codes turned into ids)."""
    cursor.execute("SELECT EXISTS (SELECT FROM staged_words)")
    (worded,) = cursor.fetchone()  # a file of plain numbers only (the usual) needs no joins to look words up
    figures, joins = [], []
    for key in ("value", "numerator", "denominator"):
        cell = column(layout, key)
        if key not in layout.positions:
            figures.append("NULL::numeric(18, 6)")
            continue
        if not worded:
            figures.append(f"nullif({cell}, '')::numeric(18, 6)")
            continue
        # every cell that is not a plain number was judged by the check and is in staged_words
        figures.append(
            f"CASE WHEN w_{key}.cell IS NOT NULL THEN w_{key}.number::numeric(18, 6) "
            f"ELSE nullif({cell}, '')::numeric(18, 6) END"
        )
        joins.append(f"LEFT JOIN staged_words w_{key} ON w_{key}.cell = {cell}")
    yes = ", ".join(f"'{word}'" for word in sorted(YES))
    marked = "coalesce(w_value.suppressed, false)" if worded and "value" in layout.positions else "false"
    return f"""SELECT m.id AS measure_id, a.id AS area_id, p.label AS period, {figures[0]} AS value,
        {figures[1]} AS numerator, {figures[2]} AS denominator,
        lower({column(layout, "provisional")}) IN ({yes}) AS provisional,
        ({marked} OR lower({column(layout, "suppressed")}) IN ({yes})) AS suppressed, {load_id} AS load_id,
        s.row_number, mc.code AS measure_code, ac.code AS area_code
      FROM {TABLE} s
      JOIN staged_periods p ON p.cell = {copied_cell(layout, "period")}
      JOIN staged_codes mc ON mc.place = 0 AND mc.cell = {copied_cell(layout, "measure_code")}
      JOIN {ExternalMeasure._meta.db_table} m ON m.source = 'generic' AND m.code = mc.code
      JOIN staged_codes ac ON ac.place = 1 AND ac.cell = {copied_cell(layout, "area_code")}
      JOIN {Area._meta.db_table} a ON a.code = ac.code
      {" ".join(joins)}"""


def classify(cursor, layout: Layout, check: ComparisonCheck) -> None:
    """New, changed and unchanged rows, when the file is right and its measures have values already."""
    codes = list(check.file.measures)
    held = ExternalMeasure.objects.filter(source="generic", code__in=codes)
    if check.has_problems or not ComparisonValue.objects.filter(measure__in=held).exists():
        check.new = check.rows - check.in_error
        return
    table = ComparisonValue._meta.db_table
    compared = f"""WITH compared AS (
        SELECT f.row_number, f.measure_code, f.area_code, f.period, v.value AS was, f.value AS now,
            CASE WHEN v.id IS NULL THEN 'new'
                 WHEN (v.value, v.numerator, v.denominator, v.provisional, v.suppressed)
                      IS NOT DISTINCT FROM (f.value, f.numerator, f.denominator, f.provisional, f.suppressed)
                 THEN 'unchanged' ELSE 'changed' END AS outcome
        FROM ({values_select(cursor, layout)}) f
        LEFT JOIN {table} v ON v.measure_id = f.measure_id AND v.period = f.period AND v.area_id = f.area_id)"""
    cursor.execute(f"{compared} SELECT outcome, count(*) FROM compared GROUP BY outcome")
    counted = dict(cursor.fetchall())
    check.changed, check.unchanged = counted.get("changed", 0), counted.get("unchanged", 0)
    # rows of measures or areas not held yet are not in the join: they are new too
    check.new = check.rows - check.in_error - check.changed - check.unchanged
    cursor.execute(
        f"{compared} SELECT row_number, outcome, measure_code, area_code, period, was, now FROM compared "
        f"WHERE outcome <> 'unchanged' ORDER BY row_number LIMIT {2 * checks.SHOWN}"
    )
    for row, outcome, measure, area, period, was, now in cursor.fetchall():
        check.show(Shown(row, outcome, measure, area, period, checks.shown_figure(was), checks.shown_figure(now)))


def staged_load(check: ComparisonCheck, load: Load) -> tuple[int, int]:
    """Write the checked table's values in one statement; (added, changed) as the check counted them."""
    table = ComparisonValue._meta.db_table
    columns = "measure_id, area_id, period, value, numerator, denominator, provisional, suppressed, load_id"
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL work_mem = '{WORK_MEMORY}'")
        # one transaction writes it all: its commit need not wait for the disk, as a crash before it loses nothing
        cursor.execute("SET LOCAL synchronous_commit = off")
        # the areas and measures this load has just added are joined by code: the planner must know they are there
        cursor.execute(f"ANALYZE {Area._meta.db_table}, {ExternalMeasure._meta.db_table}")
        staged = values_select(cursor, check.file.layout, int(load.pk))
        rows = f"INSERT INTO {table} ({columns}) SELECT {columns} FROM ({staged}) f"
        if not (check.changed or check.unchanged):
            with keys_rebuilt(cursor, table, check.new):
                cursor.execute(rows)  # all new: a plain insert (a value added meanwhile breaks the unique index)
        else:
            cursor.execute(
                f"""{rows}
                ON CONFLICT (measure_id, period, area_id) DO UPDATE SET value = excluded.value,
                    numerator = excluded.numerator, denominator = excluded.denominator,
                    provisional = excluded.provisional, suppressed = excluded.suppressed, load_id = excluded.load_id
                WHERE ({table}.value, {table}.numerator, {table}.denominator, {table}.provisional,
                       {table}.suppressed) IS DISTINCT FROM (excluded.value, excluded.numerator,
                       excluded.denominator, excluded.provisional, excluded.suppressed)"""
            )
        for staging_table in STAGED:
            cursor.execute(f"DROP TABLE IF EXISTS {staging_table}")
    return check.new, check.changed
