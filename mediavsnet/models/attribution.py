"""Measuring a campaign's return: a true effect, carry-over, noisy sales, and a window to look through.

The world this models: a business runs an advertising campaign at the same
spend every week for the whole measurement window, and then tries to measure
its return on investment (ROI): the extra margin the ads brought, per euro
spent, minus the euro. The campaign has a true ROI that nobody sees directly.

- **Carry-over (adstock).** An ad keeps acting after its week. Broadbent's
  geometric adstock: A_t = x_t + lambda * A_(t-1), so an ad's effect halves
  every ln 0.5 / ln lambda weeks (its half-life). Meta's Robyn suggests a weekly
  lambda of 0 to 0.3 for digital media and 0.3 to 0.8 for TV. The true ROI
  counts all of the effect, also what comes after the window closes; a
  measurement sees only what falls inside the window.
- **Noise.** One person's sales vary enormously from week to week: Lewis & Rao
  (2015) found a coefficient of variation of about 10 across 25 field
  experiments, and a median confidence interval on ROI more than 100
  percentage points wide. Here weekly sales are independent from week to week
  (an assumption: real purchases are correlated, which makes it worse).
- **How it is measured** (the ``tracking`` choice):

  0. *off*: only total sales are seen; the window's sales are compared with as
     many weeks before the campaign. Everyone's noise, plus market-wide swings
     from week to week (weather, paydays, competitors), which land on the
     estimate whole. Unbiased if nothing else changed.
  1. *tracked*: tracking links sales to the people who saw the ads, and an
     observational comparison of the exposed with the unexposed, adjusted on
     rich user data, narrows the noise. But the exposed were not chosen at
     random (ads are shown to likely buyers), so the estimate is biased: Gordon,
     Zettelmeyer, Bhargava & Chapsky (2019) and Gordon, Moakler & Zettelmeyer
     (2023) found such methods often far from what randomised experiments
     measured. The bias is a parameter (an assumption; see its spec).
  2. *holdout*: tracking plus a randomised holdout: half the audience is kept
     from the ads at random, and the two halves are compared. Unbiased; its
     noise is each person's, over half the people in each group.

The estimate after t weeks is the mean weekly difference so far, per euro
spent, minus 1, with a 95 % band of 1.96 standard errors (the noise level is
taken as known). ``RUNS`` repeated measurements of the same campaign are drawn
at once, so a learner can see how far they scatter; ``measurement`` picks the
one that is "yours".

Beside the campaign, the networking side: the relationship model of lesson 04
(:mod:`mediavsnet.models.relationships`: 6 hours a week with 5 people) supplies a network
built over the same window. Its size is counted exactly every week; the
referrals it brings are rare, so the referral rate estimated from them has its
own wide band.

The same parameters and seed give the same result. The repeated measurements
share their random draws across the three ways of measuring, so switching
``tracking`` changes the method, not the luck.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mediavsnet.core.specs import ParamSpec, ValidatedParams, defaults
from mediavsnet.models import relationships

#: How many repeated measurements of the same campaign are drawn.
RUNS = 20
#: The band's coverage, and its half-width in standard errors.
CONFIDENCE_PCT = 95
Z = 1.96

#: Assumption: people the campaign reaches every week (the whole customer base here).
AUDIENCE = 100_000
#: Assumption: the ad spend per person reached per week, in euros (10,000 euros a week in all).
SPEND_PER_PERSON = 0.10
#: Assumption: a person's average margin per week without the ads, in euros: twenty times the
#: spend, so a 50 % ROI lifts margin by 7.5 %, close to the median lower-funnel lift (6 %) in
#: Gordon, Moakler & Zettelmeyer (2023).
BASELINE_MARGIN = 2.0
#: Assumption: market-wide swings of total sales from week to week (weather, paydays, competitors),
#: as a share of baseline sales; they hit a before-and-during comparison whole.
WEEKLY_SWING = 0.05
#: Assumption: the share of the audience a randomised holdout keeps from the ads (half: the most
#: precise split).
HOLDOUT_SHARE = 0.5
#: Assumption: how much adjusting on tracked user data narrows each person's noise, as a factor on
#: its standard deviation.
TRACKED_NOISE_FACTOR = 0.5

TRACKING = ("off", "tracked", "holdout")

#: The networking side: lesson 04's preset "All networking", its whole default budget of
#: 6 hours a week given to 5 people (the relationship model's other defaults).
NETWORK_HOURS = 6.0

SPECS: tuple[ParamSpec, ...] = (
    ParamSpec(
        "window_weeks", "weeks", 4, 156, 1, 4,
        "Assumption: one month by default, the length of a typical campaign test (Lewis & Rao's "
        "experiments ran for weeks); up to three years.",
        integer=True,
    ),
    ParamSpec(
        "tracking", "", 0, 2, 1, 0,
        "Off: total sales only; tracked: an observational comparison on tracked data (Gordon et al. "
        "2019, 2023); holdout: a randomised experiment.",
        integer=True, choices=TRACKING,
    ),
    ParamSpec(
        "true_roi", "%", -100.0, 300.0, 10.0, 50.0,
        "Assumption: a campaign that brings back 1.50 euros of margin for every euro spent; -100 % "
        "is an ad with no effect at all.",
    ),
    ParamSpec(
        "carryover", "/week", 0.0, 0.9, 0.05, 0.3,
        "Geometric adstock (Broadbent): the share of an ad's effect left the next week. Meta's Robyn "
        "suggests 0 to 0.3 for digital media, 0.3 to 0.8 for TV.",
    ),
    ParamSpec(
        "noise_cv", "", 1.0, 20.0, 1.0, 10.0,
        "Lewis & Rao (2015): one person's sales have a coefficient of variation of about 10.",
    ),
    ParamSpec(
        "tracking_bias", "points", -100.0, 300.0, 10.0, 100.0,
        "Assumption: tracked data credit the ads with sales that would have happened anyway. Gordon, "
        "Moakler & Zettelmeyer (2023) found a median error of 62 to 115 points of lift for the best "
        "observational method; 100 points of ROI is 5 points of lift here, far less.",
    ),
    ParamSpec(
        "measurement", "", 1, RUNS, 1, 1,
        f"Which of {RUNS} repeated measurements of the same campaign is yours.",
        integer=True,
    ),
)

_DEFAULT = defaults(SPECS)


@dataclass(frozen=True)
class AttributionParams(ValidatedParams):
    """One campaign and one way of measuring it; every field is described in :data:`SPECS`."""

    SPECS = SPECS

    window_weeks: int = _DEFAULT["window_weeks"]
    tracking: int = _DEFAULT["tracking"]
    true_roi: float = _DEFAULT["true_roi"]
    carryover: float = _DEFAULT["carryover"]
    noise_cv: float = _DEFAULT["noise_cv"]
    tracking_bias: float = _DEFAULT["tracking_bias"]
    measurement: int = _DEFAULT["measurement"]

    @property
    def method(self) -> str:
        return TRACKING[self.tracking]


@dataclass(frozen=True, eq=False)
class AttributionResult:
    """Week by week over the window (index 0 is week 1); ROI in percent.

    ``runs`` holds every repeated measurement's estimate after each week
    (RUNS x weeks); ``estimate`` is the chosen one, ``low`` and ``high`` its
    95 % band (the same width for every run). ``expected`` is what the
    estimate would be without noise: the truth, minus the carry-over the
    window has not yet seen, plus any tracking bias. ``network_size`` and
    ``friends`` count the relationship model's people over the same weeks,
    and ``referrals`` are the referrals drawn for this measurement.
    """

    params: AttributionParams
    week: np.ndarray
    adstock: np.ndarray
    runs: np.ndarray
    estimate: np.ndarray
    low: np.ndarray
    high: np.ndarray
    expected: np.ndarray
    standard_error: np.ndarray
    network_params: relationships.RelationshipParams
    network_size: np.ndarray
    friends: np.ndarray
    referrals: np.ndarray
    referral_rate: np.ndarray
    referral_low: np.ndarray
    referral_high: np.ndarray

    @property
    def half_life(self) -> float:
        return half_life(self.params.carryover)

    @property
    def seen_share(self) -> float:
        """The share of the effect of the window's spend that falls inside the window."""
        return float(self.adstock.sum() / (self.params.window_weeks * total_effect(self.params.carryover)))

    @property
    def total_referrals(self) -> int:
        return int(self.referrals.sum())


