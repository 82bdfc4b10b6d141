"""Every explorer tells the truth at every setting a learner can reach, not only at the defaults.

A learner drags sliders to their ends. For every explorer in the course, this
drives every control to its minimum and maximum, alone and in pairs, and then
at random settings, and asks at each stop:

- no error is shown and every plotted number is finite;
- every point lies inside the axis ranges the explorer sets, every trace has as
  many x values as y values, and every bar sits on a labelled row of its own;
- every invariant the explorer declares (``Explorer.invariants``) holds;
- every number its lines state equals the figure's point or the model's value
  it describes (``Explorer.stated``), and no number in the lines goes unchecked.

A new explorer gets all of this by declaring its invariants and its stated
numbers; nothing here names a lesson.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from explorer_checks import check_stated, layout_axis_of, read_quantity
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import value

from mediavsnet.lessons import EXPLORERS

CLASSES = list(EXPLORERS.values())


def falsehoods(explorer) -> list[str]:
    """Everything untrue or broken in what the explorer shows right now."""
    problems = [f"error shown: {explorer.error}"] if explorer.error else []
    for trace in explorer.fig.data:
        x, y = (np.asarray(getattr(trace, axis), dtype=float) for axis in ("x", "y"))
        # plotly quietly leaves out a point whose x has no y, or whose y has no x.
        if trace.x is not None and trace.y is not None and len(trace.x) != len(trace.y):
            problems.append(f"trace {trace.name!r}: {len(trace.x)} x values for {len(trace.y)} y values")
        # A gap between two lines of one trace is a point missing on both axes at once; any
        # other missing or infinite value is a point the learner silently does not see.
        gap = np.isnan(x) & np.isnan(y) if x.shape == y.shape else np.zeros(0, bool)
        for axis, data in (("x", x), ("y", y)):
            shown = data[~gap] if data.shape == gap.shape else data
            if shown.size == 0 or not np.all(np.isfinite(shown)):
                problems.append(f"trace {trace.name!r}: {axis} is empty or not finite")
    problems += outside_the_axes(explorer.fig, explorer.runs_off_the_top)
    problems += bars_off_their_labels(explorer.fig)
    result = explorer.compute(explorer.values())
    problems += [f"invariant broken: {name}" for name, ok in explorer.invariants(result).items() if not ok]
    problems += check_stated(explorer.summary, explorer.stated(result))
    problems += badly_written(explorer.summary)
    return problems


def badly_written(summary: str) -> list[str]:
    """Lines that do not read as sentences: a blank line, doubled spaces, two sentences or
    clauses glued together ("lower bound.Nobody"), or a line that stops mid-sentence."""
    problems = []
    for line in summary.splitlines():
        if line != line.strip() or "  " in line or not line:
            problems.append(f"stray spaces or an empty line: {line!r}")
        if glued := re.search(r"[.,;:][^\W\d_]", line):
            problems.append(f"no space after {glued.group(0)!r}: {line!r}")
        if not line.endswith((".", "!", "?", ")")):
            problems.append(f"a line that does not end its sentence: {line!r}")
    return problems


def outside_the_axes(fig, off_the_top: frozenset[int] = frozenset()) -> list[str]:
    """Points drawn beyond an axis range the explorer fixed: cut off, a learner never sees them.
    Stacked areas are checked where they are drawn: each on top of the ones before it.
    ``off_the_top``: traces the explorer lets run past the top of their axis (a band's edge)."""
    problems = []
    stacks: dict[tuple[str, str], np.ndarray] = {}
    for index, trace in enumerate(fig.data):
        for axis in ("x", "y"):
            key = layout_axis_of(trace, axis)
            layout_axis = fig.layout[key]
            data = np.asarray(getattr(trace, axis), dtype=float)
            group = getattr(trace, "stackgroup", None)
            if axis == "y" and group:  # a stacked area's top is drawn at the sum of the areas so far
                below = stacks.get((group, key), np.zeros_like(data))
                data = stacks[(group, key)] = below + data
            data = data[np.isfinite(data)]
            if layout_axis.range is None or layout_axis.autorange is True or data.size == 0:
                continue
            low, high = sorted(float(v) for v in layout_axis.range)
            if layout_axis.type == "log":
                data = np.log10(data[data > 0])
                if data.size == 0:
                    continue
            slack = 1e-9 * max(abs(low), abs(high), 1.0)
            above = data.max() > high + slack and index not in off_the_top
            if data.min() < low - slack or above:
                problems.append(f"trace {trace.name!r}: {axis} from {data.min():g} to {data.max():g} "
                                f"is drawn beyond {key}'s range {low:g} to {high:g}")
    return problems


def bars_off_their_labels(fig) -> list[str]:
    """Bars that do not each sit on a row (or column) of their own with a label: two bars drawn
    on one row hide each other, and a bar between the labels names nothing."""
    problems = []
    for trace in fig.data:
        if trace.type != "bar":
            continue
        side = "y" if trace.orientation == "h" else "x"
        labelled = fig.layout[layout_axis_of(trace, side)].tickvals
        positions = list(getattr(trace, side) or ())
        if labelled is None:
            if any(not isinstance(p, str) for p in positions):  # named by category, or by number?
                problems.append(f"trace {trace.name!r}: bars at {positions} are numbered, not labelled")
            continue
        if len(set(positions)) != len(positions) or not set(positions) <= set(labelled):
            problems.append(f"trace {trace.name!r}: bars at {positions}, labels at {list(labelled)}")
    return problems


def assert_truthful(explorer, where: str) -> None:
    problems = falsehoods(explorer)
    assert not problems, f"at {where} ({explorer.values()}):\n  " + "\n  ".join(problems)


def extremes(spec) -> tuple[float, float]:
    return (int(spec.min), int(spec.max)) if spec.integer else (spec.min, spec.max)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.name)
