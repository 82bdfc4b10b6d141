"""Hygiene: every notebook canonical, complete and linked; no absolute paths; accessible images.

Notebooks are found by glob (``notebooks/NN-*.ipynb``), so a new lesson is
checked the moment it exists; there is no list to maintain here.
"""

from __future__ import annotations

import re
import sys
import uuid
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import plotly.graph_objects as go
import pytest

from mediavsnet.core import lesson_list as lessons
from mediavsnet.lessons import EXPLORERS
from mediavsnet.lessons.l07_your_strategy import planner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as tool  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
IDS = [p.name for p in NOTEBOOKS]
MAX_BYTES = 300_000

LINK = re.compile(
    r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|<a\b[^>]*\bhref=[\"']([^\"']+)[\"']"
)
MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
ANCHOR = re.compile(r"<a\b[^>]*\b(?:id|name)=[\"']([^\"']+)[\"']", re.I)
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
ABSOLUTE = re.compile(r"/work/|/home/|/root/|/tmp/|(?<!\w)[A-Za-z]:\\")
SCANNED = ("mediavsnet", "assets", "tools", "notebooks")
TEXT_SUFFIXES = {
    ".py",
    ".ipynb",
    ".md",
    ".toml",
    ".json",
    ".svg",
    ".cfg",
    ".txt",
    ".csv",
    ".html",
    ".yml",
    ".yaml",
}

#: LESSONS.md, "What every lesson notebook has": a heading (or, for objectives, text) for each part.
SECTIONS = {
    "learning objectives": re.compile(r"^#{2,3} .*(objectives|what you will learn)", re.I | re.M),
    "exercises": re.compile(r"^#{2,3} .*exercise", re.I | re.M),
    "self-check": re.compile(r"^#{2,3} .*self-check", re.I | re.M),
    "key takeaways": re.compile(r"^#{2,3} .*key takeaways", re.I | re.M),
    "assumptions and sources": re.compile(r"^#{2,3} .*assumptions and sources", re.I | re.M),
}


def load(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def markdown(nb: nbformat.NotebookNode) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def prose(nb: nbformat.NotebookNode) -> str:
    """Markdown without code spans and fences (a link shown as code is not a link)."""
    return CODE.sub("", markdown(nb))


def headings(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    return [(len(m.group(1)), m.group(2).strip()) for m in re.finditer(r"^(#{1,6}) +(.+)$", prose(nb), re.M)]


def anchors(nb: nbformat.NotebookNode) -> set[str]:
    """Anchors a link may target: headings as GitHub and JupyterLab name them, and explicit ids."""
    found = set(ANCHOR.findall(markdown(nb)))
    for _, title in headings(nb):
        plain = re.sub(r"[*_`]|<[^>]+>", "", title)
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", plain)
        found.add(re.sub(r"[^\w\- ]", "", plain).strip().lower().replace(" ", "-"))  # GitHub
        found.add(plain.strip().replace(" ", "-"))  # JupyterLab
    return found


# --- the lesson list and the files agree -----------------------------------------------------


def test_there_are_lessons_and_each_is_in_the_lesson_list():
    assert NOTEBOOKS, "no lesson notebook found in notebooks/"
    listed = {lesson.filename for lesson in lessons.LESSONS}
    assert {p.name for p in NOTEBOOKS} <= listed, "a notebook is missing from mediavsnet/core/lesson_list.py"


# --- canonical form and navigation -----------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_canonical_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    assert text == tool.dumps(tool.canonical(load(path))), (
        f"{path.name} is not canonical: run  python tools/notebooks.py nav notebooks/{path.name}  "
        "(or refresh, to re-execute it)"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_navigation_is_present_and_fresh(path):
    nb = load(path)
    fresh = tool.navigation(nb, path.name, path.parent)
    first, last = nb.cells[0], nb.cells[-1]
    assert first.cell_type == "markdown" and "nav-header" in first.metadata.get("tags", []), "no nav-header"
    assert last.cell_type == "markdown" and "nav-footer" in last.metadata.get("tags", []), "no nav-footer"
    assert (first.source, last.source) == (fresh.cells[0].source, fresh.cells[-1].source), (
        f"{path.name}: navigation is stale: run  python tools/notebooks.py nav"
    )


# --- lesson metadata and parts ---------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_course_metadata(path):
    course = load(path).metadata.get("course")
    assert isinstance(course, dict), f"{path.name}: no 'course' notebook metadata"
    lesson = lessons.by_filename(path.name)
    assert course.get("lesson") == lesson.number == path.name[:2]
    minutes = course.get("minutes")
    assert isinstance(minutes, dict) and set(minutes) == {"teaching", "exercises"}, minutes
    for kind, value in minutes.items():
        assert type(value) is int and value > 0, f"minutes.{kind} = {value!r} must be a positive int"
    objectives = course.get("objectives")
    assert isinstance(objectives, list) and 1 <= len(objectives) <= 3, objectives
    assert all(isinstance(o, str) and o.strip() for o in objectives), objectives


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_lesson_has_the_parts_a_lesson_needs(path):
    nb = load(path)
    text = markdown(nb)
    missing = [part for part, pattern in SECTIONS.items() if not pattern.search(text)]
    assert not missing, f"{path.name} has no section for: {missing} (LESSONS.md)"
    exercises = text[SECTIONS["exercises"].search(text).start() :]
    assert exercises.count("<details") >= 2, f"{path.name}: at least two exercises with a <details> solution"


def explorers_of(nb: nbformat.NotebookNode) -> list[type]:
    """The explorer classes a notebook builds, from its imports of ``mediavsnet.lessons.<module>``."""
    modules = set(re.findall(r"\bmediavsnet\.lessons\.\w+\.explorer\b", "".join(
        c.source for c in nb.cells if c.cell_type == "code")))
    return [cls for cls in EXPLORERS.values() if cls.__module__ in modules]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_control_has_its_default_sourced_in_the_lesson(path):
    """Every number a learner sees is cited or an assumption: each slider's row in the sources table."""
    nb = load(path)
    table = "".join(c.source for c in nb.cells if "## Assumptions and sources" in c.source)
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    missing = [
        spec.label
        for cls in explorers_of(nb)
        for spec in cls.specs
        if not any(row.split("|")[1].strip().startswith(spec.label) for row in rows)
    ]
    assert not missing, f"no row in 'Assumptions and sources' for: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_at_least_two_keep_output_cells_with_outputs(path):
    kept = [c for c in load(path).cells if "keep_output" in c.metadata.get("tags", [])]
    assert len(kept) >= 2, f"{path.name}: {len(kept)} keep_output cell(s); a lesson keeps at least two"
    assert all(c.cell_type == "code" and c.outputs for c in kept), (
        f"{path.name}: a keep_output cell has no stored output: run  python tools/notebooks.py refresh"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_headings_in_order(path):
    levels = [level for level, _ in headings(load(path))]
    assert levels and levels.count(1) == 1 and levels[0] == 1, f"{path.name}: exactly one # title, first"
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b - a > 1]
    assert not skips, f"{path.name}: heading levels skip: {skips}"


# --- links and images ------------------------------------------------------------------------


def check_target(path: Path, nb: nbformat.NotebookNode, target: str) -> str | None:
    """Why a link target does not resolve, or None when it does."""
    url = urlparse(target)
    if url.scheme or target.startswith("//"):
        return None  # http(s), mailto...: external, not checked offline
    if url.path:
        resolved = (path.parent / unquote(url.path)).resolve()
        if not resolved.exists():
            return f"broken link {target}"
        if url.fragment and resolved.suffix == ".ipynb":
            if url.fragment not in anchors(load(resolved)):
                return f"no anchor #{url.fragment} in {resolved.name}"
        return None
    if url.fragment and url.fragment not in anchors(nb):
        return f"no heading or anchor for #{url.fragment}"
    return None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_internal_links_resolve(path):
    nb = load(path)
    targets = [m.group(1) or m.group(2) for m in LINK.finditer(prose(nb))]
    broken = [why for target in targets if (why := check_target(path, nb, target))]
    assert not broken, f"{path.name}: {broken}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_images_have_alt_text_and_exist(path):
    text = prose(load(path))
    found = [(alt, src) for alt, src in MD_IMAGE.findall(text)]
    for tag in HTML_IMAGE.findall(text):
        alt = re.search(r"\balt=[\"']([^\"']*)[\"']", tag)
        src = re.search(r"\bsrc=[\"']([^\"']*)[\"']", tag)
        found.append((alt.group(1) if alt else "", src.group(1) if src else ""))
    for alt, src in found:
        assert alt.strip(), f"{path.name}: image {src} has no alt text"
        assert src, f"{path.name}: an image without src"
        if not urlparse(src).scheme:
            assert (path.parent / unquote(src)).exists(), f"{path.name}: missing image {src}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_images_are_files_inside_the_notebooks_folder(path):
    """Voilà serves the notebooks folder and shows no picture outside it (it stops the page on a
    ``../`` path); and a lesson opened offline, or projected, fetches nothing from the internet."""
    text = prose(load(path))
    sources = [src for _alt, src in MD_IMAGE.findall(text)]
    for tag in HTML_IMAGE.findall(text):
        if src := re.search(r"\bsrc=[\"']([^\"']*)", tag):
            sources.append(src.group(1))
    notebooks = (ROOT / "notebooks").resolve()
    for src in sources:
        remote = urlparse(src).scheme or src.startswith("//")
        assert not remote, f"{path.name}: {src} is fetched from outside"
        assert (path.parent / unquote(src)).resolve().is_relative_to(notebooks), (
            f"{path.name}: {src} is outside notebooks/ (put it in notebooks/images/)"
        )


# --- size, paths, assets ---------------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_size_budget(path):
    size = path.stat().st_size
    assert size < MAX_BYTES, f"{path.name} is {size} bytes; the budget is {MAX_BYTES}"


def cell_texts(nb: nbformat.NotebookNode):
    for cell in nb.cells:
        yield cell.source
        for output in cell.get("outputs", []):
            yield output.get("text", "")
            yield from (str(v) for v in output.get("data", {}).values())


def test_no_absolute_paths_anywhere():
    offenders = []
    for folder in SCANNED:
        for file in sorted((ROOT / folder).rglob("*")):
            if not file.is_file() or file.suffix not in TEXT_SUFFIXES or "__pycache__" in file.parts:
                continue
            text = file.read_text(encoding="utf-8")
            if file.suffix == ".ipynb":  # the cells' text, not the JSON (where a newline is "\\n")
                text = "\n".join(cell_texts(load(file)))
            for number, line in enumerate(text.splitlines(), 1):
                if ABSOLUTE.search(line):
                    offenders.append(f"{file.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not offenders, "absolute paths:\n" + "\n".join(offenders)


SVGS = sorted([*(ROOT / "assets").rglob("*.svg"), *(ROOT / "notebooks").rglob("*.svg")])


@pytest.mark.parametrize("svg", SVGS, ids=[s.name for s in SVGS])
def test_every_svg_is_accessible(svg):
    source = svg.read_text(encoding="utf-8")
    root = re.search(r"<svg\b[^>]*>", source)
    assert root, f"{svg.name}: no <svg> element"
    title = re.search(r"<title\b[^>]*>\s*(\S[^<]*)</title>", source)
    assert title, f"{svg.name}: no non-empty <title>"
    assert 'role="img"' in root.group(0), f'{svg.name}: the <svg> element needs role="img"'
    assert re.search(r"\baria-(label|labelledby)=\"[^\"]+\"", root.group(0)), (
        f"{svg.name}: the <svg> element needs aria-label or aria-labelledby"
    )


def test_plans_saved_in_the_notebooks_folder_are_not_committed():
    """A learner's saved plans are theirs: git never offers to commit them."""
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert f"{planner.DEFAULT_FOLDER}/" in ignored


def test_every_hand_mutation_still_applies_to_the_code_it_names():
    """tools/mutation/mutate_by_hand.py finds its mistakes by their text: when the code moves, an
    entry goes stale and silently tests nothing. Keep the list in step with the code."""
    sys.path.insert(0, str(ROOT / "tools" / "mutation"))
    import mutate_by_hand

    stale = [m.name for m in mutate_by_hand.MUTATIONS
             if mutate_by_hand.apply((ROOT / m.path).read_text(encoding="utf-8"), m.edits) is None]
    assert not stale, f"hand mutations whose text is no longer in their file exactly once: {stale}"


def test_the_mutant_triage_sees_a_change_but_not_a_random_id_or_a_group_renamed_alike():
    """tools/mutation/mutant_effects.py calls a mutant harmless when the screen is the same: it must
    still see a changed property, and must not see plotly's random trace ids or a stack renamed
    on every trace (which draws the same)."""
    sys.path.insert(0, str(ROOT / "tools" / "mutation"))
    import mutant_effects

    def screen(fig):
        seen = dict(mutant_effects.flatten(fig.to_plotly_json()))
        return [mutant_effects.group_names_alike(seen)]

    def figure(stack: str, width: float):  # each trace with a new random id, as a FigureWidget gives it
        return go.Figure([go.Scatter(y=[1.0, float("nan")], stackgroup=stack, line={"width": width},
                                     uid=str(uuid.uuid4())),
                          go.Scatter(y=[2.0, 3.0], stackgroup=stack, uid=str(uuid.uuid4()))])

    differences = mutant_effects.differences
    assert differences(screen(figure("a", 2)), screen(figure("XXaXX", 2))) == []
    assert differences(screen(figure("a", 2)), screen(figure("a", 3))) == ["data[0].line.width"]
    unstacked = figure("a", 2)
    unstacked.data[1].stackgroup = None
    assert differences(screen(figure("a", 2)), screen(unstacked)) == ["data[1].stackgroup"]


def test_a_mutant_in_one_explorer_is_tested_by_its_own_tests_and_those_that_name_none():
    sys.path.insert(0, str(ROOT / "tools" / "mutation"))
    import mutant_loop

    class Item:
        def __init__(self, ident):
            self.callspec = type("CallSpec", (), {"id": ident})() if ident else None

    items = [Item(None), Item("roi"), Item("time-effort"), Item("goals-weeks"), Item("roi-1")]
    names = {"mediavsnet.lessons.l05_roi.explorer": "roi",
             "mediavsnet.lessons.l04_time_and_effort.explorer": "time-effort",
             "mediavsnet.lessons.l02_goals.explorer": "goals"}
    roi_mutant = "mediavsnet.lessons.l05_roi.explorer.xǁRoiExplorerǁbuild_figure__mutmut_1"
    kept = mutant_loop.tests_for(roi_mutant, items, names)
    assert kept == [items[0], items[1], items[4]]
    kept = mutant_loop.tests_for("mediavsnet.lessons.l04_time_and_effort.explorer.x_summarize__mutmut_2",
                                 items, names)
    assert kept == [items[0], items[2]]
    assert mutant_loop.tests_for("mediavsnet.models.cascade.x_run__mutmut_1", items, names) == items
