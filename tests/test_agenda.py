"""The workshop agenda is built from the lessons' own timings and stays in step with them."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import agenda  # noqa: E402

from mediavsnet import lessons  # noqa: E402


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
