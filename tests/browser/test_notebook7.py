"""Every lesson in Notebook 7 (the ``notebook`` package, 7.x): it runs, renders, and every explorer
answers the keyboard, the mouse and typing, as in JupyterLab.

Notebook 7 hands every key to its shortcuts before the focused element sees it,
so without ``mediavsnet/explorer/keyboard.py`` an arrow key on a slider moves
the focus to another cell. The same server as the JupyterLab tests serves
Notebook 7's pages. Lessons are found by glob.
"""

from __future__ import annotations

import pytest
from labdriver import (
    OPTION_ACTIVE,
    ROOT,
    answer_first_question_from_the_keyboard,
    error_outputs,
    explorer_class,
    explorers_built_by,
    open_notebook,
    run_all,
    wait_for_explorers,
    wait_until_python_agrees,
)

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
IDS = [p.name for p in LESSONS]

FOCUSED_HANDLE = "(handle) => document.activeElement === handle"


def python_agrees(page, explorer, why: str, timeout_ms: int = 30_000) -> None:
    """Wait until the explorer shows what the course's code draws for the values its controls show."""
    expected, shown = wait_until_python_agrees(page, explorer, timeout_ms)
    if shown != expected:
        raise AssertionError(f"{why}: the explorer does not show what its controls say ({shown!r:.300})")


def value_of(control) -> str:
    """A slider's value as its readout shows it (to the slider's step)."""
    return control.locator(".widget-readout").inner_text().strip()


def wait_for_value_change(page, control, before: str, why: str) -> None:
    try:
        page.wait_for_function(
            "([c, before]) => c.querySelector('.widget-readout').innerText.trim() !== before",
            arg=[control.element_handle(), before],
            timeout=15_000,
        )
    except Exception:  # noqa: BLE001 - say which control, and where the focus went
        focus = page.evaluate("() => document.activeElement?.className || ''")
        raise AssertionError(f"{why}: the slider stayed at {before} (focus now on {focus!r})") from None


@pytest.mark.browser
@pytest.mark.parametrize("notebook", LESSONS, ids=IDS)
def test_every_lesson_runs_in_notebook7_and_its_explorers_answer_keys_mouse_typing(context, lab, notebook):
    lab.start_afresh(f"notebooks/{notebook.name}")
    page = context.new_page()
    open_notebook(page, lab, f"notebooks/{notebook.name}", interface="notebook7")
    run_all(page)
    assert error_outputs(page) == []
    count = explorers_built_by(notebook)
    wait_for_explorers(page, count)

    for i, explorer in enumerate(page.locator(".mvn-explorer").all()):
        explorer.scroll_into_view_if_needed()
        python_agrees(page, explorer, f"explorer {i} once run")
        for header in explorer.locator(".jupyter-widget-Collapse-header").all():
            header.click()  # folded settings too
        specs = {spec.name: spec for spec in explorer_class(explorer).specs}
        controls = explorer.locator(".mvn-control")
        for j in range(controls.count()):
            control = controls.nth(j)
            name = next(c for c in control.get_attribute("class").split() if c.startswith("mvn-control-"))
            spec = specs[name.removeprefix("mvn-control-")]
            if spec.choices:  # a choice: Space on an option not chosen presses it
                buttons = control.locator("button")
                index = next(k for k in range(buttons.count())
                             if "mod-active" not in (buttons.nth(k).get_attribute("class") or ""))
                buttons.nth(index).scroll_into_view_if_needed()
                buttons.nth(index).focus()
                page.keyboard.press("Space")
                page.wait_for_function(OPTION_ACTIVE, arg=[control.element_handle(), index], timeout=15_000)
                continue
            handle = control.locator(".noUi-handle")
            handle.scroll_into_view_if_needed()
            before = value_of(control)
            key = "ArrowLeft" if float(before) + spec.step > spec.max else "ArrowRight"
            handle.focus()
            page.keyboard.press(key)
            wait_for_value_change(page, control, before, f"explorer {i}, {spec.name}, {key}")
            kept = page.evaluate(FOCUSED_HANDLE, handle.element_handle())
            assert kept, f"{spec.name}: {key} moved the focus"
        python_agrees(page, explorer, f"explorer {i} after the arrow keys")

        # The mouse: a click near the right end of the first slider's track.
        first = explorer.locator(".mvn-control:not(.mvn-choice)").first
        before = value_of(first)
        box = first.locator(".noUi-target").bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.9, box["y"] + box["height"] / 2)
        wait_for_value_change(page, first, before, f"explorer {i}, a click on the first slider")
        python_agrees(page, explorer, f"explorer {i} after a click")

        # Typing a value in the first slider's readout: the lowest it takes.
        before = value_of(first)
        low = first.locator(".noUi-handle").get_attribute("aria-valuemin")
        first.locator(".widget-readout").click()
        page.keyboard.press("Control+A")
        page.keyboard.type(low)
        page.keyboard.press("Enter")
        wait_for_value_change(page, first, before, f"explorer {i}, typing {low}")
        python_agrees(page, explorer, f"explorer {i} after typing")

    if not count:  # no explorer: the self-check answers the keyboard
        answer_first_question_from_the_keyboard(page)
