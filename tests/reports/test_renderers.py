"""Excel, CSV and Word renderers, each read back: they lay out the builder's table and compute nothing."""

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl import load_workbook
from PIL import Image

from scorecard.performance.status import Status
from scorecard.reports.common import Cell, Masthead, Table, figure_cell, status_cell, text
from scorecard.reports.figures import figure
from scorecard.reports.render.delimited import csv_text
from scorecard.reports.render.spreadsheet import xlsx_bytes
from scorecard.reports.render.word import docx_bytes

MASTHEAD = Masthead(
    title="Improvement Report – Council Scorecard",
    subtitle="Quarter 1 2018/19",
    organisation="Derby City Council",
    team="Performance and Intelligence team",
    data_source="Derby Performance Management Framework",
    fetched_at=datetime(2018, 8, 24, 10, 12, 2, tzinfo=UTC),  # 11:12:02 in London
)
COLUMNS = ["Measure", "Quarterly target status", "Quarterly actual", "Year-end target", "Context"]
COMMENTARY = "Starts fell over the summer as two providers left the framework; " * 3


def improvement_table(*, context: str = COMMENTARY) -> Table:
    return Table(
        "Improvement Report – Council Scorecard",
        COLUMNS,
        [
            [
                text("PM01 Apprenticeship starts"),
                status_cell(Status.AMBER),
                figure_cell(figure(Decimal("93.50"), "percent", 1)),
                figure_cell(figure(Decimal("76604"), "count", 0)),
                text(context),
            ],
            [
                text("=SUM(A1)"),
                status_cell(Status.BLUE),
                figure_cell(figure(Decimal("12.345"), "rate_per_10000", 2, note="Provisional")),
                figure_cell(figure(None, "count", 0, words="Not yet known")),
                text("+44 1332 293111"),
            ],
        ],
    )


# -- Excel -----------------------------------------------------------------------------------------


def workbook_of(*tables: Table):
    return load_workbook(io.BytesIO(xlsx_bytes(list(tables), masthead=MASTHEAD)))


def test_each_table_has_its_own_sheet_with_a_title_excel_accepts():
    tables = [
        Table("Performance results 2018/19", COLUMNS, []),
        Table("Improvement Report – Council Scorecard, Quarter 1", COLUMNS, []),
        Table("Improvement Report – Council Scorecard, Quarter 2", COLUMNS, []),
        Table("[Key]: what? *", COLUMNS, []),
    ]
    assert workbook_of(*tables).sheetnames == [
        "Performance results 2018-19",
        "Improvement Report – Council Sc",
        "Improvement Report – Counci (2)",
        "-Key-- what- -",
    ]


def test_masthead_heads_the_sheet():
    sheet = workbook_of(improvement_table()).active
    assert sheet["A1"].value == "Improvement Report – Council Scorecard · Quarter 1 2018/19"
    assert sheet["A2"].value == (
        "Data Source: Derby Performance Management Framework · Derby City Council"
        " · Performance and Intelligence team · Time Fetched: Friday 24 August 2018 11:12:02"
    )


def test_header_row_stays_in_view_and_filters_the_table():
    sheet = workbook_of(improvement_table()).active
    assert [cell.value for cell in sheet[3]] == COLUMNS
    assert all(cell.font.bold for cell in sheet[3])
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == "A3:E5"


def test_figures_are_numbers_shown_with_their_decimals_and_unit():
    sheet = workbook_of(improvement_table()).active
    assert sheet["C4"].value == 93.5
    assert sheet["C4"].data_type == "n"
    assert sheet["C4"].number_format == '#,##0.0"%";-#,##0.0"%"'
    assert sheet["D4"].value == 76604
    assert sheet["D4"].number_format == "#,##0;-#,##0"


def test_a_figures_note_stays_with_its_number():
    sheet = workbook_of(improvement_table()).active
    assert sheet["C5"].value == 12.345
    assert sheet["C5"].number_format == '#,##0.00" per 10,000 (Provisional)";-#,##0.00" per 10,000 (Provisional)"'


def test_words_recorded_instead_of_a_figure_are_text():
    sheet = workbook_of(improvement_table()).active
    assert sheet["D5"].value == "Not yet known"


def test_status_cells_are_filled_and_worded():
    sheet = workbook_of(improvement_table()).active
    amber, blue = sheet["B4"], sheet["B5"]
    assert amber.value == "Amber"
    assert amber.fill.fgColor.rgb == "FFFFDD00"
    assert amber.font.color.rgb == "FF0B0C0C"
    assert blue.value == "Blue"
    assert blue.fill.fgColor.rgb == "FF1D70B8"
    assert blue.font.color.rgb == "FFFFFFFF"


def test_formula_looking_text_is_never_a_formula_in_excel():
    sheet = workbook_of(improvement_table()).active
    assert sheet["A5"].value == "=SUM(A1)"
    assert sheet["A5"].data_type == "s" and sheet["A5"].quotePrefix
    assert sheet["E5"].value == "+44 1332 293111" and sheet["E5"].quotePrefix


def test_bulleted_commentary_is_text_in_excel_without_a_visible_apostrophe():
    sheet = workbook_of(improvement_table(context="- Recruited two officers\n- Trained them")).active
    assert sheet["E4"].value == "- Recruited two officers\n- Trained them"
    assert sheet["E4"].data_type == "s" and sheet["E4"].quotePrefix
    assert not sheet["B4"].quotePrefix  # only text that looks like a formula is marked


