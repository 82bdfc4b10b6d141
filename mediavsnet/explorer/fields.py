"""A button's click carries the text fields as the page shows them at that moment.

ipywidgets sends what a learner types in a text box to the kernel in pieces,
and holds back every piece while the kernel has not yet answered the one
before (its front end sends at most one state update per widget at a time).
A button's click is not held back: it is a message of its own. So a name typed
quickly, or pasted, and saved at once, could reach the kernel after the click:
the plan was saved under the first letters of the name, or the name before.
``continuous_update=False`` alone does not close the gap (a second edit in a
busy moment is held back the same way), and the kernel cannot ask the page
what it shows.

So each explorer with text fields holds a ``ClickFields``: an invisible widget
whose few lines of JavaScript (carried in the widget: nothing is fetched) listen,
on the explorer's root and in the capture phase, for a click on one of the given
buttons (by the mouse, or Enter or Space, which a browser turns into a click).
Such a click reaches the root before the button, so the widget first sends the
fields' values as the page holds them, and the button sends its click just
after, on the same connection, in that order. The kernel sets each field to
the value sent (the kernel's copy and the page then agree) before the click's
handler reads it. The same holds in JupyterLab, Notebook 7 and Voilà, which
share ipywidgets' front end. Without a page (driven from Python, in the tests)
nothing is sent, and the kernel's own values are used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import anywidget
import ipywidgets as widgets
import traitlets

FIELDS_JS = """
export default {
  render({ model, el }) {
    let root = null;
    let frame = 0;
    let tries = 0;
    // Capture phase: this runs before the button's own click handler sends the click.
    const before = (event) => {
      const button = event.target instanceof Element && event.target.closest(model.get('buttons'));
      if (!button || !root.contains(button)) return;
      const fields = {};
      for (const [key, selector] of Object.entries(model.get('fields'))) {
        const box = root.querySelector(selector);
        const input = box && (box.matches('input, textarea') ? box : box.querySelector('input, textarea'));
        if (!input) continue;
        fields[key] = input.type === 'checkbox' ? input.checked : input.value;
      }
      model.send({ fields });
    };
    const attach = () => {
      root = el.closest(model.get('root'));
      if (!root) {  // not in the page yet: look again at the next frame (for up to a minute)
        if (tries++ < 3600) frame = requestAnimationFrame(attach);
        return;
      }
      root.addEventListener('click', before, true);
      el.dataset.sending = 'true';
    };
    attach();
    return () => {
      cancelAnimationFrame(frame);
      if (root) root.removeEventListener('click', before, true);
    };
  },
};
"""


class ClickFields(anywidget.AnyWidget):
    """Before a click on ``buttons`` inside the closest ``root``, sends the value of each field
    (a CSS selector of the widget that holds the input) as the page shows it."""

    _esm = FIELDS_JS
    root = traitlets.Unicode(".mvn-explorer").tag(sync=True)
    buttons = traitlets.Unicode("button").tag(sync=True)
    fields = traitlets.Dict().tag(sync=True)


def send_fields_with_clicks(container: widgets.Box, buttons: str, fields: Mapping[str, widgets.ValueWidget],
                            root: str = ".mvn-explorer") -> ClickFields:
    """Make every click on ``buttons`` (a CSS selector) inside ``container`` set ``fields`` first.

    ``fields`` maps a name to its widget; each widget gets the CSS class
    ``mvn-field-<name>`` by which the page finds it. A value sent by the page
    is set on its widget before the click's handler runs.
    """
    for key, widget in fields.items():
        widget.add_class(f"mvn-field-{key}")
    sender = ClickFields(root=root, buttons=buttons, fields={key: f".mvn-field-{key}" for key in fields},
                         layout=widgets.Layout(display="none"))
    sender.add_class("mvn-click-fields")
    sender.on_msg(_setter(fields))
    container.children = (*container.children, sender)
    return sender


def _setter(fields: Mapping[str, widgets.ValueWidget]) -> Callable[[object, object, object], None]:
    def received(_widget: object, content: object, _buffers: object) -> None:
        sent = content.get("fields") if isinstance(content, dict) else None
        if not isinstance(sent, dict):
            return
        for key, value in sent.items():
            widget = fields.get(key)
            if widget is not None and isinstance(value, type(widget.value)):
                widget.value = value

    return received
