"""Reads: years, quarters, measures, targets, returns with their statuses and directions, and report rows.

Anyone may read published quarters; a token of someone who works on returns also reads unpublished ones,
as on the web (accounts.permissions decides).
"""

from __future__ import annotations

from typing import Annotated

from django.db.models import F
from ninja import Path, Query, Router, Schema
from pydantic import Field

from scorecard.accounts import permissions
from scorecard.api import shapes
from scorecard.api.access import TOKEN_OR_PUBLIC
from scorecard.api.errors import Invalid, NotFound
from scorecard.api.schemas import (
    READ_REFUSALS,
    MeasureOut,
    PeriodOut,
    ReportOut,
    StatusWord,
    TargetOut,
    Word,
    YearOut,
)
from scorecard.council import selectors
from scorecard.council.models import FinancialYear, Period
from scorecard.measures.models import Measure, ScorecardEntry, Target
from scorecard.measures.selectors import year_is_public
from scorecard.performance.direction import Direction
from scorecard.performance.periods import PeriodError
from scorecard.performance.status import Status
from scorecard.reports.annual import build_annual_results
from scorecard.reports.dashboard import GROUPINGS, build_dashboard
from scorecard.reports.forms import DashboardForm, GroupedForm, ImprovementForm
from scorecard.reports.improvement import build_improvement_report
from scorecard.reports.profile import build_measure_profile
from scorecard.reports.spc_summary import build_spc_summary

router = Router(auth=TOKEN_OR_PUBLIC)
BIGGEST_KEY = 2**63 - 1
Id = Annotated[int, Path(ge=1, le=BIGGEST_KEY)]  # what the database's keys can hold
YEAR = Field(description="A financial year as printed, e.g. 2017/18", max_length=20)


@router.get("/years", response={200: list[YearOut], **READ_REFUSALS}, tags=["years and quarters"])
def years(request):
    """Every financial year held, with its quarters and their state."""
    periods = Period.objects.select_related("year").order_by("year__start_year", "quarter", "month")
    by_year: dict[int, list[Period]] = {}
    for period in periods:
        by_year.setdefault(period.year_id, []).append(period)
    return [shapes.year_shape(year, by_year.get(year.pk, [])) for year in FinancialYear.objects.all()]


class YearQuery(Schema):
    year: str | None = YEAR


@router.get("/periods", response={200: list[PeriodOut], **READ_REFUSALS}, tags=["years and quarters"])
def periods(request, query: Query[YearQuery]):
    """Quarters, of one year if asked: open, closed and published."""
    chosen = Period.objects.select_related("year")
    if query.year:
        chosen = chosen.filter(year=held_year(query.year))
    return [shapes.period_shape(period) for period in chosen]


@router.get("/statuses", response={200: list[StatusWord], **READ_REFUSALS}, tags=["vocabulary"])
def statuses(request):
    """Each status a measure or action can have, with the word and colours reports print."""
    return [{"value": s.value, "label": s.label, "colour": s.style.fill, "text_colour": s.style.text} for s in Status]


@router.get("/directions", response={200: list[Word], **READ_REFUSALS}, tags=["vocabulary"])
def directions(request):
    """Each direction of travel."""
    return [{"value": d.value, "label": d.label} for d in Direction]


@router.get("/measures", response={200: list[MeasureOut], **READ_REFUSALS}, tags=["measures and targets"])
def measures(request, query: Query[YearQuery]):
    """Every measure and action, or one year's scorecard in its order with each one's place in it."""
    if not query.year:
        return [shapes.measure_shape(m) for m in Measure.objects.prefetch_related("aliases")]
    entries = ScorecardEntry.objects.filter(year=public_year(request, query.year)).select_related(
        "year", "measure", "directorate", "priority__pledge", "perspective"
    )
    entries = entries.prefetch_related("portfolios", "measure__aliases")
    return [shapes.measure_shape(entry.measure, entry) for entry in entries]


@router.get("/measures/{measure_id}", response={200: MeasureOut, **READ_REFUSALS}, tags=["measures and targets"])
def measure(request, measure_id: Id):
    found = Measure.objects.prefetch_related("aliases").filter(pk=measure_id).first()
    if found is None:
        raise NotFound(f"No measure has the id {measure_id}.")
    return shapes.measure_shape(found)


class TargetQuery(Schema):
    year: str = YEAR
    measure_id: int | None = Field(None, ge=1, le=BIGGEST_KEY)


@router.get("/targets", response={200: list[TargetOut], **READ_REFUSALS}, tags=["measures and targets"])
def targets(request, query: Query[TargetQuery]):
    """A year's targets: each quarter's, then the year end's (quarter empty)."""
    chosen = Target.objects.filter(year=public_year(request, query.year)).select_related("measure", "year", "period")
    if query.measure_id:
        chosen = chosen.filter(measure_id=query.measure_id)
    return [
        shapes.target_shape(target)
        for target in chosen.order_by(
            "measure__code", F("period__quarter").asc(nulls_last=True), F("period__month").asc(nulls_last=True)
        )
    ]


# -- reports ------------------------------------------------------------------------------------------


