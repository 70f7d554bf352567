"""Reading an uploaded file: CSV or Excel in, rows keyed by heading out; a bad file gets its own message."""

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from scorecard.imports import ImportProblem
from scorecard.imports.reading import read_rows


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.replace("\n", "\r\n").encode(encoding)


def xlsx_bytes(*rows, sheets: int = 1) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    for number in range(1, sheets):
        workbook.create_sheet(f"Other {number}").append(["code", "actual"])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def refusal(file_name: str, content: bytes, **options) -> str:
    with pytest.raises(ImportProblem) as refused:
        read_rows(file_name, content, **options)
    return str(refused.value)


def test_a_csv_file_is_read_under_its_headings():
    rows = read_rows("returns.csv", csv_bytes('code,actual,context\nCM PM15,44745,"Up 16.1%, on target"\n'))
    assert rows == [{"code": "CM PM15", "actual": "44745", "context": "Up 16.1%, on target"}]


def test_an_empty_cell_is_read_as_none():
    assert read_rows("returns.csv", csv_bytes("code,actual\nCM PM15,\n")) == [{"code": "CM PM15", "actual": None}]


def test_the_byte_order_mark_excel_writes_is_ignored():
    rows = read_rows("returns.csv", csv_bytes("code,actual\nCM PM15,5\n", "utf-8-sig"), required=["code"])
    assert rows == [{"code": "CM PM15", "actual": "5"}]


def test_a_file_without_a_byte_order_mark_is_read_too():
    rows = read_rows("returns.csv", csv_bytes("code,note\nCM PM15,£1.2m – 2014 data\n"))
    assert rows[0]["note"] == "£1.2m – 2014 data"


def test_headings_match_whatever_their_case_and_spacing():
    content = csv_bytes("Code, Improvement Actions ,Year-end forecast\nCM PM15,Portal,5\n")
    rows = read_rows("returns.csv", content, aliases={"year_end_forecast": "forecast"})
    assert rows == [{"code": "CM PM15", "improvement_actions": "Portal", "forecast": "5"}]


def test_a_line_break_inside_a_quoted_cell_stays_in_its_row():
    rows = read_rows("returns.csv", csv_bytes('code,context\nCM PM15,"Line one\nline two"\nCM PM16,x\n'))
    assert [row["code"] for row in rows] == ["CM PM15", "CM PM16"]


def test_blank_rows_keep_their_place_so_row_numbers_match_the_spreadsheet():
    rows = read_rows("returns.csv", csv_bytes("code,actual\nCM PM15,1\n,\nCM PM16,2\n\n\n"))
    assert [row["code"] for row in rows] == ["CM PM15", None, "CM PM16"]  # rows 2, 3 and 4; trailing blanks dropped


def test_text_that_is_not_utf8_is_refused_saying_how_to_save_it():
    message = refusal("returns.csv", csv_bytes("code,note\nCM PM15,£5\n", "cp1252"))
    assert "byte 0xA3" in message
    assert "CSV UTF-8" in message


@pytest.mark.parametrize("file_name", ["returns.xls", "returns.txt", "returns.pdf", "returns", "returns.ods"])
def test_a_file_of_the_wrong_type_is_refused(file_name):
    message = refusal(file_name, b"code,actual\nCM PM15,5\n")
    assert "wrong type of file" in message
    assert "upload a CSV file (.csv) or an Excel workbook (.xlsx)" in message


def test_an_old_excel_file_is_told_to_save_as_xlsx():
    assert "Save it from Excel as .xlsx" in refusal("returns.xls", b"\xd0\xcf\x11\xe0")


def test_an_excel_workbook_named_csv_is_refused():
    assert "is an Excel workbook, not a CSV file" in refusal("returns.csv", xlsx_bytes(["code"], ["CM PM15"]))


def test_a_csv_file_named_xlsx_is_refused():
    assert "not an Excel workbook" in refusal("returns.xlsx", b"code,actual\nCM PM15,5\n")


def test_a_damaged_workbook_is_refused():
    damaged = xlsx_bytes(["code"], ["CM PM15"])[:200]
    assert "cannot be opened" in refusal("returns.xlsx", damaged)


