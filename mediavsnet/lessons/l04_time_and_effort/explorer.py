"""Lesson 04's explorer: one weekly time budget, spent on scheduled posting and on people.

Left, in the social media hue: the audience that the posting hours buy, week
by week (people reached and followers). Right, in the social networking hue:
the relationships that the one-to-one hours build, stacked by stage (Hall's
thresholds). The split slider moves hours from one side to the other.
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
from mediavsnet.models import posting, relationships, time_budget
from mediavsnet.models.time_budget import TimeBudgetParams, TimeBudgetResult


class TimeEffortExplorer(Explorer):
    """Scheduled posting against one-to-one relationship building, same weekly hours."""

    name = "time-effort"
    specs = time_budget.SPECS
    advanced = ("fatigue", "start_followers", "session_minutes", "decay_per_year")
    presets_file = Path(__file__).with_name("presets.json")
    #: With 60 people, each waits for a turn, so fading and conversation length act too.
    lively = {"people": 60}

    def compute(self, values: Mapping[str, float]) -> TimeBudgetResult:
        return time_budget.simulate(TimeBudgetParams(**values))

    def build_figure(self) -> go.FigureWidget:
        fig = make_subplots(
            rows=1,
            cols=2,
            subplot_titles=(t("time_effort.title_media"), t("time_effort.title_networking")),
            horizontal_spacing=0.1,
        )
        hover = "%{fullData.name}, week %{x}: %{y:,.0f}<extra></extra>"
        fig.add_trace(
            go.Scatter(name=t("time_effort.reached"), mode="lines", hovertemplate=hover,
                       line={"color": palette.MEDIA, "width": 3}),
            row=1, col=1,
        )
        fig.add_trace(
            go.Scatter(name=t("time_effort.followers"), mode="lines", hovertemplate=hover,
                       line={"color": palette.MEDIA_LIGHT, "width": 2, "dash": "dash"}),
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
        fig.update_xaxes(title_text=t("time_effort.x_axis"))
        fig.update_yaxes(title_text=t("time_effort.y_media"), row=1, col=1)
        fig.update_yaxes(title_text=t("time_effort.y_networking"), row=1, col=2)
        fig.update_layout(**layout.two_plots(height=480, right_legend_x=0.55, right_order="reversed"))
        return go.FigureWidget(fig)

    def draw(self, result: TimeBudgetResult) -> None:
        media, net = result.media, result.networking
        reached, followers, *stages = self.fig.data
        reached.x = followers.x = media.week
        reached.y = np.round(media.reached, 1)
        followers.y = np.round(media.followers, 1)
        for trace, stage in zip(stages, relationships.STAGES, strict=True):
            trace.x = net.week
            trace.y = getattr(net, stage)
        top_media = float(max(media.followers.max(), media.reached.max()))
        top_networking = float(sum(getattr(net, stage) for stage in relationships.STAGES).max())
        weeks = week_axis(result.params.weeks)
        self.set_axes({"xaxis": weeks, "xaxis2": weeks, "yaxis": count_axis(top_media),
                       "yaxis2": count_axis(top_networking)})

    def describe(self, result: TimeBudgetResult) -> str:
        return summarize(result)

    def invariants(self, result: TimeBudgetResult) -> dict[str, bool]:
        p, media, net = result.params, result.media, result.networking
        posting_params = p.posting_params()
        stages = sum(getattr(net, stage) for stage in relationships.STAGES)
        rarest = posting.FATIGUE_MEASURED_POSTS_PER_WEEK[0]
        strongest = specs_by_name(posting.SPECS)["fatigue"].max
        best_post = posting_params.engagement_pct / 100 * posting.fatigue_factor(rarest, strongest)
        posting_something = media.posts_per_week > 0 and posting_params.discovery_per_post > 0
        return {
            "a week's reach is among the active followers": bool(
                np.all(media.reached <= media.active + 1e-9)
            ),
            "active followers are among the followers": bool(np.all(media.active <= media.followers + 1e-9)),
            "a page that posts grows from zero followers": (
                not (p.start_followers == 0 and posting_something and p.weeks > 1)
                or bool(media.followers[-1] > 0)
            ),
            "no post earns more than the fatigue law allows at its rarest measured rate": (
                posting.engagement_per_post(media.posts_per_week, posting_params.engagement_pct, p.fatigue)
                <= best_post + 1e-15
            ),
            "followers stay within the potential audience": bool(
                np.all(media.followers <= max(posting_params.potential_audience, p.start_followers) + 1e-6)
            ),
            "everyone counted in a stage has been met": bool(np.all(stages <= p.people)),
            "no more close friends than Dunbar's sympathy group": bool(
                np.all(net.close <= relationships.CLOSE_LAYER)
            ),
            "the two sides spend exactly the budget": bool(
                np.isclose(media.total_hours + net.total_hours, p.weekly_hours * p.weeks)
            ),
        }

    def stated(self, result: TimeBudgetResult) -> list[tuple[str, float]]:
        p, media, net = result.params, result.media, result.networking
        reached, followers, *stages = self.fig.data
        last = {stage: float(trace.y[-1]) for stage, trace in zip(relationships.STAGES, stages, strict=True)}
        numbers = [
            (r"^After (.+?) at", float(reached.x[-1])),
            (r"at (.+?) a week:", p.weekly_hours),
            (r"a week: (.+?) posting", p.media_hours),
            (r"posting, (.+?) one-to-one\.", p.networking_hours),
            (r"followers (?:went|fell) from ([\d,]+)", float(followers.y[0])),
            (r"followers (?:went|fell) from [\d,]+ to ([\d,]+)", float(followers.y[-1])),
        ]
        if media.followers[-1] < p.start_followers:
            posting_params = p.posting_params()
            numbers += [
                (r"fewer came than the (.+?) % a year", posting_params.churn_pct_per_year),
                (r"assumed to be (.+?) people", float(posting_params.potential_audience)),
            ]
        if p.media_hours > 0:
            numbers.append((r"^Posting, (.+?) in all", float(media.hours.sum())))
            if media.posts_per_week >= 1:
                numbers += [
                    (r"in all: (.+?) posts? a week", media.posts_per_week),
                    (r"a week reached (.+?) (?:person|people) in the last week", float(reached.y[-1])),
                    (r"of its (.+?) active followers", float(media.active[-1])),
                ]
            else:
                numbers += [
                    (r"in all: (1) post every", 1.0),
                    (r"1 post every (.+?),", 1 / media.posts_per_week),
                    (r"each shown to about (.+?) (?:person|people)", float(media.per_post_reach[-1])),
                ]
        if p.networking_hours > 0:
            numbers += [
                (r"^One-to-one with (.+?) (?:person|people),", float(p.people)),
                (r"(?:people|person), (.+?) in all:", float(net.hours.sum())),
                (r"in all: (.+?) close friends?,", last["close"]),
            ]
            numbers += built_numbers(net, p, last)
        return numbers


def summarize(result: TimeBudgetResult) -> str:
    """The explorer's lines: the budget, what posting bought, what one-to-one time built."""
    p = result.params
    budget = t(
        "time_effort.summary_budget",
        weeks=text.duration(p.weeks),
        budget=text.hours(p.weekly_hours),
        media_hours=text.clock(p.media_hours),
        networking_hours=text.clock(p.networking_hours),
    )
    return "\n".join((budget, posting_line(result), networking_line(result)))


