"""Fixtures for the browser layer: one JupyterLab server and one Chromium for the session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from labdriver import (
    CHROMIUM_FLAGS,
    HOW_TO_GET_CHROMIUM,
    PATIENT_ANYWIDGET,
    find_chromium,
    jupyterlab,
    missing_browser_action,
)


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
    context.add_init_script(PATIENT_ANYWIDGET)
    page = context.new_page()
    yield page
    context.close()


FAILURES = Path(__file__).parent / "artifacts" / "failures"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.failed_call = report.failed


@pytest.fixture
def context(browser, request):
    """A fresh browser context (its own tabs, storage); on failure, a screenshot of each of its tabs."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(PATIENT_ANYWIDGET)
    # A page's uncaught errors are printed, so pytest shows them with a failure.
    context.on("page", lambda tab: tab.on("pageerror", lambda error: print(f"page error: {error}")))
    yield context
    if getattr(request.node, "failed_call", False):
        FAILURES.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "-", request.node.name)
        for i, tab in enumerate(context.pages):
            try:
                tab.screenshot(path=str(FAILURES / f"{name}-tab{i}.png"), full_page=True)
            except Exception:  # noqa: BLE001 - a screenshot is a help, never a second failure
                pass
    context.close()
