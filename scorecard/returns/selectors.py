"""Reads of returns with their assessment, in a fixed number of queries however many measures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Q, QuerySet

from scorecard.accounts.permissions import WorkingSight, directorate_id_of
from scorecard.council.models import OrganisationSettings, Period
from scorecard.measures.models import Accumulation, ScorecardEntry, Target
from scorecard.performance.direction import Comparison, comparison_for
from scorecard.returns.assessment import Assessment, assess_return
from scorecard.returns.models import PublishedReturn, Return, WorkflowState, is_due_in


@dataclass(frozen=True)
class AssessedReturn:
    ret: Return
    target: Target | None
    year_end_target: Target | None
    comparison: Return | None
    assessment: Assessment


def assessed_returns(period: Period, *, sight: WorkingSight | None = None) -> list[AssessedReturn]:
    """Every return of the quarter, with its targets, its comparison return and its assessment; as the person
    with this sight is shown them (shown_returns), when one is given."""
    returns = Return.objects.filter(period=period).select_related("measure", "period__year").order_by("measure__code")
    measure_ids = returns.values("measure_id")
    if sight is not None:
        shown = shown_returns(list(returns), sight=sight, directorates=year_directorates(period))
        returns = [ret for ret in shown if ret is not None]
    return assess_all(period, returns, measure_ids, sight=sight)


def restated_returns(period: Period) -> set[int]:
    """Returns changed after their quarter was published: the reports say so."""
    if not period.published_at:
        return set()
    changed = Return.history.filter(period_id=period.pk, history_date__gt=period.published_at)
    return set(changed.values_list("id", flat=True))


def unapproved_returns(period: Period) -> list[Return]:
    """The quarter's returns for its year's scorecard that are not approved, those nobody has started (unsaved,
    for each measure the quarter collects) included: publishing them needs a yes."""
    entries = ScorecardEntry.objects.filter(year=period.year_id).select_related("measure").order_by("measure__code")
    saved = {ret.measure_id: ret for ret in Return.objects.filter(period=period)}
    waiting = []
    for entry in entries:
        ret = saved.get(entry.measure_id)
        if ret is None and is_due_in(period, entry.measure.frequency, entry.measure.reported_in_quarter):
            waiting.append(Return(measure=entry.measure, period=period, version=0))
        elif ret is not None and ret.state != WorkflowState.APPROVED:
            ret.measure = entry.measure
            waiting.append(ret)
    return waiting


def quarter_return(period: Period, measure) -> Return:
    """The quarter's return for the measure; an unsaved, empty one while nobody has started it."""
    ret = Return.objects.filter(period=period, measure=measure).first()
    if ret is None:
        return Return(measure=measure, period=period, version=0)  # return_start begins at version 0
    ret.period, ret.measure = period, measure
    return ret


def assessed_return(ret: Return, *, sight: WorkingSight | None = None) -> AssessedReturn:
    """One return with its assessment, e.g. for its page in the administration (compared as assess_all says)."""
    (assessed,) = assess_all(ret.period, [ret], [ret.measure_id], sight=sight)
    return assessed


def assess_all(
    period: Period,
    returns: Iterable[Return],
    measure_ids: QuerySet | list[int],
    *,
    sight: WorkingSight | None = None,
) -> list[AssessedReturn]:
    """Assess returns of one quarter (saved or not) in four queries, whether one return or thousands.

    measure_ids says whose targets and comparison returns to read: a list, or a subquery for many. With a
    sight, the earlier returns compared with are those the person is shown (shown_returns), in two more queries.
    """
    wanted = Target.objects.filter(Q(period=period) | Q(period=None), year=period.year_id, measure_id__in=measure_ids)
    targets = {(target.measure_id, target.period_id): target for target in wanted}  # the quarter's and year end's
    comparisons = comparison_returns(period, measure_ids, sight=sight)
    organisation = OrganisationSettings.load()
    assessed = []
    for ret in returns:
        target = targets.get((ret.measure_id, period.pk))
        year_end_target = targets.get((ret.measure_id, None))
        comparison = comparisons.get((comparison_kind(ret.measure, period), ret.measure_id))
        assessment = assess_return(
            ret, target=target, year_end_target=year_end_target, comparison=comparison, organisation=organisation
        )
        assessed.append(AssessedReturn(ret, target, year_end_target, comparison, assessment))
    return assessed


