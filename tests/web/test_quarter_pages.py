"""The performance team runs the quarter: open, close, reopen and publish; progress by directorate;
and on a return's page, challenge, override and amend a target."""

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from scorecard.accounts.models import Role
from scorecard.council.models import Directorate, Period
from scorecard.measures.models import Measure, TargetAmendment
from scorecard.returns.models import WorkflowState
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def performance(client):
    team = factories.person("performance", Role.PERFORMANCE_TEAM)
    client.force_login(team)
    return team


def period_in(state: str, start_year: int = 2018, quarter: int = 3, **fields) -> Period:
    period = factories.period(start_year, quarter)
    Period.objects.filter(pk=period.pk).update(state=state, **fields)
    period.refresh_from_db()
    return period


def text(response) -> str:
    return response.content.decode()


def in_people_services(code: str, period: Period, **fields):
    measure = factories.measure(code, title=f"Measure {code}")
    factories.entry(measure, period.year, directorate=Directorate.objects.get_or_create(name="People Services")[0])
    return measure


def test_the_team_opens_a_quarter_with_a_deadline(client, performance):
    q3 = period_in(Period.State.NOT_OPEN)
    answers = {"deadline": "2019-01-18", "back_loading": "no"}  # a past deadline asks whether this is back-loading
    response = client.post(f"/quarters/{q3.pk}/open/", answers, follow=True)
    q3.refresh_from_db()
    assert (q3.state, q3.deadline, q3.back_loading) == (Period.State.OPEN, date(2019, 1, 18), False)
    assert "2018/19 Q3 is open for returns until 18 January 2019." in text(response)


def test_opening_needs_a_deadline(client, performance):
    q3 = period_in(Period.State.NOT_OPEN)
    response = client.post(f"/quarters/{q3.pk}/open/", {"deadline": ""})
    assert response.status_code == 400
    assert f'<a href="#deadline-{q3.pk}">Enter the deadline for returns</a>' in text(response)
    q3.refresh_from_db()
    assert q3.state == Period.State.NOT_OPEN


def test_the_team_closes_a_quarter(client, performance):
    q3 = period_in(Period.State.OPEN)
    response = client.post(f"/quarters/{q3.pk}/close/", follow=True)
    q3.refresh_from_db()
    assert q3.state == Period.State.CLOSED
    assert "2018/19 Q3 is closed" in text(response)


def test_reopening_needs_a_reason_which_is_kept(client, performance):
    q3 = period_in(Period.State.CLOSED)
    refused = client.post(f"/quarters/{q3.pk}/reopen/", {"reason": ""})
    assert refused.status_code == 400
    assert "Give the reason for reopening: it is kept" in text(refused)
    q3.refresh_from_db()
    assert q3.state == Period.State.CLOSED
    client.post(f"/quarters/{q3.pk}/reopen/", {"reason": "Late figures from the NHS"})
    q3.refresh_from_db()
    assert q3.state == Period.State.OPEN
    assert q3.history.first().history_change_reason == "Reopened: Late figures from the NHS"


def test_the_team_publishes_a_closed_quarter(client, performance):
    q3 = period_in(Period.State.CLOSED)
    response = client.post(f"/quarters/{q3.pk}/publish/", follow=True)
    q3.refresh_from_db()
    assert q3.is_published
    assert "2018/19 Q3 is published" in text(response)


def test_publishing_an_open_quarter_is_refused_with_the_reason(client, performance):
    q3 = period_in(Period.State.OPEN)
    response = client.post(f"/quarters/{q3.pk}/publish/", follow=True)
    assert "Close 2018/19 Q3 before publishing it." in text(response)
    q3.refresh_from_db()
    assert not q3.is_published


def test_progress_counts_returns_by_directorate_and_state(client, performance):
    q3 = period_in(Period.State.OPEN, deadline=date(2019, 1, 18))
    in_people_services("PM1", q3)
    factories.return_for(in_people_services("PM2", q3), q3, 1, state=WorkflowState.DRAFT)
    factories.return_for(in_people_services("PM3", q3), q3, 1, state=WorkflowState.SUBMITTED)
    factories.return_for(in_people_services("PM4", q3), q3, 1, state=WorkflowState.APPROVED)
    html = text(client.get("/quarters/"))
    assert "2018/19 Q3: open for returns, deadline 18 January 2019" in html
    row = html.split("People Services</th>")[1].split("</tr>")[0]
    not_started, draft, submitted, returned, approved, overdue = re.findall(r"<td[^>]*>(?:<strong>)?(\d+)", row)
    assert (not_started, draft, submitted, returned, approved) == ("1", "1", "1", "0", "1")
    assert overdue == "2"  # not started and draft are past the deadline; submitted and approved are not


