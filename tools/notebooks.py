"""Keep the lesson notebooks canonical: re-execute, strip, and regenerate navigation.

Committed notebooks are canonical (the contract is in CONTRIBUTING.md, "Writing a
lesson notebook"):

- notebook metadata: ``kernelspec`` (python3), ``language_info`` reduced to
  ``{"name": "python"}`` and ``course``; nothing else (no widget state);
- cell metadata: only ``tags``; cell ids kept;
- outputs stripped and ``execution_count`` null, except in cells tagged
  ``keep_output``: their text outputs are kept (execution counts nulled), and a
  widget view, a plotly figure or an image there is refused with an error;
- a generated first cell (``nav-header``: Binder launch badge, "Lesson NN: Title (lessons 00 to MM)",
  a link to the README) and last cell (``nav-footer``: previous / next lesson).

Usage::

    python tools/notebooks.py refresh [NOTEBOOK ...]   re-execute (from notebooks/), write back canonical
    python tools/notebooks.py nav [NOTEBOOK ...]       rewrite headers, footers and the README's
                                                        generated blocks (no execution)
    python tools/notebooks.py check [NOTEBOOK ...]     exit 1, listing what is not canonical or stale

Without paths, every lesson notebook (``notebooks/NN-*.ipynb``) is processed.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path
from urllib.parse import quote

import nbformat

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mediavsnet.core import lesson_list as lessons  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
KEEP = "keep_output"
HEADER, FOOTER = "nav-header", "nav-footer"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: MIME types a keep_output cell may hold: deterministic text, nothing else.
TEXT_MIME = frozenset({"text/plain", "text/markdown", "text/html", "text/latex"})
#: Seconds a single cell may run during ``refresh`` before it counts as a failure.
CELL_TIMEOUT = 120


class NotCanonicalError(ValueError):
    """A notebook holds something that must never be committed."""


class NotebookRunError(RuntimeError):
    """A notebook failed to run from top to bottom."""


# --- the canonical form --------------------------------------------------------------------


def tags_of(cell: nbformat.NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def canonical(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The committed form of a notebook: the same content, none of the run's noise.

    Pure and idempotent: ``canonical(canonical(nb)) == canonical(nb)``.
    Raises :class:`NotCanonicalError` when a ``keep_output`` cell holds an error,
    a widget view, a figure or an image.
    """
    nb = copy.deepcopy(nb)
    metadata = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    if "course" in nb.metadata:
        metadata["course"] = nb.metadata["course"]
    nb.metadata = nbformat.from_dict(metadata)
    nb.nbformat, nb.nbformat_minor = 4, 5
    seen: set[str] = set()
    for index, cell in enumerate(nb.cells):
        tags = tags_of(cell)
        cell.metadata = nbformat.from_dict({"tags": tags} if tags else {})
        # Ids are kept; a cell without one (an nbformat 4.4 file) gets a stable one.
        if not cell.get("id") or cell.id in seen:
            cell.id = f"cell-{index}"
        seen.add(cell.id)
        if "attachments" in cell and not cell.attachments:
            del cell["attachments"]
        if cell.cell_type != "code":
            continue
        cell.execution_count = None
        if KEEP in tags:
            cell.outputs = [_clean_output(output, cell) for output in cell.outputs]
        else:
            cell.outputs = []
    return nb


