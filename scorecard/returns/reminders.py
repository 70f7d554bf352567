"""Reminders to measure owners whose returns are not yet submitted, before and after the deadline."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from scorecard.accounts.models import Role, RoleAssignment
from scorecard.council.models import Period
from scorecard.measures.models import ScorecardEntry
from scorecard.returns.models import NOT_YET_SUBMITTED, is_due_in
from scorecard.returns.worklists import return_states


@dataclass(frozen=True)
class Outstanding:
    period: Period
    entry: ScorecardEntry
    state: str

    @property
    def link(self) -> str:
        path = reverse("web:return", args=[self.period.pk, self.entry.measure_id])
        return f"{settings.SITE_URL.rstrip('/')}{path}"


def due_for_a_reminder(period: Period, today: date, *, days_before: int, days_after: int) -> str:
    """ "before", "after" or "" for an open quarter on the day a cron job runs."""
    if not period.is_open or period.deadline is None or period.back_loading:
        return ""
    if (period.deadline - today).days == days_before:
        return "before"
    if (today - period.deadline).days == days_after:
        return "after"
    return ""


def outstanding(period: Period) -> list[Outstanding]:
    """The quarter's scorecard entries whose return is not started, a draft, or sent back; not an annual or
    biennial measure before the quarter its figure arrives in, which the quarter does not collect."""
    states = return_states([period])
    entries = ScorecardEntry.objects.filter(year=period.year_id).select_related("measure__owner", "directorate")
    found = [(entry, states.get((period.pk, entry.measure_id))) for entry in entries]
    return [
        Outstanding(period, entry, state or "not started")
        for entry, state in found
        if (state is None or state in NOT_YET_SUBMITTED)
        and is_due_in(period, entry.measure.frequency, entry.measure.reported_in_quarter)
    ]


def by_owner(items: list[Outstanding]) -> dict:
    """Each owner with their outstanding returns: the measure's owner, else its directorate's owners."""
    owners_of = defaultdict(list)
    for assignment in RoleAssignment.objects.filter(role=Role.MEASURE_OWNER).select_related("user"):
        owners_of[assignment.directorate_id].append(assignment.user)
    people = defaultdict(list)
    for item in items:
        owner = item.entry.measure.owner
        for person in [owner] if owner else owners_of[item.entry.directorate_id]:
            people[person].append(item)
    return people


def remind(period: Period, when: str) -> int:
    """Email every owner with something outstanding; returns how many emails went."""
    sent = 0
    for person, items in by_owner(outstanding(period)).items():
        if person.email:
            send_mail(subject(period, when), body(person, period, when, items), None, [person.email])
            sent += 1
    return sent


def subject(period: Period, when: str) -> str:
    due = f"{period.deadline:%-d %B %Y}"
    if when == "before":
        return f"Scorecard returns for {period.label} are due on {due}"
    return f"Scorecard returns for {period.label} are overdue: they were due on {due}"


def body(person, period: Period, when: str, items: list[Outstanding]) -> str:
    lines = [
        f"Dear {person.get_full_name() or person.username},",
        "",
        f"These returns for {period.label} have not been submitted yet"
        + (":" if when == "before" else f", and the deadline of {period.deadline:%-d %B %Y} has passed:"),
        "",
        *(f"- {item.entry.display_code} {item.entry.display_title} ({item.state}): {item.link}" for item in items),
        "",
        "Each link opens the return. Save it as a draft as you go, and submit it for approval when it is complete.",
    ]
    return "\n".join(lines)
