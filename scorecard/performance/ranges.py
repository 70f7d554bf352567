"""The figures a measure may record: its unit's natural range, or the measure's own lowest and highest.

A percentage is 0 to 100 and a count, a rate or a number of days cannot be below zero; pounds and scores
have no natural limit (an overspend, a Progress 8 score of -0.2). A measure replaces either limit with its
own: a "% reduction" may run from -100 to 100, "days ahead (+) / behind (-)" below zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scorecard.performance.numbers import Number, exact

ZERO, HUNDRED = Decimal(0), Decimal(100)
NATURAL = {
    "percent": (ZERO, HUNDRED),
    "count": (ZERO, None),
    "rate_per_1000": (ZERO, None),
    "rate_per_10000": (ZERO, None),
    "rate_per_100000": (ZERO, None),
    "days": (ZERO, None),
}
# What a figure of each unit is called at the start of a sentence.
NOUNS = {
    "percent": "A percentage",
    "count": "A count",
    "rate_per_1000": "A rate",
    "rate_per_10000": "A rate",
    "rate_per_100000": "A rate",
    "days": "Days",
    "pounds": "An amount in pounds",
    "score": "A score",
}


@dataclass(frozen=True)
class FigureRange:
    """The lowest and highest figure allowed, each None where there is no limit."""

    lowest: Decimal | None = None
    highest: Decimal | None = None

    def holds(self, value: Number) -> bool:
        value = value if isinstance(value, Decimal) else exact(value)  # any Decimal compares, however large
        return (self.lowest is None or value >= self.lowest) and (self.highest is None or value <= self.highest)

    @property
    def words(self) -> str:
        """The range as a hint says it: "0 to 100", "0 or more", "up to 365", "any number"."""
        if self.lowest is not None and self.highest is not None:
            return f"{number_words(self.lowest)} to {number_words(self.highest)}"
        if self.lowest is not None:
            return f"{number_words(self.lowest)} or more"
        if self.highest is not None:
            return f"up to {number_words(self.highest)}"
        return "any number"


def natural_range(unit: str) -> FigureRange:
    return FigureRange(*NATURAL.get(unit, (None, None)))


def figure_range(unit: str, *, minimum: Number | None = None, maximum: Number | None = None) -> FigureRange:
    """The unit's natural range with either end replaced by the measure's own, where it sets one."""
    natural = natural_range(unit)
    return FigureRange(
        natural.lowest if minimum is None else exact(minimum),
        natural.highest if maximum is None else exact(maximum),
    )


def range_problem(
    value: Number, unit: str, *, minimum: Number | None = None, maximum: Number | None = None
) -> str | None:
    """Why the value is outside the range, naming it ("must be between -100 and 100"); None if inside."""
    allowed = figure_range(unit, minimum=minimum, maximum=maximum)
    if allowed.holds(value):
        return None
    noun = NOUNS.get(unit, "A figure")
    if allowed.lowest is not None and allowed.highest is not None:
        return f"{noun} must be between {number_words(allowed.lowest)} and {number_words(allowed.highest)}"
    if allowed.lowest is not None:
        lowest = "zero" if allowed.lowest == 0 else number_words(allowed.lowest)
        return f"{noun} cannot be below {lowest}"
    return f"{noun} cannot be above {number_words(allowed.highest)}"


def number_words(value: Decimal) -> str:
    """A limit as a sentence prints it: a minus sign rather than a hyphen, no trailing zeros."""
    text = f"{value.normalize():,f}"
    return text.replace("-", "−")


FRACTION_UNITS = ("percent", "rate_per_1000", "rate_per_10000", "rate_per_100000")


def fraction_problem(unit: str, numerator: Number | None, denominator: Number | None) -> tuple[str, str] | None:
    """Why a percentage's or rate's numerator and denominator cannot be recorded together: (field, words); None if
    they can. Both are optional, but one without the other projects nothing."""
    if numerator is None and denominator is None:
        return None
    if numerator is None or denominator is None:
        missing = "numerator" if numerator is None else "denominator"
        return missing, f"Enter the {missing} too, or neither: one without the other cannot be used"
    if exact(denominator) < 0:
        return "denominator", "The denominator cannot be negative"
    if exact(numerator) < 0:
        return "numerator", "The numerator cannot be negative"
    if unit == "percent" and exact(numerator) > exact(denominator):
        return "numerator", f"The numerator ({numerator}) cannot be larger than the denominator ({denominator})"
    return None
