"""Writing returns through the API: the web's checks, permissions, workflow and lost-update protection."""

import pytest

from scorecard.council.models import Period
from scorecard.returns.models import COMMENTARY_LENGTH, Return, WorkflowState
from tests import factories

pytestmark = pytest.mark.django_db


def address(council, measure=None) -> str:
    return f"/periods/{council.open.pk}/returns/{(measure or council.measure).pk}"


def test_an_owner_saves_a_draft_and_only_the_fields_sent_change(as_role, council):
    version = council.draft.version
    response = as_role("owner").send("PATCH", address(council), {"version": version, "forecast": "475"})
    assert response.status_code == 200, response.json()
    saved = Return.objects.get(pk=council.draft.pk)
    assert saved.forecast == 475 and saved.actual == 480  # the actual was not sent, so it stayed
    assert response.json()["workflow"]["version"] == version + 1


def test_the_change_is_in_the_history_under_the_owners_name(as_role, council):
    as_role("owner").send("PATCH", address(council), {"version": council.draft.version, "context": "Better"})
    latest = Return.objects.get(pk=council.draft.pk).history.first()
    assert latest.history_user.username == "owner"
    assert latest.context == "Better"


def test_a_change_from_an_older_copy_is_refused_and_nothing_is_written(as_role, council):
    owner = as_role("owner")
    owner.send("PATCH", address(council), {"version": council.draft.version, "context": "First"})
    response = owner.send("PATCH", address(council), {"version": council.draft.version, "context": "Second"})
    assert response.status_code == 409
    assert response.json()["detail"].startswith("Someone else saved this return since you read it")
    assert Return.objects.get(pk=council.draft.pk).context == "First"


def test_a_figure_the_measure_cannot_hold_gets_the_webs_message(as_role, council):
    council.measure.unit = "percent"
    council.measure.save()
    response = as_role("owner").send("PATCH", address(council), {"version": council.draft.version, "actual": 140})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "actual", "message": "Actual: a percentage must be between 0 and 100"}
    ]
    assert Return.objects.get(pk=council.draft.pk).actual == 480


def test_a_negative_percentage_is_taken_once_the_measure_allows_it_and_beyond_it_the_range_is_named(as_role, council):
    council.measure.unit, council.measure.minimum = "percent", -100
    council.measure.save()
    owner = as_role("owner")
    response = owner.send("PATCH", address(council), {"version": council.draft.version, "actual": "-12"})
    assert response.status_code == 200
    response = owner.send(
        "PATCH", address(council), {"version": response.json()["workflow"]["version"], "actual": -140}
    )
    assert response.json()["errors"] == [
        {"field": "actual", "message": "Actual: a percentage must be between −100 and 100"}
    ]


