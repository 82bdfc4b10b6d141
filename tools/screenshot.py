"""Refresh the README's screenshot of the lesson 04 explorer, taken in JupyterLab in headless Chromium.

    python tools/screenshot.py

Uses the same machinery as the browser tests (tests/browser/labdriver.py), so
what the README shows is what a learner sees.
"""

from __future__ import annotations

import sys
from pathlib import Path

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

TARGET = ROOT / "assets" / "screenshots" / "04-time-and-effort.png"


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        print(HOW_TO_GET_CHROMIUM, file=sys.stderr)
        return 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with jupyterlab() as lab, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1300, "height": 1000}, device_scale_factor=1)
        open_notebook(page, lab, "notebooks/04-time-and-effort.ipynb")
        run_all(page)
        explorer = page.locator(".mvn-explorer").first
        explorer.scroll_into_view_if_needed()
        explorer.locator(".js-plotly-plot").wait_for(state="visible")
        page.wait_for_timeout(500)
        explorer.screenshot(path=str(TARGET))
        browser.close()
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size // 1000} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
