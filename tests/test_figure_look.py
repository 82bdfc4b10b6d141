"""What every explorer's figure shows a learner whatever the data: titles, names, hover, colours, font.

Each plot draws something, the right way up (only a list of bars reads top
down), and has a title above it, and each axis across a title or named ticks;
ticks are named one label to a tick, a log axis says so, and no title or
label says "None" or "nan". Each trace is named in the legend (or on hover)
from the strings table, never plotly's "trace 3", and no legend shows a name
twice, hides itself from a plot of several lines, or gives bars of several
colours one swatch; a stacked area sets its own colour; a fill colour is
always drawn as a fill, each line sets its mode, and a line of several runs
keeps the gaps between them; hovering a point says what it is, from values
the trace holds, or the trace is made deaf to the pointer on purpose. Every
colour is set, from the course's palette (or a see-through tint of it), one
per bar where bars have their own; a bar placed to write its number writes
it, and nothing else; the text is in the course's font. The edge tests check
the data at every setting; these check what `build_figure` sets once, for
every explorer in ``EXPLORERS``, at the defaults and at every control's ends.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from explorer_checks import layout_axis_of

from mediavsnet.core import palette
from mediavsnet.explorer.base import Explorer
from mediavsnet.lessons import EXPLORERS

#: The values a hover or bar text may name (plotly's names are case-sensitive: "%{X}" shows nothing).
TEMPLATE_VALUES = {"x", "y", "text", "customdata", "fullData.name"}

#: Every colour the course draws with: each "#RRGGBB" the palette module names, alone or in a table.
COURSE_COLOURS = {
    c.upper()
    for value in vars(palette).values()
    for c in (value.values() if isinstance(value, dict) else [value])
    if isinstance(c, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", c)
}


#: Each axis a trace is drawn on, and the title a learner reads under or beside it at the defaults (None: its
#: ticks are named, or its plot's title above says what it measures). A deliberate, reviewed
#: list: a title dropped, or moved onto the neighbouring plot, fails here. A new explorer adds its own.
AXIS_TITLES = {
    "communication": {"xaxis": "Week", "xaxis2": "Week", "yaxis": "Messages a week",
                      "yaxis2": "Opportunities"},
    "goals": {"xaxis": "People (log scale)", "xaxis2": "Week",
              "xaxis3": "Times someone saw you in 2 years: impressions, or conversations",
              "yaxis": None, "yaxis2": "People", "yaxis3": None},
    "content": {"xaxis": "Week", "xaxis2": "Week", "yaxis": "Likes, comments and shares",
                "yaxis2": "People, referrals"},
    "time-effort": {"xaxis": "Week", "xaxis2": "Week", "yaxis": "People", "yaxis2": "People"},
    "roi": {"xaxis": "Week of the window", "xaxis2": "Week of the window", "yaxis": "ROI (%)",
            "yaxis2": "People", "yaxis3": "Referrals a year"},
    "cascade": {"xaxis": "Shares of one post", "xaxis2": "Step (1 = straight from the original post)",
                "yaxis": "Posts (log scale)", "yaxis2": "% of all shares"},
    "strategy": {"xaxis": "Hours a week", "xaxis2": "Months", "xaxis3": "Months", "xaxis4": "Months",
                 "yaxis": None, "yaxis2": None, "yaxis3": None, "yaxis4": None},
}


def axes_of(trace) -> tuple[str, str]:
    """The layout names of the axes a trace is drawn on: ("xaxis2", "yaxis2")."""
    return layout_axis_of(trace, "x"), layout_axis_of(trace, "y")


def drawn_on(fig) -> set[str]:
    """Every axis some trace is drawn on."""
    return {axis for trace in fig.data for axis in axes_of(trace)}


def axis_titles(fig) -> dict[str, str | None]:
    """The title of each axis a trace is drawn on, by the axis's layout name."""
    return {name: fig.layout[name].title.text for name in sorted(drawn_on(fig))}


def settings(cls: type[Explorer]) -> Iterator[Explorer]:
    """The explorer at its defaults, then with each control at its minimum and its maximum."""
    yield cls()
    for spec in cls.specs:
        for end in (spec.min, spec.max):
            yield cls(**{spec.name: end})


