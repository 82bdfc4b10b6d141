"""Each notebook's restart-and-run-all time: wall clock, and CPU time inside the kernel.

    python benchmarks/notebook_runtime.py [NOTEBOOK ...]     (default: every lesson notebook)

Runs every notebook in notebooks/ with nbclient in a fresh kernel, with one cell
added at the start and one at the end that read the kernel's own CPU clock, so
the kernel time excludes the kernel's start-up. Budget (DESIGN.md): under 5 s of
kernel time. Results go to benchmarks/results/notebook_runtime.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
BUDGET_S = 5.0
CLOCK = (
    "import time as _t, json as _j; print(_j.dumps({'cpu': _t.process_time(), 'wall': _t.perf_counter()}))"
)


def run(path: Path) -> dict[str, float]:
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(CLOCK))
    nb.cells.append(nbformat.v4.new_code_cell(CLOCK))
    t0 = time.perf_counter()
    where = {"metadata": {"path": str(path.parent)}}
    NotebookClient(nb, timeout=120, kernel_name="python3", resources=where).execute()
    wall = time.perf_counter() - t0
    first, last = (json.loads(nb.cells[i].outputs[0]["text"]) for i in (0, -1))
    return {
        "notebook": path.name,
        "wall_with_startup_s": wall,
        "kernel_cpu_s": last["cpu"] - first["cpu"],
        "kernel_wall_s": last["wall"] - first["wall"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()
    paths = [p.resolve() for p in args.paths] or sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    rows = [run(p) for p in paths]
    print(f"{'notebook':<28} {'kernel CPU s':>12} {'kernel wall s':>13} {'with start-up s':>16}  verdict")
    for r in rows:
        verdict = "ok" if r["kernel_cpu_s"] < BUDGET_S else "MISS: over 5 s"
        print(
            f"{r['notebook']:<28} {r['kernel_cpu_s']:>12.2f} {r['kernel_wall_s']:>13.2f} "
            f"{r['wall_with_startup_s']:>16.2f}  {verdict}"
        )
    misses = [r for r in rows if r["kernel_cpu_s"] >= BUDGET_S]
    for r in misses:
        print(
            f"!!! MISS: {r['notebook']} used {r['kernel_cpu_s']:.2f} s of kernel CPU "
            f"(budget {BUDGET_S:.0f} s)",
            file=sys.stderr,
        )
    print(f"{len(misses)} MISS(ES) out of {len(rows)}" if misses else f"all {len(rows)} within budget")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "notebook_runtime.json"
    out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(f"written: {out.relative_to(ROOT)}")
    return 0  # a measurement, not a test: MISSES are reported, never fatal


if __name__ == "__main__":
    raise SystemExit(main())
