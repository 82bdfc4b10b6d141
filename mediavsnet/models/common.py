"""Specs that several models share, typed once."""

from __future__ import annotations

from mediavsnet.core.specs import ParamSpec

#: How far ahead a simulation looks: a month to three years (lesson 04's horizon).
WEEKS = ParamSpec(
    "weeks", "weeks", 4, 156, 1, 104,
    "Assumption: two years by default, long enough to see relationships form; from a "
    "month (fewer weeks draw no line) up to three years.",
    integer=True,
)
