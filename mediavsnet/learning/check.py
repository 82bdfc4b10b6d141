"""Is this Jupyter ready for the course? ``python -m mediavsnet.learning.check`` says, and how to fix it.

Explorers need the right versions of JupyterLab, ipywidgets, plotly and
anywidget, and the widget front-ends installed where JupyterLab finds them.
When one is missing, a learner sees a blank space or a "model not found"
message instead of a slider: this check names the problem and gives the one
command that fixes it. Lesson 00 runs it in its first code cell.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from mediavsnet.core.strings import t

#: Package name on PyPI -> the oldest version the course is tested with.
MINIMUM_VERSIONS = {
    "jupyterlab": "4.6",
    "ipywidgets": "8.1",
    "plotly": "7.1",
    "anywidget": "0.11",
    "numpy": "2.0",
}

#: Front-end extensions JupyterLab must find: folder under a labextensions path.
FRONTENDS = {
    "ipywidgets": "@jupyter-widgets/jupyterlab-manager",
    "anywidget": "anywidget",
}

FIX_INSTALL = "pip install -r requirements.txt"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    found: str
    fix: str = ""


def _version_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def installed_version(package: str) -> str | None:
    """The installed version of a package, or None when it is missing."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def labextension_dirs() -> list[Path]:
    """Where JupyterLab looks for prebuilt front-end extensions."""
    try:
        from jupyter_core.paths import jupyter_path
    except ImportError:
        return []
    return [Path(p) for p in jupyter_path("labextensions")]


def run_checks(
    version_of: Callable[[str], str | None] = installed_version,
    extension_dirs: Callable[[], list[Path]] = labextension_dirs,
) -> list[Check]:
    """Check the Python version, each package's version and each widget front-end."""
    checks = [
        Check(
            "python",
            sys.version_info >= (3, 11),
            sys.version.split()[0],
            "" if sys.version_info >= (3, 11) else t("check.fix_python"),
        )
    ]
    for package, minimum in MINIMUM_VERSIONS.items():
        version = version_of(package)
        ok = version is not None and _version_tuple(version) >= _version_tuple(minimum)
        found = version or t("check.missing")
        checks.append(Check(package, ok, found, "" if ok else FIX_INSTALL))
    dirs = extension_dirs()
    for package, folder in FRONTENDS.items():
        where = next((d / folder for d in dirs if (d / folder).is_dir()), None)
        found = t("check.frontend_found") if where else t("check.frontend_missing")
        checks.append(Check(t("check.frontend", package=package), where is not None, found,
                            "" if where else FIX_INSTALL))
    return checks


def report(checks: list[Check]) -> str:
    """One line per check, then the fix commands (each once) if anything is wrong."""
    width = max(len(c.name) for c in checks)
    lines = [f"{'✓' if c.ok else '✗'} {c.name:<{width}}  {c.found}" for c in checks]
    fixes = list(dict.fromkeys(c.fix for c in checks if not c.ok and c.fix))
    if fixes:
        lines.append(t("check.to_fix"))
        lines += [f"    {fix}" for fix in fixes]
        lines.append(t("check.then_restart"))
    else:
        lines.append(t("check.all_good"))
    return "\n".join(lines)


def show() -> None:
    """Print the report (lesson 00's first code cell)."""
    print(report(run_checks()))


def main() -> int:
    checks = run_checks()
    print(report(checks))
    return 0 if all(c.ok for c in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
