"""A year collected monthly: made with its twelve months in one step, and run month by month like a quarter."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from scorecard.council import services as council
from scorecard.council.models import Directorate, Period
from scorecard.council.selectors import held_period
from scorecard.measures.services import scorecard_copy
from scorecard.performance.direction import Direction
from scorecard.performance.periods import Collection, PeriodError
from scorecard.reports.annual import build_annual_results
from scorecard.reports.dashboard import build_dashboard
from scorecard.reports.improvement import build_improvement_report
from scorecard.returns import services, sign_off
from scorecard.returns.models import WorkflowState
from scorecard.returns.selectors import assessed_return
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "officer": factories.person("officer", "measure_owner", "Corporate Resources"),
        "approver": factories.person("approver", "directorate_approver", "Corporate Resources"),
        "performance": factories.person("performance", "performance_team"),
    }


@pytest.fixture
def visits(people):
    """A monthly measure of Corporate Resources in 2017/18, collected monthly, with April's target."""
    year = council.year_create(start_year=2017, collection=Collection.MONTHLY, by=people["performance"])
    measure = factories.measure("CR PM01", title="Visits to the council's website", frequency="monthly")
    factories.entry(measure, year, directorate=Directorate.objects.get(name="Corporate Resources"))
    factories.target(measure, year.periods.get(month=1), 1000)
    factories.target(measure, None, 12000, year_of=year)
    return measure


def test_a_monthly_year_is_made_with_its_twelve_months_in_one_step(people):
    year = council.year_create(start_year=2017, collection=Collection.MONTHLY, by=people["performance"])
    months = list(year.periods.all())
    assert year.collection == "monthly" and len(months) == 12
    assert [month.label for month in months[:2]] == ["April 2017", "May 2017"]
    assert months[-1].label == "March 2018" and months[-1].is_year_end
    assert [month.quarter for month in months] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert not any(month.is_open for month in months)


def test_a_quarterly_year_is_made_as_before(people):
    year = council.year_create(start_year=2017, by=people["performance"])
    assert year.collection == "quarterly"
    assert [(period.quarter, period.month) for period in year.periods.all()] == [(n, None) for n in range(1, 5)]


def test_a_year_held_already_is_refused_whichever_way_it_is_collected(people):
    council.year_create(start_year=2017, by=people["performance"])
    with pytest.raises(ValidationError, match="2017/18 overlaps a year already held"):
        council.year_create(start_year=2017, collection=Collection.MONTHLY, by=people["performance"])


def test_a_month_is_found_as_councils_write_it():
    april = factories.month(2017, 1)
    assert held_period("April 2017") == held_period("2017/18 M1") == held_period("Apr 2017") == april


def test_a_quarter_of_a_monthly_year_is_told_to_choose_a_month():
    factories.monthly_year(2017)
    with pytest.raises(PeriodError, match="2017/18 Q1 is not set up in Scorecard: 2017/18 is collected monthly"):
        held_period("2017/18 Q1")


def test_a_month_of_a_quarterly_year_is_told_to_choose_a_quarter():
    factories.year(2017)
    with pytest.raises(PeriodError, match="April 2017 is not set up in Scorecard: 2017/18 is collected quarterly"):
        held_period("April 2017")


def test_month_one_is_recorded_submitted_approved_closed_and_published(visits, people):
    april = Period.objects.get(year__start_year=2017, month=1)
    services.period_open(period=april, by=people["performance"], deadline=date(2099, 5, 20))
    ret = services.return_start(measure=visits, period=april, by=people["officer"])
    ret = services.return_submit(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(1100))
    ret = sign_off.return_approve(ret=ret, by=people["approver"], version=ret.version)
    april = services.period_close(period=april, by=people["performance"])
    april = services.period_publish(period=april, by=people["performance"])
    assert ret.state == WorkflowState.APPROVED and april.is_published
    dashboard = build_dashboard(april)
    assert dashboard.masthead.subtitle == "April 2017" and dashboard.period == "April 2017"
    assert [column.heading for column in dashboard.columns][2:4] == ["Monthly target", "Monthly actual"]
    assert dashboard.rows[0].status.label == "Blue"
    assert "against the month's target" in dashboard.summary.words


def test_the_improvement_report_of_a_month_says_monthly(visits):
    april = Period.objects.get(year__start_year=2017, month=1)
    factories.return_for(visits, april, 900)
    report = build_improvement_report(april)
    assert report.masthead.subtitle == "April 2017" and report.period_word == "Monthly"
    assert "Monthly target status" in report.tables()[0].columns
    assert report.criterion == "Monthly or forecast year-end status is Amber or Red"


def test_direction_compares_with_the_same_month_last_year(visits):
    factories.monthly_year(2016)
    factories.return_for(visits, factories.month(2016, 1), 900)
    factories.return_for(visits, factories.month(2016, 12), 1500)  # March 2017: the month before, not compared
    april = factories.return_for(visits, factories.month(2017, 1), 1000)
    assessed = assessed_return(april)
    assert (assessed.comparison.period.label, assessed.assessment.direction) == ("April 2016", Direction.IMPROVING)


def test_direction_by_previous_period_compares_with_the_month_before(visits):
    visits.comparison, visits.accumulation = "previous_period", "snapshot"
    visits.save()
    factories.return_for(visits, factories.month(2017, 1), 1000)
    may = factories.return_for(visits, factories.month(2017, 2), 950)
    assessed = assessed_return(may)
    assert (assessed.comparison.period.label, assessed.assessment.direction) == ("April 2017", Direction.DETERIORATING)


def test_march_is_the_year_end_of_a_monthly_year(visits):
    march = factories.month(2017, 12)
    factories.return_for(visits, march, 12500)
    assessed = assessed_return(march.returns.get())
    assert assessed.assessment.forecast_status.label == "Blue"  # the outturn stands for a forecast
    results = build_annual_results(march.year)
    assert results.masthead.subtitle == "March 2018 outturn" and results.last_period == "March"
    assert results.detail_table().columns[4:6] == ["March outturn", "March status"]


def test_next_years_scorecard_is_collected_monthly_as_this_years_with_its_month_targets(visits, people):
    new = scorecard_copy(from_year=visits.entries.get().year, to_start_year=2018, by=people["performance"])
    assert new.collection == "monthly" and new.periods.count() == 12
    targets = {(t.period.month if t.period else "year end"): t.value for t in new.targets.all()}
    assert targets == {1: 1000, "year end": 12000}


def test_history_is_not_imported_into_a_monthly_year_by_quarter(people):
    factories.monthly_year(2017)
    with pytest.raises(services.Refused, match="2017/18 is collected monthly"):
        services.history_period(start_year=2017, quarter=2, by=people["performance"])
