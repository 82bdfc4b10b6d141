"""Specs that several models share, typed once."""

from __future__ import annotations

from mediavsnet.specs import ParamSpec

#: How far ahead a simulation looks: weeks to three years (lesson 04's horizon).
WEEKS = ParamSpec(
    "weeks", "weeks", 1, 156, 1, 104,
    "Assumption: two years by default, long enough to see relationships form; up to three.",
    integer=True,
)
