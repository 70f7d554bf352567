"""Importing a catalogue of measures: code, title, good is, unit, decimals, frequency, accumulation, definition.

One row per measure (docs/history-import.md). A code already in Scorecard (as a code or an alias) updates
that measure; a new code adds one. Only the performance team changes the catalogue; each change is kept in
the measure's history with who made it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from scorecard.accounts import permissions
from scorecard.imports import plans
from scorecard.imports.cells import CellProblem, is_empty, shown, text_of, words
from scorecard.imports.plans import Plan, PlannedRow, ProgressReport, ignored_columns, outcome_of, planned_rows
from scorecard.imports.reading import Row, heading_key, read_rows
from scorecard.measures import services
from scorecard.measures.models import Accumulation, Measure, Unit
from scorecard.measures.selectors import AMBIGUOUS, CodeIndex, normalised
from scorecard.performance.assessment import Frequency
from scorecard.performance.status import Polarity

COLUMNS = ("code", "title", "good_is", "unit", "decimals", "frequency", "accumulation", "definition")
REQUIRED = ("code", "title", "good_is", "unit")
ALIASES = {"measure_code": "code", "reference": "code", "polarity": "good_is", "name": "title"}
GOOD_IS_WORDS = {"high": Polarity.HIGH, "low": Polarity.LOW, "none": Polarity.NONE, "n_a": Polarity.NONE}
UNIT_WORDS = {
    **{heading_key(unit.value): unit for unit in Unit},
    **{heading_key(unit.label): unit for unit in Unit},
    "pounds": Unit.POUNDS,
    "rate_per_1_000": Unit.RATE_PER_1000,
    "rate_per_10_000": Unit.RATE_PER_10000,
    "rate_per_100_000": Unit.RATE_PER_100000,
}
SYMBOLS = {"%": Unit.PERCENT, "£": Unit.POUNDS}
ACCUMULATION_WORDS = {
    **{heading_key(word.value): word for word in Accumulation},
    **{heading_key(word.label): word for word in Accumulation},
    "ytd": Accumulation.YEAR_TO_DATE,
    "cumulative": Accumulation.YEAR_TO_DATE,
    "point_in_time": Accumulation.SNAPSHOT,
    "discrete": Accumulation.DISCRETE,
    "in_period": Accumulation.DISCRETE,
    "rolling_12_month": Accumulation.ROLLING_12_MONTHS,
    "rolling_year": Accumulation.ROLLING_12_MONTHS,
}
FREQUENCY_WORDS = {heading_key(word.value): word for word in Frequency} | {"biennial_survey": Frequency.BIENNIAL}
MOST_DECIMALS = 6
CODE_LENGTH = Measure._meta.get_field("code").max_length
TITLE_LENGTH = Measure._meta.get_field("title").max_length


def read_catalogue_file(file_name: str, content: bytes, *, max_bytes: int | None = None) -> list[Row]:
    return read_rows(file_name, content, required=REQUIRED, aliases=ALIASES, max_bytes=max_bytes)


def plan_catalogue(rows: Sequence[Row], by, *, source: str, progress: ProgressReport | None = None) -> Plan:
    """Each measure new, changed, unchanged or in error, against the measures held now."""
    checks = CatalogueChecks(by)
    planned = planned_rows(rows, COLUMNS, checks.check, progress)
    write = plans.row_by_row(partial(record_measure, source=source))
    return Plan("measures", planned, write=write, ignored_columns=ignored_columns(rows, COLUMNS))


class CatalogueChecks:
    def __init__(self, by):
        self.by = by
        self.measures = CodeIndex.of_everything()
        self.first_rows: dict[str, int] = {}  # code → the row it was first given in

    def check(self, row: PlannedRow, cells: Row) -> None:
        found = self.fields(row, cells)
        measure = self.measure(row)
        if row.problems:
            return
        row.measure = measure
        row.changes = {name: value for name, value in found.items() if not measure or getattr(measure, name) != value}
        row.reasons = reasons(measure, row.changes)
        if row.changes and not permissions.may_run_the_quarter(self.by):
            row.problem("code", "Only the performance team changes the catalogue of measures")
        outcome_of(row, stored=measure is not None)

    def fields(self, row: PlannedRow, cells: Row) -> dict[str, object]:
        found = {}
        for column, (name, read) in READERS.items():
            try:
                value = read(cells.get(column))
            except CellProblem as problem:
                row.problem(column, str(problem))
                continue
            if value is not None:  # None: the cell is empty and keeps what is held
                found[name] = value
        return found

    def measure(self, row: PlannedRow) -> Measure | None:
        if not row.code:
            return None
        first = self.first_rows.setdefault(normalised(row.code), row.number)
        if first != row.number:
            row.problem("code", f"Row {first} is also for {shown(row.code)}: give each measure once")
        measure = self.measures.find(row.code)
        if measure is AMBIGUOUS:
            row.problem("code", f"{shown(row.code)} is the code of more than one measure: use its current code")
            return None
        if measure is not None and measure.is_action:
            row.problem("code", f"{shown(row.code)} is a Council Plan action: the catalogue holds measures")
        return measure


# -- what a row says -----------------------------------------------------------------------------


def code(value: object) -> str:
    text = text_of(value)
    if not text:
        raise CellProblem("Give the measure's code, for example CM PM15")
    if len(text) > CODE_LENGTH:
        raise CellProblem(f"A code is at most {CODE_LENGTH} characters; this is {len(text)}")
    return text


def title(value: object) -> str:
    if is_empty(value):
        raise CellProblem("Give the measure's title")
    return words(value, longest=TITLE_LENGTH)


def good_is(value: object) -> str:
    word = GOOD_IS_WORDS.get(heading_key(text_of(value)))
    if word is None or is_empty(value):
        raise CellProblem(f"{shown(value)} is not a “good is”: use High, Low or None (for context-only measures)")
    return word.value


def unit(value: object) -> str:
    text = text_of(value)
    found = SYMBOLS.get(text) or UNIT_WORDS.get(heading_key(text))
    if found is None or is_empty(value):
        raise CellProblem(f"{shown(value)} is not a unit: use count, percent, pounds, days, score or rate per 1,000")
    if found == Unit.MILESTONE:
        raise CellProblem("A milestone has no figures: add Council Plan actions in the administration pages")
    return found.value


def decimals(value: object) -> int:
    text = text_of(value)
    if not text:
        return 0
    if not text.isdigit() or int(text) > MOST_DECIMALS:
        raise CellProblem(f"{shown(value)} is not a number of decimal places: use a whole number from 0 to 6")
    return int(text)


def frequency(value: object) -> str:
    if is_empty(value):
        return Frequency.ANNUAL.value
    found = FREQUENCY_WORDS.get(heading_key(text_of(value)))
    if found is None:
        raise CellProblem(f"{shown(value)} is not a frequency: use monthly, quarterly, annual or biennial")
    return found.value


def accumulation(value: object) -> str | None:
    """How values build up over the year; empty keeps what is held (year to date for a new measure)."""
    if is_empty(value):
        return None
    found = ACCUMULATION_WORDS.get(heading_key(text_of(value)))
    if found is None:
        raise CellProblem(
            f"{shown(value)} is not a way of accumulating: use year to date, snapshot, discrete period "
            "or rolling 12 months"
        )
    return found.value


READERS = {
    "code": ("code", code),
    "title": ("title", title),
    "good_is": ("polarity", good_is),
    "unit": ("unit", unit),
    "decimals": ("decimals", decimals),
    "frequency": ("frequency", frequency),
    "accumulation": ("accumulation", accumulation),
    "definition": ("definition", words),
}


def reasons(measure: Measure | None, changed: dict[str, object]) -> list[str]:
    if measure is None:
        return ["new measure"]
    if not changed:
        return ["same as held"]
    return [f"{Measure._meta.get_field(name).verbose_name} changed" for name in changed]


# -- the commit ----------------------------------------------------------------------------------


def record_measure(row: PlannedRow, by, *, source: str) -> None:
    services.measure_record(measure=row.measure, by=by, reason=f"Catalogue imported from {source}", **row.changes)
