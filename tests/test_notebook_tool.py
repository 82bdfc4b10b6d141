"""tools/notebooks.py: the canonical form, navigation and the refusal to keep what must not be kept."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as tool  # noqa: E402


def sample() -> nbformat.NotebookNode:
    kept = new_code_cell("print(1)", metadata={"tags": ["keep_output"], "scrolled": True})
    kept.execution_count = 7
    kept.outputs = [new_output("stream", name="stdout", text="1\n")]
    loose = new_code_cell("x = 2\nx", metadata={"collapsed": True})
    loose.execution_count = 8
    loose.outputs = [new_output("execute_result", data={"text/plain": "2"}, execution_count=8)]
    nb = new_notebook(cells=[new_markdown_cell("# Title"), loose, kept])
    nb.metadata.update({"widgets": {"state": {}}, "language_info": {"name": "python", "version": "3.11"},
                        "course": {"lesson": "04"}})
    return nb


def test_canonical_keeps_only_tagged_outputs_and_drops_noise():
    nb = tool.canonical(sample())
    assert set(nb.metadata) == {"kernelspec", "language_info", "course"}
    assert nb.metadata.language_info == {"name": "python"}
    _, loose, kept = nb.cells
    assert loose.outputs == [] and loose.execution_count is None and loose.metadata == {}
    assert kept.outputs[0].text == "1\n"
    assert kept.execution_count == 2  # its place among code cells, as a fresh run gives it
    assert kept.metadata == {"tags": ["keep_output"]}


def test_canonical_is_idempotent():
    once = tool.canonical(sample())
    assert tool.dumps(tool.canonical(once)) == tool.dumps(once)


@pytest.mark.parametrize(
    "data", [{"application/vnd.jupyter.widget-view+json": {}}, {"image/png": "iVBOR"},
             {"application/vnd.plotly.v1+json": {}}]
)
def test_kept_cells_refuse_widgets_images_and_figures(data):
    nb = sample()
    nb.cells[2].outputs = [new_output("display_data", data={"text/plain": "x", **data})]
    with pytest.raises(tool.NotCanonicalError, match="only text"):
        tool.canonical(nb)


def test_navigation_is_generated_from_the_lesson_list():
    nb = tool.navigation(sample(), "04-time-and-effort.ipynb")
    header, footer = nb.cells[0], nb.cells[-1]
    assert header.metadata["tags"] == ["nav-header"] and "mybinder.org" in header.source
    assert "04-time-and-effort.ipynb" in header.source
    assert footer.metadata["tags"] == ["nav-footer"] and "00-start-here.ipynb" in footer.source
    again = tool.navigation(nb, "04-time-and-effort.ipynb")
    assert len(again.cells) == len(nb.cells)  # replaced, not added twice


def test_check_command_flags_a_stale_notebook(tmp_path, monkeypatch):
    path = tmp_path / "04-time-and-effort.ipynb"
    nbformat.write(sample(), path)
    readme = tmp_path / "README.md"
    blocks = "".join(f"<!-- {name}:start -->\n<!-- {name}:end -->\n" for name in tool.README_BLOCKS)
    readme.write_text(blocks, encoding="utf-8")
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    assert tool.main(["check", str(path)]) == 1
    assert tool.main(["nav", str(path)]) == 0
    assert "lesson-map" in readme.read_text(encoding="utf-8")
    assert tool.main(["check", str(path)]) == 0
