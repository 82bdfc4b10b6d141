"""Listening: messages from the community, the hours to answer them, and how long people wait.

The world this models: week after week, people write to you (questions,
comments, mentions). A few of those messages are opportunities: a lead, an
invitation, someone who wants to work with you. Your weekly hours are split
between talking (making and scheduling broadcast posts) and listening
(reading messages and replying), and you check for messages on some rhythm.

- Messages arrive from the community at a weekly rate that starts at
  ``messages_per_week``, with good and bad weeks (the same week-to-week
  variation as the posting model, drawn from the seed).
- Listening hours pay for a number of replies, ``hours * 60 /
  minutes_per_reply``. Messages beyond that sink in the feed and are never
  answered: missed. You cannot tell an opportunity before you read it, so
  opportunities are answered in the same share as every other message.
- You answer at your checks, every ``check_every_hours`` hours, so a message
  waits from nothing to a whole interval: on average half of it. A reply
  within what people expect (``expected_reply_hours``; 4 h in the Sprout
  Social Index 2016, weak) is on time; later, it is late.
- An opportunity goes cold within hours. Oldroyd, McElheran & Elkington
  (2011, HBR, 1.25 million leads): trying within an hour made a real
  conversation nearly 7 times as likely as trying an hour later, and more than
  60 times as likely as waiting 24 h or more. Here an opportunity answered
  within the hour becomes a conversation (an assumption: the study gives only
  ratios), one answered in the second hour counts for 1/7, one answered after
  24 h for 1/60, and in between the chance falls as a power of the wait
  between the study's points (an assumption on the shape).
- People who are ignored leave or stop writing: of those whose message goes
  unanswered, 30 % (the Sprout Social Index 2016 share of customers who would
  go to a competitor, weak) stop; of those answered late, 3 % (an
  assumption). Each person writes about once a month (an assumption), so
  losing a person takes a quarter of a message a week away.
- The community renews itself: 5 % of it drifts away each week and as many
  new people arrive (an assumption: people write to you for about 20 weeks),
  so a community that is always answered on time stays the size it started.

What this model leaves out, on purpose: posting does not bring anyone new to
write to you here (lesson 04 models what posting buys), a check costs no
time of its own, and checks go on around the clock (no nights, no weekends).
So in this model listening more always catches more; in life, a brand that
never posts is found by fewer people.

All weekly quantities are expected values, scaled by one week-to-week
variation factor drawn from the seed: the same parameters and seed give the
same result, more listening never catches fewer opportunities, and checking
more often never makes anyone wait longer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mediavsnet.core.specs import ParamSpec, ValidatedParams, defaults, specs_by_name
from mediavsnet.models import posting, time_budget
from mediavsnet.models.common import WEEKS

#: Of the people whose message goes unanswered, the share who stop writing: the Sprout
#: Social Index (2016, weak) found about 30 % of customers would go to a competitor.
LEAVE_IF_UNANSWERED = 0.30

#: Of the people answered later than they expected, the share who stop writing.
#: Assumption: a tenth as many as when ignored; most people forgive a slow reply.
LEAVE_IF_LATE = 0.03

#: How often one member of the community writes to you. Assumption: about once a month.
WEEKS_BETWEEN_MESSAGES = 4.0

#: Share of the community that drifts away each week, replaced by as many newcomers.
#: Assumption: someone who writes to you does so for about 20 weeks, then moves on.
RENEWAL_PER_WEEK = 0.05

#: Oldroyd, McElheran & Elkington (2011, HBR): the chance an enquiry becomes a real
#: conversation, relative to answering within the hour, by the hours waited: within the
#: hour (1), an hour later (nearly 7 times less likely), 24 h or more (over 60 times).
LEAD_DECAY = ((1.0, 1.0), (2.0, 1 / 7), (24.0, 1 / 60))

#: Sprout Social Index (2016, weak): brands sent about 23 promotional messages for every
#: reply. Shown beside the learner's own ratio; the model never uses it.
SPROUT_MESSAGES_PER_REPLY = 23

_POSTING = specs_by_name(posting.SPECS)
_BUDGET = specs_by_name(time_budget.SPECS)

SPECS: tuple[ParamSpec, ...] = (
    _BUDGET["weekly_hours"],
    ParamSpec(
        "listening_share", "%", 0.0, 100.0, 1.0, 5.0,
        "Assumption: a brand that mostly talks. At the defaults about nine messages in ten "
        "go unanswered, as in the Sprout Social Index 2016 (weak: 89 %).",
    ),
    ParamSpec(
        "check_every_hours", "h", 1.0, 168.0, 1.0, 20.0,
        "Assumption: about once a day; answered messages then wait 10 h on average, the "
        "Sprout Social Index 2016 average reply time (weak).",
    ),
    ParamSpec(
        "messages_per_week", "", 1, 500, 1, 20,
        "Assumption: a small organisation hears from its community a few times a day.",
        integer=True,
    ),
    ParamSpec(
        "minutes_per_reply", "min", 1.0, 60.0, 1.0, 15.0,
        "Assumption: reading a message, thinking and writing a reply that helps.",
    ),
    _POSTING["minutes_per_post"],
    ParamSpec(
        "expected_reply_hours", "h", 1.0, 72.0, 1.0, 4.0,
        "Sprout Social Index 2016 (weak): customers expect a reply within about 4 h.",
    ),
    ParamSpec(
        "opportunity_pct", "% of messages", 0.0, 50.0, 1.0, 5.0,
        "Assumption: one message in twenty is a lead, an invitation or a partner.",
    ),
    WEEKS,
)

#: Every default, read from the specs: typed once.
_DEFAULT = defaults(SPECS)


@dataclass(frozen=True)
class ListeningParams(ValidatedParams):
    """One way of splitting the week between talking and listening; fields in :data:`SPECS`."""

    SPECS = SPECS

    weekly_hours: float = _DEFAULT["weekly_hours"]
    listening_share: float = _DEFAULT["listening_share"]
    check_every_hours: float = _DEFAULT["check_every_hours"]
    messages_per_week: int = _DEFAULT["messages_per_week"]
    minutes_per_reply: float = _DEFAULT["minutes_per_reply"]
    minutes_per_post: float = _DEFAULT["minutes_per_post"]
    expected_reply_hours: float = _DEFAULT["expected_reply_hours"]
    opportunity_pct: float = _DEFAULT["opportunity_pct"]
    weeks: int = _DEFAULT["weeks"]

    @property
    def listening_hours(self) -> float:
        """Hours a week spent reading messages and replying."""
        return self.weekly_hours * self.listening_share / 100.0

    @property
    def talking_hours(self) -> float:
        """Hours a week spent making and scheduling broadcast posts."""
        return max(0.0, self.weekly_hours - self.listening_hours)


@dataclass(frozen=True, eq=False)
class ListeningResult:
    """Week by week (index 0 is week 1): what arrived, what was answered and when, who stayed.

    ``arrived = on_time + late + unanswered`` each week. ``community`` is the
    rate at which the community still writes (messages a week, before that
    week's ups and downs); ``opportunities`` arrive within the messages and
    ``caught`` counts the ones that became a conversation (expected values).
    ``mean_wait_hours`` is how long an answered message waits on average.
    """

    params: ListeningParams
    week: np.ndarray
    arrived: np.ndarray
    on_time: np.ndarray
    late: np.ndarray
    unanswered: np.ndarray
    community: np.ndarray
    opportunities: np.ndarray
    caught: np.ndarray
    posts: np.ndarray
    replies_per_week: float
    mean_wait_hours: float

    @property
    def answered(self) -> np.ndarray:
        return self.on_time + self.late

    @property
    def total_replies(self) -> float:
        return float(self.answered.sum())

    @property
    def total_posts(self) -> float:
        return float(self.posts.sum())


def reply_capacity(listening_hours: float, minutes_per_reply: float) -> float:
    """How many messages the listening hours can read and answer in a week."""
    return listening_hours * 60.0 / minutes_per_reply


def on_time_share(check_every_hours: float, expected_reply_hours: float) -> float:
    """Share of answered messages that wait no longer than people expect.

    A message arrives at any moment between two checks, so its wait is spread
    evenly from nothing to a whole interval.
    """
    return min(1.0, expected_reply_hours / check_every_hours)


def lead_value(hours: np.ndarray | float) -> np.ndarray:
    """The chance an opportunity answered after ``hours`` becomes a conversation (Oldroyd et al.).

    1 within the hour; 1/7 in the second hour ("an hour later"); 1/60 from 24 h
    on; between 2 h and 24 h a power of the wait joining the study's two points.
    """
    (h1, v1), (h2, v2), (h3, v3) = LEAD_DECAY
    d = np.asarray(hours, dtype=float)
    exponent = math.log(v2 / v3) / math.log(h3 / h2)
    between = v2 * (np.clip(d, h2, h3) / h2) ** -exponent
    return np.where(d <= h1, v1, np.where(d <= h2, v2, between))


def _lead_integral(hours: float) -> float:
    """The integral of :func:`lead_value` from 0 to ``hours`` (closed form)."""
    (h1, v1), (h2, v2), (h3, v3) = LEAD_DECAY
    exponent = math.log(v2 / v3) / math.log(h3 / h2)
    total = v1 * min(hours, h1)
    if hours > h1:
        total += v2 * (min(hours, h2) - h1)
    if hours > h2:
        top = min(hours, h3)
        total += v2 * h2 / (1 - exponent) * ((top / h2) ** (1 - exponent) - 1)
    if hours > h3:
        total += v3 * (hours - h3)
    return total


def caught_share(check_every_hours: float) -> float:
    """Share of answered opportunities that become a conversation, checking every so many hours.

    The wait is spread evenly over the interval, so this is the average of
    :func:`lead_value` over it.
    """
    return _lead_integral(check_every_hours) / check_every_hours


def simulate(params: ListeningParams, seed: int = 0) -> ListeningResult:
    """Follow the messages, the replies and the community week by week."""
    capacity = reply_capacity(params.listening_hours, params.minutes_per_reply)
    timely = on_time_share(params.check_every_hours, params.expected_reply_hours)
    warm = caught_share(params.check_every_hours)
    opportunity = params.opportunity_pct / 100.0
    noise = posting.weekly_variation(params.weeks, seed)
    start = float(params.messages_per_week)

    community = np.empty(params.weeks)
    arrived = np.empty(params.weeks)
    answered = np.empty(params.weeks)
    rate = start
    for week in range(params.weeks):
        community[week] = rate
        arrived[week] = a = rate * noise[week]
        answered[week] = done = min(a, capacity)
        lost_people = LEAVE_IF_UNANSWERED * (a - done) + LEAVE_IF_LATE * (1.0 - timely) * done
        rate = rate * (1.0 - RENEWAL_PER_WEEK) + RENEWAL_PER_WEEK * start
        rate = max(0.0, rate - lost_people / WEEKS_BETWEEN_MESSAGES)

    on_time = answered * timely
    posts = posting.posts_per_week(params.talking_hours, params.minutes_per_post)
    return ListeningResult(
        params=params,
        week=np.arange(1, params.weeks + 1),
        arrived=arrived,
        on_time=on_time,
        late=answered - on_time,
        unanswered=arrived - answered,
        community=community,
        opportunities=arrived * opportunity,
        caught=answered * opportunity * warm,
        posts=np.full(params.weeks, posts),
        replies_per_week=capacity,
        mean_wait_hours=params.check_every_hours / 2.0,
    )