class QuarterReportQuery(Schema):
    year: str = YEAR
    quarter: int | None = Field(None, ge=1, le=4, description="The quarter, in a year collected quarterly.")
    month: int | None = Field(None, ge=1, le=12, description="The month (1 is April), in a year collected monthly.")
    directorate: str = Field("", max_length=200)
    pledge: str = Field("", max_length=200)
    status: str = Field("", description="Keep rows whose quarterly or forecast status is this.", max_length=20)
    variation: str = Field(
        "",
        description="concern or improvement: keep rows whose latest SPC point is special cause of that kind.",
        max_length=20,
    )


class GroupedQuery(QuarterReportQuery):
    group_by: str = Field(
        "",
        description=" or ".join(GROUPINGS) + "; by default as the pages group: by perspective where the year's "
        "scorecard places measures in perspectives, otherwise by directorate.",
        max_length=20,
    )


class DashboardQuery(GroupedQuery):
    portfolio: str = Field("", description="A Cabinet portfolio to mark.", max_length=200)


@router.get("/reports/improvement", response={200: ReportOut, **READ_REFUSALS}, tags=["reports"])
def improvement_report(request, query: Query[QuarterReportQuery]):
    """The quarterly improvement report's rows, as its table."""
    form = report_form(request, ImprovementForm, query)
    sight = permissions.working_sight(request.user)
    return shapes.report_shape(
        build_improvement_report(form.cleaned_data["period"], only=form.row_filter(), sight=sight)
    )


@router.get("/reports/dashboard", response={200: ReportOut, **READ_REFUSALS}, tags=["reports"])
def dashboard(request, query: Query[DashboardQuery]):
    """The scorecard dashboard's rows, grouped as asked, then its summary of measures by status."""
    form = report_form(request, DashboardForm, query)
    data = form.cleaned_data
    report = build_dashboard(
        data["period"],
        group_by=data["group_by"],
        portfolio=data["portfolio"],
        only=form.row_filter(),
        sight=permissions.working_sight(request.user),
    )
    return shapes.report_shape(report)


@router.get("/reports/spc", response={200: ReportOut, **READ_REFUSALS}, tags=["reports"])
def spc_summary(request, query: Query[GroupedQuery]):
    """Every measure with an SPC chart: its quarterly status, variation and assurance, grouped as asked."""
    form = report_form(request, GroupedForm, query)
    data, sight = form.cleaned_data, permissions.working_sight(request.user)
    report = build_spc_summary(data["period"], group_by=data["group_by"], only=form.row_filter(), sight=sight)
    return shapes.report_shape(report)


class YearReportQuery(Schema):
    year: str = YEAR


@router.get("/reports/annual", response={200: ReportOut, **READ_REFUSALS}, tags=["reports"])
def annual_results(request, query: Query[YearReportQuery]):
    """The annual performance results: the summary tables, then every action and measure."""
    year = held_year(query.year)
    year_end = Period.objects.select_related("year").year_ends().filter(year=year).first()
    if year_end is None or not readable(request, year_end):
        raise NotFound(f"The results of {year.label} are not published yet.")
    return shapes.report_shape(build_annual_results(year, sight=permissions.working_sight(request.user)))


@router.get("/reports/profile/{measure_id}", response={200: ReportOut, **READ_REFUSALS}, tags=["reports"])
def measure_profile(request, measure_id: Id):
    """A measure's profile: every quarter held, its statuses, commentary and target amendments, then its SPC
    chart's points (value, mean, process limits, target, point type and rule), where it is charted."""
    found = Measure.objects.prefetch_related("aliases").select_related("owner").filter(pk=measure_id).first()
    if found is None:
        raise NotFound(f"No measure has the id {measure_id}.")
    return shapes.report_shape(build_measure_profile(found, sight=permissions.working_sight(request.user)))


# -- shared by the reads and the writes ----------------------------------------------------------------


def held_year(text: str) -> FinancialYear:
    """The year asked for, as council.selectors finds it; its message names the year field."""
    try:
        return selectors.held_year(text)
    except PeriodError as error:
        raise Invalid([{"field": "year", "message": str(error)}]) from None


def public_year(request, text: str) -> FinancialYear:
    """The year asked for, if its scorecard and targets are public yet or the caller works on returns."""
    year = held_year(text)
    if not permissions.may_see_unpublished(request.user) and not year_is_public(year):
        raise NotFound(f"{year.label} has no published quarter yet: its scorecard and targets are not public.")
    return year


def readable(request, period: Period) -> bool:
    return period.is_published or permissions.may_see_unpublished(request.user)


def readable_period(request, period_id: int) -> Period:
    period = Period.objects.select_related("year").filter(pk=period_id).first()
    if period is None:
        raise NotFound(f"No quarter has the id {period_id}.")
    if not readable(request, period):
        raise NotFound(f"{period.label} is not published yet.")
    return period


def report_form(request, form_class, query: Schema):
    form = form_class(query.dict())
    if not form.is_valid():
        raise Invalid.of(form)
    if not readable(request, form.cleaned_data["period"]):
        raise NotFound(f"{form.cleaned_data['period'].label} is not published yet.")
    return form
