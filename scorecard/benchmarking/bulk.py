"""Writing a checked file's comparison values in bulk: PostgreSQL's COPY where it is the database, batches of
bulk_create and bulk_update on SQLite; never one ORM save per value.

New values are copied straight into the table; changed ones (a file loaded again with corrections) into a
temporary table, then updated from it in one statement. Unchanged values are not written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from django.db import connection

from scorecard.benchmarking import staged_values, staging
from scorecard.benchmarking.checks import ComparisonCheck, Figures, figures, outcome
from scorecard.benchmarking.models import ComparisonValue, Load
from scorecard.performance import benchmark_periods

BATCH = 5_000  # values per COPY write or bulk_create batch
COLUMNS = ("measure_id", "area_id", "period", "value", "numerator", "denominator", "provisional", "suppressed")

Ids = dict[str, int]
Planned = tuple[int, int, str, Figures]  # measure id, area id, period, figures


def write_values(
    check: ComparisonCheck, load: Load, measures: Ids, areas: Ids, progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """(values added, values changed), written in bulk."""
    if staging.usable(check.file):
        return staged_values.staged_load(check, load)
    planned = values_planned(check, measures, areas)
    if connection.vendor == "postgresql":
        return copied(planned, load, progress)
    return batched(planned, load, progress)


def values_planned(check: ComparisonCheck, measures: Ids, areas: Ids) -> Iterator[tuple[str, int | None, Planned]]:
    """("new" or "changed", the stored id when changed, what to write) for each row that writes anything."""
    periods: dict[str, str] = {}
    for record in check.file.records():
        period = periods.get(record.period) or periods.setdefault(
            record.period, benchmark_periods.period_label(record.period)
        )
        planned = (measures[record.measure], areas[record.area], period)
        if not check.stored:
            yield "new", None, (*planned, figures(record))
            continue
        kind, now, held = outcome(record, period, check.stored)
        if kind != "unchanged":
            yield kind, held and held[0], (*planned, now)


# -- PostgreSQL ---------------------------------------------------------------------------------------


def copied(planned: Iterator, load: Load, progress: Callable[[int], None] | None) -> tuple[int, int]:
    table = ComparisonValue._meta.db_table
    changed: list[str] = []
    added = 0
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}, load_id) FROM STDIN") as copy:
            lines: list[str] = []
            for kind, stored_id, (measure, area, period, values) in planned:
                if kind == "changed":
                    changed.append(f"{stored_id}\t{copy_figures(values)}\n")
                    continue
                lines.append(f"{measure}\t{area}\t{period}\t{copy_figures(values)}\t{load.pk}\n")
                added += 1
                if len(lines) == BATCH:
                    copy.write("".join(lines))
                    lines.clear()
                    if progress:
                        progress(added)
            copy.write("".join(lines))
        if changed:
            update_changed(cursor, table, changed, load)
    return added, len(changed)


def copy_figures(values: Figures) -> str:
    value, numerator, denominator, provisional, suppressed = values
    return (
        f"{copy_number(value)}\t{copy_number(numerator)}\t{copy_number(denominator)}\t"
        f"{'t' if provisional else 'f'}\t{'t' if suppressed else 'f'}"
    )


def copy_number(value: Decimal | None) -> str:
    return r"\N" if value is None else str(value)


def update_changed(cursor, table: str, changed: list[str], load: Load) -> None:
    cursor.execute(
        "CREATE TEMPORARY TABLE changed_comparison_values (id bigint, value numeric, numerator numeric, "
        "denominator numeric, provisional boolean, suppressed boolean) ON COMMIT DROP"
    )
    with cursor.copy("COPY changed_comparison_values FROM STDIN") as copy:
        for start in range(0, len(changed), BATCH):
            copy.write("".join(changed[start : start + BATCH]))
    cursor.execute(
        f"UPDATE {table} AS held SET value = changed.value, numerator = changed.numerator, "  # noqa: S608 (our names)
        "denominator = changed.denominator, provisional = changed.provisional, suppressed = changed.suppressed, "
        "load_id = %s FROM changed_comparison_values AS changed WHERE held.id = changed.id",
        [load.pk],
    )
    cursor.execute("DROP TABLE changed_comparison_values")


# -- SQLite (and any other database) --------------------------------------------------------------------


def batched(planned: Iterator, load: Load, progress: Callable[[int], None] | None) -> tuple[int, int]:
    new: list[ComparisonValue] = []
    changed: list[ComparisonValue] = []
    added = updated = 0
    for kind, stored_id, (measure, area, period, values) in planned:
        value = ComparisonValue(
            pk=stored_id,
            measure_id=measure,
            area_id=area,
            period=period,
            load=load,
            **dict(zip(COLUMNS[3:], values, strict=True)),
        )
        (changed if kind == "changed" else new).append(value)
        if len(new) == BATCH:
            ComparisonValue.objects.bulk_create(new)
            added += len(new)
            new.clear()
            if progress:
                progress(added)
        if len(changed) == BATCH:
            updated += update_batch(changed)
    ComparisonValue.objects.bulk_create(new, batch_size=BATCH)
    return added + len(new), updated + update_batch(changed)


def update_batch(changed: list[ComparisonValue]) -> int:
    ComparisonValue.objects.bulk_update(changed, [*COLUMNS[3:], "load"], batch_size=500)
    count = len(changed)
    changed.clear()
    return count
