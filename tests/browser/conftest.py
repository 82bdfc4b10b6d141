"""Fixtures for the browser layer: one JupyterLab server and one Chromium for the session."""

from __future__ import annotations

import pytest
from labdriver import CHROMIUM_FLAGS, HOW_TO_GET_CHROMIUM, find_chromium, jupyterlab, missing_browser_action


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        if missing_browser_action() == "fail":
            pytest.fail(f"CI is set, so the browser tests may not be skipped: {HOW_TO_GET_CHROMIUM}")
        pytest.skip(HOW_TO_GET_CHROMIUM)
    return path


@pytest.fixture(scope="session")
def lab():
    with jupyterlab() as server:
        yield server


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()
