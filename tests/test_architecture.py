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


# --- one home per lesson, one scheme for all --------------------------------------------------

PACKAGE = ROOT / "mediavsnet"
SHARED = {"core", "explorer", "learning", "lessons", "models", "locales"}


def test_the_package_top_level_holds_shared_layers_only():
    top = {p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"}
    assert top - {"__init__.py"} == SHARED, f"a module at the package's top level: {sorted(top - SHARED)}"


def test_every_lesson_home_is_named_by_its_number_and_every_lesson_has_its_strings():
    from mediavsnet.core.lesson_list import LESSONS

    homes = {p.name for p in (PACKAGE / "lessons").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert homes <= {lesson.home for lesson in LESSONS}, f"a home for no lesson: {homes}"
    for lesson in LESSONS:
        assert (PACKAGE / "locales" / "en" / f"lesson{lesson.number}.toml").is_file(), lesson.number
        if lesson.number != "00":  # lesson 00 uses shared tools only
            assert lesson.home in homes, f"lesson {lesson.number} has no home in mediavsnet/lessons/"


def test_each_notebook_imports_from_its_own_home_only():
    import json
    import re

    from mediavsnet.core.lesson_list import LESSONS

    for lesson in LESSONS:
        path = ROOT / "notebooks" / lesson.filename
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        homes = set(re.findall(r"mediavsnet\.lessons\.(\w+)", code))
        assert homes <= {lesson.home}, f"{path.name} imports from {sorted(homes)}"


def test_a_lesson_s_self_check_is_in_its_own_strings_file():
    import re
    import tomllib

    for path in sorted((PACKAGE / "locales" / "en").glob("*.toml")):
        quizzes = {k for k in tomllib.loads(path.read_text(encoding="utf-8")).get("quiz", {})
                   if re.fullmatch(r"l\d\d", k)}  # quiz.lNN, not the shared quiz words (quiz.right)
        own = {f"l{path.stem.removeprefix('lesson')}"} if path.stem.startswith("lesson") else set()
        assert quizzes <= own, f"{path.name} holds the self-check of {sorted(quizzes)}"