def _clean_output(output: nbformat.NotebookNode, cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    where = f"keep_output cell {cell.get('id')!r} ({cell.source.splitlines()[0] if cell.source else 'empty'})"
    if output.output_type == "error":
        raise NotCanonicalError(f"{where} holds an error ({output.get('ename')}): fix the cell, then refresh")
    if output.output_type == "stream":
        return nbformat.from_dict({"name": output.name, "output_type": "stream", "text": output.text})
    kinds = set(output.get("data", {}))
    refused = kinds - TEXT_MIME
    if refused:
        raise NotCanonicalError(
            f"{where} holds {sorted(refused)}: a keep_output cell may keep text only, never a "
            "widget view, a plotly figure or an image; remove the tag or print text instead"
        )
    clean = {"data": dict(output.data), "metadata": {}, "output_type": output.output_type}
    if output.output_type == "execute_result":
        clean["execution_count"] = None
    return nbformat.from_dict(clean)


def dumps(nb: nbformat.NotebookNode) -> str:
    """Notebook JSON exactly as committed (nbformat: indent 1, sorted keys) plus a trailing newline."""
    return nbformat.writes(nb) + "\n"


# --- navigation ------------------------------------------------------------------------------


def binder_url(filename: str) -> str:
    """Binder link that opens JupyterLab on one notebook of the course."""
    return (
        f"https://mybinder.org/v2/gh/{lessons.REPOSITORY}/{lessons.BRANCH}"
        f"?urlpath=lab/tree/notebooks/{filename}"
    )


#: The launch badge in every lesson's header: a copy next to the lessons, so that a lesson
#: fetches nothing from outside when it is opened (JupyterLab offline, Voilà in a room).
BADGE = "images/binder-badge.svg"


def header_text(lesson: lessons.Lesson) -> str:
    last = lessons.LESSONS[-1].number
    return (
        f"[![Launch this lesson on Binder]({BADGE})]"
        f"({binder_url(lesson.filename)}) "
        f"*Social media vs social networking* · **Lesson {lesson.number}: {lesson.title}** "
        f"(lessons 00 to {last}) · [<u>Course home</u>](../README.md)"
    )  # underlined: in a line of text a link must not be told apart by its colour alone (axe-core)


def footer_text(lesson: lessons.Lesson, notebooks_dir: Path | None = None) -> str:
    before, after = lessons.neighbours(lesson, notebooks_dir or NOTEBOOKS)
    parts = []
    if before:
        parts.append(f"← Previous: [Lesson {before.number}, {before.title}]({before.filename})")
    parts.append("[Course home](../README.md)")
    if after:
        parts.append(f"Next: [Lesson {after.number}, {after.title}]({after.filename}) →")
    return " · ".join(parts)


def navigation(nb: nbformat.NotebookNode, filename: str, notebooks_dir: Path | None = None):
    """Insert or replace the generated header (first cell) and footer (last cell).

    ``notebooks_dir`` is where the neighbours are looked for (default: the course's
    notebooks/ folder); only lessons whose notebook exists are linked.
    """
    nb = copy.deepcopy(nb)
    lesson = lessons.by_filename(filename)
    cells = [c for c in nb.cells if not {HEADER, FOOTER} & set(tags_of(c))]
    header = nbformat.v4.new_markdown_cell(header_text(lesson), metadata={"tags": [HEADER]})
    footer = nbformat.v4.new_markdown_cell(footer_text(lesson, notebooks_dir), metadata={"tags": [FOOTER]})
    header.id, footer.id = HEADER, FOOTER
    nb.cells = [header, *cells, footer]
    return nb


# --- the README's generated blocks (tests/test_readme.py checks they stay fresh) -------------


def lesson_map() -> str:
    """The README's table of lessons, with a link for each one that exists."""
    rows = ["| # | Lesson | From the article | Status |", "|---|---|---|---|"]
    present = {lesson.filename for lesson in lessons.available(NOTEBOOKS)}
    for lesson in lessons.LESSONS:
        if lesson.filename in present:
            title, status = f"[{lesson.title}](notebooks/{lesson.filename})", "ready"
        else:
            title, status = lesson.title, "planned"
        rows.append(f"| {lesson.number} | {title} | {lesson.article_topic} | {status} |")
    return "\n".join(rows)


def binder_badge() -> str:
    first = lessons.LESSONS[0].filename
    return f"[![Launch on Binder](https://mybinder.org/badge_logo.svg)]({binder_url(first)})"


def hub_link() -> str:
    """An nbgitpuller link: clone (or update) the course on a JupyterHub, open lesson 00."""
    name = lessons.REPOSITORY.split("/")[-1]
    repo = quote(f"https://github.com/{lessons.REPOSITORY}", safe="")
    path = quote(f"lab/tree/{name}/notebooks/{lessons.LESSONS[0].filename}", safe="")
    return (
        f"```\nhttps://HUB/hub/user-redirect/git-pull?repo={repo}&branch={lessons.BRANCH}&urlpath={path}\n```"
    )


#: Parts of README.md that are generated from mediavsnet/core/lesson_list.py, between markers.
README_BLOCKS = {"binder-badge": binder_badge, "lesson-map": lesson_map, "hub-link": hub_link}


def readme_regenerated(readme: str) -> str:
    """The README with every generated block rewritten from the lesson list."""
    for name, make in README_BLOCKS.items():
        start_mark, end_mark = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        start, end = readme.index(start_mark) + len(start_mark), readme.index(end_mark)
        indent = readme[readme.rfind("\n", 0, start - len(start_mark)) + 1 : start - len(start_mark)]
        block = "\n".join(indent + line if line else line for line in make().splitlines())
        readme = readme[:start] + "\n" + block + "\n" + indent + readme[end:]
    return readme


# --- files -----------------------------------------------------------------------------------


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def expected_text(path: Path) -> str:
    """What the file should hold: canonical, with fresh navigation."""
    return dumps(canonical(navigation(read(path), path.name, path.parent)))


def problems(path: Path) -> list[str]:
    """Why a committed notebook differs from its expected text ([] when it does not)."""
    text = path.read_text(encoding="utf-8")
    nb = read(path)
    found = []
    try:
        if text != dumps(canonical(nb)):
            found.append("not canonical")
        fresh = navigation(nb, path.name, path.parent)
        if [c.source for c in (nb.cells[:1] + nb.cells[-1:])] != [
            fresh.cells[0].source,
            fresh.cells[-1].source,
        ]:
            found.append("navigation header/footer missing or stale")
    except NotCanonicalError as exc:
        found.append(str(exc))
    return found


def run(nb: nbformat.NotebookNode, folder: Path, timeout: int = CELL_TIMEOUT, name: str = "notebook"):
    """Execute a notebook in a fresh python3 kernel whose working directory is ``folder``.

    Any cell error (or a cell running longer than ``timeout`` seconds) raises
    :class:`NotebookRunError` naming the notebook and the cell.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(folder)}},
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        raise NotebookRunError(f"{name} failed to run: {exc}") from exc
    return nb


def refresh(path: Path, timeout: int = CELL_TIMEOUT) -> None:
    """Re-execute a notebook from its own folder, then write it back canonical (with fresh nav).

    Nothing is written when a cell fails or a keep_output cell holds what it must not.
    """
    path = Path(path)
    nb = navigation(read(path), path.name, path.parent)
    run(nb, path.parent, timeout, path.name)
    path.write_text(dumps(canonical(nb)), encoding="utf-8")


def all_notebooks(folder: Path | None = None) -> list[Path]:
    return sorted((folder or NOTEBOOKS).glob("[0-9][0-9]-*.ipynb"))


def _show(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("refresh", "nav", "check"))
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.paths] or all_notebooks()
    readme = ROOT / "README.md"
    if args.command == "refresh":
        failed = 0
        for path in paths:
            try:
                refresh(path)
            except (NotebookRunError, NotCanonicalError) as exc:
                failed += 1
                print(f"FAILED {_show(path)}: {exc}", file=sys.stderr)
                continue
            print(f"refreshed {_show(path)}")
        return 1 if failed else 0
    if args.command == "nav":
        for path in paths:
            try:
                path.write_text(expected_text(path), encoding="utf-8")
            except NotCanonicalError as exc:
                print(f"FAILED {_show(path)}: {exc}", file=sys.stderr)
                return 1
            print(f"navigation rewritten: {_show(path)}")
        if readme.exists():
            text = readme.read_text(encoding="utf-8")
            if readme_regenerated(text) != text:
                readme.write_text(readme_regenerated(text), encoding="utf-8")
                print("README.md: generated blocks rewritten")
        return 0
    stale = 0
    for path in paths:
        found = problems(path)
        if found:
            stale += 1
            print(f"{_show(path)}: {'; '.join(found)} (fix: python tools/notebooks.py nav {_show(path)})")
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        if text != readme_regenerated(text):
            stale += 1
            print("README.md: a generated block is stale (fix: python tools/notebooks.py nav)")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
