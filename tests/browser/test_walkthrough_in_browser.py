"""Each lesson's walkthrough replayed in JupyterLab: Reset pressed from the keyboard, values typed.

The same steps as tests/test_walkthrough.py, in one browser session on a running
notebook, as a learner follows the bullets and then the exercises.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from labdriver import OPTION_ACTIVE, open_notebook, run_all

from mediavsnet import specs
from mediavsnet.explorers import EXPLORERS

WALKTHROUGHS = sorted((Path(__file__).parents[1] / "walkthroughs").glob("*.json"))

# The readout, not the handle's aria-valuenow: ipywidgets' slider rounds that to one decimal
# (0.16 is announced as 0.2), while the readout shows the value as the learner reads it.
VALUE_IS = """([readout, value]) =>
  Math.abs(parseFloat(readout.innerText.replace(/,/g, '').replace(/\u2212/g, '-')) - value) < 1e-9"""
#: A choice's option is pressed: asked of the control, whose buttons a widget update may rebuild.
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
    wait_for_value(page, explorer, name, value, f"typing {value}")


def press_reset(page, explorer, cls) -> None:
    """Tab to the Reset button and press Enter; wait until every slider is at its default."""
    button = explorer.locator(".mvn-reset")
    button.focus()
    page.keyboard.press("Enter")
    for spec in cls.specs:
        default = specs.defaults([spec])[spec.name]
        if spec.choices:
            control = explorer.locator(f".mvn-control-{spec.name}")
            page.wait_for_function(OPTION_ACTIVE, arg=[control.element_handle(), int(default)],
                                   timeout=15_000)
        else:
            wait_for_value(page, explorer, spec.name, default, "Reset to defaults")


def wait_for_value(page, explorer, name: str, value: float, why: str) -> None:
    readout = explorer.locator(f".mvn-control-{name} .widget-readout")
    try:
        page.wait_for_function(VALUE_IS, arg=[readout.element_handle(), value], timeout=15_000)
    except Exception:  # noqa: BLE001 - say which control and what it shows
        shown = readout.inner_text()
        raise AssertionError(f"after {why}, {name} shows {shown}, not {value}") from None


@pytest.mark.browser
@pytest.mark.parametrize("path", WALKTHROUGHS, ids=[p.stem for p in WALKTHROUGHS])
def test_following_the_lesson_in_the_browser_gives_the_stated_numbers(page, lab, path):
    walkthrough = json.loads(path.read_text(encoding="utf-8"))
    lab.start_afresh(f"notebooks/{walkthrough['notebook']}")
    open_notebook(page, lab, f"notebooks/{walkthrough['notebook']}")
    run_all(page)
    explorer = page.locator(".mvn-explorer").first
    explorer.locator(".js-plotly-plot").wait_for(state="visible", timeout=30_000)
    name = next(c for c in explorer.get_attribute("class").split() if c.startswith("mvn-explorer-"))
    cls = EXPLORERS[name.removeprefix("mvn-explorer-")]
    for header in explorer.locator(".jupyter-widget-Collapse-header").all():
        header.click()  # open "More settings", as the bullets ask
    for control, value in cls.lively.items():  # wherever the learner left it before the first bullet
        set_value(page, explorer, control, value)

    for step in walkthrough["steps"]:
        if step["reset"]:
            press_reset(page, explorer, cls)
        for control, value in step["moves"]:
            set_value(page, explorer, control, value)
        try:
            page.wait_for_function(SAYS_ALL, arg=[explorer.element_handle(), step["expect"]], timeout=15_000)
        except Exception:  # noqa: BLE001 - say what the learner saw instead
            shown = explorer.locator(".mvn-summary").inner_text()
            raise AssertionError(f"{step['where']}: expected {step['expect']} in\n{shown}") from None
        assert explorer.locator(".mvn-error").inner_text().strip() == "", step["where"]
