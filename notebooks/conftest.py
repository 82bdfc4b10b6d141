"""How nbval checks the lesson notebooks (``pytest`` runs them with ``--nbval``).

Every cell of every notebook must run without an error, in order, in one fresh
kernel. Outputs are compared only where the course stores them: in the cells
tagged ``keep_output`` (a few deterministic text results that carry the
lesson's claim). Every other cell has its outputs stripped in git, so whatever
it prints or displays (a widget, a figure, a quiz) is not compared.

nbval compares a cell only when its stored ``execution_count`` is set, and the
canonical form nulls every count (so that inserting a cell changes no other
cell). The hook below therefore gives each kept cell its count in memory, at
collection time: the file is not touched.
"""

from __future__ import annotations

import copy

KEEP = "keep_output"


def _is_nbval_cell(item) -> bool:
    return type(item).__name__ == "IPyNbCell" and hasattr(item, "cell") and hasattr(item, "options")


def pytest_collection_modifyitems(session, config, items):
    for item in items:
        if not _is_nbval_cell(item):
            continue
        tags = item.cell.get("metadata", {}).get("tags", [])
        if KEEP in tags:
            # Compare exactly (after notebooks/sanitize.cfg), on every run.
            item.options["check"] = True
            if item.cell.get("execution_count") is None:
                item.cell = copy.deepcopy(item.cell)
                item.cell.execution_count = item.cell_num + 1
        else:
            # Stripped cells: they must run without error; what they show is not compared.
            # (A stripped cell that still has stored outputs fails: "Unrun reference cell has outputs".)
            item.options["check"] = False
