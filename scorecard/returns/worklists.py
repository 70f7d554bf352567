"""Who has what to do this quarter: the reads behind "My returns" and the quarter's progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from scorecard.accounts import permissions
from scorecard.council.models import OrganisationSettings, Period
from scorecard.measures.models import ScorecardEntry
from scorecard.returns.models import NOT_YET_SUBMITTED, Return, WorkflowState, is_due_in, is_overdue

NOT_STARTED = "not_started"
STATES = [(NOT_STARTED, "Not started"), *WorkflowState.choices]
STATE_TAGS = {
    NOT_STARTED: "grey",
    "draft": "light-blue",
    "submitted": "purple",
    "returned": "orange",
    "approved": "green",
}


@dataclass(frozen=True)
class Saved:
    """What My returns needs of a saved return: its state, and its id and version for "Submit selected"."""

    return_id: int
    state: str
    version: int


@dataclass(frozen=True)
class ReturnRow:
    entry: ScorecardEntry
    state: str
    overdue: bool
    return_id: int | None = None
    version: int = 0

    @property
    def submittable(self) -> bool:
        """A draft, or a return sent back: submitted as saved with the others selected."""
        return self.return_id is not None and self.state in NOT_YET_SUBMITTED

    @property
    def state_label(self) -> str:
        return dict(STATES)[self.state]

    @property
    def tag_colour(self) -> str:
        return STATE_TAGS[self.state]


@dataclass(frozen=True)
class Round:
    """One open quarter's returns for the person, by directorate."""

    period: Period
    directorates: list[tuple[str, list[ReturnRow]]]

    @property
    def overdue(self) -> int:
        return sum(row.overdue for _, rows in self.directorates for row in rows)

    @property
    def to_do(self) -> int:
        """Returns still with their owners: not started, draft or sent back."""
        waiting = (NOT_STARTED, WorkflowState.DRAFT, WorkflowState.RETURNED)
        return sum(row.state in waiting for _, rows in self.directorates for row in rows)


def returns_due(user) -> list[Round]:
    """Each open quarter's measures and actions the person completes: four queries however many."""
    periods = list(Period.objects.filter(state=Period.State.OPEN).select_related("year").order_by("-year__start_year"))
    entries = list(entries_in_scope(user, [period.year_id for period in periods]))
    saved = saved_returns(periods)
    today = timezone.localdate()
    nowhere = OrganisationSettings.load().no_directorate
    return [round_of(period, entries, saved, today, nowhere) for period in periods]


def saved_returns(periods: list[Period]) -> dict[tuple[int, int], Saved]:
    """Each saved return's state, id and version, by (quarter, measure): one query for all the quarters."""
    returns = Return.objects.filter(period__in=periods).values_list("period_id", "measure_id", "pk", "state", "version")
    return {(period_id, measure_id): Saved(*rest) for period_id, measure_id, *rest in returns}


def return_states(periods: list[Period]) -> dict[tuple[int, int], str]:
    """Each saved return's workflow state, by (quarter, measure): one query for all the quarters."""
    returns = Return.objects.filter(period__in=periods).values_list("period_id", "measure_id", "state")
    return {(period_id, measure_id): state for period_id, measure_id, state in returns}


def entries_in_scope(user, year_ids: list[int]):
    """Their directorates' scorecard entries and the measures they own; everything for the performance team."""
    entries = (
        ScorecardEntry.objects.filter(year__in=year_ids)
        .select_related("measure", "directorate")
        .order_by("directorate__order", "directorate__name", "order", "pk")
    )
    if permissions.is_performance_team(user):
        return entries
    return entries.filter(Q(directorate__in=permissions.owner_directorates(user)) | Q(measure__owner=user.pk))


def round_of(
    period: Period, entries: list[ScorecardEntry], saved: dict[tuple[int, int], Saved], today: date, nowhere: str
) -> Round:
    """The quarter's returns by directorate; nowhere heads those in no directorate."""
    rows = []
    for entry in entries:
        if entry.year_id == period.year_id:
            found = saved.get((period.pk, entry.measure_id))
            state = found.state if found else NOT_STARTED
            identity = (found.return_id, found.version) if found else ()
            due = is_due_in(period, entry.measure.frequency, entry.measure.reported_in_quarter)
            rows.append(ReturnRow(entry, state, is_overdue(period, state, today, due=due), *identity))
    by_directorate = groupby(rows, key=lambda row: row.entry.directorate.name if row.entry.directorate else "")
    return Round(period, [(name or nowhere, list(group)) for name, group in by_directorate])


def awaiting_approval(user) -> QuerySet[Return]:
    """Submitted returns of open quarters in the directorates the person signs off (all, for the team)."""
    returns = Return.objects.filter(state=WorkflowState.SUBMITTED, period__state=Period.State.OPEN)
    if permissions.is_performance_team(user):
        return returns
    return returns.filter(
        measure__entries__year=F("period__year"),
        measure__entries__directorate__in=permissions.approver_directorates(user),
    )


@dataclass(frozen=True)
class Work:
    """What a signed-in person has waiting: their open rounds' returns, and returns to approve."""

    rounds: list[Round]
    approvals: int | None  # None: they do not sign off returns


def work_for(user) -> Work | None:
    if not getattr(user, "is_authenticated", False):
        return None
    rounds = returns_due(user) if permissions.completes_returns(user) else []
    approvals = awaiting_approval(user).count() if permissions.signs_off_returns(user) else None
    return Work(rounds, approvals)
