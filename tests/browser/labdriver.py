"""Drive JupyterLab in headless Chromium: start a throwaway server, open, run and read notebooks.

Used by the browser tests, the in-browser latency benchmark and the screenshot
tool. The server runs on 127.0.0.1 on a free port, with its settings,
workspaces and runtime files in a temporary folder, and serves a *copy* of the
course so that autosave never touches the committed notebooks.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOW_TO_GET_CHROMIUM = (
    "no Chromium found: install it (Debian/Ubuntu: apt-get install chromium) "
    "or set MEDIAVSNET_CHROMIUM to a Chromium or Chrome binary"
)
#: The settings the course ships for JupyterLab (no news pop-up over lesson 00), which the
#: README's run command and Binder's postBuild use too; the tests' servers use them as well.
COURSE_SETTINGS = ROOT / "jupyter-settings"
#: A learner's own JupyterLab settings for a fully rendered, test-friendly session.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


#: anywidget (which plotly's FigureWidget is built on) gives a widget's JavaScript 2 s to
#: initialise (``AbortSignal.timeout(2000)`` in anywidget 0.11), then gives up on the model:
#: its views stop following the kernel. plotly's bundle is 5 MB of JavaScript; on a test
#: machine shared by several busy jobs it can take longer than that to load, and the tests
#: would fail for a reason that is not the course's. This script, run in every test page
#: before the page's own, lets that one 2 s wait last 60 s. Nothing else changes.
PATIENT_ANYWIDGET = """(() => {
  const timeout = AbortSignal.timeout.bind(AbortSignal);
  AbortSignal.timeout = ms => timeout(ms === 2000 ? 60000 : ms);
})();"""


def find_chromium(
    env: Mapping[str, str] = os.environ, candidates: tuple[str, ...] = CANDIDATES
) -> str | None:
    """The browser to drive: $MEDIAVSNET_CHROMIUM, else the first system Chromium found."""
    chosen = env.get("MEDIAVSNET_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).exists() else None
    return next((c for c in candidates if Path(c).exists()), None)


def missing_browser_action(env: Mapping[str, str] = os.environ) -> str:
    """What a missing browser means: 'fail' under CI (a skip would hide it), else 'skip'."""
    return "fail" if env.get("CI") else "skip"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lab:
    url: str
    token: str
    root: Path

    def notebook_url(self, relative: str) -> str:
        return f"{self.url}/lab/tree/{relative}?token={self.token}&reset"

    def notebook7_url(self, relative: str) -> str:
        """The same notebook in Notebook 7's interface, served by the same server (and kernels)."""
        return f"{self.url}/notebooks/{relative}?token={self.token}"

    def start_afresh(self, relative: str) -> None:
        """Shut down the kernels an earlier test left on ``relative`` and put back its file as committed.

        Tests share one server: without this, a lesson opened again attaches to the
        kernel an earlier test ran (its widgets and all), and a saved copy of the
        notebook may name widgets of that earlier run.
        """
        def call(method: str, path: str) -> bytes:
            request = urllib.request.Request(f"{self.url}{path}?token={self.token}", method=method)
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read()

        for session in json.loads(call("GET", "/api/sessions")):
            if session.get("path") == relative:
                call("DELETE", f"/api/sessions/{session['id']}")
        shutil.copy(ROOT / relative, self.root / relative)


