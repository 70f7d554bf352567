"""Hostile import files, written by hand as an attacker would: a few kilobytes that claim, or unpack to, far more.

Used by bench/hostile.py and by the tests (tests/imports/test_hostile_files.py). Each is a valid .xlsx as far as
Excel's zip layout goes; only its sheet is forged.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Returns" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
HEADINGS = ("code", "actual", "forecast", "flag", "note", "context", "improvement_actions", "intervention")


def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell(reference: str, value: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def row(number: int, cells: list[tuple[int, str]]) -> str:
    body = "".join(cell(f"{column_letter(column)}{number}", value) for column, value in cells)
    return f'<row r="{number}">{body}</row>'


def workbook(dimension: str, rows: list[str] | None = None, *, body: bytes | None = None) -> bytes:
    """An .xlsx whose one sheet declares `dimension` and holds `rows` (or the ready-made sheet XML `body`)."""
    sheet = (
        body
        or (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="{dimension}"/><sheetData>{"".join(rows or [])}</sheetData></worksheet>'
        ).encode()
    )
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return output.getvalue()


def headings_row() -> str:
    return row(1, list(enumerate(HEADINGS, start=1)))


def declared_huge(last_row: int = 200_000) -> bytes:
    """A few kilobytes that declare A1:XFD200000, with a handful of real cells and one far out at XFD."""
    cells = [headings_row(), row(2, [(1, "CM PM15"), (2, "12")]), row(3, [(1, "CM PM24"), (16384, "far away")])]
    return workbook(f"A1:XFD{last_row}", cells)


def sparse_far_rows(last_row: int = 1_000_000) -> bytes:
    """Headings, one row, and one cell a million rows down: every row in between would be an empty row."""
    return workbook(f"A1:H{last_row}", [headings_row(), row(2, [(1, "CM PM15")]), row(last_row, [(1, "XX 1")])])


def unpacks_huge(rows: int = 900_000) -> bytes:
    """About 200 KB that unpack to about 90 MB: the same bad row, without row numbers, over and over."""
    same = '<row><c t="inlineStr"><is><t>XX 99</t></is></c><c t="inlineStr"><is><t>not a number</t></is></c></row>'
    body = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{headings_row()}{same * rows}</sheetData></worksheet>"
    ).encode()
    return workbook("", body=body)


def many_bad_rows(rows: int = 20_000) -> bytes:
    """A workbook within every size limit whose rows are all in error: the page shows the first problems only."""
    bad = [row(number, [(1, f"XX {number}"), (2, "not a number")]) for number in range(2, rows + 2)]
    return workbook(f"A1:B{rows + 1}", [headings_row(), *bad])
