"""Lesson 02's funnel model: calibration against FACTS.md, properties over every spec range,
and the lesson's claims derived from the model."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import params

from mediavsnet.core.specs import specs_by_name
from mediavsnet.core.strings import t
from mediavsnet.lessons.l02_goals.explorer import GoalsExplorer, scores, winner
from mediavsnet.lessons.l02_goals.tables import sobering_chain
from mediavsnet.models import funnel, posting, relationships
from mediavsnet.models.funnel import FunnelParams

SEEDS = st.integers(0, 2**32 - 1)
SPECS = specs_by_name(funnel.SPECS)

# --- calibration: FACTS.md's figures typed here, never read from the module ------------------

#: FACTS.md, "Funnel": the sobering chain.
CHAIN_FOLLOWERS = 10_000
CHAIN_REACH = 0.05  # organic reach, share of followers (Locowise-era estimates, 5 to 5.5 %)
CHAIN_CLICKS = 0.009  # WordStream 2017, paid Facebook ads click-through
CHAIN_CONVERSION = 0.007  # Monetate 2013, social traffic, e-commerce
CHAIN_SALES_PER_POST = 0.03  # "about 0.03 sales a post"
CHAIN_POSTS, CHAIN_SALES = 250, 8  # "about 8 sales from 250 posts"
#: FACTS.md: WordStream's paid-ads conversion (any action), used here as the lead rate.
WORDSTREAM_CONVERSION = 0.092


def test_the_sobering_chain_comes_out_of_the_model():
    one = funnel.per_post(CHAIN_FOLLOWERS, CHAIN_REACH, CHAIN_CLICKS * 100, CHAIN_CONVERSION * 100)
    assert one.reached == pytest.approx(CHAIN_FOLLOWERS * CHAIN_REACH)
    assert one.sales == pytest.approx(CHAIN_SALES_PER_POST, rel=0.1)
    assert one.sales * CHAIN_POSTS == pytest.approx(CHAIN_SALES, rel=0.05)


def test_the_defaults_are_the_published_rates():
    p = FunnelParams()
    assert p.click_pct / 100 == pytest.approx(CHAIN_CLICKS)
    assert p.sale_pct / 100 == pytest.approx(CHAIN_CONVERSION)
    one = funnel.per_post(CHAIN_FOLLOWERS, CHAIN_REACH, p.click_pct, p.sale_pct)
    assert one.leads == pytest.approx(CHAIN_FOLLOWERS * CHAIN_REACH * CHAIN_CLICKS * WORDSTREAM_CONVERSION)
    assert one.sales * CHAIN_POSTS == pytest.approx(CHAIN_SALES, rel=0.05)


def test_the_simulation_runs_the_same_chain_on_the_posting_models_reach():
    """Through simulate: each week's sales are that week's per-post reach, times posts, times the rates."""
    p = FunnelParams(start_followers=10_000)
    result = funnel.simulate(p)
    shown = result.media.per_post_reach * result.media.posts_per_week
    np.testing.assert_allclose(result.impressions, shown)
    np.testing.assert_allclose(result.sales, shown * CHAIN_CLICKS * CHAIN_CONVERSION)
    # Week one, a page of 10,000: the chain with the posting model's own reach and fatigue.
    first = result.media.per_post_reach[0]
    reach = float(posting.organic_reach(10_000)) * posting.fatigue_factor(result.media.posts_per_week, 0.3)
    assert first == pytest.approx(10_000 * reach)


def test_the_kept_chain_table_shows_the_published_check():
    table = sobering_chain()
    row = next(line for line in table.splitlines() if line.startswith("5 %"))
    assert row.split()[-1] == "7.9" and "500" in row  # about 8 sales from 250 posts; 500 people a post


# --- properties over every spec range -------------------------------------------------------

STAGES = ("impressions", "clicks", "leads", "sales")


@settings(max_examples=60, deadline=None)
@given(params(FunnelParams), SEEDS)
def test_every_setting_gives_finite_non_negative_weekly_numbers(p, seed):
    result = funnel.simulate(p, seed)
    for name in (*STAGES, "conversations", "relationships", "referral_sales"):
        array = getattr(result, name)
        assert len(array) == p.weeks, name
        assert np.all(np.isfinite(array)) and np.all(array >= 0), name


@settings(max_examples=60, deadline=None)
@given(params(FunnelParams), SEEDS)
def test_no_funnel_stage_is_bigger_than_the_one_above(p, seed):
    result = funnel.simulate(p, seed)
    per_post = result.media.per_post_reach
    assert np.all(per_post <= result.media.followers + 1e-9)  # one post, at most every follower
    for upper, lower in zip(STAGES, STAGES[1:], strict=False):
        assert np.all(getattr(result, lower) <= getattr(result, upper) + 1e-12), (upper, lower)
    assert np.all(result.referral_sales <= result.networking.referrals + 1e-12)


@settings(max_examples=60, deadline=None)
@given(params(FunnelParams), SEEDS)
def test_more_hours_never_give_fewer_sales_leads_or_relationships(p, seed):
    spec = SPECS["weekly_hours"]
    if p.weekly_hours + spec.step > spec.max:
        return
    more = dataclasses.replace(p, weekly_hours=p.weekly_hours + spec.step)
    before, after = funnel.simulate(p, seed), funnel.simulate(more, seed)
    for name in (*STAGES, "conversations"):
        assert after.total(name) >= before.total(name) * (1 - 1e-9), name
    assert np.all(after.relationships >= before.relationships)
    assert after.networking.total_referrals >= before.networking.total_referrals
    assert after.total("referral_sales") >= before.total("referral_sales") - 1e-12


@settings(max_examples=40, deadline=None)
@given(params(FunnelParams), SEEDS)
def test_same_seed_same_result(p, seed):
    first, second = funnel.simulate(p, seed), funnel.simulate(p, seed)
    for name in (*STAGES, "relationships", "referral_sales"):
        np.testing.assert_array_equal(getattr(first, name), getattr(second, name))


def test_the_funnel_reuses_the_posting_and_relationships_models():
    p = FunnelParams()
    result = funnel.simulate(p, seed=3)
    np.testing.assert_array_equal(result.media.followers, posting.simulate(p.posting_params(), 3).followers)
    net = relationships.simulate(p.relationship_params(), 3)
    np.testing.assert_array_equal(result.relationships, net.casual + net.friend + net.close)


def test_a_bad_value_names_the_parameter():
    with pytest.raises(ValueError, match="click_pct"):
        FunnelParams(click_pct=50)


# --- the lesson's claims, derived from the model ---------------------------------------------


def test_at_the_defaults_the_goal_decides_who_wins():
    result = funnel.simulate(FunnelParams())
    verdicts = {goal: winner(pair) for goal, pair in scores(result).items()}
    assert verdicts == {"buzz": "media", "sales": "media", "network": "networking"}


def bars_by_label(fig, trace, axis: str) -> dict[str, float]:
    """What a learner reads off a bar chart: each row's label and the bar drawn on that row."""
    layout_axis = fig.layout[axis]
    label_at = dict(zip(layout_axis.tickvals, layout_axis.ticktext, strict=True))
    return {label_at[row]: float(length) for row, length in zip(trace.y, trace.x, strict=True)}


