"""A catalogue and its history, in our own shape or from a named source, checked together and committed as one.

The catalogue is checked first, so history may name the measures it adds; both are written in one
transaction, or nothing is.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from scorecard.imports import ImportProblem, lgbf
from scorecard.imports.catalogue import plan_catalogue, read_catalogue_file
from scorecard.imports.history import plan_history, read_history_file
from scorecard.imports.plans import Outcome, Plan, Problem, ProgressReport, commit_plan
from scorecard.reports.render.delimited import not_a_formula

OURS = "scorecard"
SOURCES = (OURS, "lgbf")

File = tuple[str, bytes]  # (name, content)


@dataclass
class HistoryImport:
    """What the files would do: the catalogue's plan, the values' plan, and the rows that are not placed."""

    catalogue: Plan | None
    values: Plan | None
    total: int = 0  # rows in the values file
    other_councils: int = 0
    unplaceable: list[lgbf.SetAside] = field(default_factory=list)

    @property
    def plans(self) -> list[Plan]:
        return [plan for plan in (self.catalogue, self.values) if plan is not None]

    @property
    def in_error(self) -> int:
        return sum(plan.in_error for plan in self.plans)

    @property
    def problems(self) -> list[Problem]:
        return [problem for plan in self.plans for problem in plan.problems]

    @property
    def changes_nothing(self) -> bool:
        return not any(plan.to_write for plan in self.plans)

    def summary(self) -> list[str]:
        lines = [f"{plan.what.capitalize()}: {plan.summary}." for plan in self.plans]
        if self.total:
            lines.append(self.accounting())
            kinds = Counter(row.kind for row in self.unplaceable)
            lines += [f"  {count:,} unplaceable: {kind}" for kind, count in sorted(kinds.items())]
        return lines

    def accounting(self) -> str:
        """Every row of the source's values file, in one class or another: none dropped silently."""
        values = self.values
        return (
            f"The values file's {self.total:,} rows: {len(values.to_write):,} to import, "
            f"{values.counted(Outcome.UNCHANGED):,} unchanged, {values.in_error:,} in error, "
            f"{self.other_councils:,} for other councils, {len(self.unplaceable):,} unplaceable."
        )

    @transaction.atomic
    def commit(self, by, *, progress: ProgressReport | None = None) -> dict[str, int]:
        """Write the catalogue, then the values; all of it or, if anything is refused, none."""
        if self.in_error:
            raise ImportProblem(f"{self.in_error:,} rows are in error, so nothing was imported.")
        return {plan.what: commit_plan(plan, by, progress=progress) for plan in self.plans}

    def error_report(self) -> str:
        """Every problem and every unplaceable row as CSV (row, column, message), in the order of the file."""
        output = io.StringIO()
        writer = csv.writer(output, lineterminator="\r\n")
        writer.writerow(["row", "column", "message"])
        rows = [(problem.row, problem.column, problem.message) for problem in self.problems]
        rows += [(row.number, row.column, f"unplaceable: {row.reason}") for row in self.unplaceable]
        writer.writerows((number, column, not_a_formula(message)) for number, column, message in sorted(rows))
        return output.getvalue()


def plan_history_import(
    *,
    by,
    catalogue: File | None = None,
    values: File | None = None,
    source: str = OURS,
    council: str = "",
    max_bytes: int | None = None,
    progress: ProgressReport | None = None,
) -> HistoryImport:
    """Check a catalogue, a history file, or both; raises ImportProblem when a file as a whole cannot be read."""
    if source == "lgbf":
        return plan_lgbf(by, catalogue, values, council, max_bytes, progress)
    catalogue_plan = (
        plan_catalogue(read_catalogue_file(*catalogue, max_bytes=max_bytes), by, source=catalogue[0])
        if catalogue
        else None
    )
    values_plan = None
    if values:
        rows = read_history_file(*values, max_bytes=max_bytes)
        values_plan = plan_history(rows, by, source=values[0], catalogue=catalogue_plan, progress=progress)
    return HistoryImport(catalogue_plan, values_plan)


def plan_lgbf(by, catalogue: File | None, values: File | None, council: str, max_bytes, progress) -> HistoryImport:
    """The LGBF's indicators file is the catalogue, and its values file needs it: it says how to read each value."""
    if catalogue is None:
        raise ImportProblem("The LGBF's values need its indicators file too: give it as the catalogue.")
    rows, indicators = lgbf.read_indicators(*catalogue, max_bytes=max_bytes)
    catalogue_plan = plan_catalogue(rows, by, source=f"LGBF {catalogue[0]}")
    if values is None:
        return HistoryImport(catalogue_plan, None)
    if not council.strip():
        raise ImportProblem("The LGBF holds every Scottish council: say whose history to import.")
    found = lgbf.read_values(*values, indicators, council, max_bytes=max_bytes)
    values_plan = plan_history(
        found.rows,
        by,
        source=f"LGBF {values[0]}, {council}",
        catalogue=catalogue_plan,
        numbers=found.numbers,
        progress=progress,
    )
    return HistoryImport(catalogue_plan, values_plan, found.total, found.other_councils, found.unplaceable)
