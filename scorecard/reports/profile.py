"""A measure's profile: its figures against targets in every quarter held, statuses, direction,
commentary history and target amendments."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.measures.fields import plain
from scorecard.measures.models import Measure, TargetAmendment
from scorecard.measures.selectors import public_amendments
from scorecard.performance.direction import Direction
from scorecard.performance.status import Status
from scorecard.reports.common import Masthead, Table, figure_cell, masthead, status_cell, text
from scorecard.reports.figures import Figure, figure, printing
from scorecard.reports.rows import actual_figure, previous_figure, target_figure
from scorecard.returns.models import Return
from scorecard.returns.selectors import assess_all, measure_directorates, shown_returns

COLUMNS = [
    "Quarter",
    "Target",
    "Actual",
    "Status",
    "Year-end target",
    "Year-end forecast",
    "Forecast status",
    "Direction of travel",
    "Compared with",
]


@dataclass(frozen=True)
class ProfilePoint:
    period: str
    target: Figure
    actual: Figure
    status: Status
    year_end_target: Figure
    forecast: Figure
    forecast_status: Status
    direction: Direction
    direction_label: str
    compared_with: Figure
    context: str
    improvement_actions: str
    intervention: str


@dataclass(frozen=True)
class Amendment:
    year: str
    old: str
    new: str
    reason: str
    approved: str


@dataclass(frozen=True)
class MeasureProfile:
    masthead: Masthead
    measure_id: int
    code: str
    title: str
    aliases: list[str]
    good_is: str
    unit: str
    frequency: str
    owner: str
    points: list[ProfilePoint]
    amendments: list[Amendment]

    @property
    def commentary(self) -> list[ProfilePoint]:
        """Quarters with commentary, newest first."""
        with_words = [p for p in self.points if p.context or p.improvement_actions or p.intervention]
        return list(reversed(with_words))

    def tables(self) -> list[Table]:
        rows = [
            [
                text(point.period),
                figure_cell(point.target),
                figure_cell(point.actual),
                status_cell(point.status),
                figure_cell(point.year_end_target),
                figure_cell(point.forecast),
                status_cell(point.forecast_status),
                text(point.direction_label),
                figure_cell(point.compared_with),
            ]
            for point in self.points
        ]
        amendments = [
            [text(a.year), text(a.old), text(a.new), text(a.reason), text(a.approved)] for a in self.amendments
        ]
        return [
            Table(f"{self.code} {self.title}".strip(), COLUMNS, rows),
            Table("Target amendments", ["Year", "Old target", "New target", "Reason", "Approved"], amendments),
        ]


def build_measure_profile(measure: Measure, *, sight: WorkingSight = PUBLIC_SIGHT) -> MeasureProfile:
    """Every quarter held for the measure, as the person may see it (returns.selectors.shown_returns): for
    readers and the public, published quarters only, with their published values and approved amendments."""
    returns = Return.objects.filter(measure=measure).select_related("measure", "period__year")
    returns = list(returns.order_by("period__year__start_year", "period__quarter", "period__month"))
    shown = shown_returns(returns, sight=sight, directorates=measure_directorates(measure))
    points = [point(ret, sight) for ret in shown if ret is not None]
    return MeasureProfile(
        masthead=masthead(f"Measure profile: {measure.code or measure.title}", measure.title),
        measure_id=measure.pk,
        code=measure.code,
        title=measure.title,
        aliases=[alias.code for alias in measure.aliases.all()],
        good_is=measure.good_is.label,
        unit=measure.unit_label or measure.get_unit_display(),
        frequency=measure.get_frequency_display(),
        owner=str(measure.owner or ""),
        points=points,
        amendments=amendments_of(measure, sight=sight),
    )


def point(ret: Return, sight: WorkingSight) -> ProfilePoint:
    (item,) = assess_all(ret.period, [ret], [ret.measure_id], sight=sight)
    measure, assessment = ret.measure, item.assessment
    shown = printing(measure)
    return ProfilePoint(
        period=ret.period.label,
        target=target_figure(item.target, **shown),
        actual=actual_figure(ret, **shown),
        status=assessment.status,
        year_end_target=target_figure(item.year_end_target, **shown),
        forecast=figure(ret.forecast_figure, **shown),
        forecast_status=assessment.forecast_status,
        direction=assessment.direction,
        direction_label=assessment.direction.shown_as(ret.period.year.same_direction_label),
        compared_with=previous_figure(item.comparison, **shown),
        context=ret.context,
        improvement_actions=ret.improvement_actions,
        intervention=ret.intervention,
    )


def amendments_of(measure: Measure, *, sight: WorkingSight) -> list[Amendment]:
    """The measure's target amendments; for those who see only what is published, approved amendments of
    years with a published quarter (a proposal, or next year's targets, is not public yet)."""
    amendments = TargetAmendment.objects.filter(target__measure=measure).select_related("target__year")
    if not sight.works_on_returns:
        amendments = public_amendments(amendments)
    return [
        Amendment(
            year=amendment.target.year.label,
            old=plain(amendment.old_value),
            new=plain(amendment.new_value) or "Not yet set",
            reason=amendment.reason,
            approved=f"{amendment.approved_by}, {amendment.approved_on:%d %B %Y}"
            if amendment.is_approved
            else "Proposed, not yet approved",
        )
        for amendment in amendments
    ]
