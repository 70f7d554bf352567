"""The projection where people decide: beside the forecast on the entry form (its range, the required run rate, a
warning for a forecast outside every earlier year's pattern, a percentage's numerator and denominator) and the
performance team's list of forecasts to challenge (issue 15)."""

from datetime import date

import pytest

from scorecard.accounts.models import Role
from scorecard.council.models import Directorate
from scorecard.measures.models import Accumulation, Unit
from scorecard.returns.models import Return
from tests import factories

pytestmark = pytest.mark.django_db

# Health checks by quarter (each quarter's own number); recorded as running totals, as the council records them.
SEASONAL = [100, 200, 300, 400]


@pytest.fixture
def q2():
    return factories.open_period(2018, 2, deadline=date(2018, 10, 19))


@pytest.fixture
def officer():
    return factories.person("officer", Role.MEASURE_OWNER, "People Services")


def running_totals(values):
    return [sum(values[: n + 1]) for n in range(len(values))]


def in_scorecard(measure, period, year_end=None):
    directorate = Directorate.objects.get_or_create(name="People Services")[0]
    factories.entry(measure, period.year, directorate=directorate)
    if year_end is not None:
        factories.target(measure, None, year_end, year_of=period.year)
    return measure


def with_years(measure, years, field="actual"):
    for start_year, values in years.items():
        for quarter, value in enumerate(running_totals(values), start=1):
            ret = Return.objects.filter(measure=measure, period=factories.period(start_year, quarter)).first()
            if ret is None:
                factories.return_for(measure, factories.period(start_year, quarter), **{field: value})
            else:
                setattr(ret, field, value)
                ret.save()
    return measure


@pytest.fixture
def health_checks(q2):
    measure = in_scorecard(factories.measure("L&C PM28", title="NHS Health Checks"), q2, year_end=1100)
    with_years(measure, {2015: SEASONAL, 2016: SEASONAL, 2017: [110, 220, 330, 440]})
    factories.return_for(measure, factories.period(2018, 1), 110)
    return measure


def preview(client, period, measure, **typed):
    values = {"version": 0, "actual": "", "forecast": "", "data_flag": "", **typed}
    return client.post(f"/returns/{period.pk}/{measure.pk}/preview/", values).content.decode()


def test_the_form_shows_the_projection_range_and_run_rate_as_the_officer_types(client, officer, q2, health_checks):
    client.force_login(officer)
    html = preview(client, q2, health_checks, actual="330", forecast="1100")
    assert "Year-end projection" in html
    assert "Projected year end</dt>" in html and ">1,100<" in html  # 330 by Q2 is 30% of a year like the others
    assert "Share of year" in html
    assert "Each remaining quarter must deliver 385 (770 in all). By the usual pattern: Q3 330, Q4 440." in html
    assert "lies outside every earlier year" not in html


def test_a_forecast_outside_every_earlier_years_pattern_is_warned_about(client, officer, q2, health_checks):
    client.force_login(officer)
    html = preview(client, q2, health_checks, actual="330", forecast="2000")
    assert "govuk-warning-text" in html
    assert "The forecast of 2,000 lies outside every earlier year&#x27;s pattern" in html


def test_without_a_year_end_target_the_form_says_why_there_is_no_projection(client, officer, q2):
    untargeted = in_scorecard(factories.measure("CM PM15", title="Online transactions"), q2)
    client.force_login(officer)
    html = preview(client, q2, untargeted, actual="50")
    assert "No projection: the measure has no year-end target this year." in html


def test_without_figures_the_form_says_why_there_is_no_projection(client, officer, q2, health_checks):
    client.force_login(officer)
    Return.objects.filter(measure=health_checks, period__year__start_year=2018).delete()
    html = preview(client, q2, health_checks, forecast="1100")
    assert "No projection: Q1 and Q2 have no figure yet." in html


@pytest.fixture
def seen_in_time(q2):
    measure = factories.measure(
        "PS PM01", title="Seen within 4 hours", unit=Unit.PERCENT, decimals=1, accumulation=Accumulation.YEAR_TO_DATE
    )
    return in_scorecard(measure, q2, year_end=95)


