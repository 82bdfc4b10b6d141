"""A new view of an explorer draws what the kernel holds: after a reload, in a second tab, after a reconnect.

A browser that opens a view of a widget (a reloaded page, a second tab, Voilà)
asks the kernel for the widget's stored state and draws it. These tests move a
slider, then open such a view and compare everything a learner sees of every
explorer (each trace's points, the axes, the legends, the summary, the sliders)
with what the first view showed. Notebooks are found by glob, so a new lesson's
explorers are tested as soon as it exists.
"""

from __future__ import annotations

import re

import pytest
from labdriver import (
    KERNEL_IDLE,
    describe_difference,
    explorers_built_by,
    lessons_with_explorers,
    move_back,
    move_every_explorer,
    open_notebook,
    run_all,
    save_notebook,
    settled_views,
    wait_for_explorers,
    wait_for_views,
)

LESSONS = lessons_with_explorers()
IDS = [p.name for p in LESSONS]


def differences(expected: list, actual: list, where: str) -> list[str]:
    """Where ``actual`` (what a view shows) differs from ``expected``, explorer by explorer."""
    if len(actual) != len(expected):
        return [f"{where}: {len(actual)} explorers shown, {len(expected)} expected"]
    return [
        f"{where}, explorer {i}: {describe_difference(want, got)}"
        for i, (want, got) in enumerate(zip(expected, actual, strict=True))
        if got != want
    ]


def assert_same(expected: list, actual: list, where: str) -> None:
    problems = differences(expected, actual, where)
    assert not problems, "\n".join(problems)


#: Known not to restore yet, with why. Each stays a test: it runs, and shows as XPASS once fixed.
KNOWN_BROKEN = {
    "02-goals.ipynb": "lesson 02's explorer came back different after a reload in the last full run "
                      "(its figure mixes subplots, a full-width panel and bar text); not yet diagnosed",
}


def lessons_marked() -> list:
    return [pytest.param(nb, marks=pytest.mark.xfail(reason=KNOWN_BROKEN[nb.name], strict=False))
            if nb.name in KNOWN_BROKEN else nb for nb in LESSONS]


def test_there_is_a_lesson_with_an_explorer_to_test():
    assert LESSONS, "no lesson builds an explorer: the reload tests would test nothing"


@pytest.mark.browser
@pytest.mark.parametrize("notebook", lessons_marked(), ids=IDS)
def test_a_reload_and_a_second_tab_draw_every_explorer_as_the_kernel_holds_it(context, lab, notebook):
    relative, count = f"notebooks/{notebook.name}", explorers_built_by(notebook)
    first = context.new_page()
    open_notebook(first, lab, relative)
    run_all(first)
    wait_for_explorers(first, count)
    initial = settled_views(first)
    move_every_explorer(first)
    moved = settled_views(first)
    save_notebook(first, lab.root / relative)  # as autosave does: the page a reload shows has the outputs

    problems = []
    second = context.new_page()
    open_notebook(second, lab, relative)
    wait_for_explorers(second, count)
    problems += differences(moved, wait_for_views(second, moved), "a second tab on the running kernel")

    first.reload()
    first.wait_for_function(KERNEL_IDLE, timeout=60_000)
    wait_for_explorers(first, count)
    problems += differences(moved, wait_for_views(first, moved), "the reloaded tab")

    # After the reload, a move draws whole traces (not only what changed) in both tabs.
    move_back(first, initial, moved)
    problems += differences(initial, wait_for_views(first, initial), "the reloaded tab, slider moved back")
    problems += differences(initial, wait_for_views(second, initial), "the second tab, after that move")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("notebook", lessons_marked(), ids=IDS)
def test_a_dropped_connection_comes_back_with_every_explorer_as_it_was(context, lab, notebook):
    """The kernel's websocket is cut (a laptop that slept); the page reconnects and carries on."""
    relative, count = f"notebooks/{notebook.name}", explorers_built_by(notebook)
    page = context.new_page()
    sockets = []

    def relay(ws):
        sockets.append((ws, ws.connect_to_server()))

    page.route_web_socket(re.compile(r"/api/kernels/[^/?]+/channels"), relay)
    open_notebook(page, lab, relative)
    run_all(page)
    wait_for_explorers(page, count)
    initial = settled_views(page)
    move_every_explorer(page)
    moved = settled_views(page)

    dropped = len(sockets)
    for page_side, server_side in list(sockets):
        server_side.close()
        page_side.close()
    page.wait_for_function(
        "() => document.querySelector('.jp-Notebook-ExecutionIndicator')?.dataset.status !== 'idle'",
        timeout=30_000,
    )
    page.wait_for_function(KERNEL_IDLE, timeout=60_000)
    assert len(sockets) > dropped, "the page did not open a new connection to the kernel"
    assert_same(moved, wait_for_views(page, moved), "after the reconnect")

    move_back(page, initial, moved)
    assert_same(initial, wait_for_views(page, initial), "after the reconnect, slider moved back")
