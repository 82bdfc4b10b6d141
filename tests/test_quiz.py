"""The self-check quiz: driven from Python as a learner would, every quiz in the table checked,
and every answer compared with the answer key or derived from a model or a published figure."""

from __future__ import annotations

import math

import ipywidgets as widgets
import numpy as np
import pytest
from answer_key import KEY, LANGUAGES, misplaced

from mediavsnet.core import palette, strings
from mediavsnet.learning import quiz
from mediavsnet.learning.quiz import Option, Question, Quiz, lesson_quiz
from mediavsnet.models import relationships

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
            {"id": "q", "prompt": "?", "options": [{"id": "a", "text": "a", "correct": True, "why": "x"},
                                                   {"id": "b", "text": "b", "correct": True, "why": "y"}]},
            "exactly one correct",
        ),
        (
            {"id": "q", "prompt": "?", "options": [{"id": "a", "text": "a", "correct": True, "why": " "},
                                                   {"id": "b", "text": "b", "correct": False, "why": "y"}]},
            "every option needs a 'why'",
        ),
        (
            {"id": "q", "prompt": "?", "options": [{"text": "a", "correct": True, "why": "x"},
                                                   {"id": "b", "text": "b", "correct": False, "why": "y"}]},
            "question 1: missing or malformed field 'id'",
        ),
        (
            {"id": "q", "prompt": "?", "options": [{"id": "a", "text": "a", "correct": True, "why": "x"},
                                                   {"id": " ", "text": "b", "correct": False, "why": "y"}]},
            "'id' must be a non-empty string",
        ),
        (
            {"id": "q", "prompt": "?", "options": [{"id": "a", "text": "a", "correct": True, "why": "x"},
                                                   {"id": "a", "text": "b", "correct": False, "why": "y"}]},
            "two options share an id",
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
    from mediavsnet.learning.quiz import display_order

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


def test_two_questions_with_one_id_fail_clearly(monkeypatch):
    question = {"id": "same", "prompt": "?", "options": [
        {"id": "a", "text": "a", "correct": True, "why": "x"},
        {"id": "b", "text": "b", "correct": False, "why": "y"},
    ]}
    monkeypatch.setitem(strings.table("en"), "quiz.lbad", [question, question])
    with pytest.raises(ValueError, match="two questions share an id"):
        quiz.lesson_quiz("bad")


# --- the answers: the key kept apart from the questions ---------------------------------
# A right answer marked wrong (or a wrong one right), or two options' texts or explanations
# swapped, would tell a learner "✓ Right" for a false statement. The tables are compared with
# tests/answer_key.toml; where the answer follows from a model or a published figure, it is
# derived below as well.


@pytest.fixture(params=LANGUAGES)
def language(request):
    strings.set_language(request.param)
    yield request.param
    strings.set_language(strings.DEFAULT_LANGUAGE)


def keyed_questions() -> list[tuple[str, str]]:
    return [(lesson[1:], qid) for lesson, questions in KEY["quiz"].items() for qid in questions]


def question(lesson: str, qid: str) -> Question:
    return next(q for q in lesson_quiz(lesson).questions if q.id == qid)


def test_every_question_is_in_the_answer_key_and_the_key_has_no_stale_entry(language):
    in_tables = {(lesson, q.id) for lesson in LESSONS_WITH_QUIZ for q in lesson_quiz(lesson).questions}
    in_key = set(keyed_questions())
    assert not in_tables - in_key, f"questions with no answer in tests/answer_key.toml: {in_tables - in_key}"
    assert not in_key - in_tables, f"answer key entries for no question: {in_key - in_tables}"


@pytest.mark.parametrize(("lesson", "qid"), keyed_questions(), ids=lambda x: x)
def test_the_option_marked_right_is_the_one_the_key_names(language, lesson, qid):
    q = question(lesson, qid)
    right = KEY["quiz"][f"l{lesson}"][qid]["right"]
    marked = next(o for o in q.options if o.correct)
    assert marked.id == right, (
        f"lesson {lesson}, {qid!r}: a learner choosing {marked.text!r} would be told '✓ Right', "
        f"but the answer key says the right answer is {right!r}"
    )
    # and the learner is told so, with that option's own explanation
    quiz_widget = lesson_quiz(lesson)
    index = [x.id for x in quiz_widget.questions].index(qid)
    for k, option in enumerate(q.options):
        quiz_widget.answer(index, k)
        verdict = strings.t("quiz.right") if option.id == right else strings.t("quiz.wrong")
        assert quiz_widget.feedback(index) == f"{verdict} {option.why}", (
            f"lesson {lesson}, {qid!r}: picking {option.text!r} should give {verdict!r}"
        )


@pytest.mark.parametrize(("lesson", "qid"), keyed_questions(), ids=lambda x: x)
def test_each_text_and_explanation_stays_with_its_option(language, lesson, qid):
    """A learner picking an option reads that option's explanation, not another's."""
    q = question(lesson, qid)
    phrases = KEY["quiz"][f"l{lesson}"][qid].get(language)
    assert phrases, f"tests/answer_key.toml has no {language!r} phrases for lesson {lesson}, {qid!r}"
    assert set(phrases) == {o.id for o in q.options}, (
        f"lesson {lesson}, {qid!r}: the key's options {sorted(phrases)} are not the table's "
        f"{sorted(o.id for o in q.options)}"
    )
    texts = {o.id: o.text for o in q.options}
    whys = {o.id: o.why for o in q.options}
    problems = []
    for option_id, (in_text, in_why) in phrases.items():
        others = {k: v for k, v in texts.items() if k != option_id}
        problems += misplaced("text", option_id, texts[option_id], others, in_text)
        others = {k: v for k, v in whys.items() if k != option_id}
        problems += misplaced("explanation", option_id, whys[option_id], others, in_why)
    assert not problems, f"lesson {lesson}, {qid!r}:\n" + "\n".join(problems)


# --- answers that follow from a model or a published figure -----------------------------

#: FACTS.md, Hall (2019): about 50 hours together from acquaintance to casual friend.
HALL_CASUAL_FRIEND_HOURS = 50
#: FACTS.md, Hall (2019): more than 200 hours to a close friend.
HALL_CLOSE_FRIEND_HOURS = 200
#: FACTS.md: per-post engagement ~ posts^-b, b about 0.3 (HubSpot's data give 0.28).
FATIGUE_THE_DATA_SUGGEST = 0.3


def the_true_option(q: Question, claims: dict[str, bool]) -> str:
    """The one option whose claim holds; every option's claim must be given."""
    assert set(claims) == {o.id for o in q.options}, f"claims for {sorted(claims)}, options {q.options}"
    true = [option_id for option_id, holds in claims.items() if holds]
    assert len(true) == 1, f"{q.id!r}: the options whose claims hold are {true}, not exactly one"
    return true[0]


def marked_right(q: Question) -> str:
    return next(o.id for o in q.options if o.correct)


def test_hall_question_at_one_hour_a_week_a_casual_friend_takes_about_a_year():
    q = question("04", "hall-casual-friend")
    assert "one hour a week" in q.prompt
    # From the published figure: 50 hours at one hour a week.
    weeks_by_the_figure = HALL_CASUAL_FRIEND_HOURS / 1
    # From the model: 40 people, each seen for an hour every week; the week by which half of
    # them are casual friends or closer, as the explorer counts them.
    people = 40
    r = relationships.simulate(relationships.RelationshipParams.from_defaults(
        hours_per_week=people, people=people, session_minutes=60, weeks=156))
    at_least_casual = r.casual + r.friend + r.close
    weeks_in_the_model = int(np.argmax(at_least_casual >= people / 2)) + 1
    for weeks in (weeks_by_the_figure, weeks_in_the_model):
        claims = {
            "a-year": 0.75 * 52 <= weeks <= 1.25 * 52,
            "a-month": 3 <= weeks <= 6,
            "ten-years": 8 * 52 <= weeks <= 12 * 52,
        }
        assert marked_right(q) == the_true_option(q, claims), (
            f"at one hour a week a casual friend takes {weeks} weeks, yet the quiz tells a learner "
            f"choosing {next(o.text for o in q.options if o.correct)!r} that it is right"
        )
    # the explanation's "about four years (over 200 hours) for a close friend"
    right = next(o for o in q.options if o.correct)
    years_to_close = HALL_CLOSE_FRIEND_HOURS / 52
    assert round(years_to_close) == 4 and "about four years (over 200 hours)" in right.why


def test_focus_or_spread_question_follows_from_the_relationship_model():
    q = question("04", "focus-or-spread")
    assert "3 hours a week" in q.prompt and "150 people" in q.prompt and "instead of 3" in q.prompt

    def after_two_years(people: int):
        return relationships.simulate(relationships.RelationshipParams.from_defaults(
            hours_per_week=3, people=people, weeks=104))

    spread, focus = after_two_years(150), after_two_years(3)

    def friends(r) -> int:
        return int(r.casual[-1] + r.friend[-1] + r.close[-1])

    claims = {
        "acquaintances": spread.acquaintance[-1] == 150 and friends(spread) == 0,
        "fifty-times-the-friends": friends(focus) > 0 and friends(spread) >= 50 * friends(focus),
        "nothing-changes": friends(spread) == friends(focus)
        and spread.acquaintance[-1] == focus.acquaintance[-1],
    }
    assert marked_right(q) == the_true_option(q, claims), (
        f"the model gives {friends(spread)} friends of any kind among 150 people and {friends(focus)} "
        f"among 3, yet the quiz marks {next(o.text for o in q.options if o.correct)!r} right"
    )


def test_fatigue_question_follows_from_the_published_law():
    q = question("04", "posting-fatigue")
    assert "about 0.3" in q.prompt and "twice as often" in q.prompt
    b = FATIGUE_THE_DATA_SUGGEST
    total_when_doubled = 2 * 2 ** -b  # twice the posts, each earning 2^-b as much
    claims = {
        "grows-less-than-double": 1 < total_when_doubled < 2,
        "doubles": math.isclose(total_when_doubled, 2),
        "falls": total_when_doubled < 1,
    }
    assert marked_right(q) == the_true_option(q, claims)
    right = next(o for o in q.options if o.correct)
    # the numbers the explanation gives a learner
    assert f"posts^{1 - b:.1f}" in right.why
    assert f"about {total_when_doubled:.1f} times" in right.why, (
        f"doubling posts gives {total_when_doubled:.2f} times the engagement; the explanation says otherwise"
    )


# --- lesson 01: answers that follow from the listening model and the published figures ----------

#: FACTS.md, Sprout Social Index (2016, weak): about 89 % of messages to brands went unanswered.
SPROUT_UNANSWERED = 0.89
#: FACTS.md, Oldroyd, McElheran & Elkington (2011): more than 60 times as likely within the hour
#: as after 24 h or more; nearly 7 times as likely as an hour later.
OLDROYD_A_DAY_LATER = 60
OLDROYD_AN_HOUR_LATER = 7


def test_sprout_question_says_the_vendors_share():
    q = question("01", "sprout-unanswered")
    claims = {
        "nine-in-ten": abs(SPROUT_UNANSWERED - 0.9) <= 0.02,
        "half": abs(SPROUT_UNANSWERED - 0.5) <= 0.1,
        "one-in-ten": abs(SPROUT_UNANSWERED - 0.1) <= 0.05,
    }
    assert marked_right(q) == the_true_option(q, claims)
    assert f"({SPROUT_UNANSWERED:.0%})".replace("%", " %") in next(o.text for o in q.options if o.correct)


def test_lead_question_follows_from_the_study_and_the_model():
    from mediavsnet.models import listening

    q = question("01", "lead-next-morning")
    for times in (OLDROYD_A_DAY_LATER,
                  float(listening.lead_value(0.5)) / float(listening.lead_value(24))):
        claims = {
            "sixty-times": times >= OLDROYD_A_DAY_LATER - 1e-9,
            "twice": 1.5 <= times <= 2.5,
            "no-difference": math.isclose(times, 1),
        }
        assert marked_right(q) == the_true_option(q, claims)
    assert f"nearly {OLDROYD_AN_HOUR_LATER} times" in next(o.why for o in q.options if o.correct)


def test_once_a_day_question_follows_from_the_listening_model():
    from mediavsnet.models import listening

    q = question("01", "once-a-day")
    assert "every 24 hours" in q.prompt
    # From the model: the share of answered opportunities kept warm when checking every 24 h ...
    in_the_model = listening.caught_share(24)
    # ... and from the study's figures alone: 1 in the first hour, 1/7 in the second, a power of the
    # wait from 1/7 at 2 h to 1/60 at 24 h (the model's assumed shape between the points), averaged.
    hours = (np.arange(240_000) + 0.5) / 10_000
    exponent = math.log(OLDROYD_A_DAY_LATER / OLDROYD_AN_HOUR_LATER) / math.log(24 / 2)
    value = np.where(hours <= 1, 1.0, np.where(hours <= 2, 1 / OLDROYD_AN_HOUR_LATER,
                                               (1 / OLDROYD_AN_HOUR_LATER) * (hours / 2) ** -exponent))
    by_the_figures = float(value.mean())
    assert in_the_model == pytest.approx(by_the_figures, rel=1e-3)
    for share in (in_the_model, by_the_figures):
        claims = {
            "one-in-twelve": 1 / 14 <= share <= 1 / 10,
            "half-of-them": 0.4 <= share <= 0.6,
            "all-of-them": math.isclose(share, 1),
        }
        assert marked_right(q) == the_true_option(q, claims), f"{share:.3f} of opportunities kept warm"
