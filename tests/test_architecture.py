"""The package's architecture holds: import-linter's contracts (pyproject.toml, [tool.importlinter]).

Lessons sit on shared code (core, models, the explorer machinery, the learner's
tools) and never on each other; models draw nothing; the core shows nothing. A
course author who adds a forbidden import sees this test fail and the contract
it breaks. The second test shows that each contract can fail: it adds a
forbidden import to a copy of the package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """import-linter on the package in ``root``, with the contracts of ``root``'s pyproject.toml."""
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "200"}  # one contract a line
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_every_contract_is_kept():
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout and "4 kept" in run.stdout, run.stdout


#: A forbidden import, where it goes, and the contract it breaks.
FORBIDDEN = [
    ("mediavsnet/lessons/l05_roi/explorer.py", "from mediavsnet.lessons.l04_time_and_effort import tables",
     "No lesson imports another lesson"),
    ("mediavsnet/models/posting.py", "import plotly.graph_objects",
     "Models simulate the world: no plotting, no widgets"),
    ("mediavsnet/core/text.py", "import ipywidgets", "The core draws nothing and shows no widget"),
    ("mediavsnet/core/palette.py", "from mediavsnet.explorer import axes", "Layers:"),
    ("mediavsnet/models/funnel.py", "from mediavsnet.lessons.l02_goals import tables", "Layers:"),
]


@pytest.mark.parametrize(("path", "line", "contract"), FORBIDDEN, ids=[f[0] for f in FORBIDDEN])
def test_a_forbidden_import_breaks_its_contract(tmp_path, path, line, contract):
    shutil.copytree(ROOT / "mediavsnet", tmp_path / "mediavsnet",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert lint_imports(tmp_path).returncode == 0, "the copy keeps every contract before the change"
    target = tmp_path / path
    future = "\nfrom __future__ import annotations\n"
    source = target.read_text(encoding="utf-8")
    target.write_text(source.replace(future, f"{future}\n{line}\n", 1), encoding="utf-8")
    assert line in target.read_text(encoding="utf-8")
    run = lint_imports(tmp_path)
    assert run.returncode == 1, run.stdout
    broken = [row for row in run.stdout.splitlines() if row.rstrip().endswith("BROKEN")]
    assert any(contract in row for row in broken), run.stdout
