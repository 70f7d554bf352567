"""Writing returns through the services: permissions, workflow, commentary rule, and no lost updates."""

from decimal import Decimal

import pytest

from scorecard.council.models import Directorate, Period
from scorecard.returns import services, sign_off
from scorecard.returns.models import WorkflowState
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter():
    q2 = factories.period(2018, 2)
    Period.objects.filter(pk=q2.pk).update(state=Period.State.OPEN)
    q2.refresh_from_db()
    return q2


@pytest.fixture
def people():
    return {
        "officer": factories.person("officer", "measure_owner", "Corporate Resources"),
        "elsewhere": factories.person("elsewhere", "measure_owner", "People Services"),
        "approver": factories.person("approver", "directorate_approver", "Corporate Resources"),
        "performance": factories.person("performance", "performance_team"),
        "reader": factories.person("reader", "reader"),
    }


@pytest.fixture
def online(quarter, people):
    measure = factories.measure("CM PM15", title="Number of online transactions")
    factories.entry(measure, quarter.year, directorate=Directorate.objects.get(name="Corporate Resources"))
    factories.target(measure, quarter, 60000)
    factories.target(measure, None, 125000, year_of=quarter.year)
    return measure


def started(online, quarter, people):
    return services.return_start(measure=online, period=quarter, by=people["officer"])


COMMENTARY = {
    "context": "Up 16.1% on last year.",
    "improvement_actions": "Firmstep portal in Q3.",
    "intervention": "Review at Q3.",
}


def test_an_officer_saves_a_draft_of_their_directorates_return(online, quarter, people):
    ret = started(online, quarter, people)
    ret = services.return_save(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(44745))
    assert (ret.actual, ret.state, ret.version) == (Decimal(44745), WorkflowState.DRAFT, 1)
    assert ret.history.first().history_user == people["officer"]


def test_an_officer_cannot_edit_another_directorates_return(online, quarter, people):
    with pytest.raises(services.Refused, match="cannot edit"):
        services.return_start(measure=online, period=quarter, by=people["elsewhere"])


def test_a_red_return_needs_all_three_commentaries_before_submitting(online, quarter, people):
    ret = started(online, quarter, people)
    with pytest.raises(services.Refused, match=r"needs all three commentaries.*intervention / review"):
        services.return_submit(
            ret=ret, by=people["officer"], version=ret.version, actual=Decimal(44745), context="Up 16.1%."
        )
    ret.refresh_from_db()
    assert ret.state == WorkflowState.DRAFT and ret.actual is None  # nothing half-written


def test_a_year_can_let_red_returns_go_without_commentary(online, quarter, people):
    quarter.year.commentary_required_for_red_amber = False
    quarter.year.save()
    ret = started(online, quarter, people)
    ret = services.return_submit(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(44745))
    assert ret.state == WorkflowState.SUBMITTED


def test_submit_send_back_resubmit_approve(online, quarter, people):
    ret = started(online, quarter, people)
    ret = services.return_submit(
        ret=ret, by=people["officer"], version=ret.version, actual=Decimal(44745), **COMMENTARY
    )
    ret = sign_off.return_send_back(
        ret=ret, by=people["approver"], version=ret.version, comment="Is the forecast realistic?"
    )
    assert (ret.state, ret.returned_comment) == (WorkflowState.RETURNED, "Is the forecast realistic?")
    ret = services.return_submit(ret=ret, by=people["officer"], version=ret.version, forecast=Decimal(112816))
    assert (ret.state, ret.returned_comment) == (WorkflowState.SUBMITTED, "")
    ret = sign_off.return_approve(ret=ret, by=people["approver"], version=ret.version)
    assert ret.state == WorkflowState.APPROVED
    reasons = [record.history_change_reason for record in ret.history.all()]
    assert reasons[:4] == ["Approved", "Submitted", None, "Sent back"]


def test_a_submitted_return_is_not_the_officers_to_change(online, quarter, people):
    ret = started(online, quarter, people)
    ret = services.return_submit(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(70000))
    with pytest.raises(services.Refused, match="submitted: it can be changed only once it is sent back"):
        services.return_save(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(1))


def test_only_the_directorates_approver_approves(online, quarter, people):
    ret = started(online, quarter, people)
    ret = services.return_submit(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(70000))
    for who in ("officer", "elsewhere", "reader"):
        with pytest.raises(services.Refused):
            sign_off.return_approve(ret=ret, by=people[who], version=ret.version)
    assert (
        sign_off.return_approve(ret=ret, by=people["performance"], version=ret.version).state == WorkflowState.APPROVED
    )


def test_sending_back_needs_a_comment(online, quarter, people):
    ret = started(online, quarter, people)
    ret = services.return_submit(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(70000))
    with pytest.raises(services.Refused, match="Say why"):
        sign_off.return_send_back(ret=ret, by=people["approver"], version=ret.version, comment="  ")


