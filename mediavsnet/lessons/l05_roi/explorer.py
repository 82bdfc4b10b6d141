"""Lesson 05's explorer: measuring a campaign's return, beside counting a network.

Left, in the social media hue: a campaign's estimated ROI week by week over
the measurement window, with its 95 % band, the other repeated measurements
drawn faintly, the true return (dashed) and break-even. Right, in the social
networking hue: lesson 04's network, counted exactly every week, and the
referral rate estimated from the few referrals it brought, with its own band.

The lesson's tables (interval width by window, where each way of measuring
lands) live here too, so the numbers a learner reads come from this model.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from mediavsnet.core import palette, text
from mediavsnet.core.strings import t
from mediavsnet.core.tables import text_table
from mediavsnet.explorer import layout
from mediavsnet.explorer.axes import round_up, week_axis
from mediavsnet.explorer.base import Explorer
from mediavsnet.models import attribution
from mediavsnet.models.attribution import AttributionParams, AttributionResult

#: A number as the lines write it (the sign, when negative, is written before it).
NUM = r"(\d[\d,]*(?:\.\d+)?)"

#: Where the traces are, by role.
#: The other measurements, drawn as one trace: each run's line, then a gap (NaN) before the next.
#: One trace, not twenty, keeps a slider move within the update budget.
RUNS_TRACE = 0
BAND_HIGH, BAND_LOW, ESTIMATE, TRUTH, BREAK_EVEN = range(1, 6)
NETWORK, FRIENDS, REF_HIGH, REF_LOW, REF_RATE = range(6, 11)


def with_gaps(week: np.ndarray, runs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every run's line end to end, a gap between two runs: x and y for one plotly trace."""
    count = runs.shape[0]
    x = np.concatenate([np.tile(week.astype(float), (count, 1)), np.full((count, 1), np.nan)], axis=1)
    y = np.concatenate([np.round(runs, 1), np.full((count, 1), np.nan)], axis=1)
    return x.ravel()[:-1], y.ravel()[:-1]


