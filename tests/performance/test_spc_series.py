"""The values an SPC chart plots: each period's own value, from the measure's accumulation."""

from decimal import Decimal

import pytest

from scorecard.performance.spc_series import NOT_INDEPENDENT, Recorded, chart_series


def quarters(*values, first=1):
    return [Recorded((first - 1 + i) % 4 + 1, value) for i, value in enumerate(values)]


def test_year_to_date_becomes_each_quarters_own_value():
    series = chart_series(quarters(100, 250, 330, 500, 120, 260), "year_to_date")
    assert series.values == (100, 150, 80, 170, 120, 140)
    assert not series.not_independent


def test_year_to_date_keeps_exact_decimals():
    series = chart_series(quarters(Decimal("10.1"), Decimal("20.3")), "year_to_date")
    assert series.values == (Decimal("10.1"), Decimal("10.2"))


def test_a_gap_in_year_to_date_is_a_gap_and_so_is_the_quarter_after_it():
    series = chart_series(quarters(100, None, 330, 500, 120), "year_to_date")
    assert series.values == (100, None, None, 170, 120)


def test_a_year_to_date_series_that_starts_mid_year_cannot_difference_its_first_quarter():
    assert chart_series(quarters(250, 330, first=2), "year_to_date").values == (None, 80)


def test_a_missing_period_between_two_recorded_ones_breaks_the_difference():
    recorded = [Recorded(1, 100), Recorded(3, 330)]  # Q2 never listed
    assert chart_series(recorded, "year_to_date").values == (100, None)


def test_an_annual_year_to_date_measure_is_its_own_value_each_year():
    recorded = [Recorded(1, 61.2), Recorded(1, None), Recorded(1, 63.0)]
    assert chart_series(recorded, "year_to_date").values == (61.2, None, 63.0)


def test_monthly_year_to_date_differences_each_month():
    recorded = [Recorded(month, 10 * month) for month in range(1, 13)]
    assert chart_series(recorded, "year_to_date").values == (10,) * 12


@pytest.mark.parametrize("accumulation", ["snapshot", "discrete"])
def test_snapshot_and_discrete_values_are_charted_as_recorded(accumulation):
    series = chart_series(quarters(100, None, 330), accumulation)
    assert series.values == (100, None, 330)
    assert series.warning == ""


def test_rolling_twelve_months_are_charted_as_recorded_with_a_warning():
    series = chart_series(quarters(100, 110, 105), "rolling_12_months")
    assert series.values == (100, 110, 105)
    assert series.not_independent
    assert series.warning == NOT_INDEPENDENT
    assert "not independent" in series.warning


def test_an_unknown_accumulation_is_refused():
    with pytest.raises(ValueError, match='"monthly" is not an accumulation'):
        chart_series(quarters(1), "monthly")


def test_a_period_before_the_first_of_the_year_is_refused():
    with pytest.raises(ValueError, match="starts at 1"):
        chart_series([Recorded(0, 1)], "snapshot")
