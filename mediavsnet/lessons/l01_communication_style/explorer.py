"""Lesson 01's explorer: talking and listening, the same weekly hours, and who is heard.

Left: the messages the community sends each week, stacked by what became of
them (answered in time, late, never), in the social networking hue, with the
community's writing rate and your own posts (the social media hue) as lines.
Right: the opportunities so far, those that became a conversation against
those that went cold or were never answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from mediavsnet.core import palette, text
from mediavsnet.core.strings import t
from mediavsnet.explorer import layout
from mediavsnet.explorer.axes import count_axis, week_axis
from mediavsnet.explorer.base import Explorer
from mediavsnet.models import listening
from mediavsnet.models.listening import ListeningParams, ListeningResult

#: Colours: replies are networking, a late one a paler tint, silence neutral; posts are media.
ON_TIME = palette.NETWORKING
LATE = palette.STAGES["casual"]
UNANSWERED = palette.NEUTRAL_LIGHT


class CommunicationExplorer(Explorer):
    """Talking against listening: the messages caught, late and missed, and the community that stays."""

    name = "communication"
    specs = listening.SPECS
    advanced = ("weekly_hours", "minutes_per_reply", "minutes_per_post", "expected_reply_hours",
                "opportunity_pct")
    presets_file = Path(__file__).with_name("presets.json")

    def compute(self, values: Mapping[str, float]) -> ListeningResult:
        return listening.simulate(ListeningParams(**values))

    def build_figure(self) -> go.FigureWidget:
        self._shown: dict[str, np.ndarray] = {}
        self._weeks = 0
        fig = make_subplots(
            rows=1, cols=2, column_widths=[0.6, 0.4], horizontal_spacing=0.1,
            subplot_titles=(t("communication.title_messages"), t("communication.title_opportunities")),
        )
        hover = "%{fullData.name}, week %{x}: %{y:,.1f}<extra></extra>"
        for key, colour in (("on_time", ON_TIME), ("late", LATE), ("unanswered", UNANSWERED)):
            fig.add_trace(go.Scatter(name=t(f"communication.{key}"), mode="lines", stackgroup="messages",
                                     hovertemplate=hover, fillcolor=colour,
                                     line={"color": colour, "width": 0.5}), row=1, col=1)
        fig.add_trace(go.Scatter(name=t("communication.community"), mode="lines", hovertemplate=hover,
                                 line={"color": palette.NEUTRAL, "width": 2, "dash": "dot"}), row=1, col=1)
        fig.add_trace(go.Scatter(name=t("communication.posts"), mode="lines", hovertemplate=hover,
                                 line={"color": palette.MEDIA, "width": 3, "dash": "dash"}), row=1, col=1)
        fig.add_trace(go.Scatter(name=t("communication.caught"), mode="lines", hovertemplate=hover,
                                 legend="legend2", line={"color": palette.NETWORKING, "width": 3}),
                      row=1, col=2)
        fig.add_trace(go.Scatter(name=t("communication.missed"), mode="lines", hovertemplate=hover,
                                 legend="legend2",
                                 line={"color": palette.NEUTRAL, "width": 2, "dash": "dash"}),
                      row=1, col=2)
        fig.update_xaxes(title_text=t("communication.x_axis"))
        fig.update_yaxes(title_text=t("communication.y_messages"), row=1, col=1)
        fig.update_yaxes(title_text=t("communication.y_opportunities"), row=1, col=2)
        fig.update_layout(**layout.two_plots(height=500, right_legend_x=0.62))
        return go.FigureWidget(fig)

    def draw(self, result: ListeningResult) -> None:
        so_far = np.cumsum(result.caught), np.cumsum(result.opportunities - result.caught)
        series = (result.on_time, result.late, result.unanswered, result.community, result.posts, *so_far)
        if self._weeks != len(result.week):  # the horizon moved: new weeks for every trace
            for trace in self.fig.data:
                trace.x = result.week
            self._weeks = len(result.week)
        for trace, values in zip(self.fig.data, series, strict=True):
            if self._shown.get(trace.name) is None or not np.array_equal(self._shown[trace.name], values):
                trace.y = values  # a move changes only some series: send only those
                self._shown[trace.name] = values
        top_messages = float(max(result.arrived.max(), result.community.max(), result.posts.max()))
        top_opportunities = float(max(so_far[0][-1], so_far[1][-1]))
        axis = week_axis(result.params.weeks)
        self.set_axes({"xaxis": axis, "xaxis2": axis, "yaxis": count_axis(top_messages),
                       "yaxis2": count_axis(top_opportunities)})

    def describe(self, result: ListeningResult) -> str:
        return summarize(result)

    def invariants(self, result: ListeningResult) -> dict[str, bool]:
        p = result.params
        return {
            "every message that arrived was answered in time, late or never": bool(
                np.allclose(result.on_time + result.late + result.unanswered, result.arrived)
            ),
            "no week holds more replies than the listening hours pay for": bool(
                np.all(result.answered <= result.replies_per_week + 1e-9)
            ),
            "no replies without listening hours": p.listening_hours > 0 or result.total_replies == 0,
            "no opportunity becomes a conversation without an answer": bool(
                np.all(result.caught <= result.answered * p.opportunity_pct / 100 + 1e-12)
            ),
            "the community never writes more than it did at the start": bool(
                np.all(result.community <= p.messages_per_week + 1e-9)
            ),
            "talking and listening spend exactly the weekly hours": bool(
                np.isclose(p.talking_hours + p.listening_hours, p.weekly_hours)
            ),
            "answered messages wait half the time between checks on average": bool(
                np.isclose(result.mean_wait_hours, p.check_every_hours / 2)
            ),
        }

    def stated(self, result: ListeningResult) -> list[tuple[str, float]]:
        p = result.params
        on_time, late, unanswered, community, posts, caught, missed = self.fig.data
        arrived = float(np.sum(on_time.y) + np.sum(late.y) + np.sum(unanswered.y))
        numbers = [
            (r"^Over (.+?) at", float(on_time.x[-1])),
            (r" at (.+?) a week:", p.weekly_hours),
            (r"a week: (.+?) talking", p.talking_hours),
            (r"\), (.+?) listening \(", p.listening_hours),
            (r"checking every (.+?)\.$", p.check_every_hours),
            (r"^Messages: ([\d,]+|less than 1) messages? arrived", arrived),
            (r"^Community: the people still writing send about (.+?) a week", float(community.y[-1])),
        ]
        weekly_posts = float(posts.y[0])
        if weekly_posts >= 1:
            numbers.append((r"talking \((.+?) posts? a week\)", weekly_posts))
        elif weekly_posts > 0:
            numbers += [(r"\((1) post every", 1.0), (r"1 post every (.+?)\),", 1 / weekly_posts)]
        if result.replies_per_week > 0:
            numbers.append((r"time for (.+?) repl(?:y|ies) a week", result.replies_per_week))
        if result.total_replies > 0:
            numbers += [
                (r"arrived; (.+?) answered within", float(np.sum(on_time.y))),
                (r"within the (.+?) people expect", p.expected_reply_hours),
                (r"expect, (.+?) answered late", float(np.sum(late.y))),
                (r"late, (.+?) never answered", float(np.sum(unanswered.y))),
                (r"never answered \((.+?) %\)", 100 * float(np.sum(unanswered.y)) / arrived),
                (r"waited (.+?) on average", result.mean_wait_hours),
            ]
        if p.opportunity_pct > 0:
            numbers += [
                (r"^Opportunities \((.+?) % of messages", p.opportunity_pct),
                (r"partner\): (.+?) arrived", float(caught.y[-1] + missed.y[-1])),
                (r"arrived; (.+?) of them became", float(caught.y[-1])),
                (r"on average, and (.+?) went cold", float(missed.y[-1])),
            ]
        else:
            numbers.append((r"^Opportunities: at (0) %", 0.0))
        if community_fell(result):
            numbers += [
                (r"a week, (.+?) % of the", 100 * float(community.y[-1]) / float(community.y[0])),
                (r"% of the (.+?) a week at the start", float(community.y[0])),
            ]
        if weekly_posts > 0:
            sprout = float(listening.SPROUT_MESSAGES_PER_REPLY)
            numbers.append((r"counted brands sending (.+?) promotional", sprout))
        if weekly_posts > 0 and result.total_replies > 0:
            ratio = float(np.sum(posts.y)) / result.total_replies
            if ratio < 1:
                numbers += [(r"^Talk to reply: (1) post for every", 1.0),
                            (r"post for every (.+?) repl(?:y|ies)\.", 1 / ratio)]
            else:
                numbers.append((r"^Talk to reply: (.+?) posts? for every reply", ratio))
        elif weekly_posts > 0:
            numbers.append((r"^Talk to reply: (.+?) a week and no reply", weekly_posts))
        return numbers


def community_fell(result: ListeningResult) -> bool:
    """Whether the community writes visibly less at the end than at the start (as the lines round it)."""
    start, end = float(result.community[0]), float(result.community[-1])
    return text.few(end, "listening_message") != text.few(start, "listening_message")


def summarize(result: ListeningResult) -> str:
    """The explorer's lines: the week, the messages, the opportunities, the community, talk against reply."""
    return "\n".join((budget_line(result), messages_line(result), opportunities_line(result),
                      community_line(result), ratio_line(result)))