class RoiExplorer(Explorer):
    """A campaign's measured ROI against its true return; a network's count against its referrals."""

    name = "roi"
    specs = attribution.SPECS
    advanced = ("tracking_bias",)
    presets_file = Path(__file__).with_name("presets.json")
    #: With tracking on and no holdout, the tracking bias acts too.
    lively = {"tracking": 1}
    #: After a few weeks, a count's band has no useful top: its axis is sized to twice the
    #: final band's top, and the first weeks' upper edge runs off it.
    runs_off_the_top = frozenset({REF_HIGH})

    def compute(self, values: Mapping[str, float]) -> AttributionResult:
        return attribution.simulate(AttributionParams(**values))

    def build_figure(self) -> go.FigureWidget:
        self._weeks_drawn = 0
        fig = make_subplots(
            rows=1, cols=2,
            subplot_titles=(t("roi.title_media"), t("roi.title_networking")),
            specs=[[{}, {"secondary_y": True}]],
            horizontal_spacing=0.12,
        )
        hover = "%{fullData.name}, week %{x}: %{y:,.0f}<extra></extra>"
        faint = palette.see_through(palette.MEDIA_LIGHT, 0.35)
        band_edge = {"color": palette.see_through(palette.MEDIA, 0.0), "width": 0}  # the fill shows the band
        fig.add_trace(go.Scatter(name=t("roi.other_runs"), mode="lines", hoverinfo="skip",
                                 line={"color": faint, "width": 1}, connectgaps=False), row=1, col=1)
        # Each band is two traces, its edges: one legend group, so its one entry shows and hides both.
        fig.add_trace(go.Scatter(name=t("roi.band"), mode="lines", hoverinfo="skip", showlegend=False,
                                 legendgroup="band", line=band_edge), row=1, col=1)
        fig.add_trace(go.Scatter(name=t("roi.band"), mode="lines", fill="tonexty", hovertemplate=hover,
                                 legendgroup="band", fillcolor=palette.see_through(palette.MEDIA, 0.2),
                                 line=band_edge), row=1, col=1)
        fig.add_trace(go.Scatter(name=t("roi.estimate"), mode="lines", hovertemplate=hover,
                                 line={"color": palette.MEDIA, "width": 3}), row=1, col=1)
        fig.add_trace(go.Scatter(name=t("roi.truth"), mode="lines", hovertemplate=hover,
                                 line={"color": palette.OKABE_ITO["black"], "width": 2, "dash": "dash"}),
                      row=1, col=1)
        fig.add_trace(go.Scatter(name=t("roi.break_even"), mode="lines", hoverinfo="skip",
                                 line={"color": palette.NEUTRAL, "width": 1, "dash": "dot"}), row=1, col=1)
        fig.add_trace(go.Scatter(name=t("roi.network_size"), mode="lines", hovertemplate=hover,
                                 legend="legend2",
                                 line={"color": palette.NETWORKING, "width": 3, "shape": "hv"}),
                      row=1, col=2, secondary_y=False)
        fig.add_trace(go.Scatter(name=t("roi.friends"), mode="lines", hovertemplate=hover, legend="legend2",
                                 line={"color": palette.STAGES["close"], "width": 2, "shape": "hv"}),
                      row=1, col=2, secondary_y=False)
        fig.add_trace(go.Scatter(name=t("roi.referral_band"), mode="lines", hoverinfo="skip",
                                 showlegend=False, legend="legend2", legendgroup="referral_band",
                                 line={"color": palette.see_through(palette.NETWORKING, 0.0), "width": 0}),
                      row=1, col=2, secondary_y=True)
        fig.add_trace(go.Scatter(name=t("roi.referral_band"), mode="lines", fill="tonexty", legend="legend2",
                                 legendgroup="referral_band",
                                 hovertemplate="%{fullData.name}, week %{x}: %{y:,.1f}<extra></extra>",
                                 fillcolor=palette.see_through(palette.NETWORKING, 0.15),
                                 line={"color": palette.see_through(palette.NETWORKING, 0.0), "width": 0}),
                      row=1, col=2, secondary_y=True)
        fig.add_trace(go.Scatter(name=t("roi.referral_rate"), mode="lines", legend="legend2",
                                 hovertemplate="%{fullData.name}, week %{x}: %{y:,.1f}<extra></extra>",
                                 line={"color": palette.STAGES["casual"], "width": 2, "dash": "dash"}),
                      row=1, col=2, secondary_y=True)
        fig.update_xaxes(title_text=t("roi.x_axis"))
        fig.update_yaxes(title_text=t("roi.y_media"), row=1, col=1)
        fig.update_yaxes(title_text=t("roi.y_network"), row=1, col=2, secondary_y=False)
        fig.update_yaxes(title_text=t("roi.y_referrals"), row=1, col=2, secondary_y=True, showgrid=False)
        fig.update_layout(**layout.two_plots(height=500, right_legend_x=0.56, width=900, right_margin=60))
        return go.FigureWidget(fig)

    def draw(self, result: AttributionResult) -> None:
        data = self.fig.data
        week = result.week
        runs_x, runs_y = with_gaps(week, result.runs)
        if self._weeks_drawn != len(week):  # the weeks change with the window only: send them then
            data[RUNS_TRACE].x = runs_x
            for index in (BAND_HIGH, BAND_LOW, ESTIMATE, NETWORK, FRIENDS, REF_HIGH, REF_LOW, REF_RATE):
                data[index].x = week
            data[TRUTH].x = data[BREAK_EVEN].x = np.array([week[0], week[-1]])
            data[BREAK_EVEN].y = np.zeros(2)
            self._weeks_drawn = len(week)
        data[RUNS_TRACE].y = runs_y
        for index, values in ((BAND_HIGH, result.high), (BAND_LOW, result.low), (ESTIMATE, result.estimate)):
            data[index].y = np.round(values, 1)
        data[TRUTH].y = np.full(2, result.params.true_roi)
        for index, values in ((NETWORK, result.network_size), (FRIENDS, result.friends),
                              (REF_HIGH, result.referral_high), (REF_LOW, result.referral_low),
                              (REF_RATE, result.referral_rate)):
            data[index].y = np.round(values, 2) if index >= REF_HIGH else values
        top = max(float(result.runs.max()), float(result.high.max()), result.params.true_roi, 0.0)
        bottom = min(float(result.runs.min()), float(result.low.min()), result.params.true_roi, 0.0)
        axes = {
            "xaxis": week_axis(result.params.window_weeks),
            "xaxis2": week_axis(result.params.window_weeks),
            "yaxis": roi_axis(bottom, top),
            "yaxis2": {"range": [0, max(6, int(result.network_size.max()) + 1)], "rangemode": "tozero"},
            # Twice the final band's top: the first weeks' band runs off the top (runs_off_the_top).
            "yaxis3": {"tickmode": "auto", "range": [0, round_up(max(2 * float(result.referral_high[-1]),
                                                 float(result.referral_rate.max()) * 1.05, 1.0))]},
        }
        self.set_axes(axes)

    def describe(self, result: AttributionResult) -> str:
        return summarize(result)

    def invariants(self, result: AttributionResult) -> dict[str, bool]:
        p = result.params
        width = result.high - result.low
        lam = p.carryover
        expected_half_life = 0.0 if lam == 0 else float(np.log(0.5) / np.log(lam))
        return {
            "the band holds its estimate": bool(np.all(result.low <= result.estimate)
                                                and np.all(result.estimate <= result.high)),
            "the band narrows as weeks of data come in": bool(np.all(np.diff(width) < 1e-9)),
            "every measurement's band has the same width (the method, not the luck, sets it)": bool(
                np.allclose(width, 2 * attribution.Z * result.standard_error)
            ),
            "the half-life is ln 0.5 / ln lambda": bool(np.isclose(result.half_life, expected_half_life)),
            "a window never sees more than all of the effect": 0 < result.seen_share <= 1 + 1e-12,
            "without tracking bias, the expected estimate never exceeds the truth": (
                p.method == "tracked" or bool(np.all(result.expected <= p.true_roi + 1e-9))
            ),
            "the network is counted in whole people, friends among those met": bool(
                np.all(result.friends <= result.network_size)
                and np.all(result.network_size <= result.network_params.people)
            ),
            "the referral band holds the referral rate": bool(
                np.all(result.referral_low <= result.referral_rate + 1e-9)
                and np.all(result.referral_rate <= result.referral_high + 1e-9)
            ),
            "no referrals before there is a friend": bool(
                np.all(result.referrals[(result.friends == 0)] == 0)
            ),
        }

    def stated(self, result: AttributionResult) -> list[tuple[str, float]]:
        p, data = result.params, self.fig.data
        truth = float(data[TRUTH].y[0])
        low, high = float(data[BAND_LOW].y[-1]), float(data[BAND_HIGH].y[-1])
        window = float(data[ESTIMATE].x[-1])
        numbers = [
            signed(r"^The truth: the campaign returns ", truth, " %"),
            (r"a window of (.+?) sees", window),
            (r" sees (.+?) % of", 100 * result.seen_share),
            (r"^Measurement (\d+) of", float(p.measurement)),
            (r"^Measurement \d+ of (\d[\d,]*)", float(result.runs.shape[0])),
            (r"after (.+?) the estimate", window),
            signed(r"the estimate is ", float(data[ESTIMATE].y[-1]), " %"),
            (r"with a (\d+) % band", float(attribution.CONFIDENCE_PCT)),
            signed(r"band from ", low, " % to"),
            signed(r" % to ", high, r" % \("),
            (r"\((.+?) points wide\)", high - low),
            signed(r"[Tt]he truth, ", truth, " %"),
            (r"beside it, (.+?) a week", result.network_params.hours_per_week),
            (r"a week with (.+?) \(", float(result.network_params.people)),
            (r"exactly, (.+?) met", float(data[NETWORK].y[-1])),
            (r"met, (.+?) of them", float(data[FRIENDS].y[-1])),
            (r"closer; (.+?) so far", float(result.total_referrals)),
            (r"anywhere from (.+?) to", float(data[REF_LOW].y[-1])),
            (r"anywhere from .+? to (.+?) a year", float(data[REF_HIGH].y[-1])),
        ]
        if p.carryover > 0:
            numbers.append((r"half-life is (.+?);", result.half_life))
        reason = miss_reason(result)
        if reason == "bias":
            numbers.append((r"the ads (.+?) points they", abs(p.tracking_bias)))
        elif reason == "window":
            numbers.append((r"saw only (.+?) % of", 100 * result.seen_share))
        elif reason == "chance":
            numbers.append((r"about 1 measurement in (\d+)", 100 / (100 - attribution.CONFIDENCE_PCT)))
            numbers.append((r"about (1) measurement in", 1.0))
        return numbers


