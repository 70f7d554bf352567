import pytest

from scorecard.performance.inclusion import InclusionCriterion, in_improvement_report
from scorecard.performance.status import Status

B, G, A, R = Status.BLUE, Status.GREEN, Status.AMBER, Status.RED
LATER = InclusionCriterion.AMBER_OR_RED
EARLY = InclusionCriterion.RED_NOW_OR_FORECAST_AMBER_OR_RED


@pytest.mark.parametrize(
    ("quarterly", "forecast", "later", "early"),
    [
        (A, G, True, False),  # 000: L&C PM28 is listed from 2017; 2012/13 left Amber-now out
        (R, G, True, True),
        (B, R, True, True),  # 003: YA&H PM08, Blue now but forecast Red
        (G, A, True, True),
        (G, G, False, False),
        (B, B, False, False),
        (Status.ANNUAL, A, True, True),
        (Status.NO_TARGET, G, False, False),
    ],
)
def test_which_measures_the_improvement_report_lists(quarterly, forecast, later, early):
    assert in_improvement_report(quarterly, forecast, LATER) is later
    assert in_improvement_report(quarterly, forecast, EARLY) is early
