"""A councillor reads a measure's place among comparator councils, and the performance team sets a target from
them, in a real browser: no WCAG 2.2 AA problems, and the charts read as named images."""

import pytest

from scorecard.council.models import DashboardColumn, OrganisationSettings
from tests import factories
from tests.browser.conftest import accessibility_problems, sign_in
from tests.reports.benchmarked import against_neighbours

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def short_term_support():
    q4 = factories.period(2018, 4)
    measure = factories.measure("AHH 02D", title="Short-term support with no further services", unit="percent")
    factories.entry(measure, q4.year)
    factories.return_for(measure, q4, 65.4)
    factories.published(q4)
    against_neighbours(measure)
    OrganisationSettings.objects.update_or_create(pk=1, defaults={"dashboard_columns": [DashboardColumn.BENCHMARK]})
    return measure


def test_the_profiles_benchmark_has_no_accessibility_problems(visitor, short_term_support):
    page = visitor()
    page.goto(f"/measures/{short_term_support.pk}/")
    page.get_by_role("heading", name="Against comparator councils").scroll_into_view_if_needed()
    assert page.get_by_role("img", name="Derby among its comparators, 2018/19").is_visible()
    assert page.get_by_role("img", name="Derby against its comparators over time").is_visible()
    assert page.get_by_role("table", name="Derby among its comparators, 2018/19").is_visible()
    assert accessibility_problems(page) == []


def test_the_dashboards_benchmark_column_has_no_accessibility_problems(visitor, short_term_support):
    page = visitor()
    page.goto("/reports/dashboard/?year=2018/19&quarter=4")
    row = page.get_by_role("row", name="AHH 02D Short-term support with no further services")
    assert "Third quartile, 12th of 16" in row.inner_text()
    assert accessibility_problems(page) == []


def test_the_team_sets_a_target_at_the_comparator_median(visitor, short_term_support):
    factories.person("performance", "performance_team")
    page = visitor()
    sign_in(page, "performance")
    page.goto(f"/measures/{short_term_support.pk}/")
    page.get_by_role("link", name="The measure's targets, and setting one from comparator councils").click()
    assert accessibility_problems(page) == []
    page.get_by_label("The year end").check()
    page.get_by_label("At least the comparator median (at most, where low is good)").check()
    page.get_by_role("button", name="Set the target").click()
    assert page.get_by_text("The target is set. At least the comparator median: 78.05").is_visible()
    assert page.get_by_role("row", name="2018/19 The year end 78.05").is_visible()
    assert accessibility_problems(page) == []