def is_the_courses(colour: str) -> bool:
    """A palette colour ("#0072B2"), or one seen through ("rgba(0,114,178,0.2)")."""
    tint = re.fullmatch(r"rgba\((\d+),(\d+),(\d+),([\d.]+)\)", colour.replace(" ", ""))
    if tint:
        colour = "#" + "".join(f"{int(part):02X}" for part in tint.groups()[:3])
    return colour.upper() in COURSE_COLOURS


def colours_of(trace) -> Iterator[tuple[str, object]]:
    """Every colour a trace sets: its line, its markers (one or one per point), its fill."""
    for where, colour in (("line", getattr(getattr(trace, "line", None), "color", None)),
                          ("marker", getattr(getattr(trace, "marker", None), "color", None)),
                          ("fill", getattr(trace, "fillcolor", None))):
        if colour is not None:
            yield where, colour


def untitled_plots(fig) -> list[str]:
    """Plots with no title above them: every pair of axes that draws a trace has one."""
    problems = []
    for x, y in sorted({axes_of(t) for t in fig.data}):
        x_axis, y_axis = fig.layout[x], fig.layout[y]
        (left, right), top = x_axis.domain or (0, 1), (y_axis.domain or (0, 1))[1]
        titles = [a.text for a in fig.layout.annotations if a.xref == "paper" and a.yref == "paper"
                  and left <= a.x <= right and a.y >= top - 1e-6 and (a.text or "").strip()]
        if not titles:
            problems.append(f"the plot on axes {x} and {y} has no title above it")
    return problems


#: A bar's own label: its number alone, formatted ("%{y:,.0f}").
BAR_LABEL = re.compile(r"%\{[xy](:[^}]*)?\}")

#: What a learner reads where a value went missing in the code: Python's None, a number's NaN.
MISSING_WORDS = re.compile(r"\b(None|nan|NaN|undefined)\b")


def in_the_legend(fig, trace) -> bool:
    """Whether a learner finds the trace in a legend: plotly shows one for a figure of several traces."""
    shown = fig.layout.showlegend if fig.layout.showlegend is not None else len(fig.data) > 1
    return bool(shown) and trace.showlegend is not False


def has_gaps(trace) -> bool:
    """A line that holds several runs, each ended by a missing value (None or NaN) where the pen lifts."""
    return any(v is None or (isinstance(v, float) and math.isnan(v))
               for values in (trace.x, trace.y) for v in (values if values is not None else ()))


def unnamed_for_want_of_a_legend(fig) -> list[str]:
    """With the legend hidden, a plot holding several traces tells them apart by colour alone."""
    if fig.layout.showlegend is not False:
        return []
    plots = Counter(axes_of(trace) for trace in fig.data)
    return [f"the legend is hidden, yet the plot on {x} and {y} draws {count} traces a learner cannot name"
            for (x, y), count in plots.items() if count > 1]


def upside_down(fig) -> list[str]:
    """Reversed axes under anything but a list of bars: a line or a count drawn upside down."""
    problems = []
    for trace in fig.data:
        a_list_of_bars = trace.type == "bar" and trace.orientation == "h"
        for axis in axes_of(trace):
            if fig.layout[axis].autorange == "reversed" and not (a_list_of_bars and axis.startswith("y")):
                problems.append(f"{axis} runs reversed under {trace.name!r}: up (or right) would mean less")
    return problems


def empty_plots(fig) -> list[str]:
    """Axes in the layout that no trace is drawn on: an empty frame, titled as if it showed something."""
    laid_out = {name for name in fig.layout.to_plotly_json() if re.fullmatch(r"[xy]axis\d*", name)}
    return [f"{name} is laid out but draws nothing: an empty plot"
            for name in sorted(laid_out - drawn_on(fig))]


