"""Lesson 07's explorer: your weekly hours, split two ways, projected over twelve months, saved to a file.

Top: how plan A and plan B split their hours a week between broadcasting (the
social media hue), listening and one-to-one work (tints of the social
networking hue). Below, one panel per goal of lesson 02 (buzz, the bottom line,
the network), each with plan A (solid) and plan B (dashed) week by week; the
goal the learner judges by is marked. The lines say which plan does better by
that goal, whether another goal reverses it, and what each plan brought.

Under the controls, the learner names a file and saves the plan (JSON and a
Markdown summary, in their folder) with their own notes, or loads one back:
:mod:`mediavsnet.lessons.l07_your_strategy.planner` does the reading and writing; this module only wires
the buttons and shows what happened.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from mediavsnet.core import palette, text
from mediavsnet.core.strings import t
from mediavsnet.explorer.axes import count_axis, round_up
from mediavsnet.explorer.base import Explorer
from mediavsnet.explorer.fields import send_fields_with_clicks
from mediavsnet.lessons.l07_your_strategy import planner
from mediavsnet.models import relationships, strategy
from mediavsnet.models.strategy import GOALS, Comparison, PlanResult

PLANS = ("a", "b")
#: Each activity's colour: broadcasting is social media; listening and one-to-one work are
#: the two halves of social networking, talking *and* listening (lesson 01).
ACTIVITY_COLOURS = {"broadcast": palette.MEDIA, "listening": palette.STAGES["casual"],
                    "one_to_one": palette.NETWORKING}
#: The two plans' lines: told apart by weight and dash as well as shade, never by colour alone.
PLAN_LINES = {"a": {"color": palette.OKABE_ITO["black"], "width": 3},
              "b": {"color": palette.NEUTRAL, "width": 3, "dash": "dash"}}
MONTH_TICKS = {"tickmode": "array", "tickvals": [0, 13, 26, 39, 52], "ticktext": ["0", "3", "6", "9", "12"]}


class StrategyExplorer(Explorer):
    """Two plans for the same weekly hours, judged by a goal, with save and load."""

    name = "strategy"
    specs = strategy.explorer_specs()
    advanced = tuple(spec.name for spec in strategy.SITUATION)
    presets_file = Path(__file__).with_name("presets.json")
    #: Plan B gives one person enough time for every control to show at once: relationships
    #: and referrals form within the year, and listening answers every message.
    lively: Mapping[str, float] = {"b_one_to_one_hours": 10.0, "b_listening_hours": 6.0}

    def __init__(self, folder: str | Path = planner.DEFAULT_FOLDER, **initial: float) -> None:
        self.folder = Path(folder)
        self.status = ""
        self._build_plan_controls()
        super().__init__(**initial)

    # --- the model -------------------------------------------------------------------------
    def compute(self, values: Mapping[str, float]) -> Comparison:
        # Most moves change one plan (or only the goal): the other plan's projection is reused.
        a, b = (strategy.plan_params(dict(values), plan) for plan in PLANS)
        return Comparison(goal=GOALS[int(values["goal"])], a=_projected(a), b=_projected(b))

    # --- the figure ------------------------------------------------------------------------
    def build_figure(self) -> go.FigureWidget:
        fig = make_subplots(
            rows=2, cols=3,
            specs=[[{"colspan": 3}, None, None], [{}, {}, {}]],
            row_heights=[0.22, 0.78],
            subplot_titles=(t("strategy.title_hours"), *self._goal_titles(0)),
            horizontal_spacing=0.08, vertical_spacing=0.2,
        )
        for activity in strategy.ACTIVITIES:
            fig.add_trace(
                go.Bar(name=t(f"plan.activity_{activity}"), orientation="h",
                       marker={"color": ACTIVITY_COLOURS[activity]},
                       hovertemplate=t("strategy.hover_hours")),
                row=1, col=1,
            )
        hover = t("strategy.hover_week")
        for col, goal in enumerate(GOALS, start=1):
            for plan in PLANS:
                fig.add_trace(
                    go.Scatter(name=t(f"strategy.plan_{plan}"), mode="lines", hovertemplate=hover,
                               line={**PLAN_LINES[plan], "shape": "hv" if goal == "network" else "linear"},
                               legend="legend2", legendgroup=plan, showlegend=col == 1),
                    row=2, col=col,
                )
        fig.update_layout(barmode="stack")
        fig.update_annotations(font_size=14)
        fig.update_yaxes(tickmode="array", tickvals=[0, 1], autorange="reversed",
                         ticktext=[t("strategy.plan_a"), t("strategy.plan_b")], row=1, col=1)
        fig.update_xaxes(title_text=t("strategy.x_hours"), row=1, col=1)
        for col in (1, 2, 3):
            fig.update_xaxes(title_text=t("strategy.x_months"), range=[0, strategy.WEEKS], **MONTH_TICKS,
                             row=2, col=col)
        fig.update_layout(
            template="simple_white",
            width=900,
            height=560,
            margin={"l": 60, "r": 20, "t": 40, "b": 20},
            font={"family": palette.FONT_FAMILY, "size": 13},
            legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 1.0, "xanchor": "right",
                    "traceorder": "normal"},
            legend2={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0.5, "xanchor": "center"},
            hovermode="closest",
            bargap=0.35,
        )
        return go.FigureWidget(fig)

    @staticmethod
    def _goal_titles(goal_index: int) -> list[str]:
        chosen = GOALS[goal_index]
        return [t("strategy.title_your_goal", title=t(f"strategy.title_{goal}")) if goal == chosen
                else t(f"strategy.title_{goal}") for goal in GOALS]

    def draw(self, result: Comparison) -> None:
        bars, lines = self.fig.data[:3], self.fig.data[3:]
        if not self._positions_sent:  # the weeks and the bars' rows never change: sent with the first draw
            for trace in bars:
                trace.y = [0, 1]
            for trace in lines:
                trace.x = np.arange(1, strategy.WEEKS + 1)
            self._positions_sent = True
        for trace, activity in zip(bars, strategy.ACTIVITIES, strict=True):
            trace.x = [getattr(r.params, f"{activity}_hours") for r in (result.a, result.b)]
        tops = {}
        for i, goal in enumerate(GOALS):
            for j, plan in enumerate(PLANS):
                lines[2 * i + j].y = getattr(getattr(result, plan), goal)
            tops[goal] = float(max(getattr(result.a, goal).max(), getattr(result.b, goal).max()))
        budget = max(result.a.params.weekly_hours, result.b.params.weekly_hours)
        axes: dict[str, object] = {
            "xaxis": {"range": [0, round_up(max(budget, 1.0) * 1.05)]},
            "yaxis2": count_axis(tops["buzz"]),
            "yaxis3": count_axis(tops["sales"]),
            "yaxis4": count_axis(tops["network"]),
        }
        self.set_axes(axes)
        titles = self._goal_titles(GOALS.index(result.goal))
        for annotation, title in zip(self.fig.layout.annotations[1:], titles, strict=True):
            if annotation.text != title:
                annotation.text = title

    # --- the lines -------------------------------------------------------------------------
    def describe(self, result: Comparison) -> str:
        return "\n".join((verdict_line(result), reversal_line(result),
                          plan_line(result.a, "a"), plan_line(result.b, "b")))

    def invariants(self, result: Comparison) -> dict[str, bool]:
        truths: dict[str, bool] = {}
        for plan in PLANS:
            r: PlanResult = getattr(result, plan)
            p = r.params
            truths.update({
                f"plan {plan}: the hours spent are the plan's budget, every week": bool(
                    np.allclose(r.hours, p.weekly_hours)),
                f"plan {plan}: buzz and sales only add up over the year": bool(
                    np.all(np.diff(r.buzz) >= -1e-9) and np.all(np.diff(r.sales) >= -1e-12)),
                f"plan {plan}: no message is answered that did not arrive": bool(
                    np.all(r.replies <= r.listening.arrived + 1e-9)),
                f"plan {plan}: relationships are among the people given time": bool(
                    np.all(r.network <= p.people)),
                f"plan {plan}: no one-to-one hours, no relationship and no referral": (
                    p.one_to_one_hours > 0 or (r.network.max() == 0 and r.networking.total_referrals == 0)),
                f"plan {plan}: no posting hours, no impression": (
                    p.broadcast_hours > 0 or float(r.impressions.sum()) == 0.0),
                f"plan {plan}: a sale from a post needs a click first": bool(
                    r.post_sales.sum() <= r.impressions.sum() + 1e-9),
            })
        truths["the plan said to do better scores more under the goal"] = (
            result.winner() is None or getattr(result, result.winner()).score(result.goal)
            > getattr(result, "b" if result.winner() == "a" else "a").score(result.goal))
        return truths

    def stated(self, result: Comparison) -> list[tuple[str, float]]:
        lines = self.fig.data[3:]
        shown = {(goal, plan): float(lines[2 * i + j].y[-1])
                 for i, goal in enumerate(GOALS) for j, plan in enumerate(PLANS)}
        numbers: list[tuple[str, float]] = []
        goal, best = result.goal, result.winner()
        if best is None:
            numbers.append((rf"^Judged by [^,]*, the two plans tie[^:]*: {Q}", shown[(goal, "a")]))
        else:
            other = "b" if best == "a" else "a"
            numbers += [(rf"^Judged by [^:]*: {Q}", shown[(goal, best)]),
                        (rf"^Judged by [^:]*: .*? against {Q}", shown[(goal, other)])]
        flip = reversal(result)
        if flip is not None:
            winner = result.winner(flip)
            other = "b" if winner == "a" else "a"
            numbers += [(rf"^Judge by [^:]*: {Q}", shown[(flip, winner)]),
                        (rf"^Judge by [^:]*: .*? against {Q}", shown[(flip, other)])]
        for plan in PLANS:
            r: PlanResult = getattr(result, plan)
            p = r.params
            anchor = rf"^Plan {plan.upper()}, "
            numbers += [
                (anchor + r"(.+?) a week:", p.weekly_hours),
                (anchor + r".*? a week: (.+?) broadcasting", p.broadcast_hours),
                (anchor + r".*? broadcasting, (.+?) listening", p.listening_hours),
                (anchor + r".*? listening, (.+?) one-to-one\.", p.one_to_one_hours),
                (anchor + rf".*? In twelve months: {Q} times? seen", shown[("buzz", plan)]),
                (anchor + rf".*? heard, {Q} sales?", shown[("sales", plan)]),
                (anchor + rf".*? sales?, {Q} relationships?", shown[("network", plan)]),
                (anchor + r".*? followers from ([\d,]+)", float(r.media.followers[0])),
                (anchor + r".*? followers from [\d,]+ to ([\d,]+)", float(r.media.followers[-1])),
                (anchor + rf".*?; {Q} of the", float(r.replies.sum())),
                (anchor + rf".*? of the {Q} messages?", float(r.listening.arrived.sum())),
            ]
            if thin(r):
                numbers += [
                    (anchor + r".*? \((?:each of )?(.+?) (?:person|people) had", float(p.people)),
                    (anchor + r".*? had about (.+?) of your time", hours_each(r)),
                    (anchor + r".*? Hall: about (.+?) for a casual", relationships.CASUAL_FRIEND_HOURS),
                ]
        return numbers

    # --- save and load ---------------------------------------------------------------------
    def _build_plan_controls(self) -> None:
        # The name and the notes reach the kernel when the box loses the focus (or on Enter), one
        # message an edit rather than one a key; and each click on Save or Load first sends both as
        # the page shows them (ClickFields, in _plan_box), so a name typed fast or pasted and saved
        # at once is the name saved.
        self.file_name = widgets.Text(value=planner.DEFAULT_NAME, description=t("plan.name_label"),
                                      placeholder=planner.DEFAULT_NAME, continuous_update=False,
                                      style={"description_width": "9em"},
                                      layout=widgets.Layout(width="24em")).add_class("mvn-plan-name")
        self.overwrite = widgets.Checkbox(value=False, description=t("plan.overwrite"), indent=False,
                                          layout=widgets.Layout(width="auto")).add_class("mvn-plan-overwrite")
        self.save_button = widgets.Button(description=t("plan.save"), tooltip=t("plan.save_help"),
                                          icon="save",
                                          layout=widgets.Layout(width="auto")).add_class("mvn-plan-save")
        self.load_button = widgets.Button(description=t("plan.load"), tooltip=t("plan.load_help"),
                                          icon="folder-open",
                                          layout=widgets.Layout(width="auto")).add_class("mvn-plan-load")
        self.notes = widgets.Textarea(value="", placeholder=t("plan.notes_placeholder"),
                                      continuous_update=False,
                                      description=t("plan.notes_label"), style={"description_width": "9em"},
                                      layout=widgets.Layout(width="58em", height="5em"))
        self.notes.add_class("mvn-plan-notes")
        self._status_html = widgets.HTML(layout=widgets.Layout(display="none")).add_class("mvn-plan-status")
        self.save_button.on_click(lambda _button: self._safely(self.save))
        self.load_button.on_click(lambda _button: self._safely(self.load))

    def _plan_box(self) -> widgets.Widget:
        row = widgets.HBox([self.file_name, self.save_button, self.load_button, self.overwrite],
                           layout=widgets.Layout(align_items="center", flex_flow="row wrap"))
        intro = widgets.HTML(f"<p>{html.escape(t('plan.intro', folder=self.folder.as_posix()))}</p>")
        box = widgets.VBox([intro, self.notes, row, self._status_html]).add_class("mvn-plan")
        send_fields_with_clicks(box, ".mvn-plan-save, .mvn-plan-load",
                                {"name": self.file_name, "notes": self.notes, "overwrite": self.overwrite},
                                root=".mvn-plan")
        return box

    def _layout(self) -> widgets.VBox:
        box = super()._layout()
        rows = list(box.children)
        rows.insert(len(rows) - 3, self._plan_box())  # above the figure, below the settings
        box.children = tuple(rows)
        return box

    def _safely(self, action) -> None:
        """A button's action; ipywidgets would swallow its exception, so it is shown instead."""
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - shown to the learner, not swallowed
            self._show_error(exc)

    def save(self, name: str | None = None, notes: str | None = None, overwrite: bool | None = None) -> None:
        """Save the plan as the learner would with the Save button (arguments default to the fields)."""
        name = self.file_name.value if name is None else name
        notes = self.notes.value if notes is None else notes
        overwrite = self.overwrite.value if overwrite is None else overwrite
        self._say([])
        try:
            saved = planner.save(self.folder, name, self.values(), notes, overwrite=overwrite,
                                 saved_at=datetime.now().astimezone().isoformat(timespec="seconds"))
        except planner.PlanError as exc:
            self._show_error(exc)
            return
        self.file_name.value = saved.name
        self.overwrite.value = False  # the next save asks again
        where, file = saved.json_path.parent.as_posix(), saved.json_path.stem
        key = "plan.saved_renamed" if saved.renamed else "plan.saved"
        self._say([t(key, folder=where, file=file, name=saved.name, asked=saved.asked,
                     taken_by=saved.taken_by)])
        self._clear_error()

    def load(self, name: str | None = None) -> None:
        """Load a plan as the learner would with the Load button; a problem is shown, nothing changes."""
        name = self.file_name.value if name is None else name
        self._say([])
        try:
            loaded = planner.load(self.folder, name)
        except planner.PlanError as exc:
            self._show_error(exc)
            return
        self.set(**loaded.values)
        if self.error:
            return
        self.notes.value = loaded.notes
        self.file_name.value = loaded.name
        self._say([t("plan.loaded", folder=self.folder.as_posix(), file=loaded.file), *loaded.messages])

    def _say(self, messages: list[str]) -> None:
        """Show what a save or a load did (nothing: hide the area)."""
        self.status = "\n".join(messages)
        if not messages:
            self._status_html.value = ""
            self._status_html.layout.display = "none"
            return
        items = "".join(f"<li>{html.escape(m)}</li>" for m in messages[1:])
        self._status_html.value = (f'<div role="status"><p>{html.escape(messages[0])}</p>'
                                   + (f"<ul>{items}</ul>" if items else "") + "</div>")
        self._status_html.layout.display = None


