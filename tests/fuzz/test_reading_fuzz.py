"""Any bytes uploaded as a CSV or an .xlsx are read into rows or refused with an ImportProblem saying why."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from scorecard.imports import ImportProblem
from scorecard.imports.reading import read_rows
from scorecard.imports.returns import ALIASES
from tests.imports.conftest import xlsx_upload

NAMES = st.sampled_from(["returns.csv", "returns.xlsx", "RETURNS.CSV", "returns.xls", "returns", ""])
_, WORKBOOK = xlsx_upload("returns", ["code", "actual", "context"], [["CM PM15", 44745, "Up 16.1%"]])
ZIP_START = b"PK\x03\x04"

# A workbook with a few bytes changed: the damage openpyxl meets in a real upload, rather than random noise.
damaged_workbooks = st.lists(
    st.tuples(st.integers(0, len(WORKBOOK) - 1), st.integers(0, 255)), min_size=1, max_size=8
).map(lambda changes: damaged(WORKBOOK, changes))


def damaged(content: bytes, changes) -> bytes:
    changed = bytearray(content)
    for position, byte in changes:
        changed[position] = byte
    return bytes(changed)


def rows_or_refused(name: str, content: bytes):
    try:
        rows = read_rows(name, content, required=("code",), aliases=ALIASES)
    except ImportProblem as problem:
        assert str(problem)
        return None
    assert rows
    assert all(isinstance(row, dict) and "code" in row for row in rows)
    return rows


@given(NAMES, st.binary())
@example("returns.csv", b"\xef\xbb\xbfcode\n\xff")
@example("returns.csv", b'code\n"unclosed')
@example("returns.xlsx", ZIP_START)
def test_any_bytes_are_read_or_refused_in_words(name, content):
    rows_or_refused(name, content)


@given(st.text().map(str.encode))
def test_any_text_as_a_csv_is_read_or_refused_in_words(content):
    rows_or_refused("returns.csv", b"code,actual\n" + content)


@given(damaged_workbooks)
def test_a_damaged_workbook_is_read_or_refused_in_words(content):
    rows_or_refused("returns.xlsx", content)


@pytest.mark.parametrize(
    ("content", "byte", "position"), [(b"code\n\xff", "FF", 5), (b"\xef\xbb\xbfcode\n\xff", "FF", 8)]
)
def test_a_byte_that_is_not_utf8_is_named_where_it_is_in_the_file(content, byte, position):
    with pytest.raises(ImportProblem, match=f"byte 0x{byte} at position {position} is not UTF-8"):
        read_rows("returns.csv", content)
