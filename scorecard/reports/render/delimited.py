"""A report table as CSV for open data: figures as recorded, statuses as words, no text a spreadsheet could run."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

from scorecard.reports.common import Cell, Table

# Spreadsheets read text starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number alone (-0.2, +1.5, -.5) is a number to a spreadsheet, never a formula: it is left as it is.
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def csv_text(table: Table) -> str:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow([not_a_formula(column) for column in table.columns])
    writer.writerows([[csv_value(cell) for cell in row] for row in table.rows])
    return output.getvalue()


def csv_value(cell: Cell) -> str:
    if cell.number is not None and cell.number.value is not None:
        return as_recorded(cell.number.value)
    return not_a_formula(cell.text)


def as_recorded(value: Decimal) -> str:
    """93.50 as 93.5 and 76604 as 76604, never 7.6604E+4."""
    return format(value.normalize(), "f")


def not_a_formula(text: str) -> str:
    """Text a spreadsheet will show, never calculate: a leading apostrophe before formula-looking text.

    A number alone is left as it is (-0.2, not '-0.2), so the open data's negative figures stay numbers."""
    return f"'{text}" if looks_calculable(text) else text


def looks_calculable(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(text)