@functools.lru_cache(maxsize=64)
def _projected(params: strategy.PlanParams) -> PlanResult:
    """One plan's projection (the same parameters give the same result, so it is kept)."""
    return strategy.simulate(params)


# --- the lines ---------------------------------------------------------------------------

#: A quantity as the lines write it: "22,736", "1.5", "less than 0.1".
Q = r"((?:less than )?\d[\d,]*(?:\.\d+)?)"


def verdict_line(result: Comparison) -> str:
    """Which plan does better by the chosen goal, and by how much."""
    goal, best = result.goal, result.winner()
    if best is None:
        return t("strategy.verdict_tie", goal=t(f"plan.goal_{goal}"),
                 score=planner.score_words(goal, result.a.score(goal)))
    other = "b" if best == "a" else "a"
    return t("strategy.verdict", goal=t(f"plan.goal_{goal}"), plan=best.upper(), other=other.upper(),
             best=planner.score_words(goal, getattr(result, best).score(goal)),
             worse=planner.score_words(goal, getattr(result, other).score(goal)))


def reversal(result: Comparison) -> str | None:
    """Another goal (in lesson 02's order) by which the other plan does better, if there is one."""
    mine = result.winner()
    for goal in GOALS:
        theirs = result.winner(goal)
        if goal != result.goal and theirs is not None and theirs != mine:
            return goal
    return None


