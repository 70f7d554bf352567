"""The Scottish LGBF's values for every council (`--source lgbf`), with its indicators file as the groups file.

The indicators file gives each indicator's title, polarity, unit and which family grouping it is compared in
(scorecard/imports/lgbf.py reads it the same way for a council's own catalogue); the values file gives each
council's family in that grouping on every row (FamilyGroup), and so the family groups: people services are
grouped by deprivation (Least Deprived, 2, 3, Most Deprived), other services by rurality (Urban, 2, 3, Rural).
Which grouping an indicator is compared in is read from the values file's own labels for it (a few indicators'
rows do not follow the indicators file's FamilyGrouping), so "2" is deprivation family 2 or rurality family 2.
Councils are named, not coded: their GSS codes come from gss.SCOTTISH_COUNCILS. Years are placed as the
council's own LGBF import places them (a multi-year aggregate on its last year, unless a single year's figure
is there); rows that cannot be placed are set aside and counted, not refused.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

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
from scorecard.imports import lgbf
from scorecard.imports.cells import text_of
from scorecard.imports.reading import read_rows

VALUE_COLUMNS = ("code", "localauthority", "year", "la_indicatorreal", "familygroup")
COLUMNS = Columns(
    measure="Code",
    area="LocalAuthority",
    period="Year",
    value="LA_IndicatorReal",
    numerator="LA_Numerator_real",
    denominator="LA_Den_Real",
)
FAMILY_NUMBERS = {"least deprived": 1, "most deprived": 4, "urban": 1, "rural": 4}
GROUPINGS = {"least deprived": "deprivation", "most deprived": "deprivation", "urban": "rurality", "rural": "rurality"}


def read_lgbf(
    file_name: str, content: bytes, indicators: tuple[str, bytes], *, max_bytes: int | None = None
) -> ComparatorFile:
    text = csv_text(file_name, content, max_bytes)
    first, positions = headings(text, {})
    require(first, positions, VALUE_COLUMNS)
    known = read_indicator_file(*indicators, max_bytes=max_bytes)
    found = ComparatorFile(
        source="lgbf",
        name=file_name,
        sha256=sha256(content),
        columns=COLUMNS,
        read=lambda found: lgbf_records(found, text, positions, known),
        groups_file=(indicators[0], sha256(indicators[1])),
    )
    for code, row in known.items():
        facts = lgbf.catalogue_row(row)
        title, decimals = text_of(facts["title"]), int(facts["decimals"])
        found.measures[code] = MeasureFacts(title, facts["unit"], facts["good_is"], decimals)
    return found


def read_indicator_file(name: str, content: bytes, *, max_bytes: int | None) -> dict:
    """Each indicator's row, by code."""
    rows = read_rows(name, content, required=lgbf.INDICATOR_COLUMNS, max_bytes=max_bytes)
    return {text_of(row["code"]): row for row in rows if text_of(row["code"])}


def lgbf_records(found: ComparatorFile, text: str, positions: dict[str, int], known: dict) -> Iterator[Record]:
    indicators = {code: lgbf.indicator(row) for code, row in known.items()}
    singles, groupings = first_reading(text, positions)
    taken: set[tuple[str, str, str]] = set()
    families: dict[tuple[str, str], set[str]] = defaultdict(set)
    at = positions.get
    for number, cells in csv_rows(text):
        code, council, year = cell(cells, at("code")), cell(cells, at("localauthority")), cell(cells, at("year"))
        if not (code or council or year):
            found.set_aside["the row is empty: no council, indicator or year"] += 1
            continue
        where = gss.scottish_code(council)
        if where is None:
            yield Record(number, code, "", year, "", problem=not_a_council(council))
            continue
        found.areas.setdefault(where, AreaFacts(council, "scottish_council"))
        family = cell(cells, at("familygroup"))
        if family and code in groupings:
            families[groupings[code], family].add(where)
        indicator = indicators.get(code)
        period, reason = placed(indicator, code, council.lower(), year, singles, taken)
        if reason:
            found.set_aside[reason] += 1
            continue
        value = scaled(cell(cells, at("la_indicatorreal")), indicator)
        numerator, denominator = cell(cells, at("la_numerator_real")), cell(cells, at("la_den_real"))
        problem = None if indicator else ("Code", f"“{code}” is not in the indicators file")
        yield Record(number, code, where, period, value, numerator, denominator, problem=problem)
    found.groups = family_groups(families)


def not_a_council(council: str) -> tuple[str, str]:
    return "LocalAuthority", f"“{council}” is not one of Scotland's 32 councils as the LGBF names them"


def first_reading(text: str, positions: dict[str, int]) -> tuple[set[tuple[str, str, str]], dict[str, str]]:
    """(indicator, council, year) of every single year's figure, which an aggregate never displaces; and each
    indicator's family grouping, "deprivation" or "rurality", from the family words its rows use."""
    at = positions.get
    singles, groupings = set(), {}
    for _, cells in csv_rows(text):
        code, year = cell(cells, at("code")), cell(cells, at("year"))
        if lgbf.YEARS.fullmatch(year) and is_one_year(year):
            singles.add((code, cell(cells, at("localauthority")).lower(), year))
        grouping = GROUPINGS.get(cell(cells, at("familygroup")).lower())
        if grouping:
            groupings[code] = grouping
    return singles, groupings


def is_one_year(year: str) -> bool:
    start, end = year.split("-")
    return (int(start) + 1) % 100 == int(end)


def placed(indicator, code: str, council: str, year: str, singles: set, taken: set) -> tuple[str, str]:
    """(the period the row goes on, or the reason it is set aside)."""
    if indicator is None or not lgbf.YEARS.fullmatch(year) or is_one_year(year):
        return year, ""
    label, _ = lgbf.year_placed(year, indicator)
    if label is None:
        return "", "spans several years, and its indicator is not published as aggregates"
    if (code, council, f"{label[:4]}-{label[5:]}") in singles or (code, council, label) in taken:
        return "", "an aggregate over several years where a figure for its last year already is"
    taken.add((code, council, label))
    return label, ""


def scaled(value: str, indicator) -> str:
    """A percentage the LGBF keeps as a fraction (0.4305) as the percentage it shows (43.05)."""
    if indicator is None or indicator.scale == 1 or not value:
        return value
    try:
        return str((Decimal(value) * indicator.scale).normalize())
    except InvalidOperation:
        return value  # the check names it as not a number


def family_groups(families: dict[tuple[str, str], set[str]]) -> list[GroupFacts]:
    return [
        GroupFacts(
            name=family_name(grouping, label),
            kind="family_group",
            members=sorted(members),
            where=f"the values file's FamilyGroup “{label}” ({grouping})",
            source="LGBF",
        )
        for (grouping, label), members in sorted(families.items())
    ]


def family_name(grouping: str, label: str) -> str:
    """ "LGBF deprivation family 1 (Least Deprived)", "LGBF rurality family 2"."""
    number = FAMILY_NUMBERS.get(label.lower())
    return f"LGBF {grouping} family {number} ({label})" if number else f"LGBF {grouping} family {label}"
