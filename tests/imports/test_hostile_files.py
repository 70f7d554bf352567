"""Files built to tie up the server: each is answered quickly with a message, never built cell by cell."""

import time
import tracemalloc

import openpyxl
import pytest

from bench import hostile_files
from scorecard.imports import ImportProblem
from scorecard.imports.reading import read_rows, read_xlsx


def measured(read):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        outcome = read()
    except ImportProblem as problem:
        outcome = problem
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return outcome, seconds, peak


def test_a_declared_size_is_ignored_and_only_the_headed_columns_are_read():
    content = hostile_files.workbook(
        "A1:XFD20", [hostile_files.headings_row(), hostile_files.row(2, [(1, "CM PM15"), (16384, "far away")])]
    )
    table = read_xlsx(content)
    assert table[1] == ["CM PM15", None, None, None, None, None, None, None]
    assert len(table) == 2 and {len(row) for row in table} == {8}


def test_a_small_file_declaring_a1_to_xfd200000_is_read_in_moments():
    rows, seconds, peak = measured(lambda: read_rows("returns.xlsx", hostile_files.declared_huge()))
    assert [row["code"] for row in rows] == ["CM PM15", "CM PM24"]
    assert seconds < 2 and peak < 10 * 1024 * 1024


def test_a_cell_a_million_rows_down_is_refused_as_too_many_cells_not_built():
    problem, seconds, peak = measured(lambda: read_xlsx(hostile_files.sparse_far_rows()))
    assert "The file has more than 1,000,000 cells under its headings" in str(problem)
    assert seconds < 10 and peak < 100 * 1024 * 1024  # bench/hostile.py times it without tracemalloc


def test_a_workbook_that_unpacks_to_90_mb_is_refused_before_it_is_parsed():
    content = hostile_files.unpacks_huge()
    assert len(content) < 400 * 1024
    problem, seconds, _peak = measured(lambda: read_xlsx(content))
    assert str(problem).startswith("The workbook unpacks to 87.5 MB, far more than a scorecard needs")
    assert seconds < 1


def test_running_out_of_memory_says_the_file_is_too_big_not_damaged(monkeypatch):
    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(openpyxl, "load_workbook", exhausted)
    with pytest.raises(ImportProblem) as problem:
        read_xlsx(hostile_files.declared_huge())
    assert "holds more than a scorecard import can take" in str(problem.value)
    assert "damaged" not in str(problem.value)
