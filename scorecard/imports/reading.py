"""Reading an uploaded CSV or Excel file into rows keyed by column heading.

Rows keep their place: row i of the list is spreadsheet row i + 2 (the headings are row 1), blank rows
included, so every message can name the row as the person sees it. A cell is text, a Decimal (a number
cell in Excel) or None (empty). An Excel formula is read as its text (=SUM(…)), never as its result, so
the checks can refuse it.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import PurePath

import openpyxl
from django.conf import settings

from scorecard.imports import ImportProblem

FIRST_ROW = 2  # the row under the headings, as numbered in a spreadsheet
MAX_ROWS = 200_000
# Cells under the headings (rows times headed columns). The biggest real file, a whole LGBF history (35,000 rows of 14
# columns), holds half a million; a quarter's returns a few thousand. More is refused before it is built.
MAX_CELLS = 1_000_000
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# An .xlsx is a zip of XML: what it unpacks to is checked before it is parsed. Real workbooks unpack to 5 to 20
# times their size; a "zip bomb" to hundreds of times.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_PACKING_RATIO = 100
ZIP_START = b"PK\x03\x04"  # an .xlsx is a zip archive
KINDS = {".csv": "csv", ".xlsx": "xlsx"}

Cell = str | Decimal | None
Row = dict[str, Cell]


def read_rows(
    file_name: str,
    content: bytes,
    *,
    required: Sequence[str] = (),
    aliases: Mapping[str, str] | None = None,
    max_bytes: int | None = None,
) -> list[Row]:
    """The file's rows under its headings; raises ImportProblem saying what is wrong with the file."""
    check_size(content, max_bytes)
    kind = file_kind(file_name)
    table = read_csv(content) if kind == "csv" else read_xlsx(content)
    return rows_under_headings(table, required, aliases or {})


def heading_key(text: object) -> str:
    """How a heading is matched: "Improvement actions", "improvement_actions" and "IMPROVEMENT-ACTIONS" agree."""
    return re.sub(r"[^a-z0-9]+", "_", str(text or "").strip().lower()).strip("_")


# -- the file as a whole -------------------------------------------------------------------------


