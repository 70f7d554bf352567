"""Accounts behind the proxy: lockouts by the client's address, resets that lift them, limited and sent in the
background; idle sessions end; nothing a signed-in person sees is cached; the demo stays out of production."""

import re
import threading
import time

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from scorecard.accounts import resets
from scorecard.accounts.client import client_address
from scorecard.accounts.middleware import SEEN
from scorecard.accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def officer():
    return factories.person("officer", "measure_owner", "People Services", email="officer@council.example")


@pytest.fixture
def behind_nginx(settings):
    settings.SCORECARD_TRUSTED_PROXIES = 1


def sign_in(client, username: str, password: str, forwarded_for: str = ""):
    headers = {"x-forwarded-for": forwarded_for} if forwarded_for else {}
    return client.post("/accounts/login/", {"username": username, "password": password}, headers=headers)


# -- the client's address ------------------------------------------------------------------------------


def request_from(remote: str, forwarded: str = ""):
    return RequestFactory().get("/", REMOTE_ADDR=remote, **({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}))


def test_without_a_proxy_the_address_is_the_one_that_connected(settings):
    settings.SCORECARD_TRUSTED_PROXIES = 0
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_behind_nginx_the_address_is_the_one_nginx_added_not_one_the_client_wrote(behind_nginx):
    assert client_address(request_from("127.0.0.1", "198.51.100.1")) == "198.51.100.1"
    assert client_address(request_from("127.0.0.1", "6.6.6.6, 198.51.100.1")) == "198.51.100.1"
    assert client_address(request_from("127.0.0.1", "not-an-address")) == "127.0.0.1"
    assert client_address(request_from("127.0.0.1")) == "127.0.0.1"


def test_wrong_passwords_from_one_client_do_not_lock_the_account_for_everyone(client, officer, behind_nginx):
    for _ in range(5):
        sign_in(client, "officer", "not-my-password", forwarded_for="198.51.100.1")
    assert sign_in(client, "officer", PASSWORD, forwarded_for="198.51.100.1").status_code == 429
    assert sign_in(client, "officer", PASSWORD, forwarded_for="203.0.113.7").status_code == 302


def test_an_address_trying_many_usernames_is_locked(client, officer, behind_nginx):
    for n in range(5):
        sign_in(client, f"guess{n}", "password1", forwarded_for="198.51.100.1")
    assert sign_in(client, "officer", PASSWORD, forwarded_for="198.51.100.1").status_code == 429


# -- password reset ------------------------------------------------------------------------------------


def reset_password(client, new_password: str) -> None:
    client.post("/accounts/password_reset/", {"email": "officer@council.example"})
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[-1].body)[1]
    form_page = client.get(link, follow=True)
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})


def test_a_password_reset_lifts_the_lockout(client, officer):
    for _ in range(5):
        sign_in(client, "officer", "not-my-password")
    assert sign_in(client, "officer", PASSWORD).status_code == 429
    reset_password(client, "a-brand-new-long-password")
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "officer", "a-brand-new-long-password").status_code == 302


def test_reset_emails_to_one_address_are_limited(client, officer):
    for _ in range(5):
        response = client.post("/accounts/password_reset/", {"email": "officer@council.example"})
        assert response.status_code == 302  # the same answer each time
    assert len(mail.outbox) == 3


def test_reset_requests_from_one_client_are_limited(client, officer):
    for n in range(10):
        client.post("/accounts/password_reset/", {"email": f"someone{n}@council.example"})
    response = client.post("/accounts/password_reset/", {"email": "officer@council.example"})
    assert response.status_code == 429
    assert "Too many password reset requests" in response.content.decode()
    assert mail.outbox == []


def test_the_reset_email_is_sent_after_the_answer(client, officer, settings, monkeypatch):
    settings.SCORECARD_EMAIL_IN_BACKGROUND = True
    release, sent = threading.Event(), []
    monkeypatch.setattr(resets, "send_reset_link", lambda email: release.wait(5) and sent.append(email))
    started = time.monotonic()
    response = client.post("/accounts/password_reset/", {"email": "officer@council.example"})
    assert response.status_code == 302 and time.monotonic() - started < 2 and sent == []
    release.set()
    for _ in range(50):
        if sent:
            break
        time.sleep(0.05)
    assert sent == ["officer@council.example"]


def test_the_answer_reads_the_same_for_a_held_and_an_unknown_address(client, officer, settings, monkeypatch):
    monkeypatch.setattr(resets, "in_background", lambda task, *args: None)
    counts = []
    for email in ("officer@council.example", "nobody@council.example"):
        with CaptureQueriesContext(connection) as queries:
            client.post("/accounts/password_reset/", {"email": email})
        counts.append(len(queries))
    assert counts[0] == counts[1]


# -- sessions, caching, tokens ---------------------------------------------------------------------------


def test_an_idle_session_ends(client, officer, settings):
    settings.SCORECARD_SESSION_IDLE_MINUTES = 30
    client.force_login(officer)
    assert client.get("/returns/").status_code == 200
    session = client.session
    session[SEEN] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/returns/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_an_active_session_carries_on(client, officer, settings):
    settings.SCORECARD_SESSION_IDLE_MINUTES = 30
    client.force_login(officer)
    client.get("/returns/")
    session = client.session
    session[SEEN] = int(time.time()) - 29 * 60
    session.save()
    assert client.get("/returns/").status_code == 200


def test_signed_in_downloads_are_not_stored_and_public_pages_may_be(client, officer):
    assert "no-store" not in client.get("/open-data/").get("Cache-Control", "")
    client.force_login(officer)
    download = client.get("/returns/?download=csv")
    assert download.status_code == 200 and "no-store" in download["Cache-Control"]
    assert "no-store" in client.get("/account/api-tokens/")["Cache-Control"]


def test_reloading_after_creating_a_token_makes_no_second_token(client, officer):
    client.force_login(officer)
    response = client.post("/account/api-tokens/", {"name": "Power BI refresh"}, follow=True)
    assert 'id="new-token">sc_' in response.content.decode()
    again = client.get("/account/api-tokens/").content.decode()
    assert 'id="new-token"' not in again
    assert officer.api_tokens.count() == 1


# -- the demo ------------------------------------------------------------------------------------------


def test_load_demo_refuses_production_settings(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="refuses to run in production"):
        call_command("load_demo")
    assert not User.objects.exists()
