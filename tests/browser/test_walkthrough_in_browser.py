"""Each lesson's walkthrough replayed in JupyterLab: Reset pressed from the keyboard, values typed.

The same steps as tests/test_walkthrough.py, in one browser session on a running
notebook, as a learner follows the bullets and then the exercises.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from labdriver import (
    OPTION_ACTIVE,
    ROOT,
    explorer_class,
    open_every_fold,
    press_reset,
    wait_for_readout,
)

WALKTHROUGHS = sorted((Path(__file__).parents[1] / "walkthroughs").glob("*.json"))
SAYS_ALL = """([root, expected]) => {
  const text = root.querySelector('.mvn-summary').innerText;
  return expected.every(e => text.includes(e));
}"""


def set_value(page, explorer, name: str, value: float) -> None:
    """Type a value into a slider's readout (or press a choice's button), as a learner can,
    and wait until the control holds it."""
    control = explorer.locator(f".mvn-control-{name}")
    if "mvn-choice" in control.get_attribute("class").split():
        option = control.locator("button").nth(int(value))
        option.focus()
        page.keyboard.press("Space")
        page.wait_for_function(OPTION_ACTIVE, arg=[control.element_handle(), int(value)], timeout=15_000)
        return
    readout = explorer.locator(f".mvn-control-{name} .widget-readout")
    readout.scroll_into_view_if_needed()
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(str(value))
    page.keyboard.press("Enter")
    wait_for_readout(page, explorer, name, value, f"typing {value}")


@pytest.mark.browser
@pytest.mark.parametrize("path", WALKTHROUGHS, ids=[p.stem for p in WALKTHROUGHS])
def test_following_the_lesson_in_the_browser_gives_the_stated_numbers(lessons, path):
    walkthrough = json.loads(path.read_text(encoding="utf-8"))
    assert path.stem == Path(walkthrough["notebook"]).stem, "a walkthrough is named after its notebook"
    page = lessons.open(ROOT / "notebooks" / walkthrough["notebook"])
    explorer = page.locator(".mvn-explorer").first
    explorer.locator(".js-plotly-plot").wait_for(state="visible", timeout=30_000)
    cls = explorer_class(explorer)
    press_reset(page, explorer)  # as a fresh run leaves it, whatever an earlier test moved
    open_every_fold(explorer)  # open "More settings", as the bullets ask
    for control, value in cls.lively.items():  # wherever the learner left it before the first bullet
        set_value(page, explorer, control, value)

    for step in walkthrough["steps"]:
        if step["reset"]:
            press_reset(page, explorer)
        for control, value in step["moves"]:
            set_value(page, explorer, control, value)
        try:
            page.wait_for_function(SAYS_ALL, arg=[explorer.element_handle(), step["expect"]], timeout=15_000)
        except Exception:  # noqa: BLE001 - say what the learner saw instead
            shown = explorer.locator(".mvn-summary").inner_text()
            raise AssertionError(f"{step['where']}: expected {step['expect']} in\n{shown}") from None
        assert explorer.locator(".mvn-error").inner_text().strip() == "", step["where"]
