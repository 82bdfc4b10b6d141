"""Numbers in words a learner reads: plurals, durations, rounding.

Summaries are sentences, so quantities need units that agree with them
("1 week", "3 weeks"). The unit patterns and separators come from the strings
table, so another language changes words without changing code.
"""

from __future__ import annotations

from mediavsnet.core.strings import t


def number(value: float, decimals: int = 0) -> str:
    """A number rounded for reading, with the language's separators."""
    text = f"{value:,.{decimals}f}"
    return (
        text.replace(",", "\0")
        .replace(".", t("number.decimal_point"))
        .replace("\0", t("number.thousands_separator"))
    )


def count(value: float, unit: str, decimals: int = 0) -> str:
    """A quantity with its unit in the right number: "1 week", "2.5 hours".

    A positive quantity too small to show is "less than 1 person", never "0 people".
    """
    if value > 0 and round(value, decimals) == 0:
        return t("unit.less_than", amount=count(10**-decimals, unit, decimals))
    shown = number(value, decimals)
    one = round(value, decimals) == 1
    return t(f"unit.{unit}.{'one' if one else 'many'}", n=shown)


def decimals_for(value: float) -> int:
    """One decimal under ten when it is not whole ("2.5", "4", "312"), none otherwise."""
    return 1 if abs(value) < 10 and round(value, 1) != round(value) else 0


def needed_decimals(value: float, most: int = 2) -> int:
    """The fewest decimals that show a value as it reads to ``most`` decimals: 2, 0.5, 1.25, never 0.50."""
    return next(d for d in range(most + 1) if round(value, d) == round(value, most))


def few(value: float, unit: str) -> str:
    """A quantity that may be fractional: one decimal under ten ("2.5 hours", "4 posts")."""
    return count(value, unit, decimals_for(value))


def hours(value: float) -> str:
    """Hours, with one decimal when under ten and not whole ("2.5 hours", "312 hours").

    Under an hour, minutes read better ("15 minutes", not "0.2 hours").
    """
    if 0 < value < 1:
        return count(round(value * 60), "minute")
    return few(value, "hour")


def clock(value: float) -> str:
    """A share of a week's hours to the minute, so that parts add up: "3 hours 15 minutes"."""
    minutes = round(value * 60)
    whole, rest = divmod(minutes, 60)
    if rest == 0:
        return count(whole, "hour")
    if whole == 0:
        return count(rest, "minute")
    return t("unit.and", first=count(whole, "hour"), second=count(rest, "minute"))


def duration(weeks: int) -> str:
    """A horizon in weeks, said in years when it is a whole number of them."""
    if weeks >= 52 and weeks % 52 == 0:
        return count(weeks // 52, "year")
    return count(weeks, "week")
