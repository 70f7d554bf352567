"""Publication: a report frozen as canonical JSON with its files' hashes, and what changed in it since.

Pure functions (no Django): the publications app freezes and checks versions with them, the pages list the
changes they find. DESIGN.md: a **version** is a frozen published report; a **restatement note** goes with a
corrected version.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class RestatementCategory(StrEnum):
    """Why a published figure was corrected, in the words statistical producers use for revisions."""

    LATE_DATA = "late_data"
    RECALCULATION = "recalculation"
    METHOD_CHANGE = "method_change"
    ERROR = "error"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS = {
    RestatementCategory.LATE_DATA: "Late data",
    RestatementCategory.RECALCULATION: "Recalculation",
    RestatementCategory.METHOD_CHANGE: "Method or definition change",
    RestatementCategory.ERROR: "Error",
}


def canonical_json(value: object) -> bytes:
    """One byte sequence for one value: keys sorted, no spaces, UTF-8, numbers only as ints (decimals are given as
    strings by the caller, so "470.0" never becomes "470" or 470.00000001); a float is refused."""
    return json.dumps(checked(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def checked(value: object) -> object:
    if isinstance(value, float):
        raise TypeError("a float has no stable written form: give the figure as a string")
    if isinstance(value, Mapping):
        return {str(key): checked(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [checked(item) for item in value]
    if value is None or isinstance(value, (str, int, bool)):
        return value
    raise TypeError(f"{type(value).__name__} is not plain data: turn it into text first")


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


# -- what changed since a version was published -------------------------------------------------------------

MATERIAL = ("status", "forecast_status", "direction")  # a change of any of these changes what a reader concludes


@dataclass(frozen=True)
class Change:
    what: str  # "Quarterly actual", "Current target status", …
    old: str
    new: str
    material: bool


@dataclass(frozen=True)
class MeasureChanges:
    reference: str
    changes: list[Change]

    @property
    def material(self) -> bool:
        return any(change.material for change in self.changes)

    @property
    def status_changed(self) -> bool:
        return any(change.material and change.what != DIRECTION for change in self.changes)

    @property
    def direction_changed(self) -> bool:
        return any(change.what == DIRECTION for change in self.changes)


DIRECTION = "Direction of travel"
LABELS = {"status": "Current target status", "forecast_status": "Forecast year-end status", "direction": DIRECTION}
NOT_SHOWN = "Not in the report"


def changes_since(published: Sequence[Mapping], current: Sequence[Mapping]) -> list[MeasureChanges]:
    """Each measure whose figures, statuses, direction or commentary differ between the published version and now,
    in the published order (measures new since, after). A measure is a mapping: "key", "reference", "figures"
    (label → text), "status", "forecast_status", "direction", "commentary" (label → text)."""
    now = {measure["key"]: measure for measure in current}
    then = {measure["key"]: measure for measure in published}
    found = [measure_changes(measure, now.get(measure["key"])) for measure in published]
    found += [measure_changes(None, measure) for measure in current if measure["key"] not in then]
    return [changes for changes in found if changes.changes]


def measure_changes(old: Mapping | None, new: Mapping | None) -> MeasureChanges:
    reference = (new or old)["reference"]
    if old is None or new is None:
        shown = "In the report"
        old_text, new_text = (NOT_SHOWN, shown) if old is None else (shown, NOT_SHOWN)
        return MeasureChanges(reference, [Change("Measure", old_text, new_text, material=True)])
    changes = [
        Change(label, old["figures"].get(label, ""), value, material=False)
        for label, value in new["figures"].items()
        if old["figures"].get(label, "") != value
    ]
    changes += [Change(LABELS[key], old[key], new[key], material=True) for key in MATERIAL if old[key] != new[key]]
    changes += [
        Change(label, "As published", "Rewritten", material=False)
        for label, words in new.get("commentary", {}).items()
        if old.get("commentary", {}).get(label, "") != words
    ]
    return MeasureChanges(reference, changes)
