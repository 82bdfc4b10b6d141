"""Lesson 03's content model, explorer, tables and quiz: properties over every spec range, calibration
against the published figures (typed here, never read from the module), one vendor per formula, and
the quiz answers that follow from the figures and the model."""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import params

from mediavsnet.core import text
from mediavsnet.core.specs import specs_by_name
from mediavsnet.learning.quiz import lesson_quiz
from mediavsnet.lessons.l03_content.explorer import ContentExplorer, factor_hours
from mediavsnet.lessons.l03_content.tables import depth_not_count, two_hundred_fifty_posts
from mediavsnet.models import content, posting, relationships
from mediavsnet.models.content import ContentParams

SEEDS = st.integers(0, 2**32 - 1)

# --- the published figures ----------------------------------------------------------------

#: Socialinsider (2020, weak), 22 million Instagram posts: engagement per post per follower, %.
SOCIALINSIDER_PCT = {"carousel": 1.92, "image": 1.74, "video": 1.45}
#: Rival IQ (weak): Facebook median engagement per post per follower, %.
RIVAL_IQ_FACEBOOK_PCT = 0.06
#: Hall (2019): hours together to casual friend, friend, close friend.
HALL_HOURS = {"casual": 50, "friend": 90, "close": 200}
#: Schmitt, Skiera & Van den Bulte (2011): referred customers worth at least 16 % more.
SCHMITT_PREMIUM_PCT = 16
#: Nielsen Global Trust in Advertising (2015): 83 % trust recommendations from friends and family.
NIELSEN_TRUST_PCT = 83
#: The article: "you can't do it with 250 posts on Facebook".
ARTICLE_POSTS = 250
#: The page: lesson 04's starting page, 1,000 followers (an assumption, not a published figure).
PAGE = 1_000


def pure(fmt: str, **changes) -> ContentParams:
    mix = {"image": {"video_pct": 0, "carousel_pct": 0}, "carousel": {"video_pct": 0, "carousel_pct": 100},
           "video": {"video_pct": 100}}[fmt]
    return ContentParams.from_defaults(**mix, **changes)


def at_five_a_week(fmt: str, **changes) -> ContentParams:
    """Hours that pay for exactly five posts a week of one format, where the medians hold."""
    p = pure(fmt, **changes)
    return dataclasses.replace(p, hours_per_week=5 * p.minutes()[fmt] / 60)


def deep(r) -> np.ndarray:
    net = r.networking
    return net.casual + net.friend + net.close


# --- calibration ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["image", "carousel", "video"])
def test_at_five_posts_a_week_each_format_earns_socialinsiders_rate(fmt):
    """1,000 followers x 1.74 % = 17.4 likes, comments and shares per single image, and so on."""
    r = content.simulate(at_five_a_week(fmt))
    assert r.posts_per_week == pytest.approx(5)
    assert r.engagement_per_post == pytest.approx(PAGE * SOCIALINSIDER_PCT[fmt] / 100, rel=1e-9)


def test_between_the_published_points_a_mix_earns_the_weighted_rate():
    """Half videos, and half the still posts carousels: 0.5 x 1.45 + 0.25 x 1.92 + 0.25 x 1.74 = 1.64 %."""
    p = ContentParams.from_defaults(video_pct=50, carousel_pct=50, minutes_per_post=60, carousel_minutes=60,
                                    video_minutes=60, hours_per_week=5)
    expected = 0.5 * SOCIALINSIDER_PCT["video"] + 0.25 * SOCIALINSIDER_PCT["carousel"] \
        + 0.25 * SOCIALINSIDER_PCT["image"]
    assert content.simulate(p).engagement_per_post == pytest.approx(PAGE * expected / 100, rel=1e-9)


def test_the_explorer_tells_a_learner_the_published_rate():
    """All single images at five a week: the line says about 17 likes, comments and shares a post."""
    p = at_five_a_week("image")
    explorer = ContentExplorer(video_pct=0, carousel_pct=0, hours_per_week=p.hours_per_week)
    said = re.search(r"each earning about ([\d.]+) likes", explorer.summary)
    assert said and float(said.group(1)) == round(PAGE * SOCIALINSIDER_PCT["image"] / 100)


def test_the_posting_line_says_why_the_total_is_not_the_posts_times_each_posts_engagement():
    """Over 4 weeks, good and bad weeks move the total well away from posts times "about 22":
    the line names them, rather than leave a learner to find that its product is wrong."""
    explorer = ContentExplorer(weeks=4)
    line = explorer.summary.splitlines()[1]
    number = r"([\d,.]+)"
    patterns = (rf"^Posting: {number} posts", rf"each earning about {number} likes",
                rf"\), {number} likes, comments and shares in all")
    posts, per_post, total = (float(re.search(p, line).group(1).replace(",", "")) for p in patterns)
    assert abs(total - posts * per_post) > 0.05 * total
    assert "in an average week; with good and bad weeks (an assumption)," in line


