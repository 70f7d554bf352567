"""The Office for Local Government's data explorer extract (`--source oflog`) and its nearest-neighbour lists.

The extract has a row per council, measure and financial year ("2016-17"), naming the council and its kind
(Entity_Name) and region; rank_order "desc" means high is good and "None" that no way is better. Its MEDIAN and
MADs_from_median columns are Oflog's own arithmetic, which ours reproduces (tests/performance), so they are not
loaded. The neighbours file maps each council's code to its comparators (its own code first).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from scorecard.benchmarking import gss
from scorecard.benchmarking.files import (
    AreaFacts,
    Columns,
    ComparatorFile,
    GroupFacts,
    MeasureFacts,
    Record,
    cell,
    csv_rows,
    csv_text,
    headings,
    require,
    sha256,
)
from scorecard.imports import ImportProblem
from scorecard.imports.reading import check_size

REQUIRED = (
    "financial_year",
    "local_authority_code",
    "local_authority_name",
    "entity_name",
    "region",
    "measure",
    "code",
    "value",
    "rank_order",
)
COLUMNS = Columns(
    measure="Code", area="Local authority code", period="Financial year", value="Value", numerator="", denominator=""
)
# What Oflog's adult social care measures are counted in (its extract does not say): ASC6 is per 100,000 adults,
# ASC1 and ASC2 are survey scores, the rest percentages.
UNITS = {"ASC1": ("score", 1), "ASC2": ("score", 3), "ASC6": ("rate_per_100000", 0)}
POLARITIES = {"desc": "high", "asc": "low", "none": "none"}


def read_oflog(file_name: str, content: bytes, *, max_bytes: int | None = None) -> ComparatorFile:
    text = csv_text(file_name, content, max_bytes)
    first, positions = headings(text, {})
    require(first, positions, REQUIRED)
    return ComparatorFile(
        source="oflog",
        name=file_name,
        sha256=sha256(content),
        columns=COLUMNS,
        read=lambda found: oflog_records(found, text, positions),
    )


def oflog_records(found: ComparatorFile, text: str, positions: dict[str, int]) -> Iterator[Record]:
    year, area, value, code = (
        positions["financial_year"],
        positions["local_authority_code"],
        positions["value"],
        positions["code"],
    )
    for number, cells in csv_rows(text):
        measure, where = cell(cells, code), cell(cells, area).upper()
        note_measure(found, measure, cells, positions)
        if where and where not in found.areas:
            kind = gss.OFLOG_KINDS.get(cell(cells, positions["entity_name"]).lower(), gss.kind_of(where))
            name = cell(cells, positions["local_authority_name"])
            found.areas[where] = AreaFacts(name or where, kind, cell(cells, positions["region"]))
        yield Record(number, measure, where, cell(cells, year), cell(cells, value))


def note_measure(found: ComparatorFile, code: str, cells: list[str], positions: dict[str, int]) -> None:
    """The measure's title from its first row; its polarity from the first row that gives one."""
    polarity = POLARITIES.get(cell(cells, positions["rank_order"]).lower(), "")
    facts = found.measures.get(code)
    if facts is None and code:
        unit, decimals = UNITS.get(code, ("percent", 1))
        title = cell(cells, positions["measure"]).removeprefix("Outcome, ").strip() or code
        found.measures[code] = MeasureFacts(title=title, unit=unit, polarity=polarity or "none", decimals=decimals)
    elif facts is not None and facts.polarity == "none" and polarity:
        facts.polarity = polarity


# -- the nearest neighbours file ------------------------------------------------------------------


def read_neighbours(
    file_name: str, content: bytes, *, source: str = "Oflog", max_bytes: int | None = None
) -> list[GroupFacts]:
    """Each council's nearest neighbours: a JSON object of council code → list of codes."""
    check_size(content, max_bytes)
    try:
        lists = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportProblem(f"The groups file {file_name} cannot be read as JSON: {error}.") from error
    if not isinstance(lists, dict) or not all(
        isinstance(members, list) and all(isinstance(code, str) for code in members) for members in lists.values()
    ):
        raise ImportProblem(
            f"The groups file {file_name} should map each council's code to a list of its neighbours' codes, "
            'like {"E06000015": ["E06000015", "E06000020", …]}.'
        )
    return [
        GroupFacts(
            name=f"Nearest neighbours of {code.strip().upper()} ({source})",
            kind="nearest_neighbours",
            members=[member.strip().upper() for member in members],
            where=f"the groups file, {code}'s list",
            source=source,
            neighbours_of=code.strip().upper(),
        )
        for code, members in lists.items()
    ]
