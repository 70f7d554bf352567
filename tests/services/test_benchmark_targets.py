"""A target set from comparator councils: the number their figures give, kept with where it came from and in the
target's history; the status rates against it; nothing is written where there is nothing to set it from."""

from decimal import Decimal

import pytest

from scorecard.benchmarking.targets import target_from_benchmark
from scorecard.measures.models import Target
from scorecard.performance.benchmark_targets import Basis
from scorecard.returns.services import Refused
from tests import factories
from tests.reports.benchmarked import against_neighbours

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return factories.person("performance", "performance_team")


@pytest.fixture
def short_term_support():
    measure = factories.measure("AHH 02D", title="Short-term support", unit="percent")
    factories.entry(measure, factories.year(2018))
    return measure


def test_a_year_end_target_of_at_least_the_median_is_the_groups_median(team, short_term_support):
    against_neighbours(short_term_support)
    year = factories.year(2018)
    target = target_from_benchmark(measure=short_term_support, year=year, quarter=None, basis=Basis.MEDIAN, by=team)
    assert (target.period, target.value, target.benchmark_basis) == (None, Decimal("78.05"), "median")
    assert target.benchmark_source == (
        "At least the comparator median: 78.05, from Derby's nearest neighbours, 16 councils with figures, for "
        "Oflog data explorer ASC5, 2018/19"
    )
    kept = target.history.first()
    assert (kept.history_change_reason, kept.history_user) == ("Set to the comparator median", team)
    assert (kept.value, kept.benchmark_source) == (Decimal("78.05"), target.benchmark_source)


def test_a_quarter_target_at_the_top_quartile_replaces_the_old_one_and_keeps_it_in_history(team, short_term_support):
    against_neighbours(short_term_support)
    q3 = factories.period(2018, 3)
    factories.target(short_term_support, q3, 70)
    target = target_from_benchmark(
        measure=short_term_support, year=q3.year, quarter=3, basis=Basis.TOP_QUARTILE, by=team
    )
    assert target.value == Decimal(
        "80.25"
    )  # the upper quartile of the sixteen, inclusive (as QUARTILE in a spreadsheet)
    assert Target.objects.filter(measure=short_term_support, period=q3).count() == 1
    assert [record.value for record in target.history.order_by("history_date")] == [Decimal(70), Decimal("80.25")]


def test_the_status_rates_the_actual_against_the_resolved_number(client, team, short_term_support):
    against_neighbours(short_term_support)
    q4 = factories.period(2018, 4)
    target_from_benchmark(measure=short_term_support, year=q4.year, quarter=4, basis=Basis.MEDIAN, by=team)
    factories.return_for(short_term_support, q4, 65.4)
    factories.published(q4)
    html = client.get("/reports/dashboard/?year=2018/19&quarter=4").content.decode()
    assert "78% (comparator median)" in html  # printed to the measure's whole percent; rated as held, 78.05
    assert "scorecard-status--red" in html  # 65.4 is more than 5% short of 78.05


@pytest.mark.parametrize(
    ("arrange", "message"),
    [
        ("unmapped", "AHH 02D is not mapped to a measure comparator councils publish: map it first"),
        ("later", "No comparison figures for AHH 02D's comparator group ended by 2018/19: load them first"),
        ("no_direction", "ASC5 has no better direction, so its figures give no top quartile"),
    ],
)
def test_nothing_to_set_it_from_is_refused_and_nothing_is_written(team, short_term_support, arrange, message):
    if arrange == "later":
        against_neighbours(short_term_support, period="2019/20")
    elif arrange == "no_direction":
        external, _ = against_neighbours(short_term_support)
        external.polarity = "none"
        external.save()
    with pytest.raises(Refused, match=message):
        target_from_benchmark(
            measure=short_term_support, year=factories.year(2018), quarter=None, basis=Basis.TOP_QUARTILE, by=team
        )
    assert not Target.objects.exists()


def test_only_the_performance_team_sets_a_target(short_term_support):
    against_neighbours(short_term_support)
    owner = factories.person("owner", "measure_owner", "People Services")
    with pytest.raises(Refused, match="Only the performance team sets targets"):
        target_from_benchmark(
            measure=short_term_support, year=factories.year(2018), quarter=None, basis=Basis.MEDIAN, by=owner
        )


def test_the_targets_page_sets_one_and_says_where_it_came_from(client, team, short_term_support):
    against_neighbours(short_term_support)
    client.force_login(team)
    year = factories.year(2018)
    page = f"/measures/{short_term_support.pk}/targets/"
    assert "12th of 16 nearest neighbours" in client.get(page).content.decode()
    response = client.post(page, {"year": year.pk, "when": "year_end", "basis": "median"}, follow=True)
    html = response.content.decode()
    assert "The target is set. At least the comparator median: 78.05" in html
    assert "from Derby&#x27;s nearest neighbours" in html


def test_the_targets_page_names_a_refusal(client, team, short_term_support):
    client.force_login(team)
    year = factories.year(2018)
    response = client.post(
        f"/measures/{short_term_support.pk}/targets/", {"year": year.pk, "when": "1", "basis": "median"}
    )
    assert response.status_code == 400
    assert "AHH 02D is not mapped to a measure comparator councils publish" in response.content.decode()
