"""Who may do what: the one place that every view, form, import and API call asks.

Roles (DESIGN.md "Who uses it"): a measure owner records returns for measures in their directorate (or
that they own), a directorate approver signs off their directorate's returns, the performance team runs
the quarter, and a reader sees reports. Readers and the public see published quarters only.
"""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.accounts.models import DIRECTORATE_ROLES, Role, User
from scorecard.council.models import OrganisationSettings
from scorecard.measures.models import ScorecardEntry
from scorecard.returns.models import Return, WorkflowState

EDITABLE = (WorkflowState.DRAFT, WorkflowState.RETURNED)


def roles(user) -> set[tuple[str, int | None]]:
    """(role, directorate id) pairs the user holds, read once per request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if not hasattr(user, "_scorecard_roles"):
        user._scorecard_roles = set(user.roles.values_list("role", "directorate_id"))
    return user._scorecard_roles


def holds(user, role: Role, directorate_id: int | None = None) -> bool:
    return (role.value, directorate_id) in roles(user)


def is_performance_team(user) -> bool:
    return holds(user, Role.PERFORMANCE_TEAM) or bool(getattr(user, "is_superuser", False))


def may_see_unpublished(user) -> bool:
    """Owners, approvers and the performance team work on figures before they are published."""
    return any(role != Role.READER for role, _ in roles(user)) or is_performance_team(user)


def directorate_id_of(ret: Return) -> int | None:
    """The directorate a return belongs to: its measure's place in that year's scorecard."""
    if not hasattr(ret, "_directorate_id"):
        entry = ScorecardEntry.objects.filter(year=ret.period.year_id, measure=ret.measure_id).first()
        ret._directorate_id = entry.directorate_id if entry else None
    return ret._directorate_id


def year_directorates(year_id: int) -> dict[int, int | None]:
    """Each measure's directorate in a year's scorecard, read once for the many returns of an import."""
    return dict(ScorecardEntry.objects.filter(year=year_id).values_list("measure_id", "directorate_id"))


def in_directorate(ret: Return, directorates: dict[int, int | None]) -> Return:
    """The return, told its directorate from year_directorates, so asking about it reads nothing more."""
    ret._directorate_id = directorates.get(ret.measure_id)
    return ret


def owns(user, ret: Return) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return ret.measure.owner_id == user.pk or holds(user, Role.MEASURE_OWNER, directorate_id_of(ret))


def may_edit_return(user, ret: Return) -> bool:
    """While the quarter is open and the return is with its owner (draft, or sent back)."""
    return ret.period.is_open and ret.state in EDITABLE and (owns(user, ret) or is_performance_team(user))


def signs_off(user, ret: Return) -> bool:
    """The return's directorate approver, or the performance team."""
    return holds(user, Role.DIRECTORATE_APPROVER, directorate_id_of(ret)) or is_performance_team(user)


def may_approve_return(user, ret: Return) -> bool:
    """A submitted return of an open quarter, by its approver: never by whoever submitted it, unless the
    organisation allows self-approval."""
    submitted = ret.period.is_open and ret.state == WorkflowState.SUBMITTED and signs_off(user, ret)
    return submitted and (not is_self_approval(user, ret) or allows_self_approval(user))


def may_send_back_return(user, ret: Return) -> bool:
    """Sending back is not signing off: whoever submitted it may still send it back to its owner."""
    return ret.period.is_open and ret.state == WorkflowState.SUBMITTED and signs_off(user, ret)


def is_self_approval(user, ret: Return) -> bool:
    return ret.submitted_by_id is not None and ret.submitted_by_id == getattr(user, "pk", None)


def allows_self_approval(user) -> bool:
    """The organisation's setting, read once per request (a bulk approval asks about every return)."""
    if not hasattr(user, "_scorecard_self_approval"):
        user._scorecard_self_approval = OrganisationSettings.load().allow_self_approval
    return user._scorecard_self_approval


def may_reopen_return(user, ret: Return) -> bool:
    """An approved return, while its quarter is open, goes back to its owner to restate a figure."""
    return ret.period.is_open and ret.state == WorkflowState.APPROVED and signs_off(user, ret)


def imports_approved_returns(user) -> bool:
    """Central entry and loading past quarters: the performance team imports a quarter's returns approved."""
    return is_performance_team(user)


def may_view_return(user, ret: Return) -> bool:
    return owns(user, ret) or signs_off(user, ret)