def unlabelled_axes(fig) -> list[str]:
    """Across axes a trace is drawn on with no title and no named ticks, ticks named one for one,
    and words that are only a value gone missing ("None"). (An upright axis may leave its quantity
    to the plot's title above it, as a row of small plots does.)"""
    problems = []
    across = {axes_of(trace)[0] for trace in fig.data}
    for name in sorted(drawn_on(fig)):
        axis = fig.layout[name]
        if name in across and not (axis.title.text or "").strip() and not axis.ticktext:
            problems.append(f"{name} has no title and no named ticks: a learner cannot tell what it measures")
        labels, ticks = len(axis.ticktext or ()), len(axis.tickvals or ())
        if axis.tickvals is not None and axis.ticktext is None and any(
                t.type == "bar" and name == axes_of(t)[t.orientation == "h"] for t in fig.data):
            problems.append(f"{name} places its bars at {list(axis.tickvals)} but names none: "
                            "a learner reads numbers where the bars' names should be")
        if axis.ticktext is not None and labels != ticks:
            problems.append(f"{name} has {labels} tick labels for {ticks} ticks: "
                            "the labels slide off the values they name")
        if axis.type == "log" and "log" not in (axis.title.text or ""):
            problems.append(f"{name} is on a log scale but its title {axis.title.text!r} does not say so: "
                            "a learner would read each equal step as an equal amount")
        words = [axis.title.text or "", *(axis.ticktext or ())]
        problems += [f"{name} says {w!r}" for w in words if MISSING_WORDS.search(str(w))]
    problems += [f"a title says {note.text!r}" for note in fig.layout.annotations
                 if MISSING_WORDS.search(note.text or "")]
    problems += [f"a trace is named {trace.name!r}" for trace in fig.data
                 if MISSING_WORDS.search(trace.name or "")]
    return problems


def repeated_legend_entries(fig) -> list[str]:
    """Names shown twice in one legend, so a learner cannot tell which entry is which line; and
    traces that share a name outside one legend group, so its one entry hides only some of them."""
    shown = Counter((trace.legend or "legend", trace.name) for trace in fig.data
                    if trace.showlegend is not False and trace.name)
    problems = [f"{legend} shows {name!r} {count} times"
                for (legend, name), count in shown.items() if count > 1]
    groups: dict[str, list] = {}
    for trace in fig.data:
        groups.setdefault(trace.name, []).append(trace.legendgroup)
    problems += [f"the traces named {name!r} are in legend groups {found}: its legend entry would show "
                 "and hide only some of them"
                 for name, found in groups.items()
                 if len(found) > 1 and (None in found or len(set(found)) > 1)]
    return problems


def problems_of(explorer: Explorer) -> list[str]:
    problems = repeated_legend_entries(explorer.fig)
    if explorer.fig.layout.font.family != palette.FONT_FAMILY:
        problems.append(f"the figure is in {explorer.fig.layout.font.family!r}, not the course's font")
    problems += untitled_plots(explorer.fig) + unlabelled_axes(explorer.fig) + empty_plots(explorer.fig)
    problems += unnamed_for_want_of_a_legend(explorer.fig) + upside_down(explorer.fig)
    for index, trace in enumerate(explorer.fig.data):
        who = f"trace {index} ({trace.name!r})"
        if not isinstance(trace.name, str) or not trace.name.strip():
            problems.append(f"{who}: no name; the legend and the hover would say 'trace {index}'")
        if trace.hoverinfo != "skip":
            template = trace.hovertemplate or ""
            if "%{" not in template or not template.endswith("<extra></extra>"):
                problems.append(f"{who}: hovering shows plotly's raw numbers, not the course's words "
                                f"({template!r})")
        unset = ("line" if trace.type == "scatter" and "lines" in (trace.mode or "") and not trace.line.color
                 else "marker" if trace.type == "bar" and trace.marker.color is None else None)
        if trace.type == "scatter" and (trace.fill not in (None, "none") or trace.stackgroup) \
                and not trace.fillcolor:  # a stacked area is filled, whatever its fill says
            unset = "fill"
        if unset:
            problems.append(f"{who}: no {unset} colour set: plotly would draw it in a colour of its own")
        if trace.type == "scatter" and trace.fillcolor and trace.fill in (None, "none") \
                and not trace.stackgroup:  # a stack fills under each of its traces
            problems.append(f"{who}: a fill colour but no fill: the band or area it shades is not drawn")
        if trace.type == "scatter" and trace.connectgaps and has_gaps(trace):
            problems.append(f"{who}: its gaps are joined: each run's end is drawn running back to the next "
                            "run's start, a line no run took")
        if trace.type == "scatter" and trace.mode is None:
            problems.append(f"{who}: no mode: plotly adds dots to a line of under 20 points, so its look "
                            "would change as a slider crosses 20")
        if trace.type == "bar" and trace.textposition not in (None, "none") \
                and not trace.texttemplate and trace.text is None:
            problems.append(f"{who}: placed to write each bar's number, but writes none")
        if trace.type == "bar" and in_the_legend(explorer.fig, trace) \
                and not isinstance(trace.marker.color, (str, type(None))):
            problems.append(f"{who}: bars in a colour each, in the legend: its one swatch shows the first "
                            "bar's colour, as if the whole trace were that bar's")
        if trace.type == "bar" and trace.texttemplate and not BAR_LABEL.fullmatch(trace.texttemplate):
            problems.append(f"{who}: a bar's label is its number alone, not {trace.texttemplate!r}")
        for template in (trace.hovertemplate, getattr(trace, "texttemplate", None)):
            named = re.findall(r"%\{([^}:|\[]+)", template if isinstance(template, str) else "")
            unknown = set(named) - TEMPLATE_VALUES
            if unknown:
                problems.append(f"{who}: {template!r} names {sorted(unknown)}, which plotly shows as nothing")
            empty = [name for name in ("customdata", "text") if name in named and trace[name] is None]
            if empty:
                problems.append(f"{who}: {template!r} shows {empty}, which the trace leaves empty")
        for where, colour in colours_of(trace):
            if isinstance(colour, str):
                if not is_the_courses(colour):
                    problems.append(f"{who}: {where} colour {colour} is not the course's")
                continue
            colours = list(colour)
            points = len(trace.y if trace.orientation == "h" else trace.x) if trace.type == "bar" else None
            if points is not None and len(colours) != points:
                problems.append(f"{who}: {len(colours)} {where} colours for {points} bars: "
                                "the rest would take plotly's own colour")
            problems += [f"{who}: {where} colour {c} is not the course's"
                         for c in colours if not is_the_courses(c)]
    return problems


