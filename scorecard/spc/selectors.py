"""Reads of measures' series for SPC: every measure's figures and targets up to a quarter, with its settings
and rebases, in a fixed number of queries however many measures (issue 12 §6)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet, Subquery

from scorecard.accounts.permissions import WorkingSight
from scorecard.council.models import Period
from scorecard.measures.models import Measure, ScorecardEntry, Target
from scorecard.performance.assessment import Frequency
from scorecard.returns.models import Return
from scorecard.returns.selectors import HeldActual, shown_actuals
from scorecard.spc.models import Annotation, Rebase, SpcSettings


@dataclass(frozen=True)
class HeldSeries:
    """A measure's figures as recorded, one per quarter it reports in, oldest first, None where none is held."""

    measure: Measure
    periods: list[Period]
    actuals: list[Decimal | None]
    targets: list[Decimal | None]
    settings: SpcSettings | None = None
    rebases: list[int] = field(default_factory=list)  # indices into periods where a new segment starts

    @property
    def charted(self) -> bool:
        """Charted unless switched off; milestones never (they have no figures)."""
        if self.measure.is_milestone:
            return False
        return self.settings.charted if self.settings else True

    @property
    def fix_after(self) -> int | None:
        return self.settings.fix_after if self.settings else None


# Every table a quarter's SPC is read from: each change to any of them is kept in its history, with its time.
WATCHED = (Return, Target, Measure, ScorecardEntry, SpcSettings, Rebase)


def series_version(upto: Period) -> tuple:
    """What the quarter's series depend on, in two queries: the time of the latest change to each table they are
    read from, and when each quarter up to it was published or reopened (shown_actuals' published figures)."""
    latest = {
        f"{model.__name__}_changed": Subquery(model.history.order_by("-history_date").values("history_date")[:1])
        for model in WATCHED
    }
    changed = Period.objects.filter(pk=upto.pk).annotate(**latest).values_list(*latest).get()
    end = (upto.year.start_year, upto.quarter, upto.month or 0)
    held = Period.objects.values_list("year__start_year", "quarter", "month", "published_at", "record_held_at")
    return (*changed, tuple(period for period in held.order_by("pk") if (*period[:2], period[2] or 0) <= end))


def held_series(
    measures: list[Measure], measure_ids: QuerySet | list[int], *, upto: Period | None, sight: WorkingSight
) -> dict[int, HeldSeries]:
    """Each measure's series up to the quarter, as the person is shown the figures (shown_actuals, as
    shown_returns): seven queries at most, however many measures (measure_ids: a list, or a subquery for many)."""
    periods = periods_to(upto)
    by_pk = {period.pk: period for period in periods}
    stored = Return.objects.filter(measure_id__in=measure_ids, period__in=list(by_pk))
    held = list(map(HeldActual._make, stored.values_list("pk", "measure_id", "period_id", "actual")))
    owners = {measure.pk: measure.owner_id for measure in measures}
    directorates = series_directorates(measure_ids, sight)
    actuals = shown_actuals(held, periods=by_pk, owners=owners, sight=sight, directorates=directorates)
    targets = quarter_targets(measure_ids)
    settings = {each.measure_id: each for each in SpcSettings.objects.filter(measure_id__in=measure_ids)}
    rebased = defaultdict(set)
    for measure_id, period_id in Rebase.objects.filter(measure_id__in=measure_ids).values_list("measure", "period"):
        rebased[measure_id].add(period_id)
    reporting = {}  # the quarters a measure reports in depend on its frequency alone: worked out once for each
    for measure in measures:
        key = (measure.frequency, measure.reported_in_quarter)
        reporting.setdefault(key, [period for period in periods if reports_in(measure, period)])
    return {
        measure.pk: series_of(
            measure,
            reporting[(measure.frequency, measure.reported_in_quarter)],
            actuals,
            targets,
            settings.get(measure.pk),
            rebased[measure.pk],
        )
        for measure in measures
    }


def periods_to(upto: Period | None) -> list[Period]:
    """Every quarter held up to and including this one (None: every quarter held), oldest first."""
    held = list(Period.objects.select_related("year").order_by("year__start_year", "quarter", "month"))
    if upto is None:
        return held
    return [period for period in held if place(period) <= place(upto)]


def place(period: Period) -> tuple[int, int, int]:
    """Where a period falls in time: its year, its quarter, and its month in a year collected monthly."""
    return (period.year.start_year, period.quarter, period.month or 0)


def series_directorates(measure_ids, sight: WorkingSight) -> dict[tuple[int, int], int | None]:
    """Each (year, measure)'s directorate, which decides whose working figures the person sees; the performance
    team sees every figure, so nothing is read for them."""
    if sight.everything:
        return {}
    entries = ScorecardEntry.objects.filter(measure_id__in=measure_ids)
    return {
        (year, measure): directorate
        for year, measure, directorate in entries.values_list("year", "measure", "directorate")
    }


def quarter_targets(measure_ids) -> dict[tuple[int, int], Decimal]:
    wanted = Target.objects.filter(measure_id__in=measure_ids, period__isnull=False, value__isnull=False)
    return {(measure, period): value for measure, period, value in wanted.values_list("measure", "period", "value")}


def series_of(
    measure: Measure,
    periods: list[Period],
    actuals: dict[tuple[int, int], Decimal],
    targets: dict[tuple[int, int], Decimal],
    settings: SpcSettings | None,
    rebased: set[int],
) -> HeldSeries:
    """From the measure's first figure to its latest (of the quarters it reports in): a quarter with no figure in
    between is a gap, not skipped."""
    held = [index for index, period in enumerate(periods) if (measure.pk, period.pk) in actuals]
    shown = periods[held[0] : held[-1] + 1] if held else []
    return HeldSeries(
        measure=measure,
        periods=shown,
        actuals=[actuals.get((measure.pk, period.pk)) for period in shown],
        targets=[targets.get((measure.pk, period.pk)) for period in shown],
        settings=settings,
        rebases=[index for index, period in enumerate(shown) if period.pk in rebased and index > 0],
    )


def reports_in(measure: Measure, period: Period) -> bool:
    """One point a quarter for a quarterly (or monthly) measure; one a year, in the quarter its figure arrives,
    for an annual or biennial one (its later quarters repeat the same figure)."""
    if Frequency(measure.frequency) in (Frequency.MONTHLY, Frequency.QUARTERLY):
        return True
    return period.quarter == measure.reported_in_quarter


def annotations_of(measure: Measure) -> list[Annotation]:
    return list(Annotation.objects.filter(measure=measure).select_related("recorded_by"))  # who, on the SPC page


def rebases_of(measure: Measure) -> list[Rebase]:
    return list(Rebase.objects.filter(measure=measure).select_related("period__year", "recorded_by"))


def settings_of(measure: Measure) -> SpcSettings | None:
    return SpcSettings.objects.filter(measure=measure).first()


def figure_quarters(measure: Measure) -> list[tuple[int, str]]:
    """The quarters the measure has a figure for, oldest first: where a new segment may start."""
    held = Return.objects.filter(measure=measure, actual__isnull=False).select_related("period__year")
    return [
        (ret.period_id, ret.period.label)
        for ret in held.order_by("period__year__start_year", "period__quarter", "period__month")
    ]
