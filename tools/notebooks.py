"""Keep the lesson notebooks canonical: re-execute, strip, and regenerate navigation.

Committed notebooks are canonical (see CONTRIBUTING.md): outputs only in cells
tagged ``keep_output`` (text only, execution count = the cell's place among
code cells, so nbval compares them), no widget state, no
execution noise in metadata, and a generated navigation header and footer.

    python tools/notebooks.py refresh [NOTEBOOK ...]   re-execute and write back canonical
    python tools/notebooks.py nav                      regenerate headers, footers and the README's map
    python tools/notebooks.py check                    exit 1 if any notebook is not canonical
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path
from urllib.parse import quote

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mediavsnet import lessons  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
KEEP = "keep_output"
HEADER, FOOTER = "nav-header", "nav-footer"
NOTEBOOK_METADATA = ("kernelspec", "course")
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: Output types and MIME types a keep_output cell may hold: deterministic text.
TEXT_MIME = {"text/plain", "text/markdown", "text/html"}


class NotCanonicalError(ValueError):
    """A notebook holds something that must never be committed."""


def canonical(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The committed form of a notebook: the same content, none of the run's noise."""
    nb = copy.deepcopy(nb)
    nb.metadata = nbformat.from_dict(
        {key: nb.metadata[key] for key in NOTEBOOK_METADATA if key in nb.metadata}
        | {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    )
    nb.nbformat, nb.nbformat_minor = 4, 5
    ordinal = 0
    for cell in nb.cells:
        tags = list(cell.get("metadata", {}).get("tags", []))
        cell.metadata = nbformat.from_dict({"tags": tags} if tags else {})
        if "attachments" in cell and not cell.attachments:
            del cell["attachments"]
        if cell.cell_type != "code":
            continue
        ordinal += 1
        if KEEP not in tags:
            cell.execution_count = None
            cell.outputs = []
            continue
        # nbval compares only cells that "ran": the count is the cell's place among
        # code cells, which a restart-and-run-all gives it, so it never changes.
        cell.execution_count = ordinal
        cell.outputs = [_clean_output(o, ordinal, cell) for o in cell.outputs]
    return nb


def _clean_output(
    output: nbformat.NotebookNode, ordinal: int, cell: nbformat.NotebookNode
) -> nbformat.NotebookNode:
    if output.output_type == "error":
        raise NotCanonicalError(f"keep_output cell {cell.get('id')} holds an error")
    if output.output_type in ("execute_result", "display_data"):
        kinds = set(output.data)
        if not kinds <= TEXT_MIME:
            raise NotCanonicalError(
                f"keep_output cell {cell.get('id')} holds {sorted(kinds - TEXT_MIME)}: "
                "only text may be kept (never widgets, figures or images)"
            )
        output.metadata = nbformat.from_dict({})
        if output.output_type == "execute_result":
            output.execution_count = ordinal
    return output


def navigation(nb: nbformat.NotebookNode, filename: str) -> nbformat.NotebookNode:
    """Insert or refresh the generated header (launch link) and footer (previous / next)."""
    nb = copy.deepcopy(nb)
    lesson = lessons.by_filename(filename)
    cells = [c for c in nb.cells if not {HEADER, FOOTER} & set(c.get("metadata", {}).get("tags", []))]
    header = nbformat.v4.new_markdown_cell(header_text(lesson), metadata={"tags": [HEADER]})
    footer = nbformat.v4.new_markdown_cell(footer_text(lesson), metadata={"tags": [FOOTER]})
    header.id, footer.id = "nav-header", "nav-footer"
    nb.cells = [header, *cells, footer]
    return nb


def binder_url(filename: str) -> str:
    """Binder link that opens JupyterLab on one notebook of the course."""
    return (
        f"https://mybinder.org/v2/gh/{lessons.REPOSITORY}/{lessons.BRANCH}"
        f"?urlpath=lab/tree/notebooks/{filename}"
    )


def header_text(lesson: lessons.Lesson) -> str:
    return (
        f"*Social media vs social networking* · Lesson {lesson.number}: {lesson.title}"
        f" · [Course home](../README.md) · "
        f"[open this lesson on Binder]({binder_url(lesson.filename)})"
    )


def footer_text(lesson: lessons.Lesson) -> str:
    before, after = lessons.neighbours(lesson, NOTEBOOKS)
    parts = []
    if before:
        parts.append(f"← Previous: [{before.title}]({before.filename})")
    parts.append("[Course home](../README.md)")
    if after:
        parts.append(f"Next: [{after.title}]({after.filename}) →")
    return " · ".join(parts)


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
        "```\nhttps://HUB/hub/user-redirect/git-pull"
        f"?repo={repo}&branch={lessons.BRANCH}&urlpath={path}\n```"
    )


#: Parts of README.md that are generated from mediavsnet/lessons.py, between markers.
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


def dumps(nb: nbformat.NotebookNode) -> str:
    """Notebook JSON exactly as committed."""
    return nbformat.writes(nb) + "\n"


def expected_text(path: Path) -> str:
    """What the file should hold: canonical, with fresh navigation."""
    nb = nbformat.read(path, as_version=4)
    return dumps(canonical(navigation(nb, path.name)))


def refresh(path: Path, timeout: int = 120) -> None:
    """Re-execute a notebook from its own folder, then write it back canonical."""
    from nbclient import NotebookClient

    nb = navigation(nbformat.read(path, as_version=4), path.name)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    path.write_text(dumps(canonical(nb)), encoding="utf-8")


def all_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("command", choices=("refresh", "nav", "check"))
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.paths] or all_notebooks()
    if args.command == "refresh":
        for path in paths:
            refresh(path)
            print(f"refreshed {path.relative_to(ROOT)}")
        return 0
    readme = ROOT / "README.md"
    if args.command == "nav":
        for path in paths:
            path.write_text(expected_text(path), encoding="utf-8")
        readme.write_text(readme_regenerated(readme.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    stale = [p for p in paths if p.read_text(encoding="utf-8") != expected_text(p)]
    for path in stale:
        print(f"not canonical: {path.relative_to(ROOT)} (run: python tools/notebooks.py refresh {path.name})")
    text = readme.read_text(encoding="utf-8")
    if text != readme_regenerated(text):
        print("README.md: a generated block is stale (run: python tools/notebooks.py nav)")
        return 1
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
