"""Arrow keys move an explorer's sliders in Notebook 7 too, not the notebook's cell selection.

JupyterLab and Notebook 7 share the notebook's keyboard shortcuts, among them
the arrow keys in command mode (ArrowRight: go to the next heading; ArrowDown:
the next cell), which apply to whatever element has the focus, a slider's
handle included. JupyterLab lets the focused element see a key first, and a
slider that uses the key stops it there. Notebook 7 (7.x, up to at least 7.6)
gives every key to its shortcuts first, so an arrow key on a slider moves the
focus to another cell and the slider never moves.

Lumino, the toolkit both are built on, skips its shortcuts for a key pressed
on an element that carries the ``data-lm-suppress-shortcuts`` attribute.
ipywidgets cannot set an attribute from Python, so each explorer holds a
``KeyboardGuard``: an invisible widget whose few lines of JavaScript (carried
in the widget itself: nothing is fetched) put that attribute on a control of
its explorer as the control gets the focus, which is always before a key
reaches it; so controls drawn later (folded settings, a view redrawn after a
reload) are covered, and nothing runs when the plot redraws. Typing in a
readout is unchanged, and so is every key outside the explorer.

The same few lines tell a screen reader what each slider is. ipywidgets leaves
a slider's handle (the element that has the focus) without a name, so a
learner who cannot see the page hears "slider, 5" and not what it sets; and
noUiSlider, under it, gives the handle the raw value as its spoken text
("44.99999999999999" where the readout shows 45). So as a handle gets the
focus, and after each key or pointer that moves it, the guard names it after
its label and gives it the readout's text as its value.
"""

from __future__ import annotations

import anywidget
import ipywidgets as widgets
import traitlets

GUARD_JS = """
const HANDLE = '.noUi-handle';
const FOCUSABLE = `${HANDLE}, input, select, textarea, button, [tabindex]`;

export default {
  render({ model, el }) {
    let root = null;
    let frame = 0;
    let tries = 0;
    // A key goes to the element that has the focus: mark it as it gets the focus
    // (from Tab, a click or a script), before any key can reach the shortcuts.
    const mark = (event) => {
      const target = event.target;
      if (target instanceof Element && target.matches(FOCUSABLE)) {
        target.setAttribute('data-lm-suppress-shortcuts', 'true');
      }
      describe(event);
    };
    // What a screen reader says for a slider: its label as its name, its readout as its value.
    const describe = (event) => {
      const control = event.target instanceof Element && event.target.closest('.widget-slider');
      const handle = control && control.querySelector(HANDLE);
      if (!handle) return;
      const label = control.querySelector('.widget-label');
      const readout = control.querySelector('.widget-readout');
      if (label && label.textContent.trim()) handle.setAttribute('aria-label', label.textContent.trim());
      if (readout && readout.textContent.trim()) {
        handle.setAttribute('aria-valuetext', readout.textContent.trim());
      }
    };
    const attach = () => {
      root = el.closest(model.get('root'));
      if (!root) {  // not in the page yet: look again at the next frame (for up to a minute)
        if (tries++ < 3600) frame = requestAnimationFrame(attach);
        return;
      }
      root.addEventListener('focusin', mark);
      root.addEventListener('keyup', describe);
      root.addEventListener('pointerup', describe);
      root.querySelectorAll('.widget-slider').forEach((control) => describe({ target: control }));
      el.dataset.guarding = 'true';
    };
    attach();
    return () => {
      cancelAnimationFrame(frame);
      if (root) {
        root.removeEventListener('focusin', mark);
        root.removeEventListener('keyup', describe);
        root.removeEventListener('pointerup', describe);
      }
    };
  },
};
"""


class KeyboardGuard(anywidget.AnyWidget):
    """Marks the focusable controls inside the closest ``root`` element so that their keys stay theirs,
    and names each slider's handle, with its value as the readout shows it, for screen readers."""

    _esm = GUARD_JS
    root = traitlets.Unicode(".mvn-explorer").tag(sync=True)


def guard_keys(container: widgets.Box, root: str = ".mvn-explorer") -> widgets.Box:
    """Add an invisible ``KeyboardGuard`` to ``container`` (whose element matches ``root``)."""
    guard = KeyboardGuard(root=root, layout=widgets.Layout(display="none"))
    guard.add_class("mvn-keyboard-guard")
    container.children = (*container.children, guard)
    return container
