"""Explorers, headless: move controls from Python, check the figure and the summary follow the model."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mediavsnet.core import specs
from mediavsnet.explorer import axes
from mediavsnet.lessons import EXPLORERS
from mediavsnet.lessons.l04_time_and_effort import explorer as time_effort
from mediavsnet.lessons.l04_time_and_effort.explorer import TimeEffortExplorer
from mediavsnet.models import time_budget
from mediavsnet.models.time_budget import TimeBudgetParams


@pytest.fixture
def explorer() -> TimeEffortExplorer:
    return TimeEffortExplorer()


def digest(explorer) -> str:
    """Everything the figure plots, as text."""
    return json.dumps([[list(map(float, t.x)), list(map(float, t.y))] for t in explorer.fig.data])


def left(explorer):
    return np.asarray(explorer.fig.data[0].y, dtype=float)


def test_it_builds_with_data_and_a_summary(explorer):
    assert len(explorer.fig.data) == 6
    assert all(len(trace.y) == 104 for trace in explorer.fig.data)
    assert "2 years" in explorer.summary
    assert explorer.error == ""
    assert "mvn-explorer" in explorer.widget._dom_classes
    assert explorer._summary_html.value.startswith("<p>")


def test_the_split_moves_hours_from_one_side_to_the_other(explorer):
    before_reach, before_summary = left(explorer), explorer.summary
    explorer.set(media_share=100)
    after = time_budget.simulate(TimeBudgetParams(**explorer.values()))
    np.testing.assert_allclose(left(explorer), np.round(after.media.reached, 1))
    assert left(explorer)[-1] > before_reach[-1]
    assert all(np.all(np.asarray(t.y) == 0) for t in explorer.fig.data[2:])
    assert explorer.summary != before_summary
    assert "0 hours one-to-one" in explorer.summary


def test_more_hours_reach_more(explorer):
    start = left(explorer)[-1]
    explorer.set(weekly_hours=20)
    assert left(explorer)[-1] > start
    assert "20 hours a week" in explorer.summary


def test_figure_is_updated_in_place_never_rebuilt(explorer):
    fig, traces = explorer.fig, [id(t) for t in explorer.fig.data]
    for share in (0, 35, 100):
        explorer.set(media_share=share)
    assert explorer.fig is fig
    assert [id(t) for t in explorer.fig.data] == traces


def test_summary_matches_the_model(explorer):
    explorer.set(weekly_hours=6, media_share=0, people=5, weeks=104)
    result = time_budget.simulate(TimeBudgetParams(**explorer.values()))
    assert f"{result.networking.friend[-1]} friends" in explorer.summary
    assert f"{result.networking.total_referrals} referrals" in explorer.summary


def test_the_summary_says_when_fading_matters_and_what_it_took(explorer):
    """Fading and conversation length act only when people wait their turn; the sentence says which."""
    explorer.set(weekly_hours=6, media_share=0, people=5, session_minutes=30)
    assert "every week, so nothing fades" in explorer.summary
    before = explorer.summary
    explorer.set(decay_per_year=0.5)
    assert explorer.summary == before, "with weekly contact, fading changes nothing"

    explorer.set(people=60)
    result = time_budget.simulate(TimeBudgetParams(**explorer.values()))
    assert "waits about 5 weeks between conversations" in explorer.summary
    assert f"took away {round(result.networking.faded_hours)} hours" in explorer.summary
    before = explorer.summary
    explorer.set(decay_per_year=0.2)
    assert explorer.summary != before

    explorer.set(media_share=100)
    assert "nobody gets a conversation" in explorer.summary


def test_the_summary_is_one_paragraph_per_line(explorer):
    lines = explorer.summary.splitlines()
    assert len(lines) == 3
    assert explorer._summary_html.value.count("<p>") == 3
    assert lines[1].startswith("Posting") and lines[2].startswith("One-to-one")


@pytest.mark.parametrize("spec", TimeEffortExplorer.specs, ids=lambda s: s.name)
def test_every_control_moves_across_its_range(explorer, spec):
    control = explorer.controls[spec.name]
    assert (control.min, control.max, control.step) == (spec.min, spec.max, spec.step)
    assert control.value == spec.default
    assert control.description.startswith(spec.label)
    explorer.set(**explorer.lively)  # where every control acts (fading needs people to wait)
    shown = []
    for value in (spec.min, spec.max, spec.default):
        explorer.set(**{spec.name: value})
        assert explorer.error == ""
        assert explorer.values()[spec.name] == value
        shown.append((explorer.summary, digest(explorer)))
    assert shown[0] != shown[1], "moving this control from min to max changed nothing a learner sees"


@pytest.mark.parametrize("cls", EXPLORERS.values(), ids=lambda c: c.name)
def test_from_the_lively_settings_one_step_of_any_control_shows(cls):
    """What the browser test does with one key press, here for every control of every explorer."""
    for spec in cls.specs:
        explorer = cls(**cls.lively)
        before = (explorer.summary, digest(explorer))
        value = explorer.values()[spec.name]
        explorer.set(**{spec.name: value + spec.step if value + spec.step <= spec.max else value - spec.step})
        assert (explorer.summary, digest(explorer)) != before, f"one step of {spec.name} changed nothing"


def test_the_lines_read_as_sentences_whatever_the_counts(explorer):
    explorer.set(weekly_hours=6.5, media_share=50, people=1, weeks=156)
    lines = explorer.summary.splitlines()
    assert "3 hours 15 minutes posting, 3 hours 15 minutes one-to-one" in lines[0]
    assert "with 1 person" in lines[2]
    assert "1 close friend," in lines[2] and "0 friends" in lines[2]
    explorer.set(media_share=0)
    assert explorer.summary.splitlines()[1].startswith("Posting: no hours for it")
    explorer.set(media_share=100)
    assert explorer.summary.splitlines()[2].startswith("One-to-one: no hours for it")
    assert "0 close friends" not in explorer.summary


@pytest.mark.parametrize(("minutes_per_post", "said"), [
    (55, "in all: 1.1 posts a week reached"),
    (60, "in all: 1 post a week reached"),  # exactly one a week is still a weekly post
    (65, "in all: 1 post every 1.1 weeks, each shown to about"),
])
def test_a_post_a_week_is_said_weekly_and_rarer_posts_by_their_gap(explorer, minutes_per_post, said):
    explorer.set(weekly_hours=2, media_share=50, minutes_per_post=minutes_per_post)  # 1 hour of posting
    assert said in explorer.summary.splitlines()[1]


def test_small_counts_get_whole_number_ticks_and_a_month_still_draws_lines(explorer):
    explorer.set(media_share=0, people=1, weeks=4)
    networking = explorer.fig.layout.yaxis2
    assert networking.dtick == 1 and networking.range[0] == 0
    assert explorer.fig.layout.xaxis.dtick == 1 and tuple(explorer.fig.layout.xaxis.range) == (0, 4)
    assert all(len(t.x) >= 2 for t in explorer.fig.data), "a single point draws no line"
    explorer.set(media_share=50, people=150, weeks=104)
    assert explorer.fig.layout.yaxis.dtick is None and explorer.fig.layout.yaxis2.dtick is None
    assert explorer.fig.layout.yaxis.range[1] >= max(max(t.y) for t in explorer.fig.data[:2])


@pytest.mark.parametrize(("weeks", "every_week"), [(4, True), (12, True), (13, False), (156, False)])
def test_every_week_has_a_tick_up_to_twelve_weeks_and_the_axis_ends_at_the_horizon(explorer, weeks,
                                                                                     every_week):
    explorer.set(weeks=weeks)
    for axis in (explorer.fig.layout.xaxis, explorer.fig.layout.xaxis2):
        assert tuple(axis.range) == (0, weeks)
        # past twelve weeks plotly spaces the ticks ("linear" with no step would mean a tick every week)
        assert (axis.dtick, axis.tickmode) == ((1, "linear") if every_week else (None, "auto"))


@pytest.mark.parametrize(("top", "shown"), [
    (1_103, 1_200), (1_200, 1_200), (5.25, 5.3), (96_541, 97_000), (0.42, 0.42), (10, 10)])
def test_an_axis_top_is_rounded_up_to_two_significant_figures(top, shown):
    assert axes.round_up(top) == shown


@pytest.mark.parametrize(("top", "whole_ticks", "end"), [
    (0, True, 4.2),  # nobody yet: still an axis 0 to 4, not 0 to 0
    (3, True, 4.2),
    (8, True, 8.4),  # at most eight people: a tick for every person, never 0.2 of one
    (9, False, 9.5),
    (1_000, False, 1_100),
])
def test_a_people_axis_starts_at_zero_with_a_tick_per_person_while_they_are_few(top, whole_ticks, end):
    axis = time_effort.count_axis(top)
    assert axis["range"] == [0, end] and axis["tick0"] == 0
    assert (axis["dtick"], axis["tickmode"]) == ((1, "linear") if whole_ticks else (None, "auto"))


def test_a_small_move_leaves_the_axes_still_so_the_data_shows_the_change(explorer):
    ranges = (tuple(explorer.fig.layout.yaxis.range), tuple(explorer.fig.layout.yaxis2.range))
    reached = left(explorer)
    explorer.set(weekly_hours=6.5)
    assert not np.array_equal(left(explorer), reached)
    assert (tuple(explorer.fig.layout.yaxis.range), tuple(explorer.fig.layout.yaxis2.range)) == ranges


def test_a_preset_shows_until_a_control_moves_and_can_be_chosen_again(explorer):
    preset = explorer.presets[1]
    explorer.picker.value = preset["name"]
    assert all(explorer.values()[k] == v for k, v in preset["values"].items())
    assert explorer.picker.value == preset["name"]
    explorer.controls["media_share"].value = 40  # a learner drags a slider
    assert explorer.picker.value == ""
    explorer.picker.value = preset["name"]
    assert explorer.values()["media_share"] == preset["values"]["media_share"]
    explorer.set(people=7)
    assert explorer.picker.value == ""
    longest = max(len(p["name"]) for p in explorer.presets)
    assert float(explorer.picker.layout.width.removesuffix("em")) >= 17 + longest * 0.55, "names cut off"


@pytest.mark.parametrize("cls", [c for c in EXPLORERS.values() if c.presets_file], ids=lambda c: c.name)
def test_a_preset_chosen_in_the_menu_is_applied_once_without_an_error(cls, monkeypatch):
    """The browser sends the menu's new index; ipywidgets then sets its value and label too. The
    explorer applies the preset once, and never reads the index as a preset's name ("no preset
    named 2")."""
    explorer = cls()
    applied: list[str] = []
    original = explorer.apply_preset
    monkeypatch.setattr(explorer, "apply_preset", lambda name: (applied.append(name), original(name)))
    for index, preset in enumerate(explorer.presets, start=1):
        explorer.reset()
        applied.clear()
        explorer.picker.index = index
        assert applied == [preset["name"]]
        assert explorer.error == ""
        assert all(explorer.values()[k] == v for k, v in preset["values"].items())


