import re

import pytest
from django.utils import timezone

from scorecard.council.models import OrganisationSettings
from tests import factories

pytestmark = pytest.mark.django_db


def page_title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1].strip()


def test_the_years_page_lists_the_years_and_quarters_held_to_the_team(client):
    online = factories.measure("CM PM15")
    factories.return_for(online, factories.period(2017, 2), 38551)
    factories.return_for(factories.action(), factories.period(2016, 4), actual_progress="completed")
    factories.year(2019)
    client.force_login(factories.person("team", "performance_team"))
    response = client.get("/years/")
    html = response.content.decode()
    assert response.status_code == 200
    assert page_title(response) == "Years and quarters – Scorecard – Your council"
    assert html.index("2019/20") < html.index("2017/18") < html.index("2016/17")
    assert "No returns yet" in html


def test_readers_and_the_public_see_only_published_quarters_in_the_years_page(client):
    online = factories.measure("CM PM15")
    factories.return_for(online, factories.period(2017, 2), 38551)
    factories.return_for(online, factories.period(2017, 3), 38000)
    factories.year(2019)
    factories.published(factories.period(2017, 2))
    for visitor in (None, factories.person("reader", "reader")):
        if visitor:
            client.force_login(visitor)
        html = client.get("/years/").content.decode()
        assert "quarter=2" in html and "quarter=3" not in html
        assert "2019/20" not in html


def test_a_fresh_scorecard_sends_its_first_visitor_to_the_first_run_page(client):
    response = client.get("/")
    assert (response.status_code, response.url) == (302, "/start/")


def test_the_home_page_of_a_council_set_up_with_nothing_held_says_what_to_do(client):
    factories.organisation()
    OrganisationSettings.objects.update(set_up_at=timezone.now())
    html = client.get("/").content.decode()
    assert "Nothing published yet" in html and "There is a problem" not in html
    client.force_login(factories.person("team", "performance_team"))
    html = client.get("/").content.decode()
    assert "Nothing to report yet" in html and 'href="/set-up/"' in html


def a_quarter_with_a_red_measure(published: bool = True):
    q2 = factories.period(2018, 2)
    for code, actual in (("RED 1", 80), ("GREEN 1", 100)):
        measure = factories.measure(code, title=f"Measure {code}")
        factories.entry(measure, q2.year)
        factories.target(measure, q2, 100)
        factories.return_for(measure, q2, actual)
    if published:
        factories.published(q2)
    return q2


def test_the_home_page_opens_on_the_latest_published_quarter_at_a_glance(client):
    a_quarter_with_a_red_measure()
    factories.return_for(factories.Measure.objects.get(code="RED 1"), factories.open_period(2018, 3), 50)
    response = client.get("/")
    html = response.content.decode()
    assert page_title(response) == "Quarter 2 2018/19 at a glance – Scorecard – Your council"
    assert "Of 2 measures, against the quarter&#x27;s target: 0 Blue, 1 Green, 0 Amber and 1 Red." in html
    attention = html[html.index("Needs attention") :]
    assert ">RED 1</a>" in attention and "GREEN 1" not in attention
    assert 'role="img"' in html  # the summary's chart
    assert 'href="/years/"' in html
    client.force_login(factories.person("team", "performance_team"))
    html = client.get("/").content.decode()
    assert "Quarter 3 2018/19 at a glance" in html and "Not yet published" in html


def test_staff_see_their_returns_due_and_approvals_waiting(client):
    q3 = factories.open_period(2018, 3)
    people = factories.Directorate.objects.create(name="People Services")
    for code in ("A 1", "A 2"):
        factories.entry(factories.measure(code), q3.year, directorate=people)
    factories.return_for(factories.Measure.objects.get(code="A 2"), q3, 5, state="submitted")
    client.force_login(factories.person("owner", "measure_owner", "People Services"))
    html = client.get("/").content.decode()
    assert "1 return to complete for 2018/19 Q3" in html and "waiting for your approval" not in html
    client.force_login(factories.person("approver", "directorate_approver", "People Services"))
    assert "1 return waiting for your approval" in client.get("/").content.decode()


@pytest.mark.parametrize("page", ["/", "/years/"])
def test_the_home_and_years_pages_queries_do_not_grow_with_the_years_held(client, page, django_assert_max_num_queries):
    factories.organisation()
    factories.return_for(factories.measure("A 1"), factories.period(2017, 2), 1)
    factories.published(factories.period(2017, 2))
    with django_assert_max_num_queries(25) as few:
        client.get(page)
    for start in range(2010, 2016):
        factories.return_for(factories.measure(f"B {start}"), factories.period(start, 1), 1)
        factories.published(factories.period(start, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(page)


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
