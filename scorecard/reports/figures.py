"""How a figure is printed in every report and format: one place, so the page, PDF, Word and Excel agree."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scorecard.performance.milestones import Progress
from scorecard.performance.numbers import round_half_up

RATE_WORDS = {"rate_per_1000": "1,000", "rate_per_10000": "10,000", "rate_per_100000": "100,000"}


@dataclass(frozen=True)
class Figure:
    """A figure as recorded (for spreadsheets) and as printed (for people)."""

    value: Decimal | None
    text: str
    decimals: int = 0
    unit: str = "count"

    @property
    def is_number(self) -> bool:
        return self.value is not None


NO_FIGURE = Figure(None, "")


def figure(value: Decimal | Progress | None, unit: str, decimals: int, *, words: str = "", note: str = "") -> Figure:
    """A number printed by the measure's unit and decimals, a progress word, or the words recorded instead."""
    if isinstance(value, Progress):
        return Figure(None, with_note(value.label, note), decimals, unit)
    if value is None:
        return Figure(None, with_note(words, note) if words else "", decimals, unit)
    return Figure(value, with_note(number_text(value, unit, decimals), note), decimals, unit)


def number_text(value: Decimal, unit: str, decimals: int) -> str:
    shown = f"{round_half_up(value, decimals):,.{decimals}f}"
    if unit == "percent":
        return f"{shown}%"
    if unit in RATE_WORDS:
        return f"{shown} per {RATE_WORDS[unit]}"
    if unit == "days":
        return f"{shown} days"
    if unit == "pounds":
        return f"£{shown}"
    return shown


def with_note(text: str, note: str) -> str:
    return f"{text} ({note})" if note and text else text
