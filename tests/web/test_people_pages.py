"""The People pages: the performance team invites people, gives roles on one page and switches people off."""

import re

import pytest
from django.core import mail

from scorecard.accounts.models import Invitation, PersonEvent, Role, RoleAssignment, User
from scorecard.api import tokens
from scorecard.council.models import Directorate
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(client, performance):
    client.force_login(performance)
    return client


@pytest.fixture
def directorates():
    return [Directorate.objects.create(name=name, order=n) for n, name in enumerate(["People Services", "Place"])]


def invite(team, capture, **sent):
    with capture(execute=True):
        return team.post("/people/invite/", {"email": "jo.bloggs@council.example", "full_name": "Jo Bloggs", **sent})


def test_the_team_invites_a_person_with_roles_at_once(team, directorates, django_capture_on_commit_callbacks):
    people, place = directorates
    response = invite(
        team,
        django_capture_on_commit_callbacks,
        owner=[people.pk, place.pk],
        approver=[place.pk],
        council=["reader"],
    )
    person = User.objects.get(email="jo.bloggs@council.example")
    assert response.status_code == 302 and response["Location"] == f"/people/{person.pk}/"
    held = set(RoleAssignment.objects.filter(user=person).values_list("role", "directorate__name"))
    assert held == {
        ("measure_owner", "People Services"),
        ("measure_owner", "Place"),
        ("directorate_approver", "Place"),
        ("reader", None),
    }
    (email,) = mail.outbox
    assert email.to == ["jo.bloggs@council.example"] and "/accounts/invitation/" in email.body
    page = team.get(response["Location"]).content.decode()
    assert "Jo Bloggs is invited" in page
    assert "Pending: sent" in page and "Send the invitation again" in page
    assert "Given: Measure owner (People Services), Measure owner (Place), Directorate approver (Place), Reader" in page


def test_an_address_already_invited_gets_a_clear_message_and_nothing_is_written(
    team, directorates, django_capture_on_commit_callbacks
):
    invite(team, django_capture_on_commit_callbacks)
    response = invite(team, django_capture_on_commit_callbacks, owner=[directorates[0].pk])
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: Invite a person" in html
    assert "jo.bloggs@council.example was invited on" in html and "resend the invitation from their page" in html
    assert 'aria-describedby="id_email-hint id_email-error"' in html
    assert User.objects.filter(email="jo.bloggs@council.example").count() == 1
    assert not RoleAssignment.objects.filter(user__email="jo.bloggs@council.example").exists()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("email", "message"), [("", "Enter the person&#x27;s email address"), ("jo.bloggs", "is not an email address")]
)
def test_a_missing_or_invalid_address_is_refused(team, email, message):
    response = team.post("/people/invite/", {"email": email})
    assert response.status_code == 400 and message in response.content.decode()
    assert User.objects.count() == 1


def test_the_people_page_lists_everyone_with_roles_state_and_invitation(
    team, directorates, django_capture_on_commit_callbacks
):
    invite(team, django_capture_on_commit_callbacks)
    gone = factories.person("gone", Role.MEASURE_OWNER, "Place")
    gone.is_active = False
    gone.save()
    html = team.get("/people/").content.decode()
    assert "Jo Bloggs" in html and "Pending, sent" in html
    assert "Measure owner (Place)" in html and "Switched off" in html
    assert "Performance team" in html


def test_the_people_page_downloads(team, django_capture_on_commit_callbacks):
    invite(team, django_capture_on_commit_callbacks)
    csv = team.get("/people/?download=csv").content.decode("utf-8-sig")
    assert "Name,Username,Email,Roles,State,Invitation,Invited,Last signed in" in csv
    assert "Jo Bloggs,jo.bloggs,jo.bloggs@council.example,,Active,Pending" in csv


