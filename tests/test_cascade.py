"""Lesson 06's sharing-cascade model: properties over every spec range, and calibration against
the published figures in FACTS.md ("Virality"), typed here, never read from the module."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import params

from mediavsnet.models import cascade
from mediavsnet.models.cascade import CascadeParams

SEEDS = st.integers(0, 2**32 - 1)

# --- the published figures ----------------------------------------------------------------

#: Goel, Watts & Goldstein (2012), "The Structure of Online Diffusion Networks": 70-95 % of
#: cascades are a single adopter, and only 1-4 % go beyond one step.
GOEL_SINGLE_ADOPTER = (0.70, 0.95)
GOEL_BEYOND_ONE_STEP = (0.01, 0.04)
#: Rival IQ (weak): Facebook's median engagement per post per follower, about 0.06 %; X/Twitter
#: about 0.035 %. FACTS.md: "with engagement rates near 0.06 % most cascades must die at once".
RIVAL_IQ_FACEBOOK = 0.0006
RIVAL_IQ_TWITTER = 0.00035
#: The branching-process law FACTS.md quotes: with R = share chance x audience per share, a
#: cascade dies out for sure when R <= 1, and its expected size is 1 / (1 - R) for R < 1.


def expected_size(r: float) -> float:
    return 1 / (1 - r)


# --- properties over every spec range ----------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(params(CascadeParams), SEEDS)
def test_every_setting_runs_and_gives_sane_cascades(p, seed):
    r = cascade.simulate(p, seed)
    for name in ("shares", "depth", "views", "by_step"):
        array = getattr(r, name)
        assert np.all(np.isfinite(array)) and np.all(array >= 0), name
    assert len(r.shares) == len(r.depth) == len(r.views) == len(r.stopped) == p.posts
    assert r.by_step.sum() == r.shares.sum(), "every share happens at one step"
    assert np.all(r.depth <= r.shares), "a chain of d steps needs d shares"
    assert np.all(r.depth <= cascade.MAX_STEPS)
    assert np.all(r.shares <= r.views), "nobody shares what they did not see"
    assert np.all(r.views[r.shares == 0] == p.seed_audience)
    assert np.all(r.views == p.seed_audience + p.audience_per_share * r.shares)
    # Caps: a post is followed until it passes MAX_SHARES (one step's overshoot at most)...
    most_in_one_step = np.maximum(p.seed_audience, p.audience_per_share * cascade.MAX_SHARES)
    assert np.all(r.shares < cascade.MAX_SHARES + most_in_one_step)
    # ...and a post that was not stopped had stopped spreading on its own.
    assert np.all(r.shares[~r.stopped] < cascade.MAX_SHARES)
    assert np.all(r.stopped <= (r.shares > 0))


@settings(max_examples=30, deadline=None)
@given(params(CascadeParams), SEEDS)
def test_same_parameters_and_seed_same_result(p, seed):
    a, b = cascade.simulate(p, seed), cascade.simulate(p, seed)
    for name in ("shares", "depth", "views", "stopped", "by_step"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


@settings(max_examples=60, deadline=None)
@given(params(CascadeParams))
def test_in_theory_a_post_can_take_off_only_above_one(p):
    chance = cascade.take_off_probability(p)
    assert 0 <= chance <= 1
    if p.reproduction <= 1:
        assert chance == 0
    else:
        assert chance > 0


def test_a_bad_parameter_names_itself_and_its_range():
    with pytest.raises(ValueError, match=r"share_pct = 5 is not allowed: .* from 0.01 to 2"):
        CascadeParams(share_pct=5)
    with pytest.raises(ValueError, match="seed_audience"):
        CascadeParams(seed_audience=50)


def test_the_work_is_capped_when_r_is_above_one():
    """A post that takes off is stopped, and marked, instead of growing without end."""
    p = CascadeParams(share_pct=2, audience_per_share=1000, seed_audience=1_000_000, posts=500)
    r = cascade.simulate(p)
    assert r.stopped.all()
    assert r.depth.max() <= 2  # stopped at once: 20,000 shares in the first step


# --- calibration: the published figures -----------------------------------------------------


def ordinary_posts(share_chance: float, audience: int = 200, posts: int = 5_000, seed: int = 0):
    """Posts by an ordinary account, first seen by as many people as one share is (a cascade
    rooted at one adopter, as Goel et al. count them)."""
    return cascade.simulate(CascadeParams(share_pct=100 * share_chance, audience_per_share=audience,
                                          seed_audience=audience, posts=posts), seed)


@pytest.mark.parametrize("chance", [RIVAL_IQ_FACEBOOK, RIVAL_IQ_TWITTER])
@pytest.mark.parametrize("audience", [100, 200, 300])
def test_at_published_engagement_rates_most_cascades_end_at_the_first_adopter(chance, audience):
    r = ordinary_posts(chance, audience)
    single = float(np.mean(r.shares == 0))
    low, high = GOEL_SINGLE_ADOPTER
    if chance * audience >= 0.06:  # within the range the published figure describes
        assert low <= single <= high, f"{single:.1%} single-adopter cascades at R = {chance * audience}"
    else:
        assert single >= low
    assert not r.stopped.any() and r.shares.max() < 50


def test_at_the_defaults_few_cascades_go_beyond_one_step_as_goel_found():
    r = cascade.simulate(CascadeParams(posts=5_000))
    beyond = float(np.mean(r.depth >= 2))
    low, high = GOEL_BEYOND_ONE_STEP
    assert low <= beyond <= high, f"{beyond:.1%} went beyond one step"
    assert GOEL_SINGLE_ADOPTER[0] <= float(np.mean(r.shares == 0)) <= GOEL_SINGLE_ADOPTER[1]


@pytest.mark.parametrize("r_value", [0.12, 0.3, 0.5, 0.75])
def test_below_one_the_mean_size_is_one_over_one_minus_r(r_value):
    """A cascade rooted at one adopter whose post is seen by k people: 1 / (1 - R) adopters."""
    audience = 200
    runs = [ordinary_posts(r_value / audience, audience, seed=s) for s in range(4)]
    sizes = np.concatenate([1 + run.shares for run in runs])
    sem = sizes.std(ddof=1) / math.sqrt(sizes.size)
    assert abs(sizes.mean() - expected_size(r_value)) < 4 * sem + 0.01, (
        f"mean {sizes.mean():.3f} against 1 / (1 - R) = {expected_size(r_value):.3f}"
    )


@pytest.mark.parametrize("r_value", [0.3, 0.5, 0.9])
def test_with_r_below_one_every_cascade_ends(r_value):
    """Certain extinction, and fast: the share of posts still spreading after s steps falls like R^s.
    Only near 1 does the model's step cap stop a few, and never its share cap."""
    r = ordinary_posts(r_value / 200)
    assert math.isclose(cascade.extinction_per_share(r_value / 200, 200), 1.0)
    alive = [float(np.mean(r.depth >= step)) for step in (1, 5, 10, 20)]
    assert all(a >= b for a, b in zip(alive, alive[1:], strict=False)), alive
    assert alive[-1] <= 5 * r_value**20 + 0.002, alive
    assert np.all(r.depth[r.stopped] == cascade.MAX_STEPS) and np.all(r.shares < cascade.MAX_SHARES)
    if r_value <= 0.5:
        assert not r.stopped.any()
    else:
        assert r.stopped.mean() < 0.02


