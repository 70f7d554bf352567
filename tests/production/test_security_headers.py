"""A real response under production settings: HTTPS only, secure cookies, the security headers and a Content
Security Policy that lets no inline script or style run; static files from WhiteNoise, cached for a year."""

import json

import pytest

from tests.production.conftest import HOST
from tests.separately import run


@pytest.fixture(scope="module")
def responses(production):
    answered = run(production, "-m", "tests.production.respond")
    assert answered.returncode == 0, answered.stderr
    return json.loads(answered.stdout)


def policy(response) -> dict[str, list[str]]:
    directives = (part.split() for part in response["headers"]["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


def test_plain_http_is_sent_to_https(responses):
    assert responses["plain_http"]["status"] == 301
    assert responses["plain_http"]["headers"]["Location"] == f"https://{HOST}/accounts/login/"


def test_browsers_are_told_to_use_https_for_a_year(responses):
    hsts = responses["sign_in_page"]["headers"]["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains; preload"


def test_pages_carry_the_security_headers(responses):
    headers = responses["sign_in_page"]["headers"]
    assert responses["sign_in_page"]["status"] == 200
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_content_security_policy_allows_only_our_own_files(responses):
    directives = policy(responses["sign_in_page"])
    assert directives["default-src"] == directives["script-src"] == directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == directives["object-src"] == directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    sources = {source for sources in directives.values() for source in sources}
    assert not sources & {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "data:", "*"}


def test_the_csrf_cookie_is_secure_and_kept_from_scripts(responses):
    assert responses["sign_in_page"]["cookies"]["csrftoken"] == {"secure": True, "httponly": True, "samesite": "Lax"}


def test_the_session_cookie_is_secure_and_kept_from_scripts(responses):
    assert responses["signed_in"]["status"] == 302
    assert responses["signed_in"]["cookies"]["sessionid"] == {"secure": True, "httponly": True, "samesite": "Lax"}


def test_static_files_have_names_that_change_with_their_content_and_are_cached_for_a_year(responses):
    stylesheet = responses["stylesheet"]
    assert stylesheet["status"] == 200
    assert stylesheet["headers"]["Content-Type"].startswith("text/css")
    assert stylesheet["headers"]["Cache-Control"] == "max-age=315360000, public, immutable"
