"""Benchmarking: a council's place among its comparators, worked out once for pages, reports, API and open data.

Values come as a mapping of area code → value, where None is a missing or suppressed value: such an area is
left out of the ranking and of the group's figures, and "n ranked" says how many were counted.
- Rank 1 is the best, by the measure's polarity; ties share the best rank of their run ("competition" ranks:
  1, 2, 2, 4). A measure with no polarity (good is N/A, the LGBF's Goldilocks) is not ranked.
- Quartile 1 is the top quartile: quartile = ceiling(4 * rank / n ranked), so with 16 ranked, ranks 1 to 4 are
  the first quartile, 5 to 8 the second; with 30, ranks 1 to 7 (7.5 is a quarter) are the first. No quartile is given
  when fewer than 8 have data: a quarter of a handful says nothing.
- The median is the middle value (the mean of the middle two for an even count), and the distance from it is
  counted in median absolute deviations, (value - median) / median(|value - median|), unscaled and signed by
  the value, not by polarity: as Oflog's data explorer showed it (its MEDIAN and MADs_from_median columns).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from scorecard.performance.numbers import Number, exact
from scorecard.performance.status import Polarity

Values = Mapping[str, Number | None]  # area code → value; None is missing or suppressed
MINIMUM_FOR_QUARTILES = 8


@dataclass(frozen=True)
class Benchmark:
    """One council's place among its comparators for one measure and period."""

    area: str
    value: Decimal | None
    rank: int | None  # None: the council has no value, or the measure has no polarity
    ranked: int  # how many have a value (the council included when it has one)
    quartile: int | None
    median: Decimal | None
    mads_from_median: Decimal | None


def present(values: Values) -> dict[str, Decimal]:
    """The values that count: missing and suppressed ones left out."""
    return {area: exact(value) for area, value in values.items() if value is not None}


def ranks(values: Values, polarity: Polarity) -> dict[str, int]:
    """Each area's rank, 1 = best, ties sharing a rank (1, 2, 2, 4); empty when the measure has no polarity."""
    return ranks_of(present(values), polarity)


def ranks_of(counted: dict[str, Decimal], polarity: Polarity) -> dict[str, int]:
    """ranks() of values already present(): a report ranks a thousand measures, so each value is read once."""
    if polarity is Polarity.NONE:
        return {}
    ordered = sorted(counted.values(), reverse=polarity is Polarity.HIGH)
    first_place: dict[Decimal, int] = {}
    for place, value in enumerate(ordered, start=1):
        first_place.setdefault(value, place)
    return {area: first_place[value] for area, value in counted.items()}