def test_every_explorer_declares_what_it_promises(cls):
    explorer = cls()
    result = explorer.compute(explorer.values())
    assert explorer.invariants(result), f"{cls.name} declares no invariants"
    assert explorer.stated(result), f"{cls.name} declares none of the numbers its lines state"
    assert_truthful(explorer, "the defaults")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.name)
def test_every_control_at_each_end(cls):
    explorer = cls()
    for spec in cls.specs:
        for end in extremes(spec):
            explorer.reset()
            explorer.set(**{spec.name: end})
            assert_truthful(explorer, f"{spec.name} = {end}")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.name)
def test_every_pair_of_controls_at_their_ends(cls):
    explorer = cls()
    for first, second in itertools.combinations(cls.specs, 2):
        for a, b in itertools.product(extremes(first), extremes(second)):
            explorer.reset()
            explorer.set(**{first.name: a, second.name: b})
            assert_truthful(explorer, f"{first.name} = {a}, {second.name} = {b}")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.name)
def test_random_settings(cls):
    explorer = cls()

    @settings(max_examples=120)
    @given(st.fixed_dictionaries({s.name: value(s) for s in cls.specs}))
    def check(values):
        explorer.set(**values)
        assert_truthful(explorer, "a random setting")

    check()


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.name)
def test_reset_restores_the_defaults_exactly(cls):
    fresh = cls()
    explorer = cls(**{s.name: extremes(s)[1] for s in cls.specs})
    explorer.reset()
    assert explorer.values() == fresh.values()
    assert explorer.summary == fresh.summary
    for mine, theirs in zip(explorer.fig.data, fresh.fig.data, strict=True):
        for axis in ("x", "y"):  # assert_array_equal counts two gaps (NaN) at one place as equal
            np.testing.assert_array_equal(np.asarray(mine[axis]), np.asarray(theirs[axis]), err_msg=mine.name)


# --- the checker itself must be able to fail -------------------------------------------


def test_the_checker_catches_a_wrong_number_and_an_unchecked_one():
    cls = EXPLORERS["time-effort"]
    explorer = cls()
    result = explorer.compute(explorer.values())
    stated = explorer.stated(result)
    assert check_stated(explorer.summary, stated) == []
    lines = explorer.summary.splitlines()
    first_number = re.search(r"\d[\d,]*", lines[1]).group(0)
    doctored = "\n".join([lines[0], lines[1].replace(first_number, "9,999", 1), *lines[2:]])
    assert check_stated(doctored, stated), "a wrong number went unnoticed"
    assert check_stated(explorer.summary + "\nAnd 42 more.", stated), "an undeclared number went unnoticed"
    assert badly_written(explorer.summary) == []
    for broken in (explorer.summary.replace(". ", ".", 1), explorer.summary.replace(" ", "  ", 1),
                   explorer.summary.rstrip(".")):
        assert badly_written(broken), f"badly written lines went unnoticed: {broken!r}"


