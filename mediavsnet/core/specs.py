"""Parameter specs: the one place where a model parameter's range, unit and default live.

A model declares a tuple of :class:`ParamSpec`. Its dataclass validates itself
against them, the explorer builds its sliders from them, the property tests draw
their inputs from them and the benchmarks sweep them. No range is typed twice.

Learner-facing words (label, help) are keys into the strings table, so a French
edition changes :mod:`mediavsnet.core.strings` and nothing else.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from mediavsnet.core.strings import t


@dataclass(frozen=True)
class ParamSpec:
    """One model parameter, as a learner and a test both need to know it.

    ``source`` says where the default comes from: a FACTS.md reference, or the
    word "assumption" followed by why the value is reasonable.
    ``integer`` parameters become integer sliders and are drawn as integers.
    ``heavy`` is the value the benchmarks use for the most expensive setting
    (defaults to ``max``).
    ``choices`` makes a choice among named options (a goal, tracking on or
    off): the value is the option's index, 0 to len(choices) - 1, so tests and
    benchmarks sweep it like any whole number, and the learner sees buttons
    labelled from the strings table (``param.<name>.choice.<option>``).
    """

    name: str
    unit: str
    min: float
    max: float
    step: float
    default: float
    source: str
    integer: bool = False
    heavy: float | None = None
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.choices and not (self.integer and self.min == 0 and self.step == 1
                                 and self.max == len(self.choices) - 1):
            last = len(self.choices) - 1
            raise ValueError(f"spec {self.name}: a choice is a whole number from 0 to {last}")
        if not self.min <= self.default <= self.max:
            raise ValueError(
                f"spec {self.name}: default {self.default} outside [{self.min}, {self.max}]"
            )
        if self.step <= 0:
            raise ValueError(f"spec {self.name}: step must be positive")

    @property
    def label(self) -> str:
        """Short learner-facing label, from the strings table."""
        return t(f"param.{self.name}.label")

    @property
    def help(self) -> str:
        """One sentence saying what the parameter means in the world."""
        return t(f"param.{self.name}.help")

    def choice_label(self, index: int) -> str:
        """The learner-facing name of option ``index`` of a choice."""
        return t(f"param.{self.name}.choice.{self.choices[index]}")

    @property
    def heaviest(self) -> float:
        """The value that makes the model do the most work."""
        return self.max if self.heavy is None else self.heavy

    def check(self, value: Any) -> None:
        """Raise a ValueError naming the parameter, its value and the allowed range."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        bad = not (self.min <= number <= self.max)  # also catches NaN
        if self.integer and not bad and number != int(number):
            bad = True
        if bad:
            kind = "a whole number" if self.integer else "a number"
            raise ValueError(
                f"{self.name} = {value!r} is not allowed: it must be {kind} from "
                f"{_fmt(self.min)} to {_fmt(self.max)} {self.unit}".rstrip()
            )


def _fmt(x: float) -> str:
    return f"{x:g}"


def specs_by_name(specs: Iterable[ParamSpec]) -> dict[str, ParamSpec]:
    """Index a model's specs by parameter name."""
    return {s.name: s for s in specs}


def validate(params: Any, specs: Iterable[ParamSpec]) -> None:
    """Check every field of a parameter dataclass against its spec."""
    for spec in specs:
        spec.check(getattr(params, spec.name))


def defaults(specs: Iterable[ParamSpec]) -> dict[str, float]:
    """The default value of every parameter, ints where the spec says integer."""
    return {s.name: (int(s.default) if s.integer else s.default) for s in specs}


def heaviest(specs: Iterable[ParamSpec]) -> dict[str, float]:
    """The most expensive setting of every parameter (for benchmarks)."""
    return {s.name: (int(s.heaviest) if s.integer else s.heaviest) for s in specs}


def replace(params: Any, changes: Mapping[str, Any]) -> Any:
    """A copy of a frozen parameter dataclass with some fields changed (and re-validated)."""
    return dataclasses.replace(params, **changes)


class ValidatedParams:
    """Base for a model's frozen parameter dataclass: checks every field on creation.

    A subclass sets ``SPECS`` (a tuple of :class:`ParamSpec`, one per field) and
    is declared ``@dataclass(frozen=True)``. Creating it with a value outside its
    spec raises a ValueError naming the parameter, the value and the range.
    """

    SPECS: tuple[ParamSpec, ...] = ()

    def __post_init__(self) -> None:
        validate(self, self.SPECS)

    @classmethod
    def from_defaults(cls, **changes: Any) -> Any:
        """The parameters at their published or assumed defaults, with some changed."""
        return cls(**{**defaults(cls.SPECS), **changes})
