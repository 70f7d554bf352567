"""A report as a download in any format: the one place the web and the command line both call."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.text import slugify

from scorecard.performance.status import Status
from scorecard.reports.common import Table, masthead
from scorecard.reports.render.delimited import csv_text
from scorecard.reports.render.pdf import pdf_bytes
from scorecard.reports.render.spreadsheet import xlsx_bytes
from scorecard.reports.render.word import docx_bytes

PRINT_CSS = Path(__file__).with_name("print.css")
FORMATS = {
    "html": ("text/html; charset=utf-8", "html"),
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}
# The web page is the report (GOV.UK: HTML first); the PDF, tagged for screen readers, is an alternative to it.
DOWNLOADS = [("pdf", "PDF (accessible alternative)"), ("docx", "Word"), ("xlsx", "Excel"), ("csv", "CSV")]
TABLE_FORMATS = ("csv", "xlsx")  # a page's table downloads as these


@dataclass(frozen=True)
class Document:
    content: bytes
    content_type: str
    filename: str


@cache
def print_css() -> str:
    return PRINT_CSS.read_text(encoding="utf-8")


def printable_html(report, content: str, extra: dict | None = None) -> str:
    """The report as one self-contained HTML document: the PDF's source, and the command line's HTML."""
    context = {
        "report": report,
        "content": content,
        "print_css": print_css(),
        "statuses": list(Status),
        "site_url": settings.SITE_URL,
        "printing": True,  # icons drawn in full: a PDF cannot draw the page's shared copy of one
    }
    return render_to_string("reports/print.html", {**context, **(extra or {})})


def render(output, format: str) -> Document:
    """The report in the format asked for, laid out as its Output says."""
    if format not in FORMATS:
        raise ValueError(f'"{format}" is not a format: use {", ".join(FORMATS)}')
    content_type, extension = FORMATS[format]
    masthead = output.report.masthead
    name = f"{slugify(masthead.title)}-{slugify(masthead.subtitle)}.{extension}"
    return Document(LAYOUTS[format](output), content_type, name)


def as_html(output) -> bytes:
    return printable_html(output.report, output.content, output.extra).encode()


def as_pdf(output) -> bytes:
    return pdf_bytes(printable_html(output.report, output.content, output.extra))


def as_docx(output) -> bytes:
    report = output.report
    return docx_bytes(report.tables(), masthead=report.masthead, charts=output.charts, sections=output.sections)


def as_xlsx(output) -> bytes:
    return xlsx_bytes(output.report.tables(), masthead=output.report.masthead)


def as_csv(output) -> bytes:
    return csv_bytes(output.report.tables()[0])


def csv_bytes(table) -> bytes:
    """UTF-8 with the mark Excel looks for, so "£" and "→" open cleanly in a spreadsheet."""
    return csv_text(table).encode("utf-8-sig")


LAYOUTS = {"html": as_html, "pdf": as_pdf, "docx": as_docx, "xlsx": as_xlsx, "csv": as_csv}


def table_document(table: Table, format: str, *, subtitle: str = "") -> Document:
    """One of a page's tables as CSV or Excel, laid out as the reports' tables are."""
    if format not in TABLE_FORMATS:
        raise ValueError(f'"{format}" is not a table format: use {" or ".join(TABLE_FORMATS)}')
    content_type, extension = FORMATS[format]
    content = csv_bytes(table) if format == "csv" else xlsx_bytes([table], masthead=masthead(table.title, subtitle))
    return Document(content, content_type, f"{slugify(f'{table.title} {subtitle}')}.{extension}")