def test_an_annual_measure_is_not_overdue_before_the_quarter_its_figure_arrives_in(client, performance):
    q3 = period_in(Period.State.OPEN, deadline=date(2019, 1, 18))
    Measure.objects.filter(pk=in_people_services("PM1", q3).pk).update(frequency="annual", reported_in_quarter=4)
    html = text(client.get("/quarters/"))
    row = html.split("People Services</th>")[1].split("</tr>")[0]
    *_, overdue = re.findall(r"<td[^>]*>(?:<strong>)?(\d+)", row)
    assert overdue == "0"  # not started, past the deadline, but Q3 does not collect it


def test_the_quarters_page_lists_every_quarter_with_what_can_be_done(client, performance):
    period_in(Period.State.CLOSED, 2018, 2, published_at=datetime(2018, 11, 20, 10, tzinfo=UTC))
    period_in(Period.State.OPEN, 2018, 3, deadline=date(2019, 1, 18))
    html = text(client.get("/quarters/"))
    assert "Close 2018/19 Q3</button>" in html
    assert "Reopen 2018/19 Q2</button>" in html and "Publish 2018/19 Q2" not in html
    assert "Open 2018/19 Q4</button>" in html
    assert "20 Nov 2018" in html


def test_the_team_challenges_a_return_and_the_owner_sees_it(client, performance):
    q3 = period_in(Period.State.OPEN)
    ret = factories.return_for(in_people_services("PM1", q3), q3, 1, state=WorkflowState.DRAFT)
    challenge = "Additional comments would be welcome to indicate whether the forecast is realistic."
    client.post(f"/returns/{ret.pk}/challenge/", {"challenge-comment": challenge})
    ret.refresh_from_db()
    assert ret.challenge == challenge
    client.force_login(factories.person("officer", Role.MEASURE_OWNER, "People Services"))
    html = text(client.get(f"/returns/{q3.pk}/{ret.measure_id}/"))
    assert "Challenge from the performance team" in html and challenge in html


def test_an_override_needs_a_reason(client, performance):
    q3 = period_in(Period.State.OPEN)
    ret = factories.return_for(in_people_services("PM1", q3), q3, 1, state=WorkflowState.DRAFT)
    refused = client.post(f"/returns/{ret.pk}/override/", {"override-field": "status", "override-value": "red"})
    assert refused.status_code == 400
    assert '<a href="#id_override-reason">Give the reason for the override</a>' in text(refused)
    typed = {"override-field": "direction", "override-value": "planned", "override-reason": "Agreed at Cabinet"}
    client.post(f"/returns/{ret.pk}/override/", typed)
    ret.refresh_from_db()
    assert (ret.direction_override, ret.direction_override_reason) == ("planned", "Agreed at Cabinet")
    assert "(set by hand)" in text(client.get(f"/returns/{q3.pk}/{ret.measure_id}/"))


def test_a_status_cannot_be_set_to_a_direction(client, performance):
    q3 = period_in(Period.State.OPEN)
    ret = factories.return_for(in_people_services("PM1", q3), q3, 1, state=WorkflowState.DRAFT)
    typed = {"override-field": "status", "override-value": "improving", "override-reason": "Because"}
    response = client.post(f"/returns/{ret.pk}/override/", typed)
    assert "Choose a status for the quarterly status" in text(response)


def test_the_team_amends_a_target_with_reason_and_approval(client, performance):
    q3 = period_in(Period.State.OPEN)
    measure = in_people_services("PM1", q3)
    target = factories.target(measure, q3, 500)
    amendment = {
        "amend-target": target.pk,
        "amend-new_value": "450",
        "amend-reason": "Mid-year review",
        "amend-approved_by": "Cabinet",
        "amend-approved_on": "2018-11-14",
    }
    response = client.post(f"/returns/{q3.pk}/{measure.pk}/target/", amendment, follow=True)
    assert "The target is amended" in text(response)
    target.refresh_from_db()
    assert target.value == Decimal(450)
    kept = TargetAmendment.objects.get()
    assert (kept.old_value, kept.reason, kept.approved_by, kept.recorded_by) == (
        500,
        "Mid-year review",
        "Cabinet",
        performance,
    )


