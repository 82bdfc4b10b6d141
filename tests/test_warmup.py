"""Lesson 00's sorting warm-up, driven from Python as a learner would."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from answer_key import KEY, LANGUAGES, misplaced

from mediavsnet.core import palette, strings
from mediavsnet.learning import warmup
from mediavsnet.learning.warmup import Item, SortingWarmup


def two_items() -> tuple[Item, ...]:
    return (
        Item("Scheduling posts", "media", "Broadcast, made in advance."),
        Item("Calling a former colleague", "networking", "One person, one relationship."),
    )


def test_sorting_gives_a_verdict_and_the_items_reason():
    w = SortingWarmup(two_items())
    assert w.score == (0, 0, 2) and w.feedback(0) == ""
    w.sort(0, "networking")
    assert w.feedback(0) == (
        "✗ We'd sort it the other way. The course's sort: Mostly social media. Broadcast, made in advance."
    )
    assert w.score == (0, 1, 2)
    w.sort(0, "media")  # changing one's mind replaces the choice
    assert w.feedback(0) == "✓ Agreed. The course's sort: Mostly social media. Broadcast, made in advance."
    assert w.score == (1, 1, 2)
    w.sort(1, "networking")
    assert w.score == (2, 2, 2)
    assert "Sorted 2 of 2: 2 as the course would sort them." in w._score.value


def test_feedback_uses_words_and_the_sides_colour():
    w = SortingWarmup(two_items())
    w.sort(0, "media")
    w.sort(1, "media")
    assert "✓" in w._feedback[0].value and palette.MEDIA in w._feedback[0].value
    assert "✗" in w._feedback[1].value and palette.NETWORKING in w._feedback[1].value


def test_show_answers_does_not_count_as_the_learners_score_and_reset_clears():
    w = SortingWarmup(two_items())
    w.sort(0, "networking")
    w.reveal()
    assert w.feedback(1).startswith("✓")  # the reason is shown
    assert w.score == (0, 1, 2)  # but it is not the learner's point
    w.reset()
    assert w.score == (0, 0, 2) and w.feedback(0) == w.feedback(1) == ""
    w.sort(1, "networking")
    assert w.score == (1, 1, 2)  # after a reset, sorting counts again


def test_the_widget_is_keyboard_usable_and_labelled_in_words():
    w = SortingWarmup(two_items())
    assert isinstance(w.widget, widgets.VBox) and "mvn-sorting" in w.widget._dom_classes
    # ToggleButtons render <button> elements: Tab reaches each, Enter or Space presses it.
    assert all(isinstance(b, widgets.ToggleButtons) for b in w._buttons)
    assert w._buttons[0].options == (("Mostly social media", "media"),
                                     ("Mostly social networking", "networking"))
    w._buttons[1].value = "networking"  # what the front end does on a click
    assert w.score == (1, 1, 2)


def test_bad_sides_and_items_are_refused():
    w = SortingWarmup(two_items())
    with pytest.raises(ValueError, match="side must be one of"):
        w.sort(0, "both")
    with pytest.raises(ValueError, match="answer must be one of"):
        Item("x", "Media", "y")


def test_the_lessons_items_ten_on_both_sides_each_with_a_reason():
    items = warmup.items_from_table()
    assert len(items) == 10
    assert {i.answer for i in items} == {"media", "networking"}
    assert all(len(i.why) > 30 for i in items)
    assert len({i.text for i in items}) == 10
    # honest about the spectrum: some reasons say the other side has a point
    assert sum("spectrum" in i.why for i in items) >= 2


def test_the_lesson_warmup_round_trip():
    w = warmup.show()
    for i, item in enumerate(w.items):
        w.sort(i, item.answer)
        assert w.feedback(i).startswith("✓") and item.why in w.feedback(i)
    assert w.score == (10, 10, 10)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([{"id": "x", "text": "x", "answer": "media"}], "every item needs id, text, answer and why"),
        ([{"text": "x", "answer": "media", "why": "y"}], "every item needs id, text, answer and why"),
        ([{"id": "", "text": "x", "answer": "media", "why": "y"}], "'id' must be a non-empty string"),
        ([{"id": "x", "text": "x", "answer": "media", "why": "y"},
          {"id": "x", "text": "z", "answer": "networking", "why": "w"}], "two items share an id"),
    ],
)
def test_a_malformed_table_fails_clearly(monkeypatch, items, message):
    monkeypatch.setitem(strings.table("en"), "warmup.items", items)
    with pytest.raises(ValueError, match=message):
        warmup.items_from_table()


def test_the_kept_tally_counts_both_sides():
    out = warmup.tally(two_items())
    assert out.splitlines()[1].split() == ["Scheduling", "posts", "media"]
    assert out.splitlines()[-1].strip() == "media: 1, networking: 1"


# --- the course's sort: the key kept apart from the items --------------------------------
# An activity moved to the other side, or two activities' explanations swapped, would tell a
# learner "✓ Agreed" for a sort the course does not make, with a reason about something else.


@pytest.fixture(params=LANGUAGES)
def language(request):
    strings.set_language(request.param)
    yield request.param
    strings.set_language(strings.DEFAULT_LANGUAGE)


def test_every_activity_is_in_the_answer_key_and_the_key_has_no_stale_entry(language):
    in_table = {item.id for item in warmup.items_from_table()}
    assert in_table == set(KEY["warmup"]), (
        f"no answer in tests/answer_key.toml for {sorted(in_table - set(KEY['warmup']))}; "
        f"answers for no activity: {sorted(set(KEY['warmup']) - in_table)}"
    )


@pytest.mark.parametrize("item_id", sorted(KEY["warmup"]))
def test_each_activity_is_sorted_to_the_side_the_key_names(language, item_id):
    items = warmup.items_from_table()
    index = [i.id for i in items].index(item_id)
    item, side = items[index], KEY["warmup"][item_id]["right"]
    assert item.answer == side, (
        f"{item.text!r}: a learner sorting it as {item.answer!r} would be told '✓ Agreed', "
        f"but the answer key sorts it as {side!r}"
    )
    w = warmup.SortingWarmup(items)
    for choice in warmup.SIDES:
        w.sort(index, choice)
        verdict = strings.t("warmup.right") if choice == side else strings.t("warmup.wrong")
        assert w.feedback(index).startswith(verdict) and w.feedback(index).endswith(item.why)


@pytest.mark.parametrize("item_id", sorted(KEY["warmup"]))
def test_each_text_and_explanation_stays_with_its_activity(language, item_id):
    items = {i.id: i for i in warmup.items_from_table()}
    phrases = KEY["warmup"][item_id].get(language)
    assert phrases, f"tests/answer_key.toml has no {language!r} phrases for {item_id!r}"
    in_text, in_why = phrases
    own = items[item_id]
    others = {k: i for k, i in items.items() if k != item_id}
    problems = misplaced("text", item_id, own.text, {k: i.text for k, i in others.items()}, in_text)
    problems += misplaced("explanation", item_id, own.why, {k: i.why for k, i in others.items()}, in_why)
    assert not problems, "\n".join(problems)
