"""Run the browser tests several times in a row with the CPU kept busy, and count passes per test.

A browser test that passes on an idle machine may still wait on luck: a fixed
pause that is long enough only when nothing else runs, or a step that races the
kernel. This tool shows it: it starts ``--load`` processes that keep a core each
busy (each stops by itself after ``--max-minutes``, and all are stopped at the
end), runs the browser tests ``--runs`` times one after another, and prints,
for every test, how many runs it passed. It exits 0 only when every test passed
every run.

    .venv/bin/python tools/stress_browser.py --runs 5 --load 2
    .venv/bin/python tools/stress_browser.py --runs 3 --load 1 tests/browser/test_plan_in_browser.py

Anything after ``--`` goes to pytest (for example ``-- -k voila``). The runs
use the project's pytest settings (pyproject.toml), CI=true (a missing browser
fails), and write their reports to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: One busy core: a loop that ends by itself, so that no load outlives the tool.
BUSY = ("import sys, time\nend = time.monotonic() + float(sys.argv[1])\n"
        "while time.monotonic() < end:\n    pass\n")


def start_load(processes: int, seconds: float) -> list[subprocess.Popen]:
    """``processes`` busy loops, each at most ``seconds`` long."""
    return [subprocess.Popen([sys.executable, "-c", BUSY, str(seconds)]) for _ in range(processes)]


def stop(load: list[subprocess.Popen]) -> None:
    for process in load:
        process.terminate()
    for process in load:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def outcomes(report: Path) -> dict[str, str]:
    """Each test's outcome in a junit XML report: passed, failed, error or skipped."""
    results: dict[str, str] = {}
    for case in ElementTree.parse(report).iter("testcase"):
        name = f"{case.get('classname', '')}::{case.get('name', '')}"
        found = {child.tag for child in case}
        results[name] = ("failed" if "failure" in found else "error" if "error" in found
                         else "skipped" if "skipped" in found else "passed")
    return results


def run_once(paths: list[str], extra: list[str], report: Path, timeout_s: float) -> tuple[int, float]:
    """One run of the browser tests; its exit code and its minutes."""
    env = {**os.environ, "CI": "true"}
    command = [sys.executable, "-m", "pytest", *paths, "-q", "-m", "browser", f"--junitxml={report}", *extra]
    started = time.monotonic()
    try:
        code = subprocess.run(command, cwd=ROOT, env=env, timeout=timeout_s).returncode
    except subprocess.TimeoutExpired:
        code = -1
    return code, (time.monotonic() - started) / 60


def table(counts: dict[str, dict[str, int]], runs: int) -> str:
    rows = []
    for name in sorted(counts):
        passed = counts[name].get("passed", 0)
        others = ", ".join(f"{n} {kind}" for kind, n in sorted(counts[name].items()) if kind != "passed")
        rows.append(f"{passed}/{runs}  {name}" + (f"  ({others})" if others else ""))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[: argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["tests/browser"], help="test files or folders")
    parser.add_argument("--runs", type=int, default=5, help="how many runs in a row (default 5)")
    parser.add_argument("--load", type=int, default=2, help="busy processes beside the tests (default 2)")
    parser.add_argument("--max-minutes", type=float, default=180,
                        help="the most the load and each run may last (default 180)")
    args = parser.parse_args(argv)

    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    load = start_load(args.load, args.max_minutes * 60)
    try:
        with tempfile.TemporaryDirectory(prefix="mediavsnet-stress-") as tmp:
            for run in range(1, args.runs + 1):
                report = Path(tmp) / f"run{run}.xml"
                code, minutes = run_once(args.paths, extra, report, args.max_minutes * 60)
                found = outcomes(report) if report.exists() else {}
                for name, outcome in found.items():
                    counts[name][outcome] += 1
                failed = sum(1 for o in found.values() if o in ("failed", "error"))
                print(f"run {run}/{args.runs}: exit {code}, {len(found)} tests, {failed} failed, "
                      f"{minutes:.1f} min, load {args.load}", flush=True)
                if not found:
                    print("  no report: the run did not get as far as the tests", flush=True)
    finally:
        stop(load)
    print(f"\npasses per test, over {args.runs} runs with {args.load} busy processes:")
    print(table(counts, args.runs))
    every = bool(counts) and all(c.get("passed", 0) == args.runs for c in counts.values())
    print("\nevery test passed every run" if every else "\nnot every test passed every run")
    return 0 if every else 1


if __name__ == "__main__":
    sys.exit(main())
