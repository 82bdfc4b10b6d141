"""Content: what posts in different formats earn, and what conversations build, with the same hours.

Lesson 03's question. The article says social media content is images, video,
infographics and other pieces that keep an audience engaged, and social
networking content is conversation and questions that build a referral
network. This model spends the same weekly hours either way.

**Posting** (the media side) reuses lesson 04's posting model
(:mod:`~mediavsnet.models.posting`): how many posts the hours pay for
(:func:`~mediavsnet.models.posting.posts_per_week`), and how each post does
worse as posting grows more frequent (its fatigue law,
:func:`~mediavsnet.models.posting.engagement_per_post`, measured between 5 and
60 posts a month and flat outside). What this lesson adds is the format:

- posts are single images (a photo or an infographic), carousels (several
  slides, an infographic cut into steps) or videos, in a mix the learner sets;
- each format earns its own engagement per post per follower: Socialinsider's
  2020 Instagram study of 22 million posts (weak, one vendor): carousel 1.92 %,
  image 1.74 %, video 1.45 %. These are assumed to hold at the reference
  frequency of lesson 04's model (five posts a week);
- each format takes its own time to make (assumptions: no study measures it);
- the page's followers are held at lesson 04's starting page (1,000): growth is
  lesson 04's subject, and its reach figure (Locowise) is for Facebook, a
  different vendor and platform, so it is not used here. Engagements are
  one-click interactions: likes, comments, shares.

The engagement rates come from one vendor only. Rival IQ's Facebook median
(lesson 04's ``engagement_pct``) never enters this model's formula; the
"250 posts on Facebook" check in :mod:`mediavsnet.lessons.l03_content.tables` uses it
alone, in a formula of its own.

**Conversations** (the networking side) reuse lesson 04's relationship model
(:mod:`~mediavsnet.models.relationships`): Hall's (2019) hours to casual
friend, friend and close friend, Dunbar's cap on close friends, fading between
turns, and referrals from casual friends and closer. What this lesson adds is
depth: asking questions and following up makes a conversation go deeper
(Huang et al. 2017: people told to ask more questions, follow-ups above all,
were liked more; Aron et al. 1997: 45 minutes of escalating mutual disclosure
built more closeness than 45 minutes of small talk). Neither study gives a
size in Hall's hours, so how much a deep hour counts is an assumption: an
hour spent on questions and follow-ups counts as ``deep_hour_weight`` hours of
small talk (2 by default), and small talk counts as Hall's hours.

Same parameters and seed, same result: the seed draws the good and bad weeks
of engagement (lesson 04's weekly variation) and each person's chemistry and
the referrals (lesson 04's relationship model).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mediavsnet.core.specs import ParamSpec, ValidatedParams, defaults, specs_by_name
from mediavsnet.models import posting, relationships

_POSTING = specs_by_name(posting.SPECS)
_RELATIONSHIPS = specs_by_name(relationships.SPECS)

#: The formats, in the order the explorer and tables list them.
FORMATS = ("image", "carousel", "video")

#: Engagements per post per follower, in %, by format: Socialinsider (2020), Instagram,
#: 22 million posts (weak, one vendor). Never combined with another vendor's rate.
ENGAGEMENT_PCT_BY_FORMAT = {"image": 1.74, "carousel": 1.92, "video": 1.45}
ENGAGEMENT_SOURCE = "Socialinsider 2020"

#: Followers of the page, held fixed: lesson 04's starting page (an assumption there too).
FOLLOWERS = int(_POSTING["start_followers"].default)

SPECS: tuple[ParamSpec, ...] = (
    _POSTING["hours_per_week"],
    ParamSpec(
        "video_pct", "% of posts", 0.0, 100.0, 5.0, 20.0,
        "Assumption: one post in five is a video.",
    ),
    ParamSpec(
        "carousel_pct", "%", 0.0, 100.0, 5.0, 25.0,
        "Assumption: one still post in four is a carousel; the rest are single images or infographics.",
    ),
    _RELATIONSHIPS["people"],
    ParamSpec(
        "question_pct", "%", 0.0, 100.0, 5.0, 25.0,
        "Assumption: a quarter of a conversation spent asking questions, following up and answering "
        "in turn. Huang et al. 2017 and Aron et al. 1997 show that this deepens a conversation.",
    ),
    _POSTING["weeks"],
    _POSTING["minutes_per_post"],
    ParamSpec(
        "carousel_minutes", "min", 10.0, 480.0, 5.0, 90.0,
        "Assumption: several slides take about twice a single image's time.",
        heavy=10.0,
    ),
    ParamSpec(
        "video_minutes", "min", 10.0, 480.0, 5.0, 180.0,
        "Assumption: a short edited video (script, shoot, edit, captions) takes about three hours.",
        heavy=10.0,
    ),
    _POSTING["fatigue"],
    ParamSpec(
        "deep_hour_weight", "hours", 1.0, 3.0, 0.1, 2.0,
        "Assumption: an hour of questions and follow-ups counts as two hours of small talk toward "
        "Hall's hours. Huang et al. 2017 and Aron et al. 1997 give the direction, not the size.",
    ),
)

#: Every default, read from the specs: typed once.
_DEFAULT = defaults(SPECS)


@dataclass(frozen=True)
class ContentParams(ValidatedParams):
    """One week's hours, spent on posts in a format mix or on conversations of some depth."""

    SPECS = SPECS

    hours_per_week: float = _DEFAULT["hours_per_week"]
    video_pct: float = _DEFAULT["video_pct"]
    carousel_pct: float = _DEFAULT["carousel_pct"]
    people: int = _DEFAULT["people"]
    question_pct: float = _DEFAULT["question_pct"]
    weeks: int = _DEFAULT["weeks"]
    minutes_per_post: float = _DEFAULT["minutes_per_post"]
    carousel_minutes: float = _DEFAULT["carousel_minutes"]
    video_minutes: float = _DEFAULT["video_minutes"]
    fatigue: float = _DEFAULT["fatigue"]
    deep_hour_weight: float = _DEFAULT["deep_hour_weight"]

    @property
    def networking_hours(self) -> float:
        """Hours a week of conversation: the same hours as the posting."""
        return self.hours_per_week

    def mix(self) -> dict[str, float]:
        """Share of posts in each format (sums to one)."""
        video = self.video_pct / 100.0
        carousel = (1.0 - video) * self.carousel_pct / 100.0
        return {"image": 1.0 - video - carousel, "carousel": carousel, "video": video}

    def minutes(self) -> dict[str, float]:
        """Minutes to create one post of each format."""
        return {"image": self.minutes_per_post, "carousel": self.carousel_minutes,
                "video": self.video_minutes}

    def depth(self) -> float:
        """How many of Hall's hours one hour of these conversations is worth."""
        return 1.0 + (self.deep_hour_weight - 1.0) * self.question_pct / 100.0

    def relationship_params(self) -> relationships.RelationshipParams:
        """The conversations as lesson 04's relationship model sees them (its other defaults kept)."""
        return relationships.RelationshipParams.from_defaults(
            hours_per_week=self.hours_per_week, people=self.people, weeks=self.weeks
        )