def comparison_kind(measure, period: Period) -> str:
    """The comparison the measure's direction of travel uses this quarter (performance.direction.comparison_for)."""
    year_to_date = measure.accumulation == Accumulation.YEAR_TO_DATE
    first_of_year = period.number == 1
    return comparison_for(Comparison(measure.comparison), year_to_date=year_to_date, first_of_year=first_of_year).value


# What a direction of travel and a "previous actual" read of an earlier return, and no more.
COMPARED = ("measure_id", "period_id", "actual", "actual_progress", "actual_text", "data_note")


def comparison_returns(
    period: Period, measure_ids: QuerySet | list[int], *, sight: WorkingSight | None = None
) -> dict[tuple[str, int], Return]:
    """The returns a direction of travel may compare with, keyed by (comparison, measure); with a sight, as that
    person is shown them (an earlier quarter reopened since it was published compares with its published figure).
    In a year collected monthly, they are the same month last year and the month before."""
    this = period.as_period
    wanted = {
        Comparison.SAME_PERIOD_LAST_YEAR.value: this.same_period_last_year,
        Comparison.PREVIOUS_PERIOD.value: this.previous,
    }
    periods = {
        p.as_period: p
        for p in Period.objects.select_related("year").filter(
            year__start_year__in=[earlier.year.start_year for earlier in wanted.values()]
        )
    }
    held = {kind: periods.get(earlier) for kind, earlier in wanted.items()}
    period_ids = {kind: p.pk if p else None for kind, p in held.items()}
    earlier = Return.objects.filter(
        period_id__in=[pk for pk in period_ids.values() if pk], measure_id__in=measure_ids
    ).only(*COMPARED)
    if sight is not None and not sight.everything:
        earlier = shown_earlier(list(earlier.select_related("measure")), [p for p in held.values() if p], sight)
    return {(kind, ret.measure_id): ret for ret in earlier for kind, pk in period_ids.items() if ret.period_id == pk}


def shown_returns(
    returns: list[Return], *, sight: WorkingSight, directorates: dict[tuple[int, int], int | None]
) -> list[Return | None]:
    """Returns (each with its measure and quarter) as this person is shown them; None: nothing to show yet.

    Working values where permissions lets them see them (directorates: each (year, measure)'s directorate);
    otherwise what is published: nothing for a quarter not yet published, the copy kept at reopening while a
    published quarter is being changed, and the returns themselves once it is republished (or never reopened).
    One query at most, however many returns.
    """
    if sight.everything:
        return list(returns)
    hidden = {ret.pk for ret in returns if not sees_working(ret, sight, directorates)}
    held = {ret.period_id for ret in returns if ret.pk in hidden and ret.period.holds_published_record}
    copies = {copy.ret_id: copy for copy in PublishedReturn.objects.filter(period__in=held)} if held else {}
    return [published_form(ret, copies) if ret.pk in hidden else ret for ret in returns]


class HeldActual(NamedTuple):
    """One return's actual, read as plain values: a long series (SPC) reads thousands of returns, and making
    each a Return object costs more than the page they are for."""

    pk: int
    measure_id: int
    period_id: int
    actual: Decimal | None