def test_the_second_of_two_saves_from_the_same_copy_is_refused(online, quarter, people):
    ret = started(online, quarter, people)
    copy_read_by_both = ret.version
    services.return_save(ret=ret, by=people["officer"], version=copy_read_by_both, context="First person's words.")
    with pytest.raises(services.StaleReturn, match="Someone else saved this return"):
        services.return_save(ret=ret, by=people["performance"], version=copy_read_by_both, context="Second's words.")
    ret.refresh_from_db()
    assert ret.context == "First person's words."


def test_a_closed_quarter_refuses_every_write(online, quarter, people):
    ret = started(online, quarter, people)
    services.period_close(period=quarter, by=people["performance"])
    with pytest.raises(services.Refused, match="2018/19 Q2 is closed"):
        services.return_save(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(1))
    with pytest.raises(services.Refused, match="is closed"):
        services.return_save(ret=ret, by=people["performance"], version=ret.version, actual=Decimal(1))


def test_reopening_a_quarter_needs_a_reason_that_is_kept(quarter, people):
    performance = people["performance"]
    quarter = services.period_close(period=quarter, by=performance)
    with pytest.raises(services.Refused, match="needs a reason"):
        services.period_reopen(period=quarter, by=performance, reason="")
    quarter = services.period_reopen(period=quarter, by=performance, reason="CM PM15 figure corrected by ICT")
    assert quarter.is_open
    latest = quarter.history.first()
    assert (latest.history_change_reason, latest.history_user) == (
        "Reopened: CM PM15 figure corrected by ICT",
        performance,
    )


def test_a_quarter_is_published_once_closed(quarter, people):
    with pytest.raises(services.Refused, match="Close 2018/19 Q2 before publishing"):
        services.period_publish(period=quarter, by=people["performance"])
    services.period_close(period=quarter, by=people["performance"])
    assert services.period_publish(period=quarter, by=people["performance"]).is_published


def test_only_the_performance_team_runs_the_quarter(quarter, people):
    for who in ("officer", "approver", "reader"):
        with pytest.raises(services.Refused, match="Only the performance team"):
            services.period_close(period=quarter, by=people[who])


def test_an_override_needs_a_reason_and_wins(online, quarter, people):
    ret = started(online, quarter, people)
    with pytest.raises(services.Refused, match="reason"):
        services.return_override(ret=ret, by=people["performance"], field="status", value="amber", reason="")
    ret = services.return_override(
        ret=ret, by=people["performance"], field="status", value="amber", reason="Agreed at CLT"
    )
    assert (ret.status_override, ret.status_override_reason) == ("amber", "Agreed at CLT")


def test_a_target_amendment_keeps_the_old_value_reason_and_approver(online, quarter, people):
    target = online.targets.get(period=None)
    services.target_amend(
        target=target,
        by=people["performance"],
        new_value=Decimal(115000),
        reason="Mid-year review",
        approved_by="Cabinet",
        approved_on=quarter.as_period.ends,
    )
    (amendment,) = target.amendments.all()
    assert (amendment.old_value, amendment.new_value, amendment.approved_by) == (125000, 115000, "Cabinet")
    target.refresh_from_db()
    assert target.value == 115000


def test_commentary_over_the_limit_is_refused_by_the_service_too_and_nothing_is_saved(online, quarter, people):
    ret = started(online, quarter, people)
    with pytest.raises(services.Refused, match="Context for current performance must be 4,000 characters or fewer"):
        services.return_save(ret=ret, by=people["officer"], version=ret.version, context="x" * 4_001)
    ret.refresh_from_db()
    assert (ret.context, ret.version) == ("", 0)


def test_a_save_that_changes_nothing_keeps_the_version_and_writes_no_history(online, quarter, people):
    ret = started(online, quarter, people)
    ret = services.return_save(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(44745))
    before = ret.history.count()
    again = services.return_save(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(44745))
    assert again.version == ret.version and ret.history.count() == before


def test_submitting_from_a_stale_copy_is_refused_even_when_it_changes_nothing(online, quarter, people):
    ret = started(online, quarter, people)
    stale = ret.version
    services.return_save(ret=ret, by=people["performance"], version=stale, actual=Decimal(44745))
    with pytest.raises(services.StaleReturn):
        services.return_submit(ret=ret, by=people["officer"], version=stale)
    ret.refresh_from_db()
    assert ret.state == WorkflowState.DRAFT


def test_submitting_without_a_change_raises_the_version(online, quarter, people):
    ret = started(online, quarter, people)
    words = {"context": "Up on last year.", "improvement_actions": "None needed.", "intervention": "None."}
    ret = services.return_save(ret=ret, by=people["officer"], version=ret.version, actual=Decimal(44745), **words)
    submitted = services.return_submit(ret=ret, by=people["officer"], version=ret.version)
    assert submitted.state == WorkflowState.SUBMITTED and submitted.version == ret.version + 1
