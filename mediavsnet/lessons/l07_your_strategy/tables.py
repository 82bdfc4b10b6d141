"""Lesson 07's kept text: the presets' people, each plan scored by every goal, and a saved plan's summary.

They print what the lesson's claims rest on, from the same model as the
planner (:mod:`mediavsnet.models.strategy`) and in its words, so the tests
compare them on every run.
"""

from __future__ import annotations

from mediavsnet.core import text
from mediavsnet.core.specs import defaults
from mediavsnet.core.strings import t
from mediavsnet.core.tables import text_table
from mediavsnet.explorer.base import load_presets
from mediavsnet.lessons.l07_your_strategy import planner
from mediavsnet.lessons.l07_your_strategy.explorer import StrategyExplorer
from mediavsnet.models import strategy


def presets_table() -> str:
    """Every preset's two plans, their hours and their twelve-month scores by each goal."""
    rows = []
    for preset in load_presets(StrategyExplorer.presets_file):
        values = {**defaults(StrategyExplorer.specs), **preset["values"]}
        found = strategy.compare(values)
        for plan in ("a", "b"):
            r = getattr(found, plan)
            split = " / ".join(text.number(getattr(r.params, f"{a}_hours"), 1) for a in strategy.ACTIVITIES)
            mark = "*" if found.winner() == plan else ""
            rows.append([preset["name"] if plan == "a" else "", t(f"strategy.plan_{plan}") + mark, split,
                         text.number(r.score("buzz")), text.number(r.score("sales"), 1),
                         text.number(r.score("network"))])
    header = [t("strategy_tables.person"), t("strategy_tables.plan"), t("strategy_tables.split"),
              t("strategy_tables.buzz"), t("strategy_tables.sales"), t("strategy_tables.network")]
    return t("strategy_tables.presets_title") + "\n" + text_table(header, rows)


def default_plan_summary(notes: str = "") -> str:
    """The Markdown summary that saving the planner's defaults writes (without the date)."""
    values = defaults(StrategyExplorer.specs)
    return planner.to_markdown(planner.to_document(values, notes=notes))
