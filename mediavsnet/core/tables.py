"""The plain-text table every lesson's kept tables are printed with.

Lessons keep these outputs in git (cells tagged ``keep_output``), so they show
on GitHub and the tests compare them on every run: if a model change moves a
number a lesson's prose relies on, a test says so. Plain text, deterministic.
Each lesson's own tables are in its home (``mediavsnet/lessons/lNN_<slug>/tables.py``).
"""

from __future__ import annotations

from collections.abc import Sequence


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table, as a lesson prints it: first column left-aligned, numbers right-aligned.

    Every lesson's kept tables use it, so they all look alike in a notebook and in a
    printed handout.
    """
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(f"{cell:>{w}}" if i else f"{cell:<{w}}" for i, (cell, w) in
                       enumerate(zip(row, widths, strict=True))) for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
