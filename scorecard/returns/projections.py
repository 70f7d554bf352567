"""Each return's year-end projection and required run rate, from its measure's history (issue 15).

The histories of every measure on a page are read in one query (two more when a reader is shown only what is
published), so a report's queries stay flat in the number of measures. The projection never fails a page: where
it cannot be made, `reason` says why in words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from scorecard.accounts.permissions import WorkingSight
from scorecard.council.models import Period
from scorecard.measures.models import Accumulation, Measure, ScorecardEntry
from scorecard.performance.assessment import Frequency
from scorecard.performance.projection import Projection, project_percentage, project_year_end
from scorecard.performance.run_rate import SNAPSHOT_WORDS, RunRate, required_rate, required_run_rate
from scorecard.performance.year_figures import PER, Kind, kind_of, own_values, whole_years
from scorecard.reports.figures import figure, printing
from scorecard.returns.models import Return
from scorecard.returns.selectors import AssessedReturn, assessed_returns, shown_returns

QUARTERS = 4
YEARS_BACK = 9  # nine earlier years' patterns give a range that holds the year end about 9 years in 10
# What a projection never reads of an earlier return: its words.
COMMENTARY_AND_WORKFLOW = ("context", "improvement_actions", "intervention", "returned_comment", "challenge")

# Quarter number → return, for each financial year (by its start year).
Years = dict[int, dict[int, Return]]


@dataclass(frozen=True)
class ReturnProjection:
    """What a page shows of a return's projection: the figures printed, the words, or why there is none."""

    projection: Projection | None
    run_rate: RunRate | None
    reason: str = ""
    value: str = ""
    low: str = ""
    high: str = ""
    forecast: str = ""
    warning: str = ""

    @property
    def forecast_outside(self) -> bool:
        return bool(self.warning)

    @property
    def range_text(self) -> str:
        return f"{self.low} to {self.high}" if self.low else ""


def histories(measure_ids: Iterable[int], period: Period, *, sight: WorkingSight | None = None) -> dict[int, Years]:
    """Each measure's returns of this year and up to nine before it, by year and quarter, in one query; with a
    sight, as that person is shown them (shown_returns)."""
    first, measure_ids = period.year.start_year - YEARS_BACK, list(measure_ids)
    returns = list(
        Return.objects.filter(
            measure_id__in=measure_ids,
            period__year__start_year__gte=first,
            period__year__start_year__lte=period.year.start_year,
        )
        .select_related("period__year", "measure")
        .defer(*COMMENTARY_AND_WORKFLOW)
    )
    if sight is not None and not sight.everything:
        returns = [
            ret
            for ret in shown_returns(returns, sight=sight, directorates=directorates_of(sight, first, measure_ids))
            if ret is not None
        ]
    found: dict[int, Years] = defaultdict(lambda: defaultdict(dict))
    for ret in returns:
        found[ret.measure_id][ret.period.year.start_year][ret.period.quarter] = ret
    return found


def directorates_of(sight: WorkingSight, first: int, measure_ids: list[int]) -> dict[tuple[int, int], int | None]:
    """Each (year, measure)'s directorate, as shown_returns reads it; not needed (no query) for a sight that sees no
    directorate's working values (a reader, the public)."""
    if not sight.directorates:
        return {}
    entries = ScorecardEntry.objects.filter(year__start_year__gte=first, measure_id__in=measure_ids)
    return {
        (e.year_id, e.measure_id): e.directorate_id for e in entries.only("year_id", "measure_id", "directorate_id")
    }


def one_return_projection(ret: Return, year_end_target, *, sight: WorkingSight | None = None) -> ReturnProjection:
    """One return's projection (the entry form's, as its figures are typed): its history in one query."""
    years = histories([ret.measure_id], ret.period, sight=sight).get(ret.measure_id, {})
    return return_projection(ret, year_end_target, years)


def return_projection(ret: Return, year_end_target, years: Years) -> ReturnProjection:
    """The projection of the return's measure (with the return's own figures as given: typed, in the entry form)
    against its year-end target; or why there is none."""
    measure, period = ret.measure, ret.period
    reason = unprojectable(measure, year_end_target)
    if period.month:  # the rules project twelve months (performance.projection); these reads hold quarters
        reason = "No projection: a year collected monthly is not projected on these pages yet."
    if reason:
        return ReturnProjection(None, None, reason=reason)
    this = {**years.get(period.year.start_year, {}), period.quarter: ret}
    this = {quarter: found for quarter, found in this.items() if quarter <= period.quarter}
    missing = [
        f"Q{quarter}" for quarter in range(1, period.quarter + 1) if getattr(this.get(quarter), "actual", None) is None
    ]
    if missing:
        have = "has" if len(missing) == 1 else "have"
        return ReturnProjection(None, None, reason=f"No projection: {' and '.join(missing)} {have} no figure yet.")
    earlier = [years[start] for start in sorted(years) if start < period.year.start_year]
    try:
        projection, run_rate = project(measure, this, earlier, year_end_target.value)
    except ValueError as problem:  # no figures yet, or a year the method cannot use: said, never raised
        words = str(problem)
        return ReturnProjection(None, None, reason=f"No projection: {words[:1].lower()}{words[1:]}")
    return shown(measure, ret, projection, run_rate)


def unprojectable(measure: Measure, year_end_target) -> str:
    if measure.is_milestone:
        return "No projection: progress words are not projected."
    if measure.frequency in (Frequency.ANNUAL, Frequency.BIENNIAL):
        return "No projection: the measure has one figure a year."
    if year_end_target is None or year_end_target.value is None:
        return "No projection: the measure has no year-end target this year."
    return ""


