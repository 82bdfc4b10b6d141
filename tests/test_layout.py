"""The side-by-side explorers read as the course's layout says (``explorers/layout.py``).

Lessons 01, 03, 04 and 05 set what broadcasting did beside what one-to-one time
did. A learner compares them left to right, so each plot names its own traces
in a legend under it, read top to bottom (a stacked plot top layer first, as it
is drawn), and one hover line reads every trace at a week.
"""

from __future__ import annotations

import pytest

from mediavsnet.core import palette
from mediavsnet.lessons import EXPLORERS

SIDE_BY_SIDE = ["communication", "content", "time-effort", "roi"]


@pytest.fixture(params=SIDE_BY_SIDE)
def fig(request):
    return EXPLORERS[request.param]().fig


def test_each_plot_names_its_traces_in_a_legend_of_its_own(fig):
    for trace in fig.data:
        if trace.showlegend is False:
            continue
        expected = "legend2" if trace.xaxis == "x2" else "legend"
        assert (trace.legend or "legend") == expected, f"{trace.name!r} listed under the other plot"


def test_each_legend_is_one_column_under_its_plot(fig):
    layout = fig.layout
    for legend, axis in ((layout.legend, layout.xaxis), (layout.legend2, layout.xaxis2)):
        assert legend.orientation == "v" and legend.yanchor == "top" and legend.y < 0, "under the plot"
        start, end = axis.domain
        assert start - 0.05 <= legend.x < end, f"legend at {legend.x}, its plot from {start} to {end}"


def test_a_stacked_plots_legend_lists_its_top_layer_first(fig):
    stacked = any(trace.stackgroup for trace in fig.data if trace.xaxis == "x2")
    assert fig.layout.legend2.traceorder == ("reversed" if stacked else "normal")
    assert fig.layout.legend.traceorder == "normal"


def test_one_hover_line_reads_every_trace_at_a_week_in_the_course_font(fig):
    assert fig.layout.hovermode == "x unified"
    assert fig.layout.font.family == palette.FONT_FAMILY
