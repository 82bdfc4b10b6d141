"""The look the side-by-side explorers share: two plots, a legend under each.

Lessons 01, 03, 04 and 05 set one plot beside another (what broadcasting
did, what one-to-one time did) over the same weeks. Readers compare them
left to right, so each plot keeps its own legend under it, read top to
bottom, and one hover line reads every trace at a week.
"""

from __future__ import annotations

from typing import Any, Literal

from mediavsnet.core import palette


def two_plots(
    height: int,
    right_legend_x: float,
    *,
    width: int = 860,
    left_margin: int = 60,
    right_margin: int = 20,
    right_order: Literal["normal", "reversed"] = "normal",
) -> dict[str, Any]:
    """Layout settings for two plots side by side, a legend under each.

    ``right_legend_x`` is where the right plot's legend starts, as a share of
    the width; ``right_order`` "reversed" lists a stacked plot's traces top
    layer first, as they are drawn.
    """
    return {
        "template": "simple_white",
        "width": width,
        "height": height,
        "margin": {"l": left_margin, "r": right_margin, "t": 70, "b": 20},
        "font": {"family": palette.FONT_FAMILY, "size": 13},
        "legend": _under(0.0, "normal"),
        "legend2": _under(right_legend_x, right_order),
        "hovermode": "x unified",
    }


def _under(x: float, order: str) -> dict[str, Any]:
    """A legend in one column under its plot, starting at ``x``."""
    return {"orientation": "v", "yanchor": "top", "y": -0.2, "x": x, "traceorder": order}
