"""Start a new lesson, with every part a lesson needs, ready to write.

    .venv/bin/python tools/new_lesson.py 08 my-topic "My topic" "what the article says about it"
    .venv/bin/python tools/new_lesson.py --todo     # what is still to write, in every lesson

It creates, for lesson NN with slug ``my-topic``:

- its home, ``mediavsnet/lessons/lNN_my_topic/`` (``tables.py``: the two tables its
  notebook keeps in git; an explorer, its model and ``presets.json`` come later,
  CONTRIBUTING.md, "Add a lesson");
- its strings, ``mediavsnet/locales/en/lessonNN.toml`` (the tables' words, a
  three-question self-check) and the self-check's answers in ``tests/answer_key.toml``;
- its notebook, ``notebooks/NN-my-topic.ipynb``, from the lesson template: every part
  LESSONS.md asks for, in order, with its ``course`` metadata;
- its instructor notes, ``instructors/NN-my-topic.md``;
- its entry in the lesson list (``mediavsnet/core/lesson_list.py``);

then runs ``tools/notebooks.py nav`` and ``refresh`` (the neighbours' footers and the
README's lesson map link it; its kept outputs are computed) and ``tools/agenda.py``.
The new lesson passes the lesson-standard and hygiene tests at once. What is left
to write says ``TODO``; ``--todo`` lists each one (file and line) and exits 1 while
any is left, so run it before committing a lesson.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
TODO = "TODO"
#: Where a lesson's text lives: what ``--todo`` reads.
LESSON_FILES = ("notebooks/{number}-{slug}.ipynb", "instructors/{number}-{slug}.md",
                "mediavsnet/locales/en/lesson{number}.toml", "mediavsnet/lessons/{home}/")


def home_of(number: str, slug: str) -> str:
    """The lesson's folder name, as the lesson list derives it (``Lesson.home``)."""
    return f"l{number}_{slug.replace('-', '_')}"


def check_new(root: Path, number: str, slug: str) -> None:
    """Refuse a number or a slug the course already has, or one that does not fit the scheme."""
    if not re.fullmatch(r"\d\d", number):
        raise SystemExit(f"the lesson number is two digits (08), not {number!r}")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise SystemExit(f"the slug is lower-case words joined by hyphens (my-topic), not {slug!r}")
    taken = [p.name for p in (root / "notebooks").glob(f"{number}-*.ipynb")]
    taken += [p.name for p in (root / "notebooks").glob(f"[0-9][0-9]-{slug}.ipynb")]
    if taken or (root / "mediavsnet" / "lessons" / home_of(number, slug)).exists():
        raise SystemExit(f"lesson {number} or the slug {slug!r} exists already: {taken}")


def register(root: Path, number: str, slug: str, title: str, topic: str) -> None:
    """Add the lesson to LESSONS, in number order."""
    path = root / "mediavsnet" / "core" / "lesson_list.py"
    source = path.read_text(encoding="utf-8")
    block = re.search(r"LESSONS: tuple\[Lesson, \.\.\.\] = \(\n((?:    Lesson\(.*\),\n)+)\)", source)
    assert block, "mediavsnet/core/lesson_list.py: the LESSONS tuple is not where the tool expects it"
    lines = block.group(1).splitlines(keepends=True)
    lines.append(f"    Lesson({number!r}, {slug!r}, {title!r}, {topic!r}),\n".replace("'", '"'))
    lines.sort(key=lambda line: re.search(r'Lesson\("(\d\d)"', line).group(1))
    path.write_text(source[: block.start(1)] + "".join(lines) + source[block.end(1):], encoding="utf-8")


def tables_module(number: str, title: str) -> str:
    return f'''"""Lesson {number}'s kept tables ({title}): plain text, deterministic, recomputed by nbval
on every run, so that a change to a model that moves a number the lesson's prose relies on is caught.

{TODO}: compute each table from a model in mediavsnet/models/ (see lesson 04's tables.py).
"""

from __future__ import annotations

from mediavsnet.core import text
from mediavsnet.core.strings import t
from mediavsnet.core.tables import text_table


def first_table() -> str:
    """{TODO}: what the first table shows a learner, and why it matters."""
    rows = [[t("l{number}_tables.row_a"), text.number(1)], [t("l{number}_tables.row_b"), text.number(2)]]
    header = [t("l{number}_tables.label"), t("l{number}_tables.value")]
    return t("l{number}_tables.first_title") + "\\n" + text_table(header, rows)


def second_table() -> str:
    """{TODO}: what the second table shows a learner, and why it matters."""
    rows = [[t("l{number}_tables.row_a"), text.number(3)], [t("l{number}_tables.row_b"), text.number(4)]]
    header = [t("l{number}_tables.label"), t("l{number}_tables.value")]
    return t("l{number}_tables.second_title") + "\\n" + text_table(header, rows)
'''


