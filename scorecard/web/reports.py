"""Report pages and their downloads: parse the filters, build the report, lay it out."""

import logging
from dataclasses import asdict, replace

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode

from scorecard.accounts import permissions
from scorecard.council.models import Period
from scorecard.council.selectors import held_period, latest_period_seen_by
from scorecard.measures.models import Measure
from scorecard.performance import periods
from scorecard.performance.periods import PeriodError
from scorecard.publications.models import Report
from scorecard.publications.selectors import is_stored, latest_version
from scorecard.reports.cabinet import Narrative
from scorecard.reports.common import EVERY_ROW
from scorecard.reports.dashboard import default_grouping
from scorecard.reports.forms import CabinetForm, DashboardForm, GroupedForm, ImprovementForm, NarrativeForm, YearForm
from scorecard.reports.outputs import (
    Output,
    annual_output,
    cabinet_output,
    dashboard_output,
    improvement_output,
    profile_output,
    spc_summary_output,
)
from scorecard.reports.render.accessible import NotAccessible
from scorecard.reports.render.documents import DOWNLOADS
from scorecard.reports.render.documents import render as render_document
from scorecard.reports.render.worker import TooSlow, within
from scorecard.web import throttle
from scorecard.web.context import visitor
from scorecard.web.publications import frozen_report

logger = logging.getLogger(__name__)


def improvement_report(request):
    form = filters(request, ImprovementForm)
    if not form.is_valid():
        return invalid(request, form)
    if not visible(request, form.cleaned_data["period"]):
        return not_published(request, form.cleaned_data["period"])
    if kept := kept_report(request, Report.IMPROVEMENT, form, form.row_filter() == EVERY_ROW):
        return kept
    output = improvement_output(form.cleaned_data["period"], only=form.row_filter(), sight=sight_of(request))
    return respond(request, output, form)


def dashboard(request):
    form = filters(request, DashboardForm, group_by=default_grouping)
    if not form.is_valid():
        return invalid(request, form)
    if not visible(request, form.cleaned_data["period"]):
        return not_published(request, form.cleaned_data["period"])
    data = form.cleaned_data
    unfiltered = data["group_by"] == default_grouping(data["period"]) and not data["portfolio"]
    if kept := kept_report(request, Report.DASHBOARD, form, unfiltered and form.row_filter() == EVERY_ROW):
        return kept
    output = dashboard_output(
        data["period"],
        group_by=data["group_by"],
        portfolio=data["portfolio"],
        only=form.row_filter(),
        sight=sight_of(request),
    )
    return respond(request, output, form)


def spc_summary(request):
    """Every measure's SPC icons for the quarter: public where the quarter is published, like the dashboard."""
    form = filters(request, GroupedForm, group_by=default_grouping)
    if not form.is_valid():
        return invalid(request, form)
    period = form.cleaned_data["period"]
    if not visible(request, period):
        return not_published(request, period)
    only, group_by = form.row_filter(), form.cleaned_data["group_by"]
    return respond(request, spc_summary_output(period, group_by=group_by, only=only, sight=sight_of(request)), form)


def annual_results(request):
    form = filters(request, YearForm, year_end=True)
    if not form.is_valid():
        return invalid(request, form)
    year_end = Period.objects.year_ends().select_related("year").get(year=form.cleaned_data["year"])
    if not visible(request, year_end):
        return not_published(request, year_end)
    if kept := kept_report(request, Report.ANNUAL, form, True, period=year_end):
        return kept
    return respond(request, annual_output(form.cleaned_data["year"], sight=sight_of(request)), form)


def measure_profile(request, pk: int):
    measure = get_object_or_404(Measure.objects.prefetch_related("aliases").select_related("owner"), pk=pk)
    output = profile_output(measure, sight=sight_of(request))
    if permissions.sets_targets(request.user) and not request.GET.get("format"):  # the page only, not a download
        output = replace(output, extra={**output.extra, "targets_url": reverse("web:measure_targets", args=[pk])})
    changes_spc = permissions.may_annotate(request.user, measure)  # the link to the chart's settings and notes
    return respond(request, replace(output, extra={**output.extra, "changes_spc": changes_spc}), None)


def kept_report(request, report: str, form, unfiltered: bool, *, period: Period | None = None):
    """A published quarter's report, or a download of it, as it was published (its latest version's files), for
    readers and the public (permissions decides) asking for it as published: with no filter of their own. The
    filters are still offered: a narrower view is built from the published figures."""
    period = period or form.cleaned_data["period"]
    if not unfiltered or not period.is_published or not permissions.reads_published_versions(request.user):
        return None
    version = latest_version(report, period)
    if version is None or not all(is_stored(file) for file in version.files.all()):
        return None  # published before versions were kept, or its files are lost: built from what is published
    return frozen_report(request, version, request.GET.get("format", ""), form)


def sight_of(request):
    """Whose working values the visitor may see (permissions decides): published values for the rest."""
    return permissions.working_sight(request.user)


def filters(request, form_class, *, year_end: bool = False, **defaults):
    """The form bound to the query, with what the link leaves out filled in: the latest quarter or month this
    visitor may see (of the year given; the latest year end for a year's report) and each other filter's default
    (a value, or a function of the period shown)."""
    chosen = {key: value for key, value in request.GET.items() if key != "format" and value != ""}
    number = number_chosen(chosen)
    if "year" not in chosen or not number:
        year = start_year(chosen.get("year"))
        period = latest_period_seen_by(request.user, number=number, year=year, year_end=year_end)
        if period is None and year is None:  # no such period yet (no year end, say): the latest year's
            period = latest_period_seen_by(request.user)
        if period is not None:
            chosen = {"year": period.year.label, period.number_name: period.number, **chosen}
        elif "year" in chosen and not number:
            chosen.update(first_number(year))  # nothing to see that year: the page says why
    period = chosen_period(chosen)
    worked_out = {key: value(period) if callable(value) else value for key, value in defaults.items()}
    return form_class({**worked_out, **chosen})


