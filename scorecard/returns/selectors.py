"""Reads of returns with their assessment, in a fixed number of queries however many measures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from scorecard.council.models import OrganisationSettings, Period
from scorecard.measures.models import Accumulation, Target
from scorecard.performance.direction import Comparison, comparison_for
from scorecard.returns.assessment import Assessment, assess_return
from scorecard.returns.models import Return


@dataclass(frozen=True)
class AssessedReturn:
    ret: Return
    target: Target | None
    year_end_target: Target | None
    comparison: Return | None
    assessment: Assessment


def assessed_returns(period: Period) -> list[AssessedReturn]:
    """Every return of the quarter, with its targets, its comparison return and its assessment."""
    returns = Return.objects.filter(period=period).select_related("measure", "period__year").order_by("measure__code")
    return assess_all(period, returns, returns.values("measure_id"))


def quarter_return(period: Period, measure) -> Return:
    """The quarter's return for the measure; an unsaved, empty one while nobody has started it."""
    ret = Return.objects.filter(period=period, measure=measure).first()
    if ret is None:
        return Return(measure=measure, period=period, version=0)  # return_start begins at version 0
    ret.period, ret.measure = period, measure
    return ret


def assessed_return(ret: Return) -> AssessedReturn:
    """One return with its assessment, e.g. for its page in the administration."""
    (assessed,) = assess_all(ret.period, [ret], [ret.measure_id])
    return assessed


def assess_all(period: Period, returns: Iterable[Return], measure_ids: QuerySet | list[int]) -> list[AssessedReturn]:
    """Assess returns of one quarter (saved or not) in four queries, whether one return or thousands.

    measure_ids says whose targets and comparison returns to read: a list, or a subquery for many.
    """
    wanted = Target.objects.filter(Q(period=period) | Q(period=None), year=period.year_id, measure_id__in=measure_ids)
    targets = {(target.measure_id, target.period_id): target for target in wanted}  # the quarter's and year end's
    comparisons = comparison_returns(period, measure_ids)
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
    return comparison_for(Comparison(measure.comparison), year_to_date=year_to_date, quarter=period.quarter).value


# What a direction of travel and a "previous actual" read of an earlier return, and no more.
COMPARED = ("measure_id", "period_id", "actual", "actual_progress", "actual_text", "data_note")


def comparison_returns(period: Period, measure_ids: QuerySet | list[int]) -> dict[tuple[str, int], Return]:
    """The returns a direction of travel may compare with, keyed by (comparison, measure)."""
    quarter = period.as_quarter
    wanted = {
        Comparison.SAME_PERIOD_LAST_YEAR.value: quarter.same_quarter_last_year,
        Comparison.PREVIOUS_PERIOD.value: quarter.previous,
    }
    periods = {
        (p.year.start_year, p.quarter): p.pk
        for p in Period.objects.select_related("year").filter(
            year__start_year__in=[q.year.start_year for q in wanted.values()]
        )
    }
    period_ids = {kind: periods.get((q.year.start_year, q.number)) for kind, q in wanted.items()}
    earlier = Return.objects.filter(
        period_id__in=[pk for pk in period_ids.values() if pk], measure_id__in=measure_ids
    ).only(*COMPARED)
    return {(kind, ret.measure_id): ret for ret in earlier for kind, pk in period_ids.items() if ret.period_id == pk}
