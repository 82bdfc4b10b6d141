"""One home per lesson, named by its number: ``lNN_<slug>/`` holds the lesson's explorer
(``explorer.py``), its kept tables (``tables.py``), its presets (``presets.json``) and any helper
of its own (lesson 07's ``planner.py``). Its strings are in ``mediavsnet/locales/<language>/lessonNN.toml``.

A lesson imports shared code only (core, models, explorer, learning), never another lesson:
what two lessons share moves down into shared code. The architecture test
(``tests/test_architecture.py``, contracts in ``pyproject.toml``) keeps it so.

``EXPLORERS`` (every explorer class by name, in lesson order, for the tests and benchmarks that
sweep them all) is built on first use, so that a notebook importing its own lesson does not
import the others.
"""

from __future__ import annotations

import importlib
from importlib.util import find_spec
from typing import TYPE_CHECKING

from mediavsnet.core.lesson_list import LESSONS

if TYPE_CHECKING:
    from mediavsnet.explorer.base import Explorer


def explorers() -> dict[str, type[Explorer]]:
    """Every lesson's explorer class by its name, in lesson order."""
    from mediavsnet.explorer.base import Explorer

    found: dict[str, type[Explorer]] = {}
    for lesson in LESSONS:
        module = f"{lesson.module}.explorer"
        if find_spec(lesson.module) is None or find_spec(module) is None:
            continue
        for value in vars(importlib.import_module(module)).values():
            if isinstance(value, type) and issubclass(value, Explorer) and value is not Explorer \
                    and value.__module__ == module:
                found[value.name] = value
    return found


def __getattr__(name: str):
    if name == "EXPLORERS":
        return explorers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
