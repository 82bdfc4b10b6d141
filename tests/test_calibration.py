"""Calibration against the published figures in FACTS.md, never against a model's own constants.

Every expected number here is typed from the publication it comes from, next to
its citation, and every expected result is computed in the test from those
figures. A test that compared the model with ``relationships.CLOSE_LAYER`` would
move with the constant: raise Dunbar's 15 to 20 and it would still pass while a
learner reads "20 close friends". These do not.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from mediavsnet.core.specs import specs_by_name
from mediavsnet.core.strings import t
from mediavsnet.lessons.l04_time_and_effort.explorer import TimeEffortExplorer
from mediavsnet.models import posting, relationships, time_budget
from mediavsnet.models.relationships import RelationshipParams

# --- the published figures ----------------------------------------------------------------

#: Hall (2019), J. Social and Personal Relationships 36(4): hours together to reach each stage.
HALL_HOURS = {"casual": 50, "friend": 90, "close": 200}
#: Dunbar's layers (Zhou, Sornette, Hill & Dunbar 2005): about 15 people in the sympathy group.
DUNBAR_SYMPATHY_GROUP = 15
#: Dunbar, quoted 2010 (weak): emotional closeness falls about 15 % a year without contact.
DUNBAR_FADING_PER_YEAR = 0.15
#: Kraut, via New Scientist 2021: FACTS.md turns it into a rate of about 0.4 a year.
KRAUT_RATE_PER_YEAR = 0.4
#: Locowise (2015, weak): organic reach of a Facebook Page post, as a share of followers,
#: 11 % under 10k likes, 6 % at 10k-100k, 5 % above 100k. The model places each bin's figure
#: at its bin's middle on a log scale (3,000, 30,000, 300,000), linear in log(followers)
#: between and flat outside: the law the lesson describes.
LOCOWISE = ((3_000, 0.11), (30_000, 0.06), (300_000, 0.05))
#: HubSpot (13,500 customers): pages posting more than 60 times a month got about half the
#: clicks per post of pages posting at most 5 times.
HUBSPOT_POSTS, HUBSPOT_SHARE = (5, 60), 0.5
#: Track Social (2012, weak): at two posts a day each post got 57 % of the likes.
TRACK_SOCIAL_SHARE = 0.57
#: Social Media Examiner (2010-2012, weak): about half of marketers spend 6 h or more a week.
SME_HOURS_PER_WEEK = 6
#: ... and beginners about 1 h a week.
SME_BEGINNER_HOURS = 1


# --- Hall: hours to each stage --------------------------------------------------------------


def hall_stage(hours: float) -> str:
    """The stage Hall's figures give for hours together (for someone met)."""
    if hours >= HALL_HOURS["close"]:
        return "close"
    if hours >= HALL_HOURS["friend"]:
        return "friend"
    if hours >= HALL_HOURS["casual"]:
        return "casual"
    return "acquaintance"


def test_each_stage_begins_at_halls_hours():
    """A learner reads "a friend" from 90 hours together, not from 80 or 100."""
    hours = sorted({h + d for h in HALL_HOURS.values() for d in (-0.01, 0.0, 0.01)} | {0.5, 300.0})
    counts = relationships.stage_counts(np.array([hours]))
    expected = {stage: sum(hall_stage(h) == stage for h in hours) for stage in relationships.STAGES}
    got = {stage: int(counts[stage][0]) for stage in relationships.STAGES}
    assert got == expected, f"hours {hours} counted as {got}; Hall's 50, 90 and 200 hours give {expected}"


def test_the_legend_names_halls_hours():
    """The explorer's legend tells a learner where each stage starts."""
    for stage, hours in HALL_HOURS.items():
        assert re.search(rf"\b{hours} h\+", t(f"time_effort.stage_{stage}")), t(f"time_effort.stage_{stage}")
    assert f"under {HALL_HOURS['casual']} h" in t("time_effort.stage_acquaintance")


@pytest.mark.parametrize("stage", ["casual", "friend", "close"])
def test_seen_every_week_a_person_reaches_each_stage_when_halls_hours_add_up(stage):
    """Twenty people, each seen for two hours every week (so nothing fades).

    With the model's chemistry c (how much an hour counts with that person), a
    person reaches a stage in the first week in which 2 h x weeks x c reaches
    Hall's hours for it: 25, 45 and 100 weeks for an average person.
    """
    people, each, seed = 20, 2.0, 0
    r = relationships.simulate(RelationshipParams.from_defaults(
        hours_per_week=people * each, people=people, session_minutes=60, weeks=156), seed)
    chemistry = relationships.chemistry(people, seed)
    deeper = relationships.STAGES[relationships.STAGES.index(stage):]
    for k in range(people):
        counts = relationships.stage_counts(r.closeness[:, [k]])
        week = int(np.argmax(sum(counts[s] for s in deeper) > 0)) + 1
        hours = each * week * chemistry[k]
        assert HALL_HOURS[stage] <= hours + 1e-9 < HALL_HOURS[stage] + each * chemistry[k], (
            f"person {k} became {stage} in week {week}, after {hours:.1f} effective hours; "
            f"Hall's figure is {HALL_HOURS[stage]} hours"
        )


def test_at_one_hour_a_week_about_a_year_and_about_four():
    casual = relationships.weeks_to_reach(HALL_HOURS["casual"], 1.0)
    close = relationships.weeks_to_reach(HALL_HOURS["close"], 1.0)
    assert casual == HALL_HOURS["casual"] and round(casual / 52) == 1
    assert close == HALL_HOURS["close"] and round(close / 52) == 4