def half_life(carryover: float) -> float:
    """Weeks until an ad's remaining effect halves: ln 0.5 / ln lambda (0 with no carry-over)."""
    if carryover <= 0:
        return 0.0
    return math.log(0.5) / math.log(carryover)


def total_effect(carryover: float) -> float:
    """All the effect one week's ad ever has, in units of its first week's: 1 / (1 - lambda)."""
    return 1.0 / (1.0 - carryover)


def adstock(spend: np.ndarray, carryover: float) -> np.ndarray:
    """Geometric adstock A_t = x_t + lambda * A_(t-1), from A_0 = x_0, as one matrix product."""
    t = np.arange(len(spend))
    lag = t[:, None] - t[None, :]
    weights = np.where(lag >= 0, carryover ** np.maximum(lag, 0), 0.0)
    return weights @ spend


def weekly_noise(params: AttributionParams) -> float:
    """Standard deviation of one week's measured difference, in ROI units (per euro spent).

    Each person's weekly margin varies with standard deviation ``noise_cv`` times
    its mean; averaged over the groups compared, that becomes
    ``noise_cv * margin / spend * sqrt(1/n1 + 1/n2)``.
    """
    person = params.noise_cv * BASELINE_MARGIN / SPEND_PER_PERSON
    if params.method == "off":  # everyone, during against before, plus market swings both times
        people = person * math.sqrt(2.0 / AUDIENCE)
        swings = math.sqrt(2.0) * WEEKLY_SWING * BASELINE_MARGIN / SPEND_PER_PERSON
        return math.hypot(people, swings)
    treated, held = AUDIENCE * (1 - HOLDOUT_SHARE), AUDIENCE * HOLDOUT_SHARE
    holdout = person * math.sqrt(1.0 / treated + 1.0 / held)
    return holdout * TRACKED_NOISE_FACTOR if params.method == "tracked" else holdout