def test_at_exactly_one_cascades_still_end_the_longer_you_wait():
    """R = 1: extinction is certain but slow; the share still spreading falls with every step."""
    r = ordinary_posts(1 / 200, posts=5_000)
    alive_after = [float(np.mean(r.depth >= step)) for step in (1, 5, 10, 20)]
    assert all(a > b for a, b in zip(alive_after, alive_after[1:], strict=False)), alive_after
    assert cascade.extinction_per_share(1 / 200, 200) == 1.0


@pytest.mark.parametrize("r_value", [1.5, 2.0, 4.0])
def test_above_one_a_share_of_posts_takes_off_as_the_theory_says(r_value):
    """Above 1 the chance that a chain never dies solves q = (1 - p + p q)^k; the posts the model
    stops at its caps match 1 - q within sampling error."""
    audience = 200
    p = CascadeParams(share_pct=100 * r_value / audience, audience_per_share=audience,
                      seed_audience=audience, posts=5_000)
    q = 0.0
    for _ in range(2_000):  # iterate the generating function from 0: it climbs to the smallest root
        q = (1 - p.share_chance + p.share_chance * q) ** audience
    theory = 1 - (1 - p.share_chance * (1 - q)) ** audience
    assert cascade.take_off_probability(p) == pytest.approx(theory, abs=1e-6)
    stopped = float(np.mean(cascade.simulate(p).stopped))
    assert abs(stopped - theory) < 4 * math.sqrt(theory * (1 - theory) / p.posts) + 0.01


def test_popularity_comes_mostly_from_one_broadcast_not_long_chains():
    """Goel et al. (2016): a big account's post spreads mostly as one broadcast; at engagement
    rates like Rival IQ's, long chains stay rare."""
    p = CascadeParams(share_pct=100 * RIVAL_IQ_FACEBOOK, audience_per_share=200, seed_audience=200_000)
    r = cascade.simulate(p)
    reached_by_the_post = p.seed_audience * p.posts / r.views.sum()
    assert reached_by_the_post > 0.8
    assert r.by_step[0] / r.by_step.sum() > 0.8
    assert r.by_step[2:].sum() / r.by_step.sum() < 0.05
    assert r.depth.max() < 10


def test_a_lone_chain_is_followed_to_the_last_step_and_counted_as_still_spreading(monkeypatch):
    """The longest cascade is usually the last one alive: it must be followed like the others.

    Here one post's chain gets one share at every step and every other post none, so
    that post has a share at each of the MAX_STEPS steps followed, reaches the last, and
    is still spreading when the simulation stops.
    """
    def one_share_for_the_first(rng, viewers, chance):
        new = np.zeros(viewers.size, dtype=np.int64)
        new[0] = 1
        return new

    monkeypatch.setattr(cascade, "shares_among", one_share_for_the_first)
    r = cascade.simulate(CascadeParams())
    assert r.shares[0] == cascade.MAX_STEPS and r.depth[0] == cascade.MAX_STEPS and r.stopped[0]
    assert r.shares[1:].sum() == 0 and not r.stopped[1:].any()
    np.testing.assert_array_equal(r.by_step, np.ones(cascade.MAX_STEPS))


def test_a_chain_is_stopped_as_soon_as_it_reaches_the_share_cap(monkeypatch):
    """A chain that reaches MAX_SHARES is no longer followed: it is counted as stopped, not grown."""
    def the_cap_at_once_for_the_first(rng, viewers, chance):
        new = np.zeros(viewers.size, dtype=np.int64)
        new[0] = cascade.MAX_SHARES
        return new

    monkeypatch.setattr(cascade, "shares_among", the_cap_at_once_for_the_first)
    r = cascade.simulate(CascadeParams())
    assert r.shares[0] == cascade.MAX_SHARES and r.depth[0] == 1 and r.stopped[0]