def test_an_amendment_without_who_approved_it_is_refused(client, performance):
    q3 = period_in(Period.State.OPEN)
    measure = in_people_services("PM1", q3)
    target = factories.target(measure, q3, 500)
    amendment = {"amend-target": target.pk, "amend-new_value": "450", "amend-reason": "Mid-year review"}
    response = client.post(f"/returns/{q3.pk}/{measure.pk}/target/", amendment)
    assert response.status_code == 400
    assert "Say who approved the amendment" in text(response)
    target.refresh_from_db()
    assert target.value == 500


def test_a_deadline_gone_asks_whether_this_is_back_loading_and_asks_again_if_unanswered(client, performance):
    q1 = period_in(Period.State.NOT_OPEN, 2014, 1)
    asked = client.get("/quarters/")
    assert "Are you back-loading this past quarter?" in text(asked)
    unanswered = client.post(f"/quarters/{q1.pk}/open/", {"deadline": "2014-07-31"})
    assert unanswered.status_code == 400
    page = text(unanswered)
    assert f'<a href="#back_loading-{q1.pk}">Say whether you are back-loading a past quarter' in page
    assert f'id="back_loading-{q1.pk}-error"' in page
    assert 'value="2014-07-31"' in page  # the deadline typed is kept
    assert page.startswith("<!DOCTYPE html>") and "<title>Error: Quarters" in page
    q1.refresh_from_db()
    assert q1.state == Period.State.NOT_OPEN
    done = client.post(f"/quarters/{q1.pk}/open/", {"deadline": "2014-07-31", "back_loading": "yes"}, follow=True)
    q1.refresh_from_db()
    assert q1.is_open and q1.back_loading
    assert "open to back-load its returns" in text(done)
    assert "Back-loaded" in text(done)


def test_the_team_publishes_on_the_date_the_council_published(client, performance):
    q1 = period_in(Period.State.CLOSED, 2014, 1)
    client.post(f"/quarters/{q1.pk}/publish/", {"published_on": "2014-09-12"})
    q1.refresh_from_db()
    assert q1.published_on == date(2014, 9, 12)
    assert "12 Sep 2014" in text(client.get("/quarters/"))


def test_a_publication_date_to_come_is_refused_on_the_page(client, performance):
    q1 = period_in(Period.State.CLOSED, 2014, 1)
    refused = client.post(f"/quarters/{q1.pk}/publish/", {"published_on": "2999-01-01"})
    assert refused.status_code == 400
    assert "The date it was published must be today or in the past" in text(refused)
    q1.refresh_from_db()
    assert not q1.is_published


def test_publishing_returns_not_approved_lists_them_and_asks_for_a_reason(client, performance):
    q3 = period_in(Period.State.CLOSED)
    draft = in_people_services("CM PM15", q3)
    factories.return_for(draft, q3, 10, state=WorkflowState.DRAFT)
    listed = client.post(f"/quarters/{q3.pk}/publish/", {"published_on": ""})
    assert listed.status_code == 200
    assert "1 return is not approved" in text(listed) and "CM PM15" in text(listed) and "Draft" in text(listed)
    q3.refresh_from_db()
    assert not q3.is_published
    confirm = {"published_on": "2019-02-01", "confirm_unapproved": "on"}
    no_reason = client.post(f"/quarters/{q3.pk}/publish/", confirm)
    assert no_reason.status_code == 400 and "Say why the quarter is published" in text(no_reason)
    client.post(f"/quarters/{q3.pk}/publish/", {**confirm, "reason": "Signed off at Cabinet"})
    q3.refresh_from_db()
    assert q3.is_published and q3.published_on == date(2019, 2, 1)
    assert "CM PM15" in q3.publication_note and "Signed off at Cabinet" in q3.publication_note


def test_a_reopened_published_quarter_is_republished_from_the_page(client, performance):
    q2 = period_in(Period.State.CLOSED, 2018, 2, published_at=datetime(2018, 11, 20, 10, tzinfo=UTC))
    client.post(f"/quarters/{q2.pk}/reopen/", {"reason": "Corrections"})
    client.post(f"/quarters/{q2.pk}/close/")
    page = text(client.get("/quarters/"))
    assert "Readers see the figures as published until you republish it." in page
    assert "Republish 2018/19 Q2" in page
    done = client.post(f"/quarters/{q2.pk}/publish/", follow=True)
    assert "2018/19 Q2 is republished" in text(done)
    q2.refresh_from_db()
    assert not q2.holds_published_record


def test_an_overrides_reason_longer_than_a_commentary_is_refused_naming_it():
    from scorecard.returns.forms import OverrideForm

    form = OverrideForm({"override-field": "status", "override-value": "red", "override-reason": "x" * 4_001})
    assert not form.is_valid()
    assert form.errors["reason"] == ["Reason must be 4,000 characters or fewer"]
