"""Every table on a page downloads as CSV and Excel (?download=csv or xlsx), through the reports' renderers.

A view builds the table from the same rows its page shows, after the same permission checks, so a download
never holds more than the page.
"""

from django.http import HttpResponse

from scorecard.reports.common import Table
from scorecard.reports.render.documents import TABLE_FORMATS, table_document


def asked(request) -> bool:
    return "download" in request.GET


def respond(request, table: Table, subtitle: str = "", **others: Table) -> HttpResponse:
    """The page's table, or another of its tables named by ?table=NAME, in the format asked for."""
    format, name = request.GET.get("download", ""), request.GET.get("table", "")
    if format not in TABLE_FORMATS:
        return HttpResponse(f'"{format}" is not a download: use {" or ".join(TABLE_FORMATS)}', status=400)
    if name and name not in others:
        return HttpResponse(f'This page has no table called "{name}"', status=400)
    document = table_document(others.get(name, table), format, subtitle=subtitle)
    response = HttpResponse(document.content, content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response