# --- Dunbar: the sympathy group -------------------------------------------------------------


def test_no_more_close_friends_than_dunbars_sympathy_group():
    twenty_at_250_hours = np.full((1, 20), 250.0)
    counts = relationships.stage_counts(twenty_at_250_hours)
    assert counts["close"][0] == DUNBAR_SYMPATHY_GROUP, (
        f"20 people past 200 hours give {counts['close'][0]} close friends; Dunbar's layers hold about "
        f"{DUNBAR_SYMPATHY_GROUP}"
    )
    assert counts["friend"][0] == 20 - DUNBAR_SYMPATHY_GROUP  # the rest stay friends


def test_the_explorer_never_says_more_close_friends_than_dunbars_15():
    """A learner with 40 hours a week for 25 people, for three years, reads "15 close friends"."""
    explorer = TimeEffortExplorer(weekly_hours=40, media_share=0, people=25, session_minutes=60, weeks=156)
    r = time_budget.simulate(time_budget.TimeBudgetParams(**explorer.values())).networking
    past_200 = int((r.closeness[-1] >= HALL_HOURS["close"]).sum())
    assert past_200 > DUNBAR_SYMPATHY_GROUP, "at these settings the cap must bind, or the test means nothing"
    said = re.search(r"(\d+) close friends?", explorer.summary)
    assert said and int(said.group(1)) == DUNBAR_SYMPATHY_GROUP, (
        f"the learner reads {said.group(0) if said else 'no close friends'!r} with {past_200} people past "
        f"200 hours; Dunbar's sympathy group holds about {DUNBAR_SYMPATHY_GROUP}"
    )
    assert int(explorer.fig.data[5].y[-1]) == DUNBAR_SYMPATHY_GROUP  # and the plot's top band agrees


# --- fading without contact -----------------------------------------------------------------


def test_default_fading_is_dunbars_15_percent_a_year_as_a_rate():
    spec = specs_by_name(relationships.SPECS)["decay_per_year"]
    rate = -math.log(1 - DUNBAR_FADING_PER_YEAR)  # 0.1625 a year
    assert abs(spec.default - rate) <= spec.step, f"default {spec.default}; 15 % a year is {rate:.4f}"
    assert spec.min <= rate and spec.max >= KRAUT_RATE_PER_YEAR  # the slider spans both estimates


# --- Locowise: organic reach by page size ---------------------------------------------------


def locowise_share(followers: float) -> float:
    """The published points, linear in log10(followers) between them and flat outside."""
    (x0, y0), *_ , (xn, yn) = LOCOWISE
    if followers <= x0:
        return y0
    if followers >= xn:
        return yn
    for (xa, ya), (xb, yb) in zip(LOCOWISE, LOCOWISE[1:], strict=False):
        if xa <= followers <= xb:
            where = (math.log10(followers) - math.log10(xa)) / (math.log10(xb) - math.log10(xa))
            return ya + where * (yb - ya)
    raise AssertionError("unreachable")


@pytest.mark.parametrize("followers", [3_000, 30_000, 300_000])
def test_organic_reach_is_locowises_figure_at_each_bins_middle(followers):
    assert posting.organic_reach(followers) == pytest.approx(dict(LOCOWISE)[followers], abs=1e-12)


@pytest.mark.parametrize("followers", [100, 1_000, 1_000_000, 5_000_000])
def test_organic_reach_is_flat_beyond_the_published_bins(followers):
    assert posting.organic_reach(followers) == pytest.approx(locowise_share(followers), abs=1e-12)


@pytest.mark.parametrize("followers", [5_000, 10_000, 17_000, 100_000, 150_000])
def test_organic_reach_between_the_published_points(followers):
    """At 10,000 followers one post reaches 839 of them (8.4 %), not the 11 % or 6 % at either end."""
    expected = locowise_share(followers)
    got = float(posting.organic_reach(followers))
    assert got == pytest.approx(expected, rel=1e-9), (
        f"at {followers:,} followers a post reaches {got * followers:,.0f} people by the model, "
        f"{expected * followers:,.0f} by Locowise's figures"
    )


def test_organic_reach_at_10000_followers_in_people():
    """The figure a learner can check by hand: 10,000 x (11 % - 5 % x log10(10,000 / 3,000)) = 839 people."""
    by_hand = 10_000 * (0.11 + (0.06 - 0.11) * math.log10(10_000 / 3_000))
    assert round(float(posting.organic_reach(10_000)) * 10_000) == round(by_hand) == 839


# --- posting fatigue and the time budget ----------------------------------------------------


def test_default_fatigue_is_hubspots_half_the_clicks_and_the_range_reaches_track_social():
    """Per-post engagement ~ posts^-b: HubSpot's half the clicks at 12 times the posts gives b = 0.28."""
    spec = specs_by_name(posting.SPECS)["fatigue"]
    low, high = HUBSPOT_POSTS
    b_hubspot = math.log(1 / HUBSPOT_SHARE) / math.log(high / low)  # 0.279
    b_track_social = math.log(1 / TRACK_SOCIAL_SHARE) / math.log(2)  # 0.81: twice the posts, 57 % each
    assert abs(spec.default - b_hubspot) <= spec.step, f"default {spec.default}; HubSpot: {b_hubspot:.3f}"
    assert spec.max >= round(b_track_social, 1)


def test_default_weekly_budget_is_social_media_examiners_six_hours():
    spec = specs_by_name(time_budget.SPECS)["weekly_hours"]
    assert spec.default == SME_HOURS_PER_WEEK
    assert spec.min <= SME_BEGINNER_HOURS <= spec.max
