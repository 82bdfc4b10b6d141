"""Mutation testing in one command: mutmut on the code, then the hand mutations on data and constants.

    .venv/bin/python tools/mutation/mutation.py                       # everything (slow: tens of minutes)
    .venv/bin/python tools/mutation/mutation.py --code "mediavsnet.models.relationships*"
    .venv/bin/python tools/mutation/mutation.py --no-hand             # mutmut only
    .venv/bin/python tools/mutation/mutation.py --no-code             # the hand mutations only

mutmut is configured in pyproject.toml ([tool.mutmut]: which files, which
tests). It keeps its work in mutants/ (not committed) and only re-tests what
changed since its last run; delete mutants/ to start afresh. This script runs
it with at most two test processes at once (``--children``) and hypothesis's
"mutation" profile (fewer examples, tests/conftest.py), then reads its
results and prints, per module, the share of mutants the tests caught and every
survivor (``.venv/bin/mutmut show <name>`` prints one's diff). Then it runs
tools/mutation/mutate_by_hand.py. A summary goes to tools/mutation/results/mutation.md;
the committed report with the reasons survivors are harmless is
tools/mutation/mutation-report.md.

Exit code: 0 when nothing survived, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import os
import re
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "tools" / "mutation" / "results"
MUTMUT = Path(sys.executable).with_name("mutmut")
CAUGHT = {"killed", "timeout", "caught by type check", "segfault"}
MISSED = {"survived", "no tests", "suspicious"}


def module_of(mutant: str) -> str:
    """mediavsnet.models.relationships.x_simulate__mutmut_3 -> mediavsnet.models.relationships."""
    return re.split(r"\.x[_ǁ]", mutant, maxsplit=1)[0]


def mutmut_results() -> dict[str, str]:
    out = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True)
    found = {}
    for line in out.stdout.splitlines():
        match = re.match(r"\s+(\S+): (.+)$", line)
        if match:
            found[match.group(1)] = match.group(2).strip()
    return found


def summary(results: dict[str, str]) -> tuple[str, int]:
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for name, status in sorted(results.items()):
        by_module[module_of(name)][status] += 1
        if status in MISSED:
            survivors[module_of(name)].append(f"{name} ({status})")
    lines = ["| Module | Mutants run | Caught | Survived | Score |", "|---|---:|---:|---:|---:|"]
    for module, counts in sorted(by_module.items()):
        caught = sum(counts[s] for s in CAUGHT)
        missed = sum(counts[s] for s in MISSED)
        run = caught + missed
        score = f"{100 * caught / run:.0f} %" if run else "not run"
        lines.append(f"| `{module}` | {run} | {caught} | {missed} | {score} |")
    missed_total = sum(len(v) for v in survivors.values())
    for module, names in sorted(survivors.items()):
        lines.append(f"\nSurvivors in `{module}`:\n")
        lines += [f"- `{n}`" for n in names]
    return "\n".join(lines), missed_total


def refresh_unmutated_files() -> int:
    """Copy the package's files that mutmut does not mutate into mutants/ when they changed.

    mutmut regenerates a mutated file when its source changes, but copies the
    package's other files (the strings table, presets, modules it does not
    mutate) only once: without this, a run after editing the strings table would
    test against the old words.
    """
    only = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]["only_mutate"]
    copied = 0
    for source in (ROOT / "mediavsnet").rglob("*"):
        relative = source.relative_to(ROOT)
        mutated = source.suffix == ".py" and any(fnmatch.fnmatch(str(relative), p) for p in only)
        target = ROOT / "mutants" / relative
        if source.is_file() and not mutated and "__pycache__" not in source.parts:
            if not target.exists() or target.read_bytes() != source.read_bytes():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read_bytes())
                copied += 1
    return copied


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", nargs="*", default=[], help="mutmut name patterns (default: all)")
    parser.add_argument("--children", type=int, default=2, help="test processes at once (default 2)")
    parser.add_argument("--no-code", action="store_true", help="skip mutmut")
    parser.add_argument("--no-hand", action="store_true", help="skip the hand mutations")
    parser.add_argument("--fast", action="store_true", help="hand mutations without the notebooks")
    options = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = [f"# Mutation run, {datetime.date.today().isoformat()}\n"]
    missed = 0
    if not options.no_code:
        if (ROOT / "mutants").exists():
            refresh_unmutated_files()
        log = RESULTS / "mutmut.log"
        print(f"mutmut run (its progress goes to {log.relative_to(ROOT)}) ...", flush=True)
        # fewer hypothesis examples per property (tests/conftest.py): seconds per mutant, not minutes
        env = {**os.environ, "MEDIAVSNET_HYPOTHESIS": "mutation"}
        with log.open("w", encoding="utf-8") as out:
            subprocess.run([str(MUTMUT), "run", "--max-children", str(options.children), *options.code],
                           cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
        table, missed = summary(mutmut_results())
        print(table)
        report += ["## mutmut\n", table, ""]
    if not options.no_hand:
        args = [sys.executable, str(ROOT / "tools" / "mutation" / "mutate_by_hand.py")]
        args += ["--fast"] if options.fast else []
        done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
        print(done.stdout, done.stderr, sep="")
        missed += done.returncode != 0
        report += ["## By hand\n", "```", done.stdout.strip(), "```", ""]
    (RESULTS / "mutation.md").write_text("\n".join(report) + "\n", encoding="utf-8")
    return 0 if missed == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
