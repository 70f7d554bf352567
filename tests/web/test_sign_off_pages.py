"""My returns' "Submit selected returns", Approvals' "Approve selected returns", and reopening an approved return
on its page: real, labelled checkboxes carrying the version shown, and a page that says what was done and what
was refused, naming each measure."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scorecard.accounts.models import Role
from scorecard.council.models import Directorate, Period
from scorecard.returns.models import Return, WorkflowState
from tests import factories

pytestmark = pytest.mark.django_db

COMMENTARY = {"context": "Fewer referrals.", "improvement_actions": "Outreach.", "intervention": "None needed."}


@pytest.fixture
def q3():
    return factories.open_period(2018, 3, deadline=date(2019, 1, 18))


@pytest.fixture
def officer():
    return factories.person("officer", Role.MEASURE_OWNER, "People Services")


@pytest.fixture
def approver():
    return factories.person("approver", Role.DIRECTORATE_APPROVER, "People Services")


def made(code: str, period: Period, state: str, directorate: str = "People Services", **fields) -> Return:
    measure = factories.measure(code, title=f"Measure {code}")
    factories.entry(measure, period.year, directorate=Directorate.objects.get_or_create(name=directorate)[0])
    factories.target(measure, period, 500)
    return factories.return_for(measure, period, 480, state=state, **fields)


def text(response) -> str:
    return response.content.decode()


def ticked(*returns: Return) -> dict:
    return {"returns": [f"{ret.pk}:{ret.version}" for ret in returns]}


def test_my_returns_has_a_labelled_checkbox_for_each_draft_with_the_version_shown(client, officer, q3):
    draft = made("PS PM01", q3, WorkflowState.DRAFT)
    made("PS PM02", q3, WorkflowState.SUBMITTED)
    client.force_login(officer)
    html = text(client.get("/returns/"))
    assert f'id="select-{draft.pk}" name="returns" type="checkbox" value="{draft.pk}:{draft.version}"' in html
    assert (
        f'for="select-{draft.pk}"><span class="govuk-visually-hidden">Select PS PM01 Measure PS PM01 2018/19 Q3' in html
    )
    assert html.count('name="returns"') == 1  # a submitted return is not offered again
    assert "Submit selected returns</button>" in html and "does not undo or stop the others" in html


def test_several_drafts_are_submitted_and_the_refused_one_is_named_with_its_reason(client, officer, q3):
    ready = made("PS PM01", q3, WorkflowState.DRAFT, **COMMENTARY)
    bare = made("PS PM02", q3, WorkflowState.DRAFT)  # Amber without its commentary
    client.force_login(officer)
    response = client.post("/returns/submit/", ticked(ready, bare))
    html = text(response)
    assert response.status_code == 200
    assert "1 return is submitted:" in html and "<li>PS PM01 2018/19 Q3</li>" in html
    assert "1 return was not submitted" in html
    assert "<li>PS PM02 2018/19 Q3: A return rated Red or Amber needs all three commentaries" in html
    assert dict(Return.objects.values_list("measure__code", "state")) == {"PS PM01": "submitted", "PS PM02": "draft"}


def test_submitting_none_says_to_select_some(client, officer, q3):
    made("PS PM01", q3, WorkflowState.DRAFT)
    client.force_login(officer)
    response = client.post("/returns/submit/", {})
    assert response.status_code == 400
    assert '<a href="#returns">Select the returns to submit</a>' in text(response)
    assert "<title>Error: My returns" in text(response)


def test_approvals_has_a_labelled_checkbox_for_each_return_in_the_bulk_form(client, approver, q3):
    ret = made("PS PM01", q3, WorkflowState.SUBMITTED, **COMMENTARY)
    client.force_login(approver)
    html = text(client.get("/approvals/"))
    assert f'value="{ret.pk}:{ret.version}" form="approve-selected">' in html
    assert (
        f'<label class="govuk-label govuk-checkboxes__label" for="select-{ret.pk}">Select PS PM01 2018/19 Q3 to approve'
        in html
    )
    assert '<form id="approve-selected" method="post" action="/approvals/approve/"' in html
    assert f'name="version" value="{ret.version}"' in html  # approve and send back one at a time carry it too


def test_several_returns_are_approved_and_each_refused_one_says_why(client, approver, q3):
    first = made("PS PM01", q3, WorkflowState.SUBMITTED, **COMMENTARY)
    second = made("PS PM02", q3, WorkflowState.SUBMITTED, **COMMENTARY)
    changed = made("PS PM03", q3, WorkflowState.SUBMITTED, **COMMENTARY)
    elsewhere = made("CP PM01", q3, WorkflowState.SUBMITTED, directorate="Communities & Place")
    Return.objects.filter(pk=changed.pk).update(version=changed.version + 1)
    client.force_login(approver)
    response = client.post("/approvals/approve/", ticked(first, second, changed, elsewhere))
    html = text(response)
    assert response.status_code == 200
    assert "2 returns are approved:" in html
    assert "2 returns were not approved" in html and "did not stop the others" in html
    assert "<li>PS PM03 2018/19 Q3: Someone changed this return after your page was shown" in html
    assert "<li>CP PM01 2018/19 Q3: You cannot approve this return.</li>" in html
    states = dict(Return.objects.values_list("measure__code", "state"))
    assert states == {"PS PM01": "approved", "PS PM02": "approved", "PS PM03": "submitted", "CP PM01": "submitted"}


def test_approving_none_says_to_select_some(client, approver, q3):
    made("PS PM01", q3, WorkflowState.SUBMITTED, **COMMENTARY)
    client.force_login(approver)
    response = client.post("/approvals/approve/", {"returns": ["not-a-return"]})
    assert response.status_code == 400
    assert '<a href="#returns">Select the returns to approve</a>' in text(response)


def test_the_person_who_submitted_a_return_is_told_someone_else_approves_it(client, q3):
    team = factories.person("performance", Role.PERFORMANCE_TEAM)
    ret = made("PS PM01", q3, WorkflowState.SUBMITTED, submitted_by=team, **COMMENTARY)
    client.force_login(team)
    html = text(client.get("/approvals/"))
    assert "You submitted this return, so someone else approves it" in html
    assert f'id="select-{ret.pk}"' not in html
    response = client.post(f"/approvals/{ret.pk}/approve/", {"version": ret.version})
    assert response.status_code == 403
    assert Return.objects.get(pk=ret.pk).state == WorkflowState.SUBMITTED


def test_an_approver_reopens_an_approved_return_and_its_owner_sees_the_reason(client, officer, approver, q3):
    ret = made("PS PM01", q3, WorkflowState.APPROVED, **COMMENTARY)
    client.force_login(officer)
    html = text(client.get(f"/returns/{q3.pk}/{ret.measure_id}/"))
    assert "the performance team or the directorate&#x27;s approver reopens it with a reason" in html
    assert "Reopen the return" not in html
    client.force_login(approver)
    page = text(client.get(f"/returns/{q3.pk}/{ret.measure_id}/"))
    assert f'action="/returns/{ret.pk}/reopen/"' in page and "Why is it being reopened?" in page
    empty = client.post(f"/returns/{ret.pk}/reopen/", {"reopen-version": ret.version, "reopen-reason": ""})
    assert empty.status_code == 400 and "Say why the approved return is being reopened" in text(empty)
    done = client.post(f"/returns/{ret.pk}/reopen/", {"reopen-version": ret.version, "reopen-reason": "Q3 restated"})
    assert done.status_code == 302
    client.force_login(officer)
    html = text(client.get(f"/returns/{q3.pk}/{ret.measure_id}/"))
    assert "Sent back by the approver" in html and "Q3 restated" in html and "Submit for approval</button>" in html


def test_the_return_page_keeps_one_permanent_live_region_for_the_statuses(client, officer, q3):
    ret = made("PS PM01", q3, WorkflowState.DRAFT)
    client.force_login(officer)
    html = text(client.get(f"/returns/{q3.pk}/{ret.measure_id}/"))
    assert html.count("aria-live") == 1 and '<div id="assessment" aria-live="polite">' in html
    assert 'hx-target="#assessment" hx-swap="innerHTML"' in html and 'hx-swap="outerHTML"' not in html


def test_approving_300_returns_is_one_request_with_as_many_queries_as_30(client, q3):
    team = factories.person("performance", Role.PERFORMANCE_TEAM)
    client.force_login(team)
    factories.organisation()  # as in any council's database: the first request would otherwise make it
    client.get("/approvals/")  # the session's first request notes the sign-in's last activity

    def queries_to_approve(count: int, prefix: str) -> int:
        returns = [made(f"{prefix}{number:03}", q3, WorkflowState.SUBMITTED, **COMMENTARY) for number in range(count)]
        with CaptureQueriesContext(connection) as queries:
            response = client.post("/approvals/approve/", ticked(*returns))
        assert response.status_code == 200 and f"{count} returns are approved:" in text(response)
        return len(queries)

    assert queries_to_approve(30, "A") == queries_to_approve(300, "B")
