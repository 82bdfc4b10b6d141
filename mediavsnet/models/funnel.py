"""Goals: the same weekly hours judged by buzz, by the bottom line, or by the network.

The world this models: someone has a few hours a week and two ways to spend
them all. Either broadcasting (scheduled posts, run by
:mod:`~mediavsnet.models.posting`, the same model as lesson 04's) or one-to-one
attention to a few people (run by :mod:`~mediavsnet.models.relationships`).
This module adds what each buys *towards a goal*:

- **The funnel** (broadcasting). Each post is shown to some followers: the
  posting model's ``per_post_reach``, people shown one post. Summed over every
  post of the horizon, that is **impressions**: a person shown three posts counts
  three times, as the sobering chain in FACTS.md counts ("followers x reach" per
  post). It is not lesson 04's weekly reach, which counts each person once a
  week. Of those impressions:

  - a share click through to the website: about 0.9 % (WordStream 2017, a
    figure for *paid* Facebook ads: using it for organic posts is an
    assumption, labelled so);
  - a share of those visits become a **sale**: about 0.7 % of visits from social
    media ended in an order (Monetate 2013, e-commerce, counted under last-click
    attribution, which undervalues social media);
  - a share of those visits become a **lead** (any action: an enquiry, a
    sign-up, or a purchase): 9.2 % in WordStream's paid-ads data, again an
    assumption for organic posts. A sale counts as a lead too, so leads are
    never fewer than sales.

  The three rates come from different sources with different definitions; the
  chain multiplies them only to give an order of magnitude, as FACTS.md's
  check does. Every quantity is an expected value, so a funnel may bring "0.3
  sales": one sale in about three such periods.

- **The network** (one-to-one). Conversations held (one person each), the
  relationships they build (Hall's stages: casual friend or closer), and the
  referrals those relationships send (the relationships model's draws). A
  share of referrals become a sale: an assumption (no published close rate;
  Schmitt, Skiera & Van den Bulte 2011 found referred customers worth at least
  16 % more than others, a figure about value, not about how many buy).

Followers are an audience, not relationships: the model counts none of them
as a relationship (a simplification: a few followers do become acquaintances).

Same parameters and seed, same result. More hours never give fewer
impressions, clicks, leads or sales, nor fewer relationships or referrals
(both underlying models promise it, and the funnel's rates are fixed shares).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mediavsnet.core.specs import ParamSpec, ValidatedParams, defaults, specs_by_name
from mediavsnet.models import posting, relationships, time_budget

_POSTING = specs_by_name(posting.SPECS)
_RELATIONSHIPS = specs_by_name(relationships.SPECS)
_BUDGET = specs_by_name(time_budget.SPECS)

#: Visits from social media that take any action (an enquiry, a sign-up or a
#: purchase): WordStream 2017, paid Facebook ads, "conversion" 9.2 %. For
#: organic posts an assumption. Kept above the highest sale rate allowed, so
#: that a sale is always also a lead.
LEAD_PCT = 9.2

#: The goals a learner can judge the same effort by.
GOALS = ("buzz", "sales", "network")

GOAL = ParamSpec(
    "goal", "", 0, len(GOALS) - 1, 1, 0,
    "The article's goals: social media aims at buzz and the bottom line, networking at "
    "growing and nurturing a network. Buzz first, as the article starts.",
    integer=True, choices=GOALS,
)

SPECS: tuple[ParamSpec, ...] = (
    _BUDGET["weekly_hours"],
    _POSTING["weeks"],
    _POSTING["start_followers"],
    _RELATIONSHIPS["people"],
    _POSTING["minutes_per_post"],
    ParamSpec(
        "click_pct", "%", 0.1, 3.0, 0.1, 0.9,
        "WordStream 2017: paid Facebook ads, click-through about 0.9 %. Using it for organic "
        "posts is an assumption.",
    ),
    ParamSpec(
        "sale_pct", "% of visits", 0.1, 3.8, 0.1, 0.7,
        "Monetate 2013: about 0.7 % of e-commerce visits from social media ended in an order "
        "(email 3.8 %, search 2.2 %), under last-click attribution, which undervalues social.",
    ),
    ParamSpec(
        "referral_sale_pct", "%", 0.0, 100.0, 5.0, 25.0,
        "Assumption: one referral in four becomes a sale. No published close rate; referred "
        "customers were worth at least 16 % more (Schmitt, Skiera & Van den Bulte 2011).",
    ),
    _RELATIONSHIPS["referrals_per_friend_year"],
)

_DEFAULT = defaults(SPECS)


@dataclass(frozen=True)
class FunnelParams(ValidatedParams):
    """The same weekly hours, spent all on broadcasting or all on a few people."""

    SPECS = SPECS

    weekly_hours: float = _DEFAULT["weekly_hours"]
    weeks: int = _DEFAULT["weeks"]
    start_followers: int = _DEFAULT["start_followers"]
    people: int = _DEFAULT["people"]
    minutes_per_post: float = _DEFAULT["minutes_per_post"]
    click_pct: float = _DEFAULT["click_pct"]
    sale_pct: float = _DEFAULT["sale_pct"]
    referral_sale_pct: float = _DEFAULT["referral_sale_pct"]
    referrals_per_friend_year: float = _DEFAULT["referrals_per_friend_year"]

    def posting_params(self) -> posting.PostingParams:
        """Every weekly hour on broadcasting; the posting model's other defaults."""
        return posting.PostingParams.from_defaults(
            hours_per_week=self.weekly_hours,
            minutes_per_post=self.minutes_per_post,
            start_followers=self.start_followers,
            weeks=self.weeks,
        )

    def relationship_params(self) -> relationships.RelationshipParams:
        """Every weekly hour on one-to-one attention; the relationships model's other defaults."""
        return relationships.RelationshipParams.from_defaults(
            hours_per_week=self.weekly_hours,
            people=self.people,
            referrals_per_friend_year=self.referrals_per_friend_year,
            weeks=self.weeks,
        )


