"""The claims layer's tools: what a lesson says, and how often the model agrees.

A lesson's sentence about what happens (who wins, what pays, how many) is a
claim about the model's randomness, not about the one run an explorer shows
(seed 0). Each claim is written once in ``tests/claims/test_claims_lNN.py``: the
words the lesson uses (which must be in the notebook, so rewording the lesson
without the claim fails) and a check recomputed from the model, over
:data:`SEEDS` runs, or at seed 0 when the lesson says "in this run".
How to write one: CONTRIBUTING.md, "Claims that depend on chance".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
#: How many runs a claim about what happens is checked over.
SEEDS = range(400)


@cache
def lesson_text(notebook: str) -> str:
    """Everything a learner reads in a notebook's Markdown, spaces and line breaks made single."""
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return re.sub(r"\s+", " ", text)


def says(notebook: str, words: str) -> None:
    """Fail unless the lesson says ``words`` (line breaks and runs of spaces do not matter)."""
    wanted = re.sub(r"\s+", " ", words).strip()
    assert wanted in lesson_text(notebook), f"{notebook} no longer says {wanted!r}: update its claim"


def share(holds: Callable[[int], bool], seeds: Iterable[int] = SEEDS) -> float:
    """The share of runs (seeds) in which ``holds(seed)`` is true."""
    results = [bool(holds(seed)) for seed in seeds]
    return sum(results) / len(results)


def over_seeds(value: Callable[[int], float], seeds: Iterable[int] = SEEDS) -> np.ndarray:
    """``value(seed)`` for every run: for an expectation and its spread."""
    return np.array([value(seed) for seed in seeds], dtype=float)
