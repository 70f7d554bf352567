"""Issue 16 §2: what is published stays what was approved.

While a published quarter is reopened, readers, the public and other directorates see it as published (reports,
profiles, the API, open data) until its changes are approved and it is republished; a quarter's drafts are seen
only by those permissions.py lets open the return (its owners, its directorate's approver, the team).
"""

from __future__ import annotations

from datetime import date

import pytest

from scorecard.accounts import permissions
from scorecard.api import tokens
from scorecard.council.models import Directorate, Period
from scorecard.returns import services, sign_off
from scorecard.returns.models import Return, WorkflowState
from tests import factories

pytestmark = pytest.mark.django_db

SEERS = ["owner", "approver", "performance"]  # may open the return: see its working values
OTHERS = ["anonymous", "reader", "other_owner"]  # see what is published


@pytest.fixture
def people():
    return factories.everyone("People Services")


@pytest.fixture
def reopened(people):
    """2018/19 Q2 published with CM PM15 at 470 against 500 (Red), then reopened; its owner has a draft of 987654."""
    q2 = factories.period(2018, 2)
    measure = factories.measure("CM PM15", title="Children in need")
    factories.entry(measure, q2.year, directorate=Directorate.objects.get(name="People Services"))
    factories.target(measure, q2, 500)
    factories.target(measure, None, 480, year_of=q2.year)
    factories.return_for(measure, q2, 470, forecast=480, context="As published")
    factories.published(q2)
    services.period_reopen(period=q2, by=people["performance"], reason="Corrected figure")
    ret = Return.objects.get(measure=measure, period=q2)
    ret.state = WorkflowState.RETURNED
    ret.save()
    services.return_save(ret=ret, by=people["owner"], version=ret.version, actual=987654, context="Draft correction")
    return Period.objects.get(pk=q2.pk)


class Visitor:
    """A person on the pages (signed in) and on the API (with a token of theirs); or the public."""

    def __init__(self, client, person=None):
        self.client, self.headers = client, {}
        if person is not None:
            client.force_login(person)
            self.headers = {"Authorization": f"Bearer {tokens.token_create(user=person, name='Tests')[1]}"}

    def get(self, url: str):
        return self.client.get(url, headers=self.headers if url.startswith("/api/") else {})


def as_(client, people, role) -> Visitor:
    return Visitor(client, None if role == "anonymous" else people[role])


def changed(text: str) -> bool:
    return "987654" in text or "987,654" in text or "Draft correction" in text


def pages(client, period):
    """What a visitor reads of the quarter: two reports, a download, the profile, the API and the open data."""
    measure_id = Return.objects.get(period=period).measure_id
    return {
        "improvement": client.get("/reports/improvement/?year=2018/19&quarter=2").content.decode(),
        "dashboard csv": client.get(
            "/reports/dashboard/?year=2018/19&quarter=2&group_by=directorate&format=csv"
        ).content.decode(),
        "profile": client.get(f"/measures/{measure_id}/").content.decode(),
        "api": client.get(f"/api/periods/{period.pk}/returns").content.decode(),
        "api return": client.get(f"/api/periods/{period.pk}/returns/{measure_id}").content.decode(),
        "api report": client.get("/api/reports/dashboard?year=2018/19&quarter=2").content.decode(),
        "open data": client.get("/open-data/2018-19-Q2/scorecard.csv").content.decode(),
    }


@pytest.mark.parametrize("role", OTHERS)
def test_a_reopened_quarter_shows_others_its_published_figures(client, people, reopened, role):
    for name, text in pages(as_(client, people, role), reopened).items():
        assert ("Red" if name in ("dashboard csv", "api report") else "470") in text, name
        assert not changed(text), name


@pytest.mark.parametrize("role", SEERS)
def test_a_reopened_quarter_shows_its_owners_and_the_team_the_change(client, people, reopened, role):
    seen = pages(as_(client, people, role), reopened)
    for name in ("profile", "api", "api return"):
        assert changed(seen[name]), name
    assert "Blue" in seen["dashboard csv"] and "Blue" in seen["api report"]
    assert "CM PM15" not in seen["improvement"]  # 987654 is above target: no longer in the improvement report
    assert not changed(seen["open data"]) and "470" in seen["open data"]  # open data is what is published


