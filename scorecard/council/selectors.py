"""Reads about years and quarters, shared by pages and commands."""

from dataclasses import dataclass

from django.db.models import Count, Q

from scorecard.council.models import FinancialYear, Period
from scorecard.performance import periods
from scorecard.performance.periods import PeriodError


@dataclass(frozen=True)
class QuarterHeld:
    period: Period
    measures: int
    actions: int


@dataclass(frozen=True)
class YearHeld:
    year: FinancialYear
    quarters: list[QuarterHeld]


def years_held() -> list[YearHeld]:
    """Every year with the quarters that hold returns, newest first: two queries however many years."""
    periods = (
        Period.objects.select_related("year")
        .annotate(
            measures=Count("returns", filter=Q(returns__measure__kind="measure")),
            actions=Count("returns", filter=Q(returns__measure__kind="action")),
        )
        .filter(Q(measures__gt=0) | Q(actions__gt=0))
        .order_by("-year__start_year", "quarter")
    )
    by_year: dict[int, list[QuarterHeld]] = {}
    for period in periods:
        by_year.setdefault(period.year_id, []).append(QuarterHeld(period, period.measures, period.actions))
    years = FinancialYear.objects.order_by("-start_year")
    return [YearHeld(year, by_year.get(year.pk, [])) for year in years]


def latest_period(*, quarter: int | None = None) -> Period | None:
    """The latest quarter (or latest quarter 4) holding any return: what a report shows by default."""
    periods = Period.objects.select_related("year").filter(returns__isnull=False)
    if quarter:
        periods = periods.filter(quarter=quarter)
    return periods.order_by("-year__start_year", "-quarter").first()


def held_year(text: str) -> FinancialYear:
    """The year written as "2017/18", as held; PeriodError says why there is none."""
    wanted = periods.FinancialYear.parse(text)
    year = FinancialYear.objects.filter(start_year=wanted.start_year).first()
    if year is None:
        raise PeriodError(f"{wanted.label} is not set up in Scorecard")
    return year


def held_quarter(text: str) -> Period:
    """The quarter written as "2017/18 Q2" or "2017/18-Q2", as held; PeriodError says why there is none."""
    wanted = periods.Quarter.parse(text)
    held = Period.objects.select_related("year").filter(year__start_year=wanted.year.start_year, quarter=wanted.number)
    period = held.first()
    if period is None:
        raise PeriodError(f"{wanted.label} is not set up in Scorecard")
    return period
