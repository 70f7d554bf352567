"""A comparator file as the check and the load read it: records in one shape, whatever the source.

Each source's reader (generic.py, oflog.py, lgbf_values.py) turns its file's rows into Records, numbered as
in a spreadsheet (the headings are row 1), and notes what the file says about its measures, areas and groups
as it goes. Records are read afresh for the check and again for the load, so a file of millions of rows is
never held as millions of objects: only its bytes are.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from scorecard.imports import ImportProblem
from scorecard.imports.reading import FIRST_ROW, check_size, decoded, heading_key


class Record(NamedTuple):
    """One value of the file, its cells as text ("" when empty)."""

    row: int
    measure: str
    area: str
    period: str
    value: str
    numerator: str = ""
    denominator: str = ""
    provisional: str = ""
    suppressed: str = ""
    problem: tuple[str, str] | None = None  # (column, message) found while reading the row


@dataclass(frozen=True)
class Columns:
    """The file's own headings for each part of a record, so a message names the column the person sees."""

    measure: str
    area: str
    period: str
    value: str
    numerator: str = "numerator"
    denominator: str = "denominator"
    provisional: str = "provisional"
    suppressed: str = "suppressed"


@dataclass
class MeasureFacts:
    title: str
    unit: str
    polarity: str
    decimals: int = 1


@dataclass
class AreaFacts:
    name: str
    kind: str
    region: str = ""


@dataclass
class GroupFacts:
    """A comparator group as a file gives it: members by area code."""

    name: str
    kind: str
    members: list[str]
    where: str  # where the file gives it, for messages: "the groups file, E06000015's list"
    source: str = ""
    vintage: str = ""
    neighbours_of: str = ""
    publishable: bool = True


@dataclass(frozen=True)
class Layout:
    """A long CSV's text and where each known column is, for PostgreSQL to read in one COPY (staging.py)."""

    text: str
    width: int  # columns under headings
    positions: dict[str, int]  # heading key → column
    written: dict[str, str]  # heading key → the heading as the file writes it


@dataclass
class ComparatorFile:
    source: str
    name: str
    sha256: str
    columns: Columns
    read: Callable[[ComparatorFile], Iterator[Record]]
    measures: dict[str, MeasureFacts] = field(default_factory=dict)
    areas: dict[str, AreaFacts] = field(default_factory=dict)  # the areas the file names, by code
    groups: list[GroupFacts] = field(default_factory=list)
    groups_file: tuple[str, str] = ("", "")  # (name, SHA-256)
    set_aside: Counter = field(default_factory=Counter)  # rows deliberately not loaded, by reason
    notes: list[str] = field(default_factory=list)
    layout: Layout | None = None  # a generic file's, which PostgreSQL can check and load by itself

    def records(self) -> Iterator[Record]:
        self.set_aside.clear()
        return self.read(self)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def csv_text(file_name: str, content: bytes, max_bytes: int | None) -> str:
    check_size(content, max_bytes)
    if not file_name.lower().endswith(".csv"):
        raise ImportProblem(f"“{file_name}” is the wrong type of file: comparator data is loaded from a CSV file.")
    return decoded(content)


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) under the headings, blank rows left out; an unreadable line stops with its number."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    next(reader, None)
    try:
        for index, cells in enumerate(reader):
            if any(cell.strip() for cell in cells):
                yield index + FIRST_ROW, cells
    except csv.Error as error:
        raise ImportProblem(
            f"Line {reader.line_num} of the file cannot be read as CSV ({error}): check its quotation marks."
        ) from error


def headings(text: str, aliases: dict[str, str]) -> tuple[list[str], dict[str, int]]:
    """The first row as written, and each known heading's position (by heading_key, then its aliases)."""
    first = next(csv.reader(io.StringIO(text.split("\n", 1)[0])), [])
    positions: dict[str, int] = {}
    for index, heading in enumerate(first):
        key = heading_key(heading)
        key = aliases.get(key, key)
        if key in positions:
            raise ImportProblem(f"Two columns are headed “{key}”: keep one of them.")
        if key:
            positions[key] = index
    return first, positions


def require(first: list[str], positions: dict[str, int], required: tuple[str, ...]) -> None:
    missing = [name for name in required if name not in positions]
    if missing:
        names = " and ".join(f"“{name}”" for name in missing)
        found = ", ".join(heading for heading in first if heading.strip()) or "nothing"
        raise ImportProblem(f"The file has no {names} column. Its first row holds: {found}.")


def cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()
