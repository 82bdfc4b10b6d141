"""Lesson 06's explorer: how a post spreads through shares, and why it almost never does.

Left: how big each post's cascade got (posts by their number of shares, on a
log scale so the rare large one shows beside the thousands that never spread).
Right: where all the shares came from, step by step: straight from the
original post (one broadcast) or down chains of shares. Both in the social
media hue: sharing is broadcasting, person by person. Three lines say whether
this post dies out or can take off, and why; how many posts never spread and
how big the largest got; and how much of the spread was one broadcast.

The lesson's kept tables are in :mod:`mediavsnet.lessons.l06_social_media_family.tables`, from the same model.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from mediavsnet.core import palette, text
from mediavsnet.core.strings import t
from mediavsnet.explorer.base import Explorer
from mediavsnet.lessons.l06_social_media_family.tables import percent
from mediavsnet.models import cascade
from mediavsnet.models.cascade import CascadeParams, CascadeResult

#: Size classes of the left chart: a post's shares fall in [low, next low).
SIZE_CLASSES = (0, 1, 2, 5, 10, 50, 100, 500, 1_000, cascade.MAX_SHARES)
#: Steps shown one by one on the right; the last bar gathers this step and beyond.
STEPS_SHOWN = 10
#: "Chains of three steps or more": the depth from which a share counts as chain-borne.
DEEP = 3


def size_labels() -> list[str]:
    """The left chart's tick labels: "0", "1", "2-4", ..., "10,000+" (stopped there)."""
    labels = []
    for low, high in zip(SIZE_CLASSES, [*SIZE_CLASSES[1:], None], strict=True):
        if high is None:
            labels.append(t("cascade.size_top", low=text.number(low)))
        elif high - low == 1:
            labels.append(text.number(low))
        else:
            labels.append(t("cascade.size_range", low=text.number(low), high=text.number(high - 1)))
    return labels


def size_counts(shares: np.ndarray) -> np.ndarray:
    """Posts in each size class."""
    index = np.searchsorted(np.asarray(SIZE_CLASSES), shares, side="right") - 1
    return np.bincount(index, minlength=len(SIZE_CLASSES)).astype(float)


def step_shares(by_step: np.ndarray) -> np.ndarray:
    """Percent of all shares made at steps 1 to STEPS_SHOWN (the last bar: that step and beyond)."""
    counts = np.concatenate([by_step[: STEPS_SHOWN - 1], [by_step[STEPS_SHOWN - 1:].sum()]]).astype(float)
    total = counts.sum()
    return 100 * counts / total if total else np.zeros(STEPS_SHOWN)


def ratio(value: float) -> str:
    """R to two decimals, or to its first figure when it is smaller than that (0.001)."""
    for decimals in range(2, 5):
        if round(value, decimals) != 0 or value == 0:
            return text.number(value, decimals)
    return text.number(value, 4)


