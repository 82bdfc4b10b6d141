"""Axes the explorers' plots share: weeks from zero, and people counted from zero.

Axis tops are rounded up to two significant figures, so a small move of a slider
leaves the axis still and the change shows in the data.
"""

from __future__ import annotations

import math


def count_axis(top: float) -> dict[str, object]:
    """A people axis from zero: whole-number ticks when the counts are small, never 0.2 of a person.

    The top is rounded up to two significant figures, so a small move of a
    slider leaves the axis still and the change shows in the data.
    """
    small = top <= 8
    return {
        "range": [0, round_up(max(top, 4) * 1.05)],
        "tickmode": "linear" if small else "auto",
        "dtick": 1 if small else None,
        "tick0": 0,
    }


def round_up(value: float) -> float:
    """Up to two significant figures: 1,103 -> 1,200; 5.25 -> 5.3."""
    magnitude = 10 ** math.floor(math.log10(value)) / 10
    return round(math.ceil(value / magnitude - 1e-9) * magnitude, 12)


def week_axis(weeks: int) -> dict[str, object]:
    """Weeks from zero to the horizon, in whole weeks when there are only a few."""
    small = weeks <= 12
    return {"range": [0, weeks], "tickmode": "linear" if small else "auto", "dtick": 1 if small else None}
