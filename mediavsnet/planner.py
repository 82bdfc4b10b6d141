"""Save and load a lesson 07 plan: a readable JSON file, a Markdown summary, and a safe way back.

A learner's plan is two splits of their weekly hours (plan A and plan B), the
goal they judge them by, their situation (followers, people, messages) and
their own notes. :func:`save` writes it to their folder as ``<name>.json``
(what :func:`load` reads back) and ``<name>.md`` (a summary to print or paste).

What the learner can count on:

- **Nothing is overwritten without asking.** When a plan of that name exists,
  :func:`save` picks the next free name (``my-plan-2``) and says so, unless
  ``overwrite=True`` (the explorer's "Overwrite" box). A file is written whole
  or not at all (written beside, then renamed over).
- **A broken or hand-edited file gives a clear message**, never a traceback:
  :class:`PlanError` says what is wrong and where (the line and column of a
  JSON slip, the key whose value is not a number). Nothing is loaded then.
- **What can be repaired is repaired, and said**: a value out of range is
  brought to the nearest end of its range (the message names the parameter and
  the range), a value between a slider's steps goes to the nearest step, a
  missing key takes its default, an unknown key is ignored; :func:`parse`
  returns every such message with the plan.
- **Older files still load.** ``schema_version`` says which form a file has.
  Version 1 is the current form (:data:`SCHEMA_VERSION`). Version 0 is the form
  of the planner's first draft, before files carried a version: each plan as a
  weekly budget with a share for broadcasting and one for listening (as lesson
  04 splits hours), the goal as a number. :func:`migrate` turns it into the
  current form and says so. A file from a newer version of the course is
  refused with the reason and what to do.

The functions here are pure (text in, text or values out) except :func:`save`
and :func:`load`, which only read and write files; the explorer calls them.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediavsnet import text
from mediavsnet.models import strategy
from mediavsnet.specs import ParamSpec, defaults
from mediavsnet.strings import t

#: The form :func:`to_document` writes. Raise it when the form changes, and teach
#: :func:`migrate` the step from the old form.
SCHEMA_VERSION = 1
#: What a plan file says it is.
KIND = "mediavsnet-plan"
#: Plans go in this folder, beside the notebook, unless the explorer is given another.
DEFAULT_FOLDER = "my-plans"
DEFAULT_NAME = "my-plan"
#: A plan file is a few kilobytes: anything much larger is not one.
MOST_BYTES = 1_000_000
#: How far a recomputed projection may drift from the saved one before the learner is told.
DRIFT = 0.005

PLANS = ("a", "b")
_SPECS = {spec.name: spec for spec in strategy.explorer_specs()}
#: Where each control lives in the file: plan_a.broadcast_hours, situation.people...
_PLACES: dict[str, tuple[str, str]] = {
    **{spec.name: (f"plan_{plan}", spec.name.removeprefix(f"{plan}_"))
       for plan in PLANS for spec in strategy.PLAN_SPECS[plan]},
    **{spec.name: ("situation", spec.name) for spec in strategy.SITUATION},
}
_TOP_KEYS = {"schema_version", "kind", "saved_at", "name", "goal", "plan_a", "plan_b", "situation",
             "notes", "projection"}


class PlanError(ValueError):
    """A plan that cannot be saved or loaded, with a message for the learner."""


@dataclass
class LoadedPlan:
    """What a plan file gives back: the controls' values, the notes, and what was said about them."""

    values: dict[str, float]
    notes: str
    name: str
    messages: list[str] = field(default_factory=list)
    version: int = SCHEMA_VERSION


@dataclass(frozen=True)
class Saved:
    """Where a plan went: its JSON and Markdown files, and the name asked for."""

    json_path: Path
    markdown_path: Path
    asked: str

    @property
    def name(self) -> str:
        return self.json_path.stem

    @property
    def renamed(self) -> bool:
        return self.name != self.asked


# --- writing ----------------------------------------------------------------------------


