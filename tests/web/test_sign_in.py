"""Signing in, being locked out after repeated failures, and resetting a forgotten password."""

import re

import pytest
from django.core import mail

from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def officer():
    person = factories.person("officer", "measure_owner", "People Services")
    person.email = "officer@council.example"
    person.save()
    return person


def sign_in(client, password: str):
    return client.post("/accounts/login/", {"username": "officer", "password": password})


def test_an_officer_signs_in_and_lands_on_the_home_page(client, officer):
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    assert "officer" in client.get("/").content.decode()


def test_a_wrong_password_says_so_without_saying_which_part_was_wrong(client, officer):
    html = sign_in(client, "not-my-password").content.decode()
    assert "There is a problem" in html
    assert "Please enter a correct username and password" in html


def test_five_failures_lock_the_account_even_against_the_right_password(client, officer):
    for _ in range(5):
        sign_in(client, "not-my-password")
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_forgotten_password_is_reset_by_an_emailed_link(client, officer):
    client.post("/accounts/password_reset/", {"email": "officer@council.example"})
    (email,) = mail.outbox
    assert email.subject == "Reset your Scorecard password"
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", email.body)[1]
    form_page = client.get(link, follow=True)
    new_password = "a-brand-new-long-password"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}, follow=True
    )
    assert "Your password has been changed" in done.content.decode()
    assert sign_in(client, new_password).status_code == 302


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, officer):
    response = client.post("/accounts/password_reset/", {"email": "someone@elsewhere.example"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []
