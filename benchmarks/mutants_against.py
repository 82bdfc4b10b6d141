"""Run mutmut's mutants against the tests you choose: a fast first pass for shared code.

    .venv/bin/python benchmarks/mutants_against.py "mediavsnet.explorers.base.*" \\
        --tests tests/test_explorers.py tests/test_words_and_controls.py tests/test_update_path.py

mutmut runs, for each mutant, every test that reaches the mutated function. For
code that every explorer calls (``explorers.base``, each ``build_figure``),
that is nearly the whole suite, and a mutant the tests miss costs minutes. This
script runs each mutant against only the tests you name, stopping at the first
failure, two at a time. A mutant they catch is caught. One they miss is not yet
a survivor: read its diff (``.venv/bin/mutmut show NAME``), then run the
rest of the suite on it or explain why a learner could not see it.

It uses mutmut's work: run ``mutmut run`` once first (any pattern) so that
``mutants/`` holds the mutated copy of the package. The mutants are the ones
mutmut has not yet run, unless ``--all``. The tests run first on the unmutated
code: if they fail there, nothing is counted. Results go to
benchmarks/results/mutants-against.tsv (name, CAUGHT or MISSED, seconds).

Exit code: 0 when every mutant was caught, 1 otherwise.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
RESULTS = ROOT / "benchmarks" / "results" / "mutants-against.tsv"
#: The options mutmut passes pytest (pyproject.toml, [tool.mutmut]): no notebooks, no cache.
PYTEST = [sys.executable, "-m", "pytest", "-q", "-x",
          "-p", "no:nbval", "-o", "addopts=", "-p", "no:cacheprovider"]


def mutants(patterns: list[str], everything: bool) -> list[str]:
    """The mutants mutmut made whose names match, from its .meta files (None: not run yet)."""
    found = {}
    for meta in MUTANTS.glob("mediavsnet/**/*.meta"):
        found.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return sorted(name for name, code in found.items()
                  if any(fnmatch.fnmatch(name, p) for p in patterns) and (everything or code is None))


def run(mutant: str, tests: list[str], timeout: float) -> tuple[str, bool, float]:
    """One mutant against the tests: (name, caught, seconds). A run that hangs is caught."""
    env = {**os.environ, "MUTANT_UNDER_TEST": mutant, "MEDIAVSNET_HYPOTHESIS": "mutation"}
    start = time.monotonic()
    try:
        done = subprocess.run(PYTEST + tests, cwd=MUTANTS, env=env, capture_output=True, timeout=timeout)
        caught = done.returncode != 0
    except subprocess.TimeoutExpired:
        caught = True
    return mutant, caught, time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("patterns", nargs="+", help="mutmut name patterns")
    parser.add_argument("--tests", nargs="+", required=True, help="test files or node ids")
    parser.add_argument("--children", type=int, default=2, help="test processes at once (default 2)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds until a mutant counts as hung")
    parser.add_argument("--all", action="store_true", help="also mutants mutmut has run")
    args = parser.parse_args()
    if not MUTANTS.is_dir():
        sys.exit("no mutants/: run mutmut once first (benchmarks/mutation.py --no-hand --code PATTERN)")
    _, broken, _ = run("", args.tests, args.timeout)  # no mutant: the tests on the code as it is
    if broken:
        sys.exit("the chosen tests fail on the unmutated code: fix that first")
    todo = mutants(args.patterns, args.all)
    RESULTS.parent.mkdir(exist_ok=True)
    missed = 0
    with ThreadPoolExecutor(args.children) as pool, RESULTS.open("a", encoding="utf-8") as out:
        for name, caught, seconds in pool.map(lambda m: run(m, args.tests, args.timeout), todo):
            missed += not caught
            line = f"{name}\t{'CAUGHT' if caught else 'MISSED'}\t{seconds:.0f}"
            print(line, flush=True)
            out.write(line + "\n")
    print(f"{len(todo) - missed} of {len(todo)} caught; {missed} missed (read each: mutmut show NAME)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
