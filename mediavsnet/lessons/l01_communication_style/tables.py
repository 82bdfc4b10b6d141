"""Lesson 01's kept tables: the same hours split between talking and listening, and the checking rhythm.

Lesson 01 keeps their output in git (cells tagged ``keep_output``), so the tests
recompute them on every change: if the listening model moves a number the
lesson's prose relies on, a test says so. Plain text, deterministic.
"""

from __future__ import annotations

from mediavsnet.core import text
from mediavsnet.core.strings import t
from mediavsnet.core.tables import text_table
from mediavsnet.models import listening
from mediavsnet.models.listening import ListeningParams


def split_table(shares: tuple[float, ...] = (0, 5, 20, 50, 100), **fixed: float) -> str:
    """The same weekly hours split between talking and listening in different ways."""
    rows = []
    for share in shares:
        r = listening.simulate(ListeningParams.from_defaults(listening_share=share, **fixed))
        rows.append([
            f"{text.number(share)} %",
            text.number(r.posts[0], 1),
            text.number(r.replies_per_week, 1),
            f"{text.number(100 * r.unanswered.sum() / r.arrived.sum())} %",
            text.number(r.community[-1], 1),
            f"{text.number(r.caught.sum(), 1)} of {text.number(r.opportunities.sum())}",
        ])
    p = ListeningParams.from_defaults(**fixed)
    header = [t(f"communication_tables.{k}") for k in
              ("listening", "posts", "replies", "unanswered", "community", "conversations")]
    title = t("communication_tables.split_title", hours=text.hours(p.weekly_hours),
              messages=text.count(p.messages_per_week, "listening_message"),
              every=text.hours(p.check_every_hours), weeks=text.duration(p.weeks))
    return title + "\n" + text_table(header, rows)


def rhythm_table(every: tuple[float, ...] = (1, 2, 4, 8, 20, 24, 72, 168)) -> str:
    """How the rhythm of checking sets the wait, the replies in time and the opportunities kept warm."""
    expected = ListeningParams().expected_reply_hours
    rows = []
    for hours in every:
        rows.append([
            text.hours(hours),
            text.hours(hours / 2),
            f"{text.number(100 * listening.on_time_share(hours, expected))} %",
            f"{text.number(100 * listening.caught_share(hours))} %",
        ])
    header = [t("communication_tables.check_every"), t("communication_tables.average_wait"),
              t("communication_tables.in_time", expected=text.hours(expected)),
              t("communication_tables.warm")]
    return t("communication_tables.rhythm_title") + "\n" + text_table(header, rows)
