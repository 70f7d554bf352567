"""Reads about years and their quarters or months, shared by pages and commands."""

from collections.abc import Iterable
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
        .order_by("-year__start_year", "quarter", "month")
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


def period_heading(years: Iterable[FinancialYear]) -> str:
    """What a column of the years' periods is headed: Quarter, Month, or both where the years differ."""
    monthly = {year.is_monthly for year in years}
    if monthly == {True}:
        return "Month"
    return "Quarter or month" if True in monthly else "Quarter"


def years_seen_by(user) -> list[YearHeld]:
    """The years and quarters held that this visitor may see: readers and the public, published ones only."""
    return years_held(published_only=not permissions.may_see_unpublished(user))


def latest_period(
    *, number: dict | None = None, year: int | None = None, year_end: bool = False, published_only: bool = False
) -> Period | None:
    """The latest period (or the latest of a year, a year end, or one numbered like {"quarter": 2} or
    {"month": 5}) holding any return: what a report shows by default; published_only: the latest published one."""
    periods = Period.objects.select_related("year").filter(returns__isnull=False)
    if number:
        periods = periods.filter(**number)
    if year_end:
        periods = periods.year_ends()
    if year:
        periods = periods.filter(year__start_year=year)
    if published_only:
        periods = periods.filter(published_at__isnull=False)
    return periods.order_by("-year__start_year", "-quarter", "-month").first()


def latest_period_seen_by(
    user, *, number: dict | None = None, year: int | None = None, year_end: bool = False
) -> Period | None:
    """The latest period this visitor may see (readers and the public: the latest published): the period
    the home page opens on and every report shows when none is chosen."""
    published_only = not permissions.may_see_unpublished(user)
    return latest_period(number=number, year=year, year_end=year_end, published_only=published_only)


def held_year(text: str) -> FinancialYear:
    """The year written as "2017/18", as held; PeriodError says why there is none."""
    wanted = periods.FinancialYear.parse(text)
    year = FinancialYear.objects.filter(start_year=wanted.start_year).first()
    if year is None:
        raise PeriodError(f"{wanted.label} is not set up in Scorecard")
    return year


def held_period(text: str) -> Period:
    """The quarter written as "2017/18 Q2" or "2017/18-Q2", or the month written as "April 2017" or "2017/18 M1",
    as held; PeriodError says why there is none."""
    wanted = periods.parse_period(text)
    period = Period.objects.select_related("year").filter(**period_lookup(wanted)).first()
    if period is None:
        raise PeriodError(not_held(wanted))
    return period


def not_held(wanted: periods.Quarter | periods.Month) -> str:
    """Why a quarter or month is not held: not set up at all, or its year is collected the other way."""
    year = FinancialYear.objects.filter(start_year=wanted.year.start_year).first()
    if year is not None and year.is_monthly != isinstance(wanted, periods.Month):
        word = "monthly: choose a month" if year.is_monthly else "quarterly: choose a quarter"
        return f"{wanted.label} is not set up in Scorecard: {year.label} is collected {word}"
    return f"{wanted.label} is not set up in Scorecard"


def period_lookup(wanted: periods.Quarter | periods.Month, prefix: str = "") -> dict:
    """The filter that finds a quarter's or a month's row ({prefix}: through a relation, e.g. "period__")."""
    if isinstance(wanted, periods.Month):
        return {f"{prefix}year__start_year": wanted.year.start_year, f"{prefix}month": wanted.number}
    year = {f"{prefix}year__start_year": wanted.year.start_year}
    return {**year, f"{prefix}quarter": wanted.number, f"{prefix}month": None}
