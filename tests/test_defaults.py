"""One source for every default: the specs. The models' dataclasses and the lessons' tables agree with them.

A default lives in a model's ``ParamSpec``. Two other places show it: the model's
parameter dataclass (what ``PostingParams()`` starts from) and the lesson's
"Assumptions and sources" table (what a learner reads the explorer opens with).
If either drifts from the spec, a learner sees one number in the table and
another in the explorer. Models and lessons are discovered, not listed: a new
model or lesson is checked the moment it exists.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import sys
import types
from pathlib import Path

import nbformat
import pytest

import mediavsnet.models
from mediavsnet.core import text
from mediavsnet.core.specs import ParamSpec, ValidatedParams
from mediavsnet.lessons import EXPLORERS

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))

MODEL_MODULES = [
    importlib.import_module(f"mediavsnet.models.{m.name}")
    for m in pkgutil.iter_modules(mediavsnet.models.__path__)
]
PARAM_CLASSES = [
    obj
    for module in MODEL_MODULES
    for obj in vars(module).values()
    if isinstance(obj, type) and issubclass(obj, ValidatedParams) and obj.__module__ == module.__name__
]


# --- the models' dataclasses ---------------------------------------------------------------


def test_every_model_has_a_params_dataclass():
    assert {c.__name__ for c in PARAM_CLASSES} >= {"PostingParams", "RelationshipParams", "TimeBudgetParams"}


@pytest.mark.parametrize("cls", PARAM_CLASSES, ids=lambda c: c.__name__)
def test_every_dataclass_default_is_its_specs_default(cls):
    fields = {f.name: f for f in dataclasses.fields(cls)}
    assert list(fields) == [s.name for s in cls.SPECS], f"{cls.__name__}: fields and specs differ"
    for spec in cls.SPECS:
        default = fields[spec.name].default
        assert default == spec.default, (
            f"{cls.__name__}() would start with {spec.name} = {default!r} while its spec (and the slider, "
            f"and the lesson's sources table) says {spec.default!r}"
        )
        kind = int if spec.integer else float
        assert isinstance(default, kind), f"{cls.__name__}.{spec.name} = {default!r} is no {kind.__name__}"
    assert cls() == cls.from_defaults()


# --- the lessons' "Assumptions and sources" tables -----------------------------------------

HEADING = re.compile(r"^#{2,3} .*assumptions and sources", re.I | re.M)
#: A number as a lesson writes it: 1,000 or 0.16 or 45 (a sign or an exponent is not a default).
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w,]\d)")


def sources_rows(markdown: str) -> list[tuple[str, str]]:
    """The (what, value) cells of the first Markdown table after the "Assumptions and sources" heading.

    The columns are found by their headings ("Default" or the first column; "Value"
    or the second); ``\\|`` inside a cell is a literal bar.
    """
    match = HEADING.search(markdown)
    if not match:
        return []
    lines = markdown[match.end():].splitlines()
    table = []
    for line in lines:
        if line.strip().startswith("|"):
            table.append(line.strip())
        elif table:
            break  # the table ended
    if len(table) < 2:
        return []

    def cells(line: str) -> list[str]:
        parts = re.split(r"(?<!\\)\|", line.strip().strip("|"))
        return [p.strip().replace("\\|", "|") for p in parts]

    header = [h.lower() for h in cells(table[0])]
    what = header.index("default") if "default" in header else 0
    value = header.index("value") if "value" in header else 1
    rows = []
    for line in table[1:]:
        row = cells(line)
        if all(re.fullmatch(r":?-+:?", c) for c in row):
            continue  # the |---|---| line
        if len(row) > max(what, value):
            rows.append((row[what], row[value]))
    return rows


def values_by_label(rows: list[tuple[str, str]]) -> dict[str, str]:
    """Each label a row names, with the value written for it.

    A row may name several things, comma-separated, with as many values in the
    same order: "New followers per engagement, followers lost a year | 1, 10 %".
    Values are split on a comma followed by a space, so 200,000 stays whole.
    """
    found: dict[str, str] = {}
    for what, value in rows:
        labels = [w.strip() for w in what.split(",")]
        values = [v.strip() for v in value.split(", ")] if len(labels) > 1 else [value.strip()]
        if len(labels) > 1 and len(values) != len(labels):
            values = [value.strip()] * len(labels)  # not one value per label: each label gets the whole cell
        for label, shown in zip(labels, values, strict=True):
            found[label] = shown
    return found


def find(label: str, shown: dict[str, str]) -> str | None:
    """The value written for a spec's label: a row starting with the label (any case), or None."""
    pattern = re.compile(rf"{re.escape(label)}(?![a-z])", re.I)
    for written, value in shown.items():
        if pattern.match(written):
            return value
    return None


