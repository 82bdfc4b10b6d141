"""Every explorer carries the keyboard guard: arrow keys move its sliders in Notebook 7, and a screen
reader hears each slider's name and value.

The guard's behaviour in a browser is tested in tests/browser/test_notebook7.py
and, for what a screen reader says, tests/browser/test_notebooks_in_browser.py;
here, that every explorer has one, invisible, aimed at its own root, and that
its script marks focusable controls with the attribute Lumino reads.
"""

from __future__ import annotations

import pytest

from mediavsnet.explorer.keyboard import GUARD_JS, KeyboardGuard
from mediavsnet.lessons import EXPLORERS


@pytest.mark.parametrize("cls", list(EXPLORERS.values()), ids=list(EXPLORERS))
def test_every_explorer_has_one_invisible_guard_on_its_own_root(cls):
    explorer = cls()
    guards = [w for w in explorer.widget.children if isinstance(w, KeyboardGuard)]
    assert len(guards) == 1
    (guard,) = guards
    assert guard.layout.display == "none"
    assert "mvn-explorer" in explorer.widget._dom_classes and guard.root == ".mvn-explorer"


def test_the_guard_marks_slider_handles_and_form_controls_for_lumino():
    assert "data-lm-suppress-shortcuts" in GUARD_JS
    for focusable in (".noUi-handle", "input", "select"):
        assert focusable in GUARD_JS
    assert "focusin" in GUARD_JS  # as a control gets the focus: controls drawn later are covered too


def test_the_guard_names_each_slider_and_says_its_value_as_the_readout_shows_it():
    """Checked in a browser for every slider of every lesson (tests/browser/test_notebooks_in_browser.py)."""
    for attribute, source in (("aria-label", ".widget-label"), ("aria-valuetext", ".widget-readout")):
        assert attribute in GUARD_JS and source in GUARD_JS
    for event in ("keyup", "pointerup"):  # noUiSlider writes the raw value back at every move
        assert f"addEventListener('{event}', describe)" in GUARD_JS
        assert f"removeEventListener('{event}', describe)" in GUARD_JS
