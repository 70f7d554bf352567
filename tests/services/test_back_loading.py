"""Issue 11 §2: back-loading a past quarter, and recording the date the council really published it."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from scorecard.council.models import Directorate, Period
from scorecard.returns import services
from scorecard.returns.models import Return, WorkflowState, is_overdue
from scorecard.returns.reminders import due_for_a_reminder
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return factories.person("performance", "performance_team")


@pytest.fixture
def q1_2014():
    return factories.period(2014, 1)


def test_opening_with_a_deadline_gone_asks_whether_it_is_back_loading(team, q1_2014):
    with pytest.raises(services.Refused, match="Say whether you are back-loading a past quarter"):
        services.period_open(period=q1_2014, by=team, deadline=date(2014, 7, 31))
    q1_2014.refresh_from_db()
    assert q1_2014.state == Period.State.NOT_OPEN


def test_a_future_deadline_asks_nothing(team, q1_2014):
    deadline = timezone.localdate() + timedelta(days=20)
    opened = services.period_open(period=q1_2014, by=team, deadline=deadline)
    assert opened.is_open and not opened.back_loading


def test_a_back_loaded_quarter_is_kept_as_such_in_its_history(team, q1_2014):
    opened = services.period_open(period=q1_2014, by=team, deadline=date(2014, 7, 31), back_loading=True)
    assert opened.back_loading
    assert opened.history.first().history_change_reason == "Opened to back-load a past quarter"


def test_answering_no_opens_an_ordinary_quarter_whose_returns_are_overdue(team, q1_2014):
    opened = services.period_open(period=q1_2014, by=team, deadline=date(2014, 7, 31), back_loading=False)
    assert not opened.back_loading
    assert is_overdue(opened, WorkflowState.DRAFT, timezone.localdate())


def test_a_back_loaded_quarter_marks_nothing_overdue_and_sends_no_reminders(team, q1_2014):
    opened = services.period_open(period=q1_2014, by=team, deadline=date(2014, 7, 31), back_loading=True)
    assert not is_overdue(opened, WorkflowState.DRAFT, date(2026, 1, 1))
    assert due_for_a_reminder(opened, date(2014, 8, 1), days_before=5, days_after=1) == ""
    ordinary = factories.open_period(2014, 2, deadline=date(2014, 10, 31))
    assert due_for_a_reminder(ordinary, date(2014, 11, 1), days_before=5, days_after=1) == "after"


def test_my_returns_and_the_quarters_progress_show_nothing_overdue_when_back_loading(client, team, q1_2014):
    services.period_open(period=q1_2014, by=team, deadline=date(2014, 7, 31), back_loading=True)
    measure = factories.measure("CM PM15", title="Children in need")
    factories.entry(measure, q1_2014.year, directorate=Directorate.objects.get_or_create(name="People Services")[0])
    client.force_login(team)
    assert "overdue" not in client.get("/returns/").content.decode().lower()
    progress = client.get("/quarters/?download=csv").content.decode().splitlines()
    assert progress[1].endswith(",0")  # the Overdue column


def test_past_figures_are_not_held_to_todays_commentary_rule(team, q1_2014):
    services.period_open(period=q1_2014, by=team, deadline=date(2014, 7, 31), back_loading=True)
    measure = factories.measure("CM PM15", title="Number of online transactions")
    factories.entry(measure, q1_2014.year, directorate=Directorate.objects.get_or_create(name="People Services")[0])
    factories.target(measure, q1_2014, 60000)
    ret = services.return_start(measure=measure, period=Period.objects.get(pk=q1_2014.pk), by=team)
    submitted = services.return_submit(ret=ret, by=team, version=ret.version, actual=Decimal(44745))  # Red, no words
    assert submitted.state == WorkflowState.SUBMITTED


def test_publishing_records_the_date_the_council_published(team, q1_2014):
    Period.objects.filter(pk=q1_2014.pk).update(state=Period.State.CLOSED)
    published = services.period_publish(period=q1_2014, by=team, published_on=date(2014, 9, 12))
    assert published.published_on == date(2014, 9, 12) and published.published_at is not None
    assert published.published_date == date(2014, 9, 12)


def test_publishing_without_a_date_records_today(team, q1_2014):
    Period.objects.filter(pk=q1_2014.pk).update(state=Period.State.CLOSED)
    assert services.period_publish(period=q1_2014, by=team).published_on == timezone.localdate()


def test_a_publication_date_to_come_is_refused(team, q1_2014):
    Period.objects.filter(pk=q1_2014.pk).update(state=Period.State.CLOSED)
    with pytest.raises(services.Refused, match="cannot be in the future"):
        services.period_publish(period=q1_2014, by=team, published_on=timezone.localdate() + timedelta(days=1))
    q1_2014.refresh_from_db()
    assert not q1_2014.is_published


@pytest.fixture
def closed_with_a_draft(team, q1_2014):
    Period.objects.filter(pk=q1_2014.pk).update(state=Period.State.CLOSED)
    for code, state in (("CM PM15", WorkflowState.APPROVED), ("CM PM16", WorkflowState.SUBMITTED)):
        measure = factories.measure(code, title=f"Measure {code}")
        factories.entry(measure, q1_2014.year)
        factories.return_for(measure, q1_2014, 10, state=state)
    return Period.objects.get(pk=q1_2014.pk)


def test_publishing_returns_not_approved_is_refused_with_their_list(team, closed_with_a_draft):
    with pytest.raises(services.NotApproved, match=r"1 return is not approved in 2014/15 Q1: CM PM16") as refused:
        services.period_publish(period=closed_with_a_draft, by=team)
    assert [ret.measure.code for ret in refused.value.returns] == ["CM PM16"]
    closed_with_a_draft.refresh_from_db()
    assert not closed_with_a_draft.is_published


def test_confirming_needs_a_reason_and_both_are_kept(team, closed_with_a_draft):
    with pytest.raises(services.Refused, match="Say why"):
        services.period_publish(period=closed_with_a_draft, by=team, confirm_unapproved=True)
    published = services.period_publish(
        period=closed_with_a_draft, by=team, confirm_unapproved=True, reason="Signed off at Cabinet"
    )
    assert published.is_published
    note = published.history.first().publication_note
    assert "CM PM16" in note and "(submitted)" in note and "Signed off at Cabinet" in note
    assert "CM PM15" not in note


def test_reopening_a_published_quarter_keeps_its_published_record_until_republished(team, closed_with_a_draft):
    Return.objects.update(state=WorkflowState.APPROVED)
    published = services.period_publish(period=closed_with_a_draft, by=team)
    with pytest.raises(services.Refused, match="already published"):
        services.period_publish(period=published, by=team)
    reopened = services.period_reopen(period=published, by=team, reason="Corrections")
    assert reopened.holds_published_record and reopened.published_returns.count() == 2
    services.period_close(period=reopened, by=team)
    republished = services.period_publish(period=reopened, by=team)
    assert not republished.holds_published_record and republished.published_returns.count() == 0
    assert republished.published_on == published.published_on  # the first publication's date stays


def test_a_measure_nobody_started_is_listed_before_publishing_but_not_an_annual_one_not_yet_due(team, q1_2014):
    Period.objects.filter(pk=q1_2014.pk).update(state=Period.State.CLOSED)
    for code, frequency in (("WSS 01", "quarterly"), ("WSS 05", "annual")):
        factories.entry(factories.measure(code, title=f"Measure {code}", frequency=frequency), q1_2014.year)
    with pytest.raises(services.NotApproved, match=r"1 return is not approved in 2014/15 Q1: WSS 01") as refused:
        services.period_publish(period=Period.objects.get(pk=q1_2014.pk), by=team)
    assert [ret.state_label for ret in refused.value.returns] == ["Not started"]
    assert "(not started)" in str(refused.value)
