"""Run mutmut's mutants against the tests you choose: a fast first pass for shared code.

    .venv/bin/python tools/mutation/mutants_against.py "mediavsnet.explorer.base.*" \\
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
tools/mutation/results/mutants-against.tsv (name, CAUGHT or MISSED, seconds).

With ``--one-process``, each of the two test processes is started once and
tests its share of the mutants in turn (tools/mutation/mutant_loop.py), and a
mutant in one explorer's code is run only against the tests of that explorer
and those that name none: much faster when there are hundreds of mutants.

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

ROOT = Path(__file__).resolve().parents[2]
MUTANTS = ROOT / "mutants"
RESULTS = ROOT / "tools" / "mutation" / "results" / "mutants-against.tsv"
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


def run_in_one_process(share: list[str], tests: list[str], timeout: float, results: Path) -> None:
    """A share of the mutants, one after another in a single pytest process (mutant_loop.py)."""
    todo = results.with_suffix(".todo")
    todo.write_text("\n".join(share), encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(ROOT / "tools" / "mutation"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "MEDIAVSNET_HYPOTHESIS": "mutation", "MUTANT_LOOP_TODO": str(todo),
           "MUTANT_LOOP_RESULTS": str(results), "MUTANT_LOOP_TIMEOUT": str(int(timeout)), "PYTHONPATH": path}
    subprocess.run(PYTEST + ["-p", "mutant_loop"] + tests, cwd=MUTANTS, env=env, capture_output=True)
    todo.unlink()


def one_process_each(todo: list[str], tests: list[str], children: int,
                     timeout: float) -> list[tuple[str, bool, float]]:
    """Every mutant, shared between ``children`` test processes, each started once."""
    shares = [todo[i::children] for i in range(children)]
    outs = [RESULTS.with_name(f"mutant-loop-{i}.tsv") for i in range(children)]
    for out in outs:
        out.unlink(missing_ok=True)
    with ThreadPoolExecutor(children) as pool:
        list(pool.map(lambda i: run_in_one_process(shares[i], tests, timeout, outs[i]), range(children)))
    found = {}
    for out in outs:
        for line in out.read_text(encoding="utf-8").splitlines() if out.exists() else []:
            name, verdict, seconds = line.split("\t")
            found[name] = (name, verdict == "CAUGHT", float(seconds))
        out.unlink(missing_ok=True)
    missing = sorted(set(todo) - set(found))
    if missing:  # the process stopped (a crash in a mutant): those not reached are not counted
        print(f"{len(missing)} mutants not reached, from {missing[0]}: run them again", file=sys.stderr)
    return [found[name] for name in todo if name in found]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("patterns", nargs="+", help="mutmut name patterns")
    parser.add_argument("--tests", nargs="+", required=True, help="test files or node ids")
    parser.add_argument("--children", type=int, default=2, help="test processes at once (default 2)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds until a mutant counts as hung")
    parser.add_argument("--all", action="store_true", help="also mutants mutmut has run")
    parser.add_argument("--one-process", action="store_true",
                        help="each test process tests many mutants in turn (tools/mutation/mutant_loop.py)")
    args = parser.parse_args()
    if not MUTANTS.is_dir():
        sys.exit("no mutants/: run mutmut once first (tools/mutation/mutation.py --no-hand --code PATTERN)")
    _, broken, _ = run("", args.tests, args.timeout)  # no mutant: the tests on the code as it is
    if broken:
        sys.exit("the chosen tests fail on the unmutated code: fix that first")
    todo = mutants(args.patterns, args.all)
    RESULTS.parent.mkdir(exist_ok=True)
    missed = 0
    if args.one_process:
        done = one_process_each(todo, args.tests, args.children, args.timeout)
    else:
        pool = ThreadPoolExecutor(args.children)
        done = pool.map(lambda m: run(m, args.tests, args.timeout), todo)
    with RESULTS.open("a", encoding="utf-8") as out:
        for name, caught, seconds in done:
            missed += not caught
            line = f"{name}\t{'CAUGHT' if caught else 'MISSED'}\t{seconds:.0f}"
            print(line, flush=True)
            out.write(line + "\n")
    print(f"{len(todo) - missed} of {len(todo)} caught; {missed} missed (read each: mutmut show NAME)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
