"""Strings, specs, palette, text and the small tables: the pieces lessons are built from.

The quiz and the warm-up have their own files (test_quiz.py, test_warmup.py)."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from mediavsnet.core import palette, strings, text
from mediavsnet.learning import family
from mediavsnet.lessons import EXPLORERS
from mediavsnet.lessons.l04_time_and_effort import tables
from mediavsnet.models import listening, posting, relationships, time_budget

ALL_SPECS = posting.SPECS + relationships.SPECS + time_budget.SPECS + listening.SPECS


# --- strings, specs, palette, text -----------------------------------------------------


def test_every_spec_has_words_a_source_and_a_default_on_its_grid():
    for spec in ALL_SPECS:
        assert spec.label and spec.help and spec.source.strip()
        assert all(spec.choice_label(i) for i in range(len(spec.choices))), spec.name
        assert spec.min <= spec.default <= spec.max
        steps = (spec.default - spec.min) / spec.step
        assert abs(steps - round(steps)) < 1e-9, spec.name


def test_a_spec_used_twice_is_the_same_object():
    by_name = {}
    for spec in ALL_SPECS:
        if spec.name in by_name and spec.name != "hours_per_week":
            assert by_name[spec.name] is spec, f"{spec.name} typed twice"
        by_name.setdefault(spec.name, spec)


def test_every_string_key_the_code_uses_exists():
    used = set()
    root = resources.files("mediavsnet")
    for path in root.rglob("*.py") if hasattr(root, "rglob") else []:
        source = path.read_text("utf-8")
        used |= set(re.findall(r'\bt\(\s*f?"([^"]+)"', source))
        used |= set(re.findall(r"\bt\(\s*f?'([^']+)'", source))
    assert len(used) > 20  # the scan found the code's keys
    keys = strings.table().keys()
    # A choice's option names are checked spec by spec (above): no choice may exist without them.
    used = {key for key in used if ".choice." not in key}
    for key in used:
        pattern = re.sub(r"\{[^}]+\}", "[^.]+", key).replace(".", r"\.")
        assert any(re.fullmatch(pattern, k) for k in keys), f"t({key!r}) has no string"


def test_a_missing_string_raises_instead_of_showing_a_key():
    with pytest.raises(KeyError, match="no string"):
        strings.t("no.such.key")


def test_palette_gives_each_concept_its_own_okabe_ito_hue():
    assert palette.MEDIA != palette.NETWORKING
    assert {palette.MEDIA, palette.NETWORKING} <= set(palette.OKABE_ITO.values())


@pytest.mark.parametrize(("colour", "opacity", "expected"), [
    ("#0072B2", 0.2, "rgba(0,114,178,0.2)"),  # the media hue, as lesson 05's band
    ("#D55E00", 0.15, "rgba(213,94,0,0.15)"),  # the networking hue
    ("#7FB2D8", 0.0, "rgba(127,178,216,0.0)"),
])
def test_a_see_through_colour_keeps_its_hue(colour, opacity, expected):
    assert palette.see_through(colour, opacity) == expected


@pytest.mark.parametrize("opacity", [1.0, 1.2, -0.1])
def test_a_see_through_colour_is_never_opaque(opacity):
    with pytest.raises(ValueError, match="not see-through"):
        palette.see_through(palette.MEDIA, opacity)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [(1, "week", "1 week"), (2, "week", "2 weeks"), (1234.4, "person", "1,234 people"),
     (1, "person", "1 person")],
)
def test_counts_read_as_sentences(value, unit, expected):
    assert text.count(value, unit) == expected


def test_durations_and_hours():
    assert text.duration(104) == "2 years"
    assert text.duration(10) == "10 weeks"
    assert text.hours(2.5) == "2.5 hours"
    assert text.hours(312) == "312 hours"
    assert text.hours(0.25) == "15 minutes"
    assert text.hours(1) == "1 hour"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3.25, "3 hours 15 minutes"), (0.5, "30 minutes"), (6, "6 hours"), (0, "0 hours"), (1, "1 hour"),
     (1 + 1 / 60, "1 hour 1 minute")],
)
def test_a_share_of_the_week_is_said_to_the_minute(value, expected):
    assert text.clock(value) == expected


def test_every_explorer_summary_uses_only_the_table():
    for cls in EXPLORERS.values():
        assert "{" not in cls().summary


# --- tables that lessons keep ----------------------------------------------------------


def test_hall_table_says_a_year_and_about_four():
    out = tables.hall_check()
    assert "50     50    1.0" in out and "200    200    3.8" in out


def test_focus_table_shows_spread_builds_acquaintances():
    out = tables.focus_or_spread()
    last = out.splitlines()[-1]
    assert last.startswith("150 people") and last.rstrip().endswith("150")


def test_family_table_marks_networking_as_one_type():
    types = family.types()
    assert len(types) == 6
    marked = [line for line in family.table().splitlines() if "social networking" in line]
    assert len(marked) == 1 and marked[0].startswith("Networking")


def test_a_choice_is_buttons_whose_value_is_the_option_index(monkeypatch):
    from mediavsnet.core.specs import ParamSpec
    from mediavsnet.explorer.base import make_control

    words = {"param.goal.label": "Goal", "param.goal.help": "What you judge by.",
             "param.goal.choice.buzz": "Buzz", "param.goal.choice.network": "Network"}
    monkeypatch.setattr(strings, "table", lambda language="en": words)
    spec = ParamSpec("goal", "", 0, 1, 1, 1, "Assumption", integer=True, choices=("buzz", "network"))
    control = make_control(spec)
    assert control.options == (("Buzz", 0), ("Network", 1)) and control.value == 1
    assert {"mvn-control", "mvn-control-goal", "mvn-choice"} <= set(control._dom_classes)
    with pytest.raises(ValueError, match="a choice is a whole number from 0 to 1"):
        ParamSpec("goal", "", 0, 2, 1, 1, "Assumption", integer=True, choices=("buzz", "network"))


def test_a_lesson_kernel_does_not_compile_a_grammar_of_web_addresses_it_never_uses():
    """mediavsnet/__init__.py keeps rfc3987_syntax out of a lesson's kernel (about 2.7 s of Run all)."""
    import subprocess
    import sys

    code = (
        "import sys, mediavsnet.lessons, jsonschema\n"
        "from mediavsnet.lessons import EXPLORERS\n"
        "next(iter(EXPLORERS.values()))()\n"
        "jsonschema.validate({'a': 1}, {'type': 'object'})\n"  # jsonschema itself still works
        "print(sys.modules.get('rfc3987_syntax', 'absent'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() in {"None", "absent"}, done.stdout
