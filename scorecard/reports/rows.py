"""One row per measure or action for a quarter: the raw material of every report."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

from django.db.models import Q

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import Directorate, OrganisationSettings, Period, Perspective, Priority
from scorecard.measures.models import ScorecardEntry
from scorecard.performance.benchmark_targets import Basis
from scorecard.performance.direction import Direction
from scorecard.performance.status import Status, Tolerances
from scorecard.reports.benchmarks import ReportBenchmark, report_benchmarks
from scorecard.reports.figures import NO_FIGURE, Figure, figure, printing
from scorecard.returns.models import DataFlag, Return
from scorecard.returns.selectors import AssessedReturn, assess_all, restated_returns, shown_returns

if TYPE_CHECKING:
    from scorecard.reports.spc import Summary


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
    unit_label: str = ""  # the measure's own, e.g. "per 100,000 collections"; empty: the unit's name
    set_by_hand: tuple[tuple[str, str], ...] = ()  # (status, forecast_status or direction; the reason)
    restated: bool = False  # changed since the quarter was published
    compared_with: str = ""  # the quarter previous_actual is from, e.g. "2017/18 Q2"
    projected: str = ""  # the year end projected from the measure's history, with its range; or why there is none
    run_rate: str = ""  # what the rest of the year must deliver (the improvement report fills these two)
    benchmark: ReportBenchmark | None = None  # among comparator councils, where a report asks (with_benchmarks)
    spc: Summary | None = None  # the SPC icons' words, where the report asked for them (reports.spc.with_spc)
    previous_revised: bool = False  # previous_actual was restated since its own quarter was published: marked "r"

    @property
    def reference(self) -> str:
        """Code and title, with the measure's own unit label (a CSV prints figures bare) and any restatement."""
        reference = f"{self.code} {self.title}".strip()
        if self.unit_label:
            reference = f"{reference} ({self.unit_label})"
        return f"{reference} (restated since publication)" if self.restated else reference


def measure_rows(period: Period, *, sight: WorkingSight = PUBLIC_SIGHT) -> list[MeasureRow]:
    """Every measure and action in the year's scorecard, in the scorecard's order, with its quarter's figures
    as the person (their sight, from permissions) is shown them: published values unless they may see more.

    A fixed number of queries however many measures: entries, returns, targets, comparisons, settings.
    """
    entries = list(ScorecardEntry.objects.filter(year=period.year_id).select_related("measure").order_by("order", "pk"))
    stored = Return.objects.filter(period=period, measure__entries__year=period.year_id).defer("updated_at")
    saved = {ret.measure_id: ret for ret in stored}
    measures = {entry.measure_id: entry.measure for entry in entries}
    for ret in saved.values():
        ret.measure, ret.period = measures[ret.measure_id], period  # one object each, however many rows share them
    directorates = {(period.year_id, entry.measure_id): entry.directorate_id for entry in entries}
    shown = shown_returns(list(saved.values()), sight=sight, directorates=directorates)
    visible = {ret.measure_id: ret for ret in shown if ret is not None}
    # A measure with no return yet is assessed as an empty one, so it shows Awaiting data (or Annual).
    returns = [visible.get(entry.measure_id) or Return(measure=entry.measure, period=period) for entry in entries]
    measure_ids = ScorecardEntry.objects.filter(year=period.year_id).values("measure_id")
    assessed = assess_all(period, returns, measure_ids, sight=sight)
    restated = restated_returns(period)
    organisation, places = OrganisationSettings.load(), Places.read(period.year_id)
    earlier = EarlierQuarters.of(assessed)
    return [
        row_for(entry, item, period, organisation, places, restated=was_restated(item.ret, restated), earlier=earlier)
        for entry, item in zip(entries, assessed, strict=True)
    ]


def with_benchmarks(rows: list[MeasureRow], year: str) -> list[MeasureRow]:
    """The rows with each measure's benchmark for the year (reports.benchmarks): a few queries for them all."""
    found = report_benchmarks([row.measure_id for row in rows if not row.is_action], year)
    return [replace(row, benchmark=found.get(row.measure_id)) for row in rows]


def was_restated(ret: Return, restated: set[int]) -> bool:
    """Changed since publication: as the published copy says, where one is shown, else by the history."""
    return getattr(ret, "restated_when_kept", ret.pk in restated)


REVISED = "r"
REVISED_NOTE = "r: revised since it was first published (the publications archive has each version and what changed)."


def revised_note(rows: list[MeasureRow]) -> str:
    """The footnote a report prints under its tables where an earlier figure is marked "r"; empty where none is."""
    return REVISED_NOTE if any(row.previous_revised for row in rows) else ""


