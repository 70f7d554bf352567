"""Importing a year's scorecard from one sheet: one row per measure or action (docs/moving-in.md).

A row creates or updates its measure (found by code, or by one of its aliases), puts it in the year's scorecard in
the row's place, with its directorate, priority, perspective and portfolios, sets the targets not yet set, and
links its owner and approver. Only code and title are required: a blank cell keeps what is held (a new measure
gets the usual default). Directorates, pledges, priorities, perspectives and portfolios not yet held are created,
and people given by an address held by no one are invited: the check lists them first. Setting up the scorecard
is the performance team's job (permissions.sets_up_the_scorecard); every write is kept in the history.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError

from scorecard.accounts import permissions
from scorecard.accounts.models import Role
from scorecard.council.models import FinancialYear, OrganisationSettings, Period
from scorecard.imports import ImportProblem, catalogue, sheet_words
from scorecard.imports.cells import CellProblem, is_empty, shown
from scorecard.imports.plans import Plan, PlannedRow, ProgressReport, outcome_of, planned_rows
from scorecard.imports.reading import Row, read_rows
from scorecard.imports.sheet_names import CouncilNames, People, key
from scorecard.imports.sheet_writes import SheetWriter
from scorecard.imports.targets import already_set, figure_of, when
from scorecard.measures.fields import plain
from scorecard.measures.models import Measure, ScorecardEntry, Unit
from scorecard.measures.selectors import AMBIGUOUS, CodeIndex, codes_of, normalised
from scorecard.performance.direction import Comparison
from scorecard.performance.status import Polarity

COLUMNS = (
    "code", "title", "kind", "directorate", "owner", "approver", "good_is", "unit", "unit_label", "decimals",
    "minimum", "maximum", "frequency", "accumulation", "compare_with", "q1_target", "q2_target", "q3_target",
    "q4_target", "year_end_target", "pledge", "priority", "perspective", "portfolios", "aliases",
)  # fmt: skip
REQUIRED = ("code", "title")
ALIASES = {"measure_code": "code", "reference": "code", "polarity": "good_is", "name": "title"}
MEASURE_COLUMNS = {  # column → (the measure's field, how the cell is read)
    "kind": ("kind", sheet_words.kind),
    "good_is": ("polarity", sheet_words.good_is),
    "unit": ("unit", sheet_words.unit),
    "unit_label": ("unit_label", sheet_words.unit_label),
    "decimals": ("decimals", sheet_words.decimals),
    "minimum": ("minimum", sheet_words.bound),
    "maximum": ("maximum", sheet_words.bound),
    "frequency": ("frequency", sheet_words.frequency),
    "accumulation": ("accumulation", sheet_words.accumulation),
    "compare_with": ("comparison", sheet_words.compare_with),
}
FIELD_COLUMNS = {name: column for column, (name, _) in MEASURE_COLUMNS.items()} | {"code": "code", "title": "title"}
ENTRY_WORDS = {
    "order": "place",
    "directorate": "directorate",
    "perspective": "perspective",
    "priority": "priority",
    "portfolios": "portfolios",
    "title": "title this year",
}
QUARTER_TARGETS = {f"q{number}_target": number for number in range(1, 5)}
# A year collected monthly has a target per month in place of the quarters': m1 (April) to m12 (March).
MONTH_TARGETS = {f"m{number}_target": number for number in range(1, 13)}


def columns_for(year: FinancialYear) -> tuple[str, ...]:
    """The sheet's columns for the year: the quarters' target columns, or the months' in a year collected monthly."""
    if not year.is_monthly:
        return COLUMNS
    at = COLUMNS.index("q1_target")
    return (*COLUMNS[:at], *MONTH_TARGETS, *COLUMNS[at + len(QUARTER_TARGETS) :])


def target_columns(year: FinancialYear) -> dict[str, int | None]:
    """Each target column and the number of its quarter or month in the year (None: the year end)."""
    return {**(MONTH_TARGETS if year.is_monthly else QUARTER_TARGETS), "year_end_target": None}


