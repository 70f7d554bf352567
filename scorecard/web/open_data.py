"""Open data: the published scorecard as CSV and JSON at stable public addresses."""

import csv
import io

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from scorecard.performance.periods import PeriodError, parse_period
from scorecard.reports.open_data import COLUMNS, OpenData, open_data, published_quarters
from scorecard.reports.render.delimited import not_a_formula
from scorecard.web import downloads, tables


@require_safe
def index(request):
    quarters = published_quarters()
    if downloads.asked(request):
        return downloads.respond(request, tables.published_quarters(quarters))
    return render(request, "open_data/index.html", {"quarters": quarters})


@require_safe
def everything(request, extension: str):
    return respond(open_data(published_quarters()), "scorecard-all-published", extension)


@require_safe
def one_quarter(request, slug: str, extension: str):
    try:
        wanted = parse_period(slug)
    except PeriodError:
        raise Http404("No such quarter or month") from None
    periods = [p for p in published_quarters() if p.as_period == wanted]
    if not periods:
        raise Http404(f"{wanted.label} is not published")
    return respond(open_data(periods), f"scorecard-{wanted.slug}", extension)


def respond(data: OpenData, name: str, extension: str) -> HttpResponse:
    if extension == "json":
        response = JsonResponse(as_json(data), json_dumps_params={"ensure_ascii": False, "indent": 1})
    else:
        response = HttpResponse(as_csv(data), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.{extension}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


def as_json(data: OpenData) -> dict:
    return {
        "publisher": data.publisher,
        "licence": data.licence,
        "licence_url": data.licence_url,
        "generated_at": data.generated_at.isoformat(),
        "quarters": data.quarters,
        "columns": COLUMNS,
        "rows": data.rows,
    }


def as_csv(data: OpenData) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in data.rows:
        writer.writerow({key: csv_value(value) for key, value in row.items()})
    return out.getvalue()


def csv_value(value):
    """Text neutralised, true and false as JSON writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return not_a_formula(value) if isinstance(value, str) else value