@dataclass(frozen=True)
class EarlierQuarters:
    """The quarters the comparison returns come from (at most two): their labels, and which of their returns were
    restated since they were published, so the next quarter's reports mark those figures "r"."""

    labels: dict[int, str]
    revised: set[int]  # comparison returns restated since publication

    @classmethod
    def of(cls, assessed: list[AssessedReturn]) -> EarlierQuarters:
        compared = [item.comparison for item in assessed if item.comparison is not None]
        if not compared:
            return cls({}, set())
        held = list(Period.objects.select_related("year").filter(pk__in={ret.period_id for ret in compared}))
        published = [Q(period_id=p.pk, history_date__gt=p.published_at) for p in held if p.published_at]
        changed = Return.history.filter(reduce(or_, published)).values_list("id", flat=True) if published else []
        restated = set(changed)  # as restated_returns, for both quarters in one query
        return cls({period.pk: period.label for period in held}, {r.pk for r in compared if was_restated(r, restated)})

    def marks(self, comparison: Return | None) -> bool:
        return comparison is not None and comparison.pk in self.revised


@dataclass(frozen=True)
class Places:
    """Names of the few directorates, priorities (with their pledges) and perspectives, and each entry's
    Cabinet portfolios: read once, not joined to every row, as a thousand rows share a handful of names."""

    directorates: dict[int, str]
    priorities: dict[int, tuple[str, str]]  # id → (pledge, priority)
    perspectives: dict[int, str]
    portfolios: dict[int, tuple[str, ...]]  # scorecard entry → its portfolios

    @classmethod
    def read(cls, year_id: int) -> Places:
        portfolios: dict[int, tuple[str, ...]] = {}
        held = ScorecardEntry.portfolios.through.objects.filter(scorecardentry__year=year_id)
        for entry_id, name in held.order_by("portfolio__order", "portfolio__name").values_list(
            "scorecardentry_id", "portfolio__name"
        ):
            portfolios[entry_id] = (*portfolios.get(entry_id, ()), name)
        return cls(
            dict(Directorate.objects.values_list("pk", "name")),
            {pk: (pledge, name) for pk, pledge, name in Priority.objects.values_list("pk", "pledge__name", "name")},
            dict(Perspective.objects.values_list("pk", "name")),
            portfolios,
        )


def row_for(
    entry: ScorecardEntry,
    item: AssessedReturn,
    period: Period,
    organisation,
    places: Places,
    *,
    restated: bool,
    earlier: EarlierQuarters,
) -> MeasureRow:
    measure, ret, assessment = entry.measure, item.ret, item.assessment
    pledge, priority = places.priorities.get(entry.priority_id, ("", ""))
    shown = printing(measure)
    return MeasureRow(
        measure_id=measure.pk,
        is_action=measure.is_action,
        code=entry.display_code,
        title=entry.display_title,
        directorate=places.directorates.get(entry.directorate_id, ""),
        pledge=pledge,
        priority=priority,
        perspective=places.perspectives.get(entry.perspective_id, ""),
        portfolios=places.portfolios.get(entry.pk, ()),
        good_is=measure.good_is.label,
        target=target_figure(item.target, **shown),
        actual=actual_figure(ret, **shown),
        year_end_target=target_figure(item.year_end_target, **shown),
        forecast=figure(ret.forecast_figure, **shown),
        previous_actual=previous_figure(item.comparison, revised=earlier.marks(item.comparison), **shown),
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
        unit_label=measure.unit_label,
        set_by_hand=assessment.reasons,
        decimals=measure.decimals,
        restated=restated,
        compared_with=earlier.labels.get(item.comparison.period_id, "") if item.comparison else "",
        previous_revised=earlier.marks(item.comparison),
    )


def target_figure(target, *, unit: str, decimals: int, label: str = "") -> Figure:
    """The target as printed; one set from comparators says so: "78.1% (comparator median)"."""
    if not target:
        return NO_FIGURE
    note = Basis(target.benchmark_basis).note if target.benchmark_basis else ""
    return figure(target.figure, unit, decimals, label=label, note=note)


def actual_figure(ret: Return, *, unit: str, decimals: int, label: str = "") -> Figure:
    """The actual as printed, with its flag or note: "93.0% (Provisional)", "18.7% (2015 data)"."""
    flag = DataFlag(ret.data_flag).label if ret.data_flag else ""
    return figure(ret.actual_figure, unit, decimals, words=ret.actual_text, note=ret.data_note or flag, label=label)


def previous_figure(ret: Return | None, *, unit: str, decimals: int, label: str = "", revised: bool = False) -> Figure:
    """The earlier figure compared with, marked "r" where it was revised since it was first published."""
    if ret is None:
        return NO_FIGURE
    shown = figure(ret.actual_figure, unit, decimals, words=ret.actual_text, note=ret.data_note, label=label)
    return replace(shown, text=f"{shown.text} {REVISED}") if revised and shown.text else shown
