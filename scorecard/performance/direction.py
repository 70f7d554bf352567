"""Direction of travel: is the measure better or worse than when we last compared?"""

from __future__ import annotations

from enum import StrEnum

from scorecard.performance.numbers import Number, round_half_up
from scorecard.performance.status import Polarity


class Direction(StrEnum):
    IMPROVING = "improving"
    DETERIORATING = "deteriorating"
    SAME = "same"
    PLANNED = "planned"
    MILESTONE = "milestone"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return "N/A" if self is Direction.NOT_APPLICABLE else self.value.capitalize()

    def shown_as(self, same_label: str = "Same") -> str:
        """The word a report prints; a year can show Same as "Stabilised" (002)."""
        return same_label if self is Direction.SAME else self.label

    @classmethod
    def parse(cls, text: str) -> Direction:
        word = " ".join((text or "").split()).lower()
        if word == "stabilised":
            return cls.SAME
        for direction in cls:
            if word in (direction.value, direction.label.lower()):
                return direction
        words = ", ".join(d.label for d in cls)
        raise ValueError(f'"{text}" is not a direction of travel: use one of {words} or Stabilised')


class Comparison(StrEnum):
    """What a measure's value is compared with."""

    SAME_PERIOD_LAST_YEAR = "same_period_last_year"
    PREVIOUS_PERIOD = "previous_period"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


def comparison_for(comparison: Comparison, *, year_to_date: bool, first_of_year: bool) -> Comparison:
    """What a measure is really compared with this period. A year-to-date figure restarts each April, so its
    first period (quarter 1, or April) is never set against the previous one (last year's full-year total): it
    is compared with the same point of the previous year instead."""
    if comparison is Comparison.PREVIOUS_PERIOD and year_to_date and first_of_year:
        return Comparison.SAME_PERIOD_LAST_YEAR
    return comparison


def direction_of_travel(
    current: Number | None,
    comparison: Number | None,
    polarity: Polarity,
    *,
    decimals: int,
    by_hand: Direction | None = None,
) -> Direction:
    """Better, worse or the same as the comparison value, by the measure's polarity.

    Values that print the same at the measure's precision are the Same: 92.4% and 92.0% both
    show as 92% for a measure shown without decimals.
    """
    if by_hand is not None:
        return by_hand
    if current is None or comparison is None or polarity is Polarity.NONE:
        return Direction.NOT_APPLICABLE
    shown_now, shown_then = round_half_up(current, decimals), round_half_up(comparison, decimals)
    if shown_now == shown_then:
        return Direction.SAME
    higher = shown_now > shown_then
    return Direction.IMPROVING if higher == (polarity is Polarity.HIGH) else Direction.DETERIORATING
