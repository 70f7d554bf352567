"""001's summary tables, computed from the demo's 2016/17 rows, come out exactly as published."""

from scorecard.council.models import FinancialYear
from scorecard.reports.annual import build_annual_results


def summary():
    return build_annual_results(FinancialYear.objects.get(start_year=2016)).summary


def test_percent_met_by_pledge_is_as_published(demo):
    result = summary()
    by_pledge = {row.pledge: row.percent_met for row in result.pledges}
    assert by_pledge == {"Safe Derby": 68, "Strong Derby": 75, "Ambitious Derby": 76, "Resilient Council": 61}
    assert result.overall.percent_met == 68


def test_percent_improved_by_pledge_is_as_published(demo):
    result = summary()
    by_pledge = {row.pledge: row.percent_improved for row in result.pledges}
    assert by_pledge == {"Safe Derby": 38, "Strong Derby": 25, "Ambitious Derby": 67, "Resilient Council": 20}
    assert result.overall.percent_improved == 39


def test_traffic_lights_and_directions_are_as_published(demo):
    result = summary()
    lights, directions = result.traffic_lights, result.directions
    assert (lights.met, lights.amber, lights.red) == (54, 19, 27)
    assert (directions.improved, directions.same_or_planned, directions.deteriorated) == (39, 32, 29)
