"""The generic long CSV (docs/benchmarking.md): one value per row, as LG Inform downloads are shaped.

    measure code, area code, area name, period, value, numerator, denominator
    [, measure title, unit, good is, provisional, suppressed]

Headings are matched loosely ("Area code", "area_code", "AREA-CODE"); a few other names are read too (metric,
GSS code, year). A measure not held yet is made from the first row naming it; an area not held from its code and
the row's area name.
"""

from __future__ import annotations

from collections.abc import Iterator

from scorecard.benchmarking import gss
from scorecard.benchmarking.files import (
    AreaFacts,
    Columns,
    ComparatorFile,
    Layout,
    MeasureFacts,
    Record,
    cell,
    csv_rows,
    csv_text,
    headings,
    require,
    sha256,
)
from scorecard.measures.models import Unit
from scorecard.performance.status import Polarity

REQUIRED = ("measure_code", "area_code", "period", "value")
ALIASES = {
    "measure": "measure_code",
    "metric": "measure_code",
    "metric_id": "measure_code",
    "metric_code": "measure_code",
    "area": "area_code",
    "gss_code": "area_code",
    "ons_code": "area_code",
    "year": "period",
    "title": "measure_title",
    "metric_title": "measure_title",
    "metric_name": "measure_title",
    "measure_name": "measure_title",
    "area_label": "area_name",
}
UNITS = {
    **{unit.value: unit.value for unit in Unit if unit != Unit.MILESTONE},
    **{unit.label.lower(): unit.value for unit in Unit if unit != Unit.MILESTONE},
    "percent": Unit.PERCENT.value,
    "percentage": Unit.PERCENT.value,
    "rate per 1,000": Unit.RATE_PER_1000.value,
    "rate per 10,000": Unit.RATE_PER_10000.value,
    "rate per 100,000": Unit.RATE_PER_100000.value,
}


def read_generic(file_name: str, content: bytes, *, max_bytes: int | None = None) -> ComparatorFile:
    text = csv_text(file_name, content, max_bytes)
    first, positions = headings(text, ALIASES)
    require(first, positions, REQUIRED)
    written = {key: first[index].strip() for key, index in positions.items()}
    columns = Columns(
        **{
            part: written.get(key, key.replace("_", " "))
            for part, key in (
                ("measure", "measure_code"),
                ("area", "area_code"),
                ("period", "period"),
                ("value", "value"),
                ("numerator", "numerator"),
                ("denominator", "denominator"),
                ("provisional", "provisional"),
                ("suppressed", "suppressed"),
            )
        }
    )
    return ComparatorFile(
        source="generic",
        name=file_name,
        sha256=sha256(content),
        columns=columns,
        read=lambda found: generic_records(found, text, positions, written),
        layout=Layout(text, len(first), positions, written),
    )


def generic_records(
    found: ComparatorFile, text: str, positions: dict[str, int], written: dict[str, str]
) -> Iterator[Record]:
    at = positions.get
    measure, area, period, value = at("measure_code"), at("area_code"), at("period"), at("value")
    numerator, denominator, provisional, suppressed = (
        at("numerator"),
        at("denominator"),
        at("provisional"),
        at("suppressed"),
    )
    for number, cells in csv_rows(text):
        code, where = cell(cells, measure), cell(cells, area).upper()
        problem = None
        if code and code not in found.measures:
            problem = note_measure(found, code, cells, positions, written)
        if where and where not in found.areas and cell(cells, at("area_name")):
            found.areas[where] = AreaFacts(cell(cells, at("area_name")), gss.kind_of(where))
        yield Record(
            number,
            code,
            where,
            cell(cells, period),
            cell(cells, value),
            cell(cells, numerator),
            cell(cells, denominator),
            cell(cells, provisional),
            cell(cells, suppressed),
            problem,
        )


def note_measure(
    found: ComparatorFile, code: str, cells: list[str], positions: dict[str, int], written: dict[str, str]
) -> tuple[str, str] | None:
    """Note what the first row naming a measure says of it; (column, message) when its unit or good is is wrong."""
    unit_text = cell(cells, positions.get("unit"))
    unit = UNITS.get(unit_text.lower() or Unit.SCORE.value)
    if unit is None:
        known = ", ".join(sorted({label for label in UNITS if " " in label or label == "percent"}))
        return written.get("unit", "unit"), f"“{unit_text}” is not a unit Scorecard knows: use one of {known}"
    try:
        polarity = Polarity.parse(cell(cells, positions.get("good_is")))
    except ValueError as error:
        return written.get("good_is", "good is"), str(error)
    title = cell(cells, positions.get("measure_title")) or code
    found.measures[code] = MeasureFacts(title=title, unit=unit, polarity=polarity.value)
    return None