class CascadeExplorer(Explorer):
    """Share chance, audience per share and the first audience decide how far a post spreads."""

    name = "cascade"
    specs = cascade.SPECS
    advanced = ("posts",)
    presets_file = Path(__file__).with_name("presets.json")
    #: From the defaults every control already acts (each draws new cascades).
    lively: Mapping[str, float] = {}

    def compute(self, values: Mapping[str, float]) -> CascadeResult:
        return cascade.simulate(CascadeParams(**values))

    def build_figure(self) -> go.FigureWidget:
        fig = make_subplots(
            rows=1, cols=2, column_widths=[0.55, 0.45], horizontal_spacing=0.12,
            subplot_titles=(t("cascade.title_sizes"), t("cascade.title_steps")),
        )
        colours = [palette.NEUTRAL] + [palette.MEDIA] * (len(SIZE_CLASSES) - 1)
        fig.add_trace(
            go.Bar(name=t("cascade.posts"), x=list(range(len(SIZE_CLASSES))), marker={"color": colours},
                   texttemplate="%{y:,.0f}", textposition="outside", cliponaxis=False,
                   customdata=size_labels(),
                   hovertemplate=t("cascade.hover_sizes") + "<extra></extra>"),
            row=1, col=1,
        )
        fig.add_trace(
            go.Bar(name=t("cascade.shares"), x=list(range(1, STEPS_SHOWN + 1)),
                   marker={"color": palette.MEDIA_LIGHT, "line": {"color": palette.MEDIA, "width": 1}},
                   textposition="outside", cliponaxis=False,
                   hovertemplate=t("cascade.hover_steps") + "<extra></extra>"),
            row=1, col=2,
        )
        steps = [str(s) for s in range(1, STEPS_SHOWN)] + [t("cascade.steps_top", step=STEPS_SHOWN)]
        fig.update_xaxes(title_text=t("cascade.x_sizes"), tickmode="array",
                         tickvals=list(range(len(SIZE_CLASSES))), ticktext=size_labels(), row=1, col=1)
        fig.update_xaxes(title_text=t("cascade.x_steps"), tickmode="array",
                         tickvals=list(range(1, STEPS_SHOWN + 1)), ticktext=steps, row=1, col=2)
        fig.update_yaxes(title_text=t("cascade.y_sizes"), type="log", row=1, col=1)
        fig.update_yaxes(title_text=t("cascade.y_steps"), range=[0, 115], row=1, col=2)
        fig.update_layout(
            template="simple_white", width=860, height=440, showlegend=False,
            margin={"l": 60, "r": 20, "t": 60, "b": 20},
            font={"family": palette.FONT_FAMILY, "size": 13},
            # Every bar's number at one readable size (plotly would shrink those that crowd).
            uniformtext={"mode": "show", "minsize": 11},
        )
        return go.FigureWidget(fig)

    def draw(self, result: CascadeResult) -> None:
        sizes, steps = self.fig.data
        sizes.y = size_counts(result.shares)
        shares = step_shares(result.by_step)
        steps.y = shares
        steps.text = [f"{percent(v)} %" if v else "" for v in shares]
        # Log axis from under one post to above all of them, ticks at powers of ten: set only
        # when the posts change.
        top = result.params.posts * 4
        ticks = [10**k for k in range(int(math.log10(top)) + 1)]
        axis = {"range": [math.log10(0.5), math.log10(top)], "tickmode": "array", "tickvals": ticks,
                "ticktext": [text.number(v) for v in ticks]}
        self.set_axes({"yaxis": axis})

    def describe(self, result: CascadeResult) -> str:
        return "\n".join((regime_line(result), sizes_line(result), chains_line(result)))

    def invariants(self, result: CascadeResult) -> dict[str, bool]:
        sizes, steps = self.fig.data
        shares, views, depth = result.shares, result.views, result.depth
        r = result.reproduction
        return {
            "every post is in one bar of the size chart": float(np.sum(sizes.y)) == result.params.posts,
            "every share is counted at one step": int(result.by_step.sum()) == int(shares.sum()),
            "the steps chart adds up to all the shares": (
                math.isclose(float(np.sum(steps.y)), 100, abs_tol=0.1) if shares.sum() else
                float(np.sum(steps.y)) == 0
            ),
            "nobody shares a post they did not see": bool(np.all(shares <= views)),
            "a chain is never longer than its shares": bool(np.all(depth <= shares)),
            "a post nobody shared was seen only by its first audience": bool(
                np.all(views[shares == 0] == result.params.seed_audience)
            ),
            "in theory nothing takes off unless R is above 1": (
                (result.take_off_probability == 0) == (r <= 1 + 1e-12)
            ),
            "only a post still spreading is stopped": bool(
                np.all(shares[result.stopped] > 0)
            ),
        }

    def stated(self, result: CascadeResult) -> list[tuple[str, float]]:
        p = result.params
        sizes, steps = self.fig.data
        posts = float(np.sum(sizes.y))
        never = float(sizes.y[0])
        numbers = [
            (r"R = ([\d.]+)", result.reproduction),
            (r"\(a ([\d.]+) % chance", p.share_pct),
            (r"share × ([\d,]+) (?:person|people)", float(p.audience_per_share)),
            (r"^Of ([\d,]+) posts", posts),
            (r"posts, each first seen by ([\d,]+)", float(p.seed_audience)),
            (r"(?:people|person): ([\d,]+) \(", never),
            (r"(?:people|person): [\d,]+ \(([\d.]+) %\) never", 100 * never / posts),
            (r"never spread, ([\d,]+) \(", float(np.sum(result.depth >= 2))),
            (r"never spread, [\d,]+ \(([\d.]+) %\)", 100 * float(np.sum(result.depth >= 2)) / posts),
        ]
        r = result.reproduction
        if r < 1 - 1e-12:
            numbers.append((r"under (1):", 1.0))
        elif r > 1 + 1e-12:
            numbers += [(r"above (1): ", 1.0),
                        (r"in theory ([\d.]+) % of", 100 * result.take_off_probability)]
        else:
            numbers.append((r"exactly (1): ", 1.0))
        total = float(result.shares.sum())
        if total:
            biggest = int(np.argmax(result.shares))
            numbers += [
                (r"largest cascade had ([\d,]+) shares?", float(result.shares[biggest])),
                (r"shares? and reached ([\d,]+) (?:person|people)", float(result.views[biggest])),
                (r"^Of all ([\d,]+) shares?", total),
                (r"shares?, ([\d.]+) % came straight", float(steps.y[0])),
                (r"post and ([\d.]+) % down", float(np.sum(steps.y[DEEP - 1:]))),
                (r"longest chain was ([\d,]+) steps?", float(result.depth.max())),
            ]
        stopped = int(result.stopped.sum())
        if stopped:
            numbers += [
                (r"([\d,]+) posts? (?:was|were) still spreading", float(stopped)),
                (r"still spreading \(([\d.]+) %\)", 100 * stopped / posts),
                (r"stopped (?:them|it), past ([\d,]+) shares", float(cascade.MAX_SHARES)),
                (r"shares or at ([\d,]+) steps", float(cascade.MAX_STEPS)),
            ]
        return numbers


