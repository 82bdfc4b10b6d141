"""Hypothesis strategies drawn from the parameter specs: no range is typed in a test."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from mediavsnet.core.specs import ParamSpec


def value(spec: ParamSpec) -> st.SearchStrategy[Any]:
    """Any value the spec allows, on its step grid, boundaries included."""
    steps = round((spec.max - spec.min) / spec.step)
    grid = st.integers(0, steps).map(lambda k: min(spec.max, spec.min + k * spec.step))
    if spec.integer:
        return grid.map(lambda x: int(round(x)))
    return st.one_of(st.sampled_from([spec.min, spec.max]), grid.map(lambda x: round(x, 10)))


def params(cls: Any, **fixed: Any) -> st.SearchStrategy[Any]:
    """A params dataclass with every field drawn from its spec (some may be fixed)."""
    fields = {s.name: (st.just(fixed[s.name]) if s.name in fixed else value(s)) for s in cls.SPECS}
    return st.builds(cls, **fields)
