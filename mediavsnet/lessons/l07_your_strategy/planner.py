"""Save and load a lesson 07 plan: a readable JSON file, a Markdown summary, and a safe way back.

A learner's plan is two splits of their weekly hours (plan A and plan B), the
goal they judge them by, their situation (followers, people, messages) and
their own notes. :func:`save` writes it to their folder as ``<name>.json``
(what :func:`load` reads back) and ``<name>.md`` (a summary to print or paste).

What the learner can count on:

- **Nothing is overwritten without asking.** When a plan of that name exists,
  :func:`save` adds the next free number (``my-plan-2``, and ``bakery-2027-2``:
  a number that is part of the name is never changed) and says so, unless
  ``overwrite=True`` (the explorer's "Overwrite" box). Two names that would be
  stored in the same file (``plan/a`` and ``plan-a``) are never confused: the
  file records the name the learner gave, and an overwrite of another name's
  plan is refused with the reason.
- **A plan is never lost.** Both files are written in full beside their
  targets first; only then do they replace the old ones (``os.replace``, which
  is atomic). A save that fails while writing leaves the old plan exactly as it
  was; one that fails between the two replacements puts the old plan back. The
  message says what happened and what is on disk.
- **Names keep their letters.** ``café``, ``plan-été``, ``名前`` and ``Q3 plan``
  are file names as they are (NFC-normalised, so an "é" typed either way is one
  name); only path separators, control characters and the characters Windows
  forbids in file names become ``-``.
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

import errno
import json
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediavsnet.core import text
from mediavsnet.core.specs import ParamSpec, defaults
from mediavsnet.core.strings import t
from mediavsnet.models import strategy

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
#: The longest file name (without ``.json``) a plan gets, in characters: far below the 255 bytes
#: that file systems allow, even for names in scripts of three bytes a character.
LONGEST_NAME = 60
#: What may not be in a file name: path separators, control characters, and what Windows forbids.
_NOT_IN_FILE_NAMES = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
#: Names Windows keeps for devices, whatever the extension (``con.json`` cannot be a file there).
_DEVICES = {"con", "prn", "aux", "nul", *(f"{port}{i}" for port in ("com", "lpt") for i in range(1, 10))}
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
    file: str = f"{DEFAULT_NAME}.json"


@dataclass(frozen=True)
class Saved:
    """Where a plan went: its JSON and Markdown files, the name it was saved under and the name asked
    for, and the name of the plan that already had the file asked for (when it was renamed)."""

    json_path: Path
    markdown_path: Path
    name: str
    asked: str
    taken_by: str = ""

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


def given_name(typed: str) -> str:
    """The plan's name as the learner gave it: NFC-normalised (one "é", however it was typed),
    without spaces at the ends or a ``.json``/``.md`` the learner added; refused without a letter
    or digit."""
    name = unicodedata.normalize("NFC", str(typed)).strip()
    for suffix in (".json", ".md"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)].strip()
    if not any(ch.isalnum() for ch in name):
        raise PlanError(t("plan.error_name", name=typed))
    return name


def clean_name(name: str) -> str:
    """The file name (without ``.json``) that a plan's name is saved under.

    Letters of every script, digits, spaces and punctuation stay as they are;
    path separators, control characters and what Windows forbids (``<>:"/\\|?*``)
    become ``-``. Dots, spaces and dashes at the ends go (a leading dot hides a
    file, and Windows drops trailing ones), and a device name that Windows keeps
    (``con``, ``lpt1``) gets a ``_``.
    """
    stem = _NOT_IN_FILE_NAMES.sub("-", given_name(name))
    stem = re.sub(r"-{2,}", "-", stem).strip(" .-")[:LONGEST_NAME].rstrip(" .-")
    if not any(ch.isalnum() for ch in stem):
        raise PlanError(t("plan.error_name", name=name))
    if stem.split(".")[0].lower() in _DEVICES:
        stem += "_"
    return stem


def _taken(folder: Path, stem: str) -> bool:
    return (folder / f"{stem}.json").exists() or (folder / f"{stem}.md").exists()


def free_name(folder: Path, stem: str) -> str:
    """``stem`` if no plan has it yet, else the first free ``stem-2``, ``stem-3``...

    The number is always added, never counted on from a number the name ends
    with: a second ``bakery-2027`` is ``bakery-2027-2``, not next year's plan.
    """
    if not _taken(folder, stem):
        return stem
    number = 2
    while _taken(folder, f"{stem}-{number}"):
        number += 1
    return f"{stem}-{number}"


def recorded_name(path: Path) -> str | None:
    """The name a plan file says the learner gave it; None for a file that is not a readable plan."""
    try:
        if path.stat().st_size > MOST_BYTES:
            return None
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None
    name = document.get("name") if isinstance(document, dict) else None
    return unicodedata.normalize("NFC", name) if isinstance(name, str) and name.strip() else None


def saved_plans(folder: Path) -> list[tuple[str, Path]]:
    """The plans in ``folder``: each one's name as the learner gave it (its file's name when the
    file does not say), with its file, in the order of the names."""
    if not folder.is_dir():
        return []
    found = [(recorded_name(path) or path.stem, path) for path in folder.glob("*.json") if path.is_file()]
    return sorted(found, key=lambda pair: (pair[0].casefold(), pair[0]))


def _write_beside(path: Path, content: str | bytes) -> Path:
    """``content`` (text, written as UTF-8, or bytes as they are) written in full to a new
    temporary file beside ``path``; the temporary file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".plan-", suffix=".part")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _write_both(json_path: Path, json_text: str, markdown_path: Path, markdown_text: str) -> None:
    """Replace both files, or leave both as they were.

    Both are written in full beside their targets first, so a full disk or a
    refused write changes nothing. Then each replaces its target with
    ``os.replace`` (atomic: the old file or the new one, never half of each);
    should the second replacement fail, the old plan file is put back.
    """
    old_json = json_path.read_bytes() if json_path.is_file() else None
    parts: list[Path] = []
    try:
        for path, content in ((json_path, json_text), (markdown_path, markdown_text)):
            try:
                parts.append(_write_beside(path, content))
            except OSError as exc:
                raise PlanError(_unchanged(path, exc, json_path, old_json is not None)) from exc
        try:
            os.replace(parts[0], json_path)
        except OSError as exc:
            raise PlanError(_unchanged(json_path, exc, json_path, old_json is not None)) from exc
        try:
            os.replace(parts[1], markdown_path)
        except OSError as exc:
            try:
                if old_json is None:
                    json_path.unlink()
                else:
                    os.replace(_write_beside(json_path, old_json), json_path)
            except OSError as again:
                raise PlanError(t("plan.error_half_written", file=markdown_path.name, reason=_why(exc),
                                  plan=json_path.name, again=_why(again))) from exc
            raise PlanError(_unchanged(markdown_path, exc, json_path, old_json is not None)) from exc
    finally:
        for part in parts:
            part.unlink(missing_ok=True)


