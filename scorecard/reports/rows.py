"""One row per measure or action for a quarter: the raw material of every report."""

from __future__ import annotations

from dataclasses import dataclass, replace

from scorecard.council.models import OrganisationSettings, Period
from scorecard.measures.models import ScorecardEntry
from scorecard.performance.direction import Direction
from scorecard.performance.status import Status, Tolerances
from scorecard.reports.figures import NO_FIGURE, Figure, figure
from scorecard.returns.models import DataFlag, Return
from scorecard.returns.selectors import AssessedReturn, assess_all


@dataclass(frozen=True)
class MeasureRow:
    measure_id: int
    is_action: bool
    code: str
    title: str
    directorate: str
    pledge: str
    priority: str
    perspective: str
    portfolios: tuple[str, ...]
    good_is: str
    target: Figure
    actual: Figure
    year_end_target: Figure
    forecast: Figure
    previous_actual: Figure
    status: Status
    forecast_status: Status
    direction: Direction
    direction_label: str
    context: str
    improvement_actions: str
    intervention: str
    commentary_provisional: bool
    tolerances: Tolerances
    unit: str
    decimals: int
    restated: bool = False  # changed since the quarter was published

    @property
    def reference(self) -> str:
        reference = f"{self.code} {self.title}".strip()
        return f"{reference} (restated since publication)" if self.restated else reference


def measure_rows(period: Period) -> list[MeasureRow]:
    """Every measure and action in the year's scorecard, in the scorecard's order, with its quarter's figures.

    A fixed number of queries however many measures: entries, returns, targets, comparisons, settings.
    """
    entries = list(
        ScorecardEntry.objects.filter(year=period.year_id)
        .select_related("measure", "directorate", "priority__pledge", "perspective")
        .prefetch_related("portfolios")
        .order_by("order", "pk")
    )
    saved = {
        ret.measure_id: ret
        for ret in Return.objects.filter(period=period, measure__entries__year=period.year_id).select_related("measure")
    }
    # A measure with no return yet is assessed as an empty one, so it shows Awaiting data (or Annual).
    returns = [saved.get(entry.measure_id) or Return(measure=entry.measure, period=period) for entry in entries]
    for ret in returns:
        ret.period = period
    measure_ids = ScorecardEntry.objects.filter(year=period.year_id).values("measure_id")
    assessed = assess_all(period, returns, measure_ids)
    restated = restated_returns(period)
    organisation = OrganisationSettings.load()
    return [
        replace(row_for(entry, item, period, organisation), restated=item.ret.pk in restated)
        for entry, item in zip(entries, assessed, strict=True)
    ]


def restated_returns(period: Period) -> set[int]:
    """Returns changed after their quarter was published: the reports say so."""
    if not period.published_at:
        return set()
    changed = Return.history.filter(period_id=period.pk, history_date__gt=period.published_at)
    return set(changed.values_list("id", flat=True))


def row_for(entry: ScorecardEntry, item: AssessedReturn, period: Period, organisation) -> MeasureRow:
    measure, ret, assessment = entry.measure, item.ret, item.assessment
    shown = {"unit": measure.unit, "decimals": measure.decimals}
    return MeasureRow(
        measure_id=measure.pk,
        is_action=measure.is_action,
        code=entry.display_code,
        title=entry.display_title,
        directorate=entry.directorate.name if entry.directorate else "",
        pledge=entry.priority.pledge.name if entry.priority else "",
        priority=entry.priority.name if entry.priority else "",
        perspective=entry.perspective.name if entry.perspective else "",
        portfolios=tuple(portfolio.name for portfolio in entry.portfolios.all()),
        good_is=measure.good_is.label,
        target=target_figure(item.target, **shown),
        actual=actual_figure(ret, **shown),
        year_end_target=target_figure(item.year_end_target, **shown),
        forecast=figure(ret.forecast_figure, **shown),
        previous_actual=previous_figure(item.comparison, **shown),
        status=assessment.status,
        forecast_status=assessment.forecast_status,
        direction=assessment.direction,
        direction_label=assessment.direction.shown_as(period.year.same_direction_label),
        context=ret.context,
        improvement_actions=ret.improvement_actions,
        intervention=ret.intervention,
        commentary_provisional=ret.state == "submitted",
        tolerances=measure.tolerances(organisation),
        unit=measure.unit,
        decimals=measure.decimals,
    )


def target_figure(target, *, unit: str, decimals: int) -> Figure:
    return figure(target.figure, unit, decimals) if target else NO_FIGURE


def actual_figure(ret: Return, *, unit: str, decimals: int) -> Figure:
    """The actual as printed, with its flag or note: "93.0% (Provisional)", "18.7% (2015 data)"."""
    flag = DataFlag(ret.data_flag).label if ret.data_flag else ""
    return figure(ret.actual_figure, unit, decimals, words=ret.actual_text, note=ret.data_note or flag)


def previous_figure(ret: Return | None, *, unit: str, decimals: int) -> Figure:
    if ret is None:
        return NO_FIGURE
    return figure(ret.actual_figure, unit, decimals, words=ret.actual_text, note=ret.data_note)
