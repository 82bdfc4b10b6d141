"""Lesson 02's explorer: the same weekly hours, judged by buzz, by the bottom line or by the network.

Top left, in the social media hue: broadcasting's funnel over the horizon
(impressions, clicks, leads, sales), on a log scale since each stage is a small
share of the one above. Top right, in the social networking hue: what the
same hours spent one-to-one grow, week by week (relationships and the
referrals they send). Below: the two approaches side by side, scored by the
goal the learner picks. The lines say who wins under that goal, and which
other goal reverses it.

The lesson's kept text tables (the sobering chain, the three goals at the
defaults) are in :mod:`mediavsnet.lessons.l02_goals.tables`, next to the words they share with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from mediavsnet.core import palette, text
from mediavsnet.core.strings import t
from mediavsnet.explorer.axes import count_axis, round_up, week_axis
from mediavsnet.explorer.base import Explorer
from mediavsnet.models import funnel, relationships
from mediavsnet.models.funnel import GOALS, FunnelParams, FunnelResult

MEDIA, NETWORKING = "media", "networking"


def scores(result: FunnelResult) -> dict[str, tuple[float, float]]:
    """Each goal's measure of the two approaches: (broadcasting, one-to-one)."""
    return {
        "buzz": (result.total("impressions"), result.total("conversations")),
        "sales": (result.total("sales"), result.total("referral_sales")),
        "network": (0.0, float(result.relationships[-1])),
    }


def winner(pair: tuple[float, float]) -> str | None:
    """Which approach scores more under a goal (None for a draw)."""
    media, networking = pair
    if np.isclose(media, networking, rtol=1e-9, atol=1e-12):
        return None
    return MEDIA if media > networking else NETWORKING


