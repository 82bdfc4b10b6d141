"""Small text tables that carry a lesson's claim.

Lessons keep these outputs in git (cells tagged ``keep_output``), so they show
on GitHub and the tests compare them on every run: if a model change moves a
number a lesson's prose relies on, a test says so. Plain text, deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence

from mediavsnet import text
from mediavsnet.models import relationships, time_budget
from mediavsnet.strings import t


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table, as a lesson prints it: first column left-aligned, numbers right-aligned.

    Every lesson's kept tables use it, so they all look alike in a notebook and in a
    printed handout.
    """
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(f"{cell:>{w}}" if i else f"{cell:<{w}}" for i, (cell, w) in
                       enumerate(zip(row, widths, strict=True))) for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


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
        rows.append([t(f"tables.stage_{stage}"), text.number(hours), text.number(weeks),
                     text.number(weeks / 52, 1)])
    header = [t("tables.stage"), t("tables.hours_needed"), t("tables.weeks"), t("tables.years")]
    return t("tables.hall_title", hours=text.hours(hours_per_week)) + "\n" + text_table(header, rows)


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
    header = [t("tables.after"), t("tables.reached"), t("tables.followers"),
              t("tables.close_friend_casual"), t("tables.referrals")]
    title = t("tables.all_or_nothing_title", hours=text.hours(weekly_hours),
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
    header = [t("tables.spread_over"), t("tables.minutes_each"), t("tables.hours_each"),
              t("tables.close_friend_casual"), t("tables.acquaintances")]
    title = t("tables.focus_title", hours=text.hours(hours_per_week), weeks=text.duration(weeks))
    return title + "\n" + text_table(header, rows)
