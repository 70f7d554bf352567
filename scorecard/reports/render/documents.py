"""A report as a download in any format: the one place the web and the command line both call."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.text import slugify

from scorecard.performance.status import Status
from scorecard.reports.render.delimited import csv_text
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
DOWNLOADS = [("pdf", "PDF"), ("docx", "Word"), ("xlsx", "Excel"), ("csv", "CSV")]


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
    context = {"report": report, "content": content, "print_css": print_css(), "statuses": list(Status)}
    return render_to_string("reports/print.html", {**context, **(extra or {})})


def pdf_bytes(html: str) -> bytes:
    from weasyprint import HTML  # imported when first needed: it is slow to load

    return HTML(string=html).write_pdf()


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
    return csv_text(output.report.tables()[0]).encode("utf-8-sig")


LAYOUTS = {"html": as_html, "pdf": as_pdf, "docx": as_docx, "xlsx": as_xlsx, "csv": as_csv}
