"""Explorer update latency, in-process: model + figure update, as a slider move triggers it.

For every explorer in mediavsnet.lessons.EXPLORERS, at its default settings and
at its heaviest (``specs.heaviest(cls.specs)``), move each control back and
forth between two neighbouring values (``--moves`` times per control, after a
few untimed warm-up moves) and time ``explorer.set(...)``, which runs the model
and updates the FigureWidget's traces inside ``batch_update``. A move that ends
in a visible error message aborts the run: an error is fast and would flatter
the numbers.

    python benchmarks/explorer_latency.py [--moves 200]

Budgets (DESIGN.md): p95 at most 16 ms at defaults, 50 ms at the heaviest, in
wall-clock time (what a learner waits). The table also gives the p95 of the
thread's CPU time: on a busy machine the wall-clock times grow with the load
while the CPU time shows what the update itself costs.
Results are printed and written to benchmarks/results/explorer_latency.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from mediavsnet.core import specs
from mediavsnet.lessons import EXPLORERS

BUDGET_MS = {"default": 16.0, "heaviest": 50.0}
RESULTS = Path(__file__).resolve().parent / "results"


def neighbour(spec: specs.ParamSpec, value: float) -> float:
    """A value one step away, inside the range."""
    other = value + spec.step if value + spec.step <= spec.max else value - spec.step
    return int(other) if spec.integer else round(other, 10)


WARM_UP = 5


def measure(cls, setting: str, moves: int) -> dict[str, object]:
    start = specs.defaults(cls.specs) if setting == "default" else specs.heaviest(cls.specs)
    explorer = cls(**start)
    times: list[float] = []
    cpu: list[float] = []
    per_control: dict[str, float] = {}
    for spec in cls.specs:
        a, b = start[spec.name], neighbour(spec, start[spec.name])
        mine = []
        for i in range(WARM_UP + moves):
            t0, c0 = time.perf_counter(), time.thread_time()
            explorer.set(**{spec.name: b if i % 2 == 0 else a})
            elapsed, on_cpu = time.perf_counter() - t0, time.thread_time() - c0
            if explorer.error:
                raise RuntimeError(f"{cls.name} {setting} {spec.name}: {explorer.error}")
            if i >= WARM_UP:
                mine.append(elapsed)
                cpu.append(on_cpu)
        explorer.set(**{spec.name: a})
        times += mine
        per_control[spec.name] = float(np.percentile(np.array(mine) * 1000, 95))
    ms = np.array(times) * 1000
    return {
        "p50_ms": float(np.percentile(ms, 50)),
        "p95_ms": float(np.percentile(ms, 95)),
        "max_ms": float(ms.max()),
        # CPU time of the kernel's thread: what the update costs, whatever else the machine runs.
        "cpu_p95_ms": float(np.percentile(np.array(cpu) * 1000, 95)),
        "moves": len(ms),
        "p95_ms_by_control": per_control,
        "settings": start,
    }


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("explorers", nargs="*", help=f"some explorers only: {', '.join(EXPLORERS)}")
    args = parser.parse_args()
    unknown = set(args.explorers) - set(EXPLORERS)
    if unknown:
        parser.error(f"no explorer named {', '.join(sorted(unknown))}; there are {', '.join(EXPLORERS)}")
    rows = []
    for name, cls in EXPLORERS.items():
        if args.explorers and name not in args.explorers:
            continue
        for setting, budget in BUDGET_MS.items():
            result = measure(cls, setting, args.moves)
            rows.append(
                {
                    "explorer": name,
                    "setting": setting,
                    "budget_p95_ms": budget,
                    **result,
                    "within_budget": result["p95_ms"] <= budget,
                }
            )
    columns = ("p50 ms", "p95 ms", "max ms", "cpu p95", "budget")
    print(f"{'explorer':<14} {'setting':<9} " + " ".join(f"{c:>7}" for c in columns) + "  verdict")
    for r in rows:
        verdict = "ok" if r["within_budget"] else "MISS: over budget"
        print(
            f"{r['explorer']:<14} {r['setting']:<9} {r['p50_ms']:>7.2f} {r['p95_ms']:>7.2f} "
            f"{r['max_ms']:>7.2f} {r['cpu_p95_ms']:>7.2f} {r['budget_p95_ms']:>7.0f}  {verdict}"
        )
    misses = [r for r in rows if not r["within_budget"]]
    for r in misses:
        slowest = max(r["p95_ms_by_control"].items(), key=lambda kv: kv[1])
        print(
            f"!!! MISS: {r['explorer']} at {r['setting']} settings: p95 {r['p95_ms']:.1f} ms > "
            f"{r['budget_p95_ms']:.0f} ms (slowest control: {slowest[0]}, p95 {slowest[1]:.1f} ms)"
        )
    print(f"{len(misses)} MISS(ES) out of {len(rows)}" if misses else f"all {len(rows)} within budget")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "explorer_latency.json"
    out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(f"written: {out.relative_to(Path(__file__).resolve().parents[1])}")
    return 0  # a measurement, not a test: MISSES are reported, never fatal


if __name__ == "__main__":
    raise SystemExit(main())
