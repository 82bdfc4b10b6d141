"""Hygiene: every notebook canonical, complete and linked; no absolute paths; images with alt text.

Notebooks are found by glob, so a new lesson is checked the moment it exists.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest

from mediavsnet import lessons

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as tool  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
MAX_BYTES = 300_000
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)|href=\"([^\"]+)\"")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)|<img\b[^>]*>")
ABSOLUTE = re.compile(r"(/work/|/home/|/root/|/tmp/|[A-Z]:\\\\)")
SECTIONS = {
    "objectives": re.compile(r"^## (What you will learn|Learning objectives)", re.M),
    "exercises": re.compile(r"^## Exercises", re.M),
    "self-check": re.compile(r"^## Self-check", re.M),
    "takeaways": re.compile(r"^## Key takeaways", re.M),
    "sources": re.compile(r"^## Assumptions and sources", re.M),
}


def load(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def anchors(nb) -> set[str]:
    """The anchors JupyterLab and GitHub give headings: lower case, spaces to hyphens."""
    found = set()
    for line in markdown(nb).splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            found.add(re.sub(r"[^\w\- ]", "", title).strip().lower().replace(" ", "-"))
    return found


ids = [p.name for p in NOTEBOOKS]


def test_there_are_lessons():
    assert NOTEBOOKS, "no notebook found in notebooks/"
    assert {p.name for p in NOTEBOOKS} == {lesson.filename for lesson in lessons.available()}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_is_canonical_with_fresh_navigation(path):
    assert path.read_text(encoding="utf-8") == tool.expected_text(path), (
        f"{path.name} is not canonical: run python tools/notebooks.py refresh notebooks/{path.name}"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_no_widget_state_and_no_stored_errors(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in raw["metadata"]
    for cell in raw["cells"]:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_lesson_metadata(path):
    course = load(path).metadata["course"]
    lesson = lessons.by_filename(path.name)
    assert course["lesson"] == lesson.number
    minutes = course["minutes"]
    assert set(minutes) == {"teaching", "exercises"}
    assert all(isinstance(m, int) and m > 0 for m in minutes.values())
    assert 1 <= len(course["objectives"]) <= 3


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_every_lesson_has_the_parts_a_lesson_needs(path):
    nb = load(path)
    text = markdown(nb)
    for part, pattern in SECTIONS.items():
        assert pattern.search(text), f"{path.name} has no {part} section"
    assert text.count("<details>") >= 2, "at least two exercises with hidden solutions"
    kept = [c for c in nb.cells if "keep_output" in c.metadata.get("tags", [])]
    assert len(kept) >= 2, "at least two keep_output cells carry the lesson's claim"
    assert all(c.outputs for c in kept), "a keep_output cell without output: refresh it"
    assert any("lesson_quiz(" in c.source for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_headings_in_order(path):
    levels = [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) ", markdown(load(path)), re.M)]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_internal_links_resolve(path):
    nb = load(path)
    for match in LINK.finditer(markdown(nb)):
        target = match.group(1) or match.group(2)
        url = urlparse(target)
        if url.scheme in ("http", "https", "mailto"):
            continue
        if url.path:
            resolved = (path.parent / unquote(url.path)).resolve()
            assert resolved.exists(), f"{path.name}: broken link {target}"
        if url.fragment and not url.path:
            assert url.fragment in anchors(nb), f"{path.name}: no heading for #{url.fragment}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_images_have_alt_text_and_exist(path):
    for match in IMAGE.finditer(markdown(load(path))):
        if match.group(0).startswith("<img"):
            alt = re.search(r'alt="([^"]*)"', match.group(0))
            src = re.search(r'src="([^"]*)"', match.group(0))
            assert alt and alt.group(1).strip(), f"{path.name}: image without alt text"
            target = src.group(1) if src else ""
        else:
            assert match.group(1).strip(), f"{path.name}: image without alt text"
            target = match.group(2)
        assert (path.parent / target).exists(), f"{path.name}: missing image {target}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_size_budget(path):
    assert path.stat().st_size < MAX_BYTES


def test_no_absolute_paths_anywhere():
    folders = ["mediavsnet", "notebooks", "assets", "tools", "instructors"]
    offenders = []
    for folder in folders:
        for file in (ROOT / folder).rglob("*"):
            if file.is_file() and file.suffix in {".py", ".ipynb", ".md", ".toml", ".json", ".svg", ".cfg"}:
                if ABSOLUTE.search(file.read_text(encoding="utf-8")):
                    offenders.append(str(file.relative_to(ROOT)))
    assert not offenders, offenders


def test_every_svg_is_accessible():
    for svg in (ROOT / "assets").rglob("*.svg"):
        source = svg.read_text(encoding="utf-8")
        assert "<title" in source and "<desc" in source, svg.name
        assert 'role="img"' in source, svg.name


def test_each_lesson_in_the_list_has_a_unique_number_and_slug():
    numbers = [lesson.number for lesson in lessons.LESSONS]
    assert numbers == sorted(set(numbers))
    assert len({lesson.slug for lesson in lessons.LESSONS}) == len(lessons.LESSONS)
