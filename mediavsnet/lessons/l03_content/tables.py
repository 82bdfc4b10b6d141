"""Lesson 03's kept text tables: the article's "250 posts" checked, and depth against count.

Lesson 03 keeps their output in git (cells tagged ``keep_output``), so they show
on GitHub and the tests compare them on every run. They run the same model as
the lesson's explorer (:mod:`mediavsnet.models.content`).
"""

from __future__ import annotations

from collections.abc import Sequence

from mediavsnet.core import text
from mediavsnet.core.strings import t
from mediavsnet.core.tables import text_table
from mediavsnet.models import content, posting
from mediavsnet.models.content import ContentParams

#: The article: "you can't do it with 250 posts on Facebook".
ARTICLE_POSTS = 250


def two_hundred_fifty_posts(per_week: float = 5.0, people: int | None = None) -> str:
    """What the article's 250 posts buy, by format, and what the same hours in conversations buy.

    Posts go out at ``per_week`` (five a week is the rate at which the engagement
    medians are assumed to hold, so fatigue neither helps nor hurts), from a page
    of the model's followers. Each Instagram row uses Socialinsider's rate for its
    format only; the Facebook row uses Rival IQ's median only (lesson 04's
    posting default), with a single image's making time. Engagements are
    expected values. The conversations get the same hours a week, over the same
    weeks, at the explorer's default depth.
    """
    defaults = ContentParams()
    people = defaults.people if people is None else people
    weeks = ARTICLE_POSTS / per_week
    pure = {"image": {"video_pct": 0.0, "carousel_pct": 0.0},
            "carousel": {"video_pct": 0.0, "carousel_pct": 100.0},
            "video": {"video_pct": 100.0}}
    rows = []
    for name, mix in (*pure.items(), ("facebook", pure["image"])):
        minutes = content.average_minutes(ContentParams.from_defaults(**mix))
        params = ContentParams.from_defaults(
            hours_per_week=per_week * minutes / 60.0, weeks=int(weeks), people=people, **mix)
        result = content.simulate(params)
        if name == "facebook":
            facebook_pct = posting.PostingParams().engagement_pct  # Rival IQ, Facebook median
            per_post = content.FOLLOWERS * posting.engagement_per_post(per_week, facebook_pct, params.fatigue)
        else:
            per_post = result.engagement_per_post
        net = result.networking
        rows.append([
            t(f"content_tables.row_{name}"),
            text.number(ARTICLE_POSTS * minutes / 60.0),
            text.number(ARTICLE_POSTS * per_post),
            f"{net.close[-1]} / {net.friend[-1]} / {net.casual[-1]}",
            text.number(net.total_referrals),
        ])
    header = [t("content_tables.posts"), t("content_tables.hours"), t("content_tables.engagements"),
              t("content_tables.ties"), t("content_tables.referrals")]
    title = t("content_tables.posts_title", per_week=text.number(per_week), weeks=text.count(weeks, "week"),
              followers=text.number(content.FOLLOWERS), people=text.count(people, "person"),
              questions=text.number(defaults.question_pct))
    rates = ", ".join(f"{f} {text.number(r, 2)} %" for f, r in content.ENGAGEMENT_PCT_BY_FORMAT.items())
    note = t("content_tables.posts_note", instagram=f"{content.ENGAGEMENT_SOURCE}: {rates}",
             facebook=f"Rival IQ median {text.number(posting.PostingParams().engagement_pct, 2)} %")
    return title + "\n" + text_table(header, rows) + "\n" + note


def depth_not_count(
    hours_per_week: float = 3.0,
    settings: Sequence[tuple[int, float]] = ((5, 0.0), (5, 50.0), (5, 100.0), (15, 100.0), (50, 100.0)),
    weeks: int = 104,
) -> str:
    """The same conversation hours, at different depths and spread over more or fewer people."""
    rows = []
    for people, questions in settings:
        result = content.simulate(ContentParams.from_defaults(
            hours_per_week=hours_per_week, people=people, question_pct=questions, weeks=weeks))
        net = result.networking
        each = result.total_hours / people
        rows.append([
            text.count(people, "person"),
            f"{text.number(questions)} %",
            text.number(each, text.decimals_for(each)),
            text.number(each * result.depth, text.decimals_for(each * result.depth)),
            f"{net.close[-1]} / {net.friend[-1]} / {net.casual[-1]}",
            text.number(net.acquaintance[-1]),
            text.number(net.total_referrals),
        ])
    header = [t("content_tables.people"), t("content_tables.questions"), t("content_tables.hours_each"),
              t("content_tables.worth"), t("content_tables.close_friend_casual"),
              t("content_tables.acquaintances"), t("content_tables.referrals")]
    title = t("content_tables.depth_title", hours=text.hours(hours_per_week), weeks=text.duration(weeks))
    return title + "\n" + text_table(header, rows)
