"""Quiz, warm-up, strings, specs, text and the small tables: the pieces lessons are built from."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from mediavsnet import family, palette, quiz, strings, tables, text, warmup
from mediavsnet.explorers import EXPLORERS
from mediavsnet.models import posting, relationships, time_budget
from mediavsnet.quiz import Option, Question, Quiz, lesson_quiz
from mediavsnet.warmup import SortingWarmup

ALL_SPECS = posting.SPECS + relationships.SPECS + time_budget.SPECS
LESSONS_WITH_QUIZ = sorted({k.split(".")[1][1:] for k in strings.table() if k.startswith("quiz.l")})


# --- quiz ------------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", LESSONS_WITH_QUIZ)
def test_every_quiz_is_well_formed(lesson):
    q = lesson_quiz(lesson)
    assert len(q.questions) >= 3
    for question in q.questions:
        assert sum(o.correct for o in question.options) == 1
        assert all(o.why.strip() and o.text.strip() for o in question.options)


@pytest.mark.parametrize("lesson", LESSONS_WITH_QUIZ)
def test_answering_gives_feedback_that_explains_and_scores(lesson):
    q = lesson_quiz(lesson)
    assert q.score == (0, 0, len(q.questions)) and q.feedback(0) == ""
    for i, question in enumerate(q.questions):
        right = next(k for k, o in enumerate(question.options) if o.correct)
        wrong = next(k for k, o in enumerate(question.options) if not o.correct)
        q.answer(i, wrong)
        assert q.feedback(i).startswith("✗") and question.options[wrong].why in q.feedback(i)
        q.answer(i, right)
        assert q.feedback(i).startswith("✓") and question.options[right].why in q.feedback(i)
    assert q.score == (len(q.questions),) * 2 + (len(q.questions),)
    assert "mvn-quiz" in q.widget._dom_classes
    assert "✓" in q._feedback[0].value  # shown in the widget, not only in Python


def test_a_malformed_question_is_refused_clearly():
    with pytest.raises(ValueError, match="exactly one"):
        Question("?", (Option("a", True, "x"), Option("b", True, "y")))
    with pytest.raises(ValueError, match="why"):
        Question("?", (Option("a", True, ""), Option("b", False, "y")))
    with pytest.raises(IndexError):
        Quiz((Question("?", (Option("a", True, "x"), Option("b", False, "y"))),)).answer(0, 5)


def test_a_malformed_table_is_refused_clearly(monkeypatch):
    monkeypatch.setitem(strings.table("en"), "quiz.lbad", [{"prompt": "?", "options": [{"text": "a"}]}])
    with pytest.raises(ValueError, match="quiz.lbad, question 1"):
        quiz.lesson_quiz("bad")


# --- warm-up ---------------------------------------------------------------------------


def test_the_warmup_has_ten_items_both_sides_and_reasons():
    items = warmup.items_from_table()
    assert len(items) == 10
    assert {i.answer for i in items} == {"media", "networking"}
    assert all(len(i.why) > 30 for i in items)


def test_sorting_gives_feedback_and_a_score_that_reveal_does_not_inflate():
    w = SortingWarmup()
    first = w.items[0]
    other = "networking" if first.answer == "media" else "media"
    w.sort(0, other)
    assert w.feedback(0).startswith("✗") and first.why in w.feedback(0)
    w.sort(1, w.items[1].answer)
    assert w.feedback(1).startswith("✓")
    assert w.score == (1, 2, 10)
    w.reveal()
    assert all(w.feedback(i) for i in range(10))
    assert w.score == (1, 2, 10)
    w.reset()
    assert w.score == (0, 0, 10) and w.feedback(0) == ""
    with pytest.raises(ValueError):
        w.sort(0, "both")
    assert "mvn-sorting" in w.widget._dom_classes


def test_tally_counts_both_sides():
    out = warmup.tally()
    assert "media: 5, networking: 5" in out


# --- strings, specs, palette, text -----------------------------------------------------


def test_every_spec_has_words_a_source_and_a_default_on_its_grid():
    for spec in ALL_SPECS:
        assert spec.label and spec.help and spec.source.strip()
        assert spec.min <= spec.default <= spec.max
        steps = (spec.default - spec.min) / spec.step
        assert abs(steps - round(steps)) < 1e-9, spec.name


def test_a_spec_used_twice_is_the_same_object():
    by_name = {}
    for spec in ALL_SPECS:
        if spec.name in by_name and spec.name != "hours_per_week":
            assert by_name[spec.name] is spec, f"{spec.name} typed twice"
        by_name.setdefault(spec.name, spec)


def test_every_string_key_the_code_uses_exists():
    used = set()
    root = resources.files("mediavsnet")
    for path in root.rglob("*.py") if hasattr(root, "rglob") else []:
        source = path.read_text("utf-8")
        used |= set(re.findall(r'\bt\(\s*f?"([^"]+)"', source))
        used |= set(re.findall(r"\bt\(\s*f?'([^']+)'", source))
    assert len(used) > 20  # the scan found the code's keys
    keys = strings.table().keys()
    for key in used:
        pattern = re.sub(r"\{[^}]+\}", "[^.]+", key).replace(".", r"\.")
        assert any(re.fullmatch(pattern, k) for k in keys), f"t({key!r}) has no string"


def test_a_missing_string_raises_instead_of_showing_a_key():
    with pytest.raises(KeyError, match="no string"):
        strings.t("no.such.key")


def test_palette_gives_each_concept_its_own_okabe_ito_hue():
    assert palette.MEDIA != palette.NETWORKING
    assert {palette.MEDIA, palette.NETWORKING} <= set(palette.OKABE_ITO.values())


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [(1, "week", "1 week"), (2, "week", "2 weeks"), (1234.4, "person", "1,234 people"),
     (1, "person", "1 person")],
)
def test_counts_read_as_sentences(value, unit, expected):
    assert text.count(value, unit) == expected


def test_durations_and_hours():
    assert text.duration(104) == "2 years"
    assert text.duration(10) == "10 weeks"
    assert text.hours(2.5) == "2.5 hours"
    assert text.hours(312) == "312 hours"


def test_every_explorer_summary_uses_only_the_table():
    for cls in EXPLORERS.values():
        assert "{" not in cls().summary


# --- tables that lessons keep ----------------------------------------------------------


def test_hall_table_says_a_year_and_about_four():
    out = tables.hall_check()
    assert "50     50    1.0" in out and "200    200    3.8" in out


def test_focus_table_shows_spread_builds_acquaintances():
    out = tables.focus_or_spread()
    last = out.splitlines()[-1]
    assert last.startswith("150 people") and last.rstrip().endswith("150")


def test_family_table_marks_networking_as_one_type():
    types = family.types()
    assert len(types) == 6
    marked = [line for line in family.table().splitlines() if "social networking" in line]
    assert len(marked) == 1 and marked[0].startswith("Networking")
