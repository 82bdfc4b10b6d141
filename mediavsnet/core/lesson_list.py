"""The lesson list: the one place that says which lessons the course has.

The README's lesson map, each notebook's header and footer (previous / next
links) and the hygiene tests are all generated from or checked against this
list, so adding a lesson means adding one entry here and one notebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Lesson:
    number: str
    slug: str
    title: str
    article_topic: str

    @property
    def filename(self) -> str:
        return f"{self.number}-{self.slug}.ipynb"

    @property
    def home(self) -> str:
        """The lesson's folder in mediavsnet/lessons/: ``l04_time_and_effort`` for 04-time-and-effort."""
        return f"l{self.number}_{self.slug.replace('-', '_')}"

    @property
    def module(self) -> str:
        """The lesson's package, which its notebook imports from."""
        return f"mediavsnet.lessons.{self.home}"


LESSONS: tuple[Lesson, ...] = (
    Lesson("00", "start-here", "Start here", "the definitions and the five differences at a glance"),
    Lesson("01", "communication-style", "Communication style", "talk about everything vs talk and listen"),
    Lesson("02", "goals", "Goals", "buzz and the bottom line vs growing and nurturing a network"),
    Lesson("03", "content", "Content", "images, video, infographics vs deep conversations"),
    Lesson("04", "time-and-effort", "Time and effort", "scheduled posting vs one-to-one attention"),
    Lesson("05", "roi", "ROI", "what can be measured, and over what window"),
    Lesson("06", "social-media-family", "The social media family", "networks as one kind of social media"),
    Lesson("07", "your-strategy", "Your strategy", "both are marketing tactics, each with its challenges"),
)

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"


def available(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Lesson]:
    """The lessons whose notebook exists, in course order."""
    return [lesson for lesson in LESSONS if (notebooks_dir / lesson.filename).exists()]


def neighbours(
    lesson: Lesson, notebooks_dir: Path = NOTEBOOKS_DIR
) -> tuple[Lesson | None, Lesson | None]:
    """The previous and next lessons that exist, for a notebook's footer."""
    present = available(notebooks_dir)
    index = present.index(lesson)
    before = present[index - 1] if index > 0 else None
    after = present[index + 1] if index + 1 < len(present) else None
    return before, after


def by_filename(filename: str) -> Lesson:
    """The lesson a notebook file belongs to."""
    for lesson in LESSONS:
        if lesson.filename == filename:
            return lesson
    raise KeyError(f"{filename} is not in the lesson list (mediavsnet/core/lesson_list.py)")

#: Where the course lives on GitHub ("owner/name"): launch badges and links are
#: built from it. A fork changes this line and reruns ``python tools/notebooks.py nav``.
REPOSITORY = "mediavsnet/social-media-vs-social-networking"
BRANCH = "main"