def _copy_course(target: Path, extra_notebooks: Mapping[str, str] | None = None) -> None:
    for folder in ("notebooks", "assets"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(ROOT / "README.md", target / "README.md")
    for name, text in (extra_notebooks or {}).items():
        (target / "notebooks" / name).write_text(text, encoding="utf-8")


@contextmanager
def jupyterlab(extra_notebooks: Mapping[str, str] | None = None,
               app_settings: Path = COURSE_SETTINGS) -> Iterator[Lab]:
    """A JupyterLab server on a copy of the course, with the course's settings (``app_settings``);
    stopped whatever happens."""
    with tempfile.TemporaryDirectory(prefix="mediavsnet-lab-") as tmp:
        tmp_path = Path(tmp)
        root = tmp_path / "course"
        _copy_course(root, extra_notebooks)
        settings = tmp_path / "settings"
        for name, values in LAB_SETTINGS.items():
            path = settings / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        env = dict(os.environ)
        env.update(
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
            JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
            JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        )
        port, token = free_port(), uuid.uuid4().hex
        command = [
            sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
            f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
            "--ServerApp.open_browser=False", "--LabApp.news_url=",
            f"--LabApp.app_settings_dir={app_settings}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        log = (tmp_path / "server.log").open("w")
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_up(f"{url}/api/status?token={token}", server, tmp_path / "server.log")
            yield Lab(url=url, token=token, root=root)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()


def _wait_until_up(url: str, server: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"JupyterLab did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


# --- in the page ----------------------------------------------------------------------

PROMPTS_DONE = """() => {
  const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
  if (!cells.length) return false;
  return cells.every(c => /\\[\\d+\\]/.test(c.querySelector('.jp-InputPrompt')?.textContent || ''));
}"""

PLOT_DIGEST = """(root) => {
  const gd = root.querySelector('.js-plotly-plot');
  if (!gd || !gd._fullData) return null;
  const values = a => Array.from(a || [], Number);
  return JSON.stringify(gd._fullData.map(t => [values(t.x), values(t.y)]));
}"""


def open_notebook(page, lab: Lab, relative: str, interface: str = "lab") -> None:
    """Open a notebook (in JupyterLab, or ``interface="notebook7"``) and wait for its kernel to be ready."""
    page.goto(lab.notebook7_url(relative) if interface == "notebook7" else lab.notebook_url(relative))
    page.wait_for_selector(".jp-NotebookPanel", timeout=60_000)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    # On a busy machine JupyterLab (and Notebook 7) may open the notebook before it knows the
    # kernels it can start, and then asks which one: the learner would take the one offered.
    page.wait_for_function(f"() => ({KERNEL_IDLE})() || !!document.querySelector('.jp-Dialog')",
                           timeout=60_000)
    take_the_kernel_offered(page)
    page.wait_for_function(KERNEL_IDLE, timeout=60_000)


def take_the_kernel_offered(page) -> bool:
    """Answer JupyterLab's "Select Kernel" dialog with the kernel it offers (the notebook's own,
    Python 3), as a learner would; whether there was one. On a busy machine JupyterLab and
    Notebook 7 may ask, as the notebook opens or a moment later, before they know the kernels."""
    answered = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # it may ask twice (two dialogs, one over the other)
        asking = page.locator(".jp-Dialog", has_text="Select Kernel")
        if not asking.count():
            return answered
        dialog = asking.last.element_handle()  # the one on top
        dialog.query_selector(".jp-mod-accept").click()
        dialog.wait_for_element_state("hidden", timeout=30_000)  # this one, gone or hidden
        answered = True
    raise AssertionError("JupyterLab kept asking which kernel to start for a minute")


STARTED = """() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
  .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"""


def no_dialog_over(page) -> None:
    """Fail, saying what it asks, when a JupyterLab dialog is over the notebook (no click reaches it)."""
    dialogs = page.locator(".jp-Dialog")
    if dialogs.count():
        says = dialogs.first.inner_text()
        raise AssertionError(f"a JupyterLab dialog is open over the notebook: {says!r:.400}")


def run_all(page, timeout_ms: int = 120_000) -> None:
    """Run > Run All Cells, then wait until every code cell has run and the kernel is idle.

    Right after a notebook opens, JupyterLab may still be connecting the kernel and
    ignore the command, so it is given again until the first cell starts; and should
    the kernel fall idle with cells not run, no error shown and none queued, it is
    given again. A cell that fails stops the wait at once, with its error.
    """
    take_the_kernel_offered(page)
    no_dialog_over(page)
    page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").first.click()
    for _attempt in range(5):
        try:
            give_run_all(page)
        except Exception:
            if not take_the_kernel_offered(page):
                no_dialog_over(page)  # say what the dialog in the way asks
                raise
            give_run_all(page)
        try:
            page.wait_for_function(STARTED, timeout=10_000)
            break
        except Exception:  # noqa: BLE001 - not started yet: ask again
            page.keyboard.press("Escape")
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            page.wait_for_function(PROMPTS_DONE, timeout=20_000)
            break
        except Exception:  # noqa: BLE001 - not done yet: say why, or go on waiting
            errors = error_outputs(page)
            prompts = page.evaluate(PROMPTS)
            if errors:
                raise AssertionError(f"a cell failed; prompts {prompts}: {errors[0][:800]}") from None
            if time.monotonic() > deadline:
                raise AssertionError(f"not every cell ran; prompts: {prompts}") from None
            if page.evaluate(KERNEL_IDLE) and "[*]:" not in prompts:
                # Nothing running, nothing queued, no error, cells left: JupyterLab dropped the
                # rest of Run All (seen on a busy machine). Ask again, as the learner would.
                give_run_all(page)
    page.wait_for_function(KERNEL_IDLE, timeout=timeout_ms)


PROMPTS = """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
  .map(p => p.textContent.trim())"""


def give_run_all(page) -> None:
    """Run > Run All Cells, from the menu."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    item = page.locator('.lm-Menu-item[data-command="runmenu:run-all"]')
    item.wait_for(state="visible")
    item.click()


def error_outputs(page) -> list[str]:
    """Texts of outputs that show an error: tracebacks and widgets that failed to render."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.jp-OutputArea-output')]
             .map(o => o.innerText)
             .filter(t => /Traceback|Error displaying widget|model not found|Failed to load/i.test(t))"""
    )


# --- what a view of an explorer shows ---------------------------------------------------

#: The words of an explorer's controls that do not fit their box (root: its ``.mvn-explorer``):
#: a label cut to "Clicks per impression (% of impr…", a button or a section title cut short.
#: Hidden elements (a folded section) are skipped: open them first.
CLIPPED_WORDS = """(root) => [...root.querySelectorAll(
    'button, .widget-label, label, .widget-readout, .jupyter-widget-Collapse-header')]
  .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
  .map(e => `${(e.innerText || '').trim()} (${e.scrollWidth} pixels in ${e.clientWidth})`)"""

#: Everything a learner sees of one explorer (root: its ``.mvn-explorer`` element): every
#: trace's name and points, every axis's range, title and ticks, the legends' entries, the
#: plot titles, the summary and every control's value. Null while the plot is not drawn yet.
EXPLORER_VIEW = """(root) => {
  const gd = root.querySelector('.js-plotly-plot');
  if (!gd || !gd._fullData || !gd._fullLayout || !gd.querySelector('.main-svg')) return null;
  // A gap in a line (NaN) as null, so that two views compare equal.
  const values = a => Array.from(a || [], v => (v === null || Number.isNaN(Number(v)) ? null : Number(v)));
  // Values left out are drawn at x0, x0 + dx, ... (plotly drops values equal to those).
  const positions = (t, a) => t[a] ? values(t[a]) : (t[a + '0'] === undefined ? [] :
    Array.from({length: t._length || 0}, (_, i) => Number(t[a + '0']) + Number(t['d' + a]) * i));
  const layout = gd._fullLayout;
  const axes = {};
  for (const name of Object.keys(layout).filter(k => /^[xy]axis\\d*$/.test(k)).sort()) {
    const axis = layout[name];
    axes[name] = {range: values(axis.range).map(v => Math.round(v * 1e6) / 1e6),
                  title: axis.title ? axis.title.text : null, tickmode: axis.tickmode,
                  dtick: axis.dtick === undefined ? null : String(axis.dtick)};
  }
  return {
    // What plotly drew (_fullData), not what it was sent (data): the same numbers may arrive
    // as a list or as an encoded typed array, depending on the path they took.
    traces: gd._fullData.map(t => ({name: t.name, x: positions(t, 'x'), y: positions(t, 'y')})),
    axes,
    legends: [...gd.querySelectorAll('text[class^="legend"][class$="text"]')].map(e => e.textContent),
    titles: [...gd.querySelectorAll('text.annotation-text, text.gtitle')].map(e => e.textContent),
    summary: (root.querySelector('.mvn-summary')?.innerText || '').trim(),
    controls: [...root.querySelectorAll('.mvn-control')].map(
      c => c.querySelector('.widget-readout')?.innerText.trim() ?? null),
  };
}"""


def explorer_views(page) -> list[dict | None]:
    """What every explorer on the page shows, in page order (None for one not drawn yet)."""
    return [e.evaluate(EXPLORER_VIEW) for e in page.locator(".mvn-explorer").all()]


def wait_for_views(page, expected: list[dict], timeout_ms: int = 30_000) -> list[dict | None]:
    """Wait until the page's explorers show ``expected``; return what they show either way.

    A new view first draws what the kernel holds, then may receive updates: waiting
    for the expected picture (rather than sleeping) keeps the test steady on a busy
    machine, and a view that never gets there is returned for the assertion to show.
    """
    script = f"""(expected) => {{
      const view = {EXPLORER_VIEW};
      const roots = [...document.querySelectorAll('.mvn-explorer')];
      return roots.length === expected.length &&
             roots.every((r, i) => JSON.stringify(view(r)) === JSON.stringify(expected[i]));
    }}"""
    try:
        page.wait_for_function(script, arg=expected, timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - the caller's assertion shows the difference
        pass
    return explorer_views(page)


def describe_difference(expected: dict | None, actual: dict | None) -> str:
    """A short account of where two explorer views differ, for an assertion message."""
    if expected is None or actual is None:
        return f"expected {'nothing' if expected is None else 'a drawn plot'}, got {actual!r:.200}"
    lines = []
    if len(expected["traces"]) != len(actual["traces"]):
        lines.append(f"{len(expected['traces'])} traces expected, got {len(actual['traces'])}")
    for want, got in zip(expected["traces"], actual["traces"], strict=False):
        for key in ("x", "y"):
            if want[key] != got[key]:
                first = next((i for i, (w, g) in enumerate(zip(want[key], got[key], strict=False)) if w != g),
                             min(len(want[key]), len(got[key])))
                shown = (f"first at {first}: {want[key][first]!r} expected, got {got[key][first]!r}"
                         if first < min(len(want[key]), len(got[key])) else "")
                lines.append(f"{want['name']!r} {key}: {len(want[key])} values expected, "
                             f"got {len(got[key])}; {shown}")
    for key in ("axes", "legends", "titles", "summary", "controls"):
        if expected[key] != actual[key]:
            lines.append(f"{key}: expected {expected[key]!r:.300}, got {actual[key]!r:.300}")
    return "; ".join(lines) or "no difference"


def save_notebook(page, path: Path, timeout_s: float = 30) -> None:
    """Save the open notebook (Ctrl+S), as autosave would, and wait until ``path`` holds its widgets."""
    before = path.stat().st_mtime_ns
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if path.stat().st_mtime_ns != before and "widget-view+json" in path.read_text(encoding="utf-8"):
            return
        time.sleep(0.2)
    raise AssertionError(f"{path.name} was not saved with its widgets within {timeout_s} s")


def wait_for_explorers(page, count: int, timeout_ms: int = 60_000) -> None:
    """Wait until ``count`` explorers are on the page, each with a plot drawn and a summary."""
    try:
        page.wait_for_function(
            f"""(count) => {{
              const view = {EXPLORER_VIEW};
              const roots = [...document.querySelectorAll('.mvn-explorer')];
              const drawn = r => {{ const v = view(r); return v && v.summary; }};
              return roots.length === count && roots.every(drawn);
            }}""",
            arg=count,
            timeout=timeout_ms,
        )
    except Exception as exc:  # say what is missing, not only that time ran out
        raise AssertionError(
            f"{count} explorer(s) expected within {timeout_ms / 1000:.0f} s; the page has: "
            f"{page.evaluate(EXPLORERS_PRESENT)}; errors shown: {error_outputs(page)}"
        ) from exc


#: For a failure message: each explorer on the page, whether its plot and summary are drawn.
EXPLORERS_PRESENT = """() => [...document.querySelectorAll('.mvn-explorer')].map(r => {
  const gd = r.querySelector('.js-plotly-plot');
  return {plot_element: !!gd, plot_drawn: !!(gd && gd._fullData && gd.querySelector('.main-svg')),
          summary: !!(r.querySelector('.mvn-summary')?.innerText || '').trim(),
          widgets_waiting: r.querySelectorAll('.jupyter-widgets-disconnected, .widget-loading').length};
})"""


def open_every_fold(explorer) -> None:
    """Open each folded section ("More settings") of an explorer that is closed; leave open ones open."""
    for fold in explorer.locator(".jupyter-widget-Collapse:not(.jupyter-widget-Collapse-open)").all():
        fold.locator(".jupyter-widget-Collapse-header").first.click()
    explorer.locator(".mvn-control").last.wait_for(state="visible")


def move_first_slider(page, explorer) -> None:
    """Press an arrow key on an explorer's first slider (left at the top of its range)."""
    handle = explorer.locator(".mvn-control .noUi-handle").first
    handle.scroll_into_view_if_needed()
    at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    handle.focus()
    page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")


def answer_first_question_from_the_keyboard(page) -> None:
    """Pick the self-check's first option with the space bar and wait for its feedback to change."""
    quiz = page.locator(".mvn-quiz").first
    feedback = quiz.locator(".mvn-quiz-feedback").first
    before = feedback.inner_text()
    choice = quiz.locator("input[type=radio]").first
    choice.scroll_into_view_if_needed()
    choice.focus()
    page.keyboard.press("Space")
    changed = "([el, before]) => el.innerText !== before"
    page.wait_for_function(changed, arg=[feedback.element_handle(), before])


#: Keeps hold of the page's connections to kernels, so that a test can cut them (test_reload.py).
WATCH_KERNEL_SOCKETS = """(() => {
  const Native = window.WebSocket;
  window.__kernelSockets = [];
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (/\\/api\\/kernels\\/[^/?]+\\/channels/.test(url)) window.__kernelSockets.push(this);
    }
  };
})();"""


class OpenedLessons:
    """One lesson open and run in JupyterLab at a time, kept for the tests of that lesson that follow.

    Opening a lesson and running it takes a good part of each browser test; the tests
    of one lesson run one after another (conftest.py orders them so) and share one
    run, each starting from the state it needs (Reset, folds opened). A test that
    fails, or that spoils the page (a reload), has the next test open the lesson afresh.
    """

    def __init__(self, browser, lab: Lab, viewport: Mapping[str, int]):
        self.browser, self.lab, self.viewport = browser, lab, dict(viewport)
        self.context = None
        self.page = None
        self.notebook: Path | None = None
        self.opened = 0  # how many times a lesson was opened and run (a test checks the sharing)

    def open(self, notebook: Path):
        """The page of ``notebook`` opened and run: the one kept, or a new one."""
        if self.page is not None and self.notebook == notebook:
            return self.page
        self.close()
        relative = f"notebooks/{notebook.name}"
        self.lab.start_afresh(relative)
        self.context = self.browser.new_context(viewport=self.viewport)
        self.context.add_init_script(PATIENT_ANYWIDGET)
        self.context.add_init_script(WATCH_KERNEL_SOCKETS)
        # A page's uncaught errors are printed, so pytest shows them with a failure.
        self.context.on("page", lambda tab: tab.on("pageerror", lambda error: print(f"page error: {error}")))
        self.page, self.notebook = self.context.new_page(), notebook
        self.opened += 1
        open_notebook(self.page, self.lab, relative)
        run_all(self.page)
        if explorers_built_by(notebook):
            wait_for_explorers(self.page, explorers_built_by(notebook))
        return self.page

    def spoil(self) -> None:
        """The page is not as a run left it (a failure, a reload): the next test opens the lesson afresh."""
        self.close()

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
        self.context = self.page = self.notebook = None


def lesson_of(item) -> str:
    """The lesson a test that shares an opened lesson is about: the stem of its parameter
    (a notebook, or a walkthrough named after its notebook)."""
    params = getattr(item, "callspec", None)
    paths = [v for v in (params.params.values() if params else ()) if isinstance(v, Path)]
    assert len(paths) == 1, f"{item.nodeid}: a test that shares a lesson takes one notebook or walkthrough"
    return paths[0].stem


def order_lesson_sharing(items: list) -> None:
    """Run the tests that share an opened lesson together, one lesson after another, where the
    first of them stood, so each lesson is opened and run once and no lesson waits open while
    other tests run. Within a lesson they keep their order, except that tests marked
    ``spoils_lesson`` (a reload) come last."""
    slots = [i for i, item in enumerate(items) if "lessons" in getattr(item, "fixturenames", ())]
    if not slots:
        return
    order = {id(item): n for n, item in enumerate(items)}
    sharing = sorted((items[i] for i in slots), key=lambda item: (
        lesson_of(item), item.get_closest_marker("spoils_lesson") is not None, order[id(item)]))
    rest = [item for i, item in enumerate(items) if i not in set(slots)]
    first = slots[0]
    items[:] = rest[:first] + sharing + rest[first:]


def press_reset(page, explorer) -> None:
    """Tab to an explorer's Reset button, press Enter, and wait until every control shows its default."""
    from mediavsnet import specs

    cls = explorer_class(explorer)
    button = explorer.locator(".mvn-reset")
    button.scroll_into_view_if_needed()
    button.focus()
    page.keyboard.press("Enter")
    for spec in cls.specs:
        default = specs.defaults([spec])[spec.name]
        control = explorer.locator(f".mvn-control-{spec.name}")
        if spec.choices:
            page.wait_for_function(OPTION_ACTIVE, arg=[control.element_handle(), int(default)],
                                   timeout=15_000)
        else:
            wait_for_readout(page, explorer, spec.name, default, "Reset to defaults")


# The readout, not the handle's aria-valuenow: ipywidgets' slider rounds that to one decimal
# (0.16 is announced as 0.2), while the readout shows the value as the learner reads it.
READOUT_IS = """([readout, value]) =>
  Math.abs(parseFloat(readout.innerText.replace(/,/g, '').replace(/\u2212/g, '-')) - value) < 1e-9"""


def wait_for_readout(page, explorer, name: str, value: float, why: str) -> None:
    """Wait until the slider ``name`` shows ``value``; fail saying what it shows."""
    readout = explorer.locator(f".mvn-control-{name} .widget-readout")
    try:
        page.wait_for_function(READOUT_IS, arg=[readout.element_handle(), value], timeout=15_000)
    except Exception:  # noqa: BLE001 - say which control and what it shows
        shown = readout.inner_text()
        raise AssertionError(f"after {why}, {name} shows {shown}, not {value}") from None


def lessons_with_explorers(root: Path = ROOT) -> list[Path]:
    """Lesson notebooks that build an explorer (a code cell importing from mediavsnet.explorers)."""
    return [p for p in sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb")) if explorers_built_by(p)]


def explorers_built_by(notebook: Path) -> int:
    """How many explorers a notebook builds: code cells that import one from mediavsnet.explorers."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(
        1 for c in cells if c["cell_type"] == "code" and "mediavsnet.explorers" in "".join(c["source"])
    )


KERNEL_IDLE = "() => document.querySelector('.jp-Notebook-ExecutionIndicator')?.dataset.status === 'idle'"


def settled_views(page, timeout_ms: int = 30_000) -> list[dict | None]:
    """What the explorers show once the kernel is idle and two looks a frame apart agree."""
    page.wait_for_function(KERNEL_IDLE, timeout=timeout_ms)
    page.wait_for_function(
        f"""async () => {{
          const view = {EXPLORER_VIEW};
          const look = () => JSON.stringify([...document.querySelectorAll('.mvn-explorer')].map(view));
          const first = look();
          await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
          return !first.includes('null') && look() === first;
        }}""",
        timeout=timeout_ms,
    )
    return explorer_views(page)


def move_every_explorer(page) -> None:
    """Move each explorer's first slider one step, and wait until its plot or summary shows it."""
    for explorer in page.locator(".mvn-explorer").all():
        before = explorer.evaluate(EXPLORER_VIEW)
        move_first_slider(page, explorer)
        page.wait_for_function(
            f"([root, before]) => JSON.stringify(({EXPLORER_VIEW})(root)) !== JSON.stringify(before)",
            arg=[explorer.element_handle(), before],
            timeout=15_000,
        )


def number(readout: str) -> float:
    """A slider's readout as a number (a readout may carry a true minus sign, or a unit)."""
    match = re.search(r"[-\u2212]?\d[\d,]*(?:\.\d+)?", readout)
    if match is None:
        raise AssertionError(f"the readout {readout!r} shows no number")
    return float(match.group().replace("\u2212", "-").replace(",", ""))


def move_back(page, initial: list[dict], moved: list[dict]) -> None:
    """Press the arrow key that takes each explorer's first slider back to where it was."""
    for explorer, was, now in zip(page.locator(".mvn-explorer").all(), initial, moved, strict=True):
        handle = explorer.locator(".mvn-control .noUi-handle").first
        handle.scroll_into_view_if_needed()
        handle.focus()
        # The first slider's readout: a choice control (a row of buttons) has none.
        slider = next(i for i, readout in enumerate(was["controls"]) if readout is not None)
        higher = number(was["controls"][slider]) > number(now["controls"][slider])
        page.keyboard.press("ArrowRight" if higher else "ArrowLeft")


# --- Voilà: the presenter view ----------------------------------------------------------


@dataclass
class Voila:
    url: str
    root: Path

    def render_url(self, notebook: str) -> str:
        """A lesson as Voilà shows it (``notebook``: its file name in notebooks/)."""
        return f"{self.url}/voila/render/{notebook}"


@contextmanager
def voila() -> Iterator[Voila]:
    """Voilà serving the notebooks folder of a copy of the course, as the instructors' guide runs it."""
    with tempfile.TemporaryDirectory(prefix="mediavsnet-voila-") as tmp:
        tmp_path = Path(tmp)
        root = tmp_path / "course"
        _copy_course(root)
        env = dict(os.environ)
        env.update(JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"))
        port = free_port()
        command = [
            sys.executable, "-m", "voila", "notebooks", "--no-browser", f"--port={port}",
            "--Voila.ip=127.0.0.1", "--VoilaConfiguration.show_tracebacks=True",
        ]
        log = (tmp_path / "voila.log").open("w")
        server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_up(url, server, tmp_path / "voila.log")
            yield Voila(url=url, root=root)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()


VOILA_DONE = """() => {
  const cells = document.querySelector('#rendered_cells');
  return !!cells && getComputedStyle(cells).display !== 'none' && !document.querySelector('#loading');
}"""


def open_in_voila(page, server: Voila, notebook: str, timeout_ms: int = 180_000) -> None:
    """Open a lesson in Voilà and wait until every cell has run and the page shows them."""
    page.goto(server.render_url(notebook), wait_until="commit", timeout=timeout_ms)
    try:
        page.wait_for_function(VOILA_DONE, timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - say where Voilà stopped
        says = page.inner_text("body")[:300]
        raise AssertionError(f"Voilà did not finish {notebook}: the page says {says!r}") from None


def images_not_shown(page) -> list[str]:
    """The sources of the page's images that did not load (a broken picture, a blocked fetch)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('img')]
             .filter(i => !(i.complete && i.naturalWidth > 0))
             .map(i => (i.getAttribute('src') || '').slice(0, 120))"""
    )


def keep_on_this_machine(context, outside: list[str]) -> None:
    """Let requests to this machine through; record and refuse any other (nothing leaves the machine)."""

    def here(url: str) -> bool:
        return url.startswith(("data:", "blob:")) or urllib.parse.urlparse(url).hostname in LOOPBACK

    def route(route):
        if here(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    def socket(ws):
        if not here(ws.url):
            outside.append(ws.url)

    context.route("**/*", route)
    context.on("page", lambda tab: tab.on("websocket", socket))


LOOPBACK = ("127.0.0.1", "localhost")


# --- what the kernel would draw ---------------------------------------------------------

#: Whether option ``i`` of a choice control is the pressed one. Asks the control each time:
#: a value sent from the kernel rebuilds the buttons, so a handle on one would go stale.
OPTION_ACTIVE = """([control, i]) => {
  const button = control.querySelectorAll('button')[i];
  return button !== undefined && button.classList.contains('mod-active');
}"""

#: Each control's value as the page shows it: a slider's readout (to the slider's step: the
#: handle's aria-valuenow is rounded to one decimal), or a choice's pressed button as its index
#: (a choice's value is its option's index).
CONTROL_VALUES = """(root) => Object.fromEntries([...root.querySelectorAll('.mvn-control')].map(c => [
  [...c.classList].find(k => k.startsWith('mvn-control-')).slice('mvn-control-'.length),
  c.classList.contains('mvn-choice')
    ? String([...c.querySelectorAll('button')].findIndex(b => b.classList.contains('mod-active')))
    : c.querySelector('.widget-readout')?.innerText.trim()]))"""


def explorer_class(explorer):
    """The course's class behind an explorer on the page, from its ``mvn-explorer-<name>`` class."""
    from mediavsnet.explorers import EXPLORERS

    classes = explorer.get_attribute("class").split()
    (name,) = [c.removeprefix("mvn-explorer-") for c in classes if c.startswith("mvn-explorer-")]
    return EXPLORERS[name]


def drawn_by_python(explorer) -> dict:
    """What the explorer on the page should show, computed here by the course's own code.

    Reads which explorer it is (its ``mvn-explorer-<name>`` class) and every
    control's value from the page, builds the same explorer in this process with
    those values, and returns its traces' points, its axes' ranges and its summary.
    """
    cls = explorer_class(explorer)
    shown = explorer.evaluate(CONTROL_VALUES)
    values = {s.name: (int(float(shown[s.name])) if s.integer else float(shown[s.name])) for s in cls.specs}
    built = cls(**values)
    assert not built.error, built.error
    layout = built.fig.layout
    axes = {k: [round(float(v), 6) for v in layout[k].range] for k in layout  # as EXPLORER_VIEW rounds
            if k.startswith(("xaxis", "yaxis")) and layout[k].range is not None}
    return {
        "traces": [_points(t.name, t.x, t.y) for t in built.fig.data],
        "axes": axes,
        "summary": [line for line in built.summary.splitlines() if line.strip()],
    }


def as_python_draws_it(view: dict, expected: dict) -> dict:
    """The parts of a page's view (``EXPLORER_VIEW``) that ``drawn_by_python`` computes, in its form."""
    return {
        "traces": [_points(t["name"], t["x"], t["y"]) for t in view["traces"]],
        "axes": {k: view["axes"].get(k, {}).get("range") for k in expected["axes"]},
        "summary": [line for line in view["summary"].splitlines() if line.strip()],
    }


def _points(name, x, y) -> dict:
    """A trace's points, to nine significant figures (the same doubles, however they travelled)."""
    def nine(values) -> list[float | None]:  # a gap in a line (NaN, or null from a page) as None
        if values is None:
            return []
        return [None if v is None or v != v else float(f"{v:.9g}") for v in values]

    return {"name": name, "x": nine(x), "y": nine(y)}


def wait_until_python_agrees(page, explorer, timeout_ms: int = 30_000) -> tuple[dict, dict]:
    """Poll (every 200 ms) until the explorer on the page shows what the course's code draws for
    the values its controls show; return both, agreeing or not, for the caller's assertion."""
    waited = 0
    while True:
        expected = drawn_by_python(explorer)
        shown = as_python_draws_it(explorer.evaluate(EXPLORER_VIEW), expected)
        if shown == expected or waited >= timeout_ms:
            return expected, shown
        page.wait_for_timeout(200)
        waited += 200


def views_once_drawn(page, timeout_ms: int = 60_000) -> list[dict | None]:
    """What every explorer shows once each draws what the course's code draws for its controls.

    A move reaches a view in several messages (the summary, the figure), and the
    view draws each when it can: on a busy machine a look between two of them,
    even two frames apart, catches a picture half updated.
    """
    for i, explorer in enumerate(page.locator(".mvn-explorer").all()):
        expected, shown = wait_until_python_agrees(page, explorer, timeout_ms)
        assert shown == expected, f"explorer {i} never drew what its controls say"
    return settled_views(page)
