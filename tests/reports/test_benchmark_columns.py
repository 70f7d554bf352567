"""The Benchmark column of the dashboard and the annual results, and the open data's benchmark columns."""

import csv
import io

import pytest

from scorecard.council.models import DashboardColumn, Directorate, OrganisationSettings, Pledge, Priority
from scorecard.reports.open_data import COLUMNS
from tests import factories
from tests.reports.benchmarked import against_neighbours

pytestmark = pytest.mark.django_db

DASHBOARD = "/reports/dashboard/?year=2018/19&quarter=4&group_by=directorate"


def year_end_scorecard(count: int = 1, start: int = 0):
    """count measures of 2018/19 in People Services under a pledge, each with a Q4 actual; Q4 published."""
    q4 = factories.period(2018, 4)
    place = Directorate.objects.get_or_create(name="People Services")[0]
    pledge = Pledge.objects.get_or_create(name="Safe Derby")[0]
    priority = Priority.objects.get_or_create(name="Protecting Vulnerable Adults", pledge=pledge)[0]
    measures = []
    for number in range(start, start + count):
        measure = factories.measure(f"AHH {number:02d}", title=f"Short-term support {number}", unit="percent")
        factories.entry(measure, q4.year, directorate=place, priority=priority, order=number)
        factories.target(measure, q4, 70)
        factories.return_for(measure, q4, 65)
        measures.append(measure)
    factories.published(q4)
    return measures


def choose_columns(*columns: str) -> None:
    OrganisationSettings.objects.update_or_create(pk=1, defaults={"dashboard_columns": list(columns)})


def test_the_dashboard_shows_quartile_and_rank_when_the_column_is_chosen(client):
    against_neighbours(*year_end_scorecard())
    choose_columns(DashboardColumn.DIRECTION, DashboardColumn.BENCHMARK)
    html = client.get(DASHBOARD).content.decode()
    assert "Benchmark (1 = best)" in html
    assert "Third quartile, 12th of 16<" in html  # the report's own year: no year named


def test_a_benchmark_from_an_earlier_year_says_its_year(client):
    against_neighbours(*year_end_scorecard(), period="2017/18")
    choose_columns(DashboardColumn.BENCHMARK)
    assert "Third quartile, 12th of 16 (2017/18)" in client.get(DASHBOARD).content.decode()


def test_a_benchmark_published_after_the_report_is_not_used(client):
    against_neighbours(*year_end_scorecard(), period="2019/20")
    choose_columns(DashboardColumn.BENCHMARK)
    assert "Benchmark (1 = best)" not in client.get(DASHBOARD).content.decode()  # no measure has one: no column


def test_the_dashboard_leaves_the_benchmark_out_unless_chosen(client):
    against_neighbours(*year_end_scorecard())
    choose_columns(DashboardColumn.DIRECTION)
    assert "12th of 16" not in client.get(DASHBOARD).content.decode()


def test_the_benchmark_column_downloads_in_the_dashboards_csv(client):
    against_neighbours(*year_end_scorecard())
    choose_columns(DashboardColumn.BENCHMARK)
    rows = list(csv.DictReader(io.StringIO(client.get(DASHBOARD + "&format=csv").content.decode("utf-8-sig"))))
    assert rows[0]["Benchmark (1 = best)"] == "Third quartile, 12th of 16"


@pytest.mark.parametrize("page", [DASHBOARD, "/reports/annual/?year=2018/19"])
def test_a_reports_queries_with_benchmarks_do_not_grow_with_the_number_of_measures(
    client, django_assert_max_num_queries, page
):
    external, _ = against_neighbours(*year_end_scorecard(3))
    choose_columns(DashboardColumn.BENCHMARK)
    client.get(page)
    with django_assert_max_num_queries(60) as few:
        client.get(page)
    for measure in year_end_scorecard(27, start=3):
        factories.mapping(measure, external)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(page).content.decode().count("12th of 16") == 30


def test_the_annual_results_show_the_benchmark_where_the_organisation_asks(client):
    against_neighbours(*year_end_scorecard())
    assert "Third quartile, 12th of 16" in client.get("/reports/annual/?year=2018/19").content.decode()
    OrganisationSettings.objects.filter(pk=1).update(annual_benchmark=False)
    assert "12th of 16" not in client.get("/reports/annual/?year=2018/19").content.decode()


def test_the_open_data_has_the_benchmark_columns_by_their_exact_names():
    named = [column for column in COLUMNS if column.startswith("benchmark_")]
    assert named == [
        "benchmark_measure",
        "benchmark_group",
        "benchmark_period",
        "benchmark_rank",
        "benchmark_ranked",
        "benchmark_quartile",
        "benchmark_median",
    ]


def test_the_open_data_carries_each_measures_benchmark(client):
    measure, unmapped = year_end_scorecard(2)
    against_neighbours(measure)
    rows = client.get("/open-data/scorecard.json").json()["rows"]
    mapped, plain = (next(row for row in rows if row["code"] == m.code) for m in (measure, unmapped))
    assert {name: mapped[name] for name in COLUMNS if name.startswith("benchmark_")} == {
        "benchmark_measure": "ASC5",
        "benchmark_group": "Derby's nearest neighbours",
        "benchmark_period": "2018/19",
        "benchmark_rank": 12,
        "benchmark_ranked": 16,
        "benchmark_quartile": 3,
        "benchmark_median": "78.05",
    }
    assert plain["benchmark_rank"] is None and plain["benchmark_measure"] is None
    lines = list(csv.DictReader(io.StringIO(client.get("/open-data/scorecard.csv").content.decode())))
    assert [line["benchmark_rank"] for line in lines] == ["12", ""]