class GoalsExplorer(Explorer):
    """Broadcasting's funnel beside one-to-one network growth, judged by a chosen goal."""

    name = "goals"
    specs = (funnel.GOAL, *funnel.SPECS)
    advanced = ("minutes_per_post", "click_pct", "sale_pct", "referral_sale_pct",
                "referrals_per_friend_year")
    presets_file = Path(__file__).with_name("presets.json")
    #: Referrals are whole-number draws: at the default rate one step of it may leave the
    #: draw as it was; at one a year, every step of every control shows.
    lively: Mapping[str, float] = {"referrals_per_friend_year": 1.0}

    def compute(self, values: Mapping[str, float]) -> FunnelResult:
        params = {k: v for k, v in values.items() if k != "goal"}
        return funnel.simulate(FunnelParams(**params))

    def goal(self) -> str:
        return GOALS[int(self.values()["goal"])]

    def build_figure(self) -> go.FigureWidget:
        fig = make_subplots(
            rows=2, cols=2,
            specs=[[{}, {}], [{"colspan": 2}, None]],
            row_heights=[0.62, 0.38],
            subplot_titles=(t("goals.title_funnel"), t("goals.title_network"), t("goals.title_verdict")),
            horizontal_spacing=0.2, vertical_spacing=0.26,
        )
        stages = [t(f"goals.stage_{s}") for s in ("impressions", "clicks", "leads", "sales")]
        fig.add_trace(
            go.Bar(name=t("goals.funnel"), orientation="h",
                   marker={"color": palette.MEDIA},
                   texttemplate="%{x:,.3~r}", textposition="outside", cliponaxis=False,
                   hovertemplate="%{x:,.4~r}<extra></extra>", showlegend=False),
            row=1, col=1,
        )
        hover = "%{fullData.name}, week %{x}: %{y:,.0f}<extra></extra>"
        fig.add_trace(
            go.Scatter(name=t("goals.relationships"), mode="lines", hovertemplate=hover,
                       line={"color": palette.NETWORKING, "width": 3, "shape": "hv"}),
            row=1, col=2,
        )
        fig.add_trace(
            go.Scatter(name=t("goals.referrals"), mode="lines", hovertemplate=hover,
                       line={"color": palette.STAGES["casual"], "width": 2, "dash": "dash", "shape": "hv"}),
            row=1, col=2,
        )
        fig.add_trace(
            go.Bar(name=t("goals.verdict"), orientation="h",
                   marker={"color": [palette.MEDIA, palette.NETWORKING]},
                   texttemplate="%{x:,.3~r}", textposition="outside", cliponaxis=False,
                   hovertemplate="%{x:,.4~r}<extra></extra>", showlegend=False),
            row=2, col=1,
        )
        # Numbered bars with named ticks: every trace holds numbers only.
        fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=list(range(len(stages))),
                         ticktext=stages, row=1, col=1)
        fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=[0, 1],
                         ticktext=[t("goals.approach_media"), t("goals.approach_networking")], row=2, col=1)
        fig.update_xaxes(type="log", title_text=t("goals.x_funnel"), row=1, col=1)
        fig.update_xaxes(title_text=t("goals.x_weeks"), row=1, col=2)
        fig.update_yaxes(title_text=t("goals.y_network"), row=1, col=2)
        fig.update_layout(
            template="simple_white",
            width=860,
            height=680,
            margin={"l": 150, "r": 40, "t": 60, "b": 40},
            font={"family": palette.FONT_FAMILY, "size": 13},
            # Under the network panel's axis title, clear of every line and tick.
            legend={"orientation": "v", "yanchor": "top", "y": 0.44, "x": 0.56, "xanchor": "left"},
            hovermode="closest",
        )
        return go.FigureWidget(fig)

    def draw(self, result: FunnelResult) -> None:
        stages, built, referred, verdict = self.fig.data
        if not self._positions_sent:  # the bars' rows never change: sent with the first draw
            stages.y = [0, 1, 2, 3]  # impressions, clicks, leads, sales
            verdict.y = [0, 1]
            self._positions_sent = True
        stages.x = [result.total(s) for s in ("impressions", "clicks", "leads", "sales")]
        net = result.networking
        built.x = referred.x = net.week
        referrals = np.cumsum(net.referrals)
        built.y = result.relationships
        referred.y = referrals
        goal = self.goal()
        pair = scores(result)[goal]
        verdict.x = list(pair)
        top_network = float(max(result.relationships[-1], referrals[-1]))
        top_verdict = float(max(pair))
        axes = {
            "xaxis2": week_axis(result.params.weeks),
            "yaxis2": count_axis(top_network),
            "xaxis3": {"range": [0, round_up(top_verdict * 1.25)] if top_verdict > 0 else [0, 1],
                       "title": {"text": t(f"goals.x_verdict_{goal}",
                                           weeks=text.duration(result.params.weeks))}},
        }
        self.set_axes(axes)

    def describe(self, result: FunnelResult) -> str:
        return "\n".join((broadcast_line(result), network_line(result), verdict_line(result, self.goal())))

    def invariants(self, result: FunnelResult) -> dict[str, bool]:
        media, net, p = result.media, result.networking, result.params
        stages = [result.impressions, result.clicks, result.leads, result.sales]
        return {
            "one post is shown to no more people than follow the page": bool(
                np.all(media.per_post_reach <= media.followers + 1e-9)),
            "no funnel stage is bigger than the one above it": all(
                bool(np.all(low <= up + 1e-9)) for up, low in zip(stages, stages[1:], strict=False)),
            "a sale is also a lead": bool(np.all(result.sales <= result.leads + 1e-12)),
            "relationships are among the people given time": bool(np.all(result.relationships <= p.people)),
            "referrals come only from relationships": bool(
                net.total_referrals == 0 or result.relationships.max() > 0),
            "sales from referrals never exceed the referrals": bool(
                np.all(result.referral_sales <= net.referrals + 1e-12)),
            "both approaches spend the same hours": bool(np.isclose(media.total_hours, net.total_hours)),
        }

    def stated(self, result: FunnelResult) -> list[tuple[str, float]]:
        p, media, net = result.params, result.media, result.networking
        stages, built, referred, verdict = self.fig.data
        impressions, clicks, leads, sales = (float(x) for x in stages.x)
        n = media.posts_per_week
        numbers = [
            (r"^Broadcasting, (.+?) a week", p.weekly_hours),
            (r"a week for (.+?):", float(p.weeks)),
            (r"followers went from ([\d,]+)", float(media.followers[0])),
            (r"followers went from [\d,]+ to ([\d,]+)", float(media.followers[-1])),
            (r"the last post was shown to (.+?) (?:person|people)", float(media.per_post_reach[-1])),
            (r"that is (.+?) impressions? in all", impressions),
            (r"in all, (.+?) clicks?,", clicks),
            (r"clicks?, (.+?) leads? and", leads),
            (r"leads? and ((?:less than )?[\d,.]+) sales?", sales),
            (r"^One-to-one, the same (.+?) a week", p.weekly_hours),
            (r"a week with (.+?) (?:person|people):", float(p.people)),
            (r"(?:people|person): (.+?) conversations? in all", result.total("conversations")),
        ]
        if n >= 1:
            numbers.append((r"in all: (.+?) posts? a week", n))
        else:
            numbers += [(r"in all: (1) post every", 1.0), (r"1 post every (.+?);", 1 / n)]
        numbers.append((r"^Broadcasting.*?: (.+?) in all:", media.total_hours))
        if 0 < sales < 1:
            numbers += [(r"about (1) sale every", 1.0),
                        (r"about 1 sale every (.+?) posts?", result.posts / sales)]
        last = float(built.y[-1])
        if last > 0:
            numbers += [
                (r"conversations? in all built (.+?) relationships?", last),
                (r"who sent (.+?) referrals?", float(referred.y[-1])),
            ]
            if net.total_referrals > 0:
                numbers += [(r"referrals?, worth about (.+?) sales?", result.total("referral_sales")),
                            (r"sales? if (.+?) % of referrals", p.referral_sale_pct)]
        else:
            numbers += [(r"Hall: about (.+?) together", relationships.CASUAL_FRIEND_HOURS),
                        (r"casual friend yet in (.+?) \(Hall", float(p.weeks))]
        if p.weekly_hours / p.people >= relationships.INTENSE_HOURS_PER_PERSON:
            numbers.append((r"At (.+?) a week with each person", p.weekly_hours / p.people))
        numbers += verdict_numbers(result, self.goal(), [float(x) for x in verdict.x])
        return numbers


