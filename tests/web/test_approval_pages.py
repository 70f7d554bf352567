"""The approver's queue: their directorate's submitted returns, approved or sent back with a comment."""

from datetime import date

import pytest

from scorecard.accounts.models import Role
from scorecard.council.models import Directorate, Period
from scorecard.returns.models import Return, WorkflowState
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def q3():
    return factories.open_period(2018, 3, deadline=date(2019, 1, 18))


@pytest.fixture
def approver():
    return factories.person("approver", Role.DIRECTORATE_APPROVER, "People Services")


def submitted(code: str, title: str, directorate: str, period: Period, actual=480, **fields) -> Return:
    measure = factories.measure(code, title=title)
    factories.entry(measure, period.year, directorate=Directorate.objects.get_or_create(name=directorate)[0])
    factories.target(measure, period, 500)
    values = {"state": WorkflowState.SUBMITTED, "context": "Uptake fell over the summer.", **fields}
    return factories.return_for(measure, period, actual, **values)


def text(response) -> str:
    return response.content.decode()


def test_the_queue_lists_submitted_returns_in_the_approvers_directorate(client, approver, q3):
    submitted("L&C PM28", "Livewell: NHS Health Checks", "People Services", q3)
    submitted("OG PM01", "Sickness absence", "Organisation & Governance", q3)
    submitted("L&C PM29", "Already approved", "People Services", q3, state=WorkflowState.APPROVED)
    client.force_login(approver)
    html = text(client.get("/approvals/"))
    assert "Livewell: NHS Health Checks" in html and "Uptake fell over the summer." in html
    assert 'scorecard-status--amber">Amber' in html and "target 500" in html
    assert "Sickness absence" not in html and "Already approved" not in html


def test_the_performance_team_sees_every_directorates_queue(client, q3):
    submitted("L&C PM28", "Livewell: NHS Health Checks", "People Services", q3)
    submitted("OG PM01", "Sickness absence", "Organisation & Governance", q3)
    client.force_login(factories.person("performance", Role.PERFORMANCE_TEAM))
    html = text(client.get("/approvals/"))
    assert "NHS Health Checks" in html and "Sickness absence" in html


def test_an_empty_queue_says_so(client, approver):
    client.force_login(approver)
    assert "There are no returns waiting for your approval." in text(client.get("/approvals/"))


def test_the_approver_approves(client, approver, q3):
    ret = submitted("L&C PM28", "Livewell: NHS Health Checks", "People Services", q3)
    client.force_login(approver)
    response = client.post(f"/approvals/{ret.pk}/approve/", {"version": ret.version}, follow=True)
    ret.refresh_from_db()
    assert ret.state == WorkflowState.APPROVED
    assert "L&amp;C PM28 2018/19 Q3 is approved." in text(response)
    assert ret.history.first().history_change_reason == "Approved"


def test_sending_back_needs_a_comment(client, approver, q3):
    ret = submitted("L&C PM28", "Livewell: NHS Health Checks", "People Services", q3)
    client.force_login(approver)
    response = client.post(f"/approvals/{ret.pk}/send-back/", {"comment": "  ", "version": ret.version})
    html = text(response)
    assert response.status_code == 400
    assert f'<a href="#comment-{ret.pk}">Say what the owner needs to change before it is approved</a>' in html
    assert f'id="comment-{ret.pk}-error"' in html
    ret.refresh_from_db()
    assert ret.state == WorkflowState.SUBMITTED


def test_the_owner_sees_the_approvers_comment_on_the_return(client, approver, q3):
    ret = submitted("L&C PM28", "Livewell: NHS Health Checks", "People Services", q3)
    client.force_login(approver)
    client.post(
        f"/approvals/{ret.pk}/send-back/", {"comment": "Say when the extra clinics start.", "version": ret.version}
    )
    ret.refresh_from_db()
    assert (ret.state, ret.returned_comment) == (WorkflowState.RETURNED, "Say when the extra clinics start.")
    client.force_login(factories.person("officer", Role.MEASURE_OWNER, "People Services"))
    html = text(client.get(f"/returns/{q3.pk}/{ret.measure_id}/"))
    assert "Sent back by the approver" in html and "Say when the extra clinics start." in html
    assert "Submit for approval</button>" in html


def test_an_approver_cannot_approve_another_directorates_return(client, approver, q3):
    ret = submitted("OG PM01", "Sickness absence", "Organisation & Governance", q3)
    client.force_login(approver)
    response = client.post(f"/approvals/{ret.pk}/approve/", {"version": ret.version})
    assert response.status_code == 403
    assert "You cannot approve this return." in text(response)
    ret.refresh_from_db()
    assert ret.state == WorkflowState.SUBMITTED


def test_a_return_approved_twice_says_why_not(client, approver, q3):
    ret = submitted("L&C PM28", "Livewell: NHS Health Checks", "People Services", q3)
    client.force_login(approver)
    client.post(f"/approvals/{ret.pk}/approve/", {"version": ret.version})
    response = client.post(f"/approvals/{ret.pk}/approve/", {"version": ret.version})
    assert response.status_code == 403
    assert "Only a submitted return can be approved." in text(response)


def test_the_queue_queries_do_not_grow_with_the_returns(client, approver, q3, django_assert_max_num_queries):
    for number in range(3):
        submitted(f"PM{number}", f"Measure {number}", "People Services", q3)
    client.force_login(approver)
    with django_assert_max_num_queries(25) as few:
        client.get("/approvals/")
    for number in range(3, 20):
        submitted(f"PM{number}", f"Measure {number}", "People Services", q3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert text(client.get("/approvals/")).count("Approve<span") == 20