@pytest.mark.parametrize("goal", [0, 1, 2])
def test_each_bar_sits_on_the_row_its_label_names(goal):
    explorer = GoalsExplorer(goal=goal)
    result = explorer.compute(explorer.values())
    fig = explorer.fig
    stages = ("impressions", "clicks", "leads", "sales")
    assert bars_by_label(fig, fig.data[0], "yaxis") == {
        t(f"goals.stage_{stage}"): pytest.approx(result.total(stage)) for stage in stages}
    media, networking = scores(result)[explorer.goal()]
    assert bars_by_label(fig, fig.data[3], "yaxis3") == {
        t("goals.approach_media"): pytest.approx(media),
        t("goals.approach_networking"): pytest.approx(networking),
    }


@pytest.mark.parametrize(("goal", "turned_by"), [
    (0, "Judge by the network instead and one-to-one wins:"),  # buzz: sales agree, the network does not
    (1, "Judge by the network instead and one-to-one wins:"),
    (2, "Judge by buzz instead and broadcasting wins:"),  # the first, in the lesson's order, to disagree
])
def test_the_verdict_names_the_first_other_goal_that_turns_it_round(goal, turned_by):
    assert turned_by in GoalsExplorer(goal=goal).summary.splitlines()[2]


def test_a_goal_control_changes_only_the_verdict():
    explorer = GoalsExplorer()
    first = explorer.summary.splitlines()
    explorer.set(goal=2)
    second = explorer.summary.splitlines()
    assert first[:2] == second[:2] and first[2] != second[2]
    assert second[2].startswith("Judged by the network")