def test_long_commentary_wraps_in_a_column_of_sensible_width():
    sheet = workbook_of(improvement_table()).active
    assert sheet["E4"].alignment.wrap_text
    assert sheet.column_dimensions["E"].width <= 62
    assert sheet.column_dimensions["A"].width >= len("PM01 Apprenticeship starts")


def test_control_characters_in_commentary_do_not_break_the_workbook():
    sheet = workbook_of(improvement_table(context="Pasted from Word\x0b with a tab\x07")).active
    assert sheet["E4"].value == "Pasted from Word with a tab"


# -- CSV -------------------------------------------------------------------------------------------


def test_csv_has_the_header_then_figures_as_recorded_and_statuses_as_words():
    rows = list(csv.reader(io.StringIO(csv_text(improvement_table(context="Starts fell")))))
    assert rows == [
        COLUMNS,
        ["PM01 Apprenticeship starts", "Amber", "93.5", "76604", "Starts fell"],
        ["'=SUM(A1)", "Blue", "12.345", "Not yet known", "'+44 1332 293111"],
    ]


def test_csv_neutralises_every_formula_looking_start():
    table = Table(
        "Checks",
        ["-Heading"],
        [[text("=1+1")], [text("+1+1")], [text("-1-1")], [text("@SUM(A1)")], [text("- bullet")], [text("a=b")]],
    )
    rows = list(csv.reader(io.StringIO(csv_text(table))))
    assert rows == [["'-Heading"], ["'=1+1"], ["'+1+1"], ["'-1-1"], ["'@SUM(A1)"], ["'- bullet"], ["a=b"]]


def test_csv_leaves_a_number_written_as_text_a_number():
    table = Table("Checks", ["Change"], [[text("-0.2")], [text("+1.5")], [text("-.5")], [text("-12")]])
    rows = list(csv.reader(io.StringIO(csv_text(table))))
    assert rows == [["Change"], ["-0.2"], ["+1.5"], ["-.5"], ["-12"]]


def test_csv_writes_a_negative_figure_as_a_number():
    table = Table("Change", ["Change"], [[figure_cell(figure(Decimal("-2.50"), "percent", 1))]])
    assert list(csv.reader(io.StringIO(csv_text(table)))) == [["Change"], ["-2.5"]]


# -- Word ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    png: bytes


def tiny_png() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (40, 20), "#1d70b8").save(output, format="PNG")
    return output.getvalue()


TREND = Chart("PM01 trend", "Apprenticeship starts rose from 70,000 in 2016/17 to 76,604 in 2018/19.", tiny_png())


def document_of(*tables: Table, charts=(), sections=()):
    rendered = docx_bytes(list(tables), masthead=MASTHEAD, charts=charts, sections=sections)
    return Document(io.BytesIO(rendered))


def test_word_document_is_a4_landscape():
    section = document_of(improvement_table()).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)


def test_word_document_opens_with_the_title_then_the_narrative():
    sections = [("Summary", "Performance held up.\n\nTwo measures slipped."), ("Recommendations", "Note the report.")]
    paragraphs = [p.text for p in document_of(improvement_table(), sections=sections).paragraphs]
    assert paragraphs[:7] == [
        "Improvement Report – Council Scorecard",
        "Quarter 1 2018/19",
        "Summary",
        "Performance held up.",
        "Two measures slipped.",
        "Recommendations",
        "Note the report.",
    ]


def test_word_tables_repeat_their_header_row_and_keep_rows_whole():
    table = document_of(improvement_table()).tables[0]
    header, *rows = table.rows
    assert [cell.text for cell in header.cells] == COLUMNS
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows)


def test_word_status_cells_are_shaded_and_worded():
    amber = document_of(improvement_table()).tables[0].cell(1, 1)
    assert amber.text == "Amber"
    assert amber._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "FFDD00"
    assert str(amber.paragraphs[0].runs[0].font.color.rgb) == "0B0C0C"


def test_word_figures_read_as_the_report_prints_them():
    row = document_of(improvement_table()).tables[0].rows[2]
    assert [cell.text for cell in row.cells][1:4] == ["Blue", "12.35 per 10,000 (Provisional)", "Not yet known"]


def test_word_footer_names_the_source_and_numbers_the_pages():
    footer = document_of(improvement_table()).sections[0].footer
    words = footer.paragraphs[0].text
    assert words.startswith("Data Source: Derby Performance Management Framework · Derby City Council · Page ")
    assert words.endswith(" · Time Fetched: Friday 24 August 2018 11:12:02 · Performance and Intelligence team")
    fields = [element.text.strip() for element in footer._element.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]


def test_word_charts_carry_their_text_alternative_and_caption():
    document = document_of(improvement_table(), charts=[TREND])
    (picture,) = document.inline_shapes
    assert picture._inline.docPr.get("descr") == TREND.description
    assert "PM01 trend" in [p.text for p in document.paragraphs if p.style.name == "Caption"]


def test_word_document_without_tables_still_has_its_masthead():
    document = document_of()
    assert document.paragraphs[0].text == "Improvement Report – Council Scorecard"
    assert document.tables == []


def test_excel_workbook_without_tables_still_has_its_masthead():
    sheet = workbook_of().active
    assert sheet["A1"].value.startswith("Improvement Report")


def test_cells_short_of_the_header_leave_the_rest_of_the_row_blank():
    table = Table("Short", ["Measure", "Status"], [[Cell("PM01")]])
    assert workbook_of(table).active["B4"].value is None
    assert document_of(table).tables[0].cell(1, 1).text == ""
