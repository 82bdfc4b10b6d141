"""Lesson 04's kept tables: Hall's hours with one person, all hours on one side, and focus or spread.

Plain text, deterministic, recomputed by nbval on every run (see mediavsnet/core/tables.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from mediavsnet.core import text
from mediavsnet.core.strings import t
from mediavsnet.core.tables import text_table
from mediavsnet.models import relationships, time_budget


def heading(key: str, **values: object) -> str:
    """A header or title of these tables, from the strings table (lesson04.toml)."""
    return t(f"time_effort_tables.{key}", **values)


def hall_check(hours_per_week: float = 1.0) -> str:
    """Weeks to each of Hall's stages with one person, seen every week (no fading)."""
    stages = (
        ("casual", relationships.CASUAL_FRIEND_HOURS),
        ("friend", relationships.FRIEND_HOURS),
        ("close", relationships.CLOSE_FRIEND_HOURS),
    )
    rows = []
    for stage, hours in stages:
        weeks = relationships.weeks_to_reach(hours, hours_per_week)
        rows.append([heading(f"stage_{stage}"), text.number(hours), text.number(weeks),
                     text.number(weeks / 52, 1)])
    header = [heading("stage"), heading("hours_needed"), heading("weeks"), heading("years")]
    return heading("hall_title", hours=text.hours(hours_per_week)) + "\n" + text_table(header, rows)


def all_or_nothing(weekly_hours: float = 6.0, people: int = 5, years: Sequence[int] = (1, 2, 3)) -> str:
    """The same budget spent all on posting, or all on a few people, over the years."""
    rows = []
    for year in years:
        weeks = 52 * year
        media = time_budget.simulate(time_budget.TimeBudgetParams(
            weekly_hours=weekly_hours, media_share=100, weeks=weeks, people=people)).media
        net = time_budget.simulate(time_budget.TimeBudgetParams(
            weekly_hours=weekly_hours, media_share=0, weeks=weeks, people=people)).networking
        rows.append([
            text.duration(weeks),
            text.number(media.reached[-1]),
            text.number(media.followers[-1]),
            f"{net.close[-1]} / {net.friend[-1]} / {net.casual[-1]}",
            text.number(net.total_referrals),
        ])
    header = [heading("after"), heading("reached"), heading("followers"), heading("close_friend_casual"),
              heading("referrals")]
    title = heading("all_or_nothing_title", hours=text.hours(weekly_hours),
                    people=text.count(people, "person"))
    return title + "\n" + text_table(header, rows)


def focus_or_spread(
    hours_per_week: float = 3.0, people: Sequence[int] = (3, 15, 150), weeks: int = 104
) -> str:
    """The same one-to-one hours given to a few people or spread over many."""
    rows = []
    for n in people:
        result = relationships.simulate(relationships.RelationshipParams.from_defaults(
            hours_per_week=hours_per_week, people=n, weeks=weeks))
        each = hours_per_week / n
        rows.append([
            text.count(n, "person"),
            text.number(each * 60),
            text.number(result.total_hours / n, text.decimals_for(result.total_hours / n)),
            f"{result.close[-1]} / {result.friend[-1]} / {result.casual[-1]}",
            text.number(result.acquaintance[-1]),
        ])
    header = [heading("spread_over"), heading("minutes_each"), heading("hours_each"),
              heading("close_friend_casual"), heading("acquaintances")]
    title = heading("focus_title", hours=text.hours(hours_per_week), weeks=text.duration(weeks))
    return title + "\n" + text_table(header, rows)