def shown_actuals(
    held: list[HeldActual],
    *,
    periods: dict[int, Period],
    owners: dict[int, int | None],
    sight: WorkingSight,
    directorates: dict[tuple[int, int], int | None],
) -> dict[tuple[int, int], Decimal]:
    """The actuals of held (keyed by measure and quarter) as shown_returns shows their returns: working values
    where the person may see them, otherwise the published ones (none for an unpublished quarter, the copy kept
    at reopening for a quarter being changed). One query at most, for the copies."""
    if sight.everything:
        return {(row.measure_id, row.period_id): row.actual for row in held if row.actual is not None}
    hidden = [
        row
        for row in held
        if not sight.sees(
            owner_id=owners.get(row.measure_id),
            directorate_id=directorates.get((periods[row.period_id].year_id, row.measure_id)),
        )
    ]
    kept = {row.period_id for row in hidden if periods[row.period_id].holds_published_record}
    copies = dict(PublishedReturn.objects.filter(period__in=kept).values_list("ret_id", "values")) if kept else {}
    shown = {(row.measure_id, row.period_id): row.actual for row in held}
    for row in hidden:
        shown[(row.measure_id, row.period_id)] = published_actual(row, periods[row.period_id], copies)
    return {key: actual for key, actual in shown.items() if actual is not None}


def published_actual(row: HeldActual, period: Period, copies: dict[int, dict]) -> Decimal | None:
    """As published_form: nothing before publication, the copy while the quarter is being changed."""
    if not period.is_published:
        return None
    if not period.holds_published_record:
        return row.actual
    copy = copies.get(row.pk)
    return Return._meta.get_field("actual").to_python(copy.get("actual")) if copy else None


def sees_working(ret: Return, sight: WorkingSight, directorates: dict[tuple[int, int], int | None]) -> bool:
    directorate = directorates.get((ret.period.year_id, ret.measure_id))
    return sight.sees(owner_id=ret.measure.owner_id, directorate_id=directorate)


def published_form(ret: Return, copies: dict[int, PublishedReturn]) -> Return | None:
    period = ret.period
    if not period.is_published:
        return None
    if not period.holds_published_record:
        return ret
    copy = copies.get(ret.pk)
    if copy is None:  # begun since the quarter was reopened: not published yet
        return None
    shown = copy.as_return()
    shown.measure, shown.period = ret.measure, period
    shown.restated_when_kept = copy.restated
    return shown


def shown_return(ret: Return, *, sight: WorkingSight) -> Return | None:
    """One return as the person is shown it (see shown_returns)."""
    if ret.pk is None:
        return None if not sight.everything else ret
    directorates = {(ret.period.year_id, ret.measure_id): directorate_id_of(ret)}
    (shown,) = shown_returns([ret], sight=sight, directorates=directorates)
    return shown


def shown_earlier(earlier: list[Return], periods: list[Period], sight: WorkingSight) -> list[Return]:
    """Earlier returns as the person is shown them, for comparing with: one query for their directorates."""
    by_pk = {period.pk: period for period in periods}
    for ret in earlier:
        ret.period = by_pk[ret.period_id]
    entries = ScorecardEntry.objects.filter(year__in={period.year_id for period in periods})
    directorates = {
        (year_id, measure_id): directorate
        for year_id, measure_id, directorate in entries.values_list("year_id", "measure_id", "directorate_id")
    }
    return [ret for ret in shown_returns(earlier, sight=sight, directorates=directorates) if ret is not None]


def measure_directorates(measure) -> dict[tuple[int, int], int | None]:
    """The measure's directorate in each year's scorecard, keyed as shown_returns reads it."""
    entries = ScorecardEntry.objects.filter(measure=measure).values_list("year_id", "directorate_id")
    return {(year_id, measure.pk): directorate for year_id, directorate in entries}


def year_directorates(period: Period) -> dict[tuple[int, int], int | None]:
    """Each measure's directorate in the quarter's year, keyed as shown_returns reads it."""
    entries = ScorecardEntry.objects.filter(year=period.year_id).values_list("measure_id", "directorate_id")
    return {(period.year_id, measure_id): directorate for measure_id, directorate in entries}