def regime_line(result: CascadeResult) -> str:
    """Dies out or can take off, and why: R, from the share chance and the audience per share."""
    p, r = result.params, result.reproduction
    values = {
        "r": ratio(r),
        "chance": text.number(p.share_pct, text.needed_decimals(p.share_pct)),  # as its slider shows it
        "audience": text.count(p.audience_per_share, "person"),
    }
    if r < 1 - 1e-12:
        return t("cascade.regime_dies", **values)
    if r > 1 + 1e-12:
        chance = result.take_off_probability
        rest = t("cascade.rest_die_out") if chance < 1 else ""
        return t("cascade.regime_takes_off", take_off=percent(100 * chance), rest=rest, **values)
    return t("cascade.regime_edge", **values)


def sizes_line(result: CascadeResult) -> str:
    """How many posts never spread, how many went beyond the first step, and the largest cascade."""
    p = result.params
    never = int(np.sum(result.shares == 0))
    deep = int(np.sum(result.depth >= 2))
    line = t(
        "cascade.sizes",
        posts=text.number(p.posts),
        seed=text.count(p.seed_audience, "person"),
        never=text.number(never),
        never_pct=percent(100 * never / p.posts),
        deep=text.number(deep),
        deep_pct=percent(100 * deep / p.posts),
    )
    if result.shares.max() > 0:
        biggest = int(np.argmax(result.shares))
        line += " " + t("cascade.largest", shares=text.count(result.shares[biggest], "cascade_share"),
                        reached=text.count(result.views[biggest], "person"))
    else:
        line += " " + t("cascade.none_shared")
    stopped = int(result.stopped.sum())
    if stopped:
        key = "cascade.stopped_one" if stopped == 1 else "cascade.stopped"
        line += " " + t(key, stopped=text.count(stopped, "post"),
                        pct=percent(100 * stopped / p.posts),
                        max_shares=text.number(cascade.MAX_SHARES), max_steps=text.number(cascade.MAX_STEPS))
    return line


def chains_line(result: CascadeResult) -> str:
    """How much of the spread was one broadcast (step 1) and how much came down chains."""
    total = int(result.shares.sum())
    if total == 0:
        return t("cascade.chains_none")
    by_step = result.by_step
    return t(
        "cascade.chains",
        total=text.count(total, "cascade_share"),
        direct=percent(100 * by_step[0] / total),
        deep=percent(100 * by_step[DEEP - 1:].sum() / total),
        longest=text.count(int(result.depth.max()), "cascade_step"),
    )


def show(**initial: float) -> CascadeExplorer:
    """Build the lesson 06 explorer (the notebook's one line)."""
    return CascadeExplorer(**initial)
