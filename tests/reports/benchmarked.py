"""A council benchmarked against fifteen neighbours, for the report tests: Derby 12th of 16 in 2018/19 (rank 1 =
best), the bottom of the third quartile, with the group's median at 78.05."""

from __future__ import annotations

from scorecard.benchmarking.models import ComparatorGroup, ExternalMeasure
from scorecard.measures.models import Measure
from tests import factories

DERBY = "E06000015"
OTHERS = (88, 85, 83, 81, 80, 79.5, 79, 78.1, 78, 77, 75, 64, 60, 58, 55)


def neighbours(derby: float | None = 65.4) -> dict[str, float | None]:
    return {DERBY: derby, **{f"E0800{number:04d}": value for number, value in enumerate(OTHERS)}}


def against_neighbours(
    *measures: Measure, period: str = "2018/19", publishable: bool = True
) -> tuple[ExternalMeasure, ComparatorGroup]:
    """The measures mapped to Oflog's ASC5, compared with Derby's nearest neighbours in the period."""
    derby = factories.area(DERBY, "Derby")  # before the group, which would name it by its code
    external = factories.external_measure("ASC5", title="Outcome of short-term services: sequel to service")
    group = factories.comparators(
        external, period, neighbours(), name="Derby's nearest neighbours", kind="nearest_neighbours",
        publishable=publishable,
    )  # fmt: skip
    factories.benchmarking(derby, group)
    for measure in measures:
        factories.mapping(measure, external)
    return external, group
