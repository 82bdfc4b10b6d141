"""Lesson 01's listening model and explorer: properties over every spec range, and calibration
against the published figures (typed here, next to their citations, never read from the module).
"""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import params

from mediavsnet.core.specs import specs_by_name
from mediavsnet.lessons.l01_communication_style import explorer as communication
from mediavsnet.lessons.l01_communication_style.explorer import CommunicationExplorer
from mediavsnet.lessons.l01_communication_style.tables import rhythm_table, split_table
from mediavsnet.models import listening
from mediavsnet.models.listening import ListeningParams

SEEDS = st.integers(0, 2**32 - 1)
SPECS = specs_by_name(listening.SPECS)

# --- the published figures ----------------------------------------------------------------

#: Sprout Social Index (2016, weak): about 89 % of messages to brands go unanswered...
SPROUT_UNANSWERED = 0.89
#: ... brands take about 10 hours to reply ...
SPROUT_REPLY_HOURS = 10
#: ... when people expect about 4 hours ...
SPROUT_EXPECTED_HOURS = 4
#: ... about 30 % of customers would go to a competitor when ignored ...
SPROUT_WOULD_LEAVE = 0.30
#: ... and brands send about 23 promotional messages for every reply.
SPROUT_MESSAGES_PER_REPLY = 23
#: Oldroyd, McElheran & Elkington (2011, HBR): within the hour, a real conversation is nearly
#: 7 times as likely as an hour later, and more than 60 times as likely as after 24 h or more.
OLDROYD_AN_HOUR_LATER = 7
OLDROYD_A_DAY_LATER = 60


def with_more(p, field: str):
    """The same parameters with one more step of ``field`` (or None at the top)."""
    spec = SPECS[field]
    current = getattr(p, field)
    if current + spec.step > spec.max + 1e-9:
        return None
    return dataclasses.replace(p, **{field: round(current + spec.step, 10)})


def with_less(p, field: str):
    spec = SPECS[field]
    current = getattr(p, field)
    if current - spec.step < spec.min - 1e-9:
        return None
    return dataclasses.replace(p, **{field: round(current - spec.step, 10)})


# --- properties over the full ranges ---------------------------------------------------------


@given(params(ListeningParams), SEEDS)
def test_every_setting_runs_and_accounts_for_every_message(p, seed):
    r = listening.simulate(p, seed)
    for name in ("arrived", "on_time", "late", "unanswered", "community", "opportunities", "caught", "posts"):
        array = getattr(r, name)
        assert len(array) == p.weeks and np.all(np.isfinite(array)) and np.all(array >= -1e-12), name
    np.testing.assert_allclose(r.on_time + r.late + r.unanswered, r.arrived, rtol=1e-12, atol=1e-12)
    assert np.all(r.answered <= r.replies_per_week + 1e-9)
    assert np.all(r.caught <= r.opportunities + 1e-12)
    assert np.all(r.community <= p.messages_per_week + 1e-9), "renewal never grows it past its start"
    if p.listening_share == 0:
        assert r.total_replies == 0 and r.caught.sum() == 0


@given(params(ListeningParams), SEEDS)
def test_same_parameters_and_seed_same_result(p, seed):
    a, b = listening.simulate(p, seed), listening.simulate(p, seed)
    for field in ("arrived", "on_time", "late", "unanswered", "community", "caught"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))


@given(params(ListeningParams), SEEDS)
def test_more_listening_never_catches_fewer_opportunities(p, seed):
    more = with_more(p, "listening_share")
    if more is None:
        return
    a, b = listening.simulate(p, seed), listening.simulate(more, seed)
    assert np.all(np.cumsum(b.caught) >= np.cumsum(a.caught) - 1e-9)
    assert np.all(b.community >= a.community - 1e-9), "more listening never drives more people away"
    assert b.total_replies >= a.total_replies - 1e-9


@given(params(ListeningParams), SEEDS)
def test_checking_more_often_never_makes_people_wait_longer(p, seed):
    sooner = with_less(p, "check_every_hours")
    if sooner is None:
        return
    a, b = listening.simulate(p, seed), listening.simulate(sooner, seed)
    assert b.mean_wait_hours < a.mean_wait_hours
    assert b.on_time.sum() >= a.on_time.sum() - 1e-9
    assert np.all(np.cumsum(b.caught) >= np.cumsum(a.caught) - 1e-9)
    assert np.all(b.community >= a.community - 1e-9)


@given(st.floats(0.0, 500.0), st.floats(0.0, 500.0))
def test_an_opportunity_never_warms_up_while_it_waits(x, y):
    early, late = sorted((x, y))
    assert listening.lead_value(early) >= listening.lead_value(late)


def test_the_average_over_a_wait_matches_a_fine_numerical_average():
    for hours in (0.5, 1, 1.5, 2, 5, 20, 24, 30, 168):
        grid = (np.arange(200_000) + 0.5) / 200_000 * hours
        average = float(listening.lead_value(grid).mean())
        assert listening.caught_share(hours) == pytest.approx(average, rel=1e-4)