def test_horizon_changes_every_trace_length(explorer):
    explorer.set(weeks=10)
    assert all(len(t.x) == 10 for t in explorer.fig.data)
    assert "10 weeks" in explorer.summary


def test_a_bad_value_shows_a_message_and_the_explorer_keeps_working(explorer):
    summary = explorer.summary
    explorer.set(weekly_hours=400)
    assert "weekly_hours" in explorer.error and "400" in explorer.error
    assert explorer._error_html.layout.display is None  # visible
    assert "role=\"alert\"" in explorer._error_html.value
    assert explorer.summary == summary  # the last good result stays
    explorer.set(weekly_hours=10)
    assert explorer.error == ""
    assert explorer._error_html.layout.display == "none"
    assert "10 hours a week" in explorer.summary


def test_an_exception_in_the_model_is_shown_not_swallowed(explorer, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the model fell over")

    monkeypatch.setattr(time_budget, "simulate", broken)
    explorer.controls["media_share"].value = 80  # as a learner's slider would
    assert "the model fell over" in explorer.error
    monkeypatch.undo()
    explorer.controls["media_share"].value = 70
    assert explorer.error == ""
    assert "70" not in explorer.error


def test_unknown_controls_are_refused_clearly():
    with pytest.raises(ValueError, match="no control named"):
        TimeEffortExplorer(colour=3)
    with pytest.raises(ValueError, match="weekly_hours"):
        TimeEffortExplorer(weekly_hours=-1)


def test_presets_apply_and_stay_within_the_specs(explorer):
    data = json.loads(TimeEffortExplorer.presets_file.read_text(encoding="utf-8"))
    assert data["presets"]
    by_name = specs.specs_by_name(TimeEffortExplorer.specs)
    for preset in data["presets"]:
        for name, value in preset["values"].items():
            by_name[name].check(value)
        explorer.apply_preset(preset["name"])
        assert explorer.error == ""
        for name, value in preset["values"].items():
            assert explorer.values()[name] == value
    explorer.apply_preset("no such preset")
    assert "no such preset" in explorer.error


def test_every_explorer_is_registered_and_runs_at_its_heaviest_settings():
    assert "time-effort" in EXPLORERS
    for cls in EXPLORERS.values():
        heavy = cls(**specs.heaviest(cls.specs))
        assert heavy.error == ""
        assert heavy.summary


def test_the_two_sides_use_the_course_palette(explorer):
    from mediavsnet.core import palette
    assert explorer.fig.data[0].line.color == palette.MEDIA
    assert explorer.fig.data[4].fillcolor == palette.NETWORKING


def test_the_reset_button_puts_every_control_back_and_forgets_the_preset(explorer):
    fresh = TimeEffortExplorer()
    explorer.picker.value = explorer.presets[0]["name"]
    explorer.set(people=60, fatigue=0.8, decay_per_year=0.5)
    button = explorer.widget.children[0].children[-1]
    assert "mvn-reset" in button._dom_classes and button.description == "Reset to defaults"
    button.click()  # what Enter or Space does on the focused button
    assert explorer.values() == specs.defaults(TimeEffortExplorer.specs) == fresh.values()
    assert explorer.summary == fresh.summary and digest(explorer) == digest(fresh)
    assert explorer.picker.value == ""


def test_a_preset_sets_every_control_it_does_not_name_to_its_default(explorer):
    preset = explorer.presets[0]
    explorer.set(fatigue=0.8, session_minutes=90, start_followers=20_000)
    explorer.apply_preset(preset["name"])
    expected = {**specs.defaults(TimeEffortExplorer.specs), **preset["values"]}
    assert explorer.values() == expected, "leftover settings changed what the preset shows"


HORIZONS = [(cls, spec) for cls in EXPLORERS.values() for spec in cls.specs
            if spec.name in ("weeks", "window_weeks")]


@pytest.mark.parametrize(("cls", "spec"), HORIZONS, ids=[c.name for c, _ in HORIZONS])
def test_the_week_axis_follows_the_horizon_the_learner_sets(cls, spec):
    """Drag the horizon to either end: the weeks axis ends there, with nothing cut off or blank."""
    explorer = cls()
    for weeks in (int(spec.max), int(spec.min)):
        explorer.set(**{spec.name: weeks})
        layout = explorer.fig.layout
        ends = {float(layout[name].range[1]) for name in layout.to_plotly_json()
                if name.startswith("xaxis") and layout[name].range}
        assert float(weeks) in ends, f"{cls.name}: weeks {weeks}, x axes end at {sorted(ends)}"


def test_an_explorer_without_presets_moves_like_any_other():
    """A course author's new explorer need not have presets: with no preset menu to clear,
    moving a control must still redraw, not fail."""

    class NoPresets(TimeEffortExplorer):
        presets_file = None

    explorer = NoPresets()
    assert explorer.picker is None
    explorer.set(weekly_hours=7)
    assert explorer.error == "" and "7 hours a week" in explorer.summary