def question(number: str, n: int) -> tuple[str, str]:
    """One self-check question with three options (the table's, the answer key's)."""
    qid = f"todo-question-{n}"
    options = [("right", True), ("tempting", False), ("other", False)]
    table = [f"[[quiz.l{number}]]", f'id = "{qid}"',
             f'prompt = "{TODO}: question {n}, about a decision a learner would make."', "options = ["]
    for oid, correct in options:
        table.append(f'    {{ id = "{oid}", text = "{TODO}: question {n}, the {oid} option.", '
                     f'correct = {str(correct).lower()}, why = "{TODO}: question {n}, why the {oid} '
                     f'option is {"right" if correct else "wrong"}, and how to reach the right one." }},')
    table.append("]")
    key = [f"[quiz.l{number}.{qid}]", 'right = "right"']
    key += [f'en.{oid} = ["question {n}, the {oid} option", "why the {oid} option"]' for oid, _ in options]
    return "\n".join(table), "\n".join(key)


def strings_file(number: str, title: str) -> str:
    questions = "\n\n".join(question(number, n)[0] for n in (1, 2, 3))
    return f'''# Lesson {number}, {title}: its tables' words and its self-check (how quizzes are written:
# see lesson00.toml). Keys are prefixed (l{number}_tables, quiz.l{number}): they never meet another
# lesson's.

# The tables lesson {number} keeps in git (mediavsnet/lessons/{{home}}/tables.py).
[l{number}_tables]
first_title = "{TODO}: the first table's title."
second_title = "{TODO}: the second table's title."
label = "{TODO}: a column"
value = "{TODO}: a number"
row_a = "{TODO}: a first row"
row_b = "{TODO}: a second row"

# The self-check.
{questions}
'''


def markdown(source: str, tags: tuple[str, ...] = ()) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def code(source: str, tags: tuple[str, ...] = ()) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def notebook(number: str, slug: str, title: str, topic: str) -> nbformat.NotebookNode:
    """The lesson template: the parts LESSONS.md asks of every lesson, in order, each marked TODO."""
    module = f"mediavsnet.lessons.{home_of(number, slug)}"
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "course": {"lesson": number, "minutes": {"teaching": 10, "exercises": 5},
                   "objectives": [f"{TODO}: what a learner can do after this lesson."]},
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    nb.cells = [
        markdown("nav", ("nav-header",)),
        markdown(f"# {title}\n\n{TODO}: two or three sentences on {topic}: why a small-business owner "
                 "would care."),
        markdown(f"## What you will learn\n\nBy the end of this lesson you will be able to:\n\n"
                 f"1. {TODO}: what a learner can do after this lesson (the same words as the "
                 "notebook's `course.objectives` metadata)."),
        markdown(f"## {TODO}: the first idea\n\n{TODO}: the idea, in your own words, with the article's "
                 "claim and where it needs nuance. Every number is cited (FACTS.md) or called an "
                 "assumption."),
        code(f"from {module} import tables\n\nprint(tables.first_table())", ("keep_output",)),
        markdown(f"{TODO}: what the table shows, read from its numbers."),
        code("print(tables.second_table())", ("keep_output",)),
        markdown("## Exercises\n\n"
                 f"**Exercise 1.** {TODO}: a question a learner answers from the tables above.\n\n"
                 f"<details><summary>Solution</summary>\n\n{TODO}: the answer, and how to reach it."
                 "\n\n</details>\n\n"
                 f"**Exercise 2.** {TODO}: a question about the learner's own business.\n\n"
                 f"<details><summary>Solution</summary>\n\n{TODO}: what a good answer says.\n\n</details>"),
        markdown("## Self-check\n\nPick an answer for each question; the feedback explains why it is "
                 "right or wrong, and you can change your mind."),
        code(f'from mediavsnet.learning.quiz import lesson_quiz\n\nlesson_quiz("{number}")'),
        markdown(f"## Key takeaways\n\n- {TODO}: the lesson in one line a learner would repeat."),
        markdown("## Assumptions and sources\n\n| What | Value | Source |\n|---|---|---|\n"
                 f"| {TODO}: each number the lesson shows | | FACTS.md, or \"assumption\" |"),
        markdown("nav", ("nav-footer",)),
    ]
    return nb


