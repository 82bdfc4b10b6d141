"""A pytest plugin that runs many mutants in one test process: collect once, then test each in turn.

Used by ``mutants_against.py --one-process``. Starting pytest and importing
plotly and ipywidgets costs seconds per mutant; a mutant in one explorer's code
needs only the tests of that explorer (and the tests that name none). This
plugin reads the mutants from the file named by MUTANT_LOOP_TODO, and for each:
sets it active (mutmut's trampoline reads MUTANT_UNDER_TEST at every call),
runs the chosen tests fastest first until one fails, and appends
``name<TAB>CAUGHT|MISSED<TAB>seconds`` to MUTANT_LOOP_RESULTS.

A test that runs longer than MUTANT_LOOP_TIMEOUT seconds (default 300) fails,
so a mutant that hangs counts as caught. State a mutant leaves in a module
(a cache, say) could leak into the next one; mutants_against.py's default, one
process per mutant, has no such risk, so check a sample both ways.
"""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import pytest
from _pytest.runner import runtestprotocol


def _explorer_names() -> dict[str, str]:
    """Each explorer module's registry name (``mediavsnet.lessons.l05_roi.explorer``: ``roi``)."""
    from mediavsnet.lessons import EXPLORERS

    return {cls.__module__: name for name, cls in EXPLORERS.items()}


def tests_for(mutant: str, items: list[pytest.Item], names: dict[str, str]) -> list[pytest.Item]:
    """The tests a mutant can fail: for an explorer's code, those of no other explorer."""
    mine = names.get(mutant.rpartition(".")[0])
    if mine is None:
        return items
    others = [n for n in names.values() if n != mine]

    def about_another(item: pytest.Item) -> bool:
        callspec = getattr(item, "callspec", None)
        ident = callspec.id if callspec else ""
        return any(re.search(rf"(^|-){re.escape(n)}($|-)", ident) for n in others) and not re.search(
            rf"(^|-){re.escape(mine)}($|-)", ident)

    return [item for item in items if not about_another(item)]


def _too_long(signum, frame):  # noqa: ARG001 - the signal handler's signature
    raise TimeoutError("a test ran past MUTANT_LOOP_TIMEOUT: the mutant counts as caught")


def pytest_runtestloop(session: pytest.Session) -> bool:
    todo = Path(os.environ["MUTANT_LOOP_TODO"]).read_text(encoding="utf-8").split()
    results = Path(os.environ["MUTANT_LOOP_RESULTS"])
    timeout = int(os.environ.get("MUTANT_LOOP_TIMEOUT", "300"))
    names = _explorer_names()
    signal.signal(signal.SIGALRM, _too_long)
    for mutant in todo:
        os.environ["MUTANT_UNDER_TEST"] = mutant
        start = time.monotonic()
        caught = False
        for item in tests_for(mutant, session.items, names):
            signal.alarm(timeout)
            try:
                reports = runtestprotocol(item, nextitem=None, log=False)
            finally:
                signal.alarm(0)
            if any(report.failed for report in reports):
                caught = True
                break
        os.environ["MUTANT_UNDER_TEST"] = ""
        line = f"{mutant}\t{'CAUGHT' if caught else 'MISSED'}\t{time.monotonic() - start:.0f}\n"
        with results.open("a", encoding="utf-8") as out:
            out.write(line)
    return True
