"""The relationship model's parts, each against an independent computation in the test.

The explorer's line "who sent 3 referrals" comes from Poisson draws by
inversion, and lesson 04's Hall table ("50 weeks to a casual friend at one hour
a week") from a closed form. Mutation testing found mistakes in both that the
broader tests did not notice (a sign flipped in the Poisson law, a divided-by
turned into a times, 52 weeks into 53): these compare each part with the same
quantity computed another way, here.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import params

from mediavsnet.models import relationships
from mediavsnet.models.relationships import RelationshipParams


def poisson_inverse(mean: float, u: float) -> int:
    """The smallest k whose Poisson cumulative probability reaches u, summed term by term."""
    k, term = 0, math.exp(-mean)
    total = term
    while total < u and k < 1000:
        k += 1
        term *= mean / k
        total += term
    return k


MEANS = [0.0, 0.004, 0.05, 0.3, 1.0, 2.5, 7.0, 20.0]


def test_referral_draws_follow_the_poisson_law():
    """Many weeks at once (one row each), as the model draws them: each draw is the Poisson quantile."""
    rng = np.random.default_rng(7)
    means = np.repeat(MEANS, 50)
    u = rng.random(means.size)
    drawn = relationships.poisson_quantile(means, u)
    expected = np.array([poisson_inverse(m, x) for m, x in zip(means, u, strict=True)])
    assert drawn.shape == means.shape
    np.testing.assert_array_equal(drawn, expected)


@pytest.mark.parametrize("mean", MEANS)
def test_referral_draws_average_to_their_mean(mean):
    """Over evenly spread u, the draws average to the expected count: no referrals lost or invented."""
    u = (np.arange(20_000) + 0.5) / 20_000
    drawn = relationships.poisson_quantile(np.full(u.size, mean), u)
    assert drawn.mean() == pytest.approx(mean, abs=2e-3 + 2e-3 * mean)


def test_a_bigger_mean_never_draws_fewer():
    u = np.linspace(0.001, 0.999, 200)
    low = relationships.poisson_quantile(np.full(u.size, 0.8), u)
    high = relationships.poisson_quantile(np.full(u.size, 1.6), u)
    assert np.all(high >= low) and np.any(high > low)


@given(params(RelationshipParams), st.floats(1.0, 250.0))
# Near the ceiling fading allows, where the fading rate decides the week: 60 people seen one week in
# ten, 3 h a week in all, fading at 0.6 a year: 3.8 h takes about 148 weeks.
@example(p=RelationshipParams(hours_per_week=3, people=60, session_minutes=30, decay_per_year=0.6, weeks=156),
         hours_needed=3.8)
def test_weeks_to_reach_is_the_first_week_the_model_gets_there(p, hours_needed):
    """The closed form against the week-by-week closeness of the first person met (average chemistry)."""
    hours = relationships.closeness_over_time(p, seed=0)[:, 0] / relationships.chemistry(p.people, 0)[0]
    weeks = relationships.weeks_to_reach(
        hours_needed, p.hours_per_week / p.people, relationships.contact_share(p), p.decay_per_year)
    if weeks == math.inf or weeks > p.weeks:
        assert hours[-1] < hours_needed + 1e-6, f"reached {hours_needed} h by week {p.weeks}, said {weeks}"
    else:
        assert hours[weeks - 1] >= hours_needed - 1e-6, (weeks, hours[weeks - 1])
        if weeks > 1:
            assert hours[weeks - 2] < hours_needed + 1e-6, (weeks, hours[weeks - 2])


@pytest.mark.parametrize(
    ("hours_per_week", "weeks"), [(1.0, 50), (2.0, 25), (0.5, 100), (3.0, 17), (0.0, math.inf)]
)
def test_seen_every_week_the_weeks_are_hours_needed_over_hours_a_week(hours_per_week, weeks):
    assert relationships.weeks_to_reach(50, hours_per_week) == weeks


def test_with_fading_a_stage_out_of_reach_is_never_reached():
    # a tenth of an hour a week, seen one week in ten, fading at 0.4 a year: the ceiling is under 50 h
    a = math.exp(-0.4 / 52) ** 0.9
    ceiling = 0.1 / (1 - a)
    assert ceiling < 50
    assert relationships.weeks_to_reach(50, 0.1, contact=0.1, decay_per_year=0.4) == math.inf
    assert relationships.weeks_to_reach(ceiling * 0.9, 0.1, contact=0.1, decay_per_year=0.4) < math.inf


def test_weeks_to_reach_fades_only_when_both_gaps_and_fading_are_given():
    """By default a person is seen every week and nothing fades: Hall's hours over the weekly hours."""
    assert relationships.weeks_to_reach(50, 1.0, contact=0.5) == 50  # gaps, but no fading
    assert relationships.weeks_to_reach(50, 1.0, decay_per_year=0.4) == 50  # fading, but no gaps
    assert relationships.weeks_to_reach(50, 1.0, contact=0.5, decay_per_year=0.4) > 50