def read_scorecard_file(file_name: str, content: bytes, *, max_bytes: int | None = None) -> list[Row]:
    """The sheet's rows; a column the sheet does not have is refused by name, never left out unseen."""
    rows = read_rows(file_name, content, required=REQUIRED, aliases=ALIASES, max_bytes=max_bytes)
    unknown = [column for column in rows[0] if column not in COLUMNS and column not in MONTH_TARGETS]
    if unknown:
        named = " and ".join(f"“{column}”" for column in unknown)
        raise ImportProblem(
            f"The file has {'a column' if len(unknown) == 1 else 'columns'} headed {named}, which the scorecard "
            f"sheet does not have: rename {'it' if len(unknown) == 1 else 'them'} to one of the template's "
            f"columns ({', '.join(COLUMNS)}) or remove {'it' if len(unknown) == 1 else 'them'}."
        )
    return rows


def plan_scorecard(rows: Sequence[Row], year: FinancialYear, by, *, progress: ProgressReport | None = None) -> Plan:
    """Each row new, changed, unchanged or in error, against what is held now; what would be created, first."""
    checks = SheetChecks(year, by)
    check_target_columns(rows, checks.year)
    planned = planned_rows(rows, columns_for(checks.year), checks.check, progress)
    return Plan(
        "scorecard rows",
        planned,
        write=SheetWriter(checks),
        created_first=checks.names.to_create() + checks.people.to_invite(),
        notes=checks.left_out(planned),
    )


def check_target_columns(rows: Sequence[Row], year: FinancialYear) -> None:
    """Quarters' target columns for a year collected monthly, or months' for one collected quarterly: refused by
    name, so no target is set in a period the year does not have."""
    headings = rows[0] if rows else {}
    targets = (*QUARTER_TARGETS, *MONTH_TARGETS)
    wrong = [column for column in headings if column in targets and column not in columns_for(year)]
    if not wrong:
        return
    named = " and ".join(f"“{column}”" for column in wrong)
    if year.is_monthly:
        instead = "is collected monthly: give its targets in m1_target (April) to m12_target (March)"
    else:
        instead = "is collected quarterly: give its targets in q1_target to q4_target"
    raise ImportProblem(f"The file has {named}, but {year.label} {instead}. Nothing was imported.")


class SheetChecks:
    """The checks of one sheet's rows, with the measures, the year's scorecard, names and people read once."""

    def __init__(self, year: FinancialYear, by):
        self.year = FinancialYear.objects.get(pk=year.pk)
        self.by = by
        self.comparison = getattr(OrganisationSettings.load(), "default_comparison", "") or (
            Comparison.SAME_PERIOD_LAST_YEAR.value
        )
        entries = ScorecardEntry.objects.filter(year=self.year).select_related(
            "measure", "directorate", "priority__pledge", "perspective"
        )
        self.entries = {entry.measure_id: entry for entry in entries.prefetch_related("portfolios")}
        measures = Measure.objects.select_related("owner").prefetch_related("aliases")
        self.codes = CodeIndex(
            [(measure, codes_of(measure)) for measure in measures]
            + [(entry.measure, [entry.code]) for entry in self.entries.values()]
        )
        self.periods = {period.number: period for period in Period.objects.filter(year=self.year)}
        self.stored = {(target.measure_id, target.period_id): target for target in self.year.targets.all()}
        self.names, self.people = CouncilNames(), People()
        self.claimed: dict[str, int] = {}  # a code or alias (normalised) → the row that gave it
        self.measure_rows: dict[int, int] = {}  # a held measure → the row that gave it
        self.places = 0

    def check(self, row: PlannedRow, cells: Row) -> None:
        self.places += 1
        SheetRow(self, row, cells, place=self.places).check()
        if row.changes and not permissions.sets_up_the_scorecard(self.by):
            row.problem("code", "Only the performance team sets up the year's scorecard")
        outcome_of(row, stored=row.seen is not None)

    def left_out(self, planned: list[PlannedRow]) -> list[str]:
        """The year's measures the file does not list: they stay in the scorecard as they are."""
        listed = {row.measure.pk for row in planned if row.measure is not None and row.measure.pk}
        missing = [
            entry.display_code or entry.display_title
            for entry in self.entries.values()
            if entry.measure_id not in listed
        ]
        if not missing:
            return []
        return [
            f"{len(missing):,} of {self.year.label}'s scorecard {'is' if len(missing) == 1 else 'are'} not in the "
            f"file and stay{'s' if len(missing) == 1 else ''} as {'it is' if len(missing) == 1 else 'they are'}: "
            + ", ".join(missing)
        ]


