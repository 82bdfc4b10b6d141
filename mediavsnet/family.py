"""The family of social media types named in the article, from the strings table.

The article's "good to know" section lists six kinds of social media (main
platforms, sharing, networking, messaging, publishing, collaborating) with
examples. Networking is one of them: the course's picture of social
networking as one part of social media. Lessons 00 and 06 use this list.
"""

from __future__ import annotations

from dataclasses import dataclass

from mediavsnet.strings import content, t


@dataclass(frozen=True)
class MediaType:
    key: str
    name: str
    purpose: str
    examples: str


def types() -> tuple[MediaType, ...]:
    """The six types, in the article's order."""
    return tuple(MediaType(**entry) for entry in content("family.types"))


def table() -> str:
    """A plain-text table of the types, with networking marked as one of them."""
    rows = [(m.name, m.purpose, m.examples, m.key == "networking") for m in types()]
    w0 = max(len(r[0]) for r in rows + [(t("family.header_type"),)])
    w1 = max(len(r[1]) for r in rows + [("", t("family.header_purpose"))])
    header = (t("family.header_type"), t("family.header_purpose"), t("family.header_examples"))
    lines = [f"{header[0]:<{w0}}  {header[1]:<{w1}}  {header[2]}"]
    for name, purpose, examples, networking in rows:
        mark = f"  {t('family.networking_mark')}" if networking else ""
        lines.append(f"{name:<{w0}}  {purpose:<{w1}}  {examples}{mark}")
    return "\n".join(lines)
