"""What one cell of an import holds: text, a figure or a progress word, each refused with its own words.

A cell is text, a Decimal (an Excel number cell) or None (see reading.py). Figures are typed the way people
type them in the web form: "44,745", "93.5%" and "£1,200" are numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from scorecard.measures.fields import plain
from scorecard.measures.models import Measure
from scorecard.performance.milestones import Progress
from scorecard.performance.periods import Month, Quarter, parse_period
from scorecard.reports.render.delimited import not_a_formula
from scorecard.returns.validation import figure_problem

# A date cell (reading.py gives its ISO text): Excel turns a typed "April 2017" into 1 April 2017.
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-\d{2}(T[\d:.]*)?$")
LARGEST = Decimal(10) ** 12  # a FigureField holds 12 digits before the point
SHOWN_LENGTH = 40


class CellProblem(ValueError):
    """What is wrong with a cell, in words for the person who filled it in."""


def text_of(value: object) -> str:
    """The cell as text, surrounding spaces removed; a number as recorded (93.5, never 93.500)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain(value)
    return str(value).strip()


def shown(value: object) -> str:
    """The cell quoted in a message, cut short if it is long."""
    text = text_of(value)
    return f"“{text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 1] + '…'}”"


def period_of(value: object) -> Quarter | Month:
    """The quarter or month a cell names ("2017/18 Q2", "April 2017", "2017/18 M1"), or the month of a date
    cell; PeriodError says why it names none."""
    text = text_of(value)
    if match := ISO_DATE.match(text):
        return Month.of_calendar(int(match[1]), int(match[2]))
    return parse_period(text)


def is_empty(value: object) -> bool:
    return text_of(value) == ""


def looks_like_a_formula(value: object) -> bool:
    """Text a spreadsheet would calculate (=, +, -, @ first), as exports neutralise it; -0.2 is a number."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if text[:1] in "+-" and text[1:2].isspace():
        return False  # "- Firmstep goes live in Q3": a bullet point in commentary, and exports neutralise it anyway
    return not_a_formula(text) != text and typed_number(text) is None


def formula_problem(value: object) -> str:
    first = text_of(value)[:1]
    return (
        f"{shown(value)} starts with “{first}”, so a spreadsheet reads it as a formula: "
        "enter the value itself, not a formula (for text, start with something else)"
    )


def typed_number(text: str) -> Decimal | None:
    """A number as people type it, or None if the text is not one."""
    cleaned = text.replace(",", "").strip().removeprefix("£").removesuffix("%").strip()
    if cleaned.startswith(("-£", "+£")):  # "-£1,200"
        cleaned = cleaned[0] + cleaned[2:]
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def figure(value: object, measure: Measure) -> Decimal | None:
    """A number for the measure, checked by the measure's own rules (validation.figure_problem)."""
    if is_empty(value):
        return None
    number = value if isinstance(value, Decimal) else typed_number(text_of(value))
    if number is None:
        raise CellProblem(f"{shown(value)} is not a number: enter a number like 44745 or 93.5")
    problem = figure_problem(measure, number)
    if problem:
        raise CellProblem(f"{problem}; the file has {shown(value)}")
    if number.copy_abs() >= LARGEST:  # not abs() nor the number printed: "1e999999999" overflows both
        raise CellProblem(f"{shown(value)} is too large to record: at most 12 digits before the decimal point")
    return number


def progress(value: object) -> Progress | None:
    """A progress word for a Council Plan action or milestone measure: On track, Completed, …"""
    if is_empty(value):
        return None
    try:
        return Progress.parse(text_of(value))
    except ValueError:
        *others, last = (word.label for word in Progress)
        raise CellProblem(
            f"{shown(value)} is not a progress word: this is a milestone, so use {', '.join(others)} or {last}"
        ) from None


def words(value: object, *, longest: int | None = None) -> str:
    """Text, such as a note or a commentary."""
    text = text_of(value)
    if longest is not None and len(text) > longest:
        raise CellProblem(f"This is {len(text):,} characters long: the most is {longest:,}")
    return text