def test_roles_are_given_on_one_page_and_kept_in_the_history(team, performance, directorates):
    person = factories.person("jo", Role.READER)
    people = directorates[0]
    page = team.get(f"/people/{person.pk}/").content.decode()
    assert 'id="council-reader" name="council" type="checkbox" value="reader" checked' in page
    response = team.post(
        f"/people/{person.pk}/roles/", {"owner": [people.pk], "approver": [people.pk], "council": ["performance_team"]}
    )
    assert response.status_code == 302
    held = set(RoleAssignment.objects.filter(user=person).values_list("role", "directorate"))
    assert held == {("measure_owner", people.pk), ("directorate_approver", people.pk), ("performance_team", None)}
    page = team.get(f"/people/{person.pk}/").content.decode()
    assert "jo is given Measure owner (People Services)" in page
    assert "Taken away: Reader" in page and ">performance<" in page


def test_the_team_cannot_take_away_its_own_team_role(team, performance):
    response = team.post(f"/people/{performance.pk}/roles/", {})
    assert response.status_code == 400
    assert "You cannot take away your own performance team role" in response.content.decode()
    assert RoleAssignment.objects.filter(user=performance, role="performance_team").exists()


def test_a_persons_page_lists_the_measures_they_own(team):
    person = factories.person("jo", Role.MEASURE_OWNER, "Place")
    factories.measure("CM PM15", owner=person)
    factories.measure("CM PM16", title="Someone else's")
    page = team.get(f"/people/{person.pk}/").content.decode()
    assert "CM PM15" in page and "CM PM16" not in page
    csv = team.get(f"/people/{person.pk}/?download=csv&table=measures").content.decode("utf-8-sig")
    assert "CM PM15,Number of online transactions,Measure" in csv


def test_a_switched_off_person_cannot_sign_in_or_use_their_tokens(client, team, performance):
    person = factories.person("jo", Role.MEASURE_OWNER, "Place")
    _, key = tokens.token_create(user=person, name="Spreadsheet")
    other = client.__class__()
    other.force_login(person)
    response = team.post(f"/people/{person.pk}/switch-off/", {"reason": "Left the council"})
    assert response.status_code == 302
    assert other.get("/returns/").status_code == 302  # their session no longer counts: sent to sign in
    assert other.post("/accounts/login/", {"username": "jo", "password": "a-long-test-password"}).status_code == 400
    assert other.get("/api/years", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    page = team.get(f"/people/{person.pk}/").content.decode()
    assert "Switched off" in page and "Left the council" in page
    team.post(f"/people/{person.pk}/switch-on/")
    assert other.get("/api/years", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    kinds = list(PersonEvent.objects.filter(person=person).values_list("kind", flat=True))
    assert kinds == ["switched_on", "switched_off"]


def test_the_invitation_is_sent_again_with_a_new_link(team, django_capture_on_commit_callbacks):
    invite(team, django_capture_on_commit_callbacks)
    person = User.objects.get(email="jo.bloggs@council.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = team.post(f"/people/{person.pk}/resend-invitation/", follow=True)
    assert "The invitation went again to jo.bloggs@council.example" in response.content.decode()
    first, second = (re.search(r"/accounts/invitation/\S+/", email.body)[0] for email in mail.outbox)
    assert first != second
    assert team.get(first).status_code == 410 and team.get(second).status_code == 200
    assert Invitation.objects.get(user=person).is_pending


@pytest.mark.parametrize("url", ["/people/", "/people/invite/"])
def test_others_are_refused(client, officer, url):
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 403 and "Only the performance team" in response.content.decode()


def test_a_person_sees_their_own_page_and_measures_but_no_forms(client, performance):
    person = factories.person("jo", Role.MEASURE_OWNER, "Place")
    factories.measure("CM PM15", owner=person)
    client.force_login(person)
    page = client.get("/")
    assert f'href="/people/{person.pk}/"' in page.content.decode()  # their name in the header links to it
    html = client.get(f"/people/{person.pk}/").content.decode()
    assert "Your account" in html and "Measures and actions you own" in html and "CM PM15" in html
    assert "Save the roles" not in html and "Switch off" not in html
    assert client.get(f"/people/{performance.pk}/").status_code == 403


def test_the_people_page_reads_the_same_for_many_people(team, directorates):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert team.get("/people/").status_code == 200
        return len(captured)

    factories.person("one", Role.MEASURE_OWNER, "Place")
    queries()  # the first visit writes the session and the organisation's settings
    few = queries()
    for n in range(10):
        factories.person(f"more{n}", Role.DIRECTORATE_APPROVER, "People Services")
    assert queries() == few
