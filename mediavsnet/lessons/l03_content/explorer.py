"""Lesson 03's explorer: the same weekly hours spent on posts in a format mix, or on conversations.

Left, in the social media hue: the one-click engagements (likes, comments,
shares) the posts earn, added up week by week. Right, in the social networking
hue: the relationships the same hours of conversation build, stacked by stage
(Hall's thresholds), and the referrals they send. The format mix and the making
time per format set how often the page can post; the share of each
conversation spent on questions and follow-ups sets how deep it goes.

The lesson's kept text tables are in :mod:`mediavsnet.lessons.l03_content.tables`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from mediavsnet.core import palette, text
from mediavsnet.core.specs import specs_by_name
from mediavsnet.core.strings import t
from mediavsnet.explorer import layout
from mediavsnet.explorer.axes import count_axis, week_axis
from mediavsnet.explorer.base import Explorer
from mediavsnet.explorer.relationship_lines import built_numbers, rhythm
from mediavsnet.models import content, posting, relationships
from mediavsnet.models.content import ContentParams, ContentResult


class ContentExplorer(Explorer):
    """Posts in a format mix against conversations of some depth, with the same weekly hours."""

    name = "content"
    specs = content.SPECS
    advanced = ("minutes_per_post", "carousel_minutes", "video_minutes", "fatigue", "deep_hour_weight")
    presets_file = Path(__file__).with_name("presets.json")
    #: At the defaults every control acts: five people each get a conversation every week.
    lively: Mapping[str, float] = {}

    def compute(self, values: Mapping[str, float]) -> ContentResult:
        return content.simulate(ContentParams(**values))

    def build_figure(self) -> go.FigureWidget:
        fig = make_subplots(
            rows=1,
            cols=2,
            subplot_titles=(t("content.title_media"), t("content.title_networking")),
            horizontal_spacing=0.12,
        )
        hover = "%{fullData.name}, week %{x}: %{y:,.0f}<extra></extra>"
        fig.add_trace(
            go.Scatter(name=t("content.engagements"), mode="lines", hovertemplate=hover,
                       line={"color": palette.MEDIA, "width": 3}),
            row=1, col=1,
        )
        for stage in relationships.STAGES:
            fig.add_trace(
                go.Scatter(name=t(f"time_effort.stage_{stage}"), mode="lines",
                           stackgroup="stages", hovertemplate=hover, legend="legend2",
                           line={"color": palette.STAGES[stage], "width": 0.5, "shape": "hv"},
                           fillcolor=palette.STAGES[stage]),
                row=1, col=2,
            )
        fig.add_trace(
            go.Scatter(name=t("content.referrals"), mode="lines", hovertemplate=hover, legend="legend2",
                       line={"color": palette.NEUTRAL, "width": 2.5, "dash": "dash", "shape": "hv"}),
            row=1, col=2,
        )
        fig.update_xaxes(title_text=t("content.x_axis"))
        fig.update_yaxes(title_text=t("content.y_media"), row=1, col=1)
        fig.update_yaxes(title_text=t("content.y_networking"), row=1, col=2)
        fig.update_layout(
            **layout.two_plots(height=480, right_legend_x=0.56, left_margin=70, right_order="reversed"),
            showlegend=True,  # the left plot has a single line: name it in words all the same
        )
        return go.FigureWidget(fig)

    def draw(self, result: ContentResult) -> None:
        net = result.networking
        engagements, *stages, referrals = self.fig.data
        engagements.x = result.week
        engagements.y = np.round(result.engagements_so_far, 1)
        for trace, stage in zip(stages, relationships.STAGES, strict=True):
            trace.x = net.week
            trace.y = getattr(net, stage)
        referrals.x = net.week
        referrals.y = np.cumsum(net.referrals)
        top_networking = float(max(
            sum(getattr(net, stage) for stage in relationships.STAGES).max(), net.total_referrals))
        weeks = week_axis(result.params.weeks)
        self.set_axes({"xaxis": weeks, "xaxis2": weeks,
                       "yaxis": count_axis(float(result.engagements_so_far[-1])),
                       "yaxis2": count_axis(top_networking)})

    def describe(self, result: ContentResult) -> str:
        return summarize(result)

    def invariants(self, result: ContentResult) -> dict[str, bool]:
        p, net = result.params, result.networking
        stages = sum(getattr(net, stage) for stage in relationships.STAGES)
        deep = net.casual + net.friend + net.close
        rarest = posting.FATIGUE_MEASURED_POSTS_PER_WEEK[0]
        strongest = specs_by_name(posting.SPECS)["fatigue"].max
        best = max(content.ENGAGEMENT_PCT_BY_FORMAT.values())
        best_post = content.FOLLOWERS * posting.engagement_per_post(rarest, best, strongest)
        mix = p.mix()
        return {
            "the format shares make up all the posts": bool(
                np.isclose(sum(mix.values()), 1.0) and min(mix.values()) >= -1e-12
            ),
            "the posts take exactly the posting hours to make": bool(
                np.isclose(result.posts_per_week * content.average_minutes(p) / 60.0, p.hours_per_week)
            ),
            "likes, comments and shares only add up": bool(np.all(np.diff(result.engagements_so_far) >= 0)),
            "no post earns more than the best format at the rarest measured rate": (
                result.engagement_per_post <= best_post + 1e-9
            ),
            "both sides spend the same hours": bool(np.isclose(net.total_hours, result.total_hours)),
            "an hour of questions never counts for less than small talk": result.depth >= 1.0,
            "everyone counted in a stage has been met": bool(np.all(stages <= p.people)),
            "no more close friends than Dunbar's sympathy group": bool(
                np.all(net.close <= relationships.CLOSE_LAYER)
            ),
            "referrals come only from casual friends and closer": bool(
                net.total_referrals == 0 or deep.max() > 0
            ),
        }

    def stated(self, result: ContentResult) -> list[tuple[str, float]]:
        p, net = result.params, result.networking
        engagements, *stages, _referrals = self.fig.data
        last = {stage: float(trace.y[-1]) for stage, trace in zip(relationships.STAGES, stages, strict=True)}
        mix = p.mix()
        numbers = [
            (r"^Over (.+?), the same", float(engagements.x[-1])),
            (r"the same (.+?) a week spent", p.hours_per_week),
            (r"other: (.+?) in all\.", result.total_hours),
        ]
        if result.posts_per_week > 0:
            numbers += [
                (r"^Posting: (.+?) \(", float(result.posts[-1])),
                (r"\((.+?) % videos", 100 * mix["video"]),
                (r"videos, (.+?) % carousels", 100 * mix["carousel"]),
                (r"carousels, (.+?) % single", 100 * mix["image"]),
                (r"each earning about (.+?) likes?", result.engagement_per_post),
                (r"from the page's (.+?) followers", float(content.FOLLOWERS)),
                (r"bad weeks \(an assumption\), (.+?) likes?,? .* in all\.", float(engagements.y[-1])),
            ]
            if result.posts_per_week >= 1:
                numbers.append((r"images\), (.+?) posts? a week", result.posts_per_week))
            else:
                numbers += [(r"images\), (1) every", 1.0),
                            (r"1 every (.+?), (?:each|longer)", 1 / result.posts_per_week)]
                if 1 / result.posts_per_week > p.weeks:
                    numbers.append((r"longer than the (.+?) shown, so perhaps", float(p.weeks)))
        if p.hours_per_week > 0:
            numbers += [
                (r"^Conversations, the same (.+?) with", result.total_hours),
                (r"with (.+?) (?:person|people) \(", float(p.people)),
                (r"\(about (.+?) each\)", result.total_hours / p.people),
                (r": with (.+?) % of the time", p.question_pct),
                (r"counts as (.+?) of small talk", result.depth),
                (r"^That built (.+?) close", last["close"]),
            ]
            numbers += built_numbers(net, p, last)
        return numbers


def summarize(result: ContentResult) -> str:
    """The explorer's lines: the hours, what posting earned, what conversations built."""
    p = result.params
    budget = t(
        "content.summary_budget",
        weeks=text.duration(p.weeks),
        hours=text.hours(p.hours_per_week),
        total=text.hours(result.total_hours),
    )
    return "\n".join((budget, posting_line(result), *conversation_lines(result)))


