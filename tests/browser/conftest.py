"""Fixtures for the browser layer: one JupyterLab server and one Chromium for the session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from labdriver import (
    CHROMIUM_FLAGS,
    HOW_TO_GET_CHROMIUM,
    PATIENT_ANYWIDGET,
    OpenedLessons,
    find_chromium,
    jupyterlab,
    missing_browser_action,
    order_lesson_sharing,
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


VIEWPORT = {"width": 1400, "height": 1000}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT)
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
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(PATIENT_ANYWIDGET)
    # A page's uncaught errors are printed, so pytest shows them with a failure.
    context.on("page", lambda tab: tab.on("pageerror", lambda error: print(f"page error: {error}")))
    yield context
    if getattr(request.node, "failed_call", False):
        screenshot_tabs(context, request.node.name)
    context.close()


def screenshot_tabs(context, test_name: str) -> None:
    """A screenshot of each of a context's tabs, for the person reading a failure."""
    FAILURES.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "-", test_name)
    for i, tab in enumerate(context.pages):
        try:
            tab.screenshot(path=str(FAILURES / f"{name}-tab{i}.png"), full_page=True)
        except Exception:  # noqa: BLE001 - a screenshot is a help, never a second failure
            pass


@pytest.fixture(scope="session")
def opened_lessons(browser, lab):
    keeper = OpenedLessons(browser, lab, VIEWPORT)
    yield keeper
    keeper.close()


@pytest.fixture
def lessons(opened_lessons, request):
    """The lesson opened and run in JupyterLab, shared by the tests of one lesson that follow one
    another (see ``pytest_collection_modifyitems``); after a failure the next test opens it afresh."""
    yield opened_lessons
    if getattr(request.node, "failed_call", False) and opened_lessons.context is not None:
        screenshot_tabs(opened_lessons.context, request.node.name)
        opened_lessons.spoil()


def pytest_collection_modifyitems(items):
    order_lesson_sharing(items)
