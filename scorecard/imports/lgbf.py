"""The Scottish Local Government Benchmarking Framework's files, read as a named source (`--source lgbf`).

The indicators file becomes rows of our catalogue and the values file rows of our history
(docs/history-import.md), which then go through the same checks as a council's own files:
- good is from Ranking_Type: Ascending is Low, Descending is High, Goldilocks (a middle value is best) None;
- unit and decimals from NumberFormat (`0.0%`, `'£ ' #,###`, `#0.00 "Days"`; rates from MeasureType); the
  rest (weeks, tCO2, tariff scores) are scores, with the source's format kept in the definition;
- a value formatted as a percentage is a fraction (0.4305 is 43.05%), except a "% point" gap, already in points;
- Year `2016-17` is 2016/17; a multi-year aggregate (`2012-15`) goes on its last year, 2014/15, when the
  indicator is an aggregate one and no other figure is there (docs/decisions.md).
Every row of the values file is accounted for: placed, another council's, or set aside with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from scorecard.imports import ImportProblem
from scorecard.imports.cells import text_of, typed_number
from scorecard.imports.reading import FIRST_ROW, Row, check_size, file_kind, read_csv, read_rows, rows_under_headings

INDICATOR_COLUMNS = ("code", "title", "ranking_type", "numberformat", "reportingperiod", "measuretype")
VALUE_COLUMNS = ("code", "localauthority", "year", "la_indicatorreal")
SOURCE_ROW = "source_row"  # the values file's unnamed first column: keeping it keeps its empty rows in view
GOOD_IS = {"ascending": "low", "descending": "high", "goldilocks": "none"}
RATES = {"rate per 1,000": "rate_per_1000", "rate per 10,000": "rate_per_10000", "rate per 100,000": "rate_per_100000"}
DECIMALS = re.compile(r"0\.(0+)")
YEARS = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Indicator:
    code: str
    scale: Decimal  # what a value is multiplied by: 100 for a fraction shown as a percentage
    aggregate: bool  # published as multi-year aggregates


@dataclass(frozen=True)
class SetAside:
    """A row of the values file that cannot be placed: its number, the column at fault, and why."""

    number: int
    column: str
    kind: str  # the reason in a few words, for the summary
    reason: str


@dataclass
class Values:
    """The values file, sorted: the council's rows in our shape, and what could not be placed, with why."""

    rows: list[Row] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # each row's number in the values file
    published: list[str] = field(default_factory=list)  # each row's Year as the LGBF wrote it
    other_councils: int = 0
    unplaceable: list[SetAside] = field(default_factory=list)
    total: int = 0

    def set_aside(self, number: int, column: str, kind: str, reason: str = "") -> None:
        self.unplaceable.append(SetAside(number, column, kind, reason or kind))


# -- the indicators file: our catalogue ----------------------------------------------------------


def read_indicators(file_name: str, content: bytes, *, max_bytes: int | None = None) -> tuple[list[Row], dict]:
    """The catalogue rows, and each indicator's scale and kind (code → Indicator) for reading its values."""
    rows = read_rows(file_name, content, required=INDICATOR_COLUMNS, max_bytes=max_bytes)
    indicators = {text_of(row["code"]): indicator(row) for row in rows if text_of(row["code"])}
    return [catalogue_row(row) for row in rows], indicators


def catalogue_row(row: Row) -> Row:
    number_format, period = text_of(row["numberformat"]), text_of(row["reportingperiod"])
    ranking = text_of(row["ranking_type"])
    return {
        "code": row["code"],
        "title": row["title"],
        "good_is": GOOD_IS.get(ranking.lower(), ranking),  # an unknown word is refused by the catalogue's check
        "unit": unit_of(number_format, text_of(row["measuretype"])),
        "decimals": str(decimals_of(number_format)),
        "frequency": "biennial" if period.lower() == "2 yearly" else "annual",
        "definition": f"LGBF indicator, reported {period or 'annually'}; the LGBF shows it as {number_format}.",
    }


def unit_of(number_format: str, measure_type: str) -> str:
    if "%" in number_format:
        return "percent"
    if "£" in number_format:
        return "pounds"
    if "days" in number_format.lower() or measure_type.lower() == "days":
        return "days"
    return RATES.get(measure_type.lower(), "score")


def decimals_of(number_format: str) -> int:
    """`0.0%` is 1 place, `#0.00 "Days"` 2, `'£ ' #,###` none."""
    match = DECIMALS.search(number_format)
    return len(match[1]) if match else 0


