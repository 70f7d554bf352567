"""Signing off returns: approve (one or many at once), send back, reopen an approved one; submit many at once.

Each change is checked by scorecard.accounts.permissions and carries the version the person saw, as every
other write in returns.services does; a change from an older copy is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from scorecard.accounts import permissions
from scorecard.council.models import Period
from scorecard.returns.models import Return, WorkflowState
from scorecard.returns.services import (
    STALE_SIGN_OFF,
    Refused,
    StaleReturn,
    claim_version,
    fresh,
    record,
    refusal,
    return_submit,
)


@dataclass(frozen=True)
class SignOff:
    """What a sign-off of many returns did: the returns done, and each one refused with the reason."""

    done: list[Return]
    refused: list[tuple[Return, Refused]]


APPROVED, SELF_APPROVED = "Approved", "Approved (self-approved)"  # the change reasons in the history


@transaction.atomic
def returns_approve(*, chosen: Mapping[int, int], by) -> SignOff:
    """Approve many submitted returns at once (return id → the version the person saw), each by the rules
    return_approve keeps for one: who may, submitted and unchanged since seen, the quarter open and held.

    A return that may not be approved is refused with the reason and leaves the others be. The queries are
    the same however many returns: the returns, their quarters and directorates are read once; the approved
    ones are written in one UPDATE, and their history in one INSERT per kind of approval.
    """
    periods = Return.objects.filter(pk__in=chosen).values_list("period_id", flat=True).distinct()
    held = {
        period.pk: period for period in Period.objects.select_for_update().select_related("year").filter(pk__in=periods)
    }
    returns = list(
        Return.objects.select_for_update(of=("self",))
        .select_related("measure")
        .filter(pk__in=chosen)
        .order_by("period_id", "measure__code", "pk")
    )
    directorates = {year: permissions.year_directorates(year) for year in {period.year_id for period in held.values()}}
    done, refused = [], []
    for ret in returns:
        ret.period = held[ret.period_id]
        permissions.in_directorate(ret, directorates[ret.period.year_id])
        problem = approval_problem(ret, by, chosen[ret.pk])
        if problem:
            refused.append((ret, problem))
        else:
            done.append(ret)
    approved(done, by)
    return SignOff(done, refused)


def approval_problem(ret: Return, by, version: int) -> Refused | None:
    if not permissions.may_approve_return(by, ret):
        return Refused(refusal(ret, "approve", by), measure=ret.measure)
    if ret.version != version:
        return StaleReturn(STALE_SIGN_OFF, measure=ret.measure)
    return None


def approved(returns: list[Return], by) -> None:
    """Mark the returns approved, raising each one's version, and keep a history record of each."""
    now = timezone.now()
    Return.objects.filter(pk__in=[ret.pk for ret in returns]).update(
        state=WorkflowState.APPROVED, version=F("version") + 1, updated_at=now
    )
    for ret in returns:
        ret.state, ret.version, ret.updated_at = WorkflowState.APPROVED, ret.version + 1, now
    self_approved = [ret.pk for ret in returns if permissions.is_self_approval(by, ret)]
    others = [ret.pk for ret in returns if ret.pk not in self_approved]
    history_copies(others, by=by, reason=APPROVED, when=now)
    history_copies(self_approved, by=by, reason=SELF_APPROVED, when=now)


def history_copies(return_ids: list[int], *, by, reason: str, when) -> None:
    """A history record of each return as now stored, in one INSERT … SELECT.

    simple_history's bulk_create_with_history inserts in batches the database's parameter limit allows (about
    thirty history rows a query on SQLite), so its query count grows with the number of returns; copying the
    stored rows in the database does not, and records exactly what was stored.
    """
    if not return_ids:
        return
    history = Return.history.model
    copied = [field.column for field in Return._meta.concrete_fields]
    own = {"history_date": when, "history_change_reason": reason, "history_type": "~", "history_user_id": by.pk}
    columns = ", ".join(connection.ops.quote_name(name) for name in [*copied, *own])
    values = ", ".join([*(connection.ops.quote_name(name) for name in copied), *(["%s"] * len(own))])
    ids = ", ".join(["%s"] * len(return_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {history._meta.db_table} ({columns}) "  # noqa: S608 (names from the models, values bound)
            f"SELECT {values} FROM {Return._meta.db_table} WHERE id IN ({ids})",
            [
                *(history._meta.get_field(name).get_db_prep_value(value, connection) for name, value in own.items()),
                *return_ids,
            ],
        )


@transaction.atomic
def return_approve(*, ret: Return, by, version: int) -> Return:
    """Sign off a submitted return, by the rules returns_approve keeps for many."""
    signed = returns_approve(chosen={ret.pk: version}, by=by)
    if signed.refused:
        raise signed.refused[0][1]
    return signed.done[0]


@transaction.atomic
def return_send_back(*, ret: Return, by, version: int, comment: str) -> Return:
    """Return it to its owner with a comment they see on the form."""
    return back_to_owner(
        ret,
        by=by,
        version=version,
        allowed=permissions.may_send_back_return,
        verb="send back",
        comment=comment,
        without_comment="Say why the return is being sent back, so its owner knows what to change.",
        recorded="Sent back",
    )


@transaction.atomic
def return_reopen(*, ret: Return, by, version: int, reason: str) -> Return:
    """An approved return back to its owner, to restate a figure: the reason is the comment they see.

    The owner (or the performance team, directly) corrects it and submits it; it is approved again, and the
    reports mark the figure restated if its quarter was published.
    """
    return back_to_owner(
        ret,
        by=by,
        version=version,
        allowed=permissions.may_reopen_return,
        verb="reopen",
        comment=reason,
        without_comment="Say why the approved return is being reopened: its owner sees the reason.",
        recorded=f"Reopened: {reason.strip()}",
    )


def back_to_owner(
    ret: Return, *, by, version: int, allowed, verb: str, comment: str, without_comment: str, recorded: str
) -> Return:
    """The return with its owner again (Returned), showing them the comment: if `allowed`, with a comment, and
    still the version the person saw."""
    ret = fresh(ret)
    if not allowed(by, ret):
        raise Refused(refusal(ret, verb, by))
    if not comment.strip():
        raise Refused(without_comment)
    claim_version(ret, version, STALE_SIGN_OFF)
    ret.refresh_from_db(fields=["version"])
    ret.state, ret.returned_comment = WorkflowState.RETURNED, comment.strip()
    record(ret, by, recorded)
    return ret


def returns_submit(*, chosen: Mapping[int, int], by) -> SignOff:
    """Submit many returns as saved (return id → the version the person saw), each through return_submit in
    its own transaction: one refused (a missing commentary, say) is reported and leaves the others submitted."""
    returns = Return.objects.select_related("measure", "period__year").filter(pk__in=chosen)
    done, refused = [], []
    for ret in returns.order_by("period_id", "measure__code", "pk"):
        try:
            with transaction.atomic():
                done.append(return_submit(ret=ret, by=by, version=chosen[ret.pk]))
        except Refused as problem:
            problem.measure = ret.measure
            refused.append((ret, problem))
    return SignOff(done, refused)