class SheetRow:
    """One row's checks: what it would change, kept on the PlannedRow for the commit (sheet_writes.py)."""

    def __init__(self, checks: SheetChecks, row: PlannedRow, cells: Row, *, place: int):
        self.checks, self.row, self.cells, self.place = checks, row, cells, place
        self.changes: dict[str, object] = {}

    def check(self) -> None:
        row = self.row
        code, title = self.read("code", catalogue.code), self.read("title", catalogue.title)
        held, found_by_alias, aliases = self.measure(code)
        entry = self.checks.entries.get(held.pk) if held else None
        candidate = self.candidate(held, code if found_by_alias else None, title, entry)
        self.check_candidate(candidate)
        self.measure_changes(held, candidate, found_by_alias)
        self.alias_changes(held, candidate, aliases)
        directorate = self.entry_changes(held, entry, title)
        self.target_changes(held, candidate)
        self.people_changes(held, directorate)
        row.measure, row.seen = held or candidate, entry
        row.changes = {name: value for name, value in self.changes.items() if value} if not row.problems else {}
        row.reasons = self.reasons(held, entry) if not row.problems else []

    def read(self, column: str, reader, *, blank=None):
        """The cell read by its reader; None (or blank) when it is blank or in error."""
        value = self.cells.get(column)
        if is_empty(value) or self.row.has_problem(column):
            return blank
        try:
            return reader(value)
        except CellProblem as problem:
            self.row.problem(column, str(problem))
            return blank

    # -- the measure ---------------------------------------------------------------------------------

    def measure(self, code: str | None) -> tuple[Measure | None, bool, list[str]]:
        """The held measure the row is for (by its code, else by an alias), whether found by alias, and the aliases."""
        aliases = self.read("aliases", sheet_words.names, blank=[])
        if not code:
            return None, False, aliases
        found, by_alias = self.checks.codes.find(code), False
        if found is None:
            by_aliases = {self.checks.codes.find(alias) for alias in aliases} - {None}
            found, by_alias = (by_aliases.pop(), True) if len(by_aliases) == 1 else (None, False)
        if found is AMBIGUOUS:
            self.row.problem("code", f"{shown(code)} is the code of more than one measure: use its current code")
            return None, False, aliases
        self.claim("code", code, found)
        return found, by_alias, aliases

    def claim(self, column: str, code: str, measure: Measure | None) -> None:
        """A code or alias is given once in the file, and a measure is listed once."""
        first = self.checks.claimed.setdefault(normalised(code), self.row.number)
        if measure is not None:
            first = min(first, self.checks.measure_rows.setdefault(measure.pk, self.row.number))
        if first != self.row.number and column == "code":
            self.row.problem("code", f"Row {first} is also for {shown(code)}: give each measure once")
        elif first != self.row.number:
            self.row.problem(column, f"{shown(code)} is already used in row {first}: give each code once")

    def candidate(self, held: Measure | None, new_code: str | None, title: str | None, entry) -> Measure:
        """The measure as it would be once the row is imported (unsaved): what is held, with the row's cells."""
        kind = self.read("kind", sheet_words.kind)
        if held is None:
            measure = Measure(kind=kind or Measure.Kind.MEASURE, comparison=self.checks.comparison)
            if measure.is_action:
                measure.unit, measure.polarity = Unit.MILESTONE, Polarity.NONE.value
        else:
            measure = copy.copy(held)
            if kind and kind != held.kind:
                self.row.problem(
                    "kind", f"{held.code} is held as a {held.get_kind_display().lower()}: give the new one its own code"
                )
        measure.code = new_code or (held.code if held else self.row.code)
        if title and not (entry and entry.title):
            measure.title = title
        for column, (name, reader) in MEASURE_COLUMNS.items():
            if column != "kind":
                value = self.read(column, reader)
                if value is not None:
                    setattr(measure, name, value)
        return measure

    def check_candidate(self, measure: Measure) -> None:
        if measure.is_action and measure.unit != Unit.MILESTONE and not self.row.has_problem("unit"):
            self.row.problem("unit", "An action is reported as a milestone (progress words): leave the unit blank")
        if measure.is_action and measure.polarity != Polarity.NONE and not self.row.has_problem("good_is"):
            self.row.problem("good_is", "An action is rated by its progress words: leave good is blank, or None")
        try:
            measure.full_clean(exclude=["owner"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = FIELD_COLUMNS.get(name, "code")
                if not self.row.has_problem(column):
                    self.row.problem(column, " ".join(messages))

    def measure_changes(self, held: Measure | None, measure: Measure, found_by_alias: bool) -> None:
        names = ("code", "title", *(name for name, _ in MEASURE_COLUMNS.values()))
        if held is None:
            self.changes["measure"] = {name: getattr(measure, name) for name in names}
            return
        self.changes["measure"] = {
            name: getattr(measure, name) for name in names if getattr(held, name) != getattr(measure, name)
        }
        if found_by_alias:
            self.changes["former_code"] = held.code  # kept as an alias, so last year's figures still find it

    def alias_changes(self, held: Measure | None, measure: Measure, aliases: list[str]) -> None:
        held_codes = {normalised(code) for code in codes_of(held)} if held else set()
        added = []
        for alias in aliases:
            if normalised(alias) == normalised(measure.code) or normalised(alias) in held_codes:
                continue
            other = self.checks.codes.find(alias)
            if other is not None and other != held:
                self.row.problem("aliases", f"{shown(alias)} is already a code of another measure: give it once")
            elif len(alias) > catalogue.CODE_LENGTH:
                self.row.problem("aliases", f"{shown(alias)} is longer than {catalogue.CODE_LENGTH} characters")
            else:
                self.claim("aliases", alias, None)
                added.append(alias)
        self.changes["aliases"] = added

    # -- its place in the year's scorecard ----------------------------------------------------------------

    def entry_changes(self, held: Measure | None, entry: ScorecardEntry | None, title: str | None) -> str | None:
        """What changes in the measure's place in the year's scorecard; returns its directorate's name."""
        names = self.checks.names
        wanted = {"order": self.place}
        directorate = self.read("directorate", sheet_words.name)
        if directorate:
            wanted["directorate"] = names.named("directorate", directorate)
        priority = self.priority()
        if priority:
            wanted["priority"] = priority
        perspective = self.read("perspective", sheet_words.name)
        if perspective:
            wanted["perspective"] = names.named("perspective", perspective)
        portfolios = self.read("portfolios", sheet_words.names, blank=[])
        if portfolios:
            wanted["portfolios"] = [names.named("portfolio", name) for name in portfolios]
        if title and entry and entry.title:
            wanted["title"] = title
        held_values = entry_values(entry) if entry else {}
        self.changes["entry"] = {
            name: value for name, value in wanted.items() if entry is None or not same(held_values.get(name), value)
        }
        return wanted.get("directorate") or held_values.get("directorate")

    def priority(self) -> tuple[str, str] | None:
        pledge, priority = self.read("pledge", sheet_words.name), self.read("priority", sheet_words.name)
        if pledge and not priority and not self.row.has_problem("priority"):
            self.row.problem(
                "priority", f"Give the priority under {shown(pledge)} that this serves: a measure sits under a priority"
            )
            return None
        if priority and not pledge:
            try:
                return self.checks.names.priority_alone(priority)
            except CellProblem as problem:
                self.row.problem("pledge", str(problem))
                return None
        return self.checks.names.priority(pledge, priority) if priority else None

    # -- targets -------------------------------------------------------------------------------------

    def target_changes(self, held: Measure | None, measure: Measure) -> None:
        targets = []
        for column, number in target_columns(self.checks.year).items():
            new = self.read(column, lambda value: sheet_words.target(value, measure))
            if new is None:
                continue
            period = self.checks.periods.get(number) if number else None
            if number and period is None:
                missing = self.checks.year.financial_year.periods(self.checks.year.collected)[number - 1]
                self.row.problem(column, f"{missing.label} is not set up in Scorecard")
                continue
            stored = self.checks.stored.get((held.pk, period.pk if period else None)) if held else None
            if stored is not None and figure_of(stored) != new:
                self.row.problem(column, already_set(period, measure.code))
            elif stored is None:
                targets.append((period, *new))
        self.changes["targets"] = targets

    # -- owner and approver --------------------------------------------------------------------------

    def people_changes(self, held: Measure | None, directorate: str | None) -> None:
        owner = self.read("owner", self.checks.people.person)
        approver = self.read("approver", self.checks.people.person)
        if owner is not None and (held is None or held.owner != owner):
            self.changes["owner"] = owner
        roles = []
        if owner is not None and directorate and not self.checks.people.holds(owner, Role.MEASURE_OWNER, directorate):
            roles.append((owner, Role.MEASURE_OWNER, directorate))
        if approver is not None and not directorate:
            self.row.problem("approver", "Give the directorate whose returns the approver signs off")
        elif approver is not None and not self.checks.people.holds(approver, Role.DIRECTORATE_APPROVER, directorate):
            roles.append((approver, Role.DIRECTORATE_APPROVER, directorate))
        self.changes["roles"] = roles

    # -- in words ------------------------------------------------------------------------------------

    def reasons(self, held: Measure | None, entry: ScorecardEntry | None) -> list[str]:
        said = []
        if held is None:
            said.append(f"new {Measure.Kind(self.row.measure.kind).label.lower()}")
        else:
            said += [f"{field_words(name)}: {value_words(value)}" for name, value in self.changes["measure"].items()]
        if entry is None:
            said.append(f"added to {self.checks.year.label}'s scorecard, place {self.place}")
        else:
            said += [f"{ENTRY_WORDS[name]}: {value_words(value)}" for name, value in self.changes["entry"].items()]
        said += [f"also known as {alias}" for alias in self.changes["aliases"]]
        said += [
            f"new {when(period)} target: {plain(value) if word == '' else word.replace('_', ' ')}"
            for period, value, word in self.changes["targets"]
        ]
        if "owner" in self.changes:
            said.append(f"owner: {person_words(self.changes['owner'])}")
        said += [
            f"{role.label.lower()} in {where}: {person_words(person)}" for person, role, where in self.changes["roles"]
        ]
        return said or ["same as held"]


def entry_values(entry: ScorecardEntry) -> dict[str, object]:
    priority = entry.priority
    return {
        "order": entry.order,
        "directorate": entry.directorate.name if entry.directorate else None,
        "perspective": entry.perspective.name if entry.perspective else None,
        "priority": (priority.pledge.name, priority.name) if priority else None,
        "portfolios": [portfolio.name for portfolio in entry.portfolios.all()],
        "title": entry.title,
    }


def same(held: object, wanted: object) -> bool:
    if isinstance(wanted, list):
        return sorted(map(key, held or [])) == sorted(map(key, wanted))
    if isinstance(wanted, tuple):
        return held is not None and tuple(map(key, held)) == tuple(map(key, wanted))
    if isinstance(wanted, str):
        return held is not None and key(held) == key(wanted)
    return held == wanted


def field_words(name: str) -> str:
    return str(Measure._meta.get_field(name).verbose_name)


def value_words(value: object) -> str:
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, tuple):
        return f"{value[1]} ({value[0]})"
    return "none" if value in (None, "") else str(value)


def person_words(person) -> str:
    return f"invite {person}" if isinstance(person, str) else str(person)
