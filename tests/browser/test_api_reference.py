"""The API reference (/api/docs, Redoc) in a real browser: its colours pass WCAG 2.2 AA contrast."""

import pytest

from tests.browser.conftest import AXE, AXE_ADDRESS, accessibility_problems

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_reference_passes_axe(browser, live_server):
    # Its own window: Redoc's footer asks for the Redocly logo from a CDN, which the page's policy blocks on
    # purpose (no third-party requests); Redoc then leaves the logo out. Nothing else is blocked.
    context = browser.new_context(base_url=live_server.url)
    context.route(f"**{AXE_ADDRESS}", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    blocked = []
    page = context.new_page()
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    try:
        page.goto("/api/docs")
        page.wait_for_selector("#redoc-ui .api-content", timeout=20_000)
        page.get_by_role("tab").first.wait_for()
        assert accessibility_problems(page) == []
        assert [message for message in blocked if "cdn.redoc.ly/redoc/logo-mini.svg" not in message] == []
    finally:
        context.close()