def project(measure: Measure, this: dict[int, Return], earlier: list[dict[int, Return]], target: Decimal):
    year_to_date = measure.accumulation == Accumulation.YEAR_TO_DATE
    snapshot = measure.accumulation in (Accumulation.SNAPSHOT, Accumulation.ROLLING_12_MONTHS)
    fractions = own_values(field_of(this, "numerator"), QUARTERS, year_to_date=year_to_date)
    held = fractions is not None and len(fractions) == len(figures_of(this, "actual", year_to_date=False))
    kind = kind_of(measure.unit, year_to_date=year_to_date, snapshot=snapshot, fractions_held=held)
    if kind is Kind.FRACTION:
        return fraction(measure, this, earlier, target, year_to_date)
    values = figures_of(this, "actual", year_to_date=kind is Kind.TOTAL)
    past = whole_years([field_of(year, "actual") for year in earlier], QUARTERS, year_to_date=kind is Kind.TOTAL)
    projection = project_year_end(past, values, measure.polarity, periods=QUARTERS, snapshot=kind is Kind.SNAPSHOT)
    if kind is Kind.SNAPSHOT:
        return projection, RunRate(SNAPSHOT_WORDS)
    rate = required_run_rate(
        target=target, this_year=values, past_years=past, polarity=measure.polarity, decimals=measure.decimals
    )
    return projection, rate


def fraction(measure: Measure, this, earlier, target: Decimal, year_to_date: bool):
    """A percentage or rate from its numerator and denominator, each projected on its own."""
    numerators, denominators = (
        figures_of(this, name, year_to_date=year_to_date) for name in ("numerator", "denominator")
    )
    pairs = [
        (
            whole_years([field_of(year, "numerator")], QUARTERS, year_to_date=year_to_date),
            whole_years([field_of(year, "denominator")], QUARTERS, year_to_date=year_to_date),
        )
        for year in earlier
    ]
    pairs = [(n[0], d[0]) for n, d in pairs if n and d]
    past_n, past_d = [n for n, _ in pairs], [d for _, d in pairs]
    per = PER[measure.unit]
    projection = project_percentage(
        past_n, past_d, numerators, denominators, measure.polarity, periods=QUARTERS, per=per
    )
    year_end = project_year_end(past_d, denominators, measure.polarity, periods=QUARTERS).value
    rate = required_rate(
        target=target,
        numerator_so_far=sum(numerators),
        denominator_so_far=sum(denominators),
        denominator_year_end=year_end,
        polarity=measure.polarity,
        decimals=measure.decimals,
        per=per,
    )
    return projection, rate


def field_of(year: dict[int, Return], name: str) -> dict[int, Decimal | None]:
    return {quarter: getattr(ret, name) for quarter, ret in year.items()}


def figures_of(year: dict[int, Return], name: str, *, year_to_date: bool) -> list[float]:
    return own_values(field_of(year, name), QUARTERS, year_to_date=year_to_date) or []


def shown(measure: Measure, ret: Return, projection: Projection, run_rate: RunRate) -> ReturnProjection:
    def printed(value: float | None) -> str:
        return "" if value is None else figure(Decimal(str(round(value, 6))), **printing(measure)).text

    low, high = printed(projection.low), printed(projection.high)
    forecast = "" if ret.forecast is None else printed(float(ret.forecast))
    warning = ""
    if ret.forecast is not None and projection.outside_range(float(ret.forecast)):
        warning = (
            f"The forecast of {forecast} lies outside every earlier year's pattern ({low} to {high}): "
            "check it, or say in the commentary why this year is different."
        )
    return ReturnProjection(
        projection, run_rate, value=printed(projection.value), low=low, high=high, forecast=forecast, warning=warning
    )


def projections_for(
    assessed: list[AssessedReturn], period: Period, *, sight: WorkingSight | None = None
) -> dict[int, ReturnProjection]:
    """Each assessed return's projection, by measure: one query for every history (shown as the sight allows)."""
    years = histories([item.ret.measure_id for item in assessed], period, sight=sight)
    return {
        item.ret.measure_id: return_projection(item.ret, item.year_end_target, years.get(item.ret.measure_id, {}))
        for item in assessed
    }


def forecasts_to_challenge(period: Period) -> list[tuple[Return, ReturnProjection]]:
    """The quarter's returns whose forecast lies outside every earlier year's pattern, for the performance team."""
    assessed = [item for item in assessed_returns(period) if item.ret.forecast is not None]
    projected = projections_for(assessed, period)
    return [(item.ret, projected[item.ret.measure_id]) for item in assessed if projected[item.ret.measure_id].warning]


def quarter_projections(
    period: Period, year_end_targets: dict[int, object], *, sight: WorkingSight | None = None
) -> dict[int, ReturnProjection]:
    """The projection of each measure (id → its year-end target, anything with a value) from the figures the
    person is shown, this quarter's return included: for a report's rows, in one query (three with a sight)."""
    years = histories(year_end_targets, period, sight=sight)
    found = {}
    for measure_id, target in year_end_targets.items():
        held = years.get(measure_id, {})
        ret = held.get(period.year.start_year, {}).get(period.quarter)
        if ret is None:
            found[measure_id] = ReturnProjection(None, None, reason="No projection: no figure this quarter.")
        else:
            found[measure_id] = return_projection(ret, target, held)
    return found
