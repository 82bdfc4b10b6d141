"""Lesson 05's self-check: each answer that follows from the attribution model or a published
figure is derived here, and the option marked right must be the one whose claim holds."""

from __future__ import annotations

import math

import numpy as np
from test_quiz import marked_right, question, the_true_option

from mediavsnet.models import attribution
from mediavsnet.models.attribution import AttributionParams

#: FACTS.md, Lewis & Rao (2015): individual sales' coefficient of variation about 10, and a
#: median interval on ROI more than 100 percentage points wide.
LEWIS_RAO_CV = 10
LEWIS_RAO_INTERVAL_POINTS = 100
ONE_MONTH_WEEKS = 4
THREE_YEARS_WEEKS = 156
HOLDOUT, TRACKED = 2, 1


def band(**changes) -> tuple[float, float, float]:
    """Expected estimate, and the band's low and high ends around it (no luck)."""
    r = attribution.simulate(AttributionParams.from_defaults(noise_cv=LEWIS_RAO_CV, **changes))
    half = (r.high[-1] - r.low[-1]) / 2
    return float(r.expected[-1]), float(r.expected[-1] - half), float(r.expected[-1] + half)


def test_a_one_month_holdout_test_cannot_tell_whether_a_campaign_pays():
    q = question("05", "one-month-test")
    assert "one month" in q.prompt and "randomised holdout" in q.prompt
    _, low, high = band(window_weeks=ONE_MONTH_WEEKS, tracking=HOLDOUT)
    _, long_low, long_high = band(window_weeks=THREE_YEARS_WEEKS, tracking=HOLDOUT)
    claims = {
        "cannot-tell": high - low > LEWIS_RAO_INTERVAL_POINTS and low < 0 < high,
        "exact-roi": high - low < 10,
        "nothing-ever": long_high - long_low > LEWIS_RAO_INTERVAL_POINTS,
    }
    assert marked_right(q) == the_true_option(q, claims)
    right = next(o for o in q.options if o.correct)
    assert f"a band about {round(high - low, -1):.0f} points wide" in right.why


def test_a_longer_window_narrows_a_biased_tracked_band_around_the_wrong_value():
    q = question("05", "longer-tracked-window")
    assert "biased by 100 points" in q.prompt
    month = band(window_weeks=ONE_MONTH_WEEKS, tracking=TRACKED, tracking_bias=100)
    years = band(window_weeks=THREE_YEARS_WEEKS, tracking=TRACKED, tracking_bias=100)
    truth = AttributionParams().true_roi
    claims = {
        "narrow-but-wrong": years[2] - years[1] < month[2] - month[1] and not years[1] <= truth <= years[2],
        "finds-truth": abs(years[0] - truth) < 5,
        "band-widens": years[2] - years[1] > month[2] - month[1],
    }
    assert marked_right(q) == the_true_option(q, claims)
    assert round(years[0] - truth, -1) == 100  # "still about 100 points too high"


def test_a_carry_over_of_half_has_a_one_week_half_life_and_a_first_week_of_half_the_effect():
    q = question("05", "half-life")
    assert "0.5 a week" in q.prompt
    lam = 0.5
    half_life = math.log(0.5) / math.log(lam)  # Broadbent's adstock, as FACTS.md gives it
    first_week_share = attribution.adstock(np.array([1.0]), lam)[0] / attribution.total_effect(lam)
    claims = {
        "one-week-half": math.isclose(attribution.half_life(lam), half_life) and half_life == 1
        and math.isclose(first_week_share, 0.5),
        "two-weeks-nothing": math.isclose(attribution.half_life(lam), 2) and first_week_share == 1,
        "no-carry": attribution.half_life(lam) == 0,
    }
    assert marked_right(q) == the_true_option(q, claims)


def test_the_network_count_is_exact_while_its_referral_rate_stays_uncertain():
    q = question("05", "network-count")
    two_years = [attribution.simulate(AttributionParams.from_defaults(window_weeks=104, measurement=m))
                 for m in (1, 2, 3)]
    counts_agree = all(np.array_equal(r.network_size, two_years[0].network_size) for r in two_years)
    first = two_years[0]
    band_ratio = first.referral_high[-1] / max(first.referral_low[-1], 1e-9)
    claims = {
        "effort-not-return": counts_agree and band_ratio > 3,
        "the-return": band_ratio < 1.2,
        "nothing": first.network_size[-1] == 0,
    }
    assert marked_right(q) == the_true_option(q, claims)
