"""The family of social media types named in the article, from the strings table.

The article's "good to know" section lists six kinds of social media (main
platforms, sharing, networking, messaging, publishing, collaborating) with
examples. Networking is one of them: the course's picture of social
networking as one part of social media. Lessons 00 and 06 use this list.
"""

from __future__ import annotations

from dataclasses import dataclass

from mediavsnet.core.strings import content, t


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


# --- the family picture, drawn from the same table ------------------------------------------
# notebooks/images/social-media-family.svg is written by ``python tools/family_picture.py`` from
# :func:`svg`, so a course author who swaps an example in family.toml changes the table, the
# picture and its alt text together; tests/test_family_picture.py fails when they disagree.

#: Tile layout: three tiles a row, as many rows as the types need.
_PER_ROW, _TILE_W, _GAP, _MARGIN = 3, 210, 25, 40
#: A pale tint of the networking hue for its tile, and a darker shade of it for the tile's
#: name (enough contrast on the tint); the media hue draws the frame and the other tiles.
_NETWORKING_TINT, _NETWORKING_TEXT = "#FBE3D0", "#8F3F00"
_TEXT, _QUIET = "#222222", "#555555"
#: Characters per line inside a tile (14 px text in a 210 px tile).
_WRAP = 27


def alt_text() -> str:
    """The picture's alt text (and SVG description), listing every type with its examples."""
    tiles = "; ".join(
        t("family.picture.tile", name=m.name, examples=m.examples) for m in types()
    )
    return t("family.picture.alt", count=len(types()), tiles=tiles)


def _wrap(words: str, width: int = _WRAP) -> list[str]:
    lines: list[str] = []
    for word in words.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def svg() -> str:
    """The family as an accessible SVG: a media-hued frame of tiles, the networking tile in the
    networking hue, with a <title>, a <desc> (the alt text) and role="img"."""
    import html

    from mediavsnet.core import palette
    def esc(value: str) -> str:
        return html.escape(value, quote=True)

    family = types()
    texts = [[(line, _TEXT) for line in _wrap(m.examples)] + [(line, _QUIET) for line in _wrap(m.purpose)]
             for m in family]
    tile_h = 60 + 20 * max(len(lines) for lines in texts)  # every tile as tall as the fullest
    rows = -(-len(family) // _PER_ROW)
    width = 2 * _MARGIN + _PER_ROW * _TILE_W + (_PER_ROW - 1) * _GAP
    top = 108
    frame_h = top - 20 + rows * tile_h + (rows - 1) * _GAP + 25
    height = 20 + frame_h + 40
    middle = width / 2
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="mvn-family-title mvn-family-desc" '
        f'font-family="{esc(palette.FONT_FAMILY)}">',
        f'  <title id="mvn-family-title">{esc(t("family.picture.title"))}</title>',
        f'  <desc id="mvn-family-desc">{esc(alt_text())}</desc>',
        f'  <rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'  <rect x="20" y="20" width="{width - 40}" height="{frame_h}" rx="24" fill="{palette.MEDIA}" '
        f'fill-opacity="0.07" stroke="{palette.MEDIA}" stroke-width="3"/>',
        f'  <text x="{middle:g}" y="60" text-anchor="middle" font-size="24" font-weight="700" '
        f'fill="{palette.MEDIA}">{esc(t("family.picture.frame"))}</text>',
        f'  <text x="{middle:g}" y="84" text-anchor="middle" font-size="14" fill="#333333">'
        f'{esc(t("family.picture.subtitle"))}</text>',
    ]
    for i, (kind, lines) in enumerate(zip(family, texts, strict=True)):
        row, col = divmod(i, _PER_ROW)
        x = _MARGIN + col * (_TILE_W + _GAP)
        y = top + row * (tile_h + _GAP)
        centre = x + _TILE_W / 2
        networking = kind.key == "networking"
        fill = _NETWORKING_TINT if networking else "#ffffff"
        stroke = palette.NETWORKING if networking else palette.MEDIA
        name_colour = _NETWORKING_TEXT if networking else palette.MEDIA
        out.append(f'  <rect x="{x}" y="{y}" width="{_TILE_W}" height="{tile_h}" rx="14" fill="{fill}" '
                   f'stroke="{stroke}" stroke-width="{4 if networking else 2}"/>')
        out.append(f'  <text x="{centre:g}" y="{y + 36}" text-anchor="middle" font-size="18" '
                   f'font-weight="700" fill="{name_colour}">{esc(kind.name)}</text>')
        for k, (line, colour) in enumerate(lines):
            out.append(f'  <text x="{centre:g}" y="{y + 64 + 20 * k}" text-anchor="middle" font-size="14" '
                       f'fill="{colour}">{esc(line)}</text>')
    out.append(f'  <text x="{middle:g}" y="{height - 12}" text-anchor="middle" font-size="13" '
               f'fill="{_QUIET}">{esc(t("family.picture.footer"))}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def picture() -> object:
    """The picture for a notebook: inline SVG, so its title and description reach screen readers
    in any front end."""
    from IPython.display import HTML

    return HTML(svg())


# --- lesson 06: sorting services into the types, and the three interests ---------------------


def type_keys() -> tuple[str, ...]:
    """The types' keys, in the article's order: the sides of lesson 06's sorting activity."""
    return tuple(m.key for m in types())


def sorting_items() -> tuple:
    """Lesson 06's services to sort into the types, from the strings table (``sorting.l06``)."""
    from mediavsnet.learning.warmup import items_from_table

    return items_from_table("sorting.l06", sides=type_keys())


def sorting() -> object:
    """Lesson 06's sorting activity: which type of social media is each service, mostly?

    Lesson 00's warm-up component with the six types as its sides: a button per type,
    feedback in words, the networking hue for a networking answer, the media hue for the rest.
    """
    from mediavsnet.core import palette
    from mediavsnet.learning.warmup import SortingWarmup

    keys = type_keys()
    return SortingWarmup(
        sorting_items(),
        sides=keys,
        labels={m.key: m.name for m in types()},
        colours={key: palette.NETWORKING if key == "networking" else palette.MEDIA for key in keys},
        words="sorting",
    )


def interests() -> str:
    """The three interests of social media the article names, each with the lesson that explores it."""
    from mediavsnet.core.lesson_list import LESSONS

    titles = {lesson.number: lesson.title for lesson in LESSONS}
    rows = [
        (entry["name"], entry["means"],
         t("interests.lesson", number=entry["lesson"], title=titles[entry["lesson"]]))
        for entry in content("interests.l06")
    ]
    header = (t("interests.header_interest"), t("interests.header_means"), t("interests.header_lesson"))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(2)]
    lines = [f"{header[0]:<{widths[0]}}  {header[1]:<{widths[1]}}  {header[2]}"]
    lines += [f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c}" for a, b, c in rows]
    return "\n".join(lines)
