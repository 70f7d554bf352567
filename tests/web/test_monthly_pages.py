"""The pages of a council that collects monthly: years made with their months, reports chosen by month."""

from io import StringIO

import pytest
from django.core.management import call_command

from scorecard.accounts.models import Role
from scorecard.accounts.permissions import WHOLE_SIGHT
from scorecard.council.models import Directorate, FinancialYear, Period, Pledge, Priority
from scorecard.measures.models import ScorecardEntry
from scorecard.reports.profile import build_measure_profile
from tests import factories
from tests.web.afresh import drawn_afresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(client):
    client.force_login(factories.person("performance", Role.PERFORMANCE_TEAM))
    return client


@pytest.fixture
def april():
    """April and May 2017 published, a monthly measure recorded in each."""
    april, may = factories.month(2017, 1), factories.month(2017, 2)
    measure = factories.measure("CR PM01", title="Visits to the council's website", frequency="monthly")
    factories.entry(measure, april.year, directorate=Directorate.objects.create(name="Corporate Resources"))
    factories.target(measure, april, 1000)
    factories.target(measure, may, 1000)
    factories.target(measure, None, 12000, year_of=april.year)
    factories.return_for(measure, april, 900, forecast=11000, context="Behind in April.")
    factories.return_for(measure, may, 1100, forecast=12000)
    factories.published(april, may)
    return april


def text(response) -> str:
    return response.content.decode()


def test_the_years_page_makes_a_monthly_year_in_one_step(team):
    response = team.post("/set-up/years/", {"year": "2027/28", "collection": "monthly"}, follow=True)
    year = FinancialYear.objects.get(start_year=2027)
    assert (year.collection, year.periods.count()) == ("monthly", 12)
    assert "2027/28 is set up with its twelve months" in text(response)
    assert "Monthly" in text(team.get("/set-up/years/"))


def test_the_years_page_offers_quarterly_or_monthly_collection(team):
    page = text(team.get("/set-up/years/"))
    assert "Figures are collected" in page and 'value="monthly"' in page


def test_the_quarters_page_lists_a_monthly_years_months(team):
    factories.monthly_year(2026)
    page = text(team.get("/quarters/"))
    assert "Every month" in page and ">April 2026</th>" in page and ">March 2027</th>" in page


def test_a_dashboard_is_chosen_by_month(client, april):
    page = text(client.get("/reports/dashboard/?year=2017/18&month=1"))
    assert "April 2017" in page and "Monthly target" in page and "Quarterly target" not in page
    assert 'name="month"' in page and 'name="quarter"' not in page


def test_a_dashboard_without_a_period_shows_the_latest_month(client, april):
    assert "May 2017" in text(client.get("/reports/dashboard/"))


def test_a_quarter_of_a_monthly_year_is_told_to_choose_a_month(client, april):
    response = client.get("/reports/dashboard/?year=2017/18&quarter=1")
    assert response.status_code == 400
    assert "2017/18 is collected monthly" in text(response)


def test_a_month_that_does_not_exist_is_refused(client, april):
    response = client.get("/reports/improvement/?year=2017/18&month=13")
    assert response.status_code == 400
    assert "Select a valid choice" in text(response)


def test_the_improvement_report_of_a_month_says_monthly(client, april):
    page = text(client.get("/reports/improvement/?year=2017/18&month=1"))
    assert "Monthly target status" in page and "Behind in April." in page


def test_the_home_page_links_to_the_months_reports(client, april):
    page = text(client.get("/"))
    assert "May 2017 at a glance" in page
    assert "/reports/dashboard/?year=2017/18&amp;month=2" in page


def test_the_years_and_months_held_list_each_month(client, april):
    page = text(client.get("/years/"))
    assert "/reports/dashboard/?year=2017/18&amp;month=1" in page and ">April<" in page
    assert '<th scope="col" class="govuk-table__header">Month</th>' in page


def test_the_annual_results_of_a_monthly_year_take_march(client, april):
    march, measure = factories.month(2017, 12), april.returns.get().measure
    priority = Priority.objects.create(pledge=Pledge.objects.create(name="A modern council"), name="Online first")
    ScorecardEntry.objects.filter(measure=measure).update(priority=priority)
    factories.return_for(measure, march, 12500)
    factories.published(march)
    page = text(client.get("/reports/annual/?year=2017/18"))
    assert "March 2018 outturn" in page and "March status" in page


