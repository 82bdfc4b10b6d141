"""Sorting activities: lesson 00's warm-up (media or networking?) and lesson 06's types.

Lesson 00's warm-up sorts everyday activities into "mostly media" or "mostly
networking"; lesson 06 sorts services into the article's six types of social
media. Both are the same component with other sides, labels and words
(:class:`SortingWarmup`'s ``sides``, ``labels`` and ``words``).

The point is not a score: it is to notice which of the article's five
differences (style, goal, content, time, ROI) each activity leans on, and
that many sit on a spectrum. Every item therefore carries an explanation, and
some explanations say where the other side has a point.

Items live in the strings table (``warmup.items``, an array of tables with
``id``, ``text``, ``answer`` = "media" or "networking", and ``why``). The id is
never shown: it names the item the same way in every language, for the answer
key the tests keep apart from the items (``tests/answer_key.toml``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from mediavsnet.core import palette
from mediavsnet.core.strings import content, t
from mediavsnet.learning.feedback import feedback_html, paragraph

SIDES = ("media", "networking")
COLOURS = {"media": palette.MEDIA, "networking": palette.NETWORKING}


@dataclass(frozen=True)
class Item:
    text: str
    answer: str
    why: str
    #: A stable name for the item, the same in every language (never shown).
    id: str = ""
    #: The sides it may be sorted to (lesson 00's two by default).
    sides: tuple[str, ...] = SIDES

    def __post_init__(self) -> None:
        if self.answer not in self.sides:
            raise ValueError(
                f"sorting item {self.text!r}: answer must be one of {self.sides}, not {self.answer!r}"
            )


def items_from_table(key: str = "warmup.items", sides: tuple[str, ...] = SIDES) -> tuple[Item, ...]:
    """The activities to sort, from the strings table."""
    raw = content(key)
    try:
        items = tuple(Item(i["text"], i["answer"], i["why"], _id(i["id"]), sides) for i in raw)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"{key}: every item needs id, text, answer and why ({exc})") from None
    ids = [i.id for i in items]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{key}: two items share an id: {ids}")
    return items


def _id(value: object) -> str:
    """An id as the table writes it: a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"'id' must be a non-empty string, not {value!r}")
    return value


class SortingWarmup:
    """One row per activity: a button per side, then feedback that says why.

    ``sides`` are the answers an item can have, ``labels`` their button labels
    (from the strings table, ``warmup.<side>`` by default), ``colours`` the
    feedback bar's colour for an item of each side, and ``words`` the strings
    table section holding the verdicts, score, reveal and reset words.
    """

    def __init__(
        self,
        items: tuple[Item, ...] | None = None,
        sides: tuple[str, ...] = SIDES,
        labels: dict[str, str] | None = None,
        colours: dict[str, str] | None = None,
        words: str = "warmup",
    ) -> None:
        self.items = items if items is not None else items_from_table(sides=sides)
        self.sides = sides
        self.labels = labels if labels is not None else {side: t(f"warmup.{side}") for side in sides}
        self.colours = colours if colours is not None else COLOURS
        self.words = words
        self._sorted: list[str | None] = [None] * len(self.items)
        self._revealed: set[int] = set()
        self._buttons: list[widgets.ToggleButtons] = []
        self._feedback: list[widgets.HTML] = []
        rows = []
        for i, item in enumerate(self.items):
            buttons = widgets.ToggleButtons(
                options=[(self.labels[side], side) for side in sides],
                value=None,
                tooltips=[self.labels[side] for side in sides],
                style={"button_width": "14em" if len(sides) <= 2 else "auto"},
            )
            buttons.observe(lambda change, i=i: self._chosen(i, change["new"]), names="value")
            feedback = widgets.HTML().add_class("mvn-sorting-feedback")
            label = widgets.HTML(f"<p><b>{i + 1}.</b> {html.escape(item.text)}</p>")
            self._buttons.append(buttons)
            self._feedback.append(feedback)
            rows.append(widgets.VBox([label, buttons, feedback]))
        self._score = widgets.HTML().add_class("mvn-sorting-score")
        reveal = widgets.Button(description=t(f"{words}.reveal"))
        reveal.on_click(lambda _: self.reveal())
        reset = widgets.Button(description=t(f"{words}.reset"))
        reset.on_click(lambda _: self.reset())
        self.widget = widgets.VBox([*rows, self._score, widgets.HBox([reveal, reset])])
        self.widget.add_class("mvn-sorting")
        self._show_score()

    def sort(self, item: int, side: str) -> None:
        """Put an activity on one side, as a learner clicking a button would."""
        if side not in self.sides:
            raise ValueError(f"side must be one of {self.sides}, not {side!r}")
        self._buttons[item].value = side

    def feedback(self, item: int) -> str:
        """The feedback shown under an item, as plain text ('' before it is sorted)."""
        side = self._sorted[item]
        if side is None:
            return ""
        entry = self.items[item]
        verdict = t(f"{self.words}.right") if side == entry.answer else t(f"{self.words}.wrong")
        # Name the side in words too: the feedback's colour is the course's side.
        course = t(f"{self.words}.course_sort", side=self.labels[entry.answer])
        return f"{verdict} {course} {entry.why}"

    @property
    def score(self) -> tuple[int, int, int]:
        """(sorted as the course would, sorted by the learner, total); revealed items don't count."""
        done = [
            (item, side)
            for i, (item, side) in enumerate(zip(self.items, self._sorted, strict=True))
            if side and i not in self._revealed
        ]
        return sum(item.answer == side for item, side in done), len(done), len(self.items)

    def reveal(self) -> None:
        """Sort every remaining item the course's way, so its explanation shows."""
        for i, item in enumerate(self.items):
            if self._sorted[i] is None:
                self._revealed.add(i)
                self.sort(i, item.answer)

    def reset(self) -> None:
        self._revealed.clear()
        for buttons in self._buttons:
            buttons.value = None

    def _chosen(self, item: int, side: str | None) -> None:
        self._sorted[item] = side
        text = self.feedback(item)
        colour = self.colours.get(self.items[item].answer, palette.NEUTRAL)
        self._feedback[item].value = feedback_html(text, colour)
        self._show_score()

    def _show_score(self) -> None:
        right, answered, total = self.score
        line = t(f"{self.words}.score", right=right, answered=answered, total=total)
        self._score.value = paragraph(line)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        return self.widget._repr_mimebundle_(**kwargs)


def tally(items: tuple[Item, ...] | None = None) -> str:
    """A plain-text table of the activities and the side each leans to (for the lesson's record)."""
    items = items if items is not None else items_from_table()
    width = max(len(i.text) for i in items)
    lines = [f"{'Activity':<{width}}  Mostly"]
    lines += [f"{i.text:<{width}}  {i.answer}" for i in items]
    counts = {side: sum(i.answer == side for i in items) for side in SIDES}
    lines.append(f"{'':<{width}}  media: {counts['media']}, networking: {counts['networking']}")
    return "\n".join(lines)


def show() -> SortingWarmup:
    """Build the warm-up (the notebook's one line)."""
    return SortingWarmup()