def test_republishing_shows_everyone_the_approved_change_as_a_restatement(client, people, reopened):
    team = people["performance"]
    ret = Return.objects.get(period=reopened)
    ret = services.return_submit(
        ret=ret, by=people["owner"], version=ret.version, context="Corrected", intervention="x", improvement_actions="y"
    )
    sign_off.return_approve(ret=ret, by=people["approver"], version=ret.version)
    services.period_close(period=reopened, by=team)
    services.period_publish(period=reopened, by=team)
    reopened.refresh_from_db()
    assert not reopened.holds_published_record
    assert reopened.history.first().history_change_reason == "Republished"
    csv = client.get("/open-data/2018-19-Q2/scorecard.csv").content.decode()
    assert "987654" in csv and "true" in csv.splitlines()[1]  # restated_since_publication
    assert (
        "Restated since publication"
        in client.get("/reports/dashboard/?year=2018/19&quarter=2&group_by=directorate").content.decode()
    )


def test_a_return_begun_after_reopening_is_not_public(client, people, reopened):
    another = factories.measure("CM PM16", title="Children looked after")
    factories.entry(another, reopened.year, directorate=Directorate.objects.get(name="People Services"))
    ret = services.return_start(measure=another, period=reopened, by=people["owner"])
    services.return_save(ret=ret, by=people["owner"], version=ret.version, actual=12345)
    assert "12345" not in client.get("/open-data/2018-19-Q2/scorecard.csv").content.decode()
    assert "12345" not in client.get(f"/api/periods/{reopened.pk}/returns").content.decode()
    team = as_(client, people, "performance")
    assert "12345" in team.get(f"/api/periods/{reopened.pk}/returns").content.decode()


@pytest.fixture
def drafting(people):
    """2018/19 Q3 open: CM PM15 (People Services) has a Red draft with its commentary."""
    q3 = factories.open_period(2018, 3)
    measure = factories.measure("CM PM15", title="Children in need")
    factories.entry(measure, q3.year, directorate=Directorate.objects.get(name="People Services"))
    factories.target(measure, q3, 500)
    factories.target(measure, None, 500, year_of=q3.year)
    factories.return_for(measure, q3, 111, forecast=222, state=WorkflowState.DRAFT, context="Unsigned draft words")
    return q3


@pytest.mark.parametrize(
    ("role", "sees"), [("other_owner", False), ("owner", True), ("approver", True), ("performance", True)]
)
def test_drafts_are_read_only_by_those_who_may_open_the_return(client, people, drafting, role, sees):
    client = as_(client, people, role)
    measure_id = Return.objects.get(period=drafting).measure_id
    for url in (
        "/reports/improvement/?year=2018/19&quarter=3",
        "/reports/dashboard/?year=2018/19&quarter=3&group_by=directorate&format=csv",
        f"/api/periods/{drafting.pk}/returns",
        "/api/reports/improvement?year=2018/19&quarter=3",
        f"/measures/{measure_id}/",
    ):
        text = client.get(url).content.decode()
        assert ("Unsigned draft words" in text or "222" in text) is sees, url


def test_one_rule_decides_who_sees_working_values(people, drafting):
    ret = Return.objects.select_related("measure", "period").get(period=drafting)
    for role, person in people.items():
        sight = permissions.working_sight(person)
        directorate = permissions.directorate_id_of(ret)
        sees = sight.sees(owner_id=ret.measure.owner_id, directorate_id=directorate)
        assert sees is permissions.may_view_return(person, ret), role


def scorecard_of(count: int, start: int = 0) -> Period:
    q2 = factories.period(2018, 2)
    place = Directorate.objects.get(name="People Services")
    for number in range(start, start + count):
        measure = factories.measure(f"PM{number}", title=f"Measure {number}")
        factories.entry(measure, q2.year, directorate=place, order=number)
        factories.target(measure, q2, 100)
        factories.return_for(measure, q2, 90, context="Published words")
    return q2