def test_a_community_answered_in_time_stays_the_size_it_started():
    p = ListeningParams.from_defaults(listening_share=100, check_every_hours=1, weekly_hours=40)
    r = listening.simulate(p)
    np.testing.assert_allclose(r.community, p.messages_per_week)
    assert r.unanswered.sum() == 0 and r.late.sum() == 0


# --- calibration against the published figures ------------------------------------------------


def test_with_the_mostly_talking_default_most_messages_go_unanswered_as_sprout_found():
    p = ListeningParams()
    assert p.listening_share < 50, "the default is a week that is mostly talking"
    r = listening.simulate(p)
    share = r.unanswered.sum() / r.arrived.sum()
    assert abs(share - SPROUT_UNANSWERED) <= 0.05, (
        f"{share:.0%} of messages unanswered at the defaults; Sprout Social found {SPROUT_UNANSWERED:.0%}"
    )


def test_at_the_defaults_answered_messages_wait_as_long_as_sprout_found_and_people_expect_4_hours():
    p = ListeningParams()
    assert listening.simulate(p).mean_wait_hours == pytest.approx(SPROUT_REPLY_HOURS, abs=1)
    assert p.expected_reply_hours == SPROUT_EXPECTED_HOURS
    explorer = CommunicationExplorer()
    assert f"waited {SPROUT_REPLY_HOURS} hours on average" in explorer.summary
    assert f"within the {SPROUT_EXPECTED_HOURS} hours people expect" in explorer.summary


def test_an_ignored_writer_stops_as_often_as_sprouts_customers_said_they_would_leave():
    """One week, nobody answered, nothing to renew: the community loses 30 % of the writers ignored."""
    p = ListeningParams.from_defaults(listening_share=0, weeks=4)
    r = listening.simulate(p)
    # Each person writes once every k weeks (an assumption), so a person who stops takes 1/k of a
    # message a week away: the people who stopped, over the people ignored, is the share who left.
    stopped = (r.community[0] - r.community[1]) * listening.WEEKS_BETWEEN_MESSAGES
    assert stopped / r.arrived[0] == pytest.approx(SPROUT_WOULD_LEAVE)


@pytest.mark.parametrize("within", [0.01, 0.5, 0.99])
def test_a_lead_an_hour_later_is_7_times_less_likely_and_a_day_later_60_times(within):
    now = float(listening.lead_value(within))
    assert now / float(listening.lead_value(within + 1)) == pytest.approx(OLDROYD_AN_HOUR_LATER)
    for hours in (24, 30, 72, 168):
        assert now / float(listening.lead_value(hours)) == pytest.approx(OLDROYD_A_DAY_LATER)


