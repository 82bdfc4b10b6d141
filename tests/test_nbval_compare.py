"""The notebook layer can fail: nbval compares keep_output cells exactly, and only them.

Each test writes a tiny canonical notebook to a temporary folder, copies the
course's notebooks/conftest.py and notebooks/sanitize.cfg beside it, and runs
pytest on it in a subprocess with the options pyproject.toml gives every run.
The repository's own configuration is not used there (a pytest.ini in the
temporary folder makes it the root), so the real notebooks are not collected.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as tool  # noqa: E402


def lesson(stored: str, *, loose_source: str = "print('not compared: no stored output')") -> str:
    """A canonical notebook: one stripped cell that prints, one keep_output cell."""
    loose = new_code_cell(loose_source)
    kept = new_code_cell("print(6 * 7)\nprint(object())", metadata={"tags": ["keep_output"]})
    kept.outputs = [new_output("stream", name="stdout", text=stored)]
    nb = new_notebook(cells=[new_markdown_cell("# Tiny"), loose, kept])
    return tool.dumps(tool.canonical(nb))


def run_pytest(folder: Path, notebook_text: str) -> subprocess.CompletedProcess:
    shutil.copy(ROOT / "notebooks" / "conftest.py", folder / "conftest.py")
    shutil.copy(ROOT / "notebooks" / "sanitize.cfg", folder / "sanitize.cfg")
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (folder / "lesson.ipynb").write_text(notebook_text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "-q",
        "--rootdir",
        str(folder),
        "--nbval",
        "--nbval-current-env",
        "--nbval-sanitize-with",
        "sanitize.cfg",
        "lesson.ipynb",
    ]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=180)


def test_a_wrong_kept_output_fails(tmp_path):
    result = run_pytest(tmp_path, lesson("41\n<object object at 0x7f00deadbeef>\n"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Cell outputs differ" in result.stdout
    assert "1 failed, 1 passed" in result.stdout  # the stripped cell printed, and was not compared


def test_the_right_kept_output_passes_with_sanitized_addresses(tmp_path):
    result = run_pytest(tmp_path, lesson("42\n<object object at 0x7f00deadbeef>\n"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_an_error_in_a_stripped_cell_fails(tmp_path):
    result = run_pytest(tmp_path, lesson("42\n<object object at 0x1234567>\n", loose_source="1 / 0"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "ZeroDivisionError" in result.stdout