def posting_line(result: ContentResult) -> str:
    """What the posting hours earned: how many posts, in which formats, and their engagement."""
    p = result.params
    n = result.posts_per_week
    if n <= 0:
        return t("content.summary_media_none")
    mix = p.mix()
    if n >= 1:
        rate = t("content.rate_weekly", posts=text.few(n, "post"))
    elif 1 / n > p.weeks:  # the horizon is too short for a post to be due: say so
        rate = t("content.rate_rare_horizon", every=text.few(1 / n, "week"), horizon=text.duration(p.weeks))
    else:
        rate = t("content.rate_rare", every=text.few(1 / n, "week"))
    return t(
        "content.summary_media",
        posts=text.few(result.posts[-1], "post"),
        video=text.number(100 * mix["video"]),
        carousel=text.number(100 * mix["carousel"]),
        image=text.number(100 * mix["image"]),
        rate=rate,
        per_post=text.few(result.engagement_per_post, "engagement"),
        followers=text.number(content.FOLLOWERS),
        engagements=text.count(result.engagements_so_far[-1], "engagement"),
    )


def conversation_lines(result: ContentResult) -> tuple[str, ...]:
    """What the same hours of conversation built, and how deep each hour went."""
    p, net = result.params, result.networking
    if p.hours_per_week <= 0:
        return (t("content.summary_networking_none"),)
    talk = t(
        "content.summary_conversations",
        total=text.hours(result.total_hours),
        people=text.count(p.people, "person"),
        each=text.hours(result.total_hours / p.people),
        questions=text.number(p.question_pct),
        depth=factor_hours(result.depth),
    )
    built = t(
        "content.summary_built",
        close=text.count(net.close[-1], "close_friend"),
        friends=text.count(net.friend[-1], "friend"),
        casual=text.count(net.casual[-1], "casual_friend"),
        acquaintances=text.count(net.acquaintance[-1], "acquaintance"),
        referrals=text.count(net.total_referrals, "referral"),
        rhythm=rhythm(net, p),
    )
    return talk, built


def factor_hours(value: float) -> str:
    """A weight in hours, to two decimals at most and none needless: "1 hour", "1.25 hours", "2 hours"."""
    return text.count(value, "hour", text.needed_decimals(value))


def show(**initial: float) -> ContentExplorer:
    """Build the lesson 03 explorer (the notebook's one line)."""
    return ContentExplorer(**initial)
