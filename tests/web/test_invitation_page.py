"""An invited person chooses a password from the emailed link and is signed in; a used or old link says so."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from scorecard.accounts import services
from scorecard.accounts.models import Invitation

pytestmark = pytest.mark.django_db

PASSWORD = "a-brand-new-long-password"


@pytest.fixture
def link(performance, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.person_invite(email="jo.bloggs@council.example", by=performance, full_name="Jo Bloggs")
    return re.search(r"https?://[^/]+(/accounts/invitation/\S+/)", mail.outbox[0].body)[1]


def test_the_invited_person_sets_a_password_and_is_signed_in(client, link):
    page = client.get(link)
    assert page.status_code == 200 and "Your username is <strong>jo.bloggs</strong>" in page.content.decode()
    response = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Jo Bloggs" in client.get("/").content.decode()


def test_the_link_works_once(client, link):
    client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    client.logout()
    page = client.get(link)
    assert page.status_code == 410
    assert "This invitation link has been used already" in page.content.decode()


def test_an_expired_link_says_to_ask_for_it_again(client, link):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    page = client.get(link)
    assert page.status_code == 410
    assert "Ask the performance team to send the invitation again" in page.content.decode()


def test_passwords_that_differ_are_refused_naming_the_field(client, link):
    page = client.post(link, {"new_password1": PASSWORD, "new_password2": "something-else-entirely"})
    html = page.content.decode()
    assert page.status_code == 400
    assert "<title>Error: Choose your password" in html
    assert "The two passwords do not match" in html
    assert 'aria-describedby="id_new_password2-error"' in html
    assert Invitation.objects.get().is_pending


def test_a_weak_password_is_refused_on_the_first_box(client, link):
    html = client.post(link, {"new_password1": "123", "new_password2": "123"}).content.decode()
    assert 'aria-describedby="id_new_password1-hint id_new_password1-error"' in html
    assert "This password is too short" in html