@dataclass(frozen=True)
class WorkingSight:
    """Whose unpublished working values (drafts, changes since publication) a person may see, decided once.

    The same people as may open the return's page (may_view_return): its measure's owner, the owners and
    approvers of its directorate, and the performance team. Everyone else, other directorates included, sees
    what is published: reports, profiles, the API and open data all ask this through returns.selectors.
    """

    everything: bool = False
    directorates: frozenset[int] = frozenset()
    user_id: int | None = None

    @property
    def works_on_returns(self) -> bool:
        """The performance team, owners and approvers: they also see proposed target amendments."""
        return self.everything or bool(self.directorates)

    def sees(self, *, owner_id: int | None, directorate_id: int | None) -> bool:
        if self.everything:
            return True
        mine = self.user_id is not None and owner_id == self.user_id
        return mine or (directorate_id is not None and directorate_id in self.directorates)


def sees_group_members(sight: WorkingSight, *, publishable: bool) -> bool:
    """A comparator group's members are named where its membership may be published (a licensed list, CIPFA's,
    may not be), and to those who work on returns: readers and the public are told how many, not which."""
    return publishable or sight.works_on_returns


PUBLIC_SIGHT = WorkingSight()  # the public and readers; open data, whoever asks
WHOLE_SIGHT = WorkingSight(everything=True)  # the performance team; commands run on the server


def working_sight(user) -> WorkingSight:
    if is_performance_team(user):
        return WHOLE_SIGHT
    if not getattr(user, "is_authenticated", False):
        return PUBLIC_SIGHT
    working = {
        directorate for role, directorate in roles(user) if role in DIRECTORATE_ROLES and directorate is not None
    }
    return WorkingSight(directorates=frozenset(working), user_id=user.pk)


def reads_published_versions(user) -> bool:
    """Readers and the public are shown a published quarter's reports as they were published (the version kept
    when it was published, byte for byte); those who work on returns see them built from the figures as they
    stand, which may have changed since."""
    return not may_see_unpublished(user)


def may_run_the_quarter(user) -> bool:
    """Open, close, reopen and publish quarters (and corrected versions); challenge, override and amend targets."""
    return is_performance_team(user)


def sets_up_the_council(user) -> bool:
    """The organisation's settings, its years and lists are the performance team's."""
    return is_performance_team(user)


def manages_people(user) -> bool:
    """Invite people, give and take away roles, switch accounts off and on: the performance team."""
    return is_performance_team(user)


def may_see_person(user, person) -> bool:
    """A person's page: the performance team sees everyone's; anyone signed in sees their own."""
    return manages_people(user) or (getattr(user, "is_authenticated", False) and user.pk == person.pk)


def sets_targets(user) -> bool:
    """A year's targets are set, and imported, by the performance team; changes after that are amendments."""
    return is_performance_team(user)


def sets_up_the_scorecard(user) -> bool:
    """A year's scorecard (its measures, places, targets, owners and approvers) is set up by the performance team."""
    return is_performance_team(user)


def completes_returns(user) -> bool:
    """Measure owners and the performance team complete returns."""
    return bool(owner_directorates(user)) or is_performance_team(user)


def signs_off_returns(user) -> bool:
    """Directorate approvers and the performance team."""
    return bool(approver_directorates(user)) or is_performance_team(user)


def approver_directorates(user: User) -> set[int]:
    return {directorate for role, directorate in roles(user) if role == Role.DIRECTORATE_APPROVER}


def owner_directorates(user: User) -> set[int]:
    return {directorate for role, directorate in roles(user) if role == Role.MEASURE_OWNER}


def manages_benchmarking(user) -> bool:
    """Loading comparator data, making comparator groups and mapping measures to external ones: the performance
    team's (who sees the results follows the reports')."""
    return is_performance_team(user)


def sets_spc(user) -> bool:
    """Whether a measure is charted, its fixed limits and its rebases: the performance team's (issue 12 §3)."""
    return is_performance_team(user)


def may_annotate(user, measure) -> bool:
    """A dated note on a measure's chart, by anyone who may edit the measure: its owner, the owners and approvers
    of its directorate (in its latest year's scorecard), and the performance team."""
    if is_performance_team(user):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    entry = ScorecardEntry.objects.filter(measure=measure).order_by("-year__start_year").first()
    directorate = entry.directorate_id if entry else None
    in_directorate = any(holds(user, role, directorate) for role in DIRECTORATE_ROLES) if directorate else False
    return measure.owner_id == user.pk or in_directorate