def signed(before: str, value: float, after: str) -> tuple[str, float]:
    """A stated percentage, its sign checked by the pattern itself (a minus only when it rounds below 0)."""
    minus = t("roi.minus") if round(value) < 0 else ""
    return rf"{before}{minus}{NUM}{after}", abs(value)


def pct(value: float, decimals: int = 0) -> str:
    """A percentage as the lines write it: whole, with a true minus sign."""
    shown = round(value, decimals)
    return (t("roi.minus") if shown < 0 else "") + text.number(abs(shown), decimals)


def edge_pct(value: float) -> str:
    """A band's edge, whole unless that would put it on break-even: "−0.3", not "0", for a band below it.

    An edge within 0.005 points of break-even is written "0": no reading could tell its side.
    """
    if round(value) != 0:
        return pct(value)
    return pct(value, next((d for d in (1, 2) if round(value, d) != 0), 0))


def rate(value: float) -> str:
    """A referral rate a year: one decimal under ten."""
    return text.number(value, text.decimals_for(value))


def verdict(result: AttributionResult) -> str:
    """pays, loses or unclear: what this measurement's final band says about break-even."""
    if result.low[-1] > 0:
        return "pays"
    if result.high[-1] < 0:
        return "loses"
    return "unclear"


def miss_reason(result: AttributionResult) -> str | None:
    """Why the truth is outside the band (None when it is inside).

    Systematic when even a noise-free measurement would miss it by more than
    the band's half-width: tracking bias if there is any, else the carry-over
    the window has not seen. Otherwise, chance.
    """
    p = result.params
    if result.low[-1] <= p.true_roi <= result.high[-1]:
        return None
    if abs(result.expected[-1] - p.true_roi) > attribution.Z * result.standard_error[-1]:
        return "bias" if p.method == "tracked" and p.tracking_bias != 0 else "window"
    return "chance"


