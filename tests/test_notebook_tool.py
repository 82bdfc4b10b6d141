"""tools/notebooks.py: the canonical form, navigation, the check command and refresh.

Every test builds its own small notebooks; none reads the course's lessons.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as tool  # noqa: E402
from mediavsnet.core import lesson_list as lessons  # noqa: E402

COURSE = {"lesson": "04", "minutes": {"teaching": 20, "exercises": 15}, "objectives": ["a", "b"]}


def sample() -> nbformat.NotebookNode:
    """A notebook as JupyterLab saves it after a run: outputs, counts, widget state, noise."""
    kept = new_code_cell("print(1)\n1", metadata={"tags": ["keep_output"], "scrolled": True})
    kept.execution_count = 7
    kept.outputs = [
        new_output("stream", name="stdout", text="1\n"),
        new_output("execute_result", data={"text/plain": "1"}, execution_count=7, metadata={"x": 1}),
    ]
    loose = new_code_cell("x = 2\nx", metadata={"collapsed": True, "execution": {"iopub.status.busy": "t"}})
    loose.execution_count = 8
    loose.outputs = [new_output("execute_result", data={"text/plain": "2"}, execution_count=8)]
    text = new_markdown_cell("# Title", metadata={"editable": False})
    nb = new_notebook(cells=[text, loose, kept])
    for index, cell in enumerate(nb.cells):
        cell.id = f"sample-{index}"
    nb.metadata.update(
        {
            "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}},
            "language_info": {"name": "python", "version": "3.11.2", "mimetype": "text/x-python"},
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "toc": {"x": 1},
            "course": COURSE,
        }
    )
    return nb


def test_canonical_keeps_only_tagged_outputs_and_drops_noise():
    nb = tool.canonical(sample())
    assert set(nb.metadata) == {"kernelspec", "language_info", "course"}
    assert nb.metadata.language_info == {"name": "python"}
    assert nb.metadata.kernelspec["name"] == "python3"
    assert nb.metadata.course == COURSE
    text, loose, kept = nb.cells
    assert text.metadata == {}
    assert loose.outputs == [] and loose.execution_count is None and loose.metadata == {}
    assert kept.metadata == {"tags": ["keep_output"]}
    assert kept.execution_count is None
    assert [o.output_type for o in kept.outputs] == ["stream", "execute_result"]
    assert kept.outputs[0].text == "1\n"
    assert kept.outputs[1].execution_count is None and kept.outputs[1].metadata == {}
    nbformat.validate(nb)


def test_canonical_keeps_cell_ids_and_gives_missing_ones_stable_ids():
    nb = sample()
    ids = [c.id for c in nb.cells]
    assert [c.id for c in tool.canonical(nb).cells] == ids
    del nb.cells[1]["id"]
    nb.cells[2].id = nb.cells[0].id  # a duplicate, as a bad merge can leave
    assert [c.id for c in tool.canonical(nb).cells] == [ids[0], "cell-1", "cell-2"]


def test_canonical_is_deterministic_and_idempotent():
    once = tool.canonical(sample())
    assert tool.dumps(tool.canonical(once)) == tool.dumps(once)
    assert tool.dumps(tool.canonical(sample())) == tool.dumps(tool.canonical(sample()))


def test_dumps_writes_indent_one_and_a_trailing_newline():
    text = tool.dumps(tool.canonical(sample()))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.startswith('{\n "cells": [\n  {\n')
    assert json.loads(text)["nbformat"] == 4


@pytest.mark.parametrize(
    "data",
    [
        {"application/vnd.jupyter.widget-view+json": {"model_id": "abc"}},
        {"image/png": "iVBOR"},
        {"image/svg+xml": "<svg/>"},
        {"application/vnd.plotly.v1+json": {}},
    ],
)
def test_kept_cells_refuse_widgets_images_and_figures(data):
    nb = sample()
    nb.cells[2].outputs = [new_output("display_data", data={"text/plain": "x", **data})]
    with pytest.raises(tool.NotCanonicalError, match="keep_output cell .* text only"):
        tool.canonical(nb)


def test_the_same_outputs_in_a_stripped_cell_are_simply_dropped():
    nb = sample()
    nb.cells[1].outputs = [new_output("display_data", data={"image/png": "iVBOR"})]
    assert tool.canonical(nb).cells[1].outputs == []


def test_kept_cells_refuse_a_stored_error():
    nb = sample()
    nb.cells[2].outputs = [new_output("error", ename="ZeroDivisionError", evalue="", traceback=[])]
    with pytest.raises(tool.NotCanonicalError, match="error"):
        tool.canonical(nb)


def make_course(folder: Path, numbers: tuple[str, ...]) -> dict[str, Path]:
    """Empty lesson notebooks for some lesson numbers, as a course folder."""
    paths = {}
    for lesson in lessons.LESSONS:
        if lesson.number in numbers:
            nb = sample()
            nb.metadata.course = {**COURSE, "lesson": lesson.number}
            path = folder / lesson.filename
            nbformat.write(nb, path)
            paths[lesson.number] = path
    return paths


def test_navigation_links_binder_readme_and_existing_neighbours(tmp_path):
    make_course(tmp_path, ("00", "04", "06"))
    nb = tool.navigation(sample(), "04-time-and-effort.ipynb", tmp_path)
    header, footer = nb.cells[0], nb.cells[-1]
    assert header.metadata["tags"] == ["nav-header"] and header.id == "nav-header"
    assert (
        f"https://mybinder.org/v2/gh/{lessons.REPOSITORY}/{lessons.BRANCH}"
        "?urlpath=lab/tree/notebooks/04-time-and-effort.ipynb" in header.source
    )
    assert f"Lesson 04: Time and effort** (lessons 00 to {lessons.LESSONS[-1].number})" in header.source
    assert "(../README.md)" in header.source
    assert footer.metadata["tags"] == ["nav-footer"] and footer.id == "nav-footer"
    assert "(00-start-here.ipynb)" in footer.source and "(06-social-media-family.ipynb)" in footer.source
    assert "05-roi" not in footer.source  # lessons that do not exist yet are not linked
    assert nb.cells[1:-1] == sample().cells


def test_navigation_replaces_rather_than_adds(tmp_path):
    make_course(tmp_path, ("00", "04"))
    once = tool.navigation(sample(), "04-time-and-effort.ipynb", tmp_path)
    twice = tool.navigation(once, "04-time-and-effort.ipynb", tmp_path)
    assert tool.dumps(twice) == tool.dumps(once)
    first = tool.navigation(sample(), "00-start-here.ipynb", tmp_path)
    assert "Previous" not in first.cells[-1].source and "(04-time-and-effort.ipynb)" in first.cells[-1].source


def test_navigation_refuses_a_notebook_not_in_the_lesson_list():
    with pytest.raises(KeyError, match="lesson_list.py"):
        tool.navigation(sample(), "99-unknown.ipynb")


def test_check_lists_stale_notebooks_and_nav_fixes_them(tmp_path, monkeypatch, capsys):
    paths = make_course(tmp_path, ("00", "04"))
    monkeypatch.setattr(tool, "ROOT", tmp_path)  # no README.md there: only notebooks are checked
    args = [str(p) for p in paths.values()]
    assert tool.main(["check", *args]) == 1
    out = capsys.readouterr().out
    assert "00-start-here.ipynb: not canonical; navigation header/footer missing or stale" in out
    assert "04-time-and-effort.ipynb" in out
    assert tool.main(["nav", *args]) == 0
    assert tool.main(["check", *args]) == 0
    # A lesson appears: lesson 04's footer is stale now, and only its navigation.
    make_course(tmp_path, ("05",))
    assert tool.main(["check", str(paths["04"])]) == 1
    assert "04-time-and-effort.ipynb: navigation header/footer missing or stale" in capsys.readouterr().out


def test_refresh_runs_in_the_notebook_folder_and_writes_canonical(tmp_path):
    (tmp_path / "data.txt").write_text("from the lesson folder\n", encoding="utf-8")
    reads = new_code_cell("print(open('data.txt').read().strip())", metadata={"tags": ["keep_output"]})
    noisy = new_code_cell("print('stripped')")
    nb = new_notebook(cells=[new_markdown_cell("# T"), noisy, reads], metadata={"course": COURSE})
    path = tmp_path / "04-time-and-effort.ipynb"
    nbformat.write(nb, path)
    tool.refresh(path)
    text = path.read_text(encoding="utf-8")
    assert text == tool.expected_text(path)
    done = nbformat.reads(text, as_version=4)
    assert done.cells[0].metadata["tags"] == ["nav-header"]
    assert done.cells[2].outputs == []
    assert done.cells[3].outputs[0].text == "from the lesson folder\n"


def test_refresh_fails_loudly_and_writes_nothing(tmp_path):
    nb = new_notebook(
        cells=[new_code_cell("raise RuntimeError('broken lesson')")], metadata={"course": COURSE}
    )
    path = tmp_path / "04-time-and-effort.ipynb"
    nbformat.write(nb, path)
    before = path.read_text(encoding="utf-8")
    with pytest.raises(
        tool.NotebookRunError, match="(?s)04-time-and-effort.ipynb failed to run.*broken lesson"
    ):
        tool.refresh(path)
    assert path.read_text(encoding="utf-8") == before