def number_chosen(chosen: dict) -> dict:
    """The period a link numbers, {"quarter": 2} or {"month": 5}; empty if it numbers none properly."""
    return {name: int(chosen[name]) for name in ("quarter", "month") if chosen.get(name, "").isdigit()}


def first_number(start_year: int | None) -> dict:
    """The number of a year's first period, {"quarter": 1} or {"month": 1}, to say why it shows nothing."""
    first = Period.objects.filter(year__start_year=start_year).order_by("quarter", "month").first()
    return {first.number_name: first.number} if first else {"quarter": 1}


def chosen_period(chosen: dict) -> Period | None:
    """The quarter or month the filters name, if they name one held; a default may depend on it (the form
    checks it)."""
    written = period_written(chosen)
    try:
        return held_period(written) if written else None
    except PeriodError:
        return None


def period_written(chosen: dict) -> str | None:
    """The period the filters name, as councils write it ("2017/18 Q2", "2017/18 M5"); None if they name none."""
    if "year" not in chosen:
        return None
    if "month" in chosen:
        return f"{chosen['year']} M{chosen['month']}"
    return f"{chosen['year']} Q{chosen['quarter']}" if "quarter" in chosen else None


def start_year(text: str | None) -> int | None:
    """The year a link names, if it names one properly; the form explains a badly written one."""
    try:
        return periods.FinancialYear.parse(text).start_year if text else None
    except PeriodError:
        return None


def visible(request, period: Period) -> bool:
    """Readers and the public see published quarters only (permissions decides who else may look)."""
    return period.is_published or permissions.may_see_unpublished(request.user)


def not_published(request, period: Period):
    return render(request, "reports/not_published.html", {"period": period}, status=404)


def invalid(request, form):
    """A filter that cannot be answered; or, where nothing is held yet that this visitor may see, what to do."""
    if latest_period_seen_by(request.user) is None:
        return nothing_yet(request)
    return render(request, "reports/invalid.html", {"form": form}, status=400)


def nothing_yet(request):
    """An empty council opens on what to set up (for the team), or on a plain "nothing published yet"."""
    return render(request, "reports/nothing_yet.html", visitor(request.user))


def respond(request, output: Output, form):
    format = request.GET.get("format", "")
    if format:
        return download(request, output, format)
    context = {"report": output.report, "content": output.content, "form": form, "downloads": DOWNLOADS}
    context["printing"] = False  # icons draw the page's one copy of each (reports/spc_icons.py), as a PDF cannot
    return render(request, "reports/page.html", {**context, "query": page_query(request), **output.extra})


def page_query(request) -> str:
    """The filters the page was asked for, without the download."""
    return urlencode([(key, value) for key, value in request.GET.items() if key != "format"])


LAID_OUT = ("pdf", "docx")  # formats laid out page by page: counted per client, and given a time limit


def download(request, output: Output, format: str) -> HttpResponse:
    if format not in dict(DOWNLOADS):
        return HttpResponse(f'"{format}" is not a download: use pdf, docx, xlsx or csv', status=400)
    if format not in LAID_OUT:
        return attachment(render_document(output, format))
    if not throttle.document_allowed(request):
        return document_refused(request, 429, "You have downloaded a lot of documents in the last minute")
    try:
        document = within(settings.SCORECARD_DOCUMENT_SECONDS, lambda: render_document(output, format))
    except TooSlow:
        return document_refused(request, 503, "The document took too long to prepare")
    except NotAccessible as refusal:
        return not_accessible(request, refusal)
    return attachment(document)


def document_refused(request, status: int, reason: str) -> HttpResponse:
    context = {"reason": reason, "status": status, "seconds": settings.SCORECARD_DOCUMENT_SECONDS}
    response = render(request, "reports/document_refused.html", context, status=status)
    response["Retry-After"] = str(throttle.WINDOW)
    return response


def not_accessible(request, refusal: NotAccessible) -> HttpResponse:
    """A PDF is never made that claims to be accessible and is not: the reader is sent to the page or to Word,
    and the problems are logged for the team to fix."""
    logger.error("%s: %s", request.path, refusal)
    context = {"problems": refusal.problems, "query": page_query(request)}
    return render(request, "reports/not_accessible.html", context, status=500)


def attachment(document) -> HttpResponse:
    response = HttpResponse(document.content, content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response


def cabinet_paper(request):
    """GET drafts the paper's words from the data; POST downloads the paper with the words as edited."""
    form = filters(request, CabinetForm)
    if not form.is_valid():
        return invalid(request, form)
    if not visible(request, form.cleaned_data["period"]):
        return not_published(request, form.cleaned_data["period"])
    period, portfolio = form.cleaned_data["period"], form.cleaned_data["portfolio"]
    if request.method != "POST":
        drafted = cabinet_output(period, portfolio=portfolio, sight=sight_of(request)).report.narrative
        return render(request, "reports/cabinet.html", {"form": form, "words": NarrativeForm(initial=asdict(drafted))})
    words = NarrativeForm(request.POST)
    if not words.is_valid():
        return render(request, "reports/cabinet.html", {"form": form, "words": words}, status=400)
    output = cabinet_output(
        period, portfolio=portfolio, narrative=Narrative(**words.cleaned_data), sight=sight_of(request)
    )
    return download(request, output, request.POST.get("format", "docx"))
