"""The self-check quiz: driven from Python as a learner would, and every quiz in the table checked."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from mediavsnet import palette, quiz, strings
from mediavsnet.quiz import Option, Question, Quiz, lesson_quiz

LESSONS_WITH_QUIZ = sorted({k.split(".")[1][1:] for k in strings.table() if k.startswith("quiz.l")})


def small_quiz() -> Quiz:
    return Quiz(
        (
            Question(
                "Which one is networking?",
                (
                    Option("Scheduling posts", False, "That is broadcasting to an audience."),
                    Option("Calling a former colleague", True, "One person, one relationship."),
                ),
            ),
            Question(
                "Which one is media?",
                (
                    Option("An infographic for the page", True, "Made for an audience."),
                    Option("An introduction", False, "That grows someone's network."),
                    Option("A coffee with a client", False, "That is one-to-one time."),
                ),
            ),
        )
    )


def test_answers_give_verdict_words_and_the_options_own_reason():
    q = small_quiz()
    assert q.score == (0, 0, 2)
    assert q.feedback(0) == "" and q.feedback(1) == ""
    q.answer(0, 0)
    assert q.feedback(0) == "✗ Not quite. That is broadcasting to an audience."
    assert q.score == (0, 1, 2)
    q.answer(0, 1)  # changing one's mind replaces the answer, it does not add one
    assert q.feedback(0) == "✓ Right. One person, one relationship."
    assert q.score == (1, 1, 2)
    q.answer(1, 2)
    assert q.feedback(1).startswith("✗") and "one-to-one time" in q.feedback(1)
    assert q.score == (1, 2, 2)


def test_the_widget_shows_what_python_sees_in_words_and_colour():
    q = small_quiz()
    q.answer(0, 1)
    q.answer(1, 1)
    shown_right, shown_wrong = q._feedback[0].value, q._feedback[1].value
    assert "✓ Right." in shown_right and palette.RIGHT in shown_right
    assert "✗ Not quite." in shown_wrong and palette.WRONG in shown_wrong
    assert 'role="status"' in shown_right  # read out by screen readers when it changes
    assert "Score: 1 right out of 2 answered (2 questions)." in q._score.value


def test_the_widget_is_a_keyboard_usable_vbox_of_native_choices():
    q = small_quiz()
    assert isinstance(q.widget, widgets.VBox) and "mvn-quiz" in q.widget._dom_classes
    # RadioButtons render native <input type="radio"> inside a <label>: Tab reaches each
    # option, Space picks it, and the option text is its accessible name.
    assert all(isinstance(p, widgets.RadioButtons) for p in q._pickers)
    assert all(p.value is None for p in q._pickers)  # nothing pre-selected
    assert sorted(q._pickers[1].options, key=lambda o: o[1]) == [
        ("An infographic for the page", 0), ("An introduction", 1), ("A coffee with a client", 2)
    ]


def test_clicking_in_the_widget_is_the_same_as_answer():
    q = small_quiz()
    q._pickers[1].value = 0  # what the front end does when a learner picks an option
    assert q.score == (1, 1, 2) and q.feedback(1).startswith("✓")


def test_out_of_range_answers_are_refused():
    q = small_quiz()
    with pytest.raises(IndexError, match="no option 3"):
        q.answer(0, 2)
    with pytest.raises(IndexError):
        q.answer(5, 0)


@pytest.mark.parametrize("lesson", LESSONS_WITH_QUIZ)
def test_every_quiz_in_the_table_is_well_formed(lesson):
    q = lesson_quiz(lesson)
    assert len(q.questions) >= 3, f"lesson {lesson} needs at least three questions"
    for question in q.questions:
        assert question.prompt.strip()
        assert sum(o.correct for o in question.options) == 1, question.prompt
        assert len(question.options) >= 2
        for option in question.options:
            assert option.text.strip() and option.why.strip(), question.prompt


def test_lesson_00_has_a_quiz():
    assert "00" in LESSONS_WITH_QUIZ


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"prompt": "?", "options": [{"text": "a"}]}, "quiz.lbad, question 1: missing or malformed"),
        ({"options": []}, "quiz.lbad, question 1"),
        (
            {"prompt": "?", "options": [{"text": "a", "correct": True, "why": "x"},
                                        {"text": "b", "correct": True, "why": "y"}]},
            "exactly one correct",
        ),
        (
            {"prompt": "?", "options": [{"text": "a", "correct": True, "why": " "},
                                        {"text": "b", "correct": False, "why": "y"}]},
            "every option needs a 'why'",
        ),
    ],
)
def test_a_malformed_table_fails_clearly(monkeypatch, table, message):
    monkeypatch.setitem(strings.table("en"), "quiz.lbad", [table])
    with pytest.raises(ValueError, match=message):
        quiz.lesson_quiz("bad")


def test_a_quiz_that_is_not_an_array_of_tables_fails_clearly(monkeypatch):
    monkeypatch.setitem(strings.table("en"), "quiz.lbad", "just a string")
    with pytest.raises(ValueError, match=r"array of tables \(\[\[quiz.lbad\]\]\)"):
        quiz.lesson_quiz("bad")


def test_a_missing_quiz_names_the_key():
    with pytest.raises(KeyError, match="quiz.l99"):
        lesson_quiz("99")


def test_structured_content_comes_back_whole_from_the_strings_table():
    # Arrays of tables ([[quiz.l00]]) are not split into dotted keys: strings.content
    # returns them as a list of dicts, while plain tables still flatten ([quiz] right = ...).
    raw = strings.content("quiz.l00")
    assert isinstance(raw, list) and all(isinstance(q, dict) for q in raw)
    assert {"prompt", "options"} <= raw[0].keys()
    assert strings.t("quiz.right").startswith("✓")
    with pytest.raises(KeyError, match="no content"):
        strings.content("quiz.nothing")


def test_the_right_answer_is_not_always_in_the_same_place():
    from mediavsnet.quiz import display_order

    positions = set()
    for lesson in ("00", "04"):
        quiz = lesson_quiz(lesson)
        for question in quiz.questions:
            order = display_order(question)
            assert sorted(order) == list(range(len(question.options)))
            positions.add(order.index(next(k for k, o in enumerate(question.options) if o.correct)))
        shown = [value for _, value in quiz._pickers[0].options]
        assert shown == display_order(quiz.questions[0])
    assert len(positions) >= 2
