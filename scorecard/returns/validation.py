"""What makes a figure acceptable for its measure: checked by forms, imports and the API alike."""

from __future__ import annotations

from decimal import Decimal

from scorecard.measures.models import Measure, Unit

RATES = (Unit.RATE_PER_1000, Unit.RATE_PER_10000, Unit.RATE_PER_100000)


def figure_problem(measure: Measure, value: Decimal | None) -> str | None:
    """Why this value cannot be recorded for the measure, in words for the person entering it; None if fine."""
    if value is None:
        return None
    if not value.is_finite():
        return "Enter a number"
    if measure.unit == Unit.PERCENT and not Decimal(0) <= value <= Decimal(100):
        return "A percentage must be between 0 and 100"
    if measure.unit in (*RATES, Unit.COUNT, Unit.DAYS) and value < 0:
        return f"A {measure.get_unit_display().lower()} cannot be below zero"
    if decimal_places(value) > measure.decimals:
        allowed = {0: "whole numbers", 1: "up to 1 decimal place"}.get(
            measure.decimals, f"up to {measure.decimals} decimal places"
        )
        return f"This measure is recorded in {allowed}"
    return None


def decimal_places(value: Decimal) -> int:
    """Places after the point, trailing zeros aside (93.50 has 1), read from the digits themselves:
    normalize() would round 1E-999999999 to a whole 0 and overflow on 1E+999999999."""
    _, digits, exponent = value.as_tuple()
    significant = "".join(map(str, digits)).rstrip("0")
    if not significant:
        return 0
    return max(0, -(exponent + len(digits) - len(significant)))