@pytest.mark.parametrize("cls", EXPLORERS.values(), ids=lambda c: c.name)
def test_every_trace_is_named_says_what_it_is_on_hover_and_uses_the_courses_colours(cls):
    problems = [f"{explorer.values()}: {p}" for explorer in settings(cls) for p in problems_of(explorer)]
    assert not problems, "\n".join(problems[:10])


@pytest.mark.parametrize("cls", EXPLORERS.values(), ids=lambda c: c.name)
def test_each_axis_is_titled_with_what_it_measures(cls):
    """At the defaults: some titles follow a setting (lesson 02's names the goal's measure)."""
    assert cls.name in AXIS_TITLES, f"declare {cls.name}'s axis titles in AXIS_TITLES"
    assert axis_titles(cls().fig) == AXIS_TITLES[cls.name]


def test_the_checks_catch_a_missing_name_raw_hover_text_and_bars_without_their_colours():
    explorer = EXPLORERS["cascade"]()
    assert problems_of(explorer) == []
    posts, shares = explorer.fig.data
    posts.marker.color = list(posts.marker.color)[:-1]
    shares.name = ""
    shares.hovertemplate = None
    posts.texttemplate = None
    found = "\n".join(problems_of(explorer))
    posts.texttemplate = "about %{y:,.0f}"
    assert "a bar's label is its number alone" in "\n".join(problems_of(explorer))
    assert "colours for" in found and "no name" in found and "raw numbers" in found and "writes none" in found
    shares.marker.color = "#636EFA"  # plotly's own blue
    assert "not the course's" in "\n".join(problems_of(explorer))
    shares.marker.color = None
    assert "no marker colour set" in "\n".join(problems_of(explorer))


def test_the_checks_catch_a_line_left_in_plotlys_colours():
    explorer = EXPLORERS["roi"]()
    assert problems_of(explorer) == []
    explorer.fig.data[4].line = {}  # the true return, no longer black and dashed
    explorer.fig.data[5].mode = None
    explorer.fig.data[0].connectgaps = True  # the other runs, joined end to start
    found = "\n".join(problems_of(explorer))
    assert "no line colour set" in found and "no mode" in found and "its gaps are joined" in found


def test_the_checks_catch_a_hover_naming_a_value_plotly_does_not_know():
    explorer = EXPLORERS["communication"]()
    explorer.fig.data[0].hovertemplate = "%{fulldata.name}, week %{x}: %{y:,.1f}<extra></extra>"
    assert "names ['fulldata.name']" in "\n".join(problems_of(explorer))


