"""A report as a Word document: A4 landscape, the narrative, charts with their text alternatives, then the tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from io import BytesIO
from typing import Protocol

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shape import InlineShape
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph

from scorecard.reports.common import Cell, Masthead, Table

A4_LANDSCAPE = (Twips(16838), Twips(11906))  # 297 by 210 mm, as Word itself writes A4
MARGIN = Mm(15)
CAPTION_ROOM = Mm(20)  # keeps a chart and its caption on one page
TABLE_TEXT = Pt(9)
FOOTER_TEXT = Pt(8)
LANGUAGE = "en-GB"  # as the PDF's: spelling checked, and words read out, in British English
# Characters XML cannot hold; pasted commentary sometimes carries them.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class Chart(Protocol):
    title: str
    description: str  # the text alternative, read out in place of the picture
    png: bytes


def docx_bytes(
    tables: list[Table],
    *,
    masthead: Masthead,
    charts: Sequence[Chart] = (),
    sections: Sequence[tuple[str, str]] = (),
) -> bytes:
    document = Document()
    set_up_page(document.sections[0], masthead)
    describe_document(document, masthead)
    document.add_heading(printable(masthead.title), level=1)
    subtitle = " · ".join(words for words in (masthead.subtitle, masthead.published_label) if words)
    document.add_paragraph(printable(subtitle), style="Subtitle")
    for heading, words in sections:
        add_section(document, heading, words)
    for chart in charts:
        add_chart(document, chart)
    for table in tables:
        add_table(document, table)
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def printable(text: str) -> str:
    return NOT_IN_XML.sub("", text)


# -- the document ----------------------------------------------------------------------------------


def describe_document(document: WordDocument, masthead: Masthead) -> None:
    """The title a reader shows and a screen reader announces, and the language of every run (python-docx's
    template sets it, to en-US, in the default run properties)."""
    document.core_properties.title = printable(masthead.document_title)
    document.core_properties.language = LANGUAGE
    (language,) = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    language.set(qn("w:val"), LANGUAGE)


# -- the page --------------------------------------------------------------------------------------


def set_up_page(section: Section, masthead: Masthead) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = A4_LANDSCAPE
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
    add_footer(section.footer.paragraphs[0], masthead)


def add_footer(paragraph: Paragraph, masthead: Masthead) -> None:
    """002's footer: Data Source · organisation · Page N of M · Time Fetched · team."""
    add_small_run(paragraph, f"Data Source: {masthead.data_source} · {masthead.organisation} · Page ")
    add_field(paragraph, "PAGE")
    add_small_run(paragraph, " of ")
    add_field(paragraph, "NUMPAGES")
    add_small_run(paragraph, f" · Time Fetched: {masthead.fetched_label} · {masthead.team}")


def add_small_run(paragraph: Paragraph, text: str) -> None:
    paragraph.add_run(printable(text)).font.size = FOOTER_TEXT


def add_field(paragraph: Paragraph, instruction: str) -> None:
    """A field such as PAGE or NUMPAGES, which Word fills in as it lays out the pages; "1" until it does."""
    for part in (field_char("begin"), field_instruction(instruction), field_char("separate")):
        paragraph.add_run()._r.append(part)
    add_small_run(paragraph, "1")
    paragraph.add_run()._r.append(field_char("end"))


def field_char(kind: str):
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def field_instruction(instruction: str):
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = f" {instruction} "
    return element


# -- narrative and charts --------------------------------------------------------------------------


def add_section(document: WordDocument, heading: str, words: str) -> None:
    document.add_heading(printable(heading), level=2)
    for paragraph in re.split(r"\n\s*\n", words):
        if paragraph.strip():
            document.add_paragraph(printable(paragraph.strip()))


def add_chart(document: WordDocument, chart: Chart) -> None:
    picture = document.add_picture(BytesIO(chart.png))
    fit_to_page(picture, document.sections[-1])
    describe(picture, chart)
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    document.add_paragraph(printable(chart.title), style="Caption")


def fit_to_page(picture: InlineShape, section: Section) -> None:
    """Shrink, never stretch, so the chart and its caption fit within the margins."""
    width = section.page_width - section.left_margin - section.right_margin
    height = section.page_height - section.top_margin - section.bottom_margin - CAPTION_ROOM
    scale = min(width / picture.width, height / picture.height, 1)
    picture.width, picture.height = int(picture.width * scale), int(picture.height * scale)


def describe(picture: InlineShape, chart: Chart) -> None:
    """The picture's alt text (docPr descr), which screen readers read in place of the chart."""
    properties = picture._inline.docPr
    properties.set("descr", printable(chart.description))
    properties.set("title", printable(chart.title))


# -- tables ----------------------------------------------------------------------------------------


def add_table(document: WordDocument, table: Table) -> None:
    document.add_heading(printable(table.title), level=2)
    if not table.columns:
        return
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    name_table(grid._tbl, table.title)
    write_header(grid.rows[0], table.columns)
    for cells in table.rows:
        write_row(grid.add_row(), cells)
    share_the_width(grid, table, document.sections[-1])


def share_the_width(grid, table: Table, section: Section) -> None:
    """Wide columns for long words (titles, commentary), narrow ones for statuses and figures."""
    weights = [column_weight(table, index) for index in range(len(table.columns))]
    usable = section.page_width - section.left_margin - section.right_margin
    widths = [int(usable * weight / sum(weights)) for weight in weights]
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width  # the table grid, which LibreOffice reads
        for cell in column.cells:
            cell.width = width  # each cell's own width, which Word reads


def column_weight(table: Table, index: int) -> int:
    lengths = sorted(len(cells[index].text) for cells in table.rows if index < len(cells)) or [0]
    typical = lengths[len(lengths) * 3 // 4]  # most cells, not the one long outlier
    longest_heading_word = max((len(word) for word in table.columns[index].split()), default=4)
    return min(max(longest_heading_word + 2, typical, 12), 40)  # headings unbroken; commentary not all


def write_header(row: _Row, columns: list[str]) -> None:
    for target, column in zip(row.cells, columns, strict=True):
        run = target.paragraphs[0].add_run(printable(column))
        run.font.bold, run.font.size = True, TABLE_TEXT
    repeat_on_each_page(row)
    keep_row_together(row)


def write_row(row: _Row, cells: list[Cell]) -> None:
    for target, cell in zip(row.cells, cells, strict=False):
        write_cell(target, cell)
    keep_row_together(row)


def write_cell(target: _Cell, cell: Cell) -> None:
    paragraph = target.paragraphs[0]
    run = paragraph.add_run(printable(cell.text))
    run.font.size = TABLE_TEXT
    if cell.number is not None:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if cell.status is not None:
        shade(target, cell.status.style.fill)
        run.font.color.rgb = RGBColor.from_string(cell.status.style.text.lstrip("#").upper())


def name_table(tbl, title: str) -> None:
    """The table's title (w:tblCaption), which screen readers announce; it belongs after tblLook."""
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), printable(title))
    tbl.tblPr.append(caption)


def shade(target: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill.lstrip("#").upper())
    target._tc.get_or_add_tcPr().append(shading)


def repeat_on_each_page(row: _Row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def keep_row_together(row: _Row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
