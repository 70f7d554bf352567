"""Browser tests: Debian's Chromium driven by Playwright against a live server, with axe-core checks."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop; the live server's database calls are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        yield chromium
        chromium.close()


# axe-core is added to a page as a file of the site's own, since the Content Security Policy allows no other.
AXE_ADDRESS = "/browser-tests/axe.min.js"


@pytest.fixture
def visitor(browser, live_server):
    """A fresh browser window on the live server; each person in a test gets their own.

    Anything the Content Security Policy blocks fails the test: the pages must work within it."""
    contexts, blocked = [], []

    def open_window():
        context = browser.new_context(base_url=live_server.url)
        context.route(f"**{AXE_ADDRESS}", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: blocked.extend(_blocked_by_policy(message.text)))
        return page

    yield open_window
    for context in contexts:
        context.close()
    assert not blocked, f"the Content Security Policy blocked: {blocked}"


def _blocked_by_policy(console_message: str) -> list[str]:
    return [console_message] if "Content Security Policy" in console_message else []


def accessibility_problems(page) -> list[str]:
    """axe-core's WCAG 2.2 AA violations on the page as it stands, one line each: once its stylesheet has loaded,
    since a page caught just after a click, unstyled, has browser-sized buttons that fail target-size."""
    page.wait_for_load_state("load")
    page.add_script_tag(url=AXE_ADDRESS)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} on {page.url})" for v in result["violations"]]


def sign_in(page, username: str, password: str = "a-long-test-password") -> None:  # noqa: S107
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
