"""What commentary a return carries and when it must be written before submitting: the organisation's rule.

Derby's reports carry three commentaries and need all three for a measure rated Red or Amber (004 §4.4); a
district council may keep one note per measure, or none.
"""

from __future__ import annotations

from enum import StrEnum

from scorecard.performance.status import Status

# The return's fields, in the order they are shown; one note is kept in the first.
THREE = ("context", "improvement_actions", "intervention")
ONE = ("context",)
_RED_OR_AMBER = (Status.RED, Status.AMBER)


class Commentary(StrEnum):
    """Which commentaries a return carries."""

    NONE = "none"
    ONE = "one"
    THREE = "three"

    @property
    def label(self) -> str:
        return {
            "none": "None: figures only",
            "one": "One note, “Commentary”",
            "three": "The three commentaries: context, improvement actions, intervention / review",
        }[self.value]

    @property
    def fields(self) -> tuple[str, ...]:
        return {"none": (), "one": ONE, "three": THREE}[self.value]


class CommentaryRequired(StrEnum):
    """Which returns must have their commentary written before they are submitted."""

    RED_OR_AMBER = "red_or_amber"
    ALL = "all"
    NEVER = "never"

    @property
    def label(self) -> str:
        return {
            "red_or_amber": "Returns rated Red or Amber (now or forecast)",
            "all": "Every return",
            "never": "None: commentary is optional",
        }[self.value]


def commentary_missing(
    commentary: Commentary,
    required: CommentaryRequired,
    written: dict[str, str],
    *,
    status: Status,
    forecast_status: Status,
) -> list[str]:
    """The commentary fields still to be written before the return may be submitted, in order."""
    if required is CommentaryRequired.NEVER:
        return []
    if required is CommentaryRequired.RED_OR_AMBER and not {status, forecast_status} & set(_RED_OR_AMBER):
        return []
    return [name for name in commentary.fields if not (written.get(name) or "").strip()]