def test_small_talk_counts_as_halls_hours():
    """No questions: one hour a week with one person makes a casual friend after about 50 weeks."""
    p = ContentParams.from_defaults(hours_per_week=1, people=1, question_pct=0, weeks=156)
    r = content.simulate(p, seed=0)
    chemistry = relationships.chemistry(1, 0)[0]
    week = int(np.argmax(deep(r) > 0)) + 1
    assert HALL_HOURS["casual"] <= week * chemistry < HALL_HOURS["casual"] + chemistry


@pytest.mark.parametrize("stage", ["casual", "friend", "close"])
def test_deep_hours_reach_halls_stages_sooner_by_the_depth(stage):
    """All questions at double weight: Hall's hours come in half the weeks, at every stage."""
    people = 10
    p = ContentParams.from_defaults(hours_per_week=people, people=people, question_pct=100,
                                    deep_hour_weight=2, weeks=156)
    r = content.simulate(p, seed=1)
    chemistry = relationships.chemistry(people, 1)
    order = relationships.STAGES[relationships.STAGES.index(stage):]
    for k in range(people):
        counts = relationships.stage_counts(r.networking.closeness[:, [k]])
        week = int(np.argmax(sum(counts[s] for s in order) > 0)) + 1
        effective = 2 * week * chemistry[k]
        assert HALL_HOURS[stage] <= effective + 1e-9 < HALL_HOURS[stage] + 2 * chemistry[k]


def test_facebook_250_posts_is_rival_iqs_median_alone():
    """The article's 250 posts on Facebook: 250 x 1,000 x 0.06 % = 150 likes, comments and shares."""
    by_hand = ARTICLE_POSTS * PAGE * RIVAL_IQ_FACEBOOK_PCT / 100
    row = next(line for line in two_hundred_fifty_posts().splitlines() if line.startswith("Facebook"))
    assert re.search(rf"\b{by_hand:,.0f}\b", row), row


@pytest.mark.parametrize(("fmt", "row"), [("image", "Single images"), ("carousel", "Carousels"),
                                          ("video", "Videos")])
def test_250_instagram_posts_earn_socialinsiders_rate_times_the_page(fmt, row):
    by_hand = ARTICLE_POSTS * PAGE * SOCIALINSIDER_PCT[fmt] / 100
    line = next(x for x in two_hundred_fifty_posts().splitlines() if x.startswith(row))
    assert f"{by_hand:,.0f}" in line.split(), line


def test_the_250_posts_table_states_each_vendors_figure_and_the_same_hours_go_to_conversations():
    table = two_hundred_fifty_posts()
    for fmt, pct in SOCIALINSIDER_PCT.items():
        assert f"{fmt} {pct:.2f} %" in table
    assert f"Rival IQ median {RIVAL_IQ_FACEBOOK_PCT:.2f} %" in table
    # 250 single images at 45 minutes: 187.5 hours, said as 188
    image = next(x for x in table.splitlines() if x.startswith("Single images"))
    assert "188" in image.split()


def test_the_lesson_cites_schmitt_and_nielsen_as_published():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "notebooks" / "03-content.ipynb").read_text("utf-8")
    assert f"at least {SCHMITT_PREMIUM_PCT} % more" in text
    assert f"{NIELSEN_TRUST_PCT} % of people said they trust recommendations" in text


# --- one vendor per formula ------------------------------------------------------------------


def test_posting_engagement_never_uses_rival_iqs_rate(monkeypatch):
    """Changing Rival IQ's Facebook median changes nothing the content model computes."""
    before = content.simulate(ContentParams())
    spec = specs_by_name(posting.SPECS)["engagement_pct"]
    monkeypatch.setattr(posting, "SPECS", tuple(dataclasses.replace(s, default=0.5) if s is spec else s
                                                for s in posting.SPECS))
    monkeypatch.setattr(posting.PostingParams, "engagement_pct", 0.5)
    after = content.simulate(ContentParams())
    np.testing.assert_array_equal(before.engagements, after.engagements)


def test_the_facebook_row_never_uses_socialinsiders_rates(monkeypatch):
    before = next(x for x in two_hundred_fifty_posts().splitlines() if x.startswith("Facebook"))
    monkeypatch.setitem(content.ENGAGEMENT_PCT_BY_FORMAT, "image", 9.99)
    after = next(x for x in two_hundred_fifty_posts().splitlines() if x.startswith("Facebook"))
    assert before == after


