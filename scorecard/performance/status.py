"""The traffic-light status of a measure or action: each status defined once, and the council's rule.

004 §4.3: Blue is above 2% of target / Completed; Green meets target / On track; Amber within 5% of
target / Some slippage; Red more than 5% adverse of target / Major slippage.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from scorecard.performance.numbers import Number, exact


class Polarity(StrEnum):
    """Which way is good ("Good is" in 004). NONE is a context-only measure with nothing to rate."""

    HIGH = "high"
    LOW = "low"
    NONE = "none"

    @property
    def label(self) -> str:
        return {"high": "High", "low": "Low", "none": "N/A"}[self.value]

    @classmethod
    def parse(cls, text: str | None) -> Polarity:
        word = (text or "").strip().lower()
        if word in ("", "n/a", "none", "null"):
            return cls.NONE
        try:
            return cls(word)
        except ValueError:
            raise ValueError(f'"{text}" is not a "good is": use High, Low or N/A') from None


@dataclass(frozen=True)
class StatusStyle:
    label: str
    colour: str  # a GOV.UK Frontend tag colour, for pages
    fill: str  # background for PDF, Word and Excel cells
    text: str  # text colour on that fill, contrast at least 4.5:1
    order: int  # worst first when sorting a report by status


class Status(StrEnum):
    BLUE = "blue"
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NO_TARGET = "no_target"  # a measure that should have a target, but has none
    FOR_INFORMATION = "for_information"  # a context measure, shown without a target on purpose
    ANNUAL = "annual"
    BIENNIAL_SURVEY = "biennial_survey"
    AWAITING_DATA = "awaiting_data"
    NOT_APPLICABLE = "not_applicable"

    @property
    def style(self) -> StatusStyle:
        return _STYLES[self]

    @property
    def label(self) -> str:
        return self.style.label

    @property
    def is_rating(self) -> bool:
        """A traffic light, as opposed to a non-rating such as No target or Annual."""
        return self in RATINGS

    @property
    def met_target(self) -> bool:
        return self in (Status.BLUE, Status.GREEN)

    @classmethod
    def parse(cls, text: str) -> Status:
        """Read a status word as a council prints it ("Blue", "No Target", "N/A")."""
        word = " ".join((text or "").split()).lower()
        for status, style in _STYLES.items():
            if word in (style.label.lower(), status.value):
                return status
        raise ValueError(f'"{text}" is not a status: use one of {", ".join(s.label for s in Status)}')


_STYLES = {
    Status.BLUE: StatusStyle("Blue", "blue", "#1d70b8", "#ffffff", 4),
    Status.GREEN: StatusStyle("Green", "green", "#00703c", "#ffffff", 3),
    Status.AMBER: StatusStyle("Amber", "orange", "#ffdd00", "#0b0c0c", 2),
    Status.RED: StatusStyle("Red", "red", "#d4351c", "#ffffff", 1),
    Status.NO_TARGET: StatusStyle("No target", "grey", "#f3f2f1", "#0b0c0c", 5),
    Status.ANNUAL: StatusStyle("Annual", "grey", "#f3f2f1", "#0b0c0c", 6),
    Status.BIENNIAL_SURVEY: StatusStyle("Biennial survey", "grey", "#f3f2f1", "#0b0c0c", 7),
    Status.AWAITING_DATA: StatusStyle("Awaiting data", "grey", "#f3f2f1", "#0b0c0c", 8),
    Status.NOT_APPLICABLE: StatusStyle("N/A", "grey", "#f3f2f1", "#0b0c0c", 9),
    Status.FOR_INFORMATION: StatusStyle("For information", "grey", "#f3f2f1", "#0b0c0c", 10),
}

RATINGS = (Status.BLUE, Status.GREEN, Status.AMBER, Status.RED)


@dataclass(frozen=True)
class Tolerances:
    """How far from target each band reaches. Derby's are the defaults (004 §4.3).

    Relative margins are fractions of the target (0.05 is 5%); absolute margins are in the
    measure's own unit (percentage points for a percentage). No blue margin means no Blue band.
    """

    blue_margin: Decimal | None = Decimal("0.02")
    amber_margin: Decimal = Decimal("0.05")
    absolute: bool = False


DERBY_TOLERANCES = Tolerances()


def rag_status(
    actual: Number,
    target: Number,
    polarity: Polarity,
    *,
    blue_margin: Number | None = Decimal("0.02"),
    amber_margin: Number = Decimal("0.05"),
    absolute: bool = False,
) -> Status:
    """Blue, Green, Amber or Red for a number against its target, compared as recorded, not as shown.

    A zero target has no relative size, so with relative margins it compares absolutely:
    equal is Green, better is Blue, worse is Red.
    """
    if polarity is Polarity.NONE:
        return Status.NOT_APPLICABLE
    actual, target = exact(actual), exact(target)
    better = actual - target if polarity is Polarity.HIGH else target - actual
    if target == 0 and not absolute:
        return _band_without_scale(better, has_blue=blue_margin is not None)
    scale = Decimal(1) if absolute else abs(target)
    if blue_margin is not None and better > exact(blue_margin) * scale:
        return Status.BLUE
    if better >= 0:
        return Status.GREEN
    if better >= -exact(amber_margin) * scale:
        return Status.AMBER
    return Status.RED


def _band_without_scale(better: Decimal, *, has_blue: bool) -> Status:
    if better > 0:
        return Status.BLUE if has_blue else Status.GREEN
    return Status.GREEN if better == 0 else Status.RED


def rate(actual: Number, target: Number, polarity: Polarity, tolerances: Tolerances) -> Status:
    """rag_status with a measure's (or the organisation's) tolerances."""
    return rag_status(
        actual,
        target,
        polarity,
        blue_margin=tolerances.blue_margin,
        amber_margin=tolerances.amber_margin,
        absolute=tolerances.absolute,
    )
