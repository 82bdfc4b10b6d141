"""The workshop agenda is built from the lessons' own timings and stays in step with them."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import agenda  # noqa: E402

from mediavsnet.core import lesson_list as lessons  # noqa: E402


def test_committed_agenda_is_fresh():
    assert agenda.TARGET.read_text(encoding="utf-8") == agenda.agenda(), "run: python tools/agenda.py"


def test_every_available_lesson_is_on_it_with_its_minutes():
    text = agenda.agenda()
    for lesson in lessons.available():
        assert f"[{lesson.number} {lesson.title}]" in text


def test_breaks_come_when_a_block_would_run_too_long():
    text = agenda.agenda(break_every=20)
    assert "Break" in text
    assert "Break" not in agenda.agenda(break_every=1000)


# --- the workshop formats: 90 minutes, half a day, a full day ------------------------------

import nbformat  # noqa: E402
import pytest  # noqa: E402


def fake_course(folder: Path, minutes: dict[str, tuple[int, int]]) -> Path:
    """A notebooks folder holding only the lessons named, with the given (teaching, exercises)."""
    for lesson in lessons.LESSONS:
        if lesson.number in minutes:
            nb = nbformat.v4.new_notebook()
            teaching, exercises = minutes[lesson.number]
            nb.metadata["course"] = {"lesson": lesson.number,
                                     "minutes": {"teaching": teaching, "exercises": exercises}}
            nbformat.write(nb, folder / lesson.filename)
    return folder


@pytest.mark.parametrize("fmt", agenda.FORMATS, ids=lambda f: f.slug)
def test_committed_workshop_agendas_are_fresh(fmt):
    assert fmt.target.read_text(encoding="utf-8") == agenda.workshop(fmt), "run: python tools/agenda.py"


def test_the_three_formats_instructors_book():
    assert [f.minutes for f in agenda.FORMATS] == [90, 210, 390]
    assert all(f.rationale for f in agenda.FORMATS)


@pytest.mark.parametrize("fmt", agenda.FORMATS, ids=lambda f: f.slug)
def test_with_every_lesson_written_each_format_fits_its_slot(tmp_path, fmt):
    course = fake_course(tmp_path, {lesson.number: (25, 20) for lesson in lessons.LESSONS})
    blocks, missing, left_out, homework = agenda.plan(fmt, course)
    assert not missing
    used = sum(m for _, _, m in blocks) + agenda.BREAK_MINUTES * agenda.breaks_needed(blocks, fmt)
    assert used <= fmt.minutes
    taught = [lesson.number for lesson, block, _ in blocks if block == "teaching"]
    assert taught == [n for n in fmt.lessons if n not in {x.number for x in left_out}]
    assert taught[0] == "00", "every format starts with lesson 00"
    text = agenda.workshop(fmt, course)
    if fmt.lunch_after:
        assert text.count("| Lunch |") == 1
    for lesson in homework:
        assert f"{lesson.number} {lesson.title}" in text.split("**Homework**")[1]


def test_a_lesson_not_written_yet_is_skipped_and_named(tmp_path):
    course = fake_course(tmp_path, {"00": (15, 15), "06": (25, 20)})
    text = agenda.workshop(agenda.FORMATS[1], course)
    assert "[06 The social media family]" in text and "[04 Time and effort]" not in text
    assert "**Not written yet, skipped**: 01 Communication style" in text


def test_retiming_a_lesson_moves_every_later_block(tmp_path):
    fmt = agenda.FORMATS[1]
    before = agenda.workshop(fmt, fake_course(tmp_path, {"00": (15, 15), "04": (20, 20)}))
    after = agenda.workshop(fmt, fake_course(tmp_path, {"00": (30, 15), "04": (20, 20)}))
    assert "| 09:30 | [04 Time and effort]" in before
    assert "| 09:45 | [04 Time and effort]" in after


def test_a_short_slot_turns_exercises_into_homework(tmp_path):
    course = fake_course(tmp_path, {"00": (15, 15), "04": (20, 20), "06": (25, 20)})
    blocks, _, left_out, homework = agenda.plan(agenda.FORMATS[0], course)
    assert not left_out and homework
    assert sum(m for _, _, m in blocks) <= 90
