"""Slider-to-redraw time in a real browser: the lesson 04 explorer against the usual interact pattern.

    python benchmarks/browser_latency.py [--presses 30] [--side-by-side]

JupyterLab runs in headless Chromium (the browser tests' machinery). For each
press of an arrow key on a focused slider, the page records the time of the
keydown and the first animation frame at which the plot shows new data: the
kernel round trip, the model, the figure update and plotly's redraw.

- **explorer**: lesson 04's explorer, which updates its FigureWidget in place.
- **baseline**: the same model drawn by the common ``ipywidgets.interact``
  pattern that builds a new ``go.Figure`` on every change and shows it.

With ``--side-by-side``, one page holds two lesson 04 explorers instead: one as
the course ships it, and one built without what keeps its figure's stored
state current and without its keyboard guard (``mediavsnet/explorer/figure.py``
and ``keyboard.py``); presses alternate between the two, so both see the same
load, and the difference is what those two cost in a browser.

Budget (DESIGN.md): median under 100 ms for the explorer. Results are printed
and written to benchmarks/results/browser_latency.json (side by side:
browser_latency_side_by_side.json).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from labdriver import (  # noqa: E402
    CHROMIUM_FLAGS,
    HOW_TO_GET_CHROMIUM,
    find_chromium,
    jupyterlab,
    open_notebook,
    run_all,
)

RESULTS = Path(__file__).parent / "results"
BUDGET_MEDIAN_MS = 100.0

EXPLORER_SOURCE = """from mediavsnet.lessons.l04_time_and_effort.explorer import show

show()"""

BASELINE_SOURCE = '''import ipywidgets as widgets
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from mediavsnet.core import palette
from mediavsnet.models import relationships, time_budget


def draw(weekly_hours=6.0, media_share=50.0):
    params = time_budget.TimeBudgetParams(weekly_hours=weekly_hours, media_share=media_share)
    result = time_budget.simulate(params)
    fig = make_subplots(rows=1, cols=2)
    media = result.media
    fig.add_scatter(x=media.week, y=media.reached, line_color=palette.MEDIA, row=1, col=1)
    fig.add_scatter(x=media.week, y=media.followers, line_color=palette.MEDIA_LIGHT, row=1, col=1)
    for stage in relationships.STAGES:
        fig.add_scatter(x=result.networking.week, y=getattr(result.networking, stage), stackgroup="s",
                        line_color=palette.STAGES[stage], row=1, col=2)
    fig.update_layout(width=860, height=480)
    fig.show()


widgets.interact(draw, weekly_hours=widgets.FloatSlider(value=6, min=0.5, max=40, step=0.5),
                 media_share=widgets.FloatSlider(value=50, min=0, max=100, step=5))'''

SIDE_BY_SIDE_SOURCE = """from mediavsnet.explorer import base
from mediavsnet.lessons.l04_time_and_effort.explorer import TimeEffortExplorer

shipped = TimeEffortExplorer()
shipped.widget.add_class("bench-shipped")
keep, guard = base.keep_views_current, base.guard_keys
base.keep_views_current, base.guard_keys = (lambda fig: fig), (lambda box: box)
plain = TimeEffortExplorer()
plain.widget.add_class("bench-plain")
base.keep_views_current, base.guard_keys = keep, guard
display(shipped, plain)"""

ARM = """(root) => {
  const digest = gd => gd && gd.data ? JSON.stringify(gd.data.map(t => Array.from(t.y || []))) : null;
  const old = root.querySelector('.js-plotly-plot');
  const before = digest(old);
  window.__latency = new Promise((resolve, reject) => {
    let t0 = null;
    document.addEventListener('keydown', () => { t0 = performance.now(); }, {once: true, capture: true});
    const limit = performance.now() + 10000;
    function check() {
      const gd = root.querySelector('.js-plotly-plot');
      const drawn = gd && gd._fullLayout && gd.querySelector('.main-svg');
      const changed = gd !== old || digest(gd) !== before;
      if (t0 !== null && drawn && changed) { resolve(performance.now() - t0); return; }
      if (performance.now() > limit) { reject(new Error('no redraw within 10 s')); return; }
      requestAnimationFrame(check);
    }
    requestAnimationFrame(check);
  });
}"""


def notebook(source: str) -> str:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    return nbformat.writes(nb)


def measure(page, root_selector: str, presses: int) -> list[float]:
    return measure_alternately(page, {"one": root_selector}, presses)["one"]


def measure_alternately(page, roots: dict[str, str], presses: int) -> dict[str, list[float]]:
    """Press keys on each root's first slider in turn; the time to the redraw, by root."""
    times: dict[str, list[float]] = {name: [] for name in roots}
    for selector in roots.values():
        plot = page.locator(selector).first.locator(".js-plotly-plot").first
        plot.wait_for(state="visible", timeout=30_000)
    for i in range(presses + 3):
        order = list(roots.items()) if i % 4 < 2 else list(roots.items())[::-1]  # neither always goes first
        for name, selector in order:
            root = page.locator(selector).first
            handle = root.locator(".noUi-handle").first
            handle.focus()
            root.evaluate(ARM)
            page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
            elapsed = page.evaluate("() => window.__latency")
            page.wait_for_timeout(150)  # let the kernel settle between presses
            if i >= 3:  # the first presses warm caches up
                times[name].append(elapsed)
    return times


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {"median_ms": statistics.median(ordered), "p95_ms": ordered[int(0.95 * (len(ordered) - 1))],
            "min_ms": ordered[0], "presses": len(ordered)}


def main() -> int:
    from playwright.sync_api import sync_playwright

    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--side-by-side", action="store_true",
                        help="as shipped against an explorer without stored-state copy and keyboard guard")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        print(HOW_TO_GET_CHROMIUM, file=sys.stderr)
        return 1
    extra = {
        "zz-bench-explorer.ipynb": notebook(EXPLORER_SOURCE),
        "zz-bench-baseline.ipynb": notebook(BASELINE_SOURCE),
        "zz-bench-side-by-side.ipynb": notebook(SIDE_BY_SIDE_SOURCE),
    }
    results = {}
    with jupyterlab(extra) as lab, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        if args.side_by_side:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            open_notebook(page, lab, "notebooks/zz-bench-side-by-side.ipynb")
            run_all(page)
            roots = {"shipped": ".bench-shipped", "plain": ".bench-plain"}
            results = {name: summary(t) for name, t in measure_alternately(page, roots, args.presses).items()}
            page.close()
        else:
            for name, root in (("explorer", ".mvn-explorer"), ("baseline", ".widget-interact")):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                open_notebook(page, lab, f"notebooks/zz-bench-{name}.ipynb")
                run_all(page)
                results[name] = summary(measure(page, root, args.presses))
                page.close()
        browser.close()
    print(f"{'pattern':<10} {'median ms':>10} {'p95 ms':>8} {'min ms':>8} {'presses':>8}")
    for name, r in results.items():
        print(f"{name:<10} {r['median_ms']:>10.1f} {r['p95_ms']:>8.1f} {r['min_ms']:>8.1f} {r['presses']:>8}")
    measured = results["shipped" if args.side_by_side else "explorer"]
    verdict = "ok" if measured["median_ms"] < BUDGET_MEDIAN_MS else "MISS"
    print(f"explorer median budget {BUDGET_MEDIAN_MS:.0f} ms: {verdict}")
    RESULTS.mkdir(exist_ok=True)
    name = "browser_latency_side_by_side.json" if args.side_by_side else "browser_latency.json"
    (RESULTS / name).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
