"""Which measures the quarterly improvement report lists: a per-year criterion."""

from __future__ import annotations

from enum import StrEnum

from scorecard.performance.status import Status

_AMBER_OR_RED = (Status.AMBER, Status.RED)


class InclusionCriterion(StrEnum):
    # 000, 002, 003 (2017 onwards): quarterly or forecast year-end status is Amber or Red.
    AMBER_OR_RED = "amber_or_red"
    # 004 Appendix 3 (2012/13): Red at quarter end and/or forecast Red or Amber at year end.
    RED_NOW_OR_FORECAST_AMBER_OR_RED = "red_now_or_forecast_amber_or_red"

    @property
    def label(self) -> str:
        return {
            "amber_or_red": "Quarterly or forecast year-end status is Amber or Red",
            "red_now_or_forecast_amber_or_red": "Red at quarter end and/or forecast Red or Amber at year end",
        }[self.value]


def in_improvement_report(quarterly: Status, forecast: Status, criterion: InclusionCriterion) -> bool:
    if criterion is InclusionCriterion.AMBER_OR_RED:
        return quarterly in _AMBER_OR_RED or forecast in _AMBER_OR_RED
    return quarterly is Status.RED or forecast in _AMBER_OR_RED
