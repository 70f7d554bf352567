"""Inviting people, giving them roles and switching them off: each kept with who did it."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from scorecard.accounts import services
from scorecard.accounts.models import Invitation, PersonEvent, Role, RoleAssignment, User
from scorecard.council.models import Directorate
from tests import factories

pytestmark = pytest.mark.django_db


def invite(by, email="jo.bloggs@council.example", full_name="Jo Bloggs", *, capture):
    with capture(execute=True):
        return services.person_invite(email=email, by=by, full_name=full_name)


def token_in(email) -> str:
    return re.search(r"/accounts/invitation/([^/\s]+)/", email.body)[1]


def test_the_performance_team_invites_a_person_by_email(performance, django_capture_on_commit_callbacks):
    person = invite(performance, capture=django_capture_on_commit_callbacks)
    assert (person.username, person.email, person.get_full_name()) == (
        "jo.bloggs",
        "jo.bloggs@council.example",
        "Jo Bloggs",
    )
    assert not person.has_usable_password()
    invitation = Invitation.objects.get(user=person)
    assert invitation.invited_by == performance and invitation.is_pending
    assert invitation.expires_at - invitation.invited_at == timedelta(days=7)
    (event,) = PersonEvent.objects.filter(person=person)
    assert (event.kind, event.by) == (PersonEvent.Kind.INVITED, performance)


def test_the_invitation_email_carries_a_set_password_link_whose_token_is_not_kept(
    performance, django_capture_on_commit_callbacks
):
    person = invite(performance, capture=django_capture_on_commit_callbacks)
    (email,) = mail.outbox
    assert email.to == ["jo.bloggs@council.example"]
    assert "Your username is jo.bloggs" in email.body
    token = token_in(email)
    assert email.body.count("http://127.0.0.1:8000/accounts/invitation/") == 1
    assert not Invitation.objects.filter(digest=token).exists()
    assert Invitation.objects.get(user=person).digest == services.digest_of(token)


def test_no_email_is_sent_when_the_change_is_rolled_back(performance, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.person_invite(email="jo@council.example", by=performance)
    assert len(callbacks) == 1 and mail.outbox == []


def test_a_username_already_held_is_numbered(performance, django_capture_on_commit_callbacks):
    factories.person("jo", Role.READER)
    assert invite(performance, "Jo@council.example", "", capture=django_capture_on_commit_callbacks).username == "jo-2"
    assert invite(performance, "jo@other.example", "", capture=django_capture_on_commit_callbacks).username == "jo-3"


def test_an_address_already_invited_is_refused_with_the_date_and_what_to_do(
    performance, django_capture_on_commit_callbacks
):
    invite(performance, capture=django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError) as refused:
        invite(performance, "JO.BLOGGS@council.example", capture=django_capture_on_commit_callbacks)
    today = timezone.localdate().strftime("%-d %B %Y")
    assert refused.value.messages == [
        f"JO.BLOGGS@council.example was invited on {today} — resend the invitation from their page"
    ]
    assert User.objects.filter(email__iexact="jo.bloggs@council.example").count() == 1
    assert len(mail.outbox) == 1


def test_an_address_already_held_is_refused(performance, django_capture_on_commit_callbacks):
    held = factories.person("officer", Role.MEASURE_OWNER, "People Services")
    held.email = "officer@council.example"
    held.save()
    with pytest.raises(ValidationError, match=r"officer@council\.example already belongs to officer"):
        invite(performance, "officer@council.example", capture=django_capture_on_commit_callbacks)


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter the person's email address"),
        ("jo.bloggs", "“jo.bloggs” is not an email address"),
        ("jo@@council", "“jo@@council” is not an email address"),
    ],
)
def test_an_invalid_address_is_refused_and_nobody_is_created(performance, email, message):
    with pytest.raises(ValidationError, match=message):
        services.person_invite(email=email, by=performance)
    assert User.objects.count() == 1


def test_only_the_performance_team_invites(officer):
    with pytest.raises(PermissionDenied):
        services.person_invite(email="jo@council.example", by=officer)
    assert not User.objects.filter(email="jo@council.example").exists()


def test_the_invited_person_sets_a_password_once(performance, django_capture_on_commit_callbacks):
    person = invite(performance, capture=django_capture_on_commit_callbacks)
    token = token_in(mail.outbox[0])
    services.invitation_accept(token=token, password="a-brand-new-long-password")
    person.refresh_from_db()
    assert person.check_password("a-brand-new-long-password")
    assert not Invitation.objects.get(user=person).is_pending
    with pytest.raises(ValidationError, match="has been used already"):
        services.invitation_accept(token=token, password="another-long-password")


def test_an_expired_link_is_refused(performance, django_capture_on_commit_callbacks):
    invite(performance, capture=django_capture_on_commit_callbacks)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="has expired"):
        services.invitation_accept(token=token_in(mail.outbox[0]), password="a-brand-new-long-password")


def test_resending_gives_a_new_link_and_the_old_one_stops_working(performance, django_capture_on_commit_callbacks):
    person = invite(performance, capture=django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_resend(person=person, by=performance)
    first, second = (token_in(email) for email in mail.outbox)
    with pytest.raises(ValidationError, match="not one Scorecard sent"):
        services.invitation_for(first)
    assert services.invitation_for(second).user == person
    kinds = list(PersonEvent.objects.filter(person=person).values_list("kind", flat=True))
    assert kinds == [PersonEvent.Kind.INVITATION_RESENT, PersonEvent.Kind.INVITED]


def test_an_accepted_invitation_is_not_resent(performance, django_capture_on_commit_callbacks):
    person = invite(performance, capture=django_capture_on_commit_callbacks)
    services.invitation_accept(token=token_in(mail.outbox[0]), password="a-brand-new-long-password")
    with pytest.raises(ValidationError, match="accepted the invitation on"):
        services.invitation_resend(person=person, by=performance)


def test_roles_are_given_and_taken_away_at_once_and_kept_in_the_history(performance):
    people, places = (Directorate.objects.create(name=name) for name in ("People Services", "Communities & Place"))
    person = factories.person("jo", Role.READER)
    given, taken = services.person_roles_set(
        person=person,
        roles=[
            (Role.MEASURE_OWNER, people.pk),
            (Role.MEASURE_OWNER, places.pk),
            (Role.DIRECTORATE_APPROVER, people.pk),
        ],
        by=performance,
    )
    assert given == [
        "Measure owner (Communities & Place)",
        "Measure owner (People Services)",
        "Directorate approver (People Services)",
    ]
    assert taken == ["Reader"]
    assert RoleAssignment.objects.filter(user=person).count() == 3
    (event,) = PersonEvent.objects.filter(person=person)
    assert event.by == performance and event.detail.endswith("; Taken away: Reader")


def test_setting_the_same_roles_again_records_nothing(performance):
    person = factories.person("jo", Role.READER)
    assert services.person_roles_set(person=person, roles=[(Role.READER, None)], by=performance) == ([], [])
    assert not PersonEvent.objects.exists()


def test_the_team_cannot_take_away_its_own_team_role(performance):
    with pytest.raises(ValidationError, match="your own performance team role"):
        services.person_roles_set(person=performance, roles=[], by=performance)


def test_a_switched_off_person_cannot_sign_in_and_is_switched_back_on(client, performance):
    person = factories.person("jo", Role.READER)
    services.person_switch_off(person=person, by=performance, reason="Left the council")
    credentials = {"username": "jo", "password": "a-long-test-password"}
    assert client.post("/accounts/login/", credentials).status_code == 400  # the form again, with its error
    services.person_switch_on(person=person, by=performance)
    assert client.post("/accounts/login/", credentials).status_code == 302
    kinds = list(PersonEvent.objects.filter(person=person).values_list("kind", "by__username"))
    assert kinds == [(PersonEvent.Kind.SWITCHED_ON, "performance"), (PersonEvent.Kind.SWITCHED_OFF, "performance")]


def test_nobody_switches_themselves_off(performance):
    with pytest.raises(ValidationError, match="cannot switch yourself off"):
        services.person_switch_off(person=performance, by=performance)


def test_a_switched_off_person_is_not_sent_the_invitation_again(performance, django_capture_on_commit_callbacks):
    person = invite(performance, capture=django_capture_on_commit_callbacks)
    services.person_switch_off(person=person, by=performance)
    with pytest.raises(ValidationError, match="is switched off"):
        services.invitation_resend(person=person, by=performance)
    assert len(mail.outbox) == 1
