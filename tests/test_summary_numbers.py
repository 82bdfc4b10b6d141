"""Lesson 04's posting line says what the plot shows: the last week's reach, followers from first to last.

The line under the plots is what a screen reader reads, what a printout keeps
and what a learner quotes. If it said the first week's reach (373 people) while
the plot's last week shows 391, or "followers went from 1,000 to 1,000" while
the dashed line ends at 1,051, the learner would be told something false. The
numbers are read back out of the line with its own template from the strings
table, and compared with the figure's traces, not with the model.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import value

from mediavsnet.explorers.time_effort import TimeEffortExplorer
from mediavsnet.strings import t

NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
#: The line rounds to whole people, the figure to tenths: they may differ by this much.
ROUNDING = 0.5 + 0.05 + 1e-9


def pattern(key: str) -> re.Pattern[str]:
    """A regular expression that reads a strings-table template back: {name} becomes a named group."""
    parts = re.split(r"\{(\w+)\}", t(key))
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(regex)


def said(group: str) -> float:
    """The number in a filled placeholder ("391 people" -> 391)."""
    found = NUMBER.search(group)
    assert found, f"no number in {group!r}"
    return float(found.group(0).replace(",", ""))


def posting_line(explorer: TimeEffortExplorer) -> dict[str, str]:
    """The placeholders of the posting line as filled, whichever of its two forms is shown."""
    line = explorer.summary.splitlines()[1]
    for key in ("time_effort.summary_media", "time_effort.summary_media_none"):
        match = pattern(key).fullmatch(line)
        if match:
            return match.groupdict()
    raise AssertionError(f"the posting line matches no template: {line!r}")


def problems(explorer: TimeEffortExplorer) -> list[str]:
    """Each number of the posting line that differs from the point of the plot it describes."""
    reached, followers = (np.asarray(trace.y, dtype=float) for trace in explorer.fig.data[:2])
    filled = posting_line(explorer)
    checks = [("followers went from", "start", followers[0]),
              ("followers went to", "followers", followers[-1])]
    if "reached" in filled:
        checks.append(("reached in the last week", "reached", reached[-1]))
    out = []
    for what, name, plotted in checks:
        if abs(said(filled[name]) - plotted) > ROUNDING:
            out.append(f"the learner reads {what} {filled[name]!r}, but the plot shows {plotted:,.1f}")
    return out


SETTINGS = [
    {},
    {"weekly_hours": 20, "media_share": 100},
    {"media_share": 0},  # the line without posting: followers still said
    {"start_followers": 20_000, "weeks": 156, "media_share": 80},
    {"start_followers": 0},  # a page without followers reaches no one
    {"weeks": 4, "weekly_hours": 0.5},
]


def name(initial: dict[str, float]) -> str:
    return ",".join(f"{k}={v}" for k, v in initial.items()) or "defaults"


@pytest.mark.parametrize("initial", SETTINGS, ids=name)
def test_the_posting_line_says_what_the_plot_shows(initial):
    explorer = TimeEffortExplorer(**initial)
    assert not problems(explorer), "\n".join(problems(explorer))


def test_at_the_defaults_the_line_quotes_the_last_week_and_the_last_followers():
    """Named for the mistakes it catches: the first week's reach, or followers said unchanged."""
    explorer = TimeEffortExplorer()
    reached, followers = (np.asarray(trace.y, dtype=float) for trace in explorer.fig.data[:2])
    assert reached[-1] != reached[0] and followers[-1] - followers[0] > 1, "the test needs the lines to move"
    filled = posting_line(explorer)
    assert abs(said(filled["reached"]) - reached[-1]) <= ROUNDING, (
        f"the line says {filled['reached']!r} reached in the last week; the plot's last week shows "
        f"{reached[-1]:,.0f} (its first week {reached[0]:,.0f})"
    )
    assert abs(said(filled["followers"]) - followers[-1]) <= ROUNDING, (
        f"the line says followers went to {filled['followers']!r}; the plot ends at {followers[-1]:,.0f}"
    )


EXPLORER = None


@settings(max_examples=25)
@given(st.fixed_dictionaries({s.name: value(s) for s in TimeEffortExplorer.specs}))
def test_wherever_the_controls_are_the_line_says_what_the_plot_shows(values):
    global EXPLORER
    EXPLORER = EXPLORER or TimeEffortExplorer()
    EXPLORER.set(**values)
    assert EXPLORER.error == ""
    assert not problems(EXPLORER), f"{values}:\n" + "\n".join(problems(EXPLORER))


def test_a_wrong_number_in_the_line_is_caught():
    """The check itself can fail: a line quoting the first week's reach is reported."""
    explorer = TimeEffortExplorer()
    reached = np.asarray(explorer.fig.data[0].y, dtype=float)
    explorer.summary = explorer.summary.replace(
        posting_line(explorer)["reached"], t("unit.person.many", n=f"{reached[0]:,.0f}"))
    assert any("reached in the last week" in p for p in problems(explorer))
