"""Scheduled posting: broadcasting to an audience, week after week.

The world this models: a brand spends some hours a week making posts and
loading them into a scheduling tool (Hootsuite, Sprout Social...). The tool
publishes on time, but it does not write the post: every post still costs
creation time. Each week:

- the page publishes ``posts = hours * 60 / minutes_per_post`` posts;
- each post is shown to a share of the followers (organic reach), and that
  share falls as the page grows (Locowise 2015, weak: 11 % of followers for
  pages under 10k likes, 6 % at 10k-100k, 5 % above);
- the people reached in the week are those shown at least one post;
- each post earns engagements (likes, comments, shares) from a small share of
  followers (Rival IQ's Facebook median, about 0.06 %, weak), and that share
  falls with posting frequency as ``(posts / reference)^-fatigue``
  (HubSpot's data give a fatigue exponent near 0.3; Track Social's near 0.8);
  with fatigue below 1, more posts still mean more engagements in total, each
  post doing worse;
- engagements show the page to the engagers' friends and win new followers
  (an assumption), fewer as the page nears its potential audience; a few
  followers leave every week (an assumption). A page with no followers
  reaches no one: broadcasting needs an audience to start from.

The reach and engagement figures come from two vendors (Locowise, Rival IQ)
whose definitions differ, so they are never combined into one rate: reach
gives only the people reached; engagements are per follower, as Rival IQ
counts them, and drive only follower growth.

All weekly quantities are expected values scaled by one week-to-week
variation factor drawn from the seed, so the same parameters and seed give
the same result, and more hours never give a smaller audience.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mediavsnet.models.common import WEEKS
from mediavsnet.specs import ParamSpec, ValidatedParams, defaults

#: Organic reach of a Facebook Page post as a share of its followers, by page
#: size (Locowise, 2015, weak): each bin's figure placed at its bin's middle on
#: a log scale, linear in log(followers) between, flat outside.
REACH_BY_FOLLOWERS = ((3_000.0, 0.11), (30_000.0, 0.06), (300_000.0, 0.05))

#: The posting frequency (posts a week) at which the median engagement rate is
#: assumed to hold. Assumption: about what brands in such benchmark reports post.
REFERENCE_POSTS_PER_WEEK = 5.0

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
        "Exponent b in per-post engagement ∝ posts^-b: about 0.28 from HubSpot's 13,500 "
        "customers, 0.8 from Track Social 2012 (weak).",
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
    follows_per_engagement: float = _DEFAULT["follows_per_engagement"]
    churn_pct_per_year: float = _DEFAULT["churn_pct_per_year"]
    potential_audience: int = _DEFAULT["potential_audience"]
    weeks: int = _DEFAULT["weeks"]


@dataclass(frozen=True, eq=False)
class PostingResult:
    """Week by week (index 0 is week 1): what the broadcasting bought."""

    week: np.ndarray
    followers: np.ndarray
    reached: np.ndarray
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


def engagement_per_post(posts: float, engagement_pct: float, fatigue: float) -> float:
    """Engagements per post per follower at a posting frequency (fatigue law n^-b)."""
    if posts <= 0:
        return 0.0
    return engagement_pct / 100.0 * (posts / REFERENCE_POSTS_PER_WEEK) ** (-fatigue)


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
    return cap * followers / (followers + (cap - followers) * np.exp(-growth))


def simulate(params: PostingParams, seed: int = 0) -> PostingResult:
    """Follow a page's audience week by week under one posting strategy."""
    n = posts_per_week(params.hours_per_week, params.minutes_per_post)
    per_post = engagement_per_post(n, params.engagement_pct, params.fatigue)
    weekly_rate = n * per_post  # engagements per follower per week
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
        f = keep * logistic_step(f, growth, cap)

    reach = organic_reach(followers)
    reached = followers * (1.0 - (1.0 - reach) ** n)
    return PostingResult(
        week=np.arange(1, params.weeks + 1),
        followers=followers,
        reached=reached,
        engagements=engagements,
        posts_per_week=n,
        hours=np.full(params.weeks, params.hours_per_week),
    )
