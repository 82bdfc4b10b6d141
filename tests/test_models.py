"""Models: invariants over the full parameter ranges, calibration against FACTS.md, validation."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import params, value

from mediavsnet.core.specs import specs_by_name
from mediavsnet.models import posting, relationships, time_budget
from mediavsnet.models.posting import PostingParams
from mediavsnet.models.relationships import RelationshipParams
from mediavsnet.models.time_budget import TimeBudgetParams

MODELS = [
    (PostingParams, posting.simulate),
    (RelationshipParams, relationships.simulate),
    (TimeBudgetParams, time_budget.simulate),
]
SEEDS = st.integers(0, 2**32 - 1)


def arrays(result) -> dict[str, np.ndarray]:
    """Every numeric array in a result (nested results included)."""
    out = {}
    for field in dataclasses.fields(result):
        value = getattr(result, field.name)
        if isinstance(value, np.ndarray):
            out[field.name] = value
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            if field.name != "params":
                out.update({f"{field.name}.{k}": v for k, v in arrays(value).items()})
    return out


def at_least(result, stage: str) -> np.ndarray:
    """How many relationships are at ``stage`` or deeper, week by week."""
    deeper = relationships.STAGES[relationships.STAGES.index(stage):]
    return sum(getattr(result, s) for s in deeper)


def with_more(p, field: str):
    """The same parameters with one more step of ``field`` (or None at the top)."""
    spec = specs_by_name(p.SPECS)[field]
    current = getattr(p, field)
    if current + spec.step > spec.max + 1e-9:
        return None
    return dataclasses.replace(p, **{field: current + spec.step})


# --- properties over the full ranges ---------------------------------------------------


@pytest.mark.parametrize(("cls", "simulate"), MODELS, ids=lambda x: getattr(x, "__name__", ""))
def test_every_setting_runs_and_gives_sane_numbers(cls, simulate):
    @given(params(cls), SEEDS)
    def check(p, seed):
        result = simulate(p, seed)
        for name, array in arrays(result).items():
            assert np.all(np.isfinite(array)), name
            assert np.all(array >= 0), name
            assert len(array) == p.weeks, name

    check()


@pytest.mark.parametrize(("cls", "simulate"), MODELS, ids=lambda x: getattr(x, "__name__", ""))
def test_same_seed_same_result(cls, simulate):
    @given(params(cls), SEEDS)
    def check(p, seed):
        first, second = arrays(simulate(p, seed)), arrays(simulate(p, seed))
        for name in first:
            np.testing.assert_array_equal(first[name], second[name], err_msg=name)

    check()


@given(params(PostingParams), SEEDS)
def test_more_posting_hours_never_give_fewer_followers(p, seed):
    more = with_more(p, "hours_per_week")
    if more is None:
        return
    a, b = posting.simulate(p, seed), posting.simulate(more, seed)
    assert np.all(b.followers >= a.followers - 1e-9)
    assert np.all(b.engagements >= a.engagements - 1e-9)
    # At the published estimates' low end, reach grows too, ever more slowly; unless a single post
    # already reaches every active follower, when a little fatigue can only take some away.
    if p.fatigue <= 0.5:
        room = a.per_post_reach < a.active
        assert np.all(b.reached[room] >= a.reached[room] - 1e-9)


def test_with_strong_fatigue_more_posts_can_reach_fewer_people():
    """Near b = 1 each extra post cuts every post's reach almost in proportion: a flood reaches fewer."""
    reach = {n: posting.simulate(PostingParams(hours_per_week=n * 0.75, fatigue=0.95)).reached[-1]
             for n in (2, 12)}
    assert reach[12] < reach[2]


@given(params(RelationshipParams), SEEDS)
def test_more_networking_hours_never_give_fewer_friendships(p, seed):
    more = with_more(p, "hours_per_week")
    if more is None:
        return
    a, b = relationships.simulate(p, seed), relationships.simulate(more, seed)
    for stage in ("casual", "friend", "close"):
        assert np.all(at_least(b, stage) >= at_least(a, stage)), stage
    assert b.total_referrals >= a.total_referrals


@given(params(TimeBudgetParams), SEEDS)
def test_moving_the_split_trades_one_side_for_the_other(p, seed):
    more = with_more(p, "media_share")
    if more is None:
        return
    a, b = time_budget.simulate(p, seed), time_budget.simulate(more, seed)
    assert np.all(b.media.followers >= a.media.followers - 1e-9)
    for stage in ("casual", "friend", "close"):
        assert np.all(at_least(b.networking, stage) <= at_least(a.networking, stage)), stage


