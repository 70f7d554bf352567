import re

import pytest
from django.utils import timezone

from scorecard.council.models import OrganisationSettings
from tests import factories

pytestmark = pytest.mark.django_db


def page_title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1].strip()


def test_the_home_page_lists_the_years_and_quarters_held(client):
    online = factories.measure("CM PM15")
    factories.return_for(online, factories.period(2017, 2), 38551)
    factories.return_for(factories.action(), factories.period(2016, 4), actual_progress="completed")
    factories.year(2019)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert page_title(response) == "Years and quarters – Scorecard – Your council"
    assert html.index("2019/20") < html.index("2017/18") < html.index("2016/17")
    assert "No returns yet" in html
    assert 'href="/admin/"' in html


def test_a_fresh_scorecard_sends_its_first_visitor_to_the_first_run_page(client):
    response = client.get("/")
    assert (response.status_code, response.url) == (302, "/start/")


def test_the_home_page_of_a_council_with_no_years_says_where_to_add_them(client):
    factories.organisation()
    OrganisationSettings.objects.update(set_up_at=timezone.now())
    html = client.get("/").content.decode()
    assert "No years are set up yet" in html
    assert 'href="/set-up/years/"' in html


def test_the_home_page_queries_do_not_grow_with_the_years_held(client, django_assert_max_num_queries):
    factories.organisation()
    factories.return_for(factories.measure("A 1"), factories.period(2017, 2), 1)
    with django_assert_max_num_queries(4) as few:
        client.get("/")
    for start in range(2010, 2016):
        factories.return_for(factories.measure(f"B {start}"), factories.period(start, 1), 1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/")


def test_the_admin_finds_a_measure_by_code_or_former_code(admin_client):
    homes = factories.measure("YA&H PM08", title="Number of new affordable homes provided (gross)")
    homes.aliases.create(code="NI 155", kind="national_indicator")
    factories.measure("CM PM15")
    for query in ("YA&H PM08", "NI 155", "affordable homes"):
        html = admin_client.get("/admin/measures/measure/", {"q": query}).content.decode()
        assert "affordable homes" in html
        assert "CM PM15" not in html


@pytest.mark.parametrize(
    "page",
    [
        "/admin/council/organisationsettings/",
        "/admin/council/financialyear/",
        "/admin/council/pledge/",
        "/admin/council/priority/",
        "/admin/council/directorate/",
        "/admin/council/portfolio/",
        "/admin/council/perspective/",
        "/admin/council/period/",
        "/admin/measures/measure/",
        "/admin/measures/scorecardentry/",
        "/admin/measures/target/",
        "/admin/measures/targetamendment/",
        "/admin/returns/return/",
        "/admin/accounts/user/",
        "/admin/accounts/roleassignment/",
    ],
)
def test_the_admin_covers_every_part_of_the_model(admin_client, page):
    assert admin_client.get(page).status_code == 200
    assert admin_client.get(page + "add/").status_code in (200, 403)


def test_the_admin_shows_a_returns_change_history(admin_client):
    ret = factories.return_for(factories.measure("CM PM15"), factories.period(2018, 2), 44745)
    ret.actual = 44800
    ret.save()
    assert admin_client.get(f"/admin/returns/return/{ret.pk}/change/").status_code == 200
    history = admin_client.get(f"/admin/returns/return/{ret.pk}/history/").content.decode()
    assert "44800" in history or "44,800" in history


def test_a_returns_admin_page_shows_its_figures_as_entered_and_its_status(admin_client):
    q2 = factories.period(2017, 2)
    health_checks = factories.measure("L&C PM28", title="Livewell: NHS Health Checks")
    factories.target(health_checks, q2, 500)
    ret = factories.return_for(health_checks, q2, 475)
    html = admin_client.get(f"/admin/returns/return/{ret.pk}/change/").content.decode()
    assert ">475<" in html
    assert "Quarterly status Amber" in html
    assert "Save" not in html  # returns change only through the services


def test_the_admin_cannot_add_or_delete_returns(admin_client):
    ret = factories.return_for(factories.measure("CM PM15"), factories.period(2018, 2), 44745)
    assert admin_client.get("/admin/returns/return/add/").status_code == 403
    assert admin_client.post(f"/admin/returns/return/{ret.pk}/delete/").status_code == 403
