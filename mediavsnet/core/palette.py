"""The course's colours: one hue per concept, from the Okabe-Ito palette.

Okabe & Ito (2008), "Color Universal Design", chosen because its eight colours
stay distinct for the common kinds of colour blindness. Every figure in the
course takes its colours from here, so "social media" looks the same in every
lesson and a course author changes a hue in one place.
"""

from __future__ import annotations

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: Social media: broadcasting to an audience.
MEDIA = OKABE_ITO["blue"]
#: Social networking: one-to-one relationships.
NETWORKING = OKABE_ITO["vermillion"]
#: A neutral colour for totals, references and guides.
NEUTRAL = "#555555"

#: Relationship stages, light to deep: tints and a shade of the networking hue,
#: so every stage still reads as "networking".
STAGES = {
    "acquaintance": "#F2CFB2",
    "casual": "#E8A066",
    "friend": NETWORKING,
    "close": "#7A3600",
}

#: A lighter tint of the media hue, for a second media series (e.g. followers).
MEDIA_LIGHT = "#7FB2D8"

#: A light neutral for what never happened (messages nobody answered): present, but receding.
NEUTRAL_LIGHT = "#BBBBBB"

#: Colour for feedback in quizzes and the sorting warm-up.
RIGHT = OKABE_ITO["bluish_green"]
WRONG = OKABE_ITO["reddish_purple"]

FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def see_through(colour: str, opacity: float) -> str:
    """A palette colour ("#0072B2") at an opacity, for a band or a faint line: "rgba(0,114,178,0.2)".

    The opacity is below 1, or the band would hide the lines drawn under it
    (browsers read any opacity above 1 as 1); 0 draws nothing, as an edge no one should see.
    """
    if not 0 <= opacity < 1:
        raise ValueError(f"opacity {opacity} is not see-through: give one from 0 up to (not including) 1")
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{opacity})"
