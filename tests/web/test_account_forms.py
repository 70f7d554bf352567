"""The account forms follow the return form's pattern: each error names its field, is announced with the field
(aria-describedby), and puts "Error:" before the page title. Password change is in the product's layout."""

import re

import pytest
from django.core import mail

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return factories.person("officer", "measure_owner", "People Services", email="officer@council.example")


def test_signing_in_with_nothing_typed_names_both_fields(client):
    response = client.post("/accounts/login/", {"username": "", "password": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: Sign in" in html
    assert "Enter your username" in html and "Enter your password" in html
    assert 'aria-describedby="id_username-error"' in html and 'id="id_username-error"' in html
    assert 'aria-describedby="id_password-error"' in html
    assert '<a href="#id_username">Enter your username</a>' in html


def test_a_password_reset_without_an_address(client):
    html = client.post("/accounts/password_reset/", {"email": ""}).content.decode()
    assert "<title>Error: Reset your password" in html
    assert "Enter your email address" in html and 'aria-describedby="id_email-error"' in html


def test_a_password_reset_with_something_that_is_not_an_address(client):
    html = client.post("/accounts/password_reset/", {"email": "officer"}).content.decode()
    assert "Enter your email address in the form name@example.gov.uk" in html


def test_a_new_password_typed_differently_twice(client, officer):
    client.post("/accounts/password_reset/", {"email": "officer@council.example"})
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body)[1]
    form_page = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_page, {"new_password1": "a-long-new-password", "new_password2": "another-one"})
    html = response.content.decode()
    assert "<title>Error: Choose a new password" in html
    assert "The two passwords do not match" in html
    assert 'aria-describedby="id_new_password2-error"' in html


def test_a_token_without_a_name(client, officer):
    client.force_login(officer)
    html = client.post("/account/api-tokens/", {"name": ""}).content.decode()
    assert "<title>Error: API tokens" in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html


def test_password_change_is_in_the_products_layout(client, officer):
    client.force_login(officer)
    page = client.get("/accounts/password_change/").content.decode()
    assert "govuk-header" in page and "Django administration" not in page
    wrong = client.post(
        "/accounts/password_change/",
        {"old_password": "not-it", "new_password1": "a-long-new-password", "new_password2": "a-long-new-password"},
    )
    html = wrong.content.decode()
    assert "<title>Error: Change your password" in html
    assert "Your current password is not right" in html and 'aria-describedby="id_old_password-error"' in html
    done = client.post(
        "/accounts/password_change/",
        {
            "old_password": "a-long-test-password",
            "new_password1": "a-long-new-password",
            "new_password2": "a-long-new-password",
        },
        follow=True,
    )
    assert "Your password has been changed" in done.content.decode()
    assert "govuk-header" in done.content.decode()
    officer.refresh_from_db()
    assert officer.check_password("a-long-new-password")