@pytest.mark.parametrize(("minutes_per_post", "said"), [
    (40, "1.1 posts a week;"), (45, "1 post a week;"), (50, "1 post every 1.1 weeks;")])
def test_exactly_one_post_a_week_is_said_weekly_and_rarer_posts_by_their_gap(minutes_per_post, said):
    explorer = GoalsExplorer(weekly_hours=0.75, minutes_per_post=minutes_per_post)  # 45 minutes a week
    assert said in explorer.summary.splitlines()[0]


@pytest.mark.parametrize(("settings", "ending"), [
    ({}, "85 leads and 6.5 sales (expected values)."),
    # under one sale in all: how many posts one sale takes
    ({"weekly_hours": 0.5, "weeks": 4},
     "0.4 leads and less than 1 sale, about 1 sale every 93 posts (expected values)."),
])
def test_the_funnel_ends_in_its_sales_and_says_how_many_posts_one_takes_when_under_one(settings, ending):
    assert GoalsExplorer(**settings).summary.splitlines()[0].endswith(ending)


@pytest.mark.parametrize(("people", "intense"), [(1, True), (2, False)])
def test_from_eight_hours_a_week_with_each_person_the_line_says_it_is_more_than_networking(people, intense):
    """At 8 hours a week with one person (the assumption's threshold) the line says so; at 4, not."""
    line = GoalsExplorer(weekly_hours=8, people=people).summary.splitlines()[1]
    assert ("more like working or living together than networking" in line) == intense


# --- the self-check's answers, derived ------------------------------------------------------


def right_option(qid: str):
    from mediavsnet.learning.quiz import questions_from_table

    question = next(q for q in questions_from_table("quiz.l02") if q.id == qid)
    return {o.id: o.correct for o in question.options}


def test_the_chain_question_follows_from_the_published_figures():
    sales = funnel.per_post(CHAIN_FOLLOWERS, CHAIN_REACH, CHAIN_CLICKS * 100, CHAIN_CONVERSION * 100).sales
    candidates = {"three": 3.0, "three-hundredths": 0.03, "thirty": 30.0}
    closest = min(candidates, key=lambda k: abs(np.log(candidates[k] / sales)))
    marked = right_option("sobering-chain")
    assert marked[closest] and sum(marked.values()) == 1


def test_the_goal_question_follows_from_the_model():
    result = funnel.simulate(FunnelParams())
    winners = {winner(pair) for pair in scores(result).values()}
    expected = ("depends-on-goal" if len(winners) > 1
                else "broadcasting-always" if winners == {"media"} else "networking-always")
    assert right_option("goal-decides")[expected]


@pytest.mark.parametrize(("goal", "weeks", "title"), [
    (0, 104, "Times someone saw you in 2 years: impressions, or conversations"),
    (1, 30, "Sales in 30 weeks (expected): from the funnel, or from referrals"),
    (2, 52, "Relationships after 1 year (casual friend or closer)"),
])
def test_the_verdict_axis_says_what_is_measured_and_over_how_long(goal, weeks, title):
    explorer = GoalsExplorer()
    explorer.set(goal=goal, weeks=weeks)
    assert explorer.fig.layout.xaxis3.title.text == title


def test_the_network_axis_holds_a_referral_made_in_the_last_week():
    explorer = GoalsExplorer()
    explorer.set(weekly_hours=40.0, weeks=38, start_followers=1000, people=5, minutes_per_post=190.0,
                 click_pct=1.0, sale_pct=3.8, referral_sale_pct=25.0, referrals_per_friend_year=2.1)
    referred = explorer.fig.data[2]
    assert referred.y[-1] > referred.y[-2] and referred.y[-1] > max(explorer.fig.data[1].y), \
        "the setting should end on a referral made in the last week, above the relationships"
    assert explorer.fig.layout.yaxis2.range[1] >= referred.y[-1]


def test_the_funnel_counts_people_on_a_log_axis_and_the_network_runs_over_weeks():
    """Each plot's axes say what they measure: the funnel is not titled "Week"."""
    layout = GoalsExplorer().fig.layout
    assert (layout.xaxis.title.text, layout.xaxis.type) == ("People (log scale)", "log")
    assert (layout.xaxis2.title.text, layout.yaxis2.title.text) == ("Week", "People")
