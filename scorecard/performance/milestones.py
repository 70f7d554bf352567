"""Progress of Council Plan actions and milestone-type measures (004 §4.3)."""

from __future__ import annotations

from enum import StrEnum

from scorecard.performance.status import Status


class Progress(StrEnum):
    COMPLETED = "completed"
    ON_TRACK = "on_track"
    SOME_SLIPPAGE = "some_slippage"
    MAJOR_SLIPPAGE = "major_slippage"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str) -> Progress:
        """Read progress as printed: "On Track", "Some slippage", "major_slippage"."""
        word = "_".join((text or "").lower().split())
        try:
            return cls(word)
        except ValueError:
            words = ", ".join(p.label for p in cls)
            raise ValueError(f'"{text}" is not a progress status: use one of {words}') from None


def milestone_status(progress: Progress, *, completed: Status = Status.GREEN) -> Status:
    """Completed is Blue or Green by the year's setting (2012/13 showed Blue, 2016/17 Green)."""
    if completed not in (Status.BLUE, Status.GREEN):
        raise ValueError("Completed is shown as Blue or Green")
    return {
        Progress.COMPLETED: completed,
        Progress.ON_TRACK: Status.GREEN,
        Progress.SOME_SLIPPAGE: Status.AMBER,
        Progress.MAJOR_SLIPPAGE: Status.RED,
    }[progress]
