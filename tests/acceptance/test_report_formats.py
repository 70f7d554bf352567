"""Every format of a report carries its content: read back, not just written."""

from io import BytesIO

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from scorecard.council.models import FinancialYear, Period
from scorecard.measures.models import Measure
from scorecard.reports.outputs import annual_output, cabinet_output, improvement_output, profile_output
from scorecard.reports.render.documents import render


@pytest.fixture
def improvement(demo):
    period = Period.objects.select_related("year").get(year__start_year=2017, quarter=2)
    return improvement_output(period)


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(BytesIO(content)).pages)


def test_the_pdf_is_a4_landscape_with_every_measure_and_the_footer(improvement):
    content = render(improvement, "pdf").content
    reader = PdfReader(BytesIO(content))
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 595
    text = pdf_text(content)
    for row in improvement.report.rows:
        assert row.code in text
    assert f"Page 1 of {len(reader.pages)}" in text
    assert "Data Source: DORIS · Derby City Council" in text
    assert "Performance and Intelligence Team" in text


def test_the_pdf_carries_the_commentary(improvement):
    text = pdf_text(render(improvement, "pdf").content)
    (row,) = [row for row in improvement.report.rows if row.code == "L&C PM28"]
    assert " ".join(row.context.split()[:8]) in text


def test_the_word_document_has_every_measure_with_status_words(improvement):
    document = WordDocument(BytesIO(render(improvement, "docx").content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for row in improvement.report.rows:
        assert any(cell.startswith(row.code) for cell in cells)
    assert {"Amber", "Red", "Green", "Blue"} <= set(cells)


def test_the_spreadsheet_stores_figures_as_numbers_and_statuses_as_words(improvement):
    sheet = load_workbook(BytesIO(render(improvement, "xlsx").content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(row for row in rows if row and row[0] == "Directorate"))
    (health_checks,) = [row for row in rows[header + 1 :] if str(row[1]).startswith("L&C PM28")]
    columns = rows[header]
    assert health_checks[columns.index("Quarterly actual")] == 475
    assert health_checks[columns.index("Quarterly target status")] == "Amber"
    assert sheet.freeze_panes is not None


def test_the_csv_lists_every_measure(improvement):
    text = render(improvement, "csv").content.decode("utf-8-sig")
    for row in improvement.report.rows:
        assert row.code in text


def test_the_annual_results_pdf_holds_the_summary_and_its_chart_in_words(demo):
    output = annual_output(FinancialYear.objects.get(start_year=2016))
    text = pdf_text(render(output, "pdf").content)
    for figure in ("68%", "75%", "76%", "61%", "54%", "19%", "27%"):
        assert figure in text
    assert "Develop and implement multi-agency safeguarding arrangements" in text


def test_the_profile_word_document_embeds_its_chart_with_a_text_alternative(demo):
    output = profile_output(Measure.objects.get(code="CM PM15"))
    document = WordDocument(BytesIO(render(output, "docx").content))
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert descriptions == [chart.description for chart in output.charts]  # the trend, and any SPC chart
    assert "CM PM15" in descriptions[0]


def test_the_cabinet_paper_is_a_word_document_with_its_narrative_and_appendices(demo):
    period = Period.objects.select_related("year").get(year__start_year=2012, quarter=2)
    output = cabinet_output(period, portfolio="Housing and Advice")
    document = WordDocument(BytesIO(render(output, "docx").content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Recommendations" in text and "Traffic-light key" in text
    assert "performance within 5% of target / Some slippage" in text
    assert len(document.tables) == 2  # Appendix 1 the dashboard, Appendix 2 the improvement report


def test_word_tables_give_titles_more_room_than_statuses(demo):
    period = Period.objects.select_related("year").get(year__start_year=2012, quarter=2)
    document = WordDocument(BytesIO(render(cabinet_output(period), "docx").content))
    dashboard = document.tables[0]
    widths = {dashboard.rows[0].cells[i].text: dashboard.columns[i].width for i in range(len(dashboard.columns))}
    assert widths["Measure"] > 2 * widths["Current target status"]
