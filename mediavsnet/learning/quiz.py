"""Self-check quizzes: multiple choice with feedback that explains itself.

Every option carries its own explanation, so a learner who picks a wrong
answer learns *why* it is wrong, not just that it is. Feedback is given in
words and with a ✓ or ✗, never by colour alone.

Questions live in the strings table (``mediavsnet/locales/<language>/quiz*.toml``)
as arrays of tables, one array per lesson::

    [[quiz.l04]]
    id = "hall-casual-friend"
    prompt = "..."
    options = [
      { id = "a-year",  text = "...", correct = true,  why = "..." },
      { id = "a-month", text = "...", correct = false, why = "..." },
    ]

The ids are never shown. They name a question and its options the same way in
every language, so that the answer key the tests keep apart from the questions
(``tests/answer_key.toml``) can say which option is right and pin each text and
explanation to its option.

A quiz can be driven from Python exactly as a learner drives it:
``quiz.answer(0, 2)`` picks the third option of the first question.
"""

from __future__ import annotations

import html
import zlib
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from mediavsnet.core import palette
from mediavsnet.core.strings import content, t
from mediavsnet.learning.feedback import feedback_html, paragraph


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str
    #: A stable name for the option, the same in every language (never shown).
    id: str = ""


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[Option, ...]
    #: A stable name for the question, the same in every language (never shown).
    id: str = ""

    def __post_init__(self) -> None:
        right = sum(o.correct for o in self.options)
        if len(self.options) < 2 or right != 1:
            raise ValueError(
                f"question {self.prompt[:50]!r} needs two or more options and exactly one "
                f"correct one; it has {len(self.options)} options and {right} correct"
            )
        if any(not o.why.strip() for o in self.options):
            raise ValueError(f"question {self.prompt[:50]!r}: every option needs a 'why'")
        ids = [o.id for o in self.options if o.id]
        if len(set(ids)) != len(ids):
            raise ValueError(f"question {self.prompt[:50]!r}: two options share an id: {ids}")


def questions_from_table(key: str) -> tuple[Question, ...]:
    """Read a lesson's questions from the strings table, checking their shape."""
    raw = content(key)
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{key} must be an array of tables ([[{key}]]) with at least one question")
    questions = []
    for i, item in enumerate(raw):
        try:
            options = tuple(
                Option(o["text"], bool(o["correct"]), o["why"], _id(o["id"])) for o in item["options"]
            )
            questions.append(Question(item["prompt"], options, _id(item["id"])))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{key}, question {i + 1}: missing or malformed field {exc}") from None
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{key}: two questions share an id: {ids}")
    return tuple(questions)


def _id(value: object) -> str:
    """An id as the tables write it: a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"'id' must be a non-empty string, not {value!r}")
    return value


def display_order(question: Question) -> list[int]:
    """The order options are shown in: mixed, but the same on every run.

    Authors tend to write the right answer first; shown that way, a learner
    would soon learn to pick the first option. Sorting by a checksum of each
    option's text mixes them without randomness, so screenshots, tests and a
    room of learners all see the same order. ``answer(q, k)`` still means the
    k-th option as written in the table.
    """
    return sorted(range(len(question.options)), key=lambda k: zlib.crc32(question.options[k].text.encode()))


class Quiz:
    """A list of questions, each with its own choices and feedback line."""

    def __init__(self, questions: tuple[Question, ...]) -> None:
        self.questions = questions
        self._chosen: list[int | None] = [None] * len(questions)
        self._pickers: list[widgets.RadioButtons] = []
        self._feedback: list[widgets.HTML] = []
        boxes = []
        for i, question in enumerate(questions):
            picker = widgets.RadioButtons(
                options=[(question.options[k].text, k) for k in display_order(question)],
                value=None,
                layout=widgets.Layout(width="auto"),
            )
            picker.observe(lambda change, i=i: self._picked(i, change["new"]), names="value")
            feedback = widgets.HTML().add_class("mvn-quiz-feedback")
            prompt = widgets.HTML(f"<p><b>{i + 1}. {html.escape(question.prompt)}</b></p>")
            self._pickers.append(picker)
            self._feedback.append(feedback)
            boxes.append(widgets.VBox([prompt, picker, feedback]))
        self._score = widgets.HTML().add_class("mvn-quiz-score")
        self.widget = widgets.VBox([*boxes, self._score])
        self.widget.add_class("mvn-quiz")
        self._show_score()

    def answer(self, question: int, option: int) -> None:
        """Pick an option, as a learner clicking it would."""
        if not 0 <= option < len(self.questions[question].options):
            raise IndexError(f"question {question + 1} has no option {option + 1}")
        self._pickers[question].value = option

    def feedback(self, question: int) -> str:
        """The feedback now shown under a question, as plain text ('' before an answer)."""
        chosen = self._chosen[question]
        if chosen is None:
            return ""
        option = self.questions[question].options[chosen]
        verdict = t("quiz.right") if option.correct else t("quiz.wrong")
        return f"{verdict} {option.why}"

    @property
    def score(self) -> tuple[int, int, int]:
        """(right, answered, total) so far."""
        answered = [(q, c) for q, c in zip(self.questions, self._chosen, strict=True) if c is not None]
        right = sum(q.options[c].correct for q, c in answered)
        return right, len(answered), len(self.questions)

    def _picked(self, question: int, option: int | None) -> None:
        self._chosen[question] = option
        correct = option is not None and self.questions[question].options[option].correct
        colour = palette.RIGHT if correct else palette.WRONG
        text = self.feedback(question)
        self._feedback[question].value = feedback_html(text, colour)
        self._show_score()

    def _show_score(self) -> None:
        right, answered, total = self.score
        line = t("quiz.score", right=right, answered=answered, total=total)
        self._score.value = paragraph(line)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        return self.widget._repr_mimebundle_(**kwargs)


def lesson_quiz(lesson: str) -> Quiz:
    """The self-check quiz of a lesson ("00", "04"...), from the strings table."""
    return Quiz(questions_from_table(f"quiz.l{lesson}"))
