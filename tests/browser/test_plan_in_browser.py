"""Lesson 07 in JupyterLab: a plan saved from the keyboard survives a kernel restart and loads back the same.

The learner types a file name and notes, presses **Save plan** (Tab and Enter),
restarts the kernel and runs every cell (as "Restart Kernel and Run All Cells"
does), then types the name again and presses **Load plan**: the planner must
show exactly what it showed when the plan was saved (every trace, axis, line
and control), with the notes. The file lands in the served copy of the course,
never in the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from labdriver import (
    EXPLORER_VIEW,
    KERNEL_IDLE,
    PROMPTS_DONE,
    describe_difference,
    open_notebook,
    run_all,
    settled_views,
    wait_for_explorers,
    wait_for_views,
)

NOTEBOOK = "notebooks/07-your-strategy.ipynb"
ARTIFACTS = Path(__file__).parent / "artifacts"
NOTES = "Plan B from March; look again in June."


def type_into(page, locator, text: str) -> None:
    """Put ``text`` in a text field from the keyboard, replacing what was there."""
    locator.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def press(page, button, key: str = "Enter") -> None:
    """Press a button from the keyboard, as a learner who tabs to it does."""
    button.focus()
    page.keyboard.press(key)


def status_says(page, explorer, words: str, timeout_ms: int = 30_000) -> None:
    page.wait_for_function(
        "([root, words]) => (root.querySelector('.mvn-plan-status')?.innerText || '').includes(words)",
        arg=[explorer.element_handle(), words], timeout=timeout_ms)


@pytest.mark.browser
def test_a_plan_saved_before_a_restart_loads_back_with_the_same_projection(page, lab):
    lab.start_afresh(NOTEBOOK)
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    wait_for_explorers(page, 1)
    explorer = page.locator(".mvn-explorer").first
    explorer.scroll_into_view_if_needed()

    # Make the plan the learner's own: two controls moved with the keyboard.
    for name, key, times in (("a_broadcast_hours", "ArrowRight", 3), ("b_one_to_one_hours", "ArrowRight", 2)):
        handle = explorer.locator(f".mvn-control-{name} .noUi-handle")
        handle.focus()
        for _ in range(times):
            before = explorer.evaluate(EXPLORER_VIEW)
            page.keyboard.press(key)
            page.wait_for_function(
                f"([root, before]) => JSON.stringify(({EXPLORER_VIEW})(root)) !== JSON.stringify(before)",
                arg=[explorer.element_handle(), before], timeout=15_000)
    type_into(page, explorer.locator(".mvn-plan-notes textarea"), NOTES)
    type_into(page, explorer.locator(".mvn-plan-name input"), "browser-plan")
    press(page, explorer.locator(".mvn-plan-save button, button.mvn-plan-save").first)
    status_says(page, explorer, "Saved my-plans/browser-plan.json")
    (saved,) = settled_views(page)
    assert explorer.locator(".mvn-error").inner_text().strip() == ""

    folder = lab.root / "notebooks" / "my-plans"
    stored = json.loads((folder / "browser-plan.json").read_text(encoding="utf-8"))
    assert stored["notes"] == NOTES and stored["plan_a"]["broadcast_hours"] == 4.0
    assert stored["plan_b"]["one_to_one_hours"] == 2.0
    assert (folder / "browser-plan.md").exists()

    # Restart the kernel and run every cell: a new planner, at its defaults.
    page.evaluate("() => document.querySelectorAll('.mvn-explorer').forEach(e => { e.dataset.before = 1; })")
    page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").first.click()
    page.locator('.lm-Menu-item[data-command="runmenu:restart-and-run-all"]').click()
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.wait_for_function(
        "() => { const e = [...document.querySelectorAll('.mvn-explorer')];"
        " return e.length === 1 && !e[0].dataset.before; }", timeout=120_000)
    page.wait_for_function(PROMPTS_DONE, timeout=120_000)
    page.wait_for_function(KERNEL_IDLE, timeout=120_000)
    wait_for_explorers(page, 1)
    (fresh,) = settled_views(page)
    assert fresh != saved, "after the restart the planner should start from its defaults"

    explorer = page.locator(".mvn-explorer").first
    explorer.scroll_into_view_if_needed()
    type_into(page, explorer.locator(".mvn-plan-name input"), "browser-plan")
    press(page, explorer.locator(".mvn-plan-load button, button.mvn-plan-load").first, "Space")
    status_says(page, explorer, "Loaded my-plans/browser-plan.json")
    (loaded,) = wait_for_views(page, [saved])
    assert loaded == saved, describe_difference(saved, loaded)
    assert explorer.locator(".mvn-plan-notes textarea").input_value() == NOTES
    assert explorer.locator(".mvn-error").inner_text().strip() == ""
    ARTIFACTS.mkdir(exist_ok=True)
    explorer.screenshot(path=str(ARTIFACTS / "07-your-strategy-plan-loaded.png"))
