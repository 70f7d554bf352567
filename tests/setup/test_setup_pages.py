"""The performance team's set-up pages: the organisation, its years, and its lists."""

from decimal import Decimal

import pytest

from scorecard.council.models import Directorate, FinancialYear, OrganisationSettings, Pledge, Portfolio, Priority
from scorecard.measures.models import ScorecardEntry
from scorecard.measures.services import measure_record
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(client, performance):
    client.force_login(performance)
    return client


ORGANISATION = {
    "name": "Northfield District Council",
    "team_name": "Policy and Performance",
    "data_source": "Northfield Scorecard",
    "directorate_word": "Service unit",
    "directorate_word_plural": "Service units",
    "bands": "three",
    "blue_margin": "",
    "amber_margin": "10%",
    "margins": "relative",
    "commentary": "three",
    "commentary_required": "all",
    "default_comparison": "previous_period",
    "stabilised_word": "yes",
    "completed_status": "blue",
    "allow_self_approval": "yes",
    "dashboard_columns": ["good_is", "forecast", "year_end_target", "direction"],
    "annual_benchmark": "no",
}


def test_the_index_lists_every_set_up_page(team):
    html = team.get("/set-up/").content.decode()
    for address in ("organisation/", "years/", "directorates/", "plan/", "perspectives/", "portfolios/", "scorecard/"):
        assert f'href="/set-up/{address}"' in html
    assert 'href="/people/"' in html


def test_the_team_sees_a_set_up_link_and_others_do_not(client, team, officer):
    assert 'href="/set-up/"' in team.get("/quarters/").content.decode()
    client.force_login(officer)
    assert 'href="/set-up/"' not in client.get("/returns/").content.decode()


def test_the_organisation_page_shows_margins_as_percentages(team):
    OrganisationSettings.objects.update_or_create(pk=1, defaults={"blue_margin": Decimal("0.02")})
    html = team.get("/set-up/organisation/").content.decode()
    assert 'value="2%"' in html and 'value="5%"' in html


def test_the_organisation_page_saves_every_setting_and_keeps_the_old_ones(team, performance):
    response = team.post("/set-up/organisation/", ORGANISATION)
    assert (response.status_code, response.url) == (302, "/set-up/organisation/")
    organisation = OrganisationSettings.load()
    assert (organisation.blue_margin, organisation.amber_margin) == (None, Decimal("0.1"))
    assert (organisation.commentary_required, organisation.default_comparison) == ("all", "previous_period")
    assert (organisation.stabilised_word, organisation.completed_status) == (True, "blue")
    assert organisation.directorate_word_plural == "Service units"
    assert organisation.allow_self_approval
    assert organisation.dashboard_columns == ["good_is", "forecast", "year_end_target", "direction"]
    assert not organisation.annual_benchmark
    latest = organisation.history.first()
    assert (latest.history_user, latest.name) == (performance, "Northfield District Council")
    assert organisation.history.count() >= 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amber_margin": "ten"}, "Amber margin: “ten” is not a margin"),
        ({"bands": "four", "blue_margin": "a lot"}, "Blue margin: “a lot” is not a margin"),
        ({"margins": "absolute", "amber_margin": "5%"}, "leave out the % sign"),
        ({"name": ""}, "Enter the organisation&#x27;s name"),
        ({"commentary": "seven"}, "Select a valid choice"),
    ],
)
def test_bad_organisation_settings_are_named_and_nothing_changes(team, changes, message):
    response = team.post("/set-up/organisation/", {**ORGANISATION, **changes})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert OrganisationSettings.load().name == "Your council"


def test_a_new_year_comes_with_its_quarters_and_the_organisations_defaults(team):
    team.post("/set-up/organisation/", ORGANISATION)
    response = team.post("/set-up/years/", {"year": "2027/28"})
    assert response.status_code == 302
    year = FinancialYear.objects.get(start_year=2027)
    assert year.periods.count() == 4
    assert (year.completed_status, year.same_direction_label) == ("blue", "Stabilised")
    assert "2027/28" in team.get("/set-up/years/").content.decode()


@pytest.mark.parametrize(
    ("typed", "message"),
    [("2027/28", "2027/28 overlaps a year already held"), ("27/28", "27/28"), ("", "Enter the financial year")],
)
def test_a_year_held_or_mistyped_is_refused(team, typed, message):
    factories.year(2027)
    response = team.post("/set-up/years/", {"year": typed})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert FinancialYear.objects.count() == 1