def posting_line(result: TimeBudgetResult) -> str:
    """What the posting hours bought: how often a post goes out, whom it reached, the followers."""
    p, media = result.params, result.media
    start, end = float(p.start_followers), float(media.followers[-1])
    followers = t(
        "time_effort.followers_fell" if text.number(end) != text.number(start) and end < start
        else "time_effort.followers_went",
        start=text.number(start),
        end=text.number(end),
        churn=text.number(p.posting_params().churn_pct_per_year),
        audience=text.number(p.posting_params().potential_audience),
    )
    if p.media_hours <= 0:
        return t("time_effort.summary_media_none", followers=followers)
    n = media.posts_per_week
    if n >= 1:
        rate = t(
            "time_effort.posting_weekly",
            posts=text.few(n, "post"),
            reached=text.count(media.reached[-1], "person"),
            active=text.number(media.active[-1]),
        )
    else:
        rate = t(
            "time_effort.posting_rare",
            every=text.few(1 / n, "week"),
            reached=text.count(media.per_post_reach[-1], "person"),
        )
    return t("time_effort.summary_media", media_total=text.hours(media.total_hours), rate=rate,
             followers=followers)


def networking_line(result: TimeBudgetResult) -> str:
    """What the one-to-one hours built, stage by stage, and how often each person is seen."""
    p, net = result.params, result.networking
    if p.networking_hours <= 0:
        return t("time_effort.summary_networking_none")
    return t(
        "time_effort.summary_networking",
        people=text.count(p.people, "person"),
        close=text.count(net.close[-1], "close_friend"),
        friends=text.count(net.friend[-1], "friend"),
        casual=text.count(net.casual[-1], "casual_friend"),
        acquaintances=text.count(net.acquaintance[-1], "acquaintance"),
        referrals=text.count(net.total_referrals, "referral"),
        networking_total=text.hours(net.total_hours),
        rhythm=rhythm(net, p),
    )


def show(**initial: float) -> TimeEffortExplorer:
    """Build the lesson 04 explorer (the notebook's one line)."""
    return TimeEffortExplorer(**initial)
