"""Reads about years and quarters, shared by pages and commands."""

from dataclasses import dataclass

from django.db.models import Count, Q

from scorecard.accounts import permissions
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


def years_held(*, published_only: bool = False) -> list[YearHeld]:
    """Every year with the quarters that hold returns, newest first: two queries however many years.

    published_only: only the published quarters (and the years holding one), for readers and the public.
    """
    periods = (
        Period.objects.select_related("year")
        .annotate(
            measures=Count("returns", filter=Q(returns__measure__kind="measure")),
            actions=Count("returns", filter=Q(returns__measure__kind="action")),
        )
        .filter(Q(measures__gt=0) | Q(actions__gt=0))
        .order_by("-year__start_year", "quarter")
    )
    if published_only:
        periods = periods.filter(published_at__isnull=False)
    by_year: dict[int, list[QuarterHeld]] = {}
    for period in periods:
        by_year.setdefault(period.year_id, []).append(QuarterHeld(period, period.measures, period.actions))
    years = FinancialYear.objects.order_by("-start_year")
    if published_only:
        years = years.filter(pk__in=list(by_year))
    return [YearHeld(year, by_year.get(year.pk, [])) for year in years]


def years_seen_by(user) -> list[YearHeld]:
    """The years and quarters held that this visitor may see: readers and the public, published ones only."""
    return years_held(published_only=not permissions.may_see_unpublished(user))


def latest_period(
    *, quarter: int | None = None, year: int | None = None, published_only: bool = False
) -> Period | None:
    """The latest quarter (or latest quarter 4, or latest of a year) holding any return: what a report shows
    by default; published_only: the latest published one."""
    periods = Period.objects.select_related("year").filter(returns__isnull=False)
    if quarter:
        periods = periods.filter(quarter=quarter)
    if year:
        periods = periods.filter(year__start_year=year)
    if published_only:
        periods = periods.filter(published_at__isnull=False)
    return periods.order_by("-year__start_year", "-quarter").first()


def latest_period_seen_by(user, *, quarter: int | None = None, year: int | None = None) -> Period | None:
    """The latest quarter this visitor may see (readers and the public: the latest published): the quarter
    the home page opens on and every report shows when none is chosen."""
    published_only = not permissions.may_see_unpublished(user)
    return latest_period(quarter=quarter, year=year, published_only=published_only)


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
