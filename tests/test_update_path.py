"""The update path: one move of a control sends the browser one message with every trace's new data.

A plotly ``FigureWidget`` sends a message to the browser for every change made
outside ``fig.batch_update()``: an explorer that assigned its six traces one by
one would make the learner's plot redraw six times per slider step, in visible
stages (half the plot new, half old), and far slower. Inside ``batch_update``
plotly sends one ``update`` message when the block ends. These tests watch the
messages plotly's widget sends (its ``_send_*_msg`` methods, the only way it
talks to the browser about traces and layout) while a control moves, for every
explorer in ``EXPLORERS``: a new explorer is checked the moment it is registered.

Only messages about traces and layout are counted, so a step that also syncs
other widget state (a traitlet) does not disturb these tests.
"""

from __future__ import annotations

import contextlib
import inspect
import json
from collections.abc import Iterator
from typing import Any

import pytest

from mediavsnet.explorer.base import Explorer
from mediavsnet.lessons import EXPLORERS

#: Every message plotly's FigureWidget can send about the figure.
SENDERS = (
    "_send_restyle_msg",
    "_send_relayout_msg",
    "_send_update_msg",
    "_send_addTraces_msg",
    "_send_deleteTraces_msg",
    "_send_moveTraces_msg",
    "_send_animate_msg",
)


@contextlib.contextmanager
def messages_to_the_browser(fig: Any) -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """Record every figure message ``fig`` sends inside the block: (kind, its arguments)."""
    sent: list[tuple[str, dict[str, Any]]] = []
    originals = {name: getattr(fig, name) for name in SENDERS}

    def spy(name: str) -> Any:
        original = originals[name]

        def send(*args: Any, **kwargs: Any) -> Any:
            arguments = inspect.signature(original).bind(*args, **kwargs).arguments
            sent.append((name.removeprefix("_send_").removesuffix("_msg"), dict(arguments)))
            return original(*args, **kwargs)

        return send

    for name in SENDERS:
        setattr(fig, name, spy(name))  # an instance attribute shadows the method
    try:
        yield sent
    finally:
        for name in SENDERS:
            setattr(fig, name, originals[name])


def trace_data(message: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    """The trace changes a message carries (empty for a layout-only message)."""
    kind, args = message
    if kind == "restyle":
        return args.get("restyle_data") or {}
    if kind == "update":
        return args.get("restyle_data") or {}
    if kind in ("addTraces", "deleteTraces", "moveTraces", "animate"):
        return {kind: True}  # a figure rebuilt or animated: never part of an update
    return {}


def layout_data(message: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    kind, args = message
    if kind == "relayout":
        return args.get("layout_data") or {}
    if kind == "update":
        return args.get("relayout_data") or {}
    return {}


def plotted(explorer: Explorer) -> list[str]:
    """Every trace's data, as text."""
    return [json.dumps([list(map(float, t.x)), list(map(float, t.y))]) for t in explorer.fig.data]


def one_step(explorer: Explorer, spec: Any) -> float:
    value = explorer.values()[spec.name]
    return value + spec.step if value + spec.step <= spec.max else value - spec.step


def moves(cls: type[Explorer]) -> Iterator[tuple[Explorer, dict[str, float]]]:
    """From the settings where every control acts, one step of each control, then a jump of all."""
    explorer = cls(**cls.lively)
    start = explorer.values()
    for spec in cls.specs:
        explorer.set(**start)
        yield explorer, {spec.name: one_step(explorer, spec)}
    explorer.set(**start)
    yield explorer, {s.name: s.max for s in cls.specs}


def batching_problems(explorer: Explorer, move: dict[str, float]) -> list[str]:
    """What is wrong with the messages one move sends, as a learner would notice it."""
    before = plotted(explorer)
    with messages_to_the_browser(explorer.fig) as sent:
        explorer.set(**move)
    assert explorer.error == "", explorer.error
    after = plotted(explorer)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    carrying = [m for m in sent if trace_data(m)]
    problems = []
    if changed and len(carrying) != 1:
        problems.append(
            f"{move}: {len(carrying)} messages carried trace changes ({[m[0] for m in carrying]}): "
            f"the learner's plot would redraw {len(carrying)} times, in stages, for one step"
        )
    elif changed and carrying[0][0] != "update":
        problems.append(f"{move}: the traces changed by a {carrying[0][0]!r} message, outside batch_update()")
    elif changed:
        named = carrying[0][1].get("trace_indexes")
        missing = [i for i in changed if named is not None and i not in named]
        if missing:
            problems.append(f"{move}: traces {missing} changed but were not in the one update message")
    relayouts = [m for m in sent if m[0] == "relayout" and layout_data(m)]
    if relayouts:
        problems.append(
            f"{move}: the layout changed in {len(relayouts)} separate message(s) "
            f"({[list(layout_data(m)) for m in relayouts]}): axes would jump apart from the data"
        )
    return problems


@pytest.mark.parametrize("cls", EXPLORERS.values(), ids=lambda c: c.name)
def test_one_move_sends_one_message_with_every_trace(cls):
    problems, traces_changed, axes_changed = [], 0, 0
    for explorer, move in moves(cls):
        before, axes = plotted(explorer), explorer.fig.layout.to_plotly_json()
        problems += batching_problems(explorer, move)
        traces_changed += plotted(explorer) != before
        axes_changed += explorer.fig.layout.to_plotly_json() != axes
    assert not problems, "\n".join(problems)
    # not vacuous: the moves changed the traces, and some changed the axes
    assert traces_changed >= len(cls.specs) // 2 and axes_changed >= 1


@pytest.mark.parametrize("cls", EXPLORERS.values(), ids=lambda c: c.name)
def test_a_control_moved_in_the_browser_redraws_the_plot_once(cls, monkeypatch):
    """The browser changes a control's value (a choice's index, from which ipywidgets derives its
    value and label): the explorer recomputes and redraws once, not once per trait that moved."""
    for spec in cls.specs:
        explorer = cls(**cls.lively)
        updates: list[int] = []
        original = explorer.update
        monkeypatch.setattr(explorer, "update",
                            lambda original=original, updates=updates: (updates.append(1), original()))
        control = explorer.controls[spec.name]
        if spec.choices:
            control.index = (control.index + 1) % len(spec.choices)
        else:
            control.value = one_step(explorer, spec)
        assert len(updates) == 1, f"{spec.name}: one move redrew the plot {len(updates)} times"


@pytest.mark.parametrize("cls", EXPLORERS.values(), ids=lambda c: c.name)
def test_an_update_outside_batch_update_is_caught(cls, monkeypatch):
    """The same explorer with batch_update turned into a no-op: its trace assignments go one by one."""
    found = []
    for explorer, move in moves(cls):
        monkeypatch.setattr(explorer.fig, "batch_update", contextlib.nullcontext)
        found += batching_problems(explorer, move)
        if found:
            break
    assert found, "an explorer updating its traces outside batch_update() went unnoticed"
    assert any("in stages" in p or "outside batch_update" in p for p in found)