@given(params(RelationshipParams), SEEDS)
def test_stages_account_for_everyone_met_and_respect_the_hours(p, seed):
    r = relationships.simulate(p, seed)
    met = (r.closeness > 0).sum(axis=1)
    total = r.acquaintance + r.casual + r.friend + r.close
    np.testing.assert_array_equal(total, met)
    assert np.all(total <= p.people)
    # Dunbar: no more close friends than the sympathy group holds
    assert np.all(r.close <= relationships.CLOSE_LAYER)
    # a budget cannot hold more close friends than its hours (with the best chemistry) allow
    hours_so_far = np.cumsum(r.hours)
    most = hours_so_far * (1 + relationships.CHEMISTRY_SPREAD) / relationships.CLOSE_FRIEND_HOURS
    assert np.all(r.close <= most + 1e-9)


@given(params(PostingParams), SEEDS)
def test_followers_never_exceed_the_potential_audience(p, seed):
    r = posting.simulate(p, seed)
    assert np.all(r.followers <= max(p.potential_audience, p.start_followers) + 1e-6)
    assert np.all(r.active <= r.followers + 1e-9)
    assert np.all(r.reached <= r.active + 1e-9), "a week's reach is among the active followers"
    assert np.all(r.per_post_reach <= r.active + 1e-9)
    if r.posts_per_week >= 1:
        assert np.all(r.reached >= r.per_post_reach - 1e-9), "a week's posts reach at least what one does"


def test_a_flood_of_posts_saturates():
    """240 posts a week reach well under half the followers, not nearly all as independent posts would."""
    r = posting.simulate(PostingParams(hours_per_week=40, minutes_per_post=10))
    assert r.posts_per_week == 240
    assert r.reached[-1] < 0.6 * r.active[-1]
    independent = 1 - (1 - r.per_post_reach[-1] / r.active[-1]) ** r.posts_per_week
    assert independent > 0.99


# --- calibration against FACTS.md ------------------------------------------------------


def test_hall_one_hour_a_week_with_one_person():
    """FACTS.md, Hall (2019): at one hour a week, a casual friend in about a year, close in about four."""
    casual = relationships.weeks_to_reach(relationships.CASUAL_FRIEND_HOURS, 1.0)
    close = relationships.weeks_to_reach(relationships.CLOSE_FRIEND_HOURS, 1.0)
    assert 40 <= casual <= 65
    assert 3 * 52 <= close <= 5 * 52


def test_hall_check_in_the_simulation_itself():
    """The same check through simulate(): the median person of many, seen an hour a week each."""
    people = 40
    p = RelationshipParams(hours_per_week=people, people=people, session_minutes=60, weeks=156)
    r = relationships.simulate(p, seed=3)
    median_weeks_to_casual = np.median(np.argmax(r.closeness >= 50, axis=0) + 1)
    assert 40 <= median_weeks_to_casual <= 65


def test_closed_form_matches_the_simulation():
    p = RelationshipParams(hours_per_week=3, people=10, session_minutes=30, decay_per_year=0.3, weeks=156)
    hours = relationships.closeness_over_time(p, seed=0) / relationships.chemistry(p.people, 0)
    weeks = relationships.weeks_to_reach(30, 0.3, relationships.contact_share(p), 0.3)
    first_person = hours[:, 0]
    assert first_person[weeks - 1] >= 30 > first_person[weeks - 2]


def test_decay_default_is_sourced_and_in_the_published_range():
    """FACTS.md: Dunbar's 15 % a year to Kraut's three years, about 0.16 to 0.4 a year."""
    spec = specs_by_name(relationships.SPECS)["decay_per_year"]
    assert 0.16 <= spec.default <= 0.4
    assert "Dunbar" in spec.source and "Kraut" in spec.source
    assert spec.min <= 0.16 and spec.max >= 0.4


def test_neglect_fades_and_contact_holds():
    """Roberts & Dunbar (2015): more contact offsets the decline."""
    seen_weekly = RelationshipParams(hours_per_week=1, people=2, session_minutes=30, weeks=104)
    seen_rarely = RelationshipParams(hours_per_week=1, people=20, session_minutes=30, weeks=104)
    assert relationships.contact_share(seen_weekly) == 1.0
    assert relationships.contact_share(seen_rarely) < 1.0
    fast = dataclasses.replace(seen_rarely, decay_per_year=0.4)
    faded = relationships.simulate(fast).closeness[-1].sum()
    assert faded < relationships.simulate(seen_rarely).closeness[-1].sum()


@given(params(RelationshipParams), SEEDS)
def test_faded_hours_are_what_fading_took_and_only_when_people_wait(p, seed):
    """The explorer says how much fading cost: the gap to the same hours without fading."""
    result = relationships.simulate(p, seed)
    kept = relationships.simulate(dataclasses.replace(p, decay_per_year=0.0), seed)
    assert result.faded_hours >= 0
    assert math.isclose(
        result.faded_hours, (kept.closeness[-1] - result.closeness[-1]).sum(), rel_tol=1e-9, abs_tol=1e-9
    )
    assert result.contact == relationships.contact_share(p)
    if result.contact >= 1 or p.decay_per_year == 0:
        assert result.faded_hours == 0
    faster = dataclasses.replace(p, decay_per_year=min(0.6, p.decay_per_year + 0.1))
    assert relationships.simulate(faster, seed).faded_hours >= result.faded_hours - 1e-9


