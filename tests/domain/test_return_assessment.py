"""A return's status, forecast status and direction, as every report will read them."""

from decimal import Decimal

import pytest

from scorecard.performance.direction import Direction
from scorecard.performance.status import Status
from scorecard.returns.selectors import assessed_returns
from scorecard.web.returns import compared_with
from tests import factories

pytestmark = pytest.mark.django_db


def assessment_of(measure, period):
    (item,) = [item for item in assessed_returns(period) if item.ret.measure == measure]
    return item.assessment


def test_a_return_is_rated_against_its_quarter_and_year_end_targets():
    q2 = factories.period(2017, 2)
    health_checks = factories.measure("L&C PM28", title="Livewell: NHS Health Checks")
    factories.target(health_checks, q2, 500)
    factories.target(health_checks, None, 1000, year_of=q2.year)
    factories.return_for(health_checks, q2, 475, forecast=Decimal(1000))
    assessment = assessment_of(health_checks, q2)
    assert (assessment.status, assessment.forecast_status) == (Status.AMBER, Status.GREEN)


def test_direction_compares_with_the_same_quarter_last_year_by_default():
    online = factories.measure("CM PM15")
    factories.return_for(online, factories.period(2017, 2), 38551)
    factories.return_for(online, factories.period(2018, 1), 50000)
    factories.return_for(online, factories.period(2018, 2), 44745)
    assert assessment_of(online, factories.period(2018, 2)).direction is Direction.IMPROVING


def test_a_measure_can_compare_with_the_previous_quarter():
    online = factories.measure("CM PM15", comparison="previous_period")
    factories.return_for(online, factories.period(2017, 2), 38551)
    factories.return_for(online, factories.period(2018, 1), 50000)
    factories.return_for(online, factories.period(2018, 2), 44745)
    assert assessment_of(online, factories.period(2018, 2)).direction is Direction.DETERIORATING


def test_a_year_to_date_figure_in_quarter_1_is_compared_with_quarter_1_a_year_before():
    """Not with last year's quarter 4, the whole year's total: the count restarted in April."""
    fly_tips = factories.measure("ENV 3", title="Fly-tips cleared (year to date)", comparison="previous_period")
    factories.return_for(fly_tips, factories.period(2017, 1), 300)
    factories.return_for(fly_tips, factories.period(2017, 4), 1200)
    factories.return_for(fly_tips, factories.period(2018, 1), 350)
    item = next(item for item in assessed_returns(factories.period(2018, 1)) if item.ret.measure == fly_tips)
    assert item.comparison.period == factories.period(2017, 1)
    assert item.assessment.direction is Direction.IMPROVING  # 350 against 300, not against 1,200


def test_a_snapshot_in_quarter_1_is_still_compared_with_the_quarter_before():
    waiting = factories.measure(
        "HS 1", title="Households waiting", comparison="previous_period", accumulation="snapshot"
    )
    factories.return_for(waiting, factories.period(2017, 1), 300)
    factories.return_for(waiting, factories.period(2017, 4), 1200)
    factories.return_for(waiting, factories.period(2018, 1), 350)
    assert assessment_of(waiting, factories.period(2018, 1)).direction is Direction.DETERIORATING


def test_the_return_page_says_what_a_year_to_date_figure_is_compared_with():
    fly_tips = factories.measure("ENV 3", title="Fly-tips cleared (year to date)", comparison="previous_period")
    ret = factories.return_for(fly_tips, factories.period(2018, 1), 350)
    assert compared_with(ret) == "Same quarter last year (2017/18 Q1)"
    ret = factories.return_for(fly_tips, factories.period(2018, 2), 400)
    assert compared_with(ret) == "Previous quarter (2018/19 Q1)"


def test_without_a_comparison_the_direction_is_not_applicable():
    online = factories.measure("CM PM15")
    factories.return_for(online, factories.period(2018, 2), 44745)
    assert assessment_of(online, factories.period(2018, 2)).direction is Direction.NOT_APPLICABLE


def test_an_override_wins_and_is_marked_as_one():
    q4 = factories.period(2016, 4)
    ic = factories.measure("IC PM20", title="Asset valuations")
    factories.target(ic, q4, 100)
    factories.return_for(ic, q4, 100, status_override="amber", status_override_reason="As published")
    assessment = assessment_of(ic, q4)
    assert assessment.status is Status.AMBER
    assert assessment.overridden == {"status"}


def test_an_action_is_rated_by_its_progress_and_shows_milestone():
    q4 = factories.period(2016, 4)
    energy = factories.action()
    factories.return_for(energy, q4, actual_progress="major_slippage")
    assessment = assessment_of(energy, q4)
    assert (assessment.status, assessment.direction) == (Status.RED, Direction.MILESTONE)


def test_completed_takes_the_years_colour():
    q2 = factories.period(2012, 2)
    q2.year.completed_status = Status.BLUE.value
    q2.year.save()
    mash = factories.action("Develop multi-agency safeguarding arrangements")
    factories.return_for(mash, q2, actual_progress="completed")
    assert assessment_of(mash, q2).status is Status.BLUE


def test_a_measure_uses_its_own_tolerances_when_it_has_them():
    q2 = factories.period(2017, 2)
    strict = factories.measure("X 1", own_tolerances=True, blue_margin=None, amber_margin=Decimal("0.01"))
    relaxed = factories.measure("X 2")
    for measure in (strict, relaxed):
        factories.target(measure, q2, 100)
        factories.return_for(measure, q2, 97)
    assert assessment_of(strict, q2).status is Status.RED
    assert assessment_of(relaxed, q2).status is Status.AMBER


def test_the_organisations_tolerances_apply_to_every_other_measure():
    organisation = factories.organisation()
    organisation.amber_margin = Decimal("0.10")
    organisation.save()
    q2 = factories.period(2017, 2)
    online = factories.measure("CM PM15")
    factories.target(online, q2, 100)
    factories.return_for(online, q2, 91)
    assert assessment_of(online, q2).status is Status.AMBER


def test_an_annual_measure_is_not_rated_before_its_quarter():
    q2 = factories.period(2012, 2)
    ks2 = factories.measure("L&I PM02", frequency="annual")
    factories.target(ks2, q2, 72)
    factories.return_for(ks2, q2, 75)
    assert assessment_of(ks2, q2).status is Status.ANNUAL


def test_reading_a_quarter_takes_the_same_queries_for_3_or_30_measures(django_assert_max_num_queries):
    factories.organisation()
    q2 = factories.period(2018, 2)
    last_year = factories.period(2017, 2)

    def add_measures(count, start):
        for number in range(start, start + count):
            measure = factories.measure(f"PM{number}")
            factories.target(measure, q2, 100)
            factories.target(measure, None, 400, year_of=q2.year)
            factories.return_for(measure, q2, number)
            factories.return_for(measure, last_year, number - 1)

    add_measures(3, 0)
    with django_assert_max_num_queries(5) as few:
        assert len(assessed_returns(q2)) == 3
    add_measures(27, 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(assessed_returns(q2)) == 30
