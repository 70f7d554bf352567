"""Every report's PDF is tagged PDF/UA and every Word document is structured: each read back, as a reader's
software would read it, from the Derby demo's real reports."""

from collections.abc import Iterator
from io import BytesIO
from itertools import pairwise

import pikepdf
import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn
from pdfua import validate

from scorecard.council.models import FinancialYear, Period
from scorecard.measures.models import Measure
from scorecard.performance.spc_words import ASSURANCE_WORDS, VARIATION_WORDS
from scorecard.reports.outputs import (
    annual_output,
    cabinet_output,
    dashboard_output,
    improvement_output,
    profile_output,
)
from scorecard.reports.render.documents import render

REPORTS = ["dashboard", "improvement", "annual", "profile", "cabinet"]
# pdfua 0.1.3 cannot run its empty-heading rule under pikepdf 10 (it asks an Array for an attribute, which raises
# ValueError rather than AttributeError); the_pdf_has_no_empty_heading checks the same here.
PDFUA_CANNOT_RUN = {"UA-14-001"}
# The SPC icons beside the traffic lights are figures too, each named by its words (variation or assurance).
SPC_ICON_WORDS = {*VARIATION_WORDS.values(), *ASSURANCE_WORDS.values()}


def output_of(report: str):
    quarter = Period.objects.select_related("year").get(year__start_year=2017, quarter=2)
    if report == "dashboard":
        return dashboard_output(quarter)
    if report == "improvement":
        return improvement_output(quarter)
    if report == "annual":
        return annual_output(FinancialYear.objects.get(start_year=2016))
    if report == "profile":
        return profile_output(Measure.objects.get(code="CM PM15"))
    return cabinet_output(quarter)


# -- PDF -------------------------------------------------------------------------------------------


def structure(node) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under node, in reading order."""
    if isinstance(node, pikepdf.Array):
        for kid in node:
            yield from structure(kid)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        yield node
        if "/K" in node:
            yield from structure(node.K)


def elements(pdf: pikepdf.Pdf, kind: str) -> list[pikepdf.Dictionary]:
    return [element for element in structure(pdf.Root.StructTreeRoot.K) if element.get("/S") == kind]


def marks_content(element: pikepdf.Dictionary) -> bool:
    kids = element.get("/K")
    if kids is None:
        return False
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    return any(isinstance(kid, int) or (isinstance(kid, pikepdf.Dictionary) and marks_content(kid)) for kid in kids)


@pytest.mark.parametrize("report", REPORTS)
def test_the_pdf_is_tagged_with_its_title_language_alt_text_and_table_headers(demo, report, tmp_path):
    output = output_of(report)
    content = render(output, "pdf").content
    pdf = pikepdf.open(BytesIO(content))
    root = pdf.Root
    assert "/StructTreeRoot" in root
    assert root.MarkInfo.Marked is True
    assert str(root.Lang) == "en-GB"
    assert root.ViewerPreferences.DisplayDocTitle is True
    title = output.report.masthead.document_title
    assert str(pdf.docinfo.Title) == title
    with pdf.open_metadata() as metadata:
        assert metadata["dc:title"] == title
        assert metadata["pdfuaid:part"] == "1"  # the claim, which the checks before it make true

    alternatives = [str(figure.Alt) for figure in elements(pdf, "/Figure")]
    charts = [alternative for alternative in alternatives if alternative not in SPC_ICON_WORDS]
    assert charts == [f"{chart.title}. {chart.description}" for chart in output.charts]

    tables = elements(pdf, "/Table")
    assert tables
    for table in tables:
        headers = [element for element in structure(table.K) if element.S == "/TH"]
        assert headers, "a table with no header cells"
        for header in headers:  # a column's header in the table's head, a row's in its body
            assert header.A.Scope == ("/Column" if header.P.P.S == "/THead" else "/Row")

    headings = [element for kind in ("/H1", "/H2", "/H3") for element in elements(pdf, kind)]
    assert headings and all(marks_content(heading) for heading in headings)

    path = tmp_path / f"{report}.pdf"
    path.write_bytes(content)
    checked = validate(str(path))
    assert [f"{finding.rule_id}: {finding.message}" for finding in checked.findings] == []
    assert {outcome.rule_id for outcome in checked.outcomes if outcome.skipped_reason} <= PDFUA_CANNOT_RUN


def test_each_measure_and_each_summary_line_heads_its_row_in_the_dashboard_pdf(demo):
    output = output_of("dashboard")
    pdf = pikepdf.open(BytesIO(render(output, "pdf").content))
    rows = [header for header in elements(pdf, "/TH") if header.A.Scope == "/Row"]
    report = output.report
    assert len(rows) == sum(len(group.rows) for group in report.groups) + len(report.summary.lines)


# -- Word ------------------------------------------------------------------------------------------


def heading_levels(document) -> list[int]:
    return [
        int(paragraph.style.name.removeprefix("Heading "))
        for paragraph in document.paragraphs
        if paragraph.style.name.startswith("Heading ")
    ]


@pytest.mark.parametrize("report", REPORTS)
def test_the_word_document_has_headings_header_rows_alt_text_title_and_language(demo, report):
    output = output_of(report)
    document = WordDocument(BytesIO(render(output, "docx").content))

    levels = heading_levels(document)
    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in pairwise(levels))

    assert document.tables
    for table in document.tables:
        header_row = table.rows[0]._tr
        assert header_row.trPr.find(qn("w:tblHeader")) is not None  # marked as the header, repeated on each page
        assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])

    pictures = [shape._inline.docPr for shape in document.inline_shapes]
    assert len(pictures) == len(output.charts)
    assert all(picture.get("descr") and picture.get("title") for picture in pictures)

    assert document.core_properties.title == output.report.masthead.document_title
    assert document.core_properties.language == "en-GB"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "en-GB"
