"""The required run rate: what each remaining quarter must deliver, or may take, to meet the year-end target."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.performance.run_rate import required_rate, required_run_rate

LAST_YEAR = [[200, 300, 300, 200]]


def test_each_remaining_quarter_must_deliver_the_rest_flat_and_by_the_usual_pattern():
    rate = required_run_rate(target=1000, this_year=[200, 300], past_years=LAST_YEAR, polarity="high")
    assert rate.flat == 250
    assert rate.seasonal == (300, 200)
    assert rate.words == "Each remaining quarter must deliver 250 (500 in all). By the usual pattern: Q3 300, Q4 200."


def test_a_target_already_met_is_already_secured():
    rate = required_run_rate(target=400, this_year=[200, 300], past_years=LAST_YEAR)
    assert rate.secured
    assert rate.words.startswith("Already secured")


def test_more_than_the_best_quarter_held_would_need_a_record_quarter():
    rate = required_run_rate(target=1400, this_year=[200, 300], past_years=LAST_YEAR)
    assert rate.record
    assert rate.words.endswith("That would need a record quarter: the best held is 300.")


def test_low_is_good_says_the_most_each_remaining_quarter_may_take():
    rate = required_run_rate(target=900, this_year=[200, 300], past_years=LAST_YEAR, polarity="low")
    assert rate.flat == 200
    assert rate.words.startswith("The most each remaining quarter may take: 200 (400 in all).")


def test_low_is_good_already_over_the_target_cannot_be_met():
    rate = required_run_rate(target=400, this_year=[200, 300], polarity="low")
    assert not rate.possible
    assert rate.words.startswith("Cannot be met this year")


def test_monthly_measures_name_their_months():
    rate = required_run_rate(target=120, this_year=[10] * 10, past_years=[[10] * 12], periods=12)
    assert rate.words == "Each remaining month must deliver 10 (20 in all). By the usual pattern: Feb 10, Mar 10."


def test_a_percentage_needs_the_rest_of_the_year_to_reach_a_rate():
    rate = required_rate(target=95, numerator_so_far=900, denominator_so_far=1000, denominator_year_end=2000)
    assert rate.flat == pytest.approx(100)
    assert rate.possible


def test_a_percentage_above_100_cannot_be_met_this_year():
    rate = required_rate(target=95, numerator_so_far=800, denominator_so_far=1000, denominator_year_end=2000)
    assert not rate.possible
    assert rate.words == "Cannot be met this year: the rest of the year would need 110.0%."


def test_a_percentage_already_secured():
    rate = required_rate(target=40, numerator_so_far=900, denominator_so_far=1000, denominator_year_end=2000)
    assert rate.secured


@given(
    target=st.integers(0, 10_000),
    so_far=st.lists(st.integers(0, 1000), min_size=1, max_size=3),
    usual=st.lists(st.integers(1, 1000), min_size=4, max_size=4),
)
def test_the_seasonal_run_rate_adds_up_to_what_is_still_needed(target, so_far, usual):
    rate = required_run_rate(target=target, this_year=so_far, past_years=[usual])
    if not rate.secured:
        assert sum(rate.seasonal) == pytest.approx(target - sum(so_far))
        assert rate.flat * (4 - len(so_far)) == pytest.approx(target - sum(so_far))


def test_without_an_earlier_year_there_is_only_the_flat_run_rate():
    rate = required_run_rate(target=1000, this_year=[200, 300])
    assert (rate.flat, rate.seasonal) == (250, ())
    assert rate.words == "Each remaining quarter must deliver 250 (500 in all)."
