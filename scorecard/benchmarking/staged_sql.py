"""The names and cells the PostgreSQL check of a file (staging.py) and its load (staged_values.py) share."""

from __future__ import annotations

from scorecard.benchmarking.files import Layout

TABLE = "staged_comparison_values"  # the file as copied, every cell text, rows numbered as a spreadsheet numbers them
STAGED = (TABLE, "staged_codes", "staged_periods", "staged_words", "staged_problems")
WORK_MEMORY = "256MB"  # millions of rows grouped by measure, area and period: in memory, not spilled to disk


def column(layout: Layout, key: str) -> str:
    """The SQL for a column's trimmed cell ('' when the file has no such column)."""
    index = layout.positions.get(key)
    return "''" if index is None else f"coalesce(btrim(c{index}), '')"


def copied_cell(layout: Layout, key: str) -> str:
    """The SQL for a required column's cell as copied, untrimmed: joined on as it is, it costs nothing per row."""
    return f"s.c{layout.positions[key]}"
