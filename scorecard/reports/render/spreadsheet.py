"""A report's tables as an Excel workbook: one sheet per table, figures as numbers, statuses filled and worded."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scorecard.reports.common import Cell, Masthead, Table
from scorecard.reports.figures import Figure, number_text
from scorecard.reports.render.delimited import looks_calculable

HEADER_ROW = 3  # rows 1 and 2 hold the masthead
NARROWEST, WIDEST = 10, 60  # column widths in characters; text longer than WIDEST wraps
SHEET_TITLE_LENGTH = 31
NOT_IN_SHEET_TITLES = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))
RESERVED_SHEET_TITLES = {"history"}  # Excel keeps this one for itself
TOP = Alignment(vertical="top")
WRAPPED = Alignment(vertical="top", wrap_text=True)


def xlsx_bytes(tables: list[Table], *, masthead: Masthead) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken = set(RESERVED_SHEET_TITLES)
    # A workbook needs one sheet, so a report with no tables still gets its masthead.
    for table in tables or [Table(masthead.title, [], [])]:
        add_sheet(workbook.create_sheet(sheet_title(table.title, taken)), table, masthead)
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()


def sheet_title(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, no apostrophe at either end, unique ignoring case."""
    base = title.translate(NOT_IN_SHEET_TITLES).strip(" '") or "Table"
    candidate, copy = base[:SHEET_TITLE_LENGTH].rstrip(" '"), 1
    while candidate.lower() in taken:
        copy += 1
        suffix = f" ({copy})"
        candidate = base[: SHEET_TITLE_LENGTH - len(suffix)].rstrip(" '") + suffix
    taken.add(candidate.lower())
    return candidate


def add_sheet(sheet: Worksheet, table: Table, masthead: Masthead) -> None:
    write_masthead(sheet, masthead)
    write_header(sheet, table.columns)
    for row_number, cells in enumerate(table.rows, start=HEADER_ROW + 1):
        for column_number, cell in enumerate(cells, start=1):
            write_cell(sheet.cell(row_number, column_number), cell)
    for column_number in range(1, len(table.columns) + 1):
        fit_column(sheet, table, column_number)
    keep_header_in_view(sheet, table)
    set_up_printing(sheet)


def write_masthead(sheet: Worksheet, masthead: Masthead) -> None:
    heading = (masthead.title, masthead.subtitle, masthead.published_label)
    write_text(sheet["A1"], " · ".join(words for words in heading if words))
    sheet["A1"].font = Font(bold=True, size=14)
    write_text(
        sheet["A2"],
        f"Data Source: {masthead.data_source} · {masthead.organisation} · {masthead.team}"
        f" · Time Fetched: {masthead.fetched_label}",
    )


def write_header(sheet: Worksheet, columns: list[str]) -> None:
    for column_number, column in enumerate(columns, start=1):
        header = sheet.cell(HEADER_ROW, column_number)
        write_text(header, column)
        header.font = Font(bold=True)
        header.alignment = WRAPPED


def write_cell(target: SheetCell, cell: Cell) -> None:
    if cell.number is not None and cell.number.value is not None:
        target.value = cell.number.value
        target.number_format = number_format(cell.number)
    else:
        write_text(target, cell.text)
    if cell.status is not None:
        target.fill = PatternFill("solid", fgColor=argb(cell.status.style.fill))
        target.font = Font(color=argb(cell.status.style.text))
    target.alignment = TOP


def number_format(figure: Figure) -> str:
    """The figure's own printed words around an Excel number pattern, so the cell reads as the report does.

    The words come from the figure's text ("93.5% (Provisional)"), not from a second table of units,
    so Excel shows what figures.py prints. Every word is quoted: a bare % or trailing comma would
    make Excel rescale the value.
    """
    digits = "#,##0" + ("." + "0" * figure.decimals if figure.decimals > 0 else "")
    before, shown, after = figure.text.partition(number_text(figure.value, "count", figure.decimals))
    if not shown:
        return digits
    before, after = quoted(before), quoted(after)
    return f"{before}{digits}{after};{before}-{digits}{after}"


def quoted(words: str) -> str:
    """Literal text in an Excel number format; a double quote inside is escaped outside the quotes."""
    return '"' + words.replace('"', '"\\""') + '"' if words else ""


def argb(hex_colour: str) -> str:
    return "FF" + hex_colour.lstrip("#").upper()


def write_text(target: SheetCell, text: str) -> None:
    """Text Excel stores and shows as it is, and never calculates: no control characters; text that looks like a
    formula ("- Recruited two officers", "=SUM(…)") is a text cell with Excel's own hidden text mark (quotePrefix),
    so nobody sees an apostrophe that is not in the commentary."""
    target.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    if looks_calculable(target.value):
        target.data_type = "s"  # openpyxl would otherwise store text starting with "=" as a formula
        target.quotePrefix = True


def fit_column(sheet: Worksheet, table: Table, column_number: int) -> None:
    """Wide enough for the longest line (or the header's longest word); long text such as commentary wraps."""
    index = column_number - 1
    lines = [line for row in table.rows if index < len(row) for line in row[index].text.splitlines()]
    longest = max([len(line) for line in lines] + [len(word) for word in table.columns[index].split()] + [0])
    sheet.column_dimensions[get_column_letter(column_number)].width = min(max(longest, NARROWEST), WIDEST) + 2
    if longest > WIDEST:
        for (cell,) in sheet.iter_rows(min_row=HEADER_ROW + 1, min_col=column_number, max_col=column_number):
            cell.alignment = WRAPPED


def keep_header_in_view(sheet: Worksheet, table: Table) -> None:
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    if table.columns:
        last_column = get_column_letter(len(table.columns))
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{HEADER_ROW + len(table.rows)}"


def set_up_printing(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