def summarize(result: AttributionResult) -> str:
    """The explorer's lines: the truth, the measurement, what it can tell, and the network beside it."""
    p = result.params
    window = text.duration(p.window_weeks)
    seen = text.number(100 * result.seen_share)
    if p.carryover > 0:
        truth = t("roi.truth_carry", roi=pct(p.true_roi), half_life=text.few(result.half_life, "week"),
                  window=window, seen=seen)
    else:
        truth = t("roi.truth_no_carry", roi=pct(p.true_roi), window=window, seen=seen)
    low, high = result.low[-1], result.high[-1]
    measure = t(
        "roi.measure", n=p.measurement, runs=attribution.RUNS, method=t(f"roi.method_{p.method}"),
        window=window, estimate=pct(result.estimate[-1]), confidence=attribution.CONFIDENCE_PCT,
        low=edge_pct(low), high=edge_pct(high), width=text.number(high - low),
    )
    reason = miss_reason(result)
    if reason is None:
        truth_check = t("roi.truth_inside", roi=pct(p.true_roi))
    elif reason == "bias":
        truth_check = t("roi.truth_outside_bias" if p.tracking_bias > 0 else "roi.truth_outside_bias_low",
                        roi=pct(p.true_roi), bias=text.number(abs(p.tracking_bias)))
    elif reason == "window":
        truth_check = t("roi.truth_outside_window", roi=pct(p.true_roi), seen=seen)
    else:
        truth_check = t("roi.truth_outside_chance", roi=pct(p.true_roi),
                        one_in=round(100 / (100 - attribution.CONFIDENCE_PCT)))
    tells = f"{t(f'roi.verdict_{verdict(result)}')} {truth_check}"
    net = result.network_params
    network = t(
        "roi.network", hours=text.hours(net.hours_per_week), people=text.count(net.people, "person"),
        met=text.count(result.network_size[-1], "person"), friends=text.number(result.friends[-1]),
        referrals=text.count(result.total_referrals, "referral"),
        low=rate(result.referral_low[-1]), high=rate(result.referral_high[-1]),
    )
    return "\n".join((truth, measure, tells, network))