def as_learner_reads(value: float) -> str:
    """A default as the lesson should write it: separators, and only the decimals it has (6, 0.16, 1,000)."""
    decimals = next(d for d in range(7) if round(value, d) == value or d == 6)
    return text.number(value, decimals)


def shows_default(spec: ParamSpec, value: str) -> str | None:
    """Why a table value does not show the spec's default as a learner reads it, or None when it does.

    The first number written is the default (later ones may explain it: "104 weeks
    (2 years)"); a percentage unit needs its % sign.
    """
    expected = as_learner_reads(spec.default)
    number = NUMBER.search(value)
    if number is None:
        return f"writes no number ({value!r}); the default is {expected}"
    written = number.group(0)
    if written != expected:
        return f"says {written} ({value!r}), but the default a learner gets is {expected}"
    if "%" in spec.unit and not re.match(r"\s*%", value[number.end():]):
        return f"says {written} without its % sign ({value!r})"
    return None


def explorers_of(nb: nbformat.NotebookNode) -> list[type]:
    """The explorer classes a notebook builds, from its imports of ``mediavsnet.lessons.<module>``."""
    code = "".join(c.source for c in nb.cells if c.cell_type == "code")
    modules = set(re.findall(r"\bmediavsnet\.lessons\.\w+\.explorer\b", code))
    return [cls for cls in EXPLORERS.values() if cls.__module__ in modules]


def models_behind(module: types.ModuleType, seen: set[str] | None = None) -> set[str]:
    """The model modules an explorer's (or a model's) module uses, directly or through another model."""
    seen = set() if seen is None else seen
    for value in vars(module).values():
        if isinstance(value, types.ModuleType) and value.__name__.startswith("mediavsnet.models."):
            if value.__name__ not in seen:
                seen.add(value.__name__)
                models_behind(value, seen)
    return seen


def specs_behind(cls: type) -> list[ParamSpec]:
    """Every spec of the models an explorer runs, its controls first (for defaults it keeps fixed)."""
    specs = list(cls.specs)
    for name in sorted(models_behind(sys.modules[cls.__module__])):
        specs += [s for s in getattr(sys.modules[name], "SPECS", ()) if s not in specs]
    return specs


def lesson_problems(nb: nbformat.NotebookNode) -> list[str]:
    """Every control whose default the sources table leaves out or gets wrong, and every other
    default of the explorer's models that it names with the wrong value."""
    markdown = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    shown = values_by_label(sources_rows(markdown))
    problems = []
    for cls in explorers_of(nb):
        by_label: dict[str, list[ParamSpec]] = {}
        for spec in specs_behind(cls):
            by_label.setdefault(spec.label, []).append(spec)
        for label, specs in by_label.items():
            value = find(label, shown)
            # A control's default is what the explorer opens with; other specs keep theirs fixed.
            # (the control's own spec: a lesson may give a model's parameter its own default)
            own = [s for s in specs if s in cls.specs] or specs
            if value is None:
                if own is not specs:
                    problems.append(f"{label!r}: no row with its default in 'Assumptions and sources'")
                continue
            if len({s.default for s in own}) > 1:
                problems.append(f"{label!r} names {len(own)} parameters with different defaults")
                continue
            why = shows_default(own[0], value)
            if why:
                problems.append(f"{label!r}: the table {why}")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_the_sources_table_shows_each_default_a_learner_starts_from(path):
    nb = nbformat.read(path, as_version=4)
    problems = lesson_problems(nb)
    assert not problems, (
        f"{path.name}: a learner would read one default in the sources table and get another in the "
        "explorer:\n" + "\n".join(problems)
    )


def test_lesson_04_is_checked_for_every_control_and_the_fixed_defaults_it_names():
    """The scan is not vacuous: lesson 04's table is found, with a value for every control."""
    nb = nbformat.read(ROOT / "notebooks" / "04-time-and-effort.ipynb", as_version=4)
    markdown = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    shown = values_by_label(sources_rows(markdown))
    (cls,) = explorers_of(nb)
    assert all(find(spec.label, shown) is not None for spec in cls.specs)
    assert len(specs_behind(cls)) > len(cls.specs)


def test_every_lesson_that_posts_states_the_good_and_bad_weeks_its_models_draw():
    """Lesson 04's posting model gives each week a random factor: reach, engagement and (in
    lesson 01's model) messages vary around their average. Each lesson that runs it says so in
    its table, with the size the model really draws, so "about 22 per post" beside a total that
    is not 22 times the posts reads as the assumption it is."""
    from mediavsnet.models import posting

    draws = posting.weekly_variation(200_000, seed=0)
    size = f"about {round(100 * draws.std() / draws.mean())} % from week to week"
    posting_lessons = [
        path for path in NOTEBOOKS
        if any(posting.__name__ in models_behind(sys.modules[cls.__module__])
               for cls in explorers_of(nbformat.read(path, as_version=4)))
    ]
    assert [path.name[:2] for path in posting_lessons] == ["01", "02", "03", "04", "07"]
    for path in posting_lessons:
        nb = nbformat.read(path, as_version=4)
        markdown = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        shown = values_by_label(sources_rows(markdown))
        value = find("Good and bad weeks", shown)
        assert value is not None, f"{path.name}: no 'Good and bad weeks' row in 'Assumptions and sources'"
        assert size in value, f"{path.name}: the table says {value!r}; the model draws {size}"


