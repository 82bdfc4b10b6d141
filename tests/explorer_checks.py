"""Reading an explorer's lines the way a learner does, to hold every number to what it describes.

An explorer declares, in ``stated(result)``, a pattern for each number its
lines state and the value it must equal. :func:`read_quantity` turns the words
a learner reads ("1,270", "less than 1 person", "3 hours 15 minutes",
"2 years") back into the interval of values that would be written that way, so
a test can say whether the line tells the truth.
"""

from __future__ import annotations

import re

NUMBER = r"\d[\d,]*(?:\.\d+)?"
_UNIT = re.compile(rf"({NUMBER})\s*(hours?|minutes?|years?|weeks?)?")


def _interval(written: str) -> tuple[float, float]:
    value = float(written.replace(",", ""))
    decimals = len(written.split(".")[1]) if "." in written else 0
    half = 0.5 * 10**-decimals
    return value - half, value + half


def read_quantity(phrase: str) -> tuple[float, float]:
    """The values a phrase can stand for: hours (and minutes) in hours, weeks and years in weeks.

    "less than 1 person" is (0, 1); "3 hours 15 minutes" is 3.25 h to within half a minute;
    "2 years" is exactly 104 weeks, as the lines say years only for whole years.
    """
    phrase = phrase.strip()
    if phrase.startswith("less than "):
        return 0.0, float(_UNIT.search(phrase).group(1).replace(",", ""))
    low = high = 0.0
    parts = _UNIT.findall(phrase)
    if not parts:
        raise ValueError(f"no quantity in {phrase!r}")
    for i, (written, unit) in enumerate(parts):
        a, b = _interval(written)
        if i < len(parts) - 1:  # "3 hours 15 minutes": only the last part is rounded
            a = b = float(written.replace(",", ""))
        if unit.startswith("minute"):
            a, b = a / 60, b / 60
        elif unit.startswith("year"):
            a = b = float(written) * 52
        low, high = low + a, high + b
    return low, high


def check_stated(summary: str, stated: list[tuple[str, float]]) -> list[str]:
    """What is false or unaccounted for in an explorer's lines (empty when all is true).

    Every declared number must be found and agree with its value; every number
    written in the lines must belong to a declared one, so none can slip in unchecked.
    """
    problems: list[str] = []
    covered: list[tuple[int, int]] = []
    lines = summary.splitlines()
    for pattern, expected in stated:
        found = None
        for offset, line in _offsets(lines):
            match = re.search(pattern, line)
            if match:
                found = (match, offset)
                break
        if found is None:
            problems.append(f"not found in the lines: {pattern!r} (should say {expected:g})")
            continue
        match, offset = found
        low, high = read_quantity(match.group(1))
        if not low - 1e-9 <= expected <= high + 1e-9:
            problems.append(f"{match.group(0)!r} says {match.group(1)!r}, but the value is {expected:g}")
        covered.append((offset + match.start(1), offset + match.end(1)))
    for number in re.finditer(NUMBER, summary):
        if not any(a <= number.start() and number.end() <= b for a, b in covered):
            context = summary[max(0, number.start() - 30): number.end() + 30]
            problems.append(f"a number no declaration checks: {number.group(0)!r} in '...{context}...'")
    return problems


def _offsets(lines: list[str]):
    offset = 0
    for line in lines:
        yield offset, line
        offset += len(line) + 1


def layout_axis_of(trace, axis: str) -> str:
    """The layout axis a trace is drawn on: its "x2" is the layout's "xaxis2"."""
    return (getattr(trace, f"{axis}axis", None) or axis).replace(axis, f"{axis}axis", 1)