def test_a_figure_that_is_not_a_number_names_the_field(as_role, council):
    response = as_role("owner").send("PATCH", address(council), {"version": 1, "actual": "lots"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "actual"


def test_an_action_takes_progress_words_not_figures(as_role, council):
    action = factories.action()
    factories.entry(action, council.open.year, directorate=council.measure.entries.first().directorate)
    response = as_role("owner").send("PATCH", address(council, action), {"version": 0, "actual": 3})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "actual"
    response = as_role("owner").send("PATCH", address(council, action), {"version": 0, "actual_progress": "on_track"})
    assert response.status_code == 200
    assert response.json()["assessment"]["status"] == "green"


@pytest.mark.parametrize(("role", "status"), [("other_owner", 403), ("reader", 404)])  # 404: not published yet
def test_people_outside_the_directorate_cannot_change_a_return(as_role, council, role, status):
    response = as_role(role).send("PATCH", address(council), {"version": council.draft.version, "actual": 1})
    assert response.status_code == status
    assert Return.objects.get(pk=council.draft.pk).actual == 480


def test_the_public_cannot_write(public, council):
    response = public.send("PATCH", address(council), {"version": 1, "actual": 1})
    assert response.status_code == 401


def test_a_closed_quarter_cannot_be_changed(as_role, council):
    response = as_role("owner").send(
        "PATCH", f"/periods/{council.published.pk}/returns/{council.measure.pk}", {"version": 1}
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "2018/19 Q2 is closed: its figures and commentary can no longer be changed."


def test_red_needs_all_three_commentaries_before_it_is_submitted(as_role, council):
    owner = as_role("owner")
    response = owner.send("POST", address(council) + "/submit", {"version": council.draft.version, "actual": 900})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("A return rated Red or Amber needs all three commentaries")
    assert Return.objects.get(pk=council.draft.pk).state == WorkflowState.DRAFT
    assert Return.objects.get(pk=council.draft.pk).actual == 480  # the save went with the refusal


def test_the_whole_round_submit_send_back_resubmit_approve(as_role, council):
    owner, approver = as_role("owner"), as_role("approver")
    submitted = owner.send("POST", address(council) + "/submit", {"version": council.draft.version})
    assert submitted.json()["workflow"]["state"] == "submitted"
    version = submitted.json()["workflow"]["version"]
    assert owner.send("POST", address(council) + "/approve", {"version": version}).status_code == 403
    sent_back = approver.send(
        "POST", address(council) + "/send-back", {"version": version, "comment": "Add the context."}
    )
    assert sent_back.json()["workflow"] == {**sent_back.json()["workflow"], "state": "returned"}
    version = sent_back.json()["workflow"]["version"]
    resubmitted = owner.send("POST", address(council) + "/submit", {"version": version, "context": "Referrals fell."})
    approved = approver.send(
        "POST", address(council) + "/approve", {"version": resubmitted.json()["workflow"]["version"]}
    )
    assert approved.status_code == 200
    assert Return.objects.get(pk=council.draft.pk).state == WorkflowState.APPROVED


def test_sending_back_needs_a_comment(as_role, council):
    version = council.other.returns.get(period=council.open).version
    response = as_role("approver").send(
        "POST", address(council, council.other) + "/send-back", {"version": version, "comment": " "}
    )
    assert response.status_code == 400
    assert "Say why" in response.json()["detail"]


def test_a_draft_cannot_be_approved(as_role, council):
    response = as_role("approver").send("POST", address(council) + "/approve", {"version": council.draft.version})
    assert response.status_code == 403
    assert response.json()["detail"] == "Only a submitted return can be approved."


def test_a_return_nobody_started_is_begun_by_its_first_save(as_role, council):
    third = factories.measure("CM PM17")
    factories.entry(third, council.open.year, directorate=council.measure.entries.first().directorate)
    response = as_role("owner").send("PATCH", address(council, third), {"version": 0, "actual": 12})
    assert response.status_code == 200
    assert Return.objects.get(measure=third, period=council.open).actual == 12


def test_a_misspelt_field_is_refused_by_name_and_nothing_is_written(as_role, council):
    response = as_role("owner").send("PATCH", address(council), {"version": council.draft.version, "contxt": "Oops"})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "contxt", "message": "Extra inputs are not permitted"}]
    assert Return.objects.get(pk=council.draft.pk).version == council.draft.version


def test_approve_and_send_back_need_the_version_read_as_every_change_does(as_role, council):
    approver, seen = as_role("approver"), council.other.returns.get(period=council.open).version
    assert approver.send("POST", address(council, council.other) + "/approve").status_code == 422
    assert approver.send("POST", address(council, council.other) + "/approve", {"version": seen - 1}).status_code == 409
    sent_back = approver.send(
        "POST", address(council, council.other) + "/send-back", {"version": seen, "comment": "Why?"}
    )
    assert sent_back.status_code == 200 and sent_back.json()["workflow"]["version"] == seen + 1


def test_an_approved_return_is_reopened_with_a_reason_and_goes_back_to_its_owner(as_role, council):
    approved = factories.return_for(council.other, council.published, 470)
    Period.objects.filter(pk=council.published.pk).update(state=Period.State.OPEN)  # reopened to restate
    path = address(council, council.other).replace(f"/{council.open.pk}/", f"/{council.published.pk}/")
    assert as_role("owner").send("POST", path + "/reopen", {"version": 1, "reason": "Restated"}).status_code == 403
    reopened = as_role("approver").send("POST", path + "/reopen", {"version": approved.version, "reason": "Restated"})
    assert reopened.status_code == 200
    assert reopened.json()["workflow"]["state"] == "returned"
    assert reopened.json()["workflow"]["returned_comment"] == "Restated"
    again = as_role("approver").send("POST", path + "/reopen", {"version": approved.version + 1, "reason": "Twice"})
    assert again.status_code == 403 and again.json()["detail"].startswith("Only an approved return can be reopened")


def test_whoever_submitted_a_return_cannot_approve_it_through_the_api(as_role, council):
    team = as_role("performance")
    submitted = team.send("POST", address(council) + "/submit", {"version": council.draft.version})
    refused = team.send("POST", address(council) + "/approve", {"version": submitted.json()["workflow"]["version"]})
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("You submitted this return, so someone else approves it")


def test_commentary_longer_than_the_limit_is_refused_with_the_webs_message(as_role, council):
    change = {"version": council.draft.version, "intervention": "x" * (COMMENTARY_LENGTH + 1)}
    response = as_role("owner").send("PATCH", address(council), change)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "intervention", "message": "Intervention / review must be 4,000 characters or fewer"}
    ]
    assert Return.objects.get(pk=council.draft.pk).version == council.draft.version


def test_the_schema_says_how_long_a_commentary_may_be(client):
    change = client.get("/api/schema").json()["components"]["schemas"]["ReturnChange"]
    assert change["properties"]["context"]["maxLength"] == COMMENTARY_LENGTH


def test_a_patch_that_changes_nothing_writes_no_history(as_role, council):
    ret = Return.objects.get(pk=council.draft.pk)
    before = ret.history.count()
    response = as_role("owner").send("PATCH", address(council), {"version": ret.version, "actual": str(ret.actual)})
    assert response.status_code == 200
    assert ret.history.count() == before
    assert Return.objects.get(pk=ret.pk).version == ret.version


def fraction_sent(as_role, council, numerator: int, denominator: int):
    """The owner sends a numerator and denominator for the measure, made a percentage with an actual of 85%."""
    council.measure.unit = "percent"
    council.measure.save()
    Return.objects.filter(pk=council.draft.pk).update(actual=85)
    change = {"version": council.draft.version, "numerator": numerator, "denominator": denominator}
    return as_role("owner").send("PATCH", address(council), change)


def test_a_percentages_numerator_and_denominator_are_written_and_read_back(as_role, council):
    response = fraction_sent(as_role, council, 1700, 2000)
    assert response.status_code == 200, response.json()
    assert (response.json()["numerator"], response.json()["denominator"]) == ("1700", "2000")


def test_a_numerator_above_its_denominator_is_refused_and_nothing_is_written(as_role, council):
    response = fraction_sent(as_role, council, 2100, 2000)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "numerator", "message": "The numerator (2100) cannot be larger than the denominator (2000)"}
    ]
    assert Return.objects.get(pk=council.draft.pk).numerator is None


def test_a_count_has_no_numerator(as_role, council):
    response = as_role("owner").send("PATCH", address(council), {"version": council.draft.version, "numerator": 5})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "numerator", "message": "CM PM15 Children in need records figures, not numerator"}
    ]
