"""axe-core (the accessibility engine) on a lesson that has run, in JupyterLab or in Voilà.

Called by the per-lesson browser tests once the lesson has run and its
explorers are drawn: ``test_notebooks_in_browser.py`` (JupyterLab, after Run
All) and ``test_voila.py`` (Voilà).

axe-core comes bundled with ``axe-playwright-python`` (nothing is fetched). It
checks the whole page, and each finding is sorted by where it is:

- **the course's own**: what the lesson shows (its rendered text, and each
  cell's outputs: explorers, quizzes, tables, pictures). A *serious* or
  *critical* finding there fails the test, with the rule, the element and
  axe's own advice.
- **the application's**: JupyterLab's or Voilà's own page around the lesson
  (menus, toolbars, the file browser). Not the course's to change: these are
  listed in ``tests/browser/artifacts/accessibility/`` and printed, never failed.

It first checks that the page shows some of the lesson, so an empty page
cannot pass.
"""

from __future__ import annotations

from pathlib import Path

REPORTS = Path(__file__).parent / "artifacts" / "accessibility"
FAILING = ("serious", "critical")

#: Where the course's own content is on each page: rendered Markdown and cell outputs.
COURSE = {
    "lab": ".jp-MarkdownOutput, .jp-OutputArea-output",
    "voila": ".jp-MarkdownOutput, .jp-OutputArea-output",
}

#: For each node axe names, whether it lies in the course's content (selectors as axe gives them).
IN_COURSE = """([targets, course]) => targets.map(t => {
  const e = typeof t === 'string' ? document.querySelector(t) : null;
  return !!(e && e.closest(course));
})"""


def audit(page, where: str) -> tuple[list[str], list[str]]:
    """axe on the whole page: the course's serious or critical findings, and every other one."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page).response
    ours, theirs = [], []
    for violation in results["violations"]:
        targets = [node["target"][-1] if node["target"] else "" for node in violation["nodes"]]
        inside = page.evaluate(IN_COURSE, [targets, COURSE[where]])
        for node, in_course in zip(violation["nodes"], inside, strict=True):
            said = (f"{violation['impact']}: {violation['id']} ({violation['help']}) at {node['target']}: "
                    f"{' '.join(node.get('failureSummary', '').split())}")
            if in_course and violation["impact"] in FAILING:
                ours.append(said)
            elif not in_course:
                theirs.append(said)
    return ours, theirs


def report(name: str, where: str, ours: list[str], theirs: list[str]) -> None:
    """Write both lists to artifacts/accessibility/<lesson>-<where>.md; say how many are the application's."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    text = [f"# {name} in {where}", "", "## The course's own (serious or critical fail the test)", "",
            *(f"- {line}" for line in ours or ["none"]), "", "## The application's own (listed, not failed)",
            "", *(f"- {line}" for line in theirs or ["none"]), ""]
    (REPORTS / f"{Path(name).stem}-{where}.md").write_text("\n".join(text), encoding="utf-8")
    if theirs:
        print(f"{name} in {where}: {len(theirs)} findings in the application's own page (listed, not failed)")


def assert_accessible(page, where: str, name: str) -> None:
    """Run axe on a lesson that has run (``where``: "lab" or "voila"); fail on the course's own
    serious or critical findings, with axe's advice; list the rest."""
    assert page.locator(COURSE[where]).count() > 0, "the lesson shows nothing of its own yet"
    ours, theirs = audit(page, where)
    report(name, where, ours, theirs)
    assert ours == [], f"axe-core finds in {name} ({where}):\n" + "\n".join(ours)