def projection(values: Mapping[str, float]) -> dict[str, Any]:
    """Each plan's twelve-month scores by every goal, and its followers at the end, from the models."""
    found = strategy.compare(dict(values))
    return {
        "weeks": strategy.WEEKS,
        **{f"plan_{plan}": {**{goal: round(result.score(goal), 4) for goal in strategy.GOALS},
                            "followers": round(float(result.media.followers[-1]), 4)}
           for plan, result in (("a", found.a), ("b", found.b))},
    }


def to_document(values: Mapping[str, float], notes: str = "", name: str = DEFAULT_NAME,
                saved_at: str | None = None) -> dict[str, Any]:
    """A plan as the file holds it: readable keys, the goal by its name, the projection beside it."""
    for spec_name, spec in _SPECS.items():
        spec.check(values[spec_name])
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "kind": KIND, "name": name}
    if saved_at is not None:
        document["saved_at"] = saved_at
    document["goal"] = strategy.GOALS[int(values["goal"])]
    for spec_name, (section, key) in _PLACES.items():
        spec = _SPECS[spec_name]
        value = values[spec_name]
        document.setdefault(section, {})[key] = int(value) if spec.integer else float(value)
    document["notes"] = notes
    document["projection"] = projection(values)
    return document


def dumps(document: Mapping[str, Any]) -> str:
    """The JSON text of a plan: indented, in the order written, ending with a newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_markdown(document: Mapping[str, Any]) -> str:
    """A plan as a page to print or paste: the two plans, the situation, the projection, the notes."""
    goal = document["goal"]
    rows = [t("plan.md_row_hours_header"), "|---|---|---|"]
    for activity in strategy.ACTIVITIES:
        key = f"{activity}_hours"
        a, b = document["plan_a"][key], document["plan_b"][key]
        rows.append(f"| {t(f'plan.activity_{activity}')} | {text.clock(a)} | {text.clock(b)} |")
    total_a = sum(document["plan_a"][f"{x}_hours"] for x in strategy.ACTIVITIES)
    total_b = sum(document["plan_b"][f"{x}_hours"] for x in strategy.ACTIVITIES)
    rows.append(f"| **{t('plan.md_total')}** | **{text.clock(total_a)}** | **{text.clock(total_b)}** |")
    found = document["projection"]
    results = [t("plan.md_row_results_header"), "|---|---|---|"]
    for each in strategy.GOALS:
        mark = " ★" if each == goal else ""
        results.append(f"| {t(f'plan.goal_{each}')}{mark} | {score_words(each, found['plan_a'][each])} | "
                       f"{score_words(each, found['plan_b'][each])} |")
    results.append(f"| {t('plan.md_followers')} | {text.number(found['plan_a']['followers'])} | "
                   f"{text.number(found['plan_b']['followers'])} |")
    situation = document["situation"]
    lines = [
        t("plan.md_title", name=document.get("name", DEFAULT_NAME)),
        "",
        t("plan.md_saved", when=document["saved_at"]) if document.get("saved_at") else t("plan.md_unsaved"),
        "",
        t("plan.md_goal", goal=t(f"plan.goal_{goal}")),
        "",
        t("plan.md_situation", followers=text.number(situation["start_followers"]),
          people=text.count(situation["people"], "person"),
          messages=text.number(situation["messages_per_week"])),
        "",
        t("plan.md_hours_title"),
        "",
        *rows,
        "",
        t("plan.md_results_title"),
        "",
        *results,
        "",
        t("plan.md_caveat"),
        "",
        t("plan.md_notes_title"),
        "",
        document.get("notes", "").strip() or t("plan.md_no_notes"),
        "",
        t("plan.md_reload", name=document.get("name", DEFAULT_NAME)),
    ]
    return "\n".join(lines) + "\n"


def score_words(goal: str, value: float) -> str:
    """A goal's score as the lesson says it: "22,736 times seen or heard", "1.5 sales", "1 relationship"."""
    if goal == "buzz":
        return text.count(value, "strategy_contact")
    if goal == "sales":
        return text.few(value, "goals_sale")
    return text.count(value, "goals_relationship")


