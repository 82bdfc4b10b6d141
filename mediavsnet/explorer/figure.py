"""Keep a FigureWidget's stored state equal to what its views show, so a new view draws it right.

plotly's ``FigureWidget`` sends every change to the browser as a one-off
message (restyle, relayout, update), which the views on the page apply. What a
*new* view draws first (a reloaded page, a second tab, a reconnect that
re-renders, Voilà) is the widget's stored state, the traitlets
``_widget_data`` and ``_widget_layout``, and plotly refreshes those only when
the figure itself is displayed. An explorer displays its container, never the
figure alone, so without help a new view draws the empty figure that
``build_figure`` made, and later messages fill in only what they change (the
y values arrive, the x values never do).

``keep_views_current(fig)`` watches the messages the figure sends and, after
each one, copies into the stored state the parts it touched (the top-level
trace and layout properties it names) from the figure's own Python state,
which plotly has already updated by then. The copy is made in place, which
traitlets does not see, so it sends nothing more to the browser (the views
already got the message): in-place updates inside ``batch_update`` stay as they
were, and the cost is a copy of what changed.

This relies on two attributes that plotly's own ``FigureWidget`` code reads and
writes (``_widget_data``/``_widget_layout``, ``_data``/``_layout``) and on its
message traitlets (``_py2js_*``); the browser tests in
``tests/browser/test_reload.py`` fail if a plotly release changes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from copy import deepcopy
from typing import Any

import plotly.graph_objects as go

#: The messages a FigureWidget sends to its views, by what they say changed.
TRACE_AND_LAYOUT = {"_py2js_restyle", "_py2js_relayout", "_py2js_update"}
#: Messages that add, remove, reorder or animate traces: the whole state is copied.
WHOLE = {"_py2js_addTraces", "_py2js_deleteTraces", "_py2js_moveTraces", "_py2js_animate"}
#: Properties plotly removes because a view computes them: copied back from the figure.
REMOVALS = {"_py2js_removeTraceProps", "_py2js_removeLayoutProps"}
MESSAGES = sorted(TRACE_AND_LAYOUT | WHOLE | REMOVALS)

_KEY = re.compile(r"[.\[]")
_MARK = "_mvn_views_current"


def keep_views_current(fig: go.FigureWidget) -> go.FigureWidget:
    """Make every later change to ``fig`` also land in its stored state; return ``fig``.

    Copies the whole figure into the stored state once (to catch changes made
    before this call), then only what each message touches. Calling it twice
    is harmless.
    """
    if getattr(fig, _MARK, False):
        return fig
    # A view reports back the values it computed (its "defaults"), and plotly then drops
    # from the figure every value of its own that a view reported, and tells every view
    # to drop it too. A line's weeks 1, 2, 3... reported back that way are dropped, and
    # the views draw the line at 0, 1, 2... instead: a week early (lesson 07's plans).
    # The course's figures say exactly what they draw, so nothing of theirs is dropped.
    fig._remove_overlapping_props = _drop_nothing
    copy_everything(fig)
    fig.observe(lambda change: _on_message(fig, change["name"], change["new"]), names=MESSAGES)
    setattr(fig, _MARK, True)
    return fig


def _drop_nothing(input_data: Any, delta_data: Any, prop_path: tuple = ()) -> list:
    """In place of plotly's ``_remove_overlapping_props``: keep every value the figure was given."""
    return []


def stored_state_is_current(fig: go.FigureWidget) -> bool:
    """Whether a new view of ``fig`` would draw what the figure holds (for tests)."""
    return _plain(fig._widget_data) == _plain(fig._data) and _plain(fig._widget_layout) == _plain(
        fig._layout
    )


def copy_everything(fig: go.FigureWidget) -> None:
    """Copy every trace and the whole layout into the stored state, in place."""
    fig._widget_data[:] = deepcopy(fig._data)
    stored = fig._widget_layout
    stored.clear()
    stored.update(deepcopy(fig._layout))


def _on_message(fig: go.FigureWidget, name: str, message: dict[str, Any] | None) -> None:
    if message is None:  # plotly resets each message to None right after sending it
        return
    if name in WHOLE or len(fig._widget_data) != len(fig._data):
        copy_everything(fig)
    elif name == "_py2js_restyle":
        _copy_traces(fig, message["restyle_data"], message["restyle_traces"])
    elif name == "_py2js_relayout":
        _copy_layout(fig, message["relayout_data"])
    elif name == "_py2js_update":
        _copy_traces(fig, message["style_data"] or {}, message["style_traces"])
        _copy_layout(fig, message["layout_data"] or {})
    # No removal (_py2js_removeTraceProps, _py2js_removeLayoutProps) is ever sent: see
    # _drop_nothing. Were one sent, the stored state would keep the value, as drawn before.


def _copy_traces(fig: go.FigureWidget, keys: Iterable[str], traces: Any) -> None:
    tops = {_top(key) for key in keys}
    stored = fig._widget_data
    for index in fig._normalize_trace_indexes(traces):
        _copy_keys(fig._data[index], stored[index], tops)


def _copy_layout(fig: go.FigureWidget, keys: Iterable[Any]) -> None:
    _copy_keys(fig._layout, fig._widget_layout, {_top(str(key)) for key in keys})


def _copy_keys(source: dict[str, Any], target: dict[str, Any], keys: set[str]) -> None:
    for key in keys:
        if key in source:
            target[key] = deepcopy(source[key])
        else:
            target.pop(key, None)


def _top(key: str) -> str:
    """The top-level property a plotly key path names: 'xaxis.range[1]' -> 'xaxis'."""
    return _KEY.split(key, maxsplit=1)[0]


def _plain(value: Any) -> Any:
    """Arrays as lists, recursively, so that two states compare with == (a NaN, a gap in a line, as None)."""
    if hasattr(value, "tolist"):
        return _plain(value.tolist())
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
