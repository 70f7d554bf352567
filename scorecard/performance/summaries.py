"""The annual results' arithmetic (001's summary tables), exact to the published figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

from scorecard.performance.direction import Direction
from scorecard.performance.numbers import round_half_up
from scorecard.performance.status import RATINGS, Status

Key = TypeVar("Key", bound=Hashable)

# 001 "% improvement": Improving over every measure with a direction; N/A and Milestone left out.
COMPARED = (Direction.IMPROVING, Direction.SAME, Direction.PLANNED, Direction.DETERIORATING)


def percent(count: int, out_of: int) -> int | None:
    """A single percentage, rounded half up; None when there is nothing to count."""
    if out_of == 0:
        return None
    return int(round_half_up(Fraction(100 * count, out_of)))


def percent_met(statuses: Iterable[Status]) -> int | None:
    """% met or exceeded target / on track or completed: Blue or Green over all rated."""
    rated = [status for status in statuses if status.is_rating]
    return percent(sum(status.met_target for status in rated), len(rated))


def percent_improved(directions: Iterable[Direction]) -> int | None:
    compared = [direction for direction in directions if direction in COMPARED]
    return percent(sum(direction is Direction.IMPROVING for direction in compared), len(compared))


def largest_remainder(counts: Mapping[Key, int]) -> dict[Key, int]:
    """Whole percentages that add up to exactly 100 (or all zero when there is nothing to count).

    Each share is rounded down, then the points left over go to the largest remainders; equal
    remainders go in the order the counts were given.
    """
    total = sum(counts.values())
    if total == 0:
        return dict.fromkeys(counts, 0)
    shares = {key: Fraction(100 * count, total) for key, count in counts.items()}
    result = {key: int(share) for key, share in shares.items()}
    by_remainder = sorted(counts, key=lambda key: shares[key] - result[key], reverse=True)
    for key in by_remainder[: 100 - sum(result.values())]:
        result[key] += 1
    return result


@dataclass(frozen=True)
class TrafficLights:
    met: int  # Green / blue: met or exceeded target
    amber: int  # missed target by up to 5%
    red: int  # missed target by more than 5%


@dataclass(frozen=True)
class Directions:
    improved: int
    same_or_planned: int
    deteriorated: int


def traffic_light_distribution(statuses: Iterable[Status]) -> TrafficLights:
    rated = [status for status in statuses if status.is_rating]
    counts = {
        "met": sum(status.met_target for status in rated),
        "amber": sum(status is Status.AMBER for status in rated),
        "red": sum(status is Status.RED for status in rated),
    }
    return TrafficLights(**largest_remainder(counts))


def direction_distribution(directions: Iterable[Direction]) -> Directions:
    compared = [direction for direction in directions if direction in COMPARED]
    counts = {
        "improved": sum(direction is Direction.IMPROVING for direction in compared),
        "same_or_planned": sum(direction in (Direction.SAME, Direction.PLANNED) for direction in compared),
        "deteriorated": sum(direction is Direction.DETERIORATING for direction in compared),
    }
    return Directions(**largest_remainder(counts))


@dataclass(frozen=True)
class StatusCounts:
    """How many measures are in each band, and how many have no rating (No target, Annual, Awaiting data, N/A)."""

    blue: int
    green: int
    amber: int
    red: int
    not_rated: int

    @property
    def total(self) -> int:
        return self.blue + self.green + self.amber + self.red + self.not_rated

    def of(self, status: Status) -> int:
        return getattr(self, status.name.lower())


def status_counts(statuses: Iterable[Status]) -> StatusCounts:
    counted = Counter(statuses)
    not_rated = sum(count for status, count in counted.items() if not status.is_rating)
    return StatusCounts(*(counted[status] for status in RATINGS), not_rated=not_rated)