@dataclass(frozen=True, eq=False)
class ContentResult:
    """Week by week (index 0 is week 1): what the posts earned and what the conversations built.

    ``engagements`` are each week's one-click interactions (likes, comments,
    shares), ``engagements_so_far`` their running total; ``posts`` the posts
    published so far. ``networking`` is lesson 04's relationship result, with
    every hour counting ``depth`` of Hall's hours.
    """

    params: ContentParams
    week: np.ndarray
    engagements: np.ndarray
    engagements_so_far: np.ndarray
    posts: np.ndarray
    posts_per_week: float
    engagement_per_post: float
    depth: float
    networking: relationships.RelationshipResult

    @property
    def total_hours(self) -> float:
        """Hours spent, on either side (they are the same hours)."""
        return self.params.hours_per_week * self.params.weeks

    @property
    def deep_ties(self) -> int:
        """Relationships at casual friend or deeper in the last week: the people who refer."""
        net = self.networking
        return int(net.casual[-1] + net.friend[-1] + net.close[-1])


def average_minutes(params: ContentParams) -> float:
    """Minutes a post takes on average, over the format mix."""
    mix, minutes = params.mix(), params.minutes()
    return sum(mix[f] * minutes[f] for f in FORMATS)


def mix_engagement_pct(params: ContentParams) -> float:
    """Engagement per post per follower (%) of the mix at five posts a week: Socialinsider's rates only."""
    mix = params.mix()
    return sum(mix[f] * ENGAGEMENT_PCT_BY_FORMAT[f] for f in FORMATS)


def simulate(params: ContentParams, seed: int = 0) -> ContentResult:
    """Spend the weekly hours on posts, or on conversations, and follow what each brings."""
    n = posting.posts_per_week(params.hours_per_week, average_minutes(params))
    per_post = FOLLOWERS * posting.engagement_per_post(n, mix_engagement_pct(params), params.fatigue)
    engagements = n * per_post * posting.weekly_variation(params.weeks, seed)
    week = np.arange(1, params.weeks + 1)
    return ContentResult(
        params=params,
        week=week,
        engagements=engagements,
        engagements_so_far=np.cumsum(engagements),
        posts=n * week,
        posts_per_week=n,
        engagement_per_post=per_post,
        depth=params.depth(),
        networking=relationships.simulate(params.relationship_params(), seed, depth=params.depth()),
    )
