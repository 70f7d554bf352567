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


def printing(measure) -> dict:
    """How a measure's figures are printed: the keywords figure() and its callers take."""
    return {"unit": measure.unit, "decimals": measure.decimals, "label": measure.unit_label}


def figure(
    value: Decimal | Progress | None, unit: str, decimals: int, *, words: str = "", note: str = "", label: str = ""
) -> Figure:
    """A number printed by the measure's unit (or its own unit label) and decimals, a progress word, or the
    words recorded instead."""
    if isinstance(value, Progress):
        return Figure(None, with_note(value.label, note), decimals, unit)
    if value is None:
        return Figure(None, with_note(words, note) if words else "", decimals, unit)
    return Figure(value, with_note(number_text(value, unit, decimals, label), note), decimals, unit)


def number_text(value: Decimal, unit: str, decimals: int, label: str = "") -> str:
    shown = f"{round_half_up(value, decimals):,.{decimals}f}"
    if label:
        return labelled(shown, label)
    if unit == "percent":
        return f"{shown}%"
    if unit in RATE_WORDS:
        return f"{shown} per {RATE_WORDS[unit]}"
    if unit == "days":
        return f"{shown} days"
    if unit == "pounds":
        return f"£{shown}"
    return shown


def labelled(shown: str, label: str) -> str:
    """A number with the measure's own unit label: "-12% reduction", "£4.20 per resident", "35 per 100,000
    collections"."""
    if label.startswith("%"):
        return f"{shown}{label}"
    if label.startswith("£"):
        return f"£{shown}{label[1:]}"
    return f"{shown} {label}"


def with_note(text: str, note: str) -> str:
    return f"{text} ({note})" if note and text else text
