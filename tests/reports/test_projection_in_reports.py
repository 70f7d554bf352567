"""The improvement report shows the projection and the required run rate beside the forecast; the measure profile
charts the year so far, the projection and its range, and the target (issue 15)."""

import pytest

from scorecard.accounts.permissions import PUBLIC_SIGHT, WHOLE_SIGHT
from scorecard.council.models import Directorate
from scorecard.measures.models import Target
from scorecard.reports.improvement import build_improvement_report
from scorecard.reports.outputs import profile_output
from scorecard.reports.profile import build_measure_profile
from tests import factories

pytestmark = pytest.mark.django_db


def running_totals(values):
    return [sum(values[: n + 1]) for n in range(len(values))]


@pytest.fixture
def q2():
    return factories.period(2018, 2)


@pytest.fixture
def health_checks(q2):
    """Behind its Q2 target (Red), with three earlier years that share one seasonal pattern."""
    measure = factories.measure("L&C PM28", title="NHS Health Checks")
    factories.entry(measure, q2.year, directorate=Directorate.objects.get_or_create(name="People Services")[0])
    factories.target(measure, q2, 600)
    factories.target(measure, None, 1500, year_of=q2.year)
    for start_year in (2015, 2016, 2017):
        for quarter, value in enumerate(running_totals([100, 200, 300, 400]), start=1):
            factories.return_for(measure, factories.period(start_year, quarter), value)
    factories.return_for(measure, factories.period(2018, 1), 110)
    factories.return_for(measure, q2, 330, forecast=1500)
    return measure


def test_the_improvement_report_shows_the_projection_and_run_rate_beside_the_forecast(q2, health_checks):
    (row,) = build_improvement_report(q2, sight=WHOLE_SIGHT).rows
    assert row.projected == "1,100 (share of year; range 1,100 to 1,100, holds the year end about 3 years in 4)"
    assert row.run_rate.startswith("Each remaining quarter must deliver 585 (1,170 in all).")
    assert row.run_rate.endswith("That would need a record quarter: the best held is 400.")


def test_the_projection_columns_go_to_every_format(q2, health_checks):
    (table,) = build_improvement_report(q2, sight=WHOLE_SIGHT).tables()
    assert table.columns[8:10] == ["Projected year end", "Required run rate"]


def test_the_public_projection_uses_published_figures_only(q2, health_checks):
    factories.published(*(factories.period(year, quarter) for year in (2015, 2016, 2017) for quarter in range(1, 5)))
    factories.published(factories.period(2018, 1), q2)
    (row,) = build_improvement_report(q2, sight=PUBLIC_SIGHT).rows
    assert row.projected.startswith("1,100 (share of year")


def test_the_profile_charts_the_year_so_far_its_projection_range_and_target(q2, health_checks):
    output = profile_output(health_checks, sight=WHOLE_SIGHT)
    chart = output.extra["projection_chart"]
    assert chart.description == (
        "2018/19 so far: Q1 110, Q2 330. Projected year end 1,100, range 1,100 to 1,100 (a range worked out this way "
        "from the last 3 years' patterns holds the year end about 3 years in 4); year-end target 1,500."
    )
    assert 'role="img"' in chart.svg and chart.png.startswith(b"\x89PNG")
    assert chart in output.charts  # so Word has it too


def test_the_profile_lists_the_projection_for_the_spreadsheet_and_csv(q2, health_checks):
    tables = build_measure_profile(health_checks, sight=WHOLE_SIGHT).tables()
    projection = next(table for table in tables if table.title == "Year-end projection")
    assert [cell.text for cell in projection.rows[0]][:3] == ["2018/19", "1,100", "1,100 to 1,100"]


def test_a_profile_without_a_year_end_target_says_why_there_is_no_projection(q2, health_checks):
    Target.objects.filter(measure=health_checks, period=None).delete()
    output = profile_output(health_checks, sight=WHOLE_SIGHT)
    assert output.report.projected.reason == "No projection: the measure has no year-end target this year."
    assert output.extra["projection_chart"] is None
