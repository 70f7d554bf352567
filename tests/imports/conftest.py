"""What the import tests share: an open quarter, and files built the way councils save them."""

import csv
import io

import openpyxl
import pytest

from tests import factories


@pytest.fixture
def quarter():
    return factories.open_period(2017, 2)


def csv_upload(name: str, headings, rows) -> tuple[str, bytes]:
    """A CSV as Excel's "CSV UTF-8" saves it, byte-order mark and all."""
    output = io.StringIO()
    csv.writer(output).writerows([headings, *rows])
    return f"{name}.csv", output.getvalue().encode("utf-8-sig")


def xlsx_upload(name: str, headings, rows) -> tuple[str, bytes]:
    workbook = openpyxl.Workbook()
    for row in (headings, *rows):
        workbook.active.append(list(row))
    output = io.BytesIO()
    workbook.save(output)
    return f"{name}.xlsx", output.getvalue()
