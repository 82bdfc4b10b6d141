"""Every notebook in JupyterLab, in headless Chromium: runs clean, renders, and responds to the keyboard.

Notebooks are found by glob at collection time, so a new lesson is tested as
soon as it exists. Screenshots of every explorer land in
tests/browser/artifacts/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from labdriver import (
    PLOT_DIGEST,
    ROOT,
    error_outputs,
    find_chromium,
    missing_browser_action,
    open_notebook,
    run_all,
)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
ARTIFACTS = Path(__file__).parent / "artifacts"


def test_a_missing_browser_is_a_skip_locally_and_a_failure_under_ci(tmp_path):
    assert find_chromium({}, candidates=(str(tmp_path / "none"),)) is None
    assert find_chromium({"MEDIAVSNET_CHROMIUM": str(tmp_path / "none")}) is None
    fake = tmp_path / "chromium"
    fake.write_text("")
    assert find_chromium({"MEDIAVSNET_CHROMIUM": str(fake)}) == str(fake)
    assert missing_browser_action({}) == "skip"
    assert missing_browser_action({"CI": "true"}) == "fail"


@pytest.mark.browser
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_renders_and_responds(page, lab, notebook):
    open_notebook(page, lab, f"notebooks/{notebook.name}")
    run_all(page)
    assert error_outputs(page) == []

    explorers = page.locator(".mvn-explorer")
    ARTIFACTS.mkdir(exist_ok=True)
    for kind in ("mvn-quiz", "mvn-sorting"):
        for i in range(page.locator(f".{kind}").count()):
            widget = page.locator(f".{kind}").nth(i)
            widget.scroll_into_view_if_needed()
            assert widget.is_visible()
            widget.screenshot(path=str(ARTIFACTS / f"{notebook.stem}-{kind}-{i}.png"))
    assert page.locator(".mvn-quiz").count() >= 1, "every lesson has a self-check"

    for i in range(explorers.count()):
        explorer = explorers.nth(i)
        explorer.scroll_into_view_if_needed()
        plot = explorer.locator(".js-plotly-plot")
        plot.wait_for(state="visible", timeout=30_000)
        assert explorer.locator(".mvn-control").count() >= 3
        summary = explorer.locator(".mvn-summary")
        page.wait_for_function("(el) => el.innerText.trim().length > 20", arg=summary.element_handle())
        before_plot = explorer.evaluate(PLOT_DIGEST)
        before_summary = summary.inner_text()
        assert before_plot

        handle = explorer.locator(".mvn-control .noUi-handle").first
        handle.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([root, before]) => { const gd = root.querySelector('.js-plotly-plot');"
            " return gd && JSON.stringify(gd.data.map(t => [Array.from(t.x || []), Array.from(t.y || [])]))"
            " !== before; }",
            arg=[explorer.element_handle(), before_plot],
            timeout=15_000,
        )
        page.wait_for_function(
            "([el, before]) => el.innerText !== before",
            arg=[summary.element_handle(), before_summary],
            timeout=15_000,
        )
        assert explorer.locator(".mvn-error").inner_text().strip() == ""
        explorer.screenshot(path=str(ARTIFACTS / f"{notebook.stem}-explorer-{i}.png"))
    page.screenshot(path=str(ARTIFACTS / f"{notebook.stem}-page.png"))
