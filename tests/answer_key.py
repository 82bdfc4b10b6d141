"""The answer key (tests/answer_key.toml), read for the quiz and warm-up tests.

The key is kept apart from the questions so that changing a right answer is a
deliberate edit in two places. Its phrases pin each option's text and
explanation to the option's id: see :func:`misplaced`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

KEY: dict[str, Any] = tomllib.loads((Path(__file__).with_name("answer_key.toml")).read_text("utf-8"))

#: Every language the course ships (a folder in mediavsnet/locales/).
LANGUAGES = sorted(p.name for p in resources.files("mediavsnet").joinpath("locales").iterdir() if p.is_dir())


def misplaced(kind: str, owner: str, own: str, others: Mapping[str, str], phrase: str) -> list[str]:
    """Why ``phrase`` does not identify ``owner``'s ``kind`` (text or explanation), or [] when it does.

    It must be in the owner's own words and in no other option's, so that the
    key can tell, for every text and explanation, which option it belongs to.
    """
    problems = []
    if phrase not in own:
        problems.append(f"{owner}'s {kind} no longer says {phrase!r}: {own!r}")
    for other, words in others.items():
        if phrase in words:
            problems.append(f"{other}'s {kind} says {phrase!r}, which the key gives to {owner}: {words!r}")
    return problems