# --- the lines ---------------------------------------------------------------------------


def amount(value: float, unit: str) -> str:
    """An expected count: one decimal under ten ("6.5 sales"), "less than 1 sale" when tiny."""
    return text.few(value, unit)


def broadcast_line(result: FunnelResult) -> str:
    """What the hours bought as broadcasting: posts, followers, and the funnel over the horizon."""
    p, media = result.params, result.media
    n = media.posts_per_week
    rate = (t("goals.rate_weekly", posts=text.few(n, "post")) if n >= 1
            else t("goals.rate_rare", every=text.few(1 / n, "week")))
    sales = result.total("sales")
    rare = t("goals.sales_rare", every=text.few(result.posts / sales, "post")) if 0 < sales < 1 else ""
    return t(
        "goals.line_broadcast",
        hours=text.hours(p.weekly_hours), weeks=text.duration(p.weeks), total=text.hours(media.total_hours),
        rate=rate, start=text.number(media.followers[0]), end=text.number(media.followers[-1]),
        per_post=text.count(media.per_post_reach[-1], "person"),
        impressions=text.number(result.total("impressions")),
        clicks=amount(result.total("clicks"), "goals_click"),
        leads=amount(result.total("leads"), "goals_lead"),
        sales=amount(sales, "goals_sale"), rare=rare,
    )


