"""The strings table: every learner-facing word the package shows.

One table per language, kept as a folder of TOML files in ``locales/<language>/``
(``en`` now; a French edition adds ``locales/fr/`` with the same keys). The
files of a folder are one table: a file per lesson (``lesson04.toml``) and the
shared words apart (``params.toml``, ``units.toml``...), so a language is a folder
of files and no code; a key defined twice is an error. Keys are dotted paths such
as ``param.posting_hours.label``. Code asks for ``t(key, **values)``; a missing key
is a bug, so it raises instead of showing the key to a learner.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LANGUAGE = "en"
_language = DEFAULT_LANGUAGE


@cache
def table(language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """All strings of one language, flattened to dotted keys."""
    folder = resources.files("mediavsnet").joinpath("locales", language)
    merged: dict[str, Any] = {}
    for part in sorted(folder.iterdir(), key=lambda p: p.name):
        if not part.name.endswith(".toml"):
            continue
        flat = _flatten(tomllib.loads(part.read_text("utf-8")))
        twice = merged.keys() & flat.keys()
        if twice:
            raise ValueError(f"{part.name} defines strings already defined: {sorted(twice)}")
        merged.update(flat)
    return merged


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, path + "."))
        else:
            flat[path] = value
    return flat


def set_language(language: str) -> None:
    """Switch every later string to another language's table."""
    global _language
    table(language)  # fail now if the table is missing
    _language = language


def t(key: str, /, **values: Any) -> str:
    """The string for ``key`` in the current language, with ``{placeholders}`` filled."""
    try:
        text = table(_language)[key]
    except KeyError:
        raise KeyError(f"no string {key!r} in the {_language!r} strings table") from None
    return text.format(**values) if values else text


def content(key: str, /) -> Any:
    """Structured content (a list of quiz questions, of warm-up items) for ``key``.

    TOML arrays of tables are not split into dotted keys: they come back whole,
    as lists of dicts, for components that lay out many strings at once.
    """
    try:
        return table(_language)[key]
    except KeyError:
        raise KeyError(f"no content {key!r} in the {_language!r} strings table") from None
