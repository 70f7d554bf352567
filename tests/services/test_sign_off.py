"""Signing off returns: many at once (each checked on its own), separation of duties, and reopening an approved
return to restate a figure."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from scorecard.council.models import Directorate, OrganisationSettings, Period
from scorecard.reports.open_data import open_data
from scorecard.reports.rows import measure_rows
from scorecard.returns import services, sign_off
from scorecard.returns.models import Return, WorkflowState
from tests import factories

pytestmark = pytest.mark.django_db

COMMENTARY = {"context": "Fewer referrals.", "improvement_actions": "Outreach.", "intervention": "None needed."}


@pytest.fixture
def quarter():
    return factories.open_period(2018, 3)


@pytest.fixture
def people():
    return {
        "officer": factories.person("officer", "measure_owner", "People Services"),
        "approver": factories.person("approver", "directorate_approver", "People Services"),
        "elsewhere": factories.person("elsewhere", "directorate_approver", "Communities & Place"),
        "performance": factories.person("performance", "performance_team"),
    }


def returns_in(quarter, count: int, state=WorkflowState.SUBMITTED, directorate="People Services", **fields):
    place = Directorate.objects.get_or_create(name=directorate)[0]
    made, first = [], Return.objects.count()
    for number in range(first, first + count):
        measure = factories.measure(f"PM{number:03}", title=f"Measure {number}")
        factories.entry(measure, quarter.year, directorate=place)
        made.append(factories.return_for(measure, quarter, 480, state=state, **{**COMMENTARY, **fields}))
    return made


def seen(returns) -> dict[int, int]:
    return {ret.pk: ret.version for ret in returns}


def test_an_approver_approves_several_returns_at_once(quarter, people):
    returns = returns_in(quarter, 3)
    signed = sign_off.returns_approve(chosen=seen(returns), by=people["approver"])
    assert [str(ret) for ret in signed.done] == [str(ret) for ret in returns] and signed.refused == []
    for ret in Return.objects.all():
        assert (ret.state, ret.version) == (WorkflowState.APPROVED, 2)
        record = ret.history.first()
        assert (record.history_change_reason, record.history_user, record.state) == (
            "Approved",
            people["approver"],
            "approved",
        )
        assert record.actual == Decimal(480) and record.context == "Fewer referrals."


def test_each_refused_return_is_named_with_its_reason_and_the_others_are_approved(quarter, people):
    fine, changed_since, draft = returns_in(quarter, 3)
    elsewhere = returns_in(quarter, 1, directorate="Communities & Place")[0]
    Return.objects.filter(pk=draft.pk).update(state=WorkflowState.DRAFT)
    Return.objects.filter(pk=changed_since.pk).update(version=5)
    chosen = seen([fine, changed_since, draft, elsewhere])
    signed = sign_off.returns_approve(chosen=chosen, by=people["approver"])
    assert [ret.pk for ret in signed.done] == [fine.pk]
    reasons = {ret.measure.code: str(reason) for ret, reason in signed.refused}
    assert reasons == {
        changed_since.measure.code: sign_off.STALE_SIGN_OFF,
        draft.measure.code: "Only a submitted return can be approved.",
        elsewhere.measure.code: "You cannot approve this return.",
    }
    states = dict(Return.objects.values_list("pk", "state"))
    assert states == {fine.pk: "approved", changed_since.pk: "submitted", draft.pk: "draft", elsewhere.pk: "submitted"}
    assert Return.history.filter(history_change_reason="Approved").count() == 1


def test_bulk_approval_makes_the_same_number_of_queries_for_30_and_300_returns(quarter, people):
    def queries_to_approve(count: int, directorate: str) -> int:
        returns = returns_in(quarter, count, directorate=directorate)
        approver = factories.person(f"approver-{count}", "directorate_approver", directorate)
        with CaptureQueriesContext(connection) as queries:
            signed = sign_off.returns_approve(chosen=seen(returns), by=approver)
        assert len(signed.done) == count
        return len(queries)

    assert queries_to_approve(30, "Thirty") == queries_to_approve(300, "Three hundred")


def test_whoever_submitted_a_return_cannot_approve_it(quarter, people):
    ret = returns_in(quarter, 1, state=WorkflowState.DRAFT)[0]
    team = people["performance"]
    ret = services.return_submit(ret=ret, by=team, version=ret.version)
    assert ret.submitted_by == team
    with pytest.raises(services.Refused, match="You submitted this return, so someone else approves it"):
        sign_off.return_approve(ret=ret, by=team, version=ret.version)
    assert sign_off.return_approve(ret=ret, by=people["approver"], version=ret.version).state == "approved"


def test_self_approval_is_marked_in_the_history_when_the_organisation_allows_it(quarter, people):
    OrganisationSettings.objects.update_or_create(pk=1, defaults={"allow_self_approval": True})
    ret = returns_in(quarter, 1, state=WorkflowState.DRAFT)[0]
    team = people["performance"]
    ret = services.return_submit(ret=ret, by=team, version=ret.version)
    ret = sign_off.return_approve(ret=ret, by=team, version=ret.version)
    assert ret.state == WorkflowState.APPROVED
    assert ret.history.first().history_change_reason == "Approved (self-approved)"


def test_approving_a_copy_changed_since_it_was_seen_is_refused(quarter, people):
    ret = returns_in(quarter, 1)[0]
    with pytest.raises(services.StaleReturn):
        sign_off.return_approve(ret=ret, by=people["approver"], version=ret.version - 1)
    with pytest.raises(services.StaleReturn):
        sign_off.return_send_back(ret=ret, by=people["approver"], version=ret.version + 1, comment="Why?")
    assert Return.objects.get(pk=ret.pk).state == WorkflowState.SUBMITTED


def test_several_drafts_are_submitted_at_once_and_one_without_its_commentary_is_not(quarter, people):
    ready = returns_in(quarter, 2, state=WorkflowState.DRAFT)
    factories.target(ready[0].measure, quarter, 500)  # 480 against 500: Amber, so all three commentaries
    bare = returns_in(quarter, 1, state=WorkflowState.DRAFT, context="")[0]
    bare_measure = Return.objects.get(pk=bare.pk).measure
    factories.target(bare_measure, quarter, 500)
    signed = sign_off.returns_submit(chosen=seen([*ready, bare]), by=people["officer"])
    assert sorted(ret.pk for ret in signed.done) == sorted(ret.pk for ret in ready)
    [(refused, reason)] = signed.refused
    assert refused.pk == bare.pk and "needs all three commentaries" in str(reason)
    assert Return.objects.get(pk=bare.pk).state == WorkflowState.DRAFT  # its save was undone too
    assert Return.objects.get(pk=bare.pk).version == bare.version
    assert set(Return.objects.filter(pk__in=[r.pk for r in ready]).values_list("state", flat=True)) == {"submitted"}


def test_an_approved_return_is_reopened_to_its_owner_with_the_reason(quarter, people):
    ret = returns_in(quarter, 1, state=WorkflowState.APPROVED)[0]
    with pytest.raises(services.Refused, match="Say why"):
        sign_off.return_reopen(ret=ret, by=people["approver"], version=ret.version, reason=" ")
    with pytest.raises(services.Refused, match="You cannot reopen this return"):
        sign_off.return_reopen(ret=ret, by=people["officer"], version=ret.version, reason="Wrong figure")
    ret = sign_off.return_reopen(ret=ret, by=people["approver"], version=ret.version, reason="Q3 figure restated")
    assert (ret.state, ret.returned_comment) == (WorkflowState.RETURNED, "Q3 figure restated")
    assert ret.history.first().history_change_reason == "Reopened: Q3 figure restated"
    ret = services.return_submit(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(470))
    assert sign_off.return_approve(ret=ret, by=people["approver"], version=ret.version).actual == Decimal(470)


def test_only_an_approved_return_of_an_open_quarter_is_reopened(quarter, people):
    submitted = returns_in(quarter, 1)[0]
    with pytest.raises(services.Refused, match="Only an approved return can be reopened"):
        sign_off.return_reopen(ret=submitted, by=people["performance"], version=submitted.version, reason="R")
    closed = factories.period(2018, 2)
    Period.objects.filter(pk=closed.pk).update(state=Period.State.CLOSED)
    approved = returns_in(closed, 1, directorate="Communities & Place")[0]
    with pytest.raises(services.Refused, match="is closed"):
        sign_off.return_reopen(ret=approved, by=people["performance"], version=approved.version, reason="R")


def test_a_figure_restated_after_publication_is_marked_on_the_reports_and_the_open_data(quarter, people):
    ret = returns_in(quarter, 1, state=WorkflowState.APPROVED)[0]
    team, approver = people["performance"], people["approver"]
    services.period_close(period=quarter, by=team)
    services.period_publish(period=quarter, by=team)
    quarter = Period.objects.get(pk=quarter.pk)
    assert [row.restated for row in measure_rows(quarter)] == [False]
    services.period_reopen(period=quarter, by=team, reason="A figure was wrong")
    ret = sign_off.return_reopen(ret=ret, by=approver, version=ret.version, reason="Wrong month's count")
    ret = services.return_submit(ret=ret, by=team, version=ret.version, actual=Decimal(470))
    sign_off.return_approve(ret=ret, by=approver, version=ret.version)
    services.period_close(period=quarter, by=team)
    services.period_publish(period=quarter, by=team)  # republished: readers see the change only now
    quarter = Period.objects.get(pk=quarter.pk)
    [row] = measure_rows(quarter)
    assert row.restated and row.actual.value == Decimal(470)
    [published] = open_data([quarter]).rows
    assert published["restated_since_publication"] is True
    assert quarter.published_at < timezone.now()