def test_between_the_studys_points_the_value_falls_smoothly_from_7_to_60_times():
    hours = np.linspace(2, 24, 50)
    ratio = float(listening.lead_value(0.5)) / listening.lead_value(hours)
    assert np.all(np.diff(ratio) > 0)
    assert ratio[0] == pytest.approx(OLDROYD_AN_HOUR_LATER)
    assert ratio[-1] == pytest.approx(OLDROYD_A_DAY_LATER)
    assert OLDROYD_AN_HOUR_LATER < ratio[len(ratio) // 2] < OLDROYD_A_DAY_LATER


def test_the_explorer_shows_sprouts_23_to_1_beside_the_learners_ratio():
    explorer = CommunicationExplorer()
    said = re.search(r"counted brands sending (\d+) promotional messages for every reply", explorer.summary)
    assert said and int(said.group(1)) == SPROUT_MESSAGES_PER_REPLY
    r = listening.simulate(ListeningParams())
    mine = r.total_posts / r.total_replies
    assert f"Talk to reply: {mine:.1f} posts for every reply" in explorer.summary
    explorer.set(listening_share=1)
    ratio = re.search(r"Talk to reply: (\d+) posts", explorer.summary)
    assert ratio and int(ratio.group(1)) >= SPROUT_MESSAGES_PER_REPLY, "1 %: Sprout's ratio or more"


# --- the explorer and its tables ------------------------------------------------------------------


def test_the_explorer_uses_the_media_hue_for_talking_and_the_networking_hue_for_listening():
    from mediavsnet.core import palette
    explorer = CommunicationExplorer()
    names = {trace.name: trace for trace in explorer.fig.data}
    assert names["Your posts (talking)"].line.color == palette.MEDIA
    assert names["Answered in time"].fillcolor == palette.NETWORKING
    assert names["Became a conversation"].line.color == palette.NETWORKING


def test_the_lines_say_what_the_model_gives():
    explorer = CommunicationExplorer()
    r = listening.simulate(ListeningParams())
    lines = explorer.summary.splitlines()
    assert len(lines) == 5 and explorer._summary_html.value.count("<p>") == 5
    assert f"{r.arrived.sum():,.0f} messages arrived" in lines[1]
    assert f"({100 * r.unanswered.sum() / r.arrived.sum():.0f} %)" in lines[1]
    explorer.set(listening_share=0)
    assert "none was answered" in explorer.summary and "no reply at all" in explorer.summary
    explorer.set(listening_share=100)
    assert "you only listened, no posts" in explorer.summary and "leaves out" in explorer.summary
    explorer.set(opportunity_pct=0)
    assert "Opportunities: at 0 % of messages, none arrived." in explorer.summary
    first_step = CommunicationExplorer(opportunity_pct=1).summary  # the slider's first step: some arrive
    assert "Opportunities (1 % of messages: a lead, an invitation, a partner): 9.8 arrived;" in first_step


def test_the_tables_show_listening_catching_more_and_checking_sooner_keeping_leads_warm():
    rows = split_table().splitlines()[3:]
    caught = [float(row.split()[-3]) for row in rows]
    assert caught == sorted(caught) and caught[0] == 0
    warm = [int(row.split()[-2]) for row in rhythm_table().splitlines()[3:]]
    assert warm == sorted(warm, reverse=True) and warm[0] == 100


@pytest.mark.parametrize("field", [s.name for s in listening.SPECS])
def test_bad_values_name_the_parameter_and_its_range(field):
    spec = SPECS[field]
    with pytest.raises(ValueError, match=re.escape(field)) as caught:
        ListeningParams.from_defaults(**{field: spec.max + spec.step})
    assert f"{spec.min:g}" in str(caught.value) and f"{spec.max:g}" in str(caught.value)
    assert math.isfinite(spec.default)


def test_an_ignored_community_shrinks_by_the_same_share_however_small_it_starts():
    """Nobody answers: people stop writing (Sprout Social's 30 % would leave), and a community
    of one message a week dwindles just as one of twenty does, below one message a week."""
    left = {}
    for start in (1, 20):
        p = ListeningParams.from_defaults(messages_per_week=start, listening_share=0, weeks=156)
        left[start] = listening.simulate(p).arrived[-13:].mean() / start
    assert left[1] < 0.7 and left[20] < 0.7
    assert left[1] == pytest.approx(left[20], rel=0.1)


@pytest.mark.parametrize("weeks", [4, 52, 156])
def test_the_weeks_run_from_week_1_to_the_horizon(weeks):
    """The explorer draws every line against these weeks: a shift would move every point."""
    r = listening.simulate(ListeningParams.from_defaults(weeks=weeks))
    np.testing.assert_array_equal(r.week, np.arange(1, weeks + 1))


# --- how the lines write small and fractional quantities --------------------------------------


@pytest.mark.parametrize(("hours", "written"), [
    (0, "0 hours"), (0.005, "less than 1 minute"), (0.5 / 60, "less than 1 minute"), (1 / 60, "1 minute"),
    (0.25, "15 minutes"), (1, "1 hour"), (1.5, "1 hour 30 minutes"),
])
def test_a_share_of_the_week_is_written_to_the_minute_and_never_as_0_when_some_time_is_given(hours, written):
    assert communication.clock(hours) == written


@pytest.mark.parametrize(("value", "written"), [
    (0, "0"), (0.2, "less than 1"), (0.5, "less than 1"), (0.51, "1"), (3.4, "3"), (1_234.5, "1,234"),
])
def test_a_count_of_messages_is_less_than_1_rather_than_0_when_some_arrived(value, written):
    assert communication.amount(value) == written


@pytest.mark.parametrize(("value", "written"), [
    (0, "0"), (0.04, "less than 1"), (0.05, "0.1"), (0.6, "0.6"), (9.94, "9.9"), (9.96, "10"), (48.4, "48"),
])
def test_an_expected_number_of_opportunities_has_one_decimal_under_ten(value, written):
    assert communication.few_amount(value) == written


@pytest.mark.parametrize(("weekly_posts", "written"), [
    (0, "no posts"), (0.5, "1 post every 2 weeks"), (1, "1 post a week"), (2.5, "2.5 posts a week")])
def test_posting_is_written_as_posts_a_week_or_as_the_gap_between_posts(weekly_posts, written):
    assert communication.posts_phrase(weekly_posts) == written


@pytest.mark.parametrize(("settings", "said"), [
    ({"listening_share": 0}, "send about 7.8 messages a week, 39 % of the 20 a week at the start;"),
    # answered within the hour, the few late answers still add up over two years ...
    ({"listening_share": 100, "check_every_hours": 1}, "send about 19 messages a week, 93 % of the 20"),
    # ... but not over one: the last week still rounds to the first, and the line says it held
    ({"listening_share": 100, "check_every_hours": 1, "weeks": 52},
     "send about 20 messages a week, as at the start: hardly anyone went unanswered."),
])
def test_the_community_line_says_it_fell_only_when_the_last_week_reads_lower_than_the_first(settings, said):
    assert said in CommunicationExplorer(**settings).summary.splitlines()[3]