def test_a_percentage_asks_for_its_numerator_and_denominator(client, officer, q2, seen_in_time):
    client.force_login(officer)
    html = client.get(f"/returns/{q2.pk}/{seen_in_time.pk}/").content.decode()
    assert 'name="numerator"' in html and 'name="denominator"' in html


def test_a_percentage_is_projected_from_its_numerator_and_denominator(client, officer, q2, seen_in_time):
    client.force_login(officer)
    factories.return_for(seen_in_time, factories.period(2018, 1), 90, numerator=900, denominator=1000)
    html = preview(client, q2, seen_in_time, actual="85", numerator="1700", denominator="2000")
    assert ">85.0%<" in html  # no earlier year: the year so far, 1,700 of 2,000
    assert "The rest of the year must reach 105.0%" not in html
    assert "Cannot be met this year: the rest of the year would need 105.0%." in html


def test_a_numerator_above_its_denominator_is_refused_and_nothing_is_saved(client, officer, q2, seen_in_time):
    client.force_login(officer)
    typed = {"version": 0, "actual": "85", "numerator": "2100", "denominator": "2000", "action": "save"}
    html = client.post(f"/returns/{q2.pk}/{seen_in_time.pk}/", typed).content.decode()
    assert "The numerator (2100) cannot be larger than the denominator (2000)" in html
    assert not Return.objects.filter(measure=seen_in_time, period=q2).exists()


def test_a_negative_denominator_is_refused(client, officer, q2, seen_in_time):
    client.force_login(officer)
    typed = {"version": 0, "actual": "85", "numerator": "10", "denominator": "-5", "action": "save"}
    html = client.post(f"/returns/{q2.pk}/{seen_in_time.pk}/", typed).content.decode()
    assert "The denominator cannot be negative" in html
    assert "Correct the figures to see the statuses" in preview(
        client, q2, seen_in_time, numerator="10", denominator="-5"
    )
    assert not Return.objects.filter(measure=seen_in_time, period=q2).exists()


def test_the_numerator_and_denominator_are_kept_with_their_history(client, officer, q2, seen_in_time):
    client.force_login(officer)
    typed = {"version": 0, "actual": "85", "numerator": "1700", "denominator": "2000", "action": "save"}
    client.post(f"/returns/{q2.pk}/{seen_in_time.pk}/", typed)
    saved = Return.objects.get(measure=seen_in_time, period=q2)
    assert (saved.numerator, saved.denominator) == (1700, 2000)
    assert saved.history.first().history_user == officer


def test_the_quarters_page_lists_forecasts_outside_every_pattern_to_challenge(client, q2, health_checks):
    online = in_scorecard(factories.measure("CM PM15", title="Online transactions"), q2, year_end=1100)
    with_years(online, {2015: SEASONAL, 2016: SEASONAL, 2017: SEASONAL})
    factories.return_for(health_checks, q2, 330, forecast=2000)
    factories.return_for(online, q2, 300, forecast=1000)  # 300 by Q2 is 30% of 1,000: inside the patterns
    client.force_login(factories.person("performance", Role.PERFORMANCE_TEAM))
    html = client.get("/quarters/").content.decode()
    assert "2018/19 Q2: forecasts outside every earlier year's pattern" in html
    assert "L&amp;C PM28 NHS Health Checks" in html and "CM PM15 Online transactions" not in html
    assert f'href="/returns/{q2.pk}/{health_checks.pk}/#challenge"' in html


def test_the_quarters_pages_queries_do_not_grow_with_the_forecasts_to_challenge(
    client, q2, health_checks, django_assert_max_num_queries
):
    factories.return_for(health_checks, q2, 330, forecast=2000)
    client.force_login(factories.person("performance", Role.PERFORMANCE_TEAM))
    client.get("/quarters/")
    with django_assert_max_num_queries(40) as few:
        client.get("/quarters/")
    for number in range(10):
        more = in_scorecard(factories.measure(f"L&C PM{40 + number}", title=f"Measure {number}"), q2, year_end=1100)
        with_years(more, {2015: SEASONAL, 2016: SEASONAL, 2017: SEASONAL, 2018: [110]})
        factories.return_for(more, q2, 330, forecast=2000)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/quarters/").content.decode()
    assert html.count("Challenge the forecast") == 11
