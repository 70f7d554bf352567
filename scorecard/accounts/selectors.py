"""Reads about people for the People pages: who they are, their roles, their invitation, their history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch
from django.utils import timezone

from scorecard.accounts.models import Invitation, PersonEvent, Role, RoleAssignment, User
from scorecard.council.models import Directorate
from scorecard.measures.models import Measure

ROLE_ORDER = {role.value: n for n, role in enumerate(Role)}


@dataclass(frozen=True)
class Person:
    """A row of the People page."""

    user: User
    roles: list[str]  # "Measure owner (People Services)", …
    invitation: str  # "Pending", "Expired", "Accepted", or "" for someone never invited
    invited_at: datetime | None

    @property
    def state(self) -> str:
        return "Active" if self.user.is_active else "Switched off"


def invitation_state(invitation: Invitation | None) -> str:
    if invitation is None:
        return ""
    if not invitation.is_pending:
        return "Accepted"
    return "Pending" if invitation.expires_at > timezone.now() else "Expired"


def place_of(held: RoleAssignment) -> tuple:
    where = held.directorate
    return ROLE_ORDER[held.role], where.order if where else 0, where.name if where else ""


def role_names(assignments) -> list[str]:
    """Each role in words, in the order of Role, then by directorate."""
    ordered = sorted(assignments, key=place_of)
    return [held.get_role_display() + (f" ({held.directorate})" if held.directorate else "") for held in ordered]


def invitation_of(user: User) -> Invitation | None:
    try:
        return user.invitation
    except Invitation.DoesNotExist:
        return None


def person_row(user: User) -> Person:
    invitation = invitation_of(user)
    return Person(
        user,
        role_names(user.roles.all()),
        invitation_state(invitation),
        invitation.invited_at if invitation else None,
    )


def with_roles():
    return User.objects.select_related("invitation").prefetch_related(
        Prefetch("roles", queryset=RoleAssignment.objects.select_related("directorate"))
    )


def people() -> list[Person]:
    """Everyone who may sign in or has been invited, by name: the People page's rows."""
    users = with_roles().order_by("last_name", "first_name", "username")
    return [person_row(user) for user in users]


def person(pk: int) -> Person:
    return person_row(with_roles().get(pk=pk))


def measures_owned(user: User) -> list[Measure]:
    return list(Measure.objects.filter(owner=user).order_by("kind", "code", "title"))


def history(user: User) -> list[PersonEvent]:
    return list(PersonEvent.objects.filter(person=user).select_related("by"))


def held_roles(user: User) -> set[tuple[str, int | None]]:
    return set(RoleAssignment.objects.filter(user=user).values_list("role", "directorate_id"))


def directorates() -> list[Directorate]:
    return list(Directorate.objects.all())