def _unchanged(failed: Path, exc: OSError, json_path: Path, existed: bool) -> str:
    """What a save that changed nothing says: which file could not be written, why, what is on disk."""
    kept = (t("plan.kept_old", file=json_path.name) if existed else t("plan.kept_nothing"))
    return t("plan.error_write", file=failed.name, folder=failed.parent.as_posix(), reason=_why(exc),
             kept=kept, advice=_advice(exc))


def _advice(exc: OSError) -> str:
    """What the learner can do about a file the planner could not write."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return t("plan.advice_space")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return t("plan.advice_permission")
    return t("plan.advice_other")


def save(folder: str | Path, name: str, values: Mapping[str, float], notes: str = "",
         overwrite: bool = False, saved_at: str | None = None) -> Saved:
    """Save a plan as ``<name>.json`` and ``<name>.md`` in ``folder`` (made if missing).

    An existing plan of that name is replaced only with ``overwrite=True``, and
    only when it is the plan of that name (not another name stored in the same
    file); otherwise the plan gets the next free number, which :class:`Saved` reports.
    """
    folder = Path(folder)
    asked = given_name(name)
    stem = clean_name(asked)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlanError(t("plan.error_folder", folder=folder.as_posix(), reason=_why(exc),
                          advice=_advice(exc))) from exc
    taken_by = ""
    if overwrite:
        there = recorded_name(folder / f"{stem}.json")
        if there is not None and there != asked:
            raise PlanError(t("plan.error_same_file", asked=asked, other=there, file=f"{stem}.json"))
        chosen, given = stem, asked
    else:
        chosen = free_name(folder, stem)
        given = asked + chosen[len(stem):]
        if chosen != stem:
            taken_by = recorded_name(folder / f"{stem}.json") or stem
    document = to_document(values, notes, given, saved_at)
    json_path, markdown_path = folder / f"{chosen}.json", folder / f"{chosen}.md"
    _write_both(json_path, dumps(document), markdown_path, to_markdown(document))
    return Saved(json_path, markdown_path, given, asked, taken_by)


# --- reading ----------------------------------------------------------------------------


def load(folder: str | Path, name: str) -> LoadedPlan:
    """Read ``<name>.json`` from ``folder``; a :class:`PlanError` says why when it cannot."""
    folder = Path(folder)
    asked = given_name(name)
    path = folder / f"{clean_name(asked)}.json"
    plans = saved_plans(folder)
    if not path.is_file():  # a plan listed by its name finds its file too
        path = next((file for given, file in plans if given == asked), path)
    if not path.is_file():
        listed = ", ".join(f"“{given}”" for given, _ in plans) if plans else t("plan.none_saved")
        raise PlanError(t("plan.error_missing", name=asked, folder=folder.as_posix(), plans=listed))
    try:
        if path.stat().st_size > MOST_BYTES:
            raise PlanError(t("plan.error_too_big", file=path.name, size=text.number(path.stat().st_size)))
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanError(t("plan.error_read", file=path.name, reason=_why(exc))) from exc
    return parse(raw, path.name, recorded_name(path) or path.stem)


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
    if not raw.strip():
        raise PlanError(t("plan.error_empty", file=file))
    if "\x00" in raw:
        raise PlanError(t("plan.error_not_text", file=file))
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
                      version=document["schema_version"], file=file)


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