def test_the_checks_catch_a_stacked_area_in_plotlys_colours_and_a_legend_hidden_from_several_lines():
    explorer = EXPLORERS["content"]()
    assert problems_of(explorer) == []
    explorer.fig.data[2].fillcolor = None
    explorer.fig.layout.showlegend = False
    found = "\n".join(problems_of(explorer))
    assert "no fill colour set" in found and "the legend is hidden" in found


def test_the_checks_catch_a_line_drawn_upside_down():
    explorer = EXPLORERS["goals"]()
    assert upside_down(explorer.fig) == []
    explorer.fig.layout.yaxis2.autorange = "reversed"  # the network's growth, drawn as a fall
    assert upside_down(explorer.fig)[0].startswith("yaxis2 runs reversed under")


def test_the_checks_catch_an_empty_plot():
    explorer = EXPLORERS["time-effort"]()
    assert empty_plots(explorer.fig) == []
    explorer.fig.update_layout(xaxis3={"domain": [0.9, 1.0], "anchor": "y3"}, yaxis3={"anchor": "x3"})
    assert empty_plots(explorer.fig) == ["xaxis3 is laid out but draws nothing: an empty plot",
                                         "yaxis3 is laid out but draws nothing: an empty plot"]


def test_the_checks_catch_a_hover_showing_values_the_trace_does_not_hold():
    explorer = EXPLORERS["cascade"]()
    assert problems_of(explorer) == []
    explorer.fig.data[0].customdata = None  # the size classes, named on hover
    assert "which the trace leaves empty" in "\n".join(problems_of(explorer))


def test_the_checks_catch_a_plot_without_its_title():
    explorer = EXPLORERS["time-effort"]()
    assert untitled_plots(explorer.fig) == []
    explorer.fig.layout.annotations[1].text = ""
    assert untitled_plots(explorer.fig) == ["the plot on axes xaxis2 and yaxis2 has no title above it"]


def test_the_checks_catch_a_legend_entry_shown_twice_or_split_and_a_band_left_unfilled():
    explorer = EXPLORERS["roi"]()
    low_edge, high_edge = explorer.fig.data[1], explorer.fig.data[2]
    assert low_edge.name == high_edge.name and problems_of(explorer) == []
    low_edge.showlegend = True
    high_edge.fill = None
    found = "\n".join(problems_of(explorer))
    assert f"legend shows {low_edge.name!r} 2 times" in found and "a fill colour but no fill" in found
    low_edge.legendgroup = None
    assert "would show and hide only some of them" in "\n".join(problems_of(explorer))


def test_the_checks_catch_an_axis_without_a_title_labels_sliding_off_their_ticks_and_none():
    explorer = EXPLORERS["cascade"]()
    assert unlabelled_axes(explorer.fig) == []
    layout = explorer.fig.layout
    layout.xaxis2.tickvals = [0, *layout.xaxis2.tickvals]
    layout.xaxis.ticktext = ["None", *list(layout.xaxis.ticktext)[1:]]
    found = "\n".join(unlabelled_axes(explorer.fig))
    assert "tick labels for" in found and "xaxis says 'None'" in found
    funnel = EXPLORERS["goals"]().fig
    funnel.layout.xaxis2.type = "log"  # the weeks, squeezed to the left
    assert unlabelled_axes(funnel)[0].startswith("xaxis2 is on a log scale but its title 'Week'")
    plans = EXPLORERS["strategy"]().fig
    plans.layout.yaxis.ticktext = None
    assert "yaxis places its bars at [0, 1] but names none" in "\n".join(unlabelled_axes(plans))
    weeks = EXPLORERS["roi"]().fig
    weeks.layout.xaxis.title.text = None
    assert unlabelled_axes(weeks)[0].startswith("xaxis has no title and no named ticks")


def test_the_checks_catch_bars_of_two_colours_under_one_swatch_in_the_legend():
    explorer = EXPLORERS["goals"]()
    verdict = explorer.fig.data[3]  # media's bar and networking's, in their own colours
    assert problems_of(explorer) == [] and not in_the_legend(explorer.fig, verdict)
    verdict.showlegend = None  # shown: the figure has several traces
    assert "bars in a colour each, in the legend" in "\n".join(problems_of(explorer))
    cascade = EXPLORERS["cascade"]()
    cascade.fig.layout.showlegend = None
    assert "bars in a colour each, in the legend" in "\n".join(problems_of(cascade))