# --- the parsing itself, on small tables ---------------------------------------------------

TABLE = """## Assumptions and sources

| Default | Value | Source |
|---|---|---|
| Followers at the start | 1,000 | Assumption |
| Share for posting | 50 % | Assumption |
| Horizon | 104 weeks (2 years) | Assumption |
| Fading without contact | 0.16 a year | Dunbar |
| New followers per engagement, followers lost a year, potential audience | 1, 10 %, 200,000 | Assumptions |
| Odd \\| label | 7 | escaped bar |

Text after the table.
"""


def spec(name: str, unit: str, default: float, integer: bool = False) -> ParamSpec:
    return ParamSpec(name, unit, 0, 10**6, 0.01, default, "test", integer=integer)


def test_the_table_is_read_by_its_columns_with_several_labels_in_a_row():
    shown = values_by_label(sources_rows(TABLE))
    assert shown["Followers at the start"] == "1,000"
    assert shown["followers lost a year"] == "10 %"
    assert shown["potential audience"] == "200,000"
    assert shown["Odd | label"] == "7"
    assert find("Potential audience", shown) == "200,000"
    assert find("Horizon", shown) == "104 weeks (2 years)"
    assert find("Hori", shown) is None  # a label matches whole words only
    assert sources_rows("## Key takeaways\n\n| a | b |\n|---|---|\n| x | 1 |\n") == []


@pytest.mark.parametrize(
    ("default", "integer", "unit", "value", "verdict"),
    [
        (1000, True, "followers", "1,000", None),
        (1000, True, "followers", "1000", "says 1000"),  # not as a learner reads it
        (1500, True, "followers", "1,000", "says 1,000"),  # the default moved, the table did not
        (50.0, False, "%", "50 %", None),
        (50.0, False, "%", "50", "without its % sign"),
        (0.16, False, "/year", "0.16 a year", None),
        (0.2, False, "/year", "0.16 a year", "default a learner gets is 0.2"),
        (6.0, False, "h/week", "6 h", None),
        (6.0, False, "h/week", "6.0 h", "says 6.0"),
        (104, True, "weeks", "104 weeks (2 years)", None),
        (5, True, "people", "about five", "writes no number"),
        (0.06, False, "% of followers", "0.06 % of followers", None),
    ],
)
def test_a_value_shows_the_default_only_as_a_learner_reads_it(default, integer, unit, value, verdict):
    why = shows_default(spec("x", unit, default, integer), value)
    if verdict is None:
        assert why is None
    else:
        assert why is not None and verdict in why


def test_a_changed_default_is_caught_in_the_lesson(monkeypatch):
    """People you give time to: 5 in the table; a spec saying 6 opens the explorer with 6 people."""
    from mediavsnet.models import relationships, time_budget

    nb = nbformat.read(ROOT / "notebooks" / "04-time-and-effort.ipynb", as_version=4)
    assert lesson_problems(nb) == []
    people = next(s for s in relationships.SPECS if s.name == "people")
    changed = dataclasses.replace(people, default=6)
    cls = explorers_of(nb)[0]
    for owner in (relationships, time_budget):
        monkeypatch.setattr(owner, "SPECS", tuple(changed if s is people else s for s in owner.SPECS))
    monkeypatch.setattr(cls, "specs", time_budget.SPECS)
    assert cls().values()["people"] == 6  # the explorer now opens with 6 people
    problems = lesson_problems(nb)
    assert problems == [
        "'People you give time to': the table says 5 ('5'), but the default a learner gets is 6"
    ]


def test_a_fixed_default_the_table_names_is_caught_too(monkeypatch):
    """Potential audience is no control, but the table names it: 200,000 must stay true."""
    from mediavsnet.models import posting

    nb = nbformat.read(ROOT / "notebooks" / "04-time-and-effort.ipynb", as_version=4)
    audience = next(s for s in posting.SPECS if s.name == "potential_audience")
    changed = dataclasses.replace(audience, default=300_000)
    monkeypatch.setattr(posting, "SPECS", tuple(changed if s is audience else s for s in posting.SPECS))
    assert lesson_problems(nb) == [
        "'Potential audience': the table says 200,000 ('200,000'), but the default a learner gets is 300,000"
    ]
