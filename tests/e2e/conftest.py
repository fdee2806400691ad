"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live_server."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from scripts.audit import CHROME_FLAGS

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The flags Chromium needs on these machines, kept with `make audit`'s, which launches it too.
CHROMIUM_ARGS = CHROME_FLAGS

# Playwright's sync API runs an event loop in this thread; Django's ORM calls in the same test
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def demo_site(live_server, instant_forms):
    """The demo content behind a live server; returns its address. Comment forms may be sent at once."""
    call_command("load_demo_content")
    return live_server.url


@pytest.fixture
def assert_accessible():
    """Fail with axe-core's report when a page has any WCAG 2.2 A/AA violation, or with
    best_practices=True, any of axe's best-practice rules too (heading order, landmarks)."""
    axe = Axe()

    def check(page, best_practices=False):
        tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", *(["best-practice"] if best_practices else [])]
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": tags}})
        assert results.violations_count == 0, results.generate_report()

    return check
