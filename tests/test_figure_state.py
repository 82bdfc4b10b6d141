"""A FigureWidget's stored state (what a new view draws first) follows every change, and costs nothing extra.

A reloaded page, a second tab or Voilà draws an explorer's figure from the
widget's stored state. ``keep_views_current`` keeps it equal to the figure;
these tests check that for every explorer after every kind of move, for the
changes plotly can make to a figure, and that no message is added on the way
to the browser (the views already get each change as a message).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from mediavsnet.core import specs
from mediavsnet.explorer.figure import keep_views_current, stored_state_is_current
from mediavsnet.lessons import EXPLORERS

CLASSES = list(EXPLORERS.values())
IDS = list(EXPLORERS)


def one_step(spec: specs.ParamSpec, value: float) -> float:
    other = value + spec.step if value + spec.step <= spec.max else value - spec.step
    return int(other) if spec.integer else round(other, 10)


def what_a_new_view_gets(fig: go.FigureWidget) -> dict:
    """The stored state as the kernel sends it to a view that asks for it."""
    return fig.get_state(["_widget_data", "_widget_layout"])


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_a_new_view_gets_the_figure_as_built(cls):
    explorer = cls()
    assert stored_state_is_current(explorer.fig)
    stored = explorer.fig._widget_data
    assert all(len(trace.get("x", [])) > 0 for trace in stored), "a trace would be drawn without points"


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_every_move_of_every_control_reaches_the_stored_state(cls):
    defaults = specs.defaults(cls.specs)
    for start in (defaults, specs.heaviest(cls.specs), {**defaults, **cls.lively}):
        explorer = cls(**start)
        for spec in cls.specs:
            explorer.set(**{spec.name: one_step(spec, start[spec.name])})
            assert explorer.error == ""
            assert stored_state_is_current(explorer.fig), f"{cls.name}: after moving {spec.name} from {start}"


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_every_preset_reaches_the_stored_state(cls):
    explorer = cls()
    for preset in explorer.presets:
        explorer.apply_preset(preset["name"])
        assert stored_state_is_current(explorer.fig), preset["name"]


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_the_state_a_new_view_gets_holds_the_current_points_and_axes(cls):
    explorer = cls()
    spec = cls.specs[0]
    explorer.set(**{spec.name: one_step(spec, specs.defaults(cls.specs)[spec.name])})
    state = what_a_new_view_gets(explorer.fig)
    for trace, sent in zip(explorer.fig.data, state["_widget_data"], strict=True):
        for axis in ("x", "y"):
            if getattr(trace, axis) is not None:
                got = np.asarray(_values(sent[axis]), dtype=float)
                np.testing.assert_allclose(got, np.asarray(getattr(trace, axis), dtype=float))
    axes = [name for name in explorer.fig.layout if name.startswith(("xaxis", "yaxis"))]
    assert axes
    for name in axes:
        if explorer.fig.layout[name].range is not None:
            assert list(state["_widget_layout"][name]["range"]) == list(explorer.fig.layout[name].range), name


def _values(sent) -> list:
    """An array as the widget serialiser sends it: a list, or a buffer with its dtype and shape."""
    if isinstance(sent, dict):
        return np.frombuffer(sent["buffer"], dtype=sent["dtype"]).reshape(sent["shape"]).tolist()
    return list(sent)


def test_every_kind_of_figure_change_reaches_the_stored_state():
    fig = keep_views_current(go.FigureWidget(data=[go.Scatter(x=[1, 2], y=[3, 4])]))
    fig.data[0].y = [5, 6]  # a restyle, outside a batch
    assert stored_state_is_current(fig)
    fig.layout.xaxis.range = [0, 3]  # a relayout
    assert stored_state_is_current(fig)
    with fig.batch_update():  # one update for both
        fig.data[0].x = [7, 8, 9]
        fig.data[0].y = [1, 1, 1]
        fig.data[0].line.color = "red"
        fig.layout.yaxis.title.text = "People"
    assert stored_state_is_current(fig)
    fig.add_scatter(x=[1], y=[2])  # traces added, moved, deleted
    assert stored_state_is_current(fig)
    fig.data = [fig.data[1], fig.data[0]]
    assert stored_state_is_current(fig)
    fig.data = [fig.data[0]]
    assert stored_state_is_current(fig)
    fig.layout.xaxis.range = None  # a property removed
    assert stored_state_is_current(fig)
    fig.plotly_relayout({"xaxis.range": [2, 4]}, source_view_id="a-view")  # a zoom in a browser
    assert stored_state_is_current(fig)


def test_changes_made_before_it_is_called_are_caught_and_a_second_call_is_harmless():
    fig = go.FigureWidget()
    fig.add_scatter(x=[1, 2], y=[3, 4])  # before: the stored state misses it
    assert not stored_state_is_current(fig)
    keep_views_current(fig)
    keep_views_current(fig)
    assert stored_state_is_current(fig)
    fig.data[0].y = [0, 0]
    assert stored_state_is_current(fig)


def test_without_it_the_stored_state_lags_behind():
    """The reason it exists: plotly's FigureWidget alone does not refresh what a new view draws."""
    fig = go.FigureWidget(data=[go.Scatter(x=[1, 2], y=[3, 4])])
    fig.data[0].y = [5, 6]
    assert not stored_state_is_current(fig)