def quartile(rank: int | None, ranked: int) -> int | None:
    """1 (top, best) to 4: ceiling(4 * rank / ranked); None when fewer than 8 are ranked."""
    if rank is None or ranked < MINIMUM_FOR_QUARTILES:
        return None
    return -(-4 * rank // ranked)


def median(values: Iterable[Number | None]) -> Decimal | None:
    counted = [exact(value) for value in values if value is not None]
    return statistics.median(counted) if counted else None


def quartiles(values: Iterable[Number | None]) -> tuple[Decimal, Decimal, Decimal] | None:
    """The lower quartile, median and upper quartile (inclusive method, as spreadsheets' QUARTILE); None below 2."""
    counted = [exact(value) for value in values if value is not None]
    if len(counted) < 2:
        return None
    lower, middle, upper = statistics.quantiles(counted, n=4, method="inclusive")
    return lower, middle, upper


def top_quartile_threshold(values: Values, polarity: Polarity) -> Decimal | None:
    """The value a council must reach to be among the best quarter: the upper quartile where high is good."""
    found = quartiles(values.values())
    if found is None or polarity is Polarity.NONE:
        return None
    return found[2] if polarity is Polarity.HIGH else found[0]


def mads_from_median(value: Number | None, values: Iterable[Number | None]) -> Decimal | None:
    """How many median absolute deviations the value is from the group's median (signed: above is positive).

    None without a value or a group; a group whose values mostly agree (deviation 0) only places its median."""
    return mads_of(None if value is None else exact(value), [exact(each) for each in values if each is not None])


def mads_of(value: Decimal | None, counted: list[Decimal]) -> Decimal | None:
    """mads_from_median() of values already present()."""
    if value is None or not counted:
        return None
    middle = statistics.median(counted)
    deviation = statistics.median(abs(each - middle) for each in counted)
    distance = value - middle
    if deviation == 0:
        return Decimal(0) if distance == 0 else None
    return distance / deviation


def benchmark(area: str, values: Values, polarity: Polarity) -> Benchmark:
    """The council's rank, quartile, the group's median and the council's distance from it."""
    counted = present(values)
    rank = ranks_of(counted, polarity).get(area)
    own, figures = counted.get(area), list(counted.values())
    return Benchmark(
        area=area,
        value=own,
        rank=rank,
        ranked=len(counted),
        quartile=quartile(rank, len(counted)),
        median=statistics.median(figures) if figures else None,
        mads_from_median=mads_of(own, figures),
    )


# -- the council's change against the group's ---------------------------------------------------


class AgainstGroup(StrEnum):
    """The council's own change since the earlier period, beside the group's typical change."""

    IMPROVING_FASTER = "improving_faster"
    IMPROVING_MORE_SLOWLY = "improving_more_slowly"
    IMPROVING_WHILE_GROUP_DETERIORATES = "improving_while_group_deteriorates"
    IN_STEP = "in_step"
    UNCHANGED_WHILE_GROUP_IMPROVES = "unchanged_while_group_improves"
    UNCHANGED_WHILE_GROUP_DETERIORATES = "unchanged_while_group_deteriorates"
    DETERIORATING_WHILE_GROUP_IMPROVES = "deteriorating_while_group_improves"
    DETERIORATING_LESS = "deteriorating_less"
    DETERIORATING_FASTER = "deteriorating_faster"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS = {
    AgainstGroup.IMPROVING_FASTER: "Improving faster than the group",
    AgainstGroup.IMPROVING_MORE_SLOWLY: "Improving more slowly than the group",
    AgainstGroup.IMPROVING_WHILE_GROUP_DETERIORATES: "Improving while the group deteriorates",
    AgainstGroup.IN_STEP: "Changing in step with the group",
    AgainstGroup.UNCHANGED_WHILE_GROUP_IMPROVES: "Unchanged while the group improves",
    AgainstGroup.UNCHANGED_WHILE_GROUP_DETERIORATES: "Unchanged while the group deteriorates",
    AgainstGroup.DETERIORATING_WHILE_GROUP_IMPROVES: "Deteriorating while the group improves",
    AgainstGroup.DETERIORATING_LESS: "Deteriorating less than the group",
    AgainstGroup.DETERIORATING_FASTER: "Deteriorating faster than the group",
}


@dataclass(frozen=True)
class GroupChange:
    own: Decimal  # the council's change, positive when better
    group: Decimal  # the median of the group's changes, positive when better
    against: AgainstGroup


def change_against_group(area: str, before: Values, now: Values, polarity: Polarity) -> GroupChange | None:
    """The council's change beside the median change of the group's areas with a value in both periods.

    Changes are differences in the measure's unit, signed so that better is positive. None when the measure
    has no polarity or the council lacks either value."""
    earlier, later = present(before), present(now)
    if polarity is Polarity.NONE or area not in earlier or area not in later:
        return None
    sign = 1 if polarity is Polarity.HIGH else -1
    changes = {code: sign * (later[code] - earlier[code]) for code in earlier.keys() & later.keys()}
    own, group = changes[area], statistics.median(changes.values())
    return GroupChange(own=own, group=group, against=compared(own, group))


def compared(own: Decimal, group: Decimal) -> AgainstGroup:
    if own == group:
        return AgainstGroup.IN_STEP
    if own > 0:
        if group < 0:
            return AgainstGroup.IMPROVING_WHILE_GROUP_DETERIORATES
        return AgainstGroup.IMPROVING_FASTER if own > group else AgainstGroup.IMPROVING_MORE_SLOWLY
    if own == 0:
        if group > 0:
            return AgainstGroup.UNCHANGED_WHILE_GROUP_IMPROVES
        return AgainstGroup.UNCHANGED_WHILE_GROUP_DETERIORATES
    if group > 0:
        return AgainstGroup.DETERIORATING_WHILE_GROUP_IMPROVES
    return AgainstGroup.DETERIORATING_LESS if own > group else AgainstGroup.DETERIORATING_FASTER
