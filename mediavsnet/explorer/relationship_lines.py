"""What an explorer says about the relationships that one-to-one hours built.

Lessons 03 and 04 both run the relationships model (mediavsnet/models/relationships.py)
and end their summary with the same line: the stages reached, the referrals, and how
often each person is seen. Both say it with these functions, so the two lessons
cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from mediavsnet.core import text
from mediavsnet.core.strings import t
from mediavsnet.models import relationships


class OneToOneHours(Protocol):
    """What the line needs of a lesson's parameters: the hours, the people, the horizon."""

    @property
    def networking_hours(self) -> float: ...
    people: float
    weeks: float


def built_numbers(net: relationships.RelationshipResult, p: OneToOneHours,
                  last: Mapping[str, float]) -> list[tuple[str, float]]:
    """The numbers the relationships line states after its close friends, and where each comes from.

    Lessons 03 and 04 share this line: the other stages in the figure's last
    week (``last``), the referrals, and :func:`rhythm`'s numbers.
    """
    numbers = [
        (r"close friends?, ([\d,]+) friends?,", last["friend"]),
        (r"friends?, ([\d,]+) casual friends? and", last["casual"]),
        (r"casual friends? and (.+?) acquaintances?,", last["acquaintance"]),
        (r"who sent (.+?) referrals?\.", float(net.total_referrals)),
    ]
    each = p.networking_hours / p.people
    if net.contact >= 1:
        if each >= relationships.INTENSE_HOURS_PER_PERSON:
            numbers.append((r"fades; (.+?) a week with each", each))
        return numbers
    numbers += [
        (r"(?:waits about|only every) (.+?)(?: between conversations|, longer)", 1 / net.contact),
        (r"took away (.+?) of closeness", net.faded_hours),
    ]
    unmet = int((net.closeness[-1] <= 0).sum())
    if unmet:
        numbers += [
            (r"comes round only every .+?, longer than the (.+?) shown", float(p.weeks)),
            (r"shown, so (.+?) never", float(unmet)),
        ]
    return numbers


def rhythm(net: relationships.RelationshipResult, p: OneToOneHours) -> str:
    """How often each person is seen, whether fading matters, and who was never met."""
    each = p.networking_hours / p.people
    if net.contact >= 1:
        if each >= relationships.INTENSE_HOURS_PER_PERSON:
            return t("relationships.rhythm_intense", each=text.hours(each))
        return t("relationships.rhythm_weekly")
    gap = text.few(1 / net.contact, "week")
    faded = text.hours(net.faded_hours)
    unmet = int((net.closeness[-1] <= 0).sum())
    if unmet:
        return t("relationships.rhythm_unmet", gap=gap, horizon=text.duration(p.weeks),
                 unmet=text.count(unmet, "person"), faded=faded)
    return t("relationships.rhythm_gaps", gap=gap, faded=faded)
