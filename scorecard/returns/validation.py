"""What makes a figure acceptable for its measure: checked by forms, imports and the API alike."""

from __future__ import annotations

from decimal import Decimal

from scorecard.measures.models import Measure
from scorecard.performance.ranges import FigureRange, figure_range, range_problem


def figure_problem(measure: Measure, value: Decimal | None) -> str | None:
    """Why this value cannot be recorded for the measure, in words for the person entering it; None if fine."""
    if value is None:
        return None
    if not value.is_finite():
        return "Enter a number"
    problem = out_of_range(measure, value)
    if problem:
        return problem
    if decimal_places(value) > measure.decimals:
        allowed = {0: "whole numbers", 1: "up to 1 decimal place"}.get(
            measure.decimals, f"up to {measure.decimals} decimal places"
        )
        return f"This measure is recorded in {allowed}"
    return None


def out_of_range(measure: Measure, value: Decimal) -> str | None:
    """Why the value is outside the measure's range (its unit's natural one, or its own); None if inside."""
    return range_problem(value, measure.unit, minimum=measure.minimum, maximum=measure.maximum)


def allowed_range(measure: Measure) -> FigureRange:
    return figure_range(measure.unit, minimum=measure.minimum, maximum=measure.maximum)


def decimal_places(value: Decimal) -> int:
    """Places after the point, trailing zeros aside (93.50 has 1), read from the digits themselves:
    normalize() would round 1E-999999999 to a whole 0 and overflow on 1E+999999999."""
    _, digits, exponent = value.as_tuple()
    significant = "".join(map(str, digits)).rstrip("0")
    if not significant:
        return 0
    return max(0, -(exponent + len(digits) - len(significant)))