@pytest.mark.parametrize("role", ["anonymous", "other_owner", "owner"])
def test_a_reopened_quarter_reads_in_as_many_queries_however_many_measures(
    client, people, role, django_assert_max_num_queries
):
    q2 = scorecard_of(3)
    factories.published(q2)
    services.period_reopen(period=q2, by=people["performance"], reason="Corrections")
    visitor = as_(client, people, role)
    urls = [
        "/reports/dashboard/?year=2018/19&quarter=2&group_by=directorate",
        "/api/reports/improvement?year=2018/19&quarter=2",
        f"/api/periods/{q2.pk}/returns",
    ]
    counts = []
    for url in urls:
        # 60 at most: the dashboard and improvement report read the SPC series as this visitor is shown them
        with django_assert_max_num_queries(60) as few:
            assert visitor.get(url).status_code == 200
        counts.append(len(few.captured_queries))
    scorecard_of(30, start=3)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert visitor.get(url).status_code == 200, url


def test_the_open_data_and_report_mastheads_show_the_date_the_council_published(client, people):
    q1 = factories.period(2014, 1)
    measure = factories.measure("CM PM15", title="Children in need")
    factories.entry(measure, q1.year, directorate=Directorate.objects.get(name="People Services"))
    factories.return_for(measure, q1, 470)
    Period.objects.filter(pk=q1.pk).update(state=Period.State.CLOSED)
    services.period_publish(period=q1, by=people["performance"], published_on=date(2014, 9, 12))
    rows = client.get("/open-data/2014-15-Q1/scorecard.json").json()["rows"]
    assert [row["published"] for row in rows] == ["2014-09-12"]
    assert "12 September 2014" in client.get("/open-data/").content.decode()
    page = client.get("/reports/dashboard/?year=2014/15&quarter=1&group_by=directorate").content.decode()
    assert "Published 12 September 2014" in page
    sheet = client.get("/reports/dashboard/?year=2014/15&quarter=1&group_by=directorate&format=xlsx")
    assert sheet.status_code == 200
    report = client.get("/api/reports/dashboard?year=2014/15&quarter=1").json()
    assert report["published_on"] == "2014-09-12"
    assert client.get("/api/periods?year=2014/15").json()[0]["published_on"] == "2014-09-12"


def test_a_later_quarter_compares_with_an_earlier_ones_published_figure_while_it_is_reopened(client, people):
    q1, q2 = factories.period(2018, 1), factories.period(2018, 2)
    measure = factories.measure("CM PM15", title="Children in need", comparison="previous_period")
    factories.entry(measure, q1.year, directorate=Directorate.objects.get(name="People Services"))
    factories.return_for(measure, q1, 400)
    factories.return_for(measure, q2, 450)
    factories.published(q1, q2)
    services.period_reopen(period=q1, by=people["performance"], reason="Corrected figure")
    Return.objects.filter(period=q1).update(actual=987654)  # the owner's correction, not yet republished
    public = client.get("/api/reports/dashboard?year=2018/19&quarter=2&group_by=directorate").json()
    (row,) = public["tables"][0]["rows"]
    assert "Improving" in str(row)  # 450 against Q1's published 400, good is high
    profile = client.get(f"/measures/{measure.pk}/").content.decode()
    assert not changed(profile)
    team = as_(client, people, "performance")
    (row,) = team.get("/api/reports/dashboard?year=2018/19&quarter=2&group_by=directorate").json()["tables"][0]["rows"]
    assert "Deteriorating" in str(row)


def test_the_owner_is_told_readers_see_the_return_as_published(client, people, reopened):
    client.force_login(people["owner"])
    measure_id = Return.objects.get(period=reopened).measure_id
    page = client.get(f"/returns/{reopened.pk}/{measure_id}/").content.decode()
    assert "readers and the public see this return as published until its changes are approved" in page