def clean_name(name: str) -> str:
    """A file name from what the learner typed: letters, digits, - and _ kept, the rest made -."""
    stem = str(name).strip()
    for suffix in (".json", ".md"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_")[:60]
    if not stem:
        raise PlanError(t("plan.error_name", name=name))
    return stem


def free_name(folder: Path, stem: str) -> str:
    """``stem`` if no plan has it yet, else the first free ``stem-2``, ``stem-3``..."""
    def taken(candidate: str) -> bool:
        return (folder / f"{candidate}.json").exists() or (folder / f"{candidate}.md").exists()

    if not taken(stem):
        return stem
    match = re.fullmatch(r"(.*?)-(\d+)", stem)
    base, number = (match.group(1), int(match.group(2))) if match else (stem, 1)
    number += 1
    while taken(f"{base}-{number}"):
        number += 1
    return f"{base}-{number}"


def _write(path: Path, content: str) -> None:
    """Write a whole file or nothing: into a temporary file beside it, then renamed over it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save(folder: str | Path, name: str, values: Mapping[str, float], notes: str = "",
         overwrite: bool = False, saved_at: str | None = None) -> Saved:
    """Save a plan as ``<name>.json`` and ``<name>.md`` in ``folder`` (made if missing).

    An existing plan of that name is replaced only with ``overwrite=True``;
    otherwise the plan gets the next free name, which :class:`Saved` reports.
    """
    folder = Path(folder)
    asked = clean_name(name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stem = asked if overwrite else free_name(folder, asked)
        document = to_document(values, notes, stem, saved_at)
        json_path, markdown_path = folder / f"{stem}.json", folder / f"{stem}.md"
        _write(json_path, dumps(document))
        _write(markdown_path, to_markdown(document))
    except OSError as exc:
        raise PlanError(t("plan.error_write", folder=str(folder), reason=exc.strerror or str(exc))) from exc
    return Saved(json_path, markdown_path, asked)


# --- reading ----------------------------------------------------------------------------


def load(folder: str | Path, name: str) -> LoadedPlan:
    """Read ``<name>.json`` from ``folder``; a :class:`PlanError` says why when it cannot."""
    folder = Path(folder)
    stem = clean_name(name)
    path = folder / f"{stem}.json"
    if not path.is_file():
        there = sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []
        listed = ", ".join(there) if there else t("plan.none_saved")
        raise PlanError(t("plan.error_missing", file=path.name, folder=str(folder), plans=listed))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanError(t("plan.error_read", file=path.name, reason=exc.strerror or str(exc))) from exc
    return parse(raw, path.name, stem)


def parse(raw: str | bytes, file: str = f"{DEFAULT_NAME}.json", name: str = DEFAULT_NAME) -> LoadedPlan:
    """A plan from a file's text: migrated to the current form, repaired where it can be, every
    repair said. Raises :class:`PlanError` when nothing sensible can be loaded."""
    if len(raw) > MOST_BYTES:
        raise PlanError(t("plan.error_too_big", file=file, size=text.number(len(raw))))
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PlanError(t("plan.error_not_text", file=file)) from exc
    try:
        document = json.loads(raw, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise PlanError(t("plan.error_json", file=file, line=exc.lineno, column=exc.colno,
                          reason=exc.msg)) from exc
    except _Constant as exc:
        raise PlanError(t("plan.error_constant", file=file, constant=str(exc))) from exc
    if not isinstance(document, dict):
        raise PlanError(t("plan.error_not_object", file=file, kind=_kind(document)))
    document, messages = migrate(document, file)
    values, repairs = settings_from(document)
    messages += repairs
    notes = document.get("notes", "")
    if not isinstance(notes, str):
        messages.append(t("plan.notes_not_text", kind=_kind(notes)))
        notes = ""
    messages += _drift(document.get("projection"), values)
    return LoadedPlan(values=values, notes=notes, name=name, messages=messages,
                      version=document["schema_version"])


class _Constant(ValueError):
    pass


def _no_constant(name: str) -> None:
    """JSON has no NaN or Infinity (Python's json reads them unless told not to)."""
    raise _Constant(name)


def _kind(value: Any) -> str:
    """What a JSON value is, in words."""
    if value is None:
        return t("plan.kind_null")
    if isinstance(value, bool):
        return t("plan.kind_bool")
    if isinstance(value, (int, float)):
        return t("plan.kind_number")
    if isinstance(value, str):
        return t("plan.kind_text")
    if isinstance(value, list):
        return t("plan.kind_list")
    return t("plan.kind_object")


def migrate(document: dict[str, Any], file: str = f"{DEFAULT_NAME}.json") -> tuple[dict[str, Any], list[str]]:
    """A document in the current form, and what was done to get it there.

    Version 0 (no ``schema_version``, plans as a budget and shares) becomes
    version 1; version 1 is returned as it is; anything else is refused with the reason.
    """
    if "schema_version" not in document:
        if _looks_like_v0(document):
            return migrate_v0(document), [t("plan.migrated", file=file, old=0, new=SCHEMA_VERSION)]
        raise PlanError(t("plan.error_no_version", file=file))
    version = document["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise PlanError(t("plan.error_version_kind", file=file, value=json.dumps(version)))
    if version > SCHEMA_VERSION:
        raise PlanError(t("plan.error_newer", file=file, version=version, newest=SCHEMA_VERSION))
    if version == SCHEMA_VERSION:
        return dict(document), []
    if version == 0:
        return migrate_v0(document), [t("plan.migrated", file=file, old=0, new=SCHEMA_VERSION)]
    raise PlanError(t("plan.error_version_unknown", file=file, version=version, newest=SCHEMA_VERSION))


def _looks_like_v0(document: Mapping[str, Any]) -> bool:
    plans = [document.get(f"plan_{plan}") for plan in PLANS]
    return any(isinstance(p, dict) and "weekly_hours" in p for p in plans)


#: Version 0's keys for one plan: a budget and two shares in per cent (one-to-one took the rest).
_V0_PLAN_KEYS = ("weekly_hours", "broadcast_pct", "listening_pct")
#: Version 0's top-level keys for the situation, by the current keys.
_V0_SITUATION = {"start_followers": "followers", "people": "people", "messages_per_week": "messages_per_week"}


def migrate_v0(document: Mapping[str, Any]) -> dict[str, Any]:
    """The planner's first draft form, in the current form.

    Version 0 held each plan as ``{"weekly_hours", "broadcast_pct", "listening_pct"}``
    (one-to-one work took the rest), the goal as its number (0 buzz, 1 bottom
    line, 2 network) and the situation at the top level (``followers``,
    ``people``, ``messages_per_week``). Values that are not numbers are passed on
    as they are, for :func:`settings_from` to name.
    """
    new: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "kind": KIND}
    for key in ("name", "saved_at", "notes"):
        if key in document:
            new[key] = document[key]
    goal = document.get("goal")
    if isinstance(goal, int) and not isinstance(goal, bool) and 0 <= goal < len(strategy.GOALS):
        new["goal"] = strategy.GOALS[goal]
    elif "goal" in document:
        new["goal"] = goal
    for plan in PLANS:
        old = document.get(f"plan_{plan}")
        if not isinstance(old, dict):
            continue
        budget, broadcast, listening = (old.get(k) for k in _V0_PLAN_KEYS)
        if all(_is_number(x) for x in (budget, broadcast, listening)):
            hours = {"broadcast_hours": budget * broadcast / 100, "listening_hours": budget * listening / 100}
            hours["one_to_one_hours"] = max(0.0, budget - hours["broadcast_hours"] - hours["listening_hours"])
            new[f"plan_{plan}"] = {k: round(v, 6) for k, v in hours.items()}
        else:
            new[f"plan_{plan}"] = dict(zip(_V0_PLAN_KEYS, (budget, broadcast, listening), strict=True))
    situation = {new: document[old] for new, old in _V0_SITUATION.items() if old in document}
    if situation:
        new["situation"] = situation
    return new


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def settings_from(document: Mapping[str, Any]) -> tuple[dict[str, float], list[str]]:
    """Every control's value from a current-form document, and a message for each repair."""
    values = defaults(_SPECS.values())
    messages: list[str] = []
    missing: list[str] = []
    unknown = sorted(k for k in document if k not in _TOP_KEYS)
    for section in ("plan_a", "plan_b", "situation"):
        part = document.get(section)
        if section in document and not isinstance(part, dict):
            messages.append(t("plan.section_not_object", section=section, kind=_kind(part)))
        if isinstance(part, dict):
            known = {key for s, key in _PLACES.values() if s == section}
            unknown += sorted(f"{section}.{k}" for k in part if k not in known)
    for spec_name, (section, key) in _PLACES.items():
        spec = _SPECS[spec_name]
        part = document.get(section)
        where = f"{section}.{key}"
        if not isinstance(part, dict) or key not in part:
            missing.append(t("plan.default_said", where=where, value=_shown(spec, spec.default)))
            continue
        value, said = repaired(spec, part[key], where)
        values[spec_name] = value
        messages += said
    goal = document.get("goal")
    if "goal" not in document:
        missing.append(t("plan.default_said", where="goal", value=strategy.GOALS[int(strategy.GOAL.default)]))
    elif goal in strategy.GOALS:
        values["goal"] = strategy.GOALS.index(goal)
    else:
        messages.append(t("plan.goal_unknown", value=json.dumps(goal), goals=", ".join(strategy.GOALS),
                          default=strategy.GOALS[int(strategy.GOAL.default)]))
    if missing:
        messages.append(t("plan.missing", keys="; ".join(missing)))
    if unknown:
        messages.append(t("plan.unknown", keys=", ".join(unknown)))
    return values, messages


def repaired(spec: ParamSpec, value: Any, where: str) -> tuple[float, list[str]]:
    """A value the control can take, and what was changed to get it: the nearest end of the range,
    the nearest step; the default (said) for something that is not a number at all."""
    if not _is_number(value):
        default = int(spec.default) if spec.integer else spec.default
        return default, [t("plan.not_a_number", where=where, kind=_kind(value), value=_shown(spec, default))]
    messages = []
    number = float(value)
    if not spec.min <= number <= spec.max:
        clamped = min(max(number, spec.min), spec.max)
        messages.append(t("plan.out_of_range", where=where, value=_written(value), low=_shown(spec, spec.min),
                          high=_shown(spec, spec.max), unit=spec.unit, loaded=_shown(spec, clamped)))
        number = clamped
    steps = round((number - spec.min) / spec.step)
    on_grid = min(spec.max, round(spec.min + steps * spec.step, 10))
    if not math.isclose(on_grid, number, rel_tol=0, abs_tol=1e-9):
        messages.append(t("plan.off_step", where=where, value=_written(value), step=_shown(spec, spec.step),
                          loaded=_shown(spec, on_grid)))
    number = on_grid
    return (int(round(number)) if spec.integer else number), messages


def _written(value: Any) -> str:
    return json.dumps(value)


def _shown(spec: ParamSpec, value: float) -> str:
    """A value as the slider shows it, with separators and only the decimals it needs."""
    decimals = next(d for d in range(7) if round(value, d) == value or d == 6)
    return text.number(value, decimals)


def _drift(saved: Any, values: Mapping[str, float]) -> list[str]:
    """A message when the course's models now project something else than the file recorded."""
    if not isinstance(saved, dict):
        return []
    now = projection(values)
    changed = []
    for plan in PLANS:
        then = saved.get(f"plan_{plan}")
        if not isinstance(then, dict):
            continue
        for goal in strategy.GOALS:
            old, new = then.get(goal), now[f"plan_{plan}"][goal]
            if _is_number(old) and abs(old - new) > DRIFT * max(abs(old), abs(new), 1.0):
                changed.append(t("plan.drift_item", plan=plan.upper(), goal=t(f"plan.goal_{goal}"),
                                 then=score_words(goal, old), now=score_words(goal, new)))
    return [t("plan.drift", changes="; ".join(changed))] if changed else []
