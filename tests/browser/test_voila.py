"""Every lesson in Voilà, the presenter view: it renders, its pictures show, axe-core finds no serious
fault of the course's own, its explorers are drawn right at first paint and answer the keyboard, and
nothing is fetched from outside the machine.

Voilà runs as the instructors' guide says (``voila notebooks``), on a copy of
the course. Each page is offline: a request to anywhere but this machine is
recorded and refused. Lessons are found by glob, so a new lesson is tested as
soon as it exists. Screenshots land in tests/browser/artifacts/ for a person to
look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from accessibility import assert_accessible
from labdriver import (
    EXPLORER_VIEW,
    ROOT,
    answer_first_question_from_the_keyboard,
    as_python_draws_it,
    drawn_by_python,
    error_outputs,
    explorers_built_by,
    images_not_shown,
    keep_on_this_machine,
    move_first_slider,
    open_in_voila,
    voila,
    wait_for_explorers,
    wait_until_python_agrees,
)

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
IDS = [p.name for p in LESSONS]
ARTIFACTS = Path(__file__).parent / "artifacts"

#: What Voilà 0.5's own page template asks of the internet: Font Awesome's style sheets,
#: from a CDN. Offline they fail and nothing shows it: Voilà's bundled JavaScript carries
#: the same icons, and the lessons use none. Anything else fetched from outside fails the test.
VOILA_OWN_FETCHES = {
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@%5E5/css/all.min.css",
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@%5E5/css/v4-shims.min.css",
}


@pytest.fixture(scope="module")
def presenter(chromium_path):
    with voila() as server:
        yield server


def differences(expected: dict, shown: dict) -> str:
    lines = [f"{key}: expected {expected[key]!r:.200}, shown {shown[key]!r:.200}"
             for key in ("axes", "summary") if expected[key] != shown[key]]
    lines += [f"trace {want['name']!r} {axis}: {len(want[axis])} points expected, {len(got[axis])} shown"
              f"{'' if len(want[axis]) != len(got[axis]) else ' (other values)'}"
              for want, got in zip(expected["traces"], shown["traces"], strict=False)
              for axis in ("x", "y") if want[axis] != got[axis]]
    return "; ".join(lines)


@pytest.mark.browser
@pytest.mark.parametrize("notebook", LESSONS, ids=IDS)
def test_every_lesson_in_voila_renders_draws_right_and_answers_the_keyboard(context, presenter, notebook):
    outside: list[str] = []
    keep_on_this_machine(context, outside)
    page = context.new_page()
    open_in_voila(page, presenter, notebook.name)
    assert error_outputs(page) == []
    count = explorers_built_by(notebook)
    if count:
        wait_for_explorers(page, count)
    assert page.locator(".mvn-explorer").count() == count, "an explorer the lesson builds is not shown"
    # Every widget drawn: Voilà's "Loading widget..." placeholders are gone.
    drawn = "() => !document.getElementById('rendered_cells').innerText.includes('Loading widget')"
    page.wait_for_function(drawn, timeout=60_000)
    page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=30_000)
    assert images_not_shown(page) == [], "a picture does not show"
    assert_accessible(page, "voila", notebook.name)
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 3600})  # Voilà scrolls inside the page: a tall window
    page.screenshot(path=str(ARTIFACTS / f"voila-{notebook.stem}.png"))
    page.set_viewport_size({"width": 1400, "height": 1000})

    for i, explorer in enumerate(page.locator(".mvn-explorer").all()):
        # First paint: what the kernel holds, with every point, axis and line of the summary.
        expected = drawn_by_python(explorer)
        shown = as_python_draws_it(explorer.evaluate(EXPLORER_VIEW), expected)
        assert shown == expected, f"explorer {i} at first paint: {differences(expected, shown)}"
        explorer.scroll_into_view_if_needed()
        explorer.screenshot(path=str(ARTIFACTS / f"voila-{notebook.stem}-explorer-{i}.png"))

        before = explorer.evaluate(EXPLORER_VIEW)
        move_first_slider(page, explorer)
        page.wait_for_function(
            f"([root, before]) => JSON.stringify(({EXPLORER_VIEW})(root)) !== JSON.stringify(before)",
            arg=[explorer.element_handle(), before],
            timeout=30_000,
        )
        expected, shown = wait_until_python_agrees(page, explorer)
        assert shown == expected, f"explorer {i} after a key press: {differences(expected, shown)}"
        assert expected != as_python_draws_it(before, expected), "the key press changed nothing"

    if not count:  # no explorer: the self-check answers the keyboard
        answer_first_question_from_the_keyboard(page)

    assert set(outside) <= VOILA_OWN_FETCHES, f"fetched from outside the machine: {sorted(set(outside))}"
