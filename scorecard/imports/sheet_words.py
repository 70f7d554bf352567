"""What each cell of the year's scorecard sheet says: the words a council writes, read into Scorecard's values.

Each reader takes a cell that is not blank (a blank cell keeps what is held, see scorecard_sheet.py) and
returns the value, or raises CellProblem in words for the person who filled the sheet in.
"""

from __future__ import annotations

import re
from decimal import Decimal

from scorecard.imports import catalogue
from scorecard.imports.cells import CellProblem, figure, progress, shown, text_of, typed_number, words
from scorecard.imports.reading import heading_key
from scorecard.measures.models import Measure, Unit
from scorecard.performance.direction import Comparison

KIND_WORDS = {
    "measure": Measure.Kind.MEASURE,
    "kpi": Measure.Kind.MEASURE,
    "action": Measure.Kind.ACTION,
    "council_plan_action": Measure.Kind.ACTION,
    "milestone_action": Measure.Kind.ACTION,
}
UNIT_WORDS = {
    **catalogue.UNIT_WORDS,
    "number": Unit.COUNT,
    "no": Unit.COUNT,
    "percentage": Unit.PERCENT,
    "per_cent": Unit.PERCENT,
    "pct": Unit.PERCENT,
    "gbp": Unit.POUNDS,
    "money": Unit.POUNDS,
    "day": Unit.DAYS,
    "milestone": Unit.MILESTONE,
    "milestones": Unit.MILESTONE,
    "progress": Unit.MILESTONE,
}
RATE = re.compile(r"(?:rate_)?per_(1|1_?000|10_?000|100_?000)(?:_population)?")
RATES = {"1000": Unit.RATE_PER_1000, "10000": Unit.RATE_PER_10000, "100000": Unit.RATE_PER_100000}
COMPARISON_WORDS = {heading_key(word.value): word for word in Comparison} | {
    "last_year": Comparison.SAME_PERIOD_LAST_YEAR,
    "same_quarter_last_year": Comparison.SAME_PERIOD_LAST_YEAR,
    "previous_quarter": Comparison.PREVIOUS_PERIOD,
    "last_period": Comparison.PREVIOUS_PERIOD,
    "last_quarter": Comparison.PREVIOUS_PERIOD,
}
MONTH_TARGETS_EXPLAINED = "m1_target … m12_target"  # one line on the page for the twelve months' columns
MEANINGS = {  # shown on the page; docs/moving-in.md says the same at more length
    "code": "Required. The measure's reference code, e.g. HSG 04. A row finds its measure by code, or by an alias.",
    "title": "Required. What the measure counts, as the reports print it.",
    "kind": "measure (a figure each period; the default) or action (a Council Plan action: progress words).",
    "directorate": "The directorate (or service unit) whose officers record it and whose approver signs it off.",
    "owner": "Who records it: a username, or an email address (someone new is invited).",
    "approver": "Who signs off the directorate's returns: a username or an email address.",
    "good_is": "High, Low or None (context only, never rated). Default High.",
    "unit": "count, %, £, days, score, milestone, or rate per 1,000, 10,000 or 100,000. Default count.",
    "unit_label": "How the unit is printed, if not its own name, e.g. per 1,000 households.",
    "decimals": "Decimal places recorded, 0 to 6. Default 0.",
    "minimum": "The lowest figure that may be recorded, if not the unit's own floor.",
    "maximum": "The highest figure that may be recorded, if not the unit's own ceiling.",
    "frequency": "monthly, quarterly, annual or biennial. Default quarterly.",
    "accumulation": "year to date, snapshot, discrete period or rolling 12 months. Default year to date.",
    "compare_with": "Direction of travel compares with: same period last year (default) or previous period.",
    "q1_target": "The quarter's target; blank sets none. Actions: a progress word such as On track.",
    "q2_target": "As q1_target.",
    "q3_target": "As q1_target.",
    "q4_target": "As q1_target.",
    MONTH_TARGETS_EXPLAINED: "In a year collected monthly, in place of q1_target to q4_target: each month's target, "
    "m1 April to m12 March.",
    "year_end_target": "The year-end target; blank sets none.",
    "pledge": "The Council Plan pledge the priority comes under.",
    "priority": "The Council Plan priority the measure serves.",
    "perspective": "The balanced-scorecard perspective, if the council uses them.",
    "portfolios": "Cabinet portfolios, separated by semicolons.",
    "aliases": "Former codes and national indicator numbers, separated by semicolons.",
}
LIST_SEPARATOR = ";"
UNIT_LABEL_LENGTH = Measure._meta.get_field("unit_label").max_length


def kind(value: object) -> str:
    found = KIND_WORDS.get(heading_key(text_of(value)))
    if found is None:
        raise CellProblem(f"{shown(value)} is not a kind: use measure or action")
    return found.value


def good_is(value: object) -> str:
    return catalogue.good_is(value)


def unit(value: object) -> str:
    text = text_of(value)
    found = catalogue.SYMBOLS.get(text) or UNIT_WORDS.get(heading_key(text))
    rate = RATE.fullmatch(heading_key(text))
    if found is None and rate:
        found = RATES.get(rate[1].replace("_", ""))
    if found is None:
        raise CellProblem(
            f"{shown(value)} is not a unit: use count, %, £, days, score, milestone, "
            "or rate per 1,000, 10,000 or 100,000"
        )
    return found.value


def unit_label(value: object) -> str:
    return words(value, longest=UNIT_LABEL_LENGTH)


def decimals(value: object) -> int:
    return catalogue.decimals(value)


def bound(value: object) -> Decimal:
    """The lowest or highest figure a measure may record."""
    number = value if isinstance(value, Decimal) else typed_number(text_of(value))
    if number is None:
        raise CellProblem(f"{shown(value)} is not a number: enter a number like 0 or 100")
    return number


def frequency(value: object) -> str:
    return catalogue.frequency(value)


def accumulation(value: object) -> str:
    return catalogue.accumulation(value)


def compare_with(value: object) -> str:
    found = COMPARISON_WORDS.get(heading_key(text_of(value)))
    if found is None:
        raise CellProblem(f"{shown(value)} is not a comparison: use same period last year or previous period")
    return found.value


def names(value: object) -> list[str]:
    """Names separated by semicolons ("Leader; Finance"), each once, in the order given."""
    found: dict[str, str] = {}
    for name in text_of(value).split(LIST_SEPARATOR):
        name = " ".join(name.split())
        if name:
            found.setdefault(name.casefold(), name)
    return list(found.values())


def name(value: object) -> str:
    """A directorate, pledge, priority or perspective, its spaces tidied."""
    text = " ".join(text_of(value).split())
    return words(text, longest=200)


def target(value: object, measure: Measure) -> tuple[Decimal | None, str]:
    """A target for the measure as it would be: a figure in its range, or a progress word for a milestone."""
    if measure.is_milestone:
        if isinstance(value, Decimal) or typed_number(text_of(value)) is not None:
            what = "a Council Plan action" if measure.is_action else "a milestone measure"
            raise CellProblem(
                f"{shown(value)} is a number, but this is {what}: its targets are progress words "
                "(On track, Completed, …), or blank"
            )
        return None, progress(value).value
    return figure(value, measure), ""
