"""A measure's recorded figures turned into what the projection works on: each period's own value, year by year.

Councils record a year-to-date measure as a running total (Q2's figure is April to September); the projection
wants each quarter's own value, so a running total is differenced. Which projection a measure gets follows from
its unit and how its values accumulate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

Held = Mapping[int, Decimal | float | None]  # period number (1 = the first of the year) → the recorded figure
PER = {"percent": 100, "rate_per_1000": 1_000, "rate_per_10000": 10_000, "rate_per_100000": 100_000}


class Kind(StrEnum):
    TOTAL = "total"  # a count that adds up over the year
    FRACTION = "fraction"  # a percentage or rate, from its numerator and denominator
    SNAPSHOT = "snapshot"  # the year end is the last period's value


def kind_of(unit: str, *, year_to_date: bool, snapshot: bool, fractions_held: bool) -> Kind:
    """A running total of a count or amount adds up; a percentage or rate adds up only through its numerator and
    denominator (never by averaging its percentages); everything else, as a snapshot, is its last value."""
    if unit in PER:
        return Kind.FRACTION if fractions_held and not snapshot else Kind.SNAPSHOT
    return Kind.TOTAL if year_to_date else Kind.SNAPSHOT


def own_values(held: Held, periods: int, *, year_to_date: bool) -> list[float] | None:
    """The periods held from the first, in order, as each period's own value; None if the first is missing.

    A running total gives its differences; the first gap ends the run (Q1 and Q3 held: Q1 only)."""
    run = []
    for number in range(1, periods + 1):
        value = held.get(number)
        if value is None:
            break
        run.append(float(value))
    if not run:
        return None
    if not year_to_date:
        return run
    return [run[0], *(later - earlier for earlier, later in pairwise(run))]


def whole_years(years: Sequence[Held], periods: int, *, year_to_date: bool) -> list[list[float]]:
    """The earlier years with every period held, oldest first, as each period's own value."""
    found = (own_values(year, periods, year_to_date=year_to_date) for year in years)
    return [values for values in found if values is not None and len(values) == periods]