def test_a_scorecard_is_copied_into_the_next_year_by_the_existing_service(team):
    year = factories.year(2026)
    factories.target(factories.entry(factories.measure("NF 1"), year).measure, year.periods.get(quarter=1), 10)
    response = team.post("/set-up/years/copy/", {"from_year": year.pk, "to_year": "2027/28"})
    assert response.status_code == 302
    assert ScorecardEntry.objects.filter(year__start_year=2027).count() == 1
    again = team.post("/set-up/years/copy/", {"from_year": year.pk, "to_year": "2027/28"})
    assert again.status_code == 400
    assert "2027/28 already has a scorecard" in again.content.decode()


def test_the_directorates_page_uses_the_councils_word(team):
    OrganisationSettings.objects.update_or_create(
        pk=1, defaults={"directorate_word": "Service unit", "directorate_word_plural": "Service units"}
    )
    html = team.get("/set-up/directorates/").content.decode()
    assert '<h1 class="govuk-heading-xl">Service units</h1>' in html and "Add a service unit" in html


def test_directorates_are_added_renamed_and_reordered(team):
    for name in ("Waste", "Housing", "Planning"):
        assert team.post("/set-up/directorates/", {"action": "add", "name": name}).status_code == 302
    assert list(Directorate.objects.values_list("name", flat=True)) == ["Waste", "Housing", "Planning"]
    planning = Directorate.objects.get(name="Planning")
    team.post("/set-up/directorates/", {"action": "up", "item": planning.pk})
    assert list(Directorate.objects.values_list("name", flat=True)) == ["Waste", "Planning", "Housing"]
    team.post("/set-up/directorates/", {"action": "rename", "item": planning.pk, "name": "Planning and Building"})
    assert Directorate.objects.filter(name="Planning and Building").exists()


def test_a_directorate_in_use_is_not_removed(team):
    used, unused = Directorate.objects.create(name="Waste"), Directorate.objects.create(name="Spare")
    factories.entry(factories.measure("W 1"), factories.year(2026), directorate=used)
    response = team.post("/set-up/directorates/", {"action": "remove", "item": used.pk})
    assert response.status_code == 400
    assert "Waste cannot be removed: it is used by 1 scorecard entry. Rename it instead." in response.content.decode()
    team.post("/set-up/directorates/", {"action": "remove", "item": unused.pk})
    assert list(Directorate.objects.values_list("name", flat=True)) == ["Waste"]


@pytest.mark.parametrize(
    ("sent", "message"),
    [
        ({"action": "add", "name": ""}, "Enter the name"),
        ({"action": "add", "name": "Waste"}, "already exists"),
        ({"action": "explode"}, "Choose what to do"),
        ({"action": "rename", "item": 999999, "name": "X"}, "no longer held"),
        ({"action": "remove", "item": "abc"}, "no longer held"),
    ],
)
def test_bad_list_changes_are_named(team, sent, message):
    Directorate.objects.create(name="Waste")
    response = team.post("/set-up/directorates/", sent)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(Directorate.objects.values_list("name", flat=True)) == ["Waste"]


def test_pledges_have_their_priorities(team):
    team.post("/set-up/plan/", {"action": "add", "name": "A Greener Northfield"})
    pledge = Pledge.objects.get()
    assert f'href="/set-up/plan/{pledge.pk}/"' in team.get("/set-up/plan/").content.decode()
    team.post(f"/set-up/plan/{pledge.pk}/", {"action": "add", "name": "Less waste"})
    team.post(f"/set-up/plan/{pledge.pk}/", {"action": "add", "name": "Cleaner air"})
    assert list(pledge.priorities.values_list("name", "order")) == [("Less waste", 1), ("Cleaner air", 2)]
    response = team.post("/set-up/plan/", {"action": "remove", "item": pledge.pk})
    assert "it is used by 2 priorities" in response.content.decode()
    team.post(f"/set-up/plan/{pledge.pk}/", {"action": "remove", "item": Priority.objects.first().pk})
    assert pledge.priorities.count() == 1


def test_portfolios_and_perspectives_are_optional_lists(team):
    assert "None yet." in team.get("/set-up/portfolios/").content.decode()
    team.post("/set-up/portfolios/", {"action": "add", "name": "Environment"})
    assert Portfolio.objects.get().name == "Environment"
    assert team.get("/set-up/perspectives/").status_code == 200


def test_a_new_measure_compares_as_the_organisation_chose(performance):
    OrganisationSettings.objects.update_or_create(pk=1, defaults={"default_comparison": "previous_period"})
    made = measure_record(measure=None, by=performance, reason="New", code="NF 9", title="Fly-tipping")
    assert made.comparison == "previous_period"
    told = measure_record(
        measure=None, by=performance, reason="New", code="NF 10", title="Litter", comparison="same_period_last_year"
    )
    assert told.comparison == "same_period_last_year"