def test_every_rate_in_the_content_model_is_socialinsiders():
    assert content.ENGAGEMENT_PCT_BY_FORMAT == SOCIALINSIDER_PCT
    assert content.ENGAGEMENT_SOURCE.startswith("Socialinsider")


# --- properties over every spec range ----------------------------------------------------------


@given(params(ContentParams), SEEDS)
def test_every_setting_runs_and_gives_sane_numbers(p, seed):
    r = content.simulate(p, seed)
    for array in (r.engagements, r.engagements_so_far, r.posts, r.networking.referrals):
        assert len(array) == p.weeks
        assert np.all(np.isfinite(array)) and np.all(array >= 0)
    assert np.all(np.diff(r.engagements_so_far) >= 0)
    assert math.isclose(r.posts_per_week * content.average_minutes(p), p.hours_per_week * 60)
    assert 1 <= r.depth <= p.deep_hour_weight
    assert r.networking.total_hours == pytest.approx(r.total_hours)


@given(params(ContentParams), SEEDS)
def test_same_seed_same_result(p, seed):
    a, b = content.simulate(p, seed), content.simulate(p, seed)
    np.testing.assert_array_equal(a.engagements, b.engagements)
    np.testing.assert_array_equal(a.networking.closeness, b.networking.closeness)
    np.testing.assert_array_equal(a.networking.referrals, b.networking.referrals)


def one_step_more(p, field):
    spec = specs_by_name(ContentParams.SPECS)[field]
    value = getattr(p, field) + spec.step
    return None if value > spec.max + 1e-9 else dataclasses.replace(p, **{field: value})


@pytest.mark.parametrize("field", ["hours_per_week", "question_pct", "deep_hour_weight"])
def test_more_conversation_hours_or_depth_never_give_fewer_deep_ties_or_referrals(field):
    @given(params(ContentParams), SEEDS)
    def check(p, seed):
        more = one_step_more(p, field)
        if more is None:
            return
        a, b = content.simulate(p, seed), content.simulate(more, seed)
        for stage in ("casual", "friend", "close"):
            deeper = relationships.STAGES[relationships.STAGES.index(stage):]
            assert np.all(sum(getattr(b.networking, s) for s in deeper)
                          >= sum(getattr(a.networking, s) for s in deeper)), stage
        assert b.networking.total_referrals >= a.networking.total_referrals

    check()


@given(params(ContentParams), SEEDS)
def test_more_posting_hours_never_earn_fewer_engagements(p, seed):
    """Fatigue below one: each post does worse, the total still grows."""
    more = one_step_more(p, "hours_per_week")
    if more is None:
        return
    a, b = content.simulate(p, seed), content.simulate(more, seed)
    assert np.all(b.engagements_so_far >= a.engagements_so_far - 1e-9)


@given(params(ContentParams), SEEDS)
def test_the_format_mix_moves_only_the_posting_side(p, seed):
    other = dataclasses.replace(p, video_pct=100 - p.video_pct, carousel_pct=100 - p.carousel_pct)
    a, b = content.simulate(p, seed).networking, content.simulate(other, seed).networking
    np.testing.assert_array_equal(a.closeness, b.closeness)


@given(params(ContentParams), SEEDS)
def test_depth_moves_only_the_conversation_side(p, seed):
    other = dataclasses.replace(p, question_pct=100 - p.question_pct)
    a, b = content.simulate(p, seed), content.simulate(other, seed)
    np.testing.assert_array_equal(a.engagements, b.engagements)


def test_depth_one_is_lesson_04s_relationship_model_exactly():
    """Lesson 04's results stay as they were: the new depth weight defaults to one hour per hour."""
    p = relationships.RelationshipParams.from_defaults(people=40, hours_per_week=3, weeks=156)
    a, b = relationships.simulate(p, 7), relationships.simulate(p, 7, depth=1.0)
    np.testing.assert_array_equal(a.closeness, b.closeness)
    assert a.faded_hours == b.faded_hours


def test_a_depth_of_nothing_is_refused():
    with pytest.raises(ValueError, match="depth"):
        relationships.simulate(relationships.RelationshipParams(), depth=0)


@pytest.mark.parametrize("kind", ["below", "above"])
def test_bad_values_name_the_parameter_and_the_range(kind):
    for spec in ContentParams.SPECS:
        bad = spec.min - spec.step if kind == "below" else spec.max + spec.step
        with pytest.raises(ValueError, match=re.escape(spec.name)):
            ContentParams.from_defaults(**{spec.name: bad})


# --- the explorer and the tables ------------------------------------------------------------------


