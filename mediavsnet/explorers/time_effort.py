"""Lesson 04's explorer: one weekly time budget, spent on scheduled posting and on people.

Left, in the social media hue: the audience that the posting hours buy, week
by week (people reached and followers). Right, in the social networking hue:
the relationships that the one-to-one hours build, stacked by stage (Hall's
thresholds). The split slider moves hours from one side to the other.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from mediavsnet import palette, text
from mediavsnet.explorers.base import Explorer
from mediavsnet.models import relationships, time_budget
from mediavsnet.models.time_budget import TimeBudgetParams, TimeBudgetResult
from mediavsnet.strings import t


class TimeEffortExplorer(Explorer):
    """Scheduled posting against one-to-one relationship building, same weekly hours."""

    name = "time-effort"
    specs = time_budget.SPECS
    advanced = ("fatigue", "start_followers", "session_minutes", "decay_per_year")
    presets_file = "04-time-and-effort.json"
    #: With 60 people, each waits for a turn, so fading and conversation length act too.
    lively = {"people": 60}

    def compute(self, values: Mapping[str, float]) -> TimeBudgetResult:
        return time_budget.simulate(TimeBudgetParams(**values))

    def build_figure(self) -> go.FigureWidget:
        self._axes: dict[str, dict[str, object]] = {}
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
        fig.update_layout(
            template="simple_white",
            width=860,
            height=480,
            margin={"l": 60, "r": 20, "t": 70, "b": 20},
            font={"family": palette.FONT_FAMILY, "size": 13},
            # One legend under each plot, in reading order.
            legend={"orientation": "v", "yanchor": "top", "y": -0.2, "x": 0, "traceorder": "normal"},
            legend2={"orientation": "v", "yanchor": "top", "y": -0.2, "x": 0.55, "traceorder": "reversed"},
            hovermode="x unified",
        )
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
        for name, axis in (("xaxis", weeks), ("xaxis2", weeks), ("yaxis", count_axis(top_media)),
                           ("yaxis2", count_axis(top_networking))):
            if self._axes.get(name) != axis:  # most moves leave the axes as they were: skip the cost
                self.fig.layout[name].update(axis)
                self._axes[name] = axis

    def describe(self, result: TimeBudgetResult) -> str:
        return summarize(result)


def summarize(result: TimeBudgetResult) -> str:
    """The explorer's lines: the budget, what posting bought, what one-to-one time built."""
    p, media, net = result.params, result.media, result.networking
    budget = t(
        "time_effort.summary_budget",
        weeks=text.duration(p.weeks),
        budget=text.hours(p.weekly_hours),
        media_hours=text.clock(p.media_hours),
        networking_hours=text.clock(p.networking_hours),
    )
    followers = {"start": text.number(p.start_followers), "followers": text.number(media.followers[-1])}
    if p.media_hours > 0:
        posting = t(
            "time_effort.summary_media",
            posts=text.few(media.posts_per_week, "post"),
            reached=text.count(media.reached[-1], "person"),
            media_total=text.hours(media.total_hours),
            **followers,
        )
    else:
        posting = t("time_effort.summary_media_none", **followers)
    if p.networking_hours > 0:
        one_to_one = t(
            "time_effort.summary_networking",
            people=text.count(p.people, "person"),
            close=text.count(net.close[-1], "close_friend"),
            friends=text.count(net.friend[-1], "friend"),
            casual=text.count(net.casual[-1], "casual_friend"),
            acquaintances=text.count(net.acquaintance[-1], "acquaintance"),
            referrals=text.count(net.total_referrals, "referral"),
            networking_total=text.hours(net.total_hours),
            rhythm=rhythm(net),
        )
    else:
        one_to_one = t("time_effort.summary_networking_none")
    return "\n".join((budget, posting, one_to_one))


def rhythm(net: relationships.RelationshipResult) -> str:
    """How often each person is seen, and so whether fading matters at all."""
    if net.contact >= 1:
        return t("time_effort.rhythm_weekly")
    return t(
        "time_effort.rhythm_gaps",
        gap=text.few(1 / net.contact, "week"),
        faded=text.hours(net.faded_hours),
    )


def count_axis(top: float) -> dict[str, object]:
    """A people axis from zero: whole-number ticks when the counts are small, never 0.2 of a person.

    The top is rounded up to two significant figures, so a small move of a
    slider leaves the axis still and the change shows in the data.
    """
    small = top <= 8
    return {
        "range": [0, round_up(max(top, 4) * 1.05)],
        "tickmode": "linear" if small else "auto",
        "dtick": 1 if small else None,
        "tick0": 0,
    }


def round_up(value: float) -> float:
    """Up to two significant figures: 1,103 -> 1,200; 5.25 -> 5.3."""
    magnitude = 10 ** math.floor(math.log10(value)) / 10
    return round(math.ceil(value / magnitude - 1e-9) * magnitude, 12)


def week_axis(weeks: int) -> dict[str, object]:
    """Weeks from zero to the horizon, in whole weeks when there are only a few."""
    small = weeks <= 12
    return {"range": [0, weeks], "tickmode": "linear" if small else "auto", "dtick": 1 if small else None}


def show(**initial: float) -> TimeEffortExplorer:
    """Build the lesson 04 explorer (the notebook's one line)."""
    return TimeEffortExplorer(**initial)