def instructor_notes(number: str, slug: str, title: str) -> str:
    return f"""# Lesson {number}, {title}: instructor notes

[The lesson](../notebooks/{number}-{slug}.ipynb)

## Timing

{TODO}: minutes of teaching and of exercises (the notebook's `course.minutes`, which the agendas use).

## Demo script

1. {TODO}: what to show, in order, and what to say.

## Where learners get stuck

- {TODO}: a misunderstanding to expect, and how to answer it.
"""


def run_tool(root: Path, *args: str) -> None:
    """Run one of the course's tools on the course at ``root`` (its kernels import that copy's package)."""
    path = os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))
    subprocess.run([sys.executable, *args], cwd=root, check=True, env={**os.environ, "PYTHONPATH": path})


def create(root: Path, number: str, slug: str, title: str, topic: str) -> list[Path]:
    """Create every file of the new lesson in the course at ``root``; return them."""
    check_new(root, number, slug)
    home = root / "mediavsnet" / "lessons" / home_of(number, slug)
    home.mkdir(parents=True)
    made = [home / "__init__.py", home / "tables.py",
            root / "mediavsnet" / "locales" / "en" / f"lesson{number}.toml",
            root / "notebooks" / f"{number}-{slug}.ipynb", root / "instructors" / f"{number}-{slug}.md"]
    made[0].write_text(f'"""Lesson {number}\'s home: {title} (see mediavsnet/lessons/__init__.py)."""\n',
                       encoding="utf-8")
    made[1].write_text(tables_module(number, title), encoding="utf-8")
    made[2].write_text(strings_file(number, title).replace("{home}", home.name), encoding="utf-8")
    nbformat.write(notebook(number, slug, title, topic), made[3])
    made[4].write_text(instructor_notes(number, slug, title), encoding="utf-8")
    key = root / "tests" / "answer_key.toml"
    answers = "\n\n".join(question(number, n)[1] for n in (1, 2, 3))
    key.write_text(key.read_text(encoding="utf-8").rstrip() + f"\n\n# --- lesson {number} "
                   + "-" * 70 + f"\n\n{answers}\n", encoding="utf-8")
    register(root, number, slug, title, topic)
    run_tool(root, "tools/notebooks.py", "nav")
    run_tool(root, "tools/notebooks.py", "refresh", f"notebooks/{number}-{slug}.ipynb")
    run_tool(root, "tools/agenda.py")
    return made


def todos(root: Path) -> list[str]:
    """Every TODO left in a lesson's files, as ``file:line: text``."""
    sys.path.insert(0, str(root))
    from mediavsnet.core.lesson_list import LESSONS

    found = []
    for lesson in LESSONS:
        for pattern in LESSON_FILES:
            place = root / pattern.format(number=lesson.number, slug=lesson.slug, home=lesson.home)
            files = sorted(place.rglob("*.py")) if place.is_dir() else [place] if place.exists() else []
            for path in files:
                for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if TODO in line:
                        found.append(f"{path.relative_to(root).as_posix()}:{i}: {line.strip()[:100]}")
    return found


def main(argv: list[str] | None = None) -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("number", nargs="?", help="two digits, the next free one (08)")
    parser.add_argument("slug", nargs="?", help="lower-case words joined by hyphens (my-topic)")
    parser.add_argument("title", nargs="?", help="the title the lesson list and the navigation show")
    parser.add_argument("topic", nargs="?", default=f"{TODO}: what the article says about it",
                        help="the article's topic, for the README's lesson map")
    parser.add_argument("--todo", action="store_true", help="list what is left to write; exit 1 if any")
    args = parser.parse_args(argv)
    if args.todo:
        left = todos(ROOT)
        print("\n".join(left) or "Nothing left to write.")
        return 1 if left else 0
    if not (args.number and args.slug and args.title):
        parser.error("give the number, the slug and the title (or --todo)")
    for path in create(ROOT, args.number, args.slug, args.title, args.topic):
        print(f"created {path.relative_to(ROOT).as_posix()}")
    print(f"Now write it: {len(todos(ROOT))} TODOs left (python tools/new_lesson.py --todo lists them).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