def test_the_explorer_draws_both_hues_and_updates_in_place():
    from mediavsnet.core import palette
    explorer = ContentExplorer()
    assert explorer.fig.data[0].line.color == palette.MEDIA
    assert explorer.fig.data[3].line.color == palette.NETWORKING  # friends
    traces = [id(t) for t in explorer.fig.data]
    explorer.set(video_pct=100)
    assert [id(t) for t in explorer.fig.data] == traces
    r = content.simulate(ContentParams(**explorer.values()))
    np.testing.assert_allclose(explorer.fig.data[0].y, np.round(r.engagements_so_far, 1))
    np.testing.assert_array_equal(explorer.fig.data[-1].y, np.cumsum(r.networking.referrals))


def test_the_depth_table_shows_depth_and_not_count():
    rows = depth_not_count().splitlines()[3:]
    assert rows[0].startswith("5 people") and rows[0].split()[-1] == "0"  # small talk: no referral yet
    assert rows[2].startswith("5 people") and int(rows[2].split()[-1]) > 0  # all questions: referrals
    assert rows[-1].startswith("50 people") and rows[-1].split()[-1] == "0"


# --- quiz answers that follow from the figures and the model -------------------------------------


def question(qid):
    return next(q for q in lesson_quiz("03").questions if q.id == qid)


def marked_right(q) -> str:
    return next(o.id for o in q.options if o.correct)


def test_facebook_250_question_follows_from_rival_iqs_median():
    q = question("facebook-250")
    assert "1,000 followers" in q.prompt and "250 posts" in q.prompt and "0.06 %" in q.prompt
    total = ARTICLE_POSTS * PAGE * RIVAL_IQ_FACEBOOK_PCT / 100
    claims = {"about-150": 120 <= total <= 180, "about-2500": 2_000 <= total <= 3_000,
              "about-250000": total >= 200_000}
    assert [k for k, v in claims.items() if v] == [marked_right(q)]


def test_format_per_hour_question_follows_from_the_model():
    q = question("format-per-hour")
    defaults = ContentParams()
    minutes = defaults.minutes()
    assert all(f"{minutes[f]:.0f}" in q.prompt for f in content.FORMATS)
    per_hour = {f: content.simulate(at_five_a_week(f)).engagement_per_post * 60 / minutes[f]
                for f in content.FORMATS}
    best = max(per_hour, key=per_hour.get)
    ids = {"image": "single-images", "carousel": "carousels", "video": "videos"}
    assert ids[best] == marked_right(q)
    # and the figures the explanations give
    assert max(SOCIALINSIDER_PCT, key=SOCIALINSIDER_PCT.get) == "carousel"
    more = SOCIALINSIDER_PCT["carousel"] / SOCIALINSIDER_PCT["image"] - 1
    assert round(more, 1) == 0.1  # "about 10 % more"
    assert 0.45 <= per_hour["carousel"] / per_hour["image"] <= 0.6  # "about half as much per hour"


def test_the_posts_so_far_are_the_posts_a_week_times_the_weeks():
    """The posting line's "N posts" is every post of the horizon, week after week."""
    r = content.simulate(ContentParams())
    np.testing.assert_allclose(r.posts, r.posts_per_week * np.arange(1, r.params.weeks + 1))
    explorer = ContentExplorer()
    assert f"Posting: {text.few(r.posts_per_week * r.params.weeks, 'post')} (" in explorer.summary


@pytest.mark.parametrize(("depth", "written"), [
    (1, "1 hour"), (0.5, "0.5 hours"), (1.25, "1.25 hours"), (2, "2 hours"), (0.333333, "0.33 hours"),
    (2.999, "3 hours")])
def test_an_hours_weight_is_written_to_two_decimals_at_most_and_none_needless(depth, written):
    assert factor_hours(depth) == written


@pytest.mark.parametrize(("weeks", "said"), [
    (4, "1 every 16 weeks, longer than the 4 weeks shown, so perhaps none yet, each earning"),
    (15, "1 every 16 weeks, longer than the 15 weeks shown, so perhaps none yet, each earning"),
    (16, "1 every 16 weeks, each earning"),  # one is due by the last week
])
def test_a_post_rarer_than_the_horizon_is_said_to_be_perhaps_not_out_yet(weeks, said):
    # half an hour a week of 8-hour videos: one video every 16 weeks
    explorer = ContentExplorer(hours_per_week=0.5, video_pct=100, carousel_pct=0, video_minutes=480,
                               weeks=weeks)
    assert said in explorer.summary.splitlines()[1]


def test_a_close_friend_made_in_the_last_week_is_counted():
    """Ten hours a week with one person: the first close friend comes in week 16, the last shown."""
    assert ContentExplorer(hours_per_week=10, people=1, weeks=15).summary.splitlines()[3].startswith(
        "That built 0 close friends, 1 friend,")
    assert ContentExplorer(hours_per_week=10, people=1, weeks=16).summary.splitlines()[3].startswith(
        "That built 1 close friend, 0 friends,")
