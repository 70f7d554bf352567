"""The commit of a checked scorecard sheet: names and people first, then each row; called inside one transaction.

Every write goes through the services and history the pages use: measures through measures.services, targets
through the targets import's own writer (so a target set since the check is caught), people through the
invitation service.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError

from scorecard.accounts import permissions
from scorecard.accounts.models import RoleAssignment
from scorecard.accounts.services import person_invite, person_roles_set
from scorecard.imports import ImportProblem
from scorecard.imports.plans import PlannedRow, ProgressReport, report_progress
from scorecard.imports.targets import record_target
from scorecard.measures import services
from scorecard.measures.models import MeasureAlias, ScorecardEntry


class SheetWriter:
    """Writes the rows a SheetChecks checked: Plan.write."""

    def __init__(self, checks):
        self.checks = checks
        self.invited: dict[str, object] = {}
        self.roles: dict[object, set[tuple[str, int]]] = {}  # person → (role, directorate id) to give

    def __call__(self, rows: list[PlannedRow], by, progress: ProgressReport | None) -> None:
        if not permissions.sets_up_the_scorecard(by):
            raise ImportProblem("Only the performance team imports the year's scorecard. Nothing was imported.")
        try:
            self.checks.names.create()
            for address in self.checks.people.invitations.values():
                self.invited[address.casefold()] = invite(address, by)
            for done, row in enumerate(rows, start=1):
                self.write_row(row, by)
                report_progress(progress, done, len(rows))
        except IntegrityError as error:  # someone added the same name or code between the check and now
            raise ImportProblem(
                "Something in the file was added by someone else since it was checked, so nothing was imported. "
                "Check the file again and import it."
            ) from error
        for person, given in self.roles.items():
            held = RoleAssignment.objects.filter(user=person).values_list("role", "directorate_id")
            person_roles_set(person=person, roles=set(held) | given, by=by)  # kept in the person's history

    def write_row(self, row: PlannedRow, by) -> None:
        year = self.checks.year
        changes = row.changes
        fields = dict(changes.get("measure", {}))
        if "owner" in changes:
            fields["owner"] = self.person(changes["owner"])
        measure = row.measure if row.measure.pk else None
        if fields or measure is None:
            measure = services.measure_record(
                measure=measure, by=by, reason=f"{year.label} scorecard imported", **fields
            )
        for alias in [changes["former_code"]] if changes.get("former_code") else []:
            MeasureAlias.objects.get_or_create(measure=measure, code=alias)
        for alias in changes.get("aliases", []):
            MeasureAlias.objects.get_or_create(measure=measure, code=alias)
        if "entry" in changes or row.seen is None:
            self.place(measure, row.seen, changes.get("entry", {}), by)
        for period, value, progress in changes.get("targets", []):
            target = PlannedRow(row.number, row.code, measure=measure, period=period)
            target.changes = {"value": value, "progress": progress}
            record_target(target, by, year=year)
        for person, role, directorate in changes.get("roles", []):
            held = self.checks.names.held_one("directorate", directorate)
            self.roles.setdefault(self.person(person), set()).add((role.value, held.pk))

    def place(self, measure, entry: ScorecardEntry | None, wanted: dict, by) -> None:
        """The measure's place in the year's scorecard: order, directorate, priority, perspective, portfolios."""
        names = self.checks.names
        entry = entry or ScorecardEntry(year=self.checks.year, measure=measure)
        for kind in ("directorate", "perspective"):
            if kind in wanted:
                setattr(entry, kind, names.held_one(kind, wanted[kind]))
        if "priority" in wanted:
            entry.priority = names.held_priority(wanted["priority"])
        entry.order = wanted.get("order", entry.order)
        entry.title = wanted.get("title", entry.title)
        entry._history_user = by
        entry.save()
        if "portfolios" in wanted:
            entry.portfolios.set([names.held_one("portfolio", name) for name in wanted["portfolios"]])

    def person(self, person):
        return self.invited[person.casefold()] if isinstance(person, str) else person


def invite(address: str, by):
    """The person invited by the People page's own service: the email goes once the import commits."""
    try:
        return person_invite(email=address, by=by)
    except ValidationError as error:
        raise ImportProblem(
            f"{address} cannot be invited ({' '.join(error.messages)}), so nothing was imported."
        ) from error
