"""What keeping the figure's stored state current costs an explorer update, measured side by side.

    python benchmarks/stored_state_cost.py [--moves 100]

Every explorer keeps its FigureWidget's stored state (what a reloaded page, a
second tab or Voilà draws first) equal to the figure
(``mediavsnet/explorer/figure.py``). This measures what that adds to an
update, in two ways that do not depend on how busy the machine is:

- **side by side**: two explorers of the same kind, one as the course builds it
  and one whose figure is left as plotly makes it, moved in alternation (the
  same one-step moves of every control as ``explorer_latency.py``), so that
  both see the same load; p50 and p95 of ``explorer.set(...)`` for each;
- **the copy alone**: the time spent copying into the stored state, timed
  inside every update of the kept explorer.

Results are printed and written to benchmarks/results/stored_state_cost.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from mediavsnet.core import specs
from mediavsnet.explorer import base, figure
from mediavsnet.lessons import EXPLORERS

RESULTS = Path(__file__).resolve().parent / "results"
WARM_UP = 5


def neighbour(spec: specs.ParamSpec, value: float) -> float:
    other = value + spec.step if value + spec.step <= spec.max else value - spec.step
    return int(other) if spec.integer else round(other, 10)


def plain(cls, start):
    """An explorer whose figure's stored state is left as plotly keeps it."""
    keep = base.keep_views_current
    base.keep_views_current = lambda fig: fig
    try:
        return cls(**start)
    finally:
        base.keep_views_current = keep


def measure(cls, setting: str, moves: int) -> dict[str, object]:
    start = specs.defaults(cls.specs) if setting == "default" else specs.heaviest(cls.specs)
    kept, bare = cls(**start), plain(cls, start)
    copying: list[float] = []
    on_message = figure._on_message

    def timed(*args):
        t0 = time.perf_counter()
        on_message(*args)
        copying[-1] += time.perf_counter() - t0

    figure._on_message = timed
    times: dict[str, list[float]] = {"kept": [], "plain": []}
    per_update_copy: list[float] = []
    try:
        for spec in cls.specs:
            a, b = start[spec.name], neighbour(spec, start[spec.name])
            for i in range(WARM_UP + moves):
                value = b if i % 2 == 0 else a
                order = (("kept", kept), ("plain", bare)) if i % 4 < 2 else (("plain", bare), ("kept", kept))
                for name, explorer in order:
                    copying.append(0.0)
                    t0 = time.perf_counter()
                    explorer.set(**{spec.name: value})
                    elapsed = time.perf_counter() - t0
                    if explorer.error:
                        raise RuntimeError(f"{cls.name} {setting} {spec.name}: {explorer.error}")
                    if i >= WARM_UP:
                        times[name].append(elapsed)
                        if name == "kept":
                            per_update_copy.append(copying[-1])
            kept.set(**{spec.name: a})
            bare.set(**{spec.name: a})
    finally:
        figure._on_message = on_message
    assert figure.stored_state_is_current(kept.fig), "the kept explorer's stored state fell behind"
    ms = {name: np.array(values) * 1000 for name, values in times.items()}
    copy_ms = np.array(per_update_copy) * 1000
    return {
        **{f"{name}_p50_ms": float(np.percentile(v, 50)) for name, v in ms.items()},
        **{f"{name}_p95_ms": float(np.percentile(v, 95)) for name, v in ms.items()},
        "copy_p50_ms": float(np.percentile(copy_ms, 50)),
        "copy_p95_ms": float(np.percentile(copy_ms, 95)),
        "copy_max_ms": float(copy_ms.max()),
        "moves": len(copy_ms),
    }


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--moves", type=int, default=100)
    args = parser.parse_args()
    rows = [
        {"explorer": name, "setting": setting, **measure(cls, setting, args.moves)}
        for name, cls in EXPLORERS.items()
        for setting in ("default", "heaviest")
    ]
    print(f"{'explorer':<14} {'setting':<9} {'plain p50/p95 ms':>17} {'kept p50/p95 ms':>17} "
          f"{'copy p50/p95/max ms':>20}")
    for r in rows:
        print(
            f"{r['explorer']:<14} {r['setting']:<9} {r['plain_p50_ms']:>8.2f}/{r['plain_p95_ms']:<8.2f} "
            f"{r['kept_p50_ms']:>8.2f}/{r['kept_p95_ms']:<8.2f} "
            f"{r['copy_p50_ms']:>6.3f}/{r['copy_p95_ms']:.3f}/{r['copy_max_ms']:.3f}"
        )
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "stored_state_cost.json"
    out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(f"written: {out.relative_to(Path(__file__).resolve().parents[1])}")
    return 0  # a measurement, not a test


if __name__ == "__main__":
    raise SystemExit(main())