def test_the_time_budget_passes_its_seed_to_both_sides():
    from mediavsnet.models import posting, time_budget

    p = time_budget.TimeBudgetParams(people=60)
    both = time_budget.simulate(p, seed=11)
    np.testing.assert_array_equal(both.media.followers, posting.simulate(p.posting_params(), 11).followers)
    np.testing.assert_array_equal(both.networking.closeness,
                                  relationships.simulate(p.relationship_params(), 11).closeness)
    assert not np.array_equal(both.networking.closeness, time_budget.simulate(p, seed=0).networking.closeness)


@pytest.mark.parametrize(
    ("hours", "session", "people", "weeks_met"),
    [
        (3, 30, 13, [k // 6 for k in range(13)]),  # 6 conversations a week: 6 people met each week
        (0.5, 60, 4, [0, 2, 4, 6]),  # a conversation every other week
        (2, 120, 3, [0, 1, 2]),  # one a week
        (40, 15, 150, [0] * 150),  # 160 a week: everyone in the first week
        (0, 30, 3, [156, 156, 156]),  # no hours: never met (the horizon)
    ],
)
def test_people_are_met_in_turn_as_the_conversations_allow(hours, session, people, weeks_met):
    p = RelationshipParams.from_defaults(
        hours_per_week=hours, session_minutes=session, people=people, weeks=156)
    assert relationships.first_contact_week(p).tolist() == weeks_met


#: Lesson 04's sources table: "Referrals per friend a year: 0.5 (casual friends half)".
CASUAL_REFERRAL_SHARE = 0.5


@given(params(RelationshipParams), st.integers(0, 2**32 - 1))
def test_referrals_are_drawn_at_the_yearly_rate_casual_friends_half(p, seed):
    """Each week's expected referrals: (casual / 2 + friends + close friends) x the yearly rate / 52.

    The draws are the Poisson quantiles of the seed's uniform numbers (the model's
    documented way of drawing them, so that more friends never give fewer referrals).
    """
    r = relationships.simulate(p, seed)
    expected = (CASUAL_REFERRAL_SHARE * r.casual + r.friend + r.close) * p.referrals_per_friend_year / 52
    u = np.random.default_rng(seed).random(p.weeks)
    np.testing.assert_array_equal(r.referrals, relationships.poisson_quantile(expected, u))


# --- survivors of the mutation run (tools/mutation/mutation-report.md), each now caught ------


def test_a_weeks_share_shown_stays_a_share_whatever_one_post_reaches():
    """A learner reads 'reached N people': never more than the followers, never fewer than none."""
    from mediavsnet.models import posting

    for posts in (0.5, 1.0, 3.0):
        shown = posting.unique_share(np.array([-0.2, 0.0, 0.3, 1.0, 1.7]), posts)
        assert np.all((0.0 <= shown) & (shown <= 1.0)), (posts, shown)
        assert shown[0] == 0.0 and shown[-1] == shown[-2]  # below none is none, above all is all


def test_the_weeks_to_a_stage_at_exactly_the_ceiling_are_never():
    """With fading, closeness levels off at a ceiling: a stage exactly there is never reached."""
    import math

    from mediavsnet.models import relationships

    hours, contact, decay = 1.0, 0.5, 2.0
    a = math.exp(-decay / 52.0) ** (1.0 - contact)
    ceiling = hours / (1.0 - a)
    assert relationships.weeks_to_reach(ceiling, hours, contact, decay) == math.inf


def test_the_weeks_to_a_stage_reached_in_a_whole_number_of_weeks_are_that_number():
    """'About 12 weeks', not 13, when the stage is reached at the end of week 12 exactly."""
    import math

    from mediavsnet.models import relationships

    hours, contact, decay = 1.0, 0.5, 2.0
    a = math.exp(-decay / 52.0) ** (1.0 - contact)
    ceiling = hours / (1.0 - a)
    for weeks in (1, 12, 40):
        needed = ceiling * (1.0 - a**weeks)
        assert relationships.weeks_to_reach(needed, hours, contact, decay) == weeks


def test_referral_sales_are_the_referrals_times_the_share_that_buys():
    """'Worth about 1.2 sales if 25 % of referrals buy': exactly referrals x 25 / 100."""
    from mediavsnet.models import funnel

    result = funnel.simulate(funnel.FunnelParams.from_defaults(weekly_hours=10.0, people=3))
    assert result.networking.referrals.sum() > 0, "no referrals: this test would test nothing"
    np.testing.assert_allclose(result.referral_sales,
                               result.networking.referrals * result.params.referral_sale_pct / 100.0)


def test_a_weeks_share_shown_follows_the_overlap_law_below_and_above_one_post():
    """Two posts reach 2p - E[q^2] of the active followers (the Beta overlap), half a post p / 2."""
    from mediavsnet.models import posting

    k = posting.AUDIENCE_CONCENTRATION
    for p in (0.1, 0.6):
        second_moment = p * (1 - p) / (k + 1) + p**2  # E[q^2] for a Beta of mean p, concentration k
        np.testing.assert_allclose(posting.unique_share(np.array([p]), 2.0), [2 * p - second_moment])
        np.testing.assert_allclose(posting.unique_share(np.array([p]), 0.5), [p / 2])


def test_an_opportunity_answered_at_the_end_of_the_first_hour_counts_as_within_the_hour():
    """Oldroyd et al.: 'within an hour' is the full chance; only later ones drop to a seventh."""
    from mediavsnet.models import listening

    (h1, v1), (h2, v2), _ = listening.LEAD_DECAY
    assert float(listening.lead_value(h1)) == v1
    assert float(listening.lead_value(h1 + 0.01)) == v2


def test_a_chain_at_exactly_one_share_per_share_has_no_end():
    """1 % of 100 people sharing is R = 1 exactly: the mean chain is unbounded, not an error."""
    import math

    from mediavsnet.models import cascade

    assert cascade.mean_chain_size(0.01 * 100) == math.inf
    assert cascade.mean_chain_size(0.5) == 2.0


def test_large_share_counts_spread_as_the_binomial_does():
    """The fast normal draw for big posts keeps the binomial's spread, n p (1 - p)."""
    from mediavsnet.models import cascade

    rng = np.random.default_rng(0)
    viewers, chance = np.full(20_000, 1_000), 0.3
    drawn = cascade.shares_among(rng, viewers, chance)
    assert drawn.dtype.kind == "i"
    np.testing.assert_allclose(drawn.mean(), 300, rtol=0.01)
    np.testing.assert_allclose(drawn.var(), 1_000 * chance * (1 - chance), rtol=0.05)


def test_a_page_with_one_follower_grows_from_that_follower():
    """The logistic step of a one-follower page: more than one follower a week later."""
    from mediavsnet.models import posting

    assert posting.logistic_step(1.0, 0.05, 10_000) > 1.0
    assert posting.logistic_step(0.0, 0.05, 10_000) == 0.0


def test_a_weeks_engagements_are_its_followers_times_the_rate_in_that_weeks_luck():
    """'Likes, comments and shares so far' add up followers x engagement rate x the week's factor."""
    from mediavsnet.models import posting

    p = posting.PostingParams()
    result = posting.simulate(p, seed=3)
    n = result.posts_per_week
    rate = n * posting.engagement_per_post(n, p.engagement_pct, p.fatigue)
    luck = posting.weekly_variation(p.weeks, 3)
    np.testing.assert_allclose(result.engagements, result.followers * rate * luck)


def test_a_post_is_never_shown_to_more_people_than_the_active_followers():
    """'The last post was shown to N people': at most the active ones, even on a small page
    whose organic reach is above its share of active followers."""
    from mediavsnet.core import specs
    from mediavsnet.models import posting

    lowest_active = specs.specs_by_name(posting.SPECS)["active_pct"].min
    p = posting.PostingParams.from_defaults(active_pct=lowest_active, start_followers=50.0)
    result = posting.simulate(p)
    share = posting.organic_reach(result.followers) * posting.fatigue_factor(result.posts_per_week, p.fatigue)
    assert np.any(share * 100 > lowest_active), "reach below the active share: this test tests nothing"
    assert np.all(result.per_post_reach <= result.active + 1e-9)


def test_a_weeks_expected_referrals_are_a_year_rate_over_52_weeks_casual_friends_at_half():
    """Two friends, one close friend and one casual friend, at half a referral a year each
    (a casual friend half that): 3.5 x 0.5 = 1.75 referrals a year, 1.75 / 52 a week.
    Lessons 04, 05 and 07 draw their referrals from this rate."""
    stages = {"casual": np.array([1.0]), "friend": np.array([2.0]), "close": np.array([1.0])}
    assert relationships.expected_referrals(stages, 0.5) == pytest.approx([1.75 / 52])


def test_with_one_conversation_a_week_the_150th_person_waits_150_weeks_for_a_first():
    """Half an hour a week in 30-minute conversations is one conversation a week, in turn:
    after 104 weeks 104 people have been met and 46 never have (lesson 04's summary says so);
    after 10 weeks, 140 are still waiting."""
    p = RelationshipParams.from_defaults(hours_per_week=0.5, people=150, weeks=104, session_minutes=30)
    closeness = relationships.closeness_over_time(p)
    assert (closeness[-1] <= 0).sum() == 150 - 104
    assert (closeness[9] <= 0).sum() == 150 - 10