def referral_band(count: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An approximate 95 % interval on a Poisson mean from ``count`` events (Wilson-Hilferty / Byar).

    0 events give 0 to about 3.7; 5 give about 1.6 to 11.7.
    """
    k = np.asarray(count, dtype=float)
    safe = np.maximum(k, 1.0)
    low = np.where(k > 0, safe * (1 - 1 / (9 * safe) - Z / (3 * np.sqrt(safe))) ** 3, 0.0)
    up = k + 1
    high = up * (1 - 1 / (9 * up) + Z / (3 * np.sqrt(up))) ** 3
    return np.maximum(low, 0.0), high


def network_params(weeks: int) -> relationships.RelationshipParams:
    """The networking side: lesson 04's relationship model, 6 hours a week, its other defaults."""
    return relationships.RelationshipParams.from_defaults(hours_per_week=NETWORK_HOURS, weeks=weeks)


def network_over(weeks: int, seed: int) -> tuple[relationships.RelationshipResult, np.ndarray]:
    """Lesson 04's network (6 hours a week, 5 people) over the window, and this measurement's referrals.

    The network itself is the same for every measurement (it is counted, not
    sampled); only which weeks the referrals happen to come in is drawn again,
    from the same expected rate the relationship model uses.
    """
    params = network_params(weeks)
    network = relationships.simulate(params)
    stages = {s: getattr(network, s) for s in relationships.REFERRAL_WEIGHT}
    expected = relationships.expected_referrals(stages, params.referrals_per_friend_year)
    u = np.random.default_rng(seed).random(weeks)
    return network, relationships.poisson_quantile(expected, u)


def simulate(params: AttributionParams, seed: int = 0) -> AttributionResult:
    """Run the campaign over the window and measure it ``RUNS`` times, one of them yours."""
    weeks = params.window_weeks
    week = np.arange(1, weeks + 1)
    ads = adstock(np.ones(weeks), params.carryover)
    # A week's true extra margin per euro of that week's spend: (1 + ROI) spread over the carry-over.
    per_unit = (1 + params.true_roi / 100) / total_effect(params.carryover)
    lift = per_unit * ads
    bias = params.tracking_bias / 100 if params.method == "tracked" else 0.0
    expected = (np.cumsum(lift) / week - 1 + bias) * 100
    sd = weekly_noise(params)
    draws = np.random.default_rng(seed).standard_normal((RUNS, weeks))
    runs = expected[None, :] + 100 * sd * np.cumsum(draws, axis=1) / week[None, :]
    standard_error = 100 * sd / np.sqrt(week)
    estimate = runs[params.measurement - 1]
    network, referrals = network_over(weeks, seed + params.measurement - 1)
    so_far = np.cumsum(referrals)
    low, high = referral_band(so_far)
    per_year = 52.0 / week
    return AttributionResult(
        params=params,
        week=week,
        adstock=ads,
        runs=runs,
        estimate=estimate,
        low=estimate - Z * standard_error,
        high=estimate + Z * standard_error,
        expected=expected,
        standard_error=standard_error,
        network_params=network_params(weeks),
        network_size=people_met(network),
        friends=network.casual + network.friend + network.close,
        referrals=referrals,
        referral_rate=so_far * per_year,
        referral_low=low * per_year,
        referral_high=high * per_year,
    )


def people_met(network: relationships.RelationshipResult) -> np.ndarray:
    """People in the network each week: everyone met, at any stage."""
    return network.acquaintance + network.casual + network.friend + network.close