@given(value(specs_by_name(posting.SPECS)["fatigue"]))
def test_fatigue_lowers_each_post_but_total_engagement_still_grows(b):
    """FACTS.md: per-post engagement ~ n^-b with b < 1 (HubSpot 0.28, Track Social 0.8)."""
    measured = np.array([1.2, 2, 5, 10, 13.8])  # posts a week, within 5 to 60 a month
    per_post = np.array([posting.engagement_per_post(n, 0.06, b) for n in measured])
    assert np.all(np.diff(per_post * measured) > 0)
    if b > 0:
        assert np.all(np.diff(per_post) < 0)
    everywhere = np.array([0.1, 1, 2, 5, 10, 30, 60, 240])
    per_post = np.array([posting.engagement_per_post(n, 0.06, b) for n in everywhere])
    assert np.all(np.diff(per_post) <= 0)
    assert np.all(np.diff(per_post * everywhere) > 0)


def test_fatigue_range_keeps_b_below_one():
    assert specs_by_name(posting.SPECS)["fatigue"].max < 1


def test_organic_reach_matches_locowise_bins():
    """FACTS.md, Locowise 2015 (weak): 11 % under 10k, 6 % at 10k-100k, 5 % above."""
    assert posting.organic_reach(1_000) == pytest.approx(0.11)
    assert posting.organic_reach(30_000) == pytest.approx(0.06)
    assert posting.organic_reach(500_000) == pytest.approx(0.05)
    sizes = np.geomspace(100, 1_000_000, 200)
    reach = posting.organic_reach(sizes)
    assert np.all(np.diff(reach) <= 0)
    assert np.all(np.diff(reach * sizes) > 0)  # bigger pages still reach more people per post


def test_default_engagement_is_rival_iq_facebook_median():
    assert specs_by_name(posting.SPECS)["engagement_pct"].default == pytest.approx(0.06)


def test_dunbar_cap_holds_at_the_largest_budget():
    """FACTS.md, Dunbar's layers: at most about 15 people can be this close at once."""
    spec = specs_by_name(relationships.SPECS)
    p = RelationshipParams(hours_per_week=spec["hours_per_week"].max, people=25,
                           session_minutes=spec["session_minutes"].max, decay_per_year=0.0, weeks=156)
    r = relationships.simulate(p)
    assert r.close.max() == relationships.CLOSE_LAYER
    assert (r.closeness[-1] >= relationships.CLOSE_FRIEND_HOURS).sum() > relationships.CLOSE_LAYER


@given(params(PostingParams), SEEDS)
def test_a_new_page_grows_from_nothing_when_it_posts(p, seed):
    """People who do not follow the page find its posts (shares, search, recommendations)."""
    new = dataclasses.replace(p, start_followers=0)
    r = posting.simulate(new, seed)
    if r.posts_per_week > 0 and p.discovery_per_post > 0 and p.weeks > 1:
        assert r.followers[-1] > 0
    else:
        assert r.followers[-1] == 0


def test_the_fatigue_law_is_flat_outside_the_frequencies_it_was_measured_on():
    """HubSpot compared 5 or fewer posts a month with over 60: no stretching beyond."""
    low, high = 5 * 12 / 52, 60 * 12 / 52
    for b in (0.3, 0.95):
        assert posting.fatigue_factor(low / 30, b) == posting.fatigue_factor(low, b)
        assert posting.fatigue_factor(high * 20, b) == posting.fatigue_factor(high, b)
        assert posting.fatigue_factor(low, b) == pytest.approx((low / 5) ** -b)
    # one post every 30 weeks earns at most about four times the median, not 117 times
    assert posting.engagement_per_post(1 / 30, 0.06, 0.95) / 0.0006 < 4.1


def test_time_budget_splits_the_hours_exactly():
    p = TimeBudgetParams(weekly_hours=7, media_share=30)
    r = time_budget.simulate(p)
    assert r.media.total_hours + r.networking.total_hours == pytest.approx(7 * p.weeks)


# --- validation ------------------------------------------------------------------------

BAD = ["below", "above", "nan", "text", "fraction"]


@pytest.mark.parametrize("cls", [m[0] for m in MODELS], ids=lambda c: c.__name__)
@pytest.mark.parametrize("kind", BAD)
def test_bad_values_name_the_parameter_the_value_and_the_range(cls, kind):
    for spec in cls.SPECS:
        bad = {
            "below": spec.min - spec.step,
            "above": spec.max + spec.step,
            "nan": math.nan,
            "text": "lots",
            "fraction": spec.min + 0.5 if spec.integer else None,
        }[kind]
        if bad is None:
            continue
        with pytest.raises(ValueError) as caught:
            cls.from_defaults(**{spec.name: bad})
        message = str(caught.value)
        assert spec.name in message
        assert repr(bad) in message or str(bad) in message
        assert f"{spec.min:g}" in message and f"{spec.max:g}" in message
