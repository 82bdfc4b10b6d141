"""A new view of an explorer draws what the kernel holds: after a reload, in a second tab, after a reconnect.

A browser that opens a view of a widget (a reloaded page, a second tab, Voilà)
asks the kernel for the widget's stored state and draws it. The test moves a
slider, then opens such views and compares everything a learner sees of every
explorer (each trace's points, the axes, the legends, the titles, the summary,
the sliders) with what the first view showed; then cuts the page's connection to
the kernel (a laptop that slept) and checks that nothing is lost and moves are
still drawn. Lessons are found by glob, so a new lesson's explorers are tested
as soon as it exists. One run of the lesson serves all these checks: each is
named in the failure message.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from labdriver import (
    KERNEL_IDLE,
    describe_difference,
    explorers_built_by,
    lessons_with_explorers,
    move_back,
    move_every_explorer,
    open_notebook,
    save_notebook,
    views_once_drawn,
    wait_for_explorers,
    wait_for_views,
)

LESSONS = lessons_with_explorers()
IDS = [p.name for p in LESSONS]
ARTIFACTS = Path(__file__).parent / "artifacts"
#: A new view asks the kernel for every widget of the lesson, one by one (a lesson with
#: a quiz and a sorting activity has hundreds): on a busy 2-core machine, allow two minutes.
RESTORE_MS = 120_000


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


def test_there_is_a_lesson_with_an_explorer_to_test():
    assert LESSONS, "no lesson builds an explorer: the reload tests would test nothing"


def cut(page, timeout_ms: int = 60_000) -> None:
    """Cut the page's connections to the kernel, as a laptop going to sleep does, and wait until it is back.

    The code 4000 is not a normal closure, so JupyterLab does what it does when a
    network drops (code 1006, which a page cannot send): it connects again.
    """
    before = page.evaluate("() => window.__kernelSockets.length")
    assert before, "the page has no connection to a kernel to cut"
    page.evaluate("() => window.__kernelSockets.forEach(s => s.close(4000, 'cut by the test'))")
    sockets = "window.__kernelSockets"
    again = f"(before) => {sockets}.length > before && {sockets}.at(-1).readyState === WebSocket.OPEN"
    page.wait_for_function(again, arg=before, timeout=timeout_ms)
    page.wait_for_function(KERNEL_IDLE, timeout=timeout_ms)


@pytest.mark.browser
@pytest.mark.spoils_lesson
@pytest.mark.parametrize("notebook", LESSONS, ids=IDS)
def test_a_reload_a_second_tab_and_a_reconnect_show_every_explorer_as_the_kernel_has(lessons, lab, notebook):
    relative, count = f"notebooks/{notebook.name}", explorers_built_by(notebook)
    # A run of its own: after the other tests' moves, Reset and presets, a view restored from the
    # kernel's stored state can differ from the live one in the last bit of a float (7.5200000000000005
    # against 7.52: nothing a learner sees), and this test compares views exactly.
    lessons.spoil()
    first = lessons.open(notebook)  # its connections to the kernel watched, so they can be cut
    check_views_after_reload(lessons.context, first, lab, notebook, relative, count)
    lessons.spoil()  # reloaded and cut: the next test opens its lesson afresh (the fixture, after a failure)


def check_views_after_reload(context, first, lab, notebook: Path, relative: str, count: int) -> None:
    initial = views_once_drawn(first)
    move_every_explorer(first)
    moved = views_once_drawn(first)
    save_notebook(first, lab.root / relative)  # as autosave does: the page a reload shows has the outputs

    problems = []
    second = context.new_page()
    open_notebook(second, lab, relative)
    wait_for_explorers(second, count, timeout_ms=RESTORE_MS)
    problems += differences(moved, wait_for_views(second, moved), "a second tab on the running kernel")

    first.reload()
    first.wait_for_function(KERNEL_IDLE, timeout=60_000)
    wait_for_explorers(first, count, timeout_ms=RESTORE_MS)
    problems += differences(moved, wait_for_views(first, moved), "the reloaded tab")
    ARTIFACTS.mkdir(exist_ok=True)
    for i, explorer in enumerate(first.locator(".mvn-explorer").all()):
        explorer.scroll_into_view_if_needed()
        explorer.screenshot(path=str(ARTIFACTS / f"{notebook.stem}-explorer-{i}-after-reload.png"))

    # After the reload, a move draws whole traces (not only what changed) in both tabs.
    move_back(first, initial, moved)
    problems += differences(initial, wait_for_views(first, initial), "the reloaded tab, slider moved back")
    problems += differences(initial, wait_for_views(second, initial), "the second tab, after that move")

    # The connection drops (a laptop that slept) and comes back: nothing lost, moves still drawn.
    cut(first)
    problems += differences(initial, wait_for_views(first, initial), "after a reconnect")
    move_every_explorer(first)
    problems += differences(moved, wait_for_views(first, moved), "after a reconnect, slider moved")
    problems += differences(moved, wait_for_views(second, moved), "the second tab, after that move")
    assert not problems, "\n".join(problems)