@dataclass(frozen=True)
class PerPost:
    """One post's way down the funnel: expected people at each stage."""

    reached: float
    clicks: float
    leads: float
    sales: float


def per_post(followers: float, reach_share: float, click_pct: float, sale_pct: float) -> PerPost:
    """One post: followers x organic reach = people shown it (impressions), then clicks,
    leads and sales. Rates in per cent, as the sources give them; reach as a share."""
    return stages(followers * reach_share, click_pct, sale_pct)


def stages(reached: float, click_pct: float, sale_pct: float) -> PerPost:
    """The funnel below the people shown a post: clicks, then leads (any action) and sales."""
    clicks = reached * click_pct / 100.0
    return PerPost(reached=reached, clicks=clicks,
                   leads=clicks * max(LEAD_PCT, sale_pct) / 100.0, sales=clicks * sale_pct / 100.0)


@dataclass(frozen=True, eq=False)
class FunnelResult:
    """Week by week (index 0 is week 1), what the same hours bought each way.

    Broadcasting: ``impressions`` (people shown a post, summed over the week's
    posts), ``clicks``, ``leads`` and ``sales``, all expected values. One-to-one:
    ``conversations`` held, ``relationships`` (casual friend or closer, at the
    week's end), ``referrals`` received and the ``referral_sales`` expected from them.
    """

    params: FunnelParams
    media: posting.PostingResult
    networking: relationships.RelationshipResult
    impressions: np.ndarray
    clicks: np.ndarray
    leads: np.ndarray
    sales: np.ndarray
    conversations: np.ndarray
    relationships: np.ndarray
    referral_sales: np.ndarray

    @property
    def posts(self) -> float:
        """Posts published over the horizon (expected; may be fractional)."""
        return self.media.posts_per_week * self.params.weeks

    def total(self, name: str) -> float:
        return float(getattr(self, name).sum())


def simulate(params: FunnelParams, seed: int = 0) -> FunnelResult:
    """Spend the weekly hours each way and follow each down to its goal."""
    media = posting.simulate(params.posting_params(), seed)
    networking = relationships.simulate(params.relationship_params(), seed)
    impressions = media.per_post_reach * media.posts_per_week
    funnel = stages(impressions, params.click_pct, params.sale_pct)
    sessions = params.weekly_hours * 60.0 / params.relationship_params().session_minutes
    return FunnelResult(
        params=params,
        media=media,
        networking=networking,
        impressions=impressions,
        clicks=funnel.clicks,
        leads=funnel.leads,
        sales=funnel.sales,
        conversations=np.full(params.weeks, sessions),
        relationships=networking.casual + networking.friend + networking.close,
        referral_sales=networking.referrals * params.referral_sale_pct / 100.0,
    )
