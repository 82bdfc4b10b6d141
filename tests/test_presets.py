"""Presets do what their names say: a learner who picks "All broadcast" gets all the hours on posting.

Presets are data a course author edits without touching code
(``mediavsnet/presets/``); their names are promises to a learner. Each promise
a name makes is written here once, as a check on the preset's values, so that
changing a value and not the name (or the other way round) fails a test.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from mediavsnet.explorers import EXPLORERS
from mediavsnet.explorers.base import load_presets
from mediavsnet.specs import specs_by_name

#: What each preset's name promises, by the start of its name, per presets file.
PROMISES: dict[str, dict[str, Callable[[Mapping[str, float], dict], bool]]] = {
    "04-time-and-effort.json": {
        "All broadcast": lambda v, s: v["media_share"] == 100,
        "All networking": lambda v, s: v["media_share"] == 0,
        # every hour one-to-one, spread over as many people as the slider allows
        "Spread thin": lambda v, s: v["media_share"] == 0 and v["people"] == s["people"].max,
        # Social Media Examiner (2010-2012): beginners spend about 1 h a week
        "A beginner's hour a week": lambda v, s: v["weekly_hours"] == 1,
    },
    "07-your-strategy.json": {
        # "with N hours a week": both plans spend exactly those hours, so the comparison is fair
        "A freelancer with 3 hours a week": lambda v, s: plan_hours(v) == (3, 3),
        "A small shop's owner with 6 hours a week": lambda v, s: plan_hours(v) == (6, 6),
        "A job seeker with 5 hours a week": lambda v, s: plan_hours(v) == (5, 5),
    },
}


def plan_hours(values: Mapping[str, float]) -> tuple[float, float]:
    """Each plan's weekly hours in all, plan A's then plan B's (lesson 07's planner)."""
    activities = ("broadcast", "listening", "one_to_one")
    return tuple(sum(values[f"{plan}_{activity}_hours"] for activity in activities) for plan in ("a", "b"))

CASES = [
    (cls, filename, start, promise)
    for cls in EXPLORERS.values()
    if cls.presets_file
    for filename, promises in PROMISES.items()
    if filename == cls.presets_file
    for start, promise in promises.items()
]


@pytest.mark.parametrize(("cls", "filename", "start", "promise"), CASES, ids=[c[2] for c in CASES])
def test_a_preset_does_what_its_name_says(cls, filename, start, promise):
    presets = [p for p in load_presets(filename) if p["name"].startswith(start)]
    assert len(presets) == 1, f"{filename}: no single preset named {start!r}... ({len(presets)})"
    (preset,) = presets
    values = {**{s.name: s.default for s in cls.specs}, **preset["values"]}
    assert promise(values, specs_by_name(cls.specs)), (
        f"a learner picking {preset['name']!r} gets {preset['values']}, not what the name promises"
    )
    explorer = cls()
    explorer.apply_preset(preset["name"])
    assert explorer.error == "" and all(explorer.values()[k] == v for k, v in preset["values"].items())


def test_every_presets_file_with_promises_is_used():
    used = {cls.presets_file for cls in EXPLORERS.values()}
    assert set(PROMISES) <= used