def reversal_line(result: Comparison) -> str:
    flip = reversal(result)
    if flip is None:
        return t("strategy.no_reversal")
    best = result.winner(flip)
    other = "b" if best == "a" else "a"
    return t("strategy.reversal", goal=t(f"plan.goal_{flip}"), plan=best.upper(), other=other.upper(),
             best=planner.score_words(flip, getattr(result, best).score(flip)),
             worse=planner.score_words(flip, getattr(result, other).score(flip)))


def thin(r: PlanResult) -> bool:
    """One-to-one hours that built no relationship in the year: spread too thin, or too few."""
    return r.params.one_to_one_hours > 0 and r.network[-1] == 0


def hours_each(r: PlanResult) -> float:
    """Hours of attention each person got over the year, on average."""
    return r.params.one_to_one_hours * strategy.WEEKS / r.params.people


def plan_line(r: PlanResult, plan: str) -> str:
    """What one plan spent and brought in twelve months."""
    p = r.params
    key = "strategy.thin_one" if p.people == 1 else "strategy.thin"
    why = (t(key, people=text.count(p.people, "person"), each=text.hours(hours_each(r)),
             casual=text.hours(relationships.CASUAL_FRIEND_HOURS)) if thin(r) else "")
    return t(
        "strategy.plan_line", plan=plan.upper(), total=text.clock(p.weekly_hours),
        broadcast=text.clock(p.broadcast_hours), listening=text.clock(p.listening_hours),
        one_to_one=text.clock(p.one_to_one_hours),
        **{goal: planner.score_words(goal, r.score(goal)) for goal in GOALS}, thin=why,
        start=text.number(r.media.followers[0]), end=text.number(r.media.followers[-1]),
        answered=text.number(r.replies.sum()),
        arrived=text.count(r.listening.arrived.sum(), "listening_message"),
    )


def show(folder: str | Path = planner.DEFAULT_FOLDER, **initial: Any) -> StrategyExplorer:
    """Build the lesson 07 explorer (the notebook's one line); plans are saved in ``folder``."""
    return StrategyExplorer(folder=folder, **initial)
