"""tools/new_lesson.py makes a lesson that passes the lesson-standard and hygiene tests at once.

The tool runs on a copy of the course (its committed files), as a course author
would run it on a fresh clone; then the copy's own tests run on the copy: the
hygiene and lesson-standard checks, the self-check and its answer key, the
agendas, the architecture, and nbval on the new notebook.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import new_lesson  # noqa: E402

#: The tests a new lesson must pass as soon as it exists (besides the browser tests, which find it too).
STANDARD = ["tests/test_hygiene.py", "tests/test_quiz.py", "tests/test_agenda.py",
            "tests/test_notebook_tool.py", "tests/test_architecture.py",
            "tests/test_walkthrough.py::test_every_lesson_with_an_explorer_has_a_walkthrough"]


def copy_of_the_course(target: Path) -> Path:
    """The committed files of the course, as a fresh clone has them."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def in_copy(copy: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy)}
    return subprocess.run([sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    copy = copy_of_the_course(tmp_path_factory.mktemp("course"))
    made = in_copy(copy, "tools/new_lesson.py", "08", "my-topic", "My topic", "what the article says")
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
    return copy


def test_the_new_lesson_has_its_home_notebook_strings_notes_and_place_in_the_list(course):
    for path in ("mediavsnet/lessons/l08_my_topic/tables.py", "mediavsnet/locales/en/lesson08.toml",
                 "notebooks/08-my-topic.ipynb", "instructors/08-my-topic.md"):
        assert (course / path).is_file(), path
    listed = in_copy(course, "-c", "from mediavsnet.core.lesson_list import LESSONS; "
                                   "print([(x.number, x.home) for x in LESSONS][-1])")
    assert listed.stdout.strip() == "('08', 'l08_my_topic')", listed.stdout + listed.stderr
    nb = json.loads((course / "notebooks/08-my-topic.ipynb").read_text(encoding="utf-8"))
    kept = [c for c in nb["cells"] if "keep_output" in c["metadata"].get("tags", [])]
    # computed by the copy's own package: its tables exist nowhere else
    assert len(kept) == 2 and all("TODO: a first row" in "".join(c["outputs"][0]["text"]) for c in kept)
    assert "08-my-topic.ipynb" in (course / "notebooks/07-your-strategy.ipynb").read_text(encoding="utf-8")
    assert "08-my-topic.ipynb" in (course / "README.md").read_text(encoding="utf-8")
    # on the every-lesson agenda; which workshop formats teach it is the instructors' choice (FORMATS)
    assert "08-my-topic.ipynb" in (course / "instructors/agenda.md").read_text(encoding="utf-8")


def test_the_new_lesson_passes_the_lesson_standard_and_hygiene_tests(course):
    run = in_copy(course, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser",
                  *STANDARD, "notebooks/08-my-topic.ipynb")
    assert run.returncode == 0, run.stdout[-4000:]
    assert "08-my-topic" in run.stdout or " passed" in run.stdout


def test_what_is_left_to_write_is_listed_and_the_course_as_committed_has_none(course):
    left = in_copy(course, "tools/new_lesson.py", "--todo")
    assert left.returncode == 1
    places = {line.split(":")[0] for line in left.stdout.splitlines()}
    assert places == {"notebooks/08-my-topic.ipynb", "instructors/08-my-topic.md",
                      "mediavsnet/locales/en/lesson08.toml", "mediavsnet/lessons/l08_my_topic/tables.py"}
    assert new_lesson.todos(ROOT) == []


def test_a_taken_number_or_slug_or_a_bad_one_is_refused(tmp_path):
    for number, slug in (("07", "new-one"), ("08", "goals"), ("8", "x"), ("08", "My Topic")):
        with pytest.raises(SystemExit):
            new_lesson.check_new(ROOT, number, slug)