def test_a_binary_file_named_csv_is_refused():
    assert "not text" in refusal("returns.csv", b"code,actual\x00\x00\n")


def test_an_empty_file_is_refused():
    assert refusal("returns.csv", b"") == "The file is empty."


def test_a_file_of_headings_only_is_refused():
    assert "no rows to import" in refusal("returns.csv", csv_bytes("code,actual\n,\n"))


def test_a_file_without_headings_is_refused():
    assert "first row is empty" in refusal("returns.csv", csv_bytes(",\nCM PM15,5\n"))


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.SCORECARD_IMPORT_MAX_BYTES = 1024 * 1024
    message = refusal("returns.csv", b"code\n" + b"CM PM15\n" * 200_000)
    assert message.startswith("The file is 1.5 MB: the most that can be imported at once is 1.0 MB.")


def test_the_size_limit_is_five_megabytes_unless_set(settings):
    del settings.SCORECARD_IMPORT_MAX_BYTES
    assert "the most that can be imported at once is 5.0 MB" in refusal(
        "returns.csv", b"code\n" + b"x" * 5 * 1024 * 1024
    )


def test_a_missing_required_column_is_named():
    message = refusal("returns.csv", csv_bytes("measure,actual\nCM PM15,5\n"), required=["code"])
    assert message == (
        "The file has no “code” column. The first row must hold the column headings; it holds: measure, actual."
    )


def test_a_column_headed_twice_is_refused():
    assert "Two columns are headed “actual”" in refusal("returns.csv", csv_bytes("code,actual,Actual\nA,1,2\n"))


def test_a_row_that_is_not_csv_is_named():
    message = refusal("returns.csv", csv_bytes('code,actual\n"CM PM15"x"5\n'))  # a stray quote
    assert message == "Line 2 of the file cannot be read as CSV (',' expected after '\"'): check its quotation marks."


def test_an_excel_sheet_gives_numbers_as_numbers():
    rows = read_rows("returns.xlsx", xlsx_bytes(["code", "actual", "forecast"], ["CM PM15", 44745, 93.5]))
    assert rows == [{"code": "CM PM15", "actual": Decimal(44745), "forecast": Decimal("93.5")}]


def test_an_excel_formula_is_read_as_the_formula_not_its_result():
    rows = read_rows("returns.xlsx", xlsx_bytes(["code", "actual"], ["CM PM15", "=SUM(1,2)"]))
    assert rows[0]["actual"] == "=SUM(1,2)"


def test_a_percentage_cell_is_read_as_the_sheet_shows_it():
    content = io.BytesIO(xlsx_bytes(["code", "actual"], ["PS PM01", 0.935]))
    workbook = openpyxl.load_workbook(content)
    workbook.active["B2"].number_format = "0.0%"
    content = io.BytesIO()
    workbook.save(content)
    assert read_rows("returns.xlsx", content.getvalue())[0]["actual"] == Decimal("93.5")


def test_excel_dates_and_true_false_are_read_as_text():
    rows = read_rows("returns.xlsx", xlsx_bytes(["code", "note", "flag"], ["CM PM15", date(2017, 9, 30), True]))
    assert (rows[0]["note"], rows[0]["flag"]) == ("2017-09-30T00:00:00", "TRUE")


def test_only_the_first_sheet_is_read():
    rows = read_rows("returns.xlsx", xlsx_bytes(["code", "actual"], ["CM PM15", 5], sheets=3))
    assert rows == [{"code": "CM PM15", "actual": Decimal(5)}]


def test_a_missing_column_in_a_workbook_is_named():
    message = refusal("targets.xlsx", xlsx_bytes(["code", "target"], ["CM PM15", 5]), required=["code", "quarter"])
    assert message.startswith("The file has no “quarter” column.")


def test_an_unclosed_quote_is_refused_rather_than_swallowing_the_rows_after_it():
    message = refusal("returns.csv", csv_bytes('code,context\nCM PM15,"Up 16%\nCM PM16,5\n'))
    assert message.startswith("Line 3 of the file cannot be read as CSV")