def test_it_sends_no_message_of_its_own(monkeypatch):
    """The views already get each change: keeping the stored state adds nothing to the wire."""

    def sent_by(fig: go.FigureWidget) -> list[str]:
        names: list[str] = []
        def send_state(key=None):
            names.extend([key] if isinstance(key, str) else key or ["*"])

        monkeypatch.setattr(fig, "send_state", send_state)
        with fig.batch_update():
            fig.data[0].x = [7, 8, 9]
            fig.data[0].y = [1, 1, 1]
            fig.layout.xaxis.range = [0, 10]
        return names

    plain = go.FigureWidget(data=[go.Scatter(x=[1, 2], y=[3, 4])])
    kept = keep_views_current(go.FigureWidget(data=[go.Scatter(x=[1, 2], y=[3, 4])]))
    assert sent_by(kept) == sent_by(plain)
    assert "_widget_data" not in sent_by(kept)


def test_values_a_view_reports_as_its_own_defaults_stay_in_the_stored_state():
    """A view reports the defaults it computed; plotly then drops every equal value from the figure.

    This happens in every browser: the weeks 1 to 104 of a line, once reported back,
    leave the trace's own properties. A new view must still get them, or it draws
    the line from week 0.
    """
    fig = keep_views_current(go.FigureWidget(data=[go.Scatter(x=[1, 2, 3], y=[3, 4, 5])]))
    uid = fig.data[0].uid
    fig._js2py_traceDeltas = {"trace_deltas": [{"uid": uid, "x": [1, 2, 3], "type": "scatter"}],
                              "trace_edit_id": fig._last_trace_edit_id}
    assert list(fig._widget_data[0]["x"]) == [1, 2, 3]
    assert stored_state_is_current(fig)
    fig.data[0].y = [0, 0, 0]  # a later update of the same trace keeps the x values too
    assert list(fig._widget_data[0]["x"]) == [1, 2, 3]
    assert stored_state_is_current(fig)


def test_a_view_reporting_its_defaults_never_makes_the_figure_drop_its_own_values():
    """plotly would drop the weeks 1, 2, 3... a view reports back, and the views would draw from week 0."""
    fig = keep_views_current(go.FigureWidget(data=[go.Scatter(x=[1, 2, 3], y=[3, 4, 5])]))
    removals = []
    fig.observe(lambda change: removals.append(change["new"]), names="_py2js_removeTraceProps")
    fig._js2py_traceDeltas = {"trace_deltas": [{"uid": fig.data[0].uid, "x": [1, 2, 3], "type": "scatter"}],
                              "trace_edit_id": fig._last_trace_edit_id}
    assert list(fig.data[0].x) == [1, 2, 3]
    assert not [r for r in removals if r], "the views were told to drop values the figure holds"
    assert stored_state_is_current(fig)


def test_a_property_cleared_after_the_figure_is_shown_is_cleared_for_a_new_view_too():
    """A trace's name or an axis unset in Python must not come back on a reload."""
    fig = keep_views_current(go.FigureWidget(data=[go.Scatter(x=[1, 2], y=[3, 4], name="reach")],
                                             layout={"xaxis": {"range": [0, 1]}}))
    fig.data[0].name = None
    fig.layout.xaxis = None
    assert "name" not in fig._data[0] and "xaxis" not in fig._layout
    assert stored_state_is_current(fig)


def test_the_check_itself_sees_a_stale_stored_state():
    """Without keep_views_current, plotly 7 leaves the stored state behind an update: the
    check the tests above rely on must say so, or they would pass whatever happened."""
    fig = go.FigureWidget(data=[go.Scatter(x=[1.0, 2.0], y=[3.0, 4.0])])
    fig.data[0].y = np.array([3.0, 5.0])
    assert not stored_state_is_current(fig)
    kept = keep_views_current(go.FigureWidget(data=[go.Scatter(x=[1.0, 2.0], y=[3.0, 4.0])]))
    kept.data[0].y = np.array([3.0, 5.0])
    assert stored_state_is_current(kept)
    kept._widget_data[0]["y"] = np.array([3.0, 6.0])  # arrays on both sides, one stale
    assert not stored_state_is_current(kept)