def check_size(content: bytes, max_bytes: int | None) -> None:
    limit = max_bytes if max_bytes is not None else getattr(settings, "SCORECARD_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)
    if not content:
        raise ImportProblem("The file is empty.")
    if len(content) > limit:
        raise ImportProblem(
            f"The file is {megabytes(len(content))}: the most that can be imported at once is {megabytes(limit)}. "
            "Split it into smaller files."
        )


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def file_kind(file_name: str) -> str:
    suffix = PurePath(file_name or "").suffix.lower()
    if suffix in KINDS:
        return KINDS[suffix]
    hint = " Save it from Excel as .xlsx, or as CSV UTF-8." if suffix in (".xls", ".ods", ".xlsm", ".numbers") else ""
    raise ImportProblem(
        f"“{PurePath(file_name or '').name}” is the wrong type of file: "
        f"upload a CSV file (.csv) or an Excel workbook (.xlsx).{hint}"
    )


# -- CSV -----------------------------------------------------------------------------------------


def read_csv(content: bytes) -> list[list[Cell]]:
    text = decoded(content)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # an unclosed quote would swallow rows
    try:
        return [[cell or None for cell in row] for row in limited(reader)]
    except MemoryError as error:
        raise ImportProblem(too_big()) from error
    except csv.Error as error:
        raise ImportProblem(
            f"Line {reader.line_num} of the file cannot be read as CSV ({error}): check its quotation marks."
        ) from error


def decoded(content: bytes) -> str:
    """UTF-8 with or without the byte-order mark Excel writes; anything else is refused, not guessed at."""
    if content.startswith(ZIP_START):
        raise ImportProblem("This is an Excel workbook, not a CSV file: name it .xlsx, or save it as CSV UTF-8.")
    body = content.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        position = len(content) - len(body) + error.start  # in the file, byte-order mark included
        raise ImportProblem(
            f"The file's text cannot be read: byte 0x{content[position]:02X} at position {position:,} "
            "is not UTF-8. In Excel, save it as “CSV UTF-8 (Comma delimited)” and upload it again."
        ) from error
    if "\x00" in text:
        raise ImportProblem("The file is not text (it holds NUL characters): upload a CSV file or an .xlsx workbook.")
    return text


# -- Excel ---------------------------------------------------------------------------------------


def read_xlsx(content: bytes) -> list[list[Cell]]:
    """The first sheet, streamed; formulas as their text.

    Only the columns under a heading are read, and the sheet's declared size (its <dimension>, which may claim
    A1:XFD1048576) is ignored: rows are read as they are stored.
    """
    if not content.startswith(ZIP_START):
        raise ImportProblem("The file is not an Excel workbook (.xlsx): upload a .xlsx workbook or a CSV file.")
    try:
        check_unpacked_size(content)
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        try:
            return sheet_cells(workbook.worksheets[0])
        finally:
            workbook.close()
    except ImportProblem:
        raise
    except MemoryError as error:
        raise ImportProblem(too_big()) from error
    except Exception as error:  # a damaged workbook fails in many different ways inside openpyxl
        raise ImportProblem(
            f"The Excel workbook cannot be opened: it may be damaged or protected ({error})."
        ) from error


def check_unpacked_size(content: bytes) -> None:
    """Refuse a workbook that would unpack to far more than it weighs, before any of it is unpacked."""
    try:
        members = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except zipfile.BadZipFile as error:
        raise ImportProblem(
            f"The Excel workbook cannot be opened: it may be damaged or protected ({error})."
        ) from error
    unpacked = sum(member.file_size for member in members)
    packed = max((member.file_size / max(member.compress_size, 1) for member in members), default=0)
    if unpacked > MAX_UNPACKED_BYTES or (packed > MAX_PACKING_RATIO and unpacked > 1024 * 1024):
        raise ImportProblem(
            f"The workbook unpacks to {megabytes(unpacked)}, far more than a scorecard needs "
            f"(the most is {megabytes(MAX_UNPACKED_BYTES)}, at most {MAX_PACKING_RATIO} times its size). "
            "Copy the rows you mean to import into a new workbook, or save them as CSV UTF-8."
        )


def sheet_cells(sheet) -> list[list[Cell]]:
    sheet.reset_dimensions()  # the declared size is not trusted: rows are read as stored
    headings = next(sheet.iter_rows(min_row=1, max_row=1), ())
    width = max((index + 1 for index, cell in enumerate(headings) if cell.value is not None), default=1)
    rows = sheet.iter_rows(max_col=width)  # only the headed columns: a cell at XFD is never built
    return [[excel_value(cell) for cell in row] for row in limited(rows, width)]


def too_big() -> str:
    return (
        f"The file holds more than a scorecard import can take (at most {MAX_ROWS:,} rows and {MAX_CELLS:,} cells "
        "under the headings): split it into smaller files."
    )


def excel_value(cell) -> Cell:
    value = cell.value
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return shown_number(value, getattr(cell, "number_format", "") or "")
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return getattr(value, "text", None) or str(value)  # an array formula keeps its text in .text


def shown_number(value: int | float, number_format: str) -> Decimal:
    """The number as the sheet shows it: 0.935 formatted as a percentage is 93.5."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return (number * 100).normalize() if "%" in number_format else number


def limited(rows: Iterable, width: int | None = None) -> Iterable:
    """The rows, stopping with a clear message once there are more rows, or cells, than an import can take."""
    cells = 0
    for index, row in enumerate(rows):
        if index > MAX_ROWS:
            raise ImportProblem(f"The file has more than {MAX_ROWS:,} rows: split it into smaller files.")
        cells += width or len(row)
        if cells > MAX_CELLS:
            raise ImportProblem(
                f"The file has more than {MAX_CELLS:,} cells under its headings (row {index + 1:,} passes it): "
                "split it into smaller files."
            )
        yield row


# -- headings ------------------------------------------------------------------------------------


def rows_under_headings(table: list[list[Cell]], required: Sequence[str], aliases: Mapping[str, str]) -> list[Row]:
    if not table or not any(cell is not None for cell in table[0]):
        raise ImportProblem("The first row is empty: it should hold the column headings, starting with code.")
    headings = keyed_headings(table[0], aliases)
    missing = [name for name in required if name not in headings.values()]
    if missing:
        raise ImportProblem(missing_columns(missing, table[0]))
    rows = [
        {key: cells[index] if index < len(cells) else None for index, key in headings.items()} for cells in table[1:]
    ]
    while rows and is_blank(rows[-1]):
        rows.pop()
    if not rows:
        raise ImportProblem("The file has column headings but no rows to import.")
    return rows


def keyed_headings(first_row: list[Cell], aliases: Mapping[str, str]) -> dict[int, str]:
    """Column position → heading key, refusing a heading given twice."""
    headings: dict[int, str] = {}
    for index, cell in enumerate(first_row):
        key = heading_key(cell)
        key = aliases.get(key, key)
        if not key:
            continue
        if key in headings.values():
            raise ImportProblem(f"Two columns are headed “{key}”: keep one of them.")
        headings[index] = key
    return headings


def missing_columns(missing: list[str], first_row: list[Cell]) -> str:
    found = ", ".join(str(cell) for cell in first_row if cell is not None)
    names = " and ".join(f"“{name}”" for name in missing)
    return f"The file has no {names} column. The first row must hold the column headings; it holds: {found}."


def is_blank(row: Row) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in row.values())
