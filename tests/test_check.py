"""The environment check: right when all is well, and a fix command when something is not."""

from __future__ import annotations

from pathlib import Path

from mediavsnet.learning import check


def fake_dirs(tmp_path: Path, *folders: str):
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True)
    return lambda: [tmp_path]


def test_all_good(tmp_path):
    checks = check.run_checks(lambda p: "99.0", fake_dirs(tmp_path, *check.FRONTENDS.values()))
    assert all(c.ok for c in checks)
    assert "All set" in check.report(checks)


def test_missing_and_old_packages_give_the_fix(tmp_path):
    versions = {"plotly": None, "ipywidgets": "7.8.1"}
    dirs = fake_dirs(tmp_path, *check.FRONTENDS.values())
    checks = check.run_checks(lambda p: versions.get(p, "99.0"), dirs)
    bad = {c.name for c in checks if not c.ok}
    assert bad == {"plotly", "ipywidgets"}
    out = check.report(checks)
    assert "not installed" in out and "7.8.1" in out
    assert out.count(check.FIX_INSTALL) == 1  # one command, said once


def test_missing_frontend_is_reported(tmp_path):
    checks = check.run_checks(lambda p: "99.0", fake_dirs(tmp_path, check.FRONTENDS["ipywidgets"]))
    bad = [c for c in checks if not c.ok]
    assert len(bad) == 1 and "anywidget" in bad[0].name
    assert "not found by JupyterLab" in check.report(checks)


def test_main_exit_codes(monkeypatch, capsys):
    monkeypatch.setattr(check, "run_checks", lambda: [check.Check("x", False, "old", "pip install x")])
    assert check.main() == 1
    assert "pip install x" in capsys.readouterr().out
    monkeypatch.setattr(check, "run_checks", lambda: [check.Check("x", True, "1.0")])
    assert check.main() == 0


def test_this_environment_passes():
    """The test environment is installed from requirements.txt, so it must pass its own check."""
    assert all(c.ok for c in check.run_checks()), check.report(check.run_checks())
