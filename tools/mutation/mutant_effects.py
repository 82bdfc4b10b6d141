"""What an explorer's mutant changes on the learner's screen, read in one process: a triage for survivors.

    .venv/bin/python tools/mutation/mutant_effects.py "mediavsnet.lessons.*build_figure*"

A mutant the tests miss is harmless only if a learner could not see it, or
could see it without being told something false. This script answers the first
question for every mutant of an explorer at once, and names what changed for
the rest. For each mutant it opens the mutant's explorer and reads what the
learner would see (every figure property, data and layout, and the lines under
the plot) at the defaults, at each control's minimum and maximum, and again
after "Reset to defaults"; it compares that with the unmutated explorer at the
same stops. Results go to tools/mutation/results/mutant-effects.tsv, one line per
mutant:

- ``SAME``: at every stop the learner sees exactly what the course shows (a
  mutant that changes nothing there, such as a property the next update
  overwrites, a stack group renamed alike on every trace, or a declaration
  only the tests read);
- ``ERROR``: opening the explorer raised, or the explorer showed its error
  message: every test that opens it fails;
- ``CHANGED``: every property that differs, such as ``layout.margin.t`` or
  ``data[3].hovertemplate``, and ``lines`` when the text under the plot differs.

It reads mutmut's mutated copy of the package in ``mutants/`` (run ``mutmut
run`` once to make it) and reads no test: a mutant marked ``CHANGED`` may well
be caught. Run the tests on those (tools/mutation/mutants_against.py), and read
the change itself (``mutmut show NAME``) before calling it harmless.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MUTANTS = ROOT / "mutants"
RESULTS = ROOT / "tools" / "mutation" / "results" / "mutant-effects.tsv"


def mutant_names(patterns: list[str]) -> list[str]:
    """Every mutant mutmut made under explorers/ whose name matches, from its .meta files."""
    found: set[str] = set()
    for meta in (MUTANTS / "mediavsnet" / "explorers").glob("*.meta"):
        found.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return sorted(n for n in found if any(fnmatch.fnmatch(n, p) for p in patterns))


def flatten(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf of a plotly figure's JSON, by its path; arrays as tuples of floats or strings."""
    if isinstance(value, dict):
        for key in sorted(value):
            yield from flatten(value[key], f"{path}.{key}" if path else key)
    elif isinstance(value, (list, tuple)) and value and isinstance(value[0], dict):
        for i, item in enumerate(value):
            yield from flatten(item, f"{path}[{i}]")
    elif hasattr(value, "tolist"):
        yield path, _comparable(value.tolist())
    elif isinstance(value, (list, tuple)):
        yield path, _comparable(list(value))
    else:
        yield path, _comparable(value)


def _comparable(value: Any) -> Any:
    """Lists as tuples and NaN as a marker, so two equal screens compare equal."""
    if isinstance(value, list):
        return tuple(_comparable(v) for v in value)
    if isinstance(value, float) and value != value:
        return "NaN"
    return value


def screens(cls: type) -> list[dict[str, Any]]:
    """What the learner sees at each stop: defaults, each control at each end, then after a reset."""
    explorer = cls()
    stops = [_screen(explorer)]
    for spec in cls.specs:
        for end in (spec.min, spec.max):
            explorer.reset()
            explorer.set(**{spec.name: int(end) if spec.integer else end})
            stops.append(_screen(explorer))
    explorer.reset()
    stops.append(_screen(explorer))
    return stops


#: Properties whose values only tie traces together: renaming every one alike changes nothing seen.
GROUPS = (".stackgroup", ".legendgroup", ".offsetgroup", ".alignmentgroup")


def _screen(explorer: Any) -> dict[str, Any]:
    if explorer.error:
        raise RuntimeError(explorer.error)
    seen = group_names_alike(dict(flatten(explorer.fig.to_plotly_json())))
    seen["lines"] = explorer.summary
    return seen


def group_names_alike(seen: dict[str, Any]) -> dict[str, Any]:
    """Each group's name replaced by its order of appearance: what the names tie together stays."""
    groups: dict[Any, str] = {}
    return {key: groups.setdefault(value, f"group {len(groups)}") if key.endswith(GROUPS) and value else value
            for key, value in seen.items()}


def differences(mine: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> list[str]:
    """The properties (or ``lines``) that differ at any stop; trace ids are random, so left out.

    A plotly template counts as one property, and an array's encoding as the array.
    """
    changed: set[str] = set()
    for a, b in zip(mine, theirs, strict=True):
        changed.update(_property(k) for k in a.keys() | b.keys()
                       if not k.endswith(".uid") and a.get(k, "absent") != b.get(k, "absent"))
    return sorted(changed)


def _property(path: str) -> str:
    if path.startswith("layout.template."):
        return "layout.template"
    return re.sub(r"\.(bdata|dtype|shape)$", "", path)


def effect(name: str, cls: type, original: list[dict[str, Any]]) -> tuple[str, str]:
    """One mutant's verdict and, when it changes something, what."""
    os.environ["MUTANT_UNDER_TEST"] = name
    try:
        seen = screens(cls)
    except Exception as exc:  # noqa: BLE001 - any failure is what the learner would meet
        return "ERROR", f"{type(exc).__name__}: {exc}"[:200].replace("\n", " ")
    finally:
        os.environ["MUTANT_UNDER_TEST"] = ""
    changed = differences(seen, original)
    if not changed:
        return "SAME", ""
    return "CHANGED", ", ".join(changed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("patterns", nargs="+", help="mutmut name patterns (explorers only)")
    args = parser.parse_args()
    if not MUTANTS.is_dir():
        sys.exit("no mutants/: run mutmut once first (tools/mutation/mutation.py --no-hand --code PATTERN)")
    sys.path.insert(0, str(MUTANTS))
    os.environ["MUTANT_UNDER_TEST"] = ""
    from mediavsnet.lessons import EXPLORERS  # the mutated copy, found first on the path

    by_module = {cls.__module__: cls for cls in EXPLORERS.values()}
    todo = mutant_names(args.patterns)
    originals = {module: screens(cls) for module, cls in by_module.items()}
    RESULTS.parent.mkdir(exist_ok=True)
    counts: dict[str, int] = {}
    with RESULTS.open("a", encoding="utf-8") as out:
        for name in todo:
            module = name.rpartition(".")[0]
            if module not in by_module:
                continue
            start = time.monotonic()
            verdict, what = effect(name, by_module[module], originals[module])
            counts[verdict] = counts.get(verdict, 0) + 1
            line = f"{name}\t{verdict}\t{what}\t{time.monotonic() - start:.1f}"
            print(line, flush=True)
            out.write(line + "\n")
            out.flush()
    print("; ".join(f"{n} {v}" for v, n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
