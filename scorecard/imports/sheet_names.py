"""The names a scorecard sheet gives: directorates, pledges and priorities, perspectives, portfolios and people.

Each is looked up among those held, whatever its case or spacing; one not held is noted to be created (a person:
to be invited) before the rows are written, so the check can list them first and a misspelling is seen.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from scorecard.accounts.models import Role, RoleAssignment
from scorecard.council.models import Directorate, OrganisationSettings, Perspective, Pledge, Portfolio, Priority
from scorecard.imports.cells import CellProblem, shown, text_of

LISTED = {"directorate": Directorate, "pledge": Pledge, "perspective": Perspective, "portfolio": Portfolio}
PriorityName = tuple[str, str]  # (pledge, priority)


def key(name: str) -> str:
    return " ".join(name.split()).casefold()


class CouncilNames:
    """What the council holds by name, read once; and, in the order first given, what the file adds."""

    def __init__(self):
        self.held = {
            kind: {key(name): name for name in model.objects.values_list("name", flat=True)}
            for kind, model in LISTED.items()
        }
        self.priorities: dict[tuple[str, str], PriorityName] = {
            (key(pledge), key(name)): (pledge, name)
            for pledge, name in Priority.objects.values_list("pledge__name", "name")
        }
        self.new: dict[tuple[str, str], str] = {}  # (kind, key) → the name as first given
        self.new_priorities: dict[tuple[str, str], PriorityName] = {}

    def named(self, kind: str, name: str) -> str:
        """The name as held, or as first given in the file (then to be created)."""
        held = self.held[kind].get(key(name))
        if held is not None:
            return held
        return self.new.setdefault((kind, key(name)), name)

    def priority(self, pledge: str, name: str) -> PriorityName:
        pledge = self.named("pledge", pledge)
        wanted = (key(pledge), key(name))
        return self.priorities.get(wanted) or self.new_priorities.setdefault(wanted, (pledge, name))

    def priority_alone(self, name: str) -> PriorityName:
        """A priority given without its pledge: found only if one pledge has a priority of that name."""
        known = {**self.priorities, **self.new_priorities}  # held, or given with its pledge in an earlier row
        found = [priority for (_, name_key), priority in known.items() if name_key == key(name)]
        if len(found) == 1:
            return found[0]
        if found:
            raise CellProblem(f"More than one pledge has a priority called {shown(name)}: give its pledge")
        raise CellProblem(f"No priority is called {shown(name)} yet: give the pledge it comes under")

    def to_create(self) -> list[str]:
        """What the import would create first, in words: directorates, the Council Plan, perspectives, portfolios."""
        # The council's own word for a directorate ("service unit"), once the organisation holds one.
        word = getattr(OrganisationSettings.load(), "directorate_word", "") or "directorate"
        words = {"directorate": word.lower()}
        lines = {kind: [] for kind in ("directorate", "pledge", "priority", "perspective", "portfolio")}
        for (kind, _), name in self.new.items():
            lines[kind].append(f"New {words.get(kind, kind)}: {name}")
        lines["priority"] = [f"New priority: {name} (under {pledge})" for pledge, name in self.new_priorities.values()]
        return [line for kind in lines.values() for line in kind]

    # -- the commit --------------------------------------------------------------------------------------

    def create(self) -> None:
        """Create what the file adds, each listed after those held, in the order the file gives them."""
        for (kind, _), name in self.new.items():
            model = LISTED[kind]
            model.objects.create(name=name, order=last_order(model.objects.all()) + 1)
        for pledge, name in self.new_priorities.values():
            held = Pledge.objects.get(name__iexact=pledge)
            Priority.objects.create(pledge=held, name=name, order=last_order(Priority.objects.filter(pledge=held)) + 1)

    @staticmethod
    def held_one(kind: str, name: str | None):
        return None if name is None else LISTED[kind].objects.get(name__iexact=name)

    @staticmethod
    def held_priority(name: PriorityName | None) -> Priority | None:
        if name is None:
            return None
        return Priority.objects.get(pledge__name__iexact=name[0], name__iexact=name[1])


def last_order(listed) -> int:
    return max(listed.values_list("order", flat=True), default=0)


class People:
    """People held, by username and by email address; an address held by no one is a person to invite."""

    INVITE = "invite"

    def __init__(self):
        self.by_name, self.by_email = {}, {}
        for person in get_user_model().objects.all():
            self.by_name[person.username.casefold()] = person
            if person.email:
                known = self.by_email.get(person.email.casefold())
                self.by_email[person.email.casefold()] = person if known in (None, person) else None
        self.roles = set(RoleAssignment.objects.values_list("user_id", "role", "directorate__name"))
        self.roles = {(user, role, key(name or "")) for user, role, name in self.roles}
        self.invitations: dict[str, str] = {}  # address (casefolded) → as first written

    def person(self, value: object):
        """A held person, or the address of one to invite; CellProblem when the cell is neither."""
        text = text_of(value)
        folded = text.casefold()
        if folded in self.by_name:
            return self.active(self.by_name[folded], value)
        if folded in self.by_email:
            found = self.by_email[folded]
            if found is None:
                raise CellProblem(f"More than one person has the address {shown(value)}: give their username")
            return self.active(found, value)
        try:
            validate_email(text)
        except ValidationError:
            raise CellProblem(
                f"{shown(value)} is neither a person held in Scorecard (a username or an email address) "
                "nor an email address to invite"
            ) from None
        return self.invitations.setdefault(folded, text)

    @staticmethod
    def active(person, value: object):
        if not person.is_active:
            raise CellProblem(f"{shown(value)} is switched off: give someone else, or switch them back on first")
        return person

    def holds(self, person, role: Role, directorate: str) -> bool:
        return not isinstance(person, str) and (person.pk, role.value, key(directorate)) in self.roles

    def to_invite(self) -> list[str]:
        return [f"New person to invite: {address}" for address in self.invitations.values()]
