"""What each band means, in words, from the council's own margins: one place for every key, legend and filter.

004's key: "Amber: performance within 5% of target / Some slippage". 001's summary: "Amber: missed target by
up to 5%". A council with no Blue band has no Blue in either, and one whose Amber reaches 10% says 10%.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scorecard.performance.numbers import Number, exact
from scorecard.performance.status import Status, Tolerances


@dataclass(frozen=True)
class Band:
    status: Status
    meaning: str  # the traffic-light key's words (004)
    result: str  # the annual results' words (001): how a year's measures did against target

    @property
    def key_line(self) -> str:
        return f"{self.status.label} – {self.meaning}"


def bands(tolerances: Tolerances, *, completed: Status = Status.GREEN) -> list[Band]:
    """The bands in use, best first. Blue is there when the council has a Blue band, or Completed shows Blue."""
    amber = margin_words(tolerances.amber_margin, absolute=tolerances.absolute)
    done = " / Completed"
    found = [
        Band(
            Status.GREEN,
            "performance meets target / On track" + (done if completed is Status.GREEN else ""),
            "met target" if tolerances.blue_margin is not None else "met or exceeded target",
        ),
        Band(Status.AMBER, f"performance within {amber} of target / Some slippage", f"missed target by up to {amber}"),
        Band(
            Status.RED,
            f"performance more than {amber} adverse of target / Major slippage",
            f"missed target by more than {amber}",
        ),
    ]
    if tolerances.blue_margin is not None:
        blue = margin_words(tolerances.blue_margin, absolute=tolerances.absolute)
        meaning = f"performance above {blue} of target" + (done if completed is Status.BLUE else "")
        found.insert(0, Band(Status.BLUE, meaning, f"exceeded target by more than {blue}"))
    elif completed is Status.BLUE:
        found.insert(0, Band(Status.BLUE, "Completed", "completed"))
    return found


def met_words(found: list[Band]) -> str:
    """The annual results' first line: "Green / blue", met or exceeded target; "Green" alone with no Blue."""
    has_blue = any(band.status is Status.BLUE for band in found)
    return f"{'Green / blue' if has_blue else 'Green'} – met or exceeded target"


def statuses_to_choose(*, has_blue: bool) -> list[Status]:
    """Every status a reader may filter by: all of them, but Blue only where the council has Blue."""
    return [status for status in Status if has_blue or status is not Status.BLUE]


def margin_words(margin: Number, *, absolute: bool = False) -> str:
    """0.05 as "5%"; an absolute margin in the measure's own unit as "5 points"."""
    if absolute:
        return f"{plain(exact(margin))} points"
    return f"{plain(exact(margin) * 100)}%"


def plain(value: Decimal) -> str:
    return f"{value.normalize():f}"
