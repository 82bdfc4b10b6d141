"""Lesson 05, ROI: one measurement is a draw; the share of measurements that say "pays" is the claim.

The explorer shows 20 repeated measurements of one campaign (seed 0); a sentence
about what a window of data tells is checked over 20 x 20 = 400 measurements
(20 seeds of 20), and a count of "the 20" at seed 0, the run shown.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from claims import says

from mediavsnet.models import attribution
from mediavsnet.models.attribution import AttributionParams

LESSON = "05-roi.ipynb"
TRUE_ROI = AttributionParams().true_roi


@cache
def final_bands(window_weeks: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Every repeated measurement's final 95 % band, low and high, in one run."""
    result = attribution.simulate(AttributionParams(window_weeks=window_weeks), seed)
    half = attribution.Z * result.standard_error[-1]
    return result.runs[:, -1] - half, result.runs[:, -1] + half


def shares(window_weeks: int, seeds: range = range(20)) -> tuple[float, float]:
    """Over 400 measurements: the share saying "pays" (band above break-even) and with the truth inside."""
    lows, highs = zip(*(final_bands(window_weeks, seed) for seed in seeds), strict=True)
    low, high = np.concatenate(lows), np.concatenate(highs)
    return float((low > 0).mean()), float(((low <= TRUE_ROI) & (TRUE_ROI <= high)).mean())


def test_a_year_of_data_says_pays_about_half_the_time():
    says(LESSON, "At a year this measurement says the campaign pays, but only 9 of the 20 do: "
                 "over many runs, about half")
    low, _ = final_bands(52, 0)
    assert low[0] > 0 and int((low > 0).sum()) == 9
    pays, _ = shares(52)
    assert 0.4 < pays < 0.6, pays


def test_three_years_say_pays_about_24_times_in_25():
    says(LESSON, "At three years 18 of the 20 say it pays (about 24 in 25 over many runs)")
    low, _ = final_bands(156, 0)
    assert int((low > 0).sum()) == 18
    pays, _ = shares(156)
    assert 0.93 < pays < 0.99, pays  # 24 in 25 is 0.96


def test_at_every_window_about_19_bands_in_20_hold_the_truth():
    says(LESSON, "in every case about 19 measurements in 20 have the truth inside their band")
    for weeks in (4, 52, 156):
        _, inside = shares(weeks)
        assert 0.92 < inside < 0.98, (weeks, inside)


def test_the_network_s_five_referrals_are_a_lucky_draw():
    says(LESSON, "Five was a lucky draw: over 400 measurements the same network sends about 2 referrals "
                 "in two years (5 or more in 1 in 25, none in about 1 in 7), the first one around week 66")
    counts, firsts = [], []
    for measurement in range(400):
        _, referrals = attribution.network_over(104, measurement)
        so_far = np.cumsum(referrals)
        counts.append(so_far[-1])
        if so_far[-1]:
            firsts.append(int(np.argmax(so_far >= 1)) + 1)
    counts = np.array(counts)
    assert counts[0] == 5 and counts[1] == 0 and firsts[0] == 78  # measurements 1 and 2, as shown
    assert round(counts.mean()) == 2
    assert 0.02 < (counts >= 5).mean() < 0.06 and 0.1 < (counts == 0).mean() < 0.18
    assert 60 <= np.median(firsts) <= 72
