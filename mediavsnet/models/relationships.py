"""One-to-one relationship building: attention that adds up, and fades when neglected.

The world this models: someone gives a few hours a week of personal attention
(a call, a coffee, a thoughtful reply in a group) to a set of people. Attention
comes in sessions of some length; the sessions go round the people in turn, so
spreading the same hours over more people means meeting some of them later and
seeing each one less often.

- Each person's relationship is the time spent together, in hours. Hall (2019)
  found it takes about 50 h to go from acquaintance to casual friend, about
  90 h to friend and over 200 h to close friend: those are the stages here.
- People differ: with some, the hours count for more (a chemistry factor of
  0.8 to 1.2, an assumption in line with Hall's 40-60 h range).
- In a week without contact the relationship fades: closeness decays at an
  exponential rate per year (about 0.16 from Dunbar's "15 % a year", weak;
  about 0.4 from Kraut's "a strong friendship falls to an acquaintance in about
  three years"). In a week with contact it does not fade: Roberts & Dunbar
  (2015) found that more contact offsets the decline.
- Only so many people can be close at once: Dunbar's layers put about 15
  people in the "sympathy group" (Zhou, Sornette, Hill & Dunbar 2005). People
  past 200 h beyond that cap are counted as friends.
- Casual friends, friends and close friends sometimes send a referral (a
  customer, a job lead, an introduction) at a yearly rate that is an
  assumption; acquaintances send none here, though Granovetter (1973) showed
  weak ties matter too: a simplification.

How deep the conversations are can be given too (``depth``, lesson 03): an hour
spent asking questions and following up counts for more than an hour of small
talk (Huang et al. 2017; Aron et al. 1997). Lesson 04 leaves it at 1, so every
hour counts as one of Hall's hours.

The same parameters and seed give the same result (the seed draws the
chemistry and the referrals). Referral counts are drawn so that a bigger
expected count never gives a smaller draw, so more hours never give fewer
friendships or referrals.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from mediavsnet.core.specs import ParamSpec, ValidatedParams, defaults
from mediavsnet.models.common import WEEKS

#: Hall (2019): hours together to reach each stage.
CASUAL_FRIEND_HOURS = 50.0
FRIEND_HOURS = 90.0
CLOSE_FRIEND_HOURS = 200.0

#: Dunbar's sympathy group: about 15 people (Zhou, Sornette, Hill & Dunbar 2005).
CLOSE_LAYER = 15

#: Hours a week with one person beyond which the time is less like networking than
#: like working or living together. Assumption: a full working day a week.
INTENSE_HOURS_PER_PERSON = 8.0

#: Relative referral rates by stage: casual friends half as often as friends.
#: Assumption.
REFERRAL_WEIGHT = {"casual": 0.5, "friend": 1.0, "close": 1.0}

#: How much people differ in how fast hours turn into closeness (see chemistry()).
CHEMISTRY_SPREAD = 0.2

STAGES = ("acquaintance", "casual", "friend", "close")

SPECS: tuple[ParamSpec, ...] = (
    ParamSpec(
        "hours_per_week", "h/week", 0.0, 40.0, 0.5, 3.0,
        "Assumption: the same order as the time a marketer gives to posting "
        "(Social Media Examiner 2010-2012, weak).",
    ),
    ParamSpec(
        "people", "people", 1, 150, 1, 5,
        "Assumption: Dunbar's innermost layer, about 5 people; 150 (Dunbar's number) "
        "is the most (Zhou, Sornette, Hill & Dunbar 2005).", integer=True,
        heavy=150,
    ),
    ParamSpec(
        "session_minutes", "min", 15.0, 120.0, 5.0, 30.0,
        "Assumption: a call, a coffee or a thoughtful exchange of messages.",
        heavy=15.0,
    ),
    ParamSpec(
        "decay_per_year", "/year", 0.0, 0.6, 0.01, 0.16,
        "Closeness lost per year without contact: about 0.16 (Dunbar, quoted 2010, weak) "
        "to 0.4 (Kraut, via New Scientist 2021).",
    ),
    ParamSpec(
        "referrals_per_friend_year", "/year", 0.0, 4.0, 0.1, 0.5,
        "Assumption: a friend sends a customer, a lead or an introduction every two years.",
    ),
    WEEKS,
)

#: Every default, read from the specs: typed once.
_DEFAULT = defaults(SPECS)


@dataclass(frozen=True)
class RelationshipParams(ValidatedParams):
    """One relationship-building strategy; every field is described in :data:`SPECS`."""

    SPECS = SPECS

    hours_per_week: float = _DEFAULT["hours_per_week"]
    people: int = _DEFAULT["people"]
    session_minutes: float = _DEFAULT["session_minutes"]
    decay_per_year: float = _DEFAULT["decay_per_year"]
    referrals_per_friend_year: float = _DEFAULT["referrals_per_friend_year"]
    weeks: int = _DEFAULT["weeks"]


@dataclass(frozen=True, eq=False)
class RelationshipResult:
    """Week by week (index 0 is week 1): relationships by stage and what they brought.

    ``closeness`` holds every person's hours together at the end of each week
    (weeks x people). ``acquaintance`` counts people met but under 50 h.
    ``contact`` is the share of weeks in which a person gets a conversation, and
    ``faded_hours`` the closeness, summed over everyone, that fading took away
    by the last week (zero when everyone is seen every week).
    """

    week: np.ndarray
    closeness: np.ndarray
    acquaintance: np.ndarray
    casual: np.ndarray
    friend: np.ndarray
    close: np.ndarray
    referrals: np.ndarray
    hours: np.ndarray
    contact: float
    faded_hours: float

    @property
    def total_hours(self) -> float:
        return float(self.hours.sum())

    @property
    def total_referrals(self) -> int:
        return int(self.referrals.sum())


def contact_share(params: RelationshipParams) -> float:
    """Share of weeks in which a person gets at least one session.

    Sessions go round the people in turn at ``hours * 60 / session_minutes`` a
    week; with more people than sessions, each person waits their turn.
    """
    sessions = params.hours_per_week * 60.0 / params.session_minutes
    return min(1.0, sessions / params.people)


def first_contact_week(params: RelationshipParams) -> np.ndarray:
    """The week (0-based) in which each person first gets a session: they are met in turn."""
    sessions = params.hours_per_week * 60.0 / params.session_minutes
    if sessions <= 0:
        return np.full(params.people, params.weeks)  # never met
    return np.floor(np.arange(params.people) / sessions + 1e-9).astype(int)


def chemistry(people: int, seed: int) -> np.ndarray:
    """How fast hours turn into closeness with each person (mean one).

    Assumption: people differ by up to 20 % either way, in line with the 40-60 h
    range Hall (2019) reports for becoming casual friends.
    """
    low, high = 1.0 - CHEMISTRY_SPREAD, 1.0 + CHEMISTRY_SPREAD
    return np.random.default_rng(seed).uniform(low, high, people)


def closeness_over_time(params: RelationshipParams, seed: int = 0, depth: float = 1.0) -> np.ndarray:
    """Each person's effective hours together at each week's end (weeks x people).

    Everyone met gets the same share of the hours, ``hours / people`` a week on
    average, each hour counting as ``depth`` of Hall's hours (1 unless the
    conversations go deeper than usual); in the share of weeks without contact
    their closeness fades. That
    is a linear recurrence h <- a * h + g with a constant a, so its sum is
    closed-form: h after n weeks = g * (1 + a + ... + a^(n-1)).
    """
    gain = params.hours_per_week / params.people * depth
    fade = np.exp(-params.decay_per_year / 52.0)
    a = fade ** (1.0 - contact_share(params))
    weeks_known = np.arange(1, params.weeks + 1)[:, None] - first_contact_week(params)[None, :]
    n = np.maximum(weeks_known, 0)
    if np.isclose(a, 1.0):
        total = n.astype(float)
    else:
        total = (1.0 - a**n) / (1.0 - a)
    return gain * total * chemistry(params.people, seed)[None, :]


def stage_counts(closeness: np.ndarray) -> dict[str, np.ndarray]:
    """How many people are at each stage each week, with close friends capped at the layer."""
    met = closeness > 0
    casual = (closeness >= CASUAL_FRIEND_HOURS) & (closeness < FRIEND_HOURS)
    beyond_friend = (closeness >= FRIEND_HOURS).sum(axis=1)
    close = np.minimum((closeness >= CLOSE_FRIEND_HOURS).sum(axis=1), CLOSE_LAYER)
    return {
        "acquaintance": (met & (closeness < CASUAL_FRIEND_HOURS)).sum(axis=1),
        "casual": casual.sum(axis=1),
        "friend": beyond_friend - close,
        "close": close,
    }


def poisson_quantile(mean: np.ndarray, u: np.ndarray, most: int = 64) -> np.ndarray:
    """Poisson draws by inversion: for a fixed ``u`` a bigger mean never draws fewer."""
    k = np.arange(most)
    log_pmf = k[None, :] * np.log(np.maximum(mean, 1e-300))[:, None] - mean[:, None]
    log_pmf -= np.cumsum(np.log(np.maximum(k, 1)))[None, :]
    cdf = np.cumsum(np.exp(log_pmf), axis=1)
    return (cdf < u[:, None]).sum(axis=1)


def expected_referrals(stages: Mapping[str, np.ndarray], per_friend_year: float) -> np.ndarray:
    """Referrals expected each week from the people at each stage that week: a friend or a
    close friend sends ``per_friend_year`` a year, a casual friend half as many (REFERRAL_WEIGHT)."""
    weighted = sum(REFERRAL_WEIGHT[s] * stages[s] for s in REFERRAL_WEIGHT)
    return weighted * per_friend_year / 52.0


def simulate(params: RelationshipParams, seed: int = 0, depth: float = 1.0) -> RelationshipResult:
    """Follow every relationship week by week under one way of spending attention.

    ``depth`` is how many of Hall's hours one hour of these conversations is worth
    (see :func:`closeness_over_time`); ``hours`` still counts the hours spent.
    """
    if not depth > 0:
        raise ValueError(f"depth = {depth!r} is not allowed: an hour must count for more than nothing")
    closeness = closeness_over_time(params, seed, depth)
    contact = contact_share(params)
    faded = 0.0
    if contact < 1 and params.decay_per_year > 0:  # otherwise nothing fades: skip the second pass
        never_fading = closeness_over_time(replace(params, decay_per_year=0.0), seed, depth)
        faded = float((never_fading[-1] - closeness[-1]).sum())
    stages = stage_counts(closeness)
    expected = expected_referrals(stages, params.referrals_per_friend_year)
    u = np.random.default_rng(seed).random(params.weeks)
    return RelationshipResult(
        week=np.arange(1, params.weeks + 1),
        closeness=closeness,
        referrals=poisson_quantile(expected, u),
        hours=np.full(params.weeks, params.hours_per_week),
        contact=contact,
        faded_hours=faded,
        **stages,
    )


def weeks_to_reach(hours_needed: float, hours_per_week: float, contact: float = 1.0,
                   decay_per_year: float = 0.0) -> float:
    """Weeks of attention one person needs to reach ``hours_needed`` (math.inf if never).

    For a person of average chemistry who gets ``hours_per_week`` on average and
    contact in a share ``contact`` of weeks: the closed form of
    :func:`closeness_over_time`. With weekly contact there is no fading, so the
    answer is simply hours needed / hours a week (Hall's check: 50 weeks at one
    hour a week to a casual friend).
    """
    if hours_per_week <= 0:
        return math.inf
    a = math.exp(-decay_per_year / 52.0) ** (1.0 - contact)
    if math.isclose(a, 1.0):
        return math.ceil(hours_needed / hours_per_week - 1e-9)
    ceiling = hours_per_week / (1.0 - a)
    if hours_needed >= ceiling:
        return math.inf
    return math.ceil(math.log(1.0 - hours_needed / ceiling) / math.log(a) - 1e-9)
