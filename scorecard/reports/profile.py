"""A measure's profile: its figures against targets in every quarter held, statuses, direction,
commentary history and target amendments."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.measures.fields import plain
from scorecard.measures.models import Measure, TargetAmendment
from scorecard.measures.selectors import public_amendments
from scorecard.performance.direction import Direction
from scorecard.performance.status import Status
from scorecard.reports.benchmark_profile import BenchmarkSection, benchmark_section
from scorecard.reports.common import Masthead, Table, figure_cell, masthead, status_cell, text
from scorecard.reports.figures import Figure, figure, printing
from scorecard.reports.projection_chart import YearSoFar
from scorecard.reports.rows import actual_figure, previous_figure, target_figure
from scorecard.reports.spc import MeasureSpc, measure_spc
from scorecard.returns.models import Return
from scorecard.returns.projections import YEARS_BACK, ReturnProjection, return_projection
from scorecard.returns.selectors import assess_all, measure_directorates, shown_returns
from scorecard.spc.selectors import annotations_of, held_series, rebases_of

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
    projected: ReturnProjection | None = None  # the latest year's projection, or why there is none
    year_so_far: YearSoFar | None = None  # what the projection chart draws
    benchmark: BenchmarkSection | None = None  # beside comparator councils, where the measure is mapped
    spc: MeasureSpc | None = None  # None where the measure is not charted or has no figures

    @property
    def commentary(self) -> list[ProfilePoint]:
        """Quarters with commentary, newest first."""
        with_words = [p for p in self.points if p.context or p.improvement_actions or p.intervention]
        return list(reversed(with_words))

    def tables(self) -> list[Table]:
        return [*self.quarter_tables(), *(self.benchmark.tables() if self.benchmark else [])]

    def quarter_tables(self) -> list[Table]:
        """The measure's own quarters and its target amendments; the benchmark's tables follow in tables()."""
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
            *([projection_table(self.projected, self.year_so_far)] if self.projected else []),
            *([self.spc.table()] if self.spc else []),
        ]


def build_measure_profile(measure: Measure, *, sight: WorkingSight = PUBLIC_SIGHT) -> MeasureProfile:
    """Every quarter held for the measure, as the person may see it (returns.selectors.shown_returns): for
    readers and the public, published quarters only, with their published values and approved amendments."""
    returns = Return.objects.filter(measure=measure).select_related("measure", "period__year")
    returns = list(returns.order_by("period__year__start_year", "period__quarter", "period__month"))
    shown = shown_returns(returns, sight=sight, directorates=measure_directorates(measure))
    held = [ret for ret in shown if ret is not None]
    points = [point(ret, sight) for ret in held]
    projected, year_so_far = latest_projection(held, points)
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
        projected=projected,
        year_so_far=year_so_far,
        benchmark=benchmark_section(measure, sight=sight),
        spc=spc_of(measure, sight=sight),
    )


def latest_projection(held: list[Return], points: list[ProfilePoint]):
    """The projection of the latest quarter with a figure, from the returns the profile shows (no more queries)."""
    found = zip(reversed(held), reversed(points), strict=True)
    latest = next(((ret, p) for ret, p in found if ret.actual is not None), None)
    if latest is None or latest[0].measure.is_milestone:
        return None, None
    ret, latest_point = latest
    years: dict[int, dict[int, Return]] = {}
    for each in held:
        if each.period.year.start_year >= ret.period.year.start_year - YEARS_BACK:
            years.setdefault(each.period.year.start_year, {})[each.period.quarter] = each
    projected = return_projection(ret, latest_point.year_end_target, years)
    if projected.projection is None:
        return projected, None
    this_year = [
        years[ret.period.year.start_year][q]
        for q in sorted(years[ret.period.year.start_year])
        if q <= ret.period.quarter
    ]
    return projected, year_so_far(ret, this_year, projected, latest_point.year_end_target)


def year_so_far(ret: Return, this_year: list[Return], projected: ReturnProjection, target: Figure) -> YearSoFar:
    shown = printing(ret.measure)
    projection = projected.projection

    def both(value: float | None):
        return (
            None
            if value is None
            else (Decimal(str(round(value, 6))), figure(Decimal(str(round(value, 6))), **shown).text)
        )

    return YearSoFar(
        year=ret.period.year.label,
        periods=("Q1", "Q2", "Q3", "Q4"),
        recorded=tuple(
            (each.actual, figure(each.actual, **shown).text) for each in this_year if each.actual is not None
        ),
        projected=both(projection.value),
        low=both(projection.low),
        high=both(projection.high),
        target=(target.value, target.text) if target.value is not None else None,
        range_words=projection.range_words,
    )


def projection_table(projected: ReturnProjection, year: YearSoFar | None) -> Table:
    columns = [
        "Year",
        "Projected year end",
        "Range",
        "What the range means",
        "How it is projected",
        "Required run rate",
    ]
    if projected.projection is None:
        return Table(
            "Year-end projection", columns, [[text(""), text(projected.reason), text(""), text(""), text(""), text("")]]
        )
    row = [
        text(year.year if year else ""),
        text(projected.value),
        text(projected.range_text or "No range"),
        text(projected.projection.range_words),
        text(projected.projection.basis),
        text(projected.run_rate.words if projected.run_rate else ""),
    ]
    return Table("Year-end projection", columns, [row])


def spc_of(measure: Measure, *, sight: WorkingSight) -> MeasureSpc | None:
    """The measure's XmR chart over every quarter held, from the figures the person is shown."""
    series = held_series([measure], [measure.pk], upto=None, sight=sight)[measure.pk]
    title = f"{measure.code} {measure.title}".strip()
    return measure_spc(series, title=title, annotations=annotations_of(measure), rebases=rebases_of(measure))


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
