"""Lesson 07 in the browser: the plan saved is the one the page shows, and it survives a kernel restart.

First, in JupyterLab, Notebook 7 and Voilà: a name typed at full speed,
pasted, typed then Enter, or typed after the notes, and saved at once, is
saved under exactly the name and with exactly the notes the page shows (the
kernel may not have had the last keys yet when the click arrives: see
``mediavsnet/explorer/fields.py``). Each waits on the saved file's words, never
on a pause, and types as fast as the browser takes keys.

Then, in JupyterLab:

The learner types a file name and notes, presses **Save plan** (Tab and Enter),
restarts the kernel and runs every cell (as "Restart Kernel and Run All Cells"
does), then types the name again and presses **Load plan**: the planner must
show exactly what it showed when the plan was saved (every trace, axis, line
and control), with the notes. The file lands in the served copy of the course,
never in the repository.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from labdriver import (
    EXPLORER_VIEW,
    KERNEL_IDLE,
    PROMPTS_DONE,
    describe_difference,
    open_in_voila,
    open_notebook,
    run_all,
    settled_views,
    voila,
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
    try:
        page.wait_for_function(
            "([root, words]) => (root.querySelector('.mvn-plan-status')?.innerText || '').includes(words)",
            arg=[explorer.element_handle(), words], timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - say what the planner said instead
        said = explorer.locator(".mvn-plan-status, .mvn-error").all_inner_texts()
        raise AssertionError(f"the planner never said {words!r}; it says {said!r}") from None


SAVE = ".mvn-plan-save button, button.mvn-plan-save"


def fast(page, explorer) -> tuple[str, str]:
    """A name typed at full speed, then Enter on Save at once (Tab-and-Enter without the Tab)."""
    type_into(page, explorer.locator(".mvn-plan-name input"), "plan-été typed fast")
    press(page, explorer.locator(SAVE).first)
    return "plan-été typed fast", ""


def pasted(page, explorer) -> tuple[str, str]:
    """A name pasted (one input event, as a paste gives), then Save clicked with the mouse at once."""
    box = explorer.locator(".mvn-plan-name input")
    box.focus()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text("pasted 名前")
    explorer.locator(SAVE).first.click()
    return "pasted 名前", ""


def typed_then_enter(page, explorer) -> tuple[str, str]:
    """A name typed, Enter in the box, then Space on Save."""
    type_into(page, explorer.locator(".mvn-plan-name input"), "café entered")
    page.keyboard.press("Enter")
    press(page, explorer.locator(SAVE).first, "Space")
    return "café entered", ""


def notes_then_name(page, explorer) -> tuple[str, str]:
    """Notes typed, then the name, then Save: both as the page shows them."""
    type_into(page, explorer.locator(".mvn-plan-notes textarea"), "Written last, saved at once.")
    type_into(page, explorer.locator(".mvn-plan-name input"), "notes then name")
    press(page, explorer.locator(SAVE).first)
    return "notes then name", "Written last, saved at once."


WAYS = (fast, pasted, typed_then_enter, notes_then_name)
NAMES = ("plan-été typed fast", "pasted 名前", "café entered", "notes then name")


def saves_what_the_page_shows(page, explorer, folder: Path) -> None:
    """Every way of typing and saving, one after another, each checked in the file and on the page."""
    explorer.locator(".mvn-plan-name input").scroll_into_view_if_needed()
    # The page is ready to send the fields once the widget has attached (it marks its element).
    page.wait_for_function("(root) => !!root.querySelector('.mvn-click-fields[data-sending], "
                           ".mvn-click-fields [data-sending]')", arg=explorer.element_handle(),
                           timeout=30_000)
    notes_before = ""
    for way in WAYS:
        name, notes = way(page, explorer)
        notes = notes or notes_before
        shown_notes = explorer.locator(".mvn-plan-notes textarea").input_value()
        assert shown_notes == notes, f"{way.__name__}: the page shows notes {shown_notes!r}"
        status_says(page, explorer, f"Saved my-plans/{name}.json and my-plans/{name}.md.")
        stored = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        assert (stored["name"], stored["notes"]) == (name, notes), way.__name__
        assert explorer.locator(".mvn-plan-name input").input_value() == name, way.__name__
        notes_before = notes
    saved = sorted(p.name for p in folder.glob("*.json"))
    assert saved == sorted(f"{n}.json" for n in NAMES), f"no other file was saved: {saved}"


@pytest.mark.browser
@pytest.mark.parametrize("interface", ["lab", "notebook7"])
def test_the_plan_saved_has_the_name_and_notes_the_page_shows_however_fast_they_were_typed(
        page, lab, interface):
    lab.start_afresh(NOTEBOOK)
    folder = lab.root / "notebooks" / "my-plans"
    shutil.rmtree(folder, ignore_errors=True)
    open_notebook(page, lab, NOTEBOOK, interface=interface)
    run_all(page)
    wait_for_explorers(page, 1)
    saves_what_the_page_shows(page, page.locator(".mvn-explorer").first, folder)


@pytest.mark.browser
def test_in_voila_too_the_plan_saved_has_the_name_and_notes_the_page_shows(context, chromium_path):
    with voila() as server:
        page = context.new_page()
        open_in_voila(page, server, Path(NOTEBOOK).name)
        wait_for_explorers(page, 1)
        saves_what_the_page_shows(page, page.locator(".mvn-explorer").first,
                                  server.root / "notebooks" / "my-plans")


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