def indicator(row: Row) -> Indicator:
    fraction = "%" in text_of(row["numberformat"]) and "% point" not in text_of(row["title"]).lower()
    aggregate = "aggregate" in text_of(row["reportingperiod"]).lower()
    return Indicator(text_of(row["code"]), Decimal(100) if fraction else Decimal(1), aggregate)


# -- the values file: our history ----------------------------------------------------------------


def read_values(
    file_name: str, content: bytes, indicators: dict[str, Indicator], council: str, *, max_bytes: int | None = None
) -> Values:
    """One council's values in our history's shape; every other row counted or set aside with its reason."""
    rows = values_rows(file_name, content, max_bytes)
    check_council(rows, council)
    values = Values(total=len(rows))
    for index, row in enumerate(rows):
        place(values, index + FIRST_ROW, row, indicators, council.strip().lower())
    set_aside_crowded_aggregates(values)
    return values


def values_rows(file_name: str, content: bytes, max_bytes: int | None) -> list[Row]:
    check_size(content, max_bytes)
    if file_kind(file_name) != "csv":
        raise ImportProblem("The LGBF values file is a CSV file (lgbf_values.csv).")
    table = read_csv(content)
    if table and table[0] and table[0][0] is None:
        table[0][0] = SOURCE_ROW
    return rows_under_headings(table, VALUE_COLUMNS, {})


def check_council(rows: list[Row], council: str) -> None:
    councils = {text_of(row["localauthority"]) for row in rows} - {""}
    if council.strip().lower() not in {name.lower() for name in councils}:
        raise ImportProblem(f"The file has no council called “{council}”; it has {', '.join(sorted(councils))}.")


def place(values: Values, number: int, row: Row, indicators: dict[str, Indicator], council: str) -> None:
    """Place the row on its year, count it as another council's, or set it aside with the reason."""
    code, where, year = (text_of(row[name]) for name in ("code", "localauthority", "year"))
    if not (code or where or year):
        values.set_aside(number, "", "empty row", "the row is empty: no council, indicator or year")
    elif where.lower() != council:
        values.other_councils += 1
    elif reason := missing(code, year, row["la_indicatorreal"]):
        values.set_aside(number, *reason)
    else:
        place_value(values, number, row, indicators.get(code, Indicator(code, Decimal(1), aggregate=False)))


def place_value(values: Values, number: int, row: Row, known: Indicator) -> None:
    year = text_of(row["year"])
    financial_year, note = year_placed(year, known)
    if financial_year is None:
        values.set_aside(number, "Year", "several years, not an aggregate indicator", note)
        return
    value = scaled(row["la_indicatorreal"], known)
    values.rows.append({"code": known.code, "year": financial_year, "value": value, "note": note or None})
    values.numbers.append(number)
    values.published.append(year)


def missing(code: str, year: str, value: object) -> tuple[str, str] | None:
    """(column, reason) when the row lacks what placing it needs."""
    if not code:
        return "Code", "no indicator code"
    if not year:
        return "Year", "no year"
    if not text_of(value):
        return "LA_IndicatorReal", "no value for the council"
    return None


def year_placed(year: str, known: Indicator) -> tuple[str | None, str]:
    """(financial year, note): `2016-17` is 2016/17; an aggregate `2012-15` is 2014/15, noted as the aggregate."""
    match = YEARS.fullmatch(year)
    if not match:
        return year, ""  # our history's check names what is wrong with it
    start = int(match[1])
    end = start // 100 * 100 + int(match[2])
    end += 100 if end <= start else 0
    if end == start + 1:
        return f"{start}/{match[2]}", ""
    if not known.aggregate:
        return None, f"“{year}” spans several years and {known.code} is not published as aggregates"
    return f"{end - 1}/{end % 100:02d}", f"{year} aggregate"


def scaled(value: object, known: Indicator) -> object:
    number = typed_number(text_of(value))
    return value if number is None else number * known.scale  # not a number: our check says so


def set_aside_crowded_aggregates(values: Values) -> None:
    """An aggregate goes on its last year only if nothing else is there: a single year's figure wins."""
    singles = {(row["code"], row["year"]) for row in values.rows if not row["note"]}
    taken: set[tuple[str, str]] = set()
    kept = []
    for row, number, published in zip(values.rows, values.numbers, values.published, strict=True):
        place_of = (row["code"], row["year"])
        if row["note"] and (place_of in singles or place_of in taken):
            reason = f"the aggregate “{published}” would go on {row['year']}, which already has a figure"
            values.set_aside(number, "Year", "aggregate where a figure already is", reason)
            continue
        taken.add(place_of)
        kept.append((row, number))
    values.rows, values.numbers = [row for row, _ in kept], [number for _, number in kept]