def posts_phrase(weekly_posts: float) -> str:
    if weekly_posts >= 1:
        return t("communication.posts_weekly", posts=text.few(weekly_posts, "post"))
    if weekly_posts > 0:
        return t("communication.posts_rare", every=text.few(1 / weekly_posts, "week"))
    return t("communication.posts_none")


def budget_line(result: ListeningResult) -> str:
    p = result.params
    replies = (t("communication.replies_some", replies=text.few(result.replies_per_week, "listening_reply"))
               if result.replies_per_week > 0 else t("communication.replies_none"))
    return t(
        "communication.summary_budget",
        weeks=text.duration(p.weeks),
        budget=text.hours(p.weekly_hours),
        talking=clock(p.talking_hours),
        posts=posts_phrase(float(result.posts[0])),
        listening=clock(p.listening_hours),
        replies=replies,
        every=text.hours(p.check_every_hours),
    )


def clock(hours: float) -> str:
    """A share of the week to the minute; "less than 1 minute" rather than "0 hours" when positive."""
    if hours > 0 and round(hours * 60) == 0:
        return t("unit.less_than", amount=text.count(1, "minute"))
    return text.clock(hours)


def messages_line(result: ListeningResult) -> str:
    p = result.params
    arrived = text.count(result.arrived.sum(), "listening_message")
    if result.total_replies <= 0:
        return t("communication.summary_messages_none", arrived=arrived)
    unanswered = float(result.unanswered.sum())
    return t(
        "communication.summary_messages",
        arrived=arrived,
        on_time=amount(result.on_time.sum()),
        expected=text.hours(p.expected_reply_hours),
        late=amount(result.late.sum()),
        unanswered=amount(unanswered),
        share=text.number(100 * unanswered / float(result.arrived.sum())),
        wait=text.hours(result.mean_wait_hours),
    )