def test_the_checker_catches_bars_drawn_on_one_row_or_between_the_labels():
    explorer = EXPLORERS["goals"]()
    funnel = explorer.fig.data[0]
    assert bars_off_their_labels(explorer.fig) == []
    for rows in ([1, 1, 2, 3], [0, 1, 2, 4]):
        funnel.y = rows
        assert bars_off_their_labels(explorer.fig), f"funnel bars at {rows} went unnoticed"


def test_the_checker_catches_bars_named_by_number_where_their_labels_were_lost():
    """Lesson 06's steps without their tick positions: plotly drops the labels and numbers the bars 0 to 9."""
    explorer = EXPLORERS["cascade"]()
    assert bars_off_their_labels(explorer.fig) == []
    explorer.fig.layout.xaxis.tickvals = None
    assert any("numbered, not labelled" in p for p in bars_off_their_labels(explorer.fig))


def test_the_checker_catches_stacked_areas_whose_sum_runs_off_the_top():
    """Each stage alone fits under the axis; stacked, their sum is cut off."""
    explorer = EXPLORERS["time-effort"]()
    assert falsehoods(explorer) == []
    stacked = [trace for trace in explorer.fig.data if trace.stackgroup]
    assert len(stacked) >= 2
    top = max(explorer.fig.layout[layout_axis_of(stacked[0], "y")].range)
    for trace in stacked:
        trace.y = np.full(len(trace.y), 0.6 * top)
    assert any("is drawn beyond" in problem for problem in outside_the_axes(explorer.fig))


def test_the_checker_catches_a_line_with_more_weeks_than_values():
    explorer = EXPLORERS["strategy"]()
    assert falsehoods(explorer) == []
    line = explorer.fig.data[-1]
    line.x = np.arange(len(line.y) + 1)
    assert any("x values for" in problem for problem in falsehoods(explorer))


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("1,270", 1269.5, 1270.5),
        ("2.5 hours", 2.45, 2.55),
        ("3 hours 15 minutes", 3.25 - 1 / 120, 3.25 + 1 / 120),
        ("45 minutes", 0.75 - 1 / 120, 0.75 + 1 / 120),
        ("2 years", 104, 104),
        ("less than 1 person", 0, 1),
    ],
)
def test_quantities_read_as_a_learner_reads_them(phrase, low, high):
    assert read_quantity(phrase) == pytest.approx((low, high))


# --- named for what a learner would have been told ---------------------------------------


def lesson04_at_defaults():
    from mediavsnet.lessons.l04_time_and_effort.explorer import TimeEffortExplorer

    explorer = TimeEffortExplorer()
    return explorer, explorer.stated(explorer.compute(explorer.values()))


def test_a_line_quoting_the_first_weeks_reach_instead_of_the_last_is_caught():
    explorer, stated = lesson04_at_defaults()
    reached = np.asarray(explorer.fig.data[0].y, dtype=float)
    first, last = f"reached {reached[0]:,.0f} people", f"reached {reached[-1]:,.0f} people"
    assert first != last and last in explorer.summary
    problems = check_stated(explorer.summary.replace(last, first), stated)
    assert any("in the last week" in p for p in problems), problems


def test_followers_said_unchanged_when_the_plot_shows_growth_are_caught():
    explorer, stated = lesson04_at_defaults()
    followers = np.asarray(explorer.fig.data[1].y, dtype=float)
    start, end = f"{followers[0]:,.0f}", f"{followers[-1]:,.0f}"
    assert f"from {start} to {end}" in explorer.summary and start != end
    problems = check_stated(explorer.summary.replace(f"to {end}", f"to {start}"), stated)
    assert any(f"to {start}" in p for p in problems), problems
