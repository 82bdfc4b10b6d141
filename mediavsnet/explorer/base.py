"""What every explorer shares: controls built from specs, one figure, a summary, an error area.

An explorer is the playable part of a lesson. A learner moves a slider; the
model runs; the figure's traces are updated in place (never rebuilt) and one
sentence under the plot says what it now shows, for screen readers, printouts
and tests. If anything goes wrong, a message appears in the explorer instead
of the silent failure ipywidgets would otherwise give.

Every explorer can be driven without a browser: ``explorer.set(name=value)``
does what moving a slider does; ``explorer.fig.data``, ``explorer.summary``
and ``explorer.error`` say what the learner would see.

Every explorer has a "Reset to defaults" button (``explorer.reset()``), so
lesson text can always start from a known state: a learner who followed the
last bullet does not carry its settings into the next exercise.

What an explorer promises at every setting, not only at the defaults, it
declares, and the edge tests (tests/test_explorer_edges.py) hold it to that
at the minimum and maximum of every control, in pairs and at random:

- ``invariants(result)``: named truths about the world that must hold (a
  week's reach never exceeds the active followers, say);
- ``stated(result)``: every number its lines state, each with the figure's
  point or the model's value it must equal.

The DOM contract the browser tests rely on: the root is a VBox with the CSS
class ``mvn-explorer`` (and ``mvn-explorer-<name>``), sliders carry
``mvn-control`` (and ``mvn-control-<parameter>``; a choice is buttons with
``mvn-choice`` as well), the reset button
``mvn-reset``, the summary ``mvn-summary`` (a paragraph per line) and the
error area ``mvn-error``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import ipywidgets as widgets
import plotly.graph_objects as go

from mediavsnet.core.specs import ParamSpec, defaults
from mediavsnet.core.strings import t
from mediavsnet.explorer.figure import keep_views_current
from mediavsnet.explorer.keyboard import guard_keys


def make_control(spec: ParamSpec, value: float | None = None) -> widgets.Widget:
    """The control a spec calls for: buttons for a choice, a slider for a number."""
    control = make_choice(spec, value) if spec.choices else make_slider(spec, value)
    control.add_class("mvn-control")
    control.add_class(f"mvn-control-{spec.name}")
    return control


def make_choice(spec: ParamSpec, value: float | None = None) -> widgets.Widget:
    """Keyboard-usable buttons, one per option, labelled from the strings table; the value is the index."""
    return widgets.ToggleButtons(
        options=[(spec.choice_label(i), i) for i in range(len(spec.choices))],
        value=int(spec.default if value is None else value),
        description=spec.label,
        tooltips=[spec.help] * len(spec.choices),
        style={"description_width": "17em", "button_width": "auto"},
        layout=widgets.Layout(width="auto"),
    ).add_class("mvn-choice")


def make_slider(spec: ParamSpec, value: float | None = None) -> widgets.Widget:
    """A keyboard-usable slider whose range, step, label and help come from the spec."""
    kind = widgets.IntSlider if spec.integer else widgets.FloatSlider
    options: dict[str, Any] = {} if spec.integer else {"readout_format": _readout_format(spec.step)}
    slider = kind(
        value=spec.default if value is None else value,
        min=spec.min,
        max=spec.max,
        step=spec.step,
        description=slider_label(spec),
        tooltip=spec.help,
        continuous_update=True,
        style={"description_width": "17em"},
        layout=widgets.Layout(width="33em"),
        **options,
    )
    return slider


def slider_label(spec: ParamSpec) -> str:
    """The label with its unit, "Hours a week (h/week)", short enough for the 17 em beside the
    slider: a unit the label already names is not repeated ("People who see each share")."""
    if not spec.unit or re.search(rf"(?<!\w){re.escape(spec.unit)}(?!\w)", spec.label, re.IGNORECASE):
        return spec.label
    return f"{spec.label} ({spec.unit})"


def _readout_format(step: float) -> str:
    decimals = 0
    while decimals < 4 and abs(round(step * 10**decimals) - step * 10**decimals) > 1e-9:
        decimals += 1
    return f".{decimals}f"


def load_presets(path: Path) -> list[dict[str, Any]]:
    """Named settings a course author can edit without touching code: a lesson's ``presets.json``,
    beside its explorer (data shipped inside the package, so every kind of install finds it)."""
    return json.loads(path.read_text(encoding="utf-8"))["presets"]


class Explorer:
    """Base class: a subclass says which specs, how to compute, draw and describe.

    Subclasses set ``name`` and ``specs``, optionally ``advanced`` (names of the
    controls folded under "More settings"), ``presets_file`` and ``lively``, and implement
    ``compute``, ``build_figure``, ``draw`` and ``describe``.
    """

    name: ClassVar[str] = "explorer"
    specs: ClassVar[tuple[ParamSpec, ...]] = ()
    advanced: ClassVar[tuple[str, ...]] = ()
    presets_file: ClassVar[Path | None] = None
    #: Settings from which one step of any control changes what the learner sees.
    #: Some controls act only in some situations (lesson 04's fading matters only
    #: when people wait for their turn); the tests start from here to check that
    #: every control is wired to the model.
    lively: ClassVar[Mapping[str, float]] = {}
    #: Traces (by index) allowed past the top of their axis range: the edge of a band that
    #: is unbounded at first. Every other point must lie inside the ranges the explorer sets.
    runs_off_the_top: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, **initial: float) -> None:
        known = {s.name for s in self.specs}
        unknown = set(initial) - known
        if unknown:
            raise ValueError(f"{self.name} has no control named {sorted(unknown)}; it has {sorted(known)}")
        for spec in self.specs:
            if spec.name in initial:
                spec.check(initial[spec.name])
        self.controls: dict[str, widgets.Widget] = {
            s.name: make_control(s, initial.get(s.name)) for s in self.specs
        }
        self.summary = ""
        self.error = ""
        self._holding = False
        self._in_preset = False
        self._axes_sent: dict[str, dict[str, Any]] = {}  # what set_axes last sent, per axis
        # Values that never change (a bar's row, a line's weeks) are sent by the first draw, not
        # set in build_figure: a view opened before the first update draws without values set
        # only there (plotly 7), so a line would start a week early. draw() sets this.
        self._positions_sent = False
        self.fig = keep_views_current(self.build_figure())  # a reload or a second tab draws it right
        self._summary_html = widgets.HTML().add_class("mvn-summary")
        self._error_html = widgets.HTML(layout=widgets.Layout(display="none")).add_class("mvn-error")
        self.presets = load_presets(self.presets_file) if self.presets_file else []
        self.picker = self._preset_picker() if self.presets else None
        self.widget = self._layout()
        self.widget.add_class("mvn-explorer")
        self.widget.add_class(f"mvn-explorer-{self.name}")
        guard_keys(self.widget)  # arrow keys move the sliders in Notebook 7 too
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.update()

    # --- to implement in each explorer -------------------------------------------------
    def compute(self, values: Mapping[str, float]) -> Any:
        """Run the model on the current control values."""
        raise NotImplementedError

    def build_figure(self) -> go.FigureWidget:
        """Create the figure once, with every trace it will ever have."""
        raise NotImplementedError

    def draw(self, result: Any) -> None:
        """Put a result into the figure's existing traces (called inside batch_update)."""
        raise NotImplementedError

    def describe(self, result: Any) -> str:
        """A few plain sentences saying what the figure now shows, one paragraph per line."""
        raise NotImplementedError

    def invariants(self, result: Any) -> dict[str, bool]:
        """Truths about the world that must hold at every setting, by a name a person can read."""
        return {}

    def stated(self, result: Any) -> list[tuple[str, float]]:
        """Every number the lines state: a regular expression whose first group finds the
        quantity as written ("1,270", "3 hours 15 minutes", "2 years"), and the value it must
        equal, read from the figure (or the model's result where the figure does not show it),
        never from ``describe``'s own arithmetic. Hours are in hours, horizons in weeks."""
        return []

    # --- shared behaviour ----------------------------------------------------------------
    def values(self) -> dict[str, float]:
        """The current value of every control, by parameter name."""
        return {name: control.value for name, control in self.controls.items()}

    def set(self, **values: float) -> None:
        """Move controls as a learner would; a value out of range shows a message instead."""
        try:
            for name, value in values.items():
                if name not in self.controls:
                    raise ValueError(f"{self.name} has no control named {name!r}")
                next(s for s in self.specs if s.name == name).check(value)
        except ValueError as exc:
            self._show_error(exc)
            return
        if not self._in_preset:
            self._forget_preset()
        self._holding = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._holding = False
        self.update()

    def reset(self) -> None:
        """Every control back to its default (the values in the lesson's sources table)."""
        self.set(**defaults(self.specs))

    def apply_preset(self, preset_name: str) -> None:
        """Set every control a named preset lists, and every other one to its default,
        so a preset means the same whatever the learner did before."""
        for preset in self.presets:
            if preset["name"] == preset_name:
                self._in_preset = True
                try:
                    self.set(**{**defaults(self.specs), **preset["values"]})
                finally:
                    self._in_preset = False
                return
        self._show_error(ValueError(f"no preset named {preset_name!r}"))

    def _forget_preset(self) -> None:
        """Once a control moves, the settings are the learner's own: the menu shows no preset,
        and choosing the same preset again restores it."""
        if self.picker is not None and self.picker.value:
            self.picker.value = ""

    def update(self) -> None:
        """Recompute and redraw; never let an exception vanish silently."""
        try:
            result = self.compute(self.values())
            with self.fig.batch_update():
                self.draw(result)
            self.summary = self.describe(result)
        except Exception as exc:  # noqa: BLE001 - shown to the learner, not swallowed
            self._show_error(exc)
            return
        paragraphs = (f"<p>{html.escape(line)}</p>" for line in self.summary.splitlines())
        self._summary_html.value = "".join(paragraphs)
        self._clear_error()

    def set_axes(self, axes: dict[str, dict[str, Any]]) -> None:
        """Send the axes whose settings changed since the last update, all in one layout update.

        Most moves leave the axes as they were: comparing costs microseconds, and
        updating an axis in plotly costs about a millisecond.
        """
        changed = {name: axis for name, axis in axes.items() if self._axes_sent.get(name) != axis}
        if changed:
            self.fig.layout.update(changed)
            self._axes_sent.update(changed)

    def _on_change(self, change: dict[str, Any]) -> None:
        if not self._holding:
            self._forget_preset()
            self.update()

    def _show_error(self, exc: Exception) -> None:
        self.error = t("explorer.error", message=str(exc))
        self._error_html.value = f'<p role="alert">{html.escape(self.error)}</p>'
        self._error_html.layout.display = None

    def _clear_error(self) -> None:
        self.error = ""
        self._error_html.value = ""
        self._error_html.layout.display = "none"

    def _layout(self) -> widgets.VBox:
        main = [self.controls[s.name] for s in self.specs if s.name not in self.advanced]
        extra = [self.controls[s.name] for s in self.specs if s.name in self.advanced]
        top: list[widgets.Widget] = [self._reset_button()]
        if self.picker is not None:
            top.insert(0, self.picker)
        rows: list[widgets.Widget] = [widgets.HBox(top)]
        # A Box is already a flex row (ipywidgets' CSS); wrapping keeps every control on screen.
        rows.append(widgets.Box(main, layout=widgets.Layout(flex_flow="row wrap")))
        if extra:
            more = widgets.Accordion(
                [widgets.Box(extra, layout=widgets.Layout(flex_flow="row wrap"))],
                titles=(t("explorer.more_settings"),),
            )
            rows.append(more)
        rows += [self.fig, self._summary_html, self._error_html]
        return widgets.VBox(rows)

    def _reset_button(self) -> widgets.Button:
        """A real button: Tab reaches it, Enter or Space presses it."""
        button = widgets.Button(description=t("explorer.reset"), tooltip=t("explorer.reset_help"),
                                icon="undo", layout=widgets.Layout(width="auto"))
        button.add_class("mvn-reset")
        button.on_click(lambda _button: self.reset())
        return button

    def _preset_picker(self) -> widgets.Widget:
        picker = widgets.Dropdown(
            options=[("", "")] + [(p["name"], p["name"]) for p in self.presets],
            description=t("explorer.preset"),
            style={"description_width": "17em"},
            layout=widgets.Layout(width=f"{17 + 1 + max(len(p['name']) for p in self.presets) * 0.6:.0f}em"),
        )

        def chosen(change: dict[str, Any]) -> None:
            if change["new"]:
                self.apply_preset(change["new"])

        picker.observe(chosen, names="value")
        return picker

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        return self.widget._repr_mimebundle_(**kwargs)
