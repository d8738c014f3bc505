"""Browser tests: Playwright drives Debian's Chromium (scripts/ensure-chromium installs it)
against pytest-django's live server. Every test in this folder is marked `e2e`."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set up
# data are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="radadata-chromium-")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, args=CHROMIUM_ARGS, headless=True,
            # An English browser on purpose: the site must still answer in Ukrainian.
            locale="en-US", accept_downloads=True,
        )
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(transactional_db, browser, live_server, settings):
    # transactional_db first: the test database must exist before the live server looks at it.
    settings.SITE_URL = live_server.url  # landingPage links point at the server under test
    browser.clear_cookies()
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    yield page
    page.close()
