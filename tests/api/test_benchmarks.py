"""/api/benchmarks: each measure's place among comparator councils, as the open data carries it, and the group's
members only where the membership may be published (or to those who work on returns)."""

import pytest

from tests import factories
from tests.reports.benchmarked import against_neighbours

pytestmark = pytest.mark.django_db


def test_anyone_reads_a_published_years_benchmarks(council, public):
    against_neighbours(council.other)
    (found,) = public.get("/benchmarks", year="2018/19").json()
    assert (found["code"], found["benchmark_measure"], found["benchmark_period"]) == ("CM PM16", "ASC5", "2018/19")
    assert (found["benchmark_rank"], found["benchmark_ranked"], found["benchmark_quartile"]) == (12, 16, 3)
    assert (found["benchmark_median"], found["value"]) == ("78.05", "65.4")
    assert found["words"] == "12th of 16 nearest neighbours (1 = best), third quartile, 2018/19"
    assert {"code": "E06000015", "name": "Derby", "value": "65.4"} in found["members"]


def test_a_membership_that_may_not_be_published_is_left_out_for_the_public(council, public, as_role):
    against_neighbours(council.other, publishable=False)
    (found,) = public.get("/benchmarks", year="2018/19").json()
    assert found["members"] is None and found["benchmark_ranked"] == 16
    (found,) = as_role("performance").get("/benchmarks", year="2018/19").json()
    assert len(found["members"]) == 16


def test_a_year_with_nothing_published_is_not_found_by_the_public(council, public, as_role):
    next_year = factories.period(2019, 1)
    factories.entry(council.other, next_year.year)
    against_neighbours(council.other)
    response = public.get("/benchmarks", year="2019/20")
    assert response.status_code == 404
    assert "2019/20 has no published quarter yet" in response.json()["detail"]
    assert as_role("performance").get("/benchmarks", year="2019/20").status_code == 200
