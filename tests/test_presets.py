"""Presets do what their names say: a learner who picks "All broadcast" gets all the hours on posting.

Presets are data a course author edits without touching code
(``mediavsnet/lessons/lNN_<slug>/presets.json``); their names are promises to a learner. Each promise
a name makes is written here once, as a check on the preset's values, so that
changing a value and not the name (or the other way round) fails a test.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from mediavsnet.core.specs import specs_by_name
from mediavsnet.explorer.base import load_presets
from mediavsnet.lessons import EXPLORERS
from mediavsnet.models import attribution, cascade, funnel

#: What each preset's name promises, by the start of its name, per lesson home (its presets.json).
PROMISES: dict[str, dict[str, Callable[[Mapping[str, float], dict], bool]]] = {
    "l01_communication_style": {
        "The broadcaster: mostly talking": lambda v, s: v["listening_share"] <= 10,
        "The megaphone: never reads": lambda v, s: v["listening_share"] == 0,
        # more listening than the defaults, and a look at least every few hours
        "The networker: listens, checks often": lambda v, s: (
            v["listening_share"] > s["listening_share"].default and v["check_every_hours"] <= 4),
        "The weekly inbox: one look a week": lambda v, s: v["check_every_hours"] == 7 * 24,
    },
    "l02_goals": {
        "The shop judged by sales: a page of 10,000 followers": lambda v, s: (
            goal(v) == "sales" and v["start_followers"] == 10_000),
        "The consultant judged by the network: five clients": lambda v, s: (
            goal(v) == "network" and v["people"] == 5),
        # Social Media Examiner (2010-2012): beginners spend about 1 h a week
        "A new page on a beginner's hour a week": lambda v, s: (
            v["start_followers"] == 0 and v["weekly_hours"] == 1),
    },
    "l03_content": {
        "The image feed: single images, no video": lambda v, s: (
            v["video_pct"] == 0 and v["carousel_pct"] == 0),
        "The video studio: all video": lambda v, s: v["video_pct"] == 100,
        "Small talk only: no questions": lambda v, s: v["question_pct"] == 0,
        "The curious networker: half questions, five people": lambda v, s: (
            v["question_pct"] == 50 and v["people"] == 5),
    },
    "l04_time_and_effort": {
        "All broadcast": lambda v, s: v["media_share"] == 100,
        "All networking": lambda v, s: v["media_share"] == 0,
        # every hour one-to-one, spread over as many people as the slider allows
        "Spread thin": lambda v, s: v["media_share"] == 0 and v["people"] == s["people"].max,
        # Social Media Examiner (2010-2012): beginners spend about 1 h a week
        "A beginner's hour a week": lambda v, s: v["weekly_hours"] == 1,
    },
    "l05_roi": {
        "A one-month test, total sales only": lambda v, s: v["window_weeks"] <= 5 and tracking(v) == "off",
        "A year with a randomised holdout": lambda v, s: v["window_weeks"] == 52 and tracking(v) == "holdout",
        "Three years of tracked": lambda v, s: v["window_weeks"] == 156 and tracking(v) == "tracked",
        "A TV-like campaign: slow carry-over, a short window": lambda v, s: (
            v["carryover"] > s["carryover"].default and v["window_weeks"] <= 5),
        # no effect: every unit spent is lost, a return of -100 %
        "An ad with no effect, tracked": lambda v, s: v["true_roi"] == -100 and tracking(v) == "tracked",
    },
    "l06_social_media_family": {
        "An ordinary person's post": lambda v, s: v["seed_audience"] <= 1_000,
        "A big brand's post (200,000 see it first)": lambda v, s: v["seed_audience"] == 200_000,
        # R: the shares one share leads to, share chance x audience per share
        "On the edge: R = 1": lambda v, s: reproduction(v) == pytest.approx(1),
        "Can take off: R = 2": lambda v, s: reproduction(v) == pytest.approx(2),
    },
    "l07_your_strategy": {
        # "with N hours a week": both plans spend exactly those hours, so the comparison is fair
        "A freelancer with 3 hours a week": lambda v, s: plan_hours(v) == (3, 3),
        "A small shop's owner with 6 hours a week": lambda v, s: plan_hours(v) == (6, 6),
        "A job seeker with 5 hours a week": lambda v, s: plan_hours(v) == (5, 5),
    },
}


def goal(values: Mapping[str, float]) -> str:
    """The goal a preset judges by (lesson 02's choice control holds its index)."""
    return funnel.GOALS[int(values["goal"])]


def tracking(values: Mapping[str, float]) -> str:
    """How a preset measures (lesson 05's choice control holds its index)."""
    return attribution.TRACKING[int(values["tracking"])]


def reproduction(values: Mapping[str, float]) -> float:
    """Lesson 06's R for a preset's values, as the cascade model computes it."""
    return cascade.CascadeParams(**values).reproduction


def plan_hours(values: Mapping[str, float]) -> tuple[float, float]:
    """Each plan's weekly hours in all, plan A's then plan B's (lesson 07's planner)."""
    activities = ("broadcast", "listening", "one_to_one")
    return tuple(sum(values[f"{plan}_{activity}_hours"] for activity in activities) for plan in ("a", "b"))

CASES = [
    (cls, filename, start, promise)
    for cls in EXPLORERS.values()
    if cls.presets_file
    for filename, promises in PROMISES.items()
    if filename == cls.presets_file.parent.name
    for start, promise in promises.items()
]


@pytest.mark.parametrize(("cls", "filename", "start", "promise"), CASES, ids=[c[2] for c in CASES])
def test_a_preset_does_what_its_name_says(cls, filename, start, promise):
    presets = [p for p in load_presets(cls.presets_file) if p["name"].startswith(start)]
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
    used = {cls.presets_file.parent.name for cls in EXPLORERS.values() if cls.presets_file}
    assert set(PROMISES) <= used
