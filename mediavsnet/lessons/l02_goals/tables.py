"""Lesson 02's kept text tables: the sobering chain, and one effort judged by each goal.

They print what the lesson's claims rest on, from the same model as the
explorer (:mod:`mediavsnet.models.funnel`) and in its words, so the tests
compare them on every run.
"""

from __future__ import annotations

from mediavsnet.core import text
from mediavsnet.core.strings import t
from mediavsnet.core.tables import text_table
from mediavsnet.lessons.l02_goals.explorer import MEDIA, NETWORKING, measure, scores, winner
from mediavsnet.models import funnel, posting
from mediavsnet.models.funnel import FunnelParams


def sobering_chain(followers: float = 10_000, reach_pct: float = 5.0, posts: int = 250) -> str:
    """FACTS.md's check, worked through the model's own funnel function, then with the
    reach the posting model's law gives a page of that size."""
    p = FunnelParams()
    law = float(posting.organic_reach(followers)) * 100
    rows = []
    for label, reach in ((t("goals.chain_published", pct=text.number(reach_pct)), reach_pct),
                         (t("goals.chain_law", pct=text.number(law, 1)), law)):
        one = funnel.per_post(followers, reach / 100, p.click_pct, p.sale_pct)
        rows.append([label, text.number(one.reached), text.number(one.clicks, 1),
                     text.number(one.leads, 2), text.number(one.sales, 3),
                     text.number(one.sales * posts, 1)])
    header = [t("goals.chain_reach"), t("goals.chain_shown"), t("goals.chain_clicks"),
              t("goals.chain_leads"), t("goals.chain_sales"), t("goals.chain_sales_n", posts=posts)]
    title = t("goals.chain_title", followers=text.number(followers), click=text.number(p.click_pct, 1),
              sale=text.number(p.sale_pct, 1))
    return title + "\n" + text_table(header, rows)


def three_goals(**changes: float) -> str:
    """The same effort, three ways of judging it, at the explorer's defaults (or ``changes``)."""
    result = funnel.simulate(FunnelParams.from_defaults(**changes))
    rows = []
    for goal, (media, networking) in scores(result).items():
        who = winner((media, networking))
        rows.append([t(f"goals.goal_{goal}"), measure(goal, MEDIA, media) if goal != "network"
                     else t("goals.none"), measure(goal, NETWORKING, networking),
                     t(f"goals.wins_{who or 'draw'}")])
    header = [t("goals.table_goal"), t("goals.approach_media"), t("goals.approach_networking"),
              t("goals.table_wins")]
    p = result.params
    title = t("goals.three_title", hours=text.hours(p.weekly_hours), weeks=text.duration(p.weeks),
              followers=text.number(p.start_followers), people=text.count(p.people, "person"))
    return title + "\n" + text_table(header, rows)
