"""The 400, 403, 404, 500 and CSRF-failure pages are the site's own: its layout, in British English."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, RequestFactory
from django.views import defaults

from tests import factories

pytestmark = pytest.mark.django_db


def in_the_sites_layout(html: str) -> bool:
    return '<html lang="en-GB"' in html and "govuk-header" in html and 'id="main-content"' in html


def test_a_missing_page(client):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404 and in_the_sites_layout(html)
    assert "<title>Page not found – Scorecard" in html


def test_a_server_error_page_needs_nothing_from_the_database():
    response = defaults.server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500 and in_the_sites_layout(html)
    assert "Sorry, there is a problem with Scorecard" in html


def test_a_bad_request():
    response = defaults.bad_request(RequestFactory().get("/"), SuspiciousOperation("odd"))
    html = response.content.decode()
    assert response.status_code == 400 and in_the_sites_layout(html)
    assert "could not understand the request" in html


def test_a_refusal():
    response = defaults.permission_denied(RequestFactory().get("/"), PermissionDenied())
    assert response.status_code == 403 and in_the_sites_layout(response.content.decode())


def test_a_form_sent_without_its_security_token(performance):
    client = Client(enforce_csrf_checks=True)
    client.force_login(performance)
    response = client.post("/people/invite/", {"email": "jo@council.example"})
    html = response.content.decode()
    assert response.status_code == 403 and in_the_sites_layout(html)
    assert "Your form could not be sent" in html


def test_the_signed_in_persons_name_is_still_shown_on_a_missing_page(client):
    client.force_login(factories.person("reader", "reader"))
    assert "reader" in client.get("/no-such-page/").content.decode()