def amount(value: float) -> str:
    """A count of messages without its unit, "less than 1" when positive but it would show 0."""
    if value > 0 and round(value) == 0:
        return t("unit.less_than", amount="1")
    return text.number(value)


def opportunities_line(result: ListeningResult) -> str:
    p = result.params
    if p.opportunity_pct <= 0:
        return t("communication.summary_opportunities_none")
    arrived = float(result.opportunities.sum())
    caught = float(result.caught.sum())
    return t(
        "communication.summary_opportunities",
        percent=text.number(p.opportunity_pct),
        arrived=few_amount(arrived),
        caught=few_amount(caught),
        missed=few_amount(arrived - caught),
    )


def few_amount(value: float) -> str:
    """An expected count, one decimal under ten ("0.6", "48"); "less than 1" when it would show 0."""
    decimals = text.decimals_for(value)
    if value > 0 and round(value, decimals) == 0:
        return t("unit.less_than", amount="1")
    return text.number(value, decimals)


def community_line(result: ListeningResult) -> str:
    start, end = float(result.community[0]), float(result.community[-1])
    now = text.few(end, "listening_message")
    if community_fell(result):
        return t("communication.summary_community_fell", now=now, share=text.number(100 * end / start),
                 start=text.number(start))
    return t("communication.summary_community_held", now=now)


def ratio_line(result: ListeningResult) -> str:
    weekly_posts = float(result.posts[0])
    sprout = text.number(listening.SPROUT_MESSAGES_PER_REPLY)
    if weekly_posts <= 0:
        return t("communication.summary_ratio_no_posts")
    if result.total_replies <= 0:
        return t("communication.summary_ratio_no_replies", posts=text.few(weekly_posts, "post"),
                 sprout=sprout)
    ratio = result.total_posts / result.total_replies
    if ratio < 1:
        return t("communication.summary_ratio_inverse", replies=text.few(1 / ratio, "listening_reply"),
                 sprout=sprout)
    return t("communication.summary_ratio", ratio=text.few(ratio, "post"), sprout=sprout)


def show(**initial: float) -> CommunicationExplorer:
    """Build the lesson 01 explorer (the notebook's one line)."""
    return CommunicationExplorer(**initial)
