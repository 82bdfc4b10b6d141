"""Scheduled posting: broadcasting to an audience, week after week.

The world this models: a brand spends some hours a week making posts and
loading them into a scheduling tool (Hootsuite, Sprout Social...). The tool
publishes on time, but it does not write the post: every post still costs
creation time. Each week:

- the page publishes ``posts = hours * 60 / minutes_per_post`` posts;
- each post is shown to a share of the followers (organic reach), and that
  share falls as the page grows (Locowise 2015, weak: 11 % of followers for
  pages under 10k likes, 6 % at 10k-100k, 5 % above);
- only some followers are still active (an assumption: no public study
  counts inactive followers), and the platform shows posts to the same
  engaged few again and again (an assumption on how unequal that is), so a
  second post in a week mostly reaches people the first one already reached:
  the people reached in a week saturate well below the active followers;
- posting more often makes each post do worse, fewer people shown it and
  fewer engaging with it, as ``(posts / reference)^-fatigue`` (HubSpot's
  13,500 customers: about half the clicks per post at 60+ posts a month
  against 5 or fewer, an exponent near 0.3; Track Social's likes per post
  suggest 0.8). That law was measured between about 5 and 60 posts a month,
  so here it holds only there and stays flat outside: posting once a quarter
  does not make a post ten times better;
- each post earns engagements (likes, comments, shares) from a small share of
  followers (Rival IQ's Facebook median, about 0.06 %, weak); engagements show
  the page to the engagers' friends and win new followers (an assumption);
- people who do not follow the page find some posts too, through shares,
  search, hashtags and recommendation feeds (Meta says more than half of what
  people see on Instagram is recommended, weak, with no per-page figure), and
  a few of them follow: how many per post is an assumption. So a new page can
  grow from nothing;
- growth slows as the page nears its potential audience, and a few followers
  leave every week (both assumptions).

The reach and engagement figures come from two vendors (Locowise, Rival IQ)
whose definitions differ, so they are never combined into one rate: reach
gives only the people reached; engagements are per follower, as Rival IQ
counts them, and drive only follower growth.

All weekly quantities are expected values; engagement and discovery are
scaled by one week-to-week variation factor drawn from the seed, so the same
parameters and seed give the same result, and more hours never give fewer
followers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mediavsnet.core.specs import ParamSpec, ValidatedParams, defaults
from mediavsnet.models.common import WEEKS

#: Organic reach of a Facebook Page post as a share of its followers, by page
#: size (Locowise, 2015, weak): each bin's figure placed at its bin's middle on
#: a log scale, linear in log(followers) between, flat outside.
REACH_BY_FOLLOWERS = ((3_000.0, 0.11), (30_000.0, 0.06), (300_000.0, 0.05))

#: The posting frequency (posts a week) at which the median engagement rate is
#: assumed to hold. Assumption: about what brands in such benchmark reports post.
REFERENCE_POSTS_PER_WEEK = 5.0

#: The posting frequencies over which the fatigue law was measured: HubSpot
#: compared pages posting at most 5 times a month with pages posting over 60
#: times a month (Track Social's two posts a day, 14 a week, falls inside).
#: Outside this range the law is held flat, not stretched.
FATIGUE_MEASURED_POSTS_PER_WEEK = (5 * 12 / 52, 60 * 12 / 52)

#: How unequal followers are in how often they are shown the page's posts: a
#: follower's chance of seeing a post is drawn from a Beta distribution with
#: this concentration (mean: the per-post reach). Assumption: 2 means the
#: engaged few see most posts and many active followers rarely see any, so a
#: week's reach saturates. Lower means more overlap; very high means every
#: post goes to a fresh random sample.
AUDIENCE_CONCENTRATION = 2.0

#: Spread of the week-to-week variation in engagement (coefficient of variation).
#: Assumption: real pages see good and bad weeks; 25 % keeps them visible.
WEEKLY_VARIATION = 0.25

SPECS: tuple[ParamSpec, ...] = (
    ParamSpec(
        "hours_per_week", "h/week", 0.0, 40.0, 0.5, 3.0,
        "Assumption within Social Media Examiner 2010-2012 (weak): beginners spend about "
        "1 h a week, about half of marketers 6 h or more.",
    ),
    ParamSpec(
        "minutes_per_post", "min", 10.0, 240.0, 5.0, 45.0,
        "Assumption: writing a post, making or finding its image and scheduling it. "
        "No independent study measures the time a scheduling tool saves.",
        heavy=10.0,
    ),
    ParamSpec(
        "start_followers", "followers", 0, 50_000, 500, 1_000,
        "Assumption: a small organisation's page.", integer=True,
    ),
    ParamSpec(
        "engagement_pct", "% of followers", 0.01, 1.0, 0.01, 0.06,
        "Rival IQ industry median for Facebook, engagements per post per follower (weak).",
    ),
    ParamSpec(
        "fatigue", "", 0.0, 0.95, 0.05, 0.3,
        "Exponent b in per-post performance ∝ posts^-b, between 5 and 60 posts a month: about "
        "0.28 from HubSpot's 13,500 customers (clicks per post), 0.8 from Track Social 2012 "
        "(likes per post) (weak).",
    ),
    ParamSpec(
        "active_pct", "% of followers", 10.0, 100.0, 5.0, 50.0,
        "Assumption: half the followers still use the platform and can be shown the page's "
        "posts; no public study counts inactive followers.",
    ),
    ParamSpec(
        "discovery_per_post", "followers", 0.0, 5.0, 0.1, 0.5,
        "Assumption: shares, search, hashtags and recommendation feeds show each post to "
        "people who do not follow the page, and one post in two wins one of them. Meta says "
        "over half of what people see on Instagram is recommended (2024, weak); no per-page "
        "figure is public.",
    ),
    ParamSpec(
        "follows_per_engagement", "followers", 0.0, 5.0, 0.1, 1.0,
        "Assumption: each engagement shows the post to the engager's friends and, on "
        "average, wins one new follower.",
    ),
    ParamSpec(
        "churn_pct_per_year", "%/year", 0.0, 50.0, 1.0, 10.0,
        "Assumption: one follower in ten unfollows or goes inactive each year.",
    ),
    ParamSpec(
        "potential_audience", "people", 10_000, 1_000_000, 10_000, 200_000,
        "Assumption: the people who could ever care about this page.", integer=True,
    ),
    WEEKS,
)

#: Every default, read from the specs: typed once.
_DEFAULT = defaults(SPECS)


@dataclass(frozen=True)
class PostingParams(ValidatedParams):
    """One broadcasting strategy; every field is described in :data:`SPECS`."""

    SPECS = SPECS

    hours_per_week: float = _DEFAULT["hours_per_week"]
    minutes_per_post: float = _DEFAULT["minutes_per_post"]
    start_followers: int = _DEFAULT["start_followers"]
    engagement_pct: float = _DEFAULT["engagement_pct"]
    fatigue: float = _DEFAULT["fatigue"]
    active_pct: float = _DEFAULT["active_pct"]
    discovery_per_post: float = _DEFAULT["discovery_per_post"]
    follows_per_engagement: float = _DEFAULT["follows_per_engagement"]
    churn_pct_per_year: float = _DEFAULT["churn_pct_per_year"]
    potential_audience: int = _DEFAULT["potential_audience"]
    weeks: int = _DEFAULT["weeks"]


@dataclass(frozen=True, eq=False)
class PostingResult:
    """Week by week (index 0 is week 1): what the broadcasting bought.

    ``active`` counts the followers who can be shown posts at all; ``reached``
    the people shown at least one post that week (expected); ``per_post_reach``
    the people one post reaches.
    """

    week: np.ndarray
    followers: np.ndarray
    active: np.ndarray
    reached: np.ndarray
    per_post_reach: np.ndarray
    engagements: np.ndarray
    posts_per_week: float
    hours: np.ndarray

    @property
    def total_hours(self) -> float:
        return float(self.hours.sum())


def posts_per_week(hours_per_week: float, minutes_per_post: float) -> float:
    """How many posts the weekly hours pay for, once each is created."""
    return hours_per_week * 60.0 / minutes_per_post


def organic_reach(followers: np.ndarray | float) -> np.ndarray:
    """Share of followers shown one post: falls as the page grows (Locowise, weak)."""
    sizes, shares = zip(*REACH_BY_FOLLOWERS, strict=True)
    logf = np.log10(np.maximum(followers, 1.0))
    return np.interp(logf, np.log10(sizes), shares)


def fatigue_factor(posts: float, fatigue: float) -> float:
    """How well each post does at a posting frequency, against the reference of five a week.

    The law ``(posts / reference)^-fatigue`` holds only over the frequencies it
    was measured on (:data:`FATIGUE_MEASURED_POSTS_PER_WEEK`); outside them it
    is flat, so a rare post does at most about 1.6 times the median at the
    default fatigue (4 times at 0.95), and a flood does no worse than 60 posts a
    month.
    """
    low, high = FATIGUE_MEASURED_POSTS_PER_WEEK
    return (min(max(posts, low), high) / REFERENCE_POSTS_PER_WEEK) ** (-fatigue)


def engagement_per_post(posts: float, engagement_pct: float, fatigue: float) -> float:
    """Engagements per post per follower at a posting frequency (fatigue law n^-b)."""
    if posts <= 0:
        return 0.0
    return engagement_pct / 100.0 * fatigue_factor(posts, fatigue)


def unique_share(per_post: np.ndarray, posts: float) -> np.ndarray:
    """Share of active followers shown at least one of a week's posts.

    Each follower sees each post with their own chance, drawn from a Beta
    distribution with mean ``per_post`` and :data:`AUDIENCE_CONCENTRATION`, so
    the same engaged followers see post after post: for a Beta(a, b) chance q,
    the share never shown any of n posts is E[(1-q)^n] = B(a, b+n) / B(a, b).
    With fewer than one post a week, it is the share one post reaches times
    the chance there is a post that week.
    """
    p = np.clip(np.asarray(per_post, dtype=float), 0.0, 1.0)
    if posts <= 1:
        return p * max(posts, 0.0)
    k = AUDIENCE_CONCENTRATION
    b = np.clip((1.0 - p) * k, 1e-12, None)  # p = 1 (b = 0): everyone is shown every post
    lgamma = np.frompyfunc(math.lgamma, 1, 1)
    log_missed = (lgamma(b + posts) - lgamma(b)).astype(float) + math.lgamma(k) - math.lgamma(k + posts)
    return np.where(p >= 1.0, 1.0, -np.expm1(log_missed))


def weekly_variation(weeks: int, seed: int) -> np.ndarray:
    """Good and bad weeks: mean-one factors, the same for the same seed."""
    shape = 1.0 / WEEKLY_VARIATION**2
    return np.random.default_rng(seed).gamma(shape, 1.0 / shape, size=weeks)


def logistic_step(followers: float, growth: float, cap: float) -> float:
    """One week of audience growth at a per-follower rate, slowing near the cap.

    The exact one-week step of the logistic law df/dt = growth * f * (1 - f/cap):
    never overshoots the potential audience, and a bigger audience or a faster
    rate always ends the week bigger.
    """
    if followers <= 0:
        return 0.0
    return cap * followers / (followers + (cap - followers) * np.exp(-growth))


def discovered(followers: float, newcomers: float, cap: float) -> float:
    """Followers after ``newcomers`` people who did not follow the page find it and follow.

    Fewer are left to find as the page nears its potential audience: the gap
    to the cap closes by the share ``1 - exp(-newcomers / cap)``, about
    ``newcomers`` while the page is small, and never past the cap.
    """
    return followers + (cap - followers) * -math.expm1(-newcomers / cap)


def simulate(params: PostingParams, seed: int = 0) -> PostingResult:
    """Follow a page's audience week by week under one posting strategy."""
    n = posts_per_week(params.hours_per_week, params.minutes_per_post)
    factor = fatigue_factor(n, params.fatigue) if n > 0 else 0.0
    per_post = engagement_per_post(n, params.engagement_pct, params.fatigue)
    weekly_rate = n * per_post  # engagements per follower per week
    newcomers = n * params.discovery_per_post * factor  # people who find the page each week
    keep = (1.0 - params.churn_pct_per_year / 100.0) ** (1.0 / 52.0)
    noise = weekly_variation(params.weeks, seed)
    # A page can't start above its potential audience: if it does, the audience is it.
    cap = float(max(params.potential_audience, params.start_followers))

    followers = np.empty(params.weeks)
    engagements = np.empty(params.weeks)
    f = float(params.start_followers)
    for week in range(params.weeks):
        followers[week] = f
        engagements[week] = f * weekly_rate * noise[week]
        growth = params.follows_per_engagement * weekly_rate * noise[week]
        f = keep * discovered(logistic_step(f, growth, cap), newcomers * noise[week], cap)

    active = followers * params.active_pct / 100.0
    per_post_share = organic_reach(followers) * factor  # of all followers, one post
    of_active = np.minimum(1.0, per_post_share * 100.0 / params.active_pct)
    return PostingResult(
        week=np.arange(1, params.weeks + 1),
        followers=followers,
        active=active,
        reached=active * unique_share(of_active, n),
        per_post_reach=active * of_active,
        engagements=engagements,
        posts_per_week=n,
        hours=np.full(params.weeks, params.hours_per_week),
    )
