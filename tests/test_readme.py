"""The README: its two commands, its generated blocks and its links stay true."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as tool  # noqa: E402

README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCED = re.compile(r"<!-- (run|test)-command -->\s*```bash\n(.+?)\n```", re.S)


def commands() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"run": [], "test": []}
    for kind, body in FENCED.findall(README):
        found[kind].append(body.strip())
    return found


def test_exactly_one_run_and_one_test_command_each_a_single_line():
    found = commands()
    assert len(found["run"]) == 1 and len(found["test"]) == 1
    for command in found["run"] + found["test"]:
        assert "\n" not in command
        assert command.startswith("python3 -m venv .venv && ")
    assert found["run"][0].endswith("/jupyter lab --LabApp.app_settings_dir=jupyter-settings "
                                    "notebooks/00-start-here.ipynb")
    assert "pytest" in found["test"][0]


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands()["test"][0] in ci.splitlines()


def test_the_forks_workflow_runs_it_too():
    workflow = (ROOT / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8")
    assert commands()["test"][0] in workflow


def test_generated_blocks_are_fresh():
    assert README == tool.readme_regenerated(README), "run: python tools/notebooks.py nav"


def test_relative_links_and_images_resolve():
    for target in re.findall(r"\]\(([^)\s]+)\)", README):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        assert (ROOT / target.split("#")[0]).exists(), target


def test_requirements_are_pinned():
    for name in ("requirements.txt", "requirements-test.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith(("-e", "-c")):
                assert "==" in line, f"{name}: {line} is not pinned"


def test_the_settings_the_run_command_gives_jupyterlab_are_the_ones_binder_installs():
    """The README's run command and Binder's postBuild give JupyterLab the same shipped settings."""
    import json

    overrides = json.loads((ROOT / "jupyter-settings" / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    post_build = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert "cp jupyter-settings/overrides.json" in post_build and "share/jupyter/lab/settings" in post_build
    assert (ROOT / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"