def roi_axis(bottom: float, top: float) -> dict[str, object]:
    """An ROI axis that always shows break-even, rounded out to 50 points so small moves leave it still."""
    return {"range": [50.0 * float(np.floor(bottom / 50 - 0.1)), 50.0 * float(np.ceil(top / 50 + 0.1))]}


# --- the lesson's tables (kept in the notebook, compared by the tests) ----------------------


def width_by_window(windows: tuple[int, ...] = (4, 13, 52, 156), **fixed: float) -> str:
    """The 95 % band's width on ROI for each way of measuring, by window length, at the defaults."""
    base = AttributionParams.from_defaults(**fixed)
    rows = []
    for weeks in windows:
        row = [text.duration(weeks)]
        for index in range(len(attribution.TRACKING)):
            r = attribution.simulate(AttributionParams.from_defaults(**{**fixed, "window_weeks": weeks,
                                                                        "tracking": index}))
            row.append(t("roi.table.unit", width=text.number(r.high[-1] - r.low[-1])))
        rows.append(row)
    header = [t("roi.table.window"), *(t(f"roi.table.{m}") for m in attribution.TRACKING)]
    title = t("roi.table.width_title", roi=pct(base.true_roi), carryover=text.number(base.carryover, 1),
              cv=text.number(base.noise_cv))
    return title + "\n" + text_table(header, rows)


def methods_compared(windows: tuple[int, ...] = (4, 156), **fixed: float) -> str:
    """Where each way of measuring lands on average (its expected estimate), and what measurement 1 says."""
    base = AttributionParams.from_defaults(**fixed)
    rows = []
    for weeks in windows:
        for index, method in enumerate(attribution.TRACKING):
            r = attribution.simulate(AttributionParams.from_defaults(**{**fixed, "window_weeks": weeks,
                                                                        "tracking": index}))
            inside = r.low[-1] <= base.true_roi <= r.high[-1]
            rows.append([
                text.duration(weeks),
                t(f"roi.table.{method}"),
                f"{pct(r.expected[-1])} %",
                f"{edge_pct(r.low[-1])} % to {edge_pct(r.high[-1])} %",
                t(f"roi.table.says_{verdict(r)}"),
                t("roi.table.yes") if inside else t("roi.table.no"),
            ])
    header = [t("roi.table.window"), t("roi.table.method"), t("roi.table.centre"), t("roi.table.band"),
              t("roi.table.says"), t("roi.table.inside")]
    title = t("roi.table.methods_title", roi=pct(base.true_roi),
              bias=text.number(base.tracking_bias))
    return title + "\n" + text_table(header, rows)


def show(**initial: float) -> RoiExplorer:
    """Build the lesson 05 explorer (the notebook's one line)."""
    return RoiExplorer(**initial)
