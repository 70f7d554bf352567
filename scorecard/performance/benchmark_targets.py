"""A target set relative to comparator councils: "at least the comparator median", or the top-quartile threshold.

The target is the number the group's figures give (performance.benchmark's median or top-quartile threshold),
resolved when it is set, so the status is the ordinary rule (status.rag_status) against a number anyone can
check; where good is Low, "at least as good as" the median means at most the median.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from scorecard.performance import benchmark
from scorecard.performance.numbers import round_half_up
from scorecard.performance.status import Polarity

DECIMALS = 6  # as a target is held (measures.fields.FigureField)


class Basis(StrEnum):
    MEDIAN = "median"
    TOP_QUARTILE = "top_quartile"

    @property
    def label(self) -> str:
        return {Basis.MEDIAN: "the comparator median", Basis.TOP_QUARTILE: "the top-quartile threshold"}[self]

    @property
    def note(self) -> str:
        """What a report prints beside the target: "78.1% (comparator median)"."""
        return {Basis.MEDIAN: "comparator median", Basis.TOP_QUARTILE: "comparators' top quartile"}[self]


def resolved_target(values: benchmark.Values, polarity: Polarity, basis: Basis) -> Decimal | None:
    """The target the group's figures give; None where they give none (no figures, or no better direction for a
    quartile)."""
    if basis is Basis.MEDIAN:
        found = benchmark.median(values.values())
    else:
        found = benchmark.top_quartile_threshold(values, polarity)
    return None if found is None else round_half_up(found, DECIMALS)


def at_least(polarity: Polarity) -> str:
    """How the target reads: at least the median where high is good, at most where low is good."""
    return "at most" if polarity is Polarity.LOW else "at least"
