"""A lesson followed top to bottom, as a learner does: bullets, then exercises, in one explorer.

Each lesson with an explorer may ship a walkthrough (tests/walkthroughs/NN-slug.json):
the steps its text asks for, in order, with what the explorer's lines must then
say and what the lesson's own words claim. Nothing is re-run between steps, so
a step that silently relied on the previous one's leftover settings fails here.
The browser layer replays the same file in JupyterLab.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mediavsnet.lessons import EXPLORERS

ROOT = Path(__file__).resolve().parents[1]
WALKTHROUGHS = sorted((Path(__file__).parent / "walkthroughs").glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def lesson_text(walkthrough: dict) -> str:
    """The notebook's Markdown, where its claims are written."""
    cells = json.loads((ROOT / "notebooks" / walkthrough["notebook"]).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def explorer_for(walkthrough: dict):
    """The explorer the lesson's notebook builds (it imports it from mediavsnet.lessons)."""
    cells = json.loads((ROOT / "notebooks" / walkthrough["notebook"]).read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    found = [cls for cls in EXPLORERS.values() if f"{cls.__module__} import" in code]
    assert len(found) == 1, f"{walkthrough['notebook']} should build exactly one explorer, found {found}"
    return found[0]()


@pytest.mark.parametrize("path", WALKTHROUGHS, ids=[p.stem for p in WALKTHROUGHS])
def test_the_lesson_says_what_the_walkthrough_checks(path):
    walkthrough = load(path)
    text = lesson_text(walkthrough)
    for step in walkthrough["steps"]:
        for claim in step["lesson_says"]:
            assert claim in text, f"{step['where']}: the lesson no longer says {claim!r}"


@pytest.mark.parametrize("path", WALKTHROUGHS, ids=[p.stem for p in WALKTHROUGHS])
def test_following_the_lesson_in_order_gives_the_stated_numbers(path):
    walkthrough = load(path)
    explorer = explorer_for(walkthrough)
    explorer.set(**explorer.lively)  # wherever the learner left it before the first bullet
    for step in walkthrough["steps"]:
        if step["reset"]:
            explorer.reset()
        for name, value in step["moves"]:
            explorer.set(**{name: value})
            assert explorer.error == "", f"{step['where']}: {explorer.error}"
        for expected in step["expect"]:
            where = f"{step['where']}: expected {expected!r} in"
            assert expected in explorer.summary, f"{where}\n{explorer.summary}"


def test_every_lesson_with_an_explorer_has_a_walkthrough():
    notebooks = {load(p)["notebook"] for p in WALKTHROUGHS}
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        if re.search(r"mediavsnet\.lessons\.\w+\.explorer import", notebook.read_text(encoding="utf-8")):
            assert notebook.name in notebooks, f"{notebook.name} has an explorer but no walkthrough"