def test_a_months_open_data_has_its_own_address(client, april):
    response = client.get("/open-data/2017-18-M1/scorecard.json")
    assert response.status_code == 200
    (row,) = response.json()["rows"]
    assert (row["quarter"], row["month"], row["actual"]) == (1, 1, "900")


def test_the_api_reads_a_months_dashboard(client, april):
    response = client.get("/api/reports/dashboard?year=2017/18&month=1")
    assert response.status_code == 200, response.content
    periods = client.get("/api/periods?year=2017/18").json()
    assert {(period["label"], period["month"]) for period in periods} >= {("April 2017", 1)}


def test_start_council_makes_a_monthly_first_year(capsys):
    options = {"name": "Northfield District Council", "team": "Policy and Performance", "year": "2026/27"}
    call_command("start_council", **options, collection="monthly", username="priya", email="priya@northfield.example")
    assert "with 2026/27 and its twelve months" in capsys.readouterr().out
    assert list(Period.objects.values_list("month", flat=True)) == list(range(1, 13))


def test_the_quarter_command_opens_a_month_named_as_councils_write_it():
    factories.monthly_year(2026)
    factories.person("performance", Role.PERFORMANCE_TEAM)
    out = StringIO()
    call_command("quarter", "open", "April 2026", "--user", "performance", "--deadline", "2099-05-15", stdout=out)
    assert "April 2026 is open" in out.getvalue()
    assert Period.objects.get(year__start_year=2026, month=1).is_open


def test_a_months_return_page_says_monthly_and_compares_with_the_same_month_last_year(team, april):
    page = text(team.get(f"/returns/{april.pk}/{april.returns.get().measure_id}/"))
    assert "April 2017 target" in page and "Monthly status" in page
    assert "Same month last year (April 2016)" in page


def monthly_scorecard_of(count: int, start: int = 0) -> None:
    """count monthly measures in 2017/18, each with April's target and figure, last April's and March's."""
    april, march, last_april = factories.month(2017, 1), factories.month(2017, 12), factories.month(2016, 1)
    place = Directorate.objects.get_or_create(name="Corporate Resources")[0]
    for number in range(start, start + count):
        measure = factories.measure(f"PM{number}", title=f"Measure {number}", frequency="monthly")
        factories.entry(measure, april.year, directorate=place, order=number)
        factories.target(measure, april, 100)
        factories.target(measure, None, 1200, year_of=april.year)
        factories.return_for(measure, april, 90 + number % 20, forecast=1150, context="Behind this month.")
        factories.return_for(measure, march, 1210)
        factories.return_for(measure, last_april, 85)
    factories.published(april, march, last_april)


@pytest.mark.parametrize(
    "page",
    [
        "/reports/dashboard/?year=2017/18&month=1&group_by=directorate",
        "/reports/improvement/?year=2017/18&month=1",
        "/reports/annual/?year=2017/18",
    ],
)
def test_a_months_report_pages_queries_do_not_grow_with_the_number_of_measures(
    client, page, django_assert_max_num_queries
):
    factories.organisation()
    monthly_scorecard_of(3)
    client.get(page)
    # 60 at most, as a quarter's pages: the SPC series and the benchmarks are read once for all measures
    with django_assert_max_num_queries(60) as few:
        drawn_afresh(client, page)
    monthly_scorecard_of(27, start=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        drawn_afresh(client, page)


def test_a_monthly_measures_spc_chart_takes_its_months_in_order_and_its_projection_says_why_there_is_none():
    factories.organisation()
    measure = factories.measure("PM1", title="Calls answered", frequency="monthly", accumulation="discrete")
    months = [factories.month(2017, number) for number in (3, 1, 2)]  # made out of order
    factories.entry(measure, months[0].year)
    factories.target(measure, None, 1200, year_of=months[0].year)
    for period, value in zip(months, (30, 10, 20), strict=True):
        factories.return_for(measure, period, value)
    factories.published(*months)
    profile = build_measure_profile(measure, sight=WHOLE_SIGHT)
    assert [(point.period, point.value.text) for point in profile.spc.points] == [
        ("April 2017", "10"),
        ("May 2017", "20"),
        ("June 2017", "30"),
    ]
    assert profile.projected.reason == "No projection: a year collected monthly is not projected on these pages yet."
