"""Every notebook in JupyterLab, in headless Chromium: runs clean, renders, passes axe-core (no serious
accessibility fault of the course's own: tests/browser/accessibility.py), and responds to the keyboard.

Notebooks are found by glob at collection time, so a new lesson is tested as
soon as it exists. Screenshots of every explorer land in
tests/browser/artifacts/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from accessibility import assert_accessible
from labdriver import (
    CLIPPED_WORDS,
    OPTION_ACTIVE,
    PLOT_DIGEST,
    ROOT,
    error_outputs,
    explorers_built_by,
    find_chromium,
    missing_browser_action,
    open_every_fold,
    press_reset,
    wait_for_explorers,
)

from mediavsnet.lessons import EXPLORERS

#: A choice's option is pressed: asked of the control, whose buttons a widget update may rebuild.

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
ARTIFACTS = Path(__file__).parent / "artifacts"


NOTEBOOKS_WITH_EXPLORERS = [p for p in NOTEBOOKS if explorers_built_by(p)]


def explorer_class(explorer):
    """The Python class behind an explorer on the page, from its ``mvn-explorer-<name>`` class."""
    classes = explorer.get_attribute("class").split()
    names = [c.removeprefix("mvn-explorer-") for c in classes if c.startswith("mvn-explorer-")]
    assert len(names) == 1, classes
    return EXPLORERS[names[0]]


def type_value(page, explorer, name: str, value: float) -> None:
    """Type a value into a slider's readout, as a learner can, and wait for the plot or summary."""
    before = snapshot(explorer)
    readout = explorer.locator(f".mvn-control-{name} .widget-readout")
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(str(value))
    page.keyboard.press("Enter")
    wait_for_change(page, explorer, before, "plot or summary", f"typing {value} for {name}")


def snapshot(explorer) -> list[str]:
    """What the learner sees change: the plotted data and the summary sentence."""
    return [explorer.evaluate(PLOT_DIGEST), explorer.locator(".mvn-summary").inner_text()]


CHANGED = {
    "plot": f"([root, before]) => ({PLOT_DIGEST})(root) !== before[0]",
    "summary": "([root, before]) => root.querySelector('.mvn-summary').innerText !== before[1]",
}
CHANGED["plot or summary"] = f"([root, before]) => ({CHANGED['plot']})([root, before])" + (
    f" || ({CHANGED['summary']})([root, before])"
)


def wait_for_change(page, explorer, before: list[str], what: str, why: str) -> None:
    """Wait (up to 15 s) until ``what`` differs from the snapshot taken before ``why`` happened."""
    try:
        page.wait_for_function(CHANGED[what], arg=[explorer.element_handle(), before], timeout=15_000)
    except Exception:  # noqa: BLE001 - Playwright's timeout says nothing about which control
        raise AssertionError(f"{why}: the {what} did not change within 15 s") from None


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
def test_notebook_runs_renders_and_responds(lessons, notebook):
    page = lessons.open(notebook)
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

    assert explorers.count() == explorers_built_by(notebook), "an explorer the notebook builds did not render"
    if explorers.count():
        wait_for_explorers(page, explorers.count())
    assert_accessible(page, "lab", notebook.name)
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

        handle = explorer.locator(".mvn-control .noUi-handle").first  # the first slider
        handle.focus()
        page.keyboard.press("ArrowRight")
        before = [before_plot, before_summary]
        wait_for_change(page, explorer, before, "plot", "ArrowRight on the first slider")
        wait_for_change(page, explorer, before, "summary", "ArrowRight on the first slider")
        assert explorer.locator(".mvn-error").inner_text().strip() == ""
        explorer.screenshot(path=str(ARTIFACTS / f"{notebook.stem}-explorer-{i}.png"))
    page.screenshot(path=str(ARTIFACTS / f"{notebook.stem}-page.png"))


@pytest.mark.browser
@pytest.mark.parametrize("notebook", NOTEBOOKS_WITH_EXPLORERS, ids=[p.name for p in NOTEBOOKS_WITH_EXPLORERS])
def test_every_control_of_every_explorer_works_in_the_browser(lessons, notebook):
    """Each slider, folded ones included, moved with the keyboard, and each preset, change what is shown;
    a screen reader names each slider moved and says its value as its readout shows it."""
    page = lessons.open(notebook)
    explorers = page.locator(".mvn-explorer")
    for i in range(explorers.count()):
        explorer = explorers.nth(i)
        explorer.scroll_into_view_if_needed()
        explorer.locator(".js-plotly-plot").wait_for(state="visible", timeout=30_000)
        press_reset(page, explorer)  # as a fresh run leaves it, whatever an earlier test moved
        open_every_fold(explorer)
        assert explorer.evaluate(CLIPPED_WORDS) == [], "words cut short in the explorer's controls"
        for name, value in explorer_class(explorer).lively.items():
            choice = explorer.locator(f".mvn-control-{name}")
            if "mvn-choice" in choice.get_attribute("class").split():  # a choice: press its option
                before = snapshot(explorer)
                choice.locator("button").nth(int(value)).focus()
                page.keyboard.press("Space")
                wait_for_change(page, explorer, before, "plot or summary", f"option {value} of {name}")
            else:
                type_value(page, explorer, name, value)
        controls = explorer.locator(".mvn-control")
        for j in range(controls.count()):
            control = controls.nth(j)
            control.scroll_into_view_if_needed()
            assert control.is_visible(), f"control {j} is hidden after opening every folded section"
            label = control.inner_text().split("\n")[0]
            before = snapshot(explorer)
            if "mvn-choice" in control.get_attribute("class").split():
                # A choice: Tab to an option that is not chosen and press Space.
                option = control.locator("button:not(.mod-active)").first
                key, target = "Space", option
            else:
                handle = control.locator(".noUi-handle")
                at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
                key, target = ("ArrowLeft" if at_max else "ArrowRight"), handle
            target.focus()
            page.keyboard.press(key)
            wait_for_change(page, explorer, before, "plot or summary", f"{key} on {label!r}")
            assert explorer.locator(".mvn-error").inner_text().strip() == "", f"control {j}"
            if key != "Space":  # what a screen reader says: the slider's label, then its readout
                readout = control.locator(".widget-readout").inner_text().strip()
                spoken = handle.get_attribute("aria-label"), handle.get_attribute("aria-valuetext")
                assert spoken == (label, readout), f"a screen reader says {spoken}: {label!r} {readout} shown"
            lively = explorer_class(explorer).lively
            name = next((c.removeprefix("mvn-control-") for c in control.get_attribute("class").split()
                         if c.startswith("mvn-control-")), "")
            if "mvn-choice" in control.get_attribute("class").split() and name in lively:
                # back to the lively option, so the controls after it still act (as in Python)
                control.locator("button").nth(int(lively[name])).focus()
                page.keyboard.press("Space")
                page.wait_for_function(OPTION_ACTIVE, arg=[control.element_handle(), int(lively[name])],
                                       timeout=15_000)

        picker = explorer.locator("select")
        options = picker.locator("option").all_inner_texts() if picker.count() else []
        for option in [o for o in options if o.strip()]:
            before = snapshot(explorer)
            picker.select_option(label=option)
            wait_for_change(page, explorer, before, "plot or summary", f"preset {option!r}")
            assert explorer.locator(".mvn-error").inner_text().strip() == "", option