def network_line(result: FunnelResult) -> str:
    """What the same hours built one-to-one: conversations, relationships, referrals."""
    p, net = result.params, result.networking
    each = p.weekly_hours / p.people
    intense = (t("goals.intense", each=text.hours(each))
               if each >= relationships.INTENSE_HOURS_PER_PERSON else "")
    common = {"hours": text.hours(p.weekly_hours), "people": text.count(p.people, "person"),
              "conversations": text.number(result.total("conversations")), "intense": intense}
    built = int(result.relationships[-1])
    if built == 0:
        return t("goals.line_network_none", casual=text.hours(relationships.CASUAL_FRIEND_HOURS),
                 weeks=text.duration(p.weeks), **common)
    referrals = net.total_referrals
    worth = (t("goals.referrals_worth", sales=amount(result.total("referral_sales"), "goals_sale"),
               pct=text.number(p.referral_sale_pct)) if referrals else t("goals.referrals_none_yet"))
    return t("goals.line_network", built=text.count(built, "goals_relationship"),
             referrals=text.count(referrals, "referral"), worth=worth, **common)


def measure(goal: str, side: str, value: float) -> str:
    """A goal's score as words: "103,248 impressions", "6.5 sales", "5 relationships"."""
    if goal == "buzz":
        unit = "goals_impression" if side == MEDIA else "goals_conversation"
        return text.count(value, unit)
    if goal == "sales":
        return amount(value, "goals_sale")
    return text.count(value, "goals_relationship")


def judged(goal: str, pair: Sequence[float], key: str) -> str:
    """One goal's verdict: who wins and by how much, in that goal's own units."""
    media, networking = pair
    who = winner((media, networking))
    side = "draw" if who is None else who
    return t(f"goals.{key}_{goal}_{side}", media=measure(goal, MEDIA, media),
             networking=measure(goal, NETWORKING, networking))


def reversal(result: FunnelResult, goal: str) -> str | None:
    """Another goal under which the other approach wins (the first in the course's order)."""
    mine = winner(scores(result)[goal])
    for other in GOALS:
        if other == goal:
            continue
        theirs = winner(scores(result)[other])
        if theirs is not None and theirs != mine:
            return other
    return None


def verdict_line(result: FunnelResult, goal: str) -> str:
    """Who wins under the chosen goal, and which other goal turns the ranking round."""
    first = judged(goal, scores(result)[goal], "verdict")
    other = reversal(result, goal)
    then = (judged(other, scores(result)[other], "reverse") if other is not None
            else t("goals.no_reversal"))
    return f"{first} {then}"


def verdict_numbers(result: FunnelResult, goal: str, shown: list[float]) -> list[tuple[str, float]]:
    """The numbers the verdict line states, the chosen goal's read from the figure's bars."""
    numbers = _judged_numbers(r"^Judged by [^:]*:", goal, shown)
    other = reversal(result, goal)
    if other is not None:
        numbers += _judged_numbers(r"Judge by [^:]*:", other,
                                   list(scores(result)[other]))
    return numbers


#: A quantity as the lines write it: "103,248", "6.5", "less than 1".
Q = r"((?:less than )?\d[\d,]*(?:\.\d+)?)"

_UNIT_WORD = {
    ("buzz", MEDIA): r"impressions?", ("buzz", NETWORKING): r"conversations?",
    ("sales", MEDIA): r"sales?", ("sales", NETWORKING): r"sales?",
    ("network", MEDIA): r"relationships?", ("network", NETWORKING): r"relationships?",
}


def _judged_numbers(anchor: str, goal: str, pair: Sequence[float]) -> list[tuple[str, float]]:
    """Patterns for the two scores a verdict states, media's first, after its anchor."""
    media, networking = pair
    numbers = []
    if goal != "network":  # broadcasting builds no relationship: the line says "none"
        numbers.append((anchor + rf".*?{Q} {_UNIT_WORD[(goal, MEDIA)]} from broadcasting", media))
    if goal != "network" or networking > 0:  # a draw on the network is said without numbers
        numbers.append((anchor + rf".*?{Q} {_UNIT_WORD[(goal, NETWORKING)]} one-to-one", networking))
    return numbers


def show(**initial: float) -> GoalsExplorer:
    """Build the lesson 02 explorer (the notebook's one line)."""
    return GoalsExplorer(**initial)
