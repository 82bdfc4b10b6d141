"""Saving and loading a lesson 07 plan: a learner never loses a plan; a broken file never breaks the planner.

Pure functions first (a plan as a document, as JSON, as Markdown; reading one
back, repaired and migrated), then the files (names, never overwriting), then
the planner's buttons. Every failure path gives a message that says what and
where, and leaves the planner working.
"""

from __future__ import annotations

import html.parser
import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import value

from mediavsnet.core.specs import defaults
from mediavsnet.explorer.fields import ClickFields
from mediavsnet.lessons.l07_your_strategy import planner
from mediavsnet.lessons.l07_your_strategy.explorer import StrategyExplorer, show
from mediavsnet.lessons.l07_your_strategy.planner import PlanError
from mediavsnet.models import strategy

SPECS = strategy.explorer_specs()
DEFAULTS = defaults(SPECS)
FIXTURES = Path(__file__).parent / "fixtures"


def document(**changes):
    return planner.to_document({**DEFAULTS, **changes}, notes="n")


def text_of(doc) -> str:
    return planner.dumps(doc)


# --- a plan as a document, and back ----------------------------------------------------------


@settings(max_examples=60)
@given(values=st.fixed_dictionaries({s.name: value(s) for s in SPECS}), notes=st.text(max_size=200))
def test_every_plan_a_learner_can_make_comes_back_exactly(values, notes):
    saved = planner.to_document(values, notes, "p", "2025-01-01T09:00:00+01:00")
    loaded = planner.parse(planner.dumps(saved))
    assert loaded.values == values
    assert loaded.notes == notes
    assert loaded.messages == [] and loaded.version == planner.SCHEMA_VERSION


def test_the_file_is_readable_json_with_a_version_and_the_projection():
    doc = json.loads(planner.dumps(document()))
    assert doc["schema_version"] == planner.SCHEMA_VERSION and doc["kind"] == planner.KIND
    assert doc["goal"] == "buzz"
    assert doc["plan_a"] == {"broadcast_hours": 2.5, "listening_hours": 0.5, "one_to_one_hours": 0.0}
    assert doc["situation"] == {"start_followers": 1000, "people": 1, "messages_per_week": 20}
    found = strategy.compare(DEFAULTS)
    assert doc["projection"]["plan_a"]["buzz"] == pytest.approx(found.a.score("buzz"), abs=1e-3)
    assert doc["projection"]["plan_b"]["network"] == found.b.score("network")


def test_a_value_outside_its_range_is_never_written():
    with pytest.raises(ValueError, match="a_broadcast_hours = 21"):
        planner.to_document({**DEFAULTS, "a_broadcast_hours": 21})


def test_the_markdown_summary_shows_the_plans_the_projection_and_the_notes():
    md = planner.to_markdown(planner.to_document(DEFAULTS, "Call Ana on Mondays.", "q3", "2025-03-01"))
    assert md.startswith("# My social media and networking plan: q3\n")
    assert "Saved 2025-03-01" in md and "Call Ana on Mondays." in md
    assert "| Broadcasting | 2 hours 30 minutes | 1 hour |" in md
    assert "| **In all** | **3 hours** | **3 hours** |" in md
    assert "| buzz (times seen or heard) ★ | 22,736 times seen or heard | 11,676 times seen or heard |" in md
    assert "not forecasts" in md
    assert "(no notes)" in planner.to_markdown(planner.to_document(DEFAULTS))


# --- files: names, and never overwriting --------------------------------------------------------


def test_saving_twice_keeps_both_plans(tmp_path):
    first = planner.save(tmp_path, "my-plan", DEFAULTS, "first")
    second = planner.save(tmp_path, "my-plan", {**DEFAULTS, "goal": 2}, "second")
    third = planner.save(tmp_path, "my-plan", DEFAULTS, "third")
    assert (first.name, second.name, third.name) == ("my-plan", "my-plan-2", "my-plan-3")
    assert not first.renamed and second.renamed and second.asked == "my-plan"
    assert planner.load(tmp_path, "my-plan").notes == "first"
    assert planner.load(tmp_path, "my-plan-2").values["goal"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "my-plan-2.json", "my-plan-2.md", "my-plan-3.json", "my-plan-3.md", "my-plan.json", "my-plan.md"]


def test_overwrite_replaces_only_when_asked(tmp_path):
    planner.save(tmp_path, "my-plan", DEFAULTS, "old")
    saved = planner.save(tmp_path, "my-plan", DEFAULTS, "new", overwrite=True)
    assert saved.name == "my-plan" and planner.load(tmp_path, "my-plan").notes == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-plan.json", "my-plan.md"]


def test_a_name_taken_by_a_summary_alone_is_taken_and_numbers_are_added_never_counted_on(tmp_path):
    (tmp_path / "plan.md").write_text("mine", encoding="utf-8")
    assert planner.save(tmp_path, "plan", DEFAULTS).name == "plan-2"
    assert (tmp_path / "plan.md").read_text(encoding="utf-8") == "mine"
    assert planner.free_name(tmp_path, "plan-2") == "plan-2-2"


def test_a_second_plan_of_a_year_is_not_next_years_plan(tmp_path):
    planner.save(tmp_path, "bakery-2027", DEFAULTS)
    second = planner.save(tmp_path, "bakery-2027", DEFAULTS)
    assert second.name == "bakery-2027-2" and second.json_path.name == "bakery-2027-2.json"


@pytest.mark.parametrize(("typed", "stem"), [
    ("my-plan", "my-plan"), ("  Q3 plan.json ", "Q3 plan"), ("../../etc/passwd", "etc-passwd"),
    ("plan.md", "plan"), ("été 2025", "été 2025"), ("café", "café"), ("plan-été", "plan-été"),
    ("名前", "名前"), ("cafe\u0301", "café"), ('a<b>c:d"e|f?g*h', "a-b-c-d-e-f-g-h"),
    ("tab\there", "tab-here"), ("plan\\a", "plan-a"), ("trailing dots...", "trailing dots"),
    (".hidden", "hidden"), ("CON", "CON_"), ("lpt1.backup", "lpt1.backup_"), ("x" * 80, "x" * 60),
])
def test_a_typed_name_keeps_its_letters_and_loses_only_what_a_file_name_cannot_hold(typed, stem):
    assert planner.clean_name(typed) == stem


def test_a_name_typed_in_either_unicode_form_is_one_name():
    assert planner.given_name("cafe\u0301") == planner.given_name("caf\u00e9") == "caf\u00e9"


@pytest.mark.parametrize("typed", ["café", "plan-été", "名前", "Plan for the shop", "Ünïcödé plan 2"])
def test_a_name_in_any_script_saves_under_it_and_loads_back_by_it(tmp_path, typed):
    saved = planner.save(tmp_path, typed, DEFAULTS, "notes")
    assert saved.name == typed and saved.json_path.name == f"{typed}.json" and not saved.renamed
    title = saved.markdown_path.read_text(encoding="utf-8").splitlines()[0]
    assert title == f"# My social media and networking plan: {typed}"
    loaded = planner.load(tmp_path, typed)
    assert loaded.name == typed and loaded.notes == "notes"
    assert [name for name, _ in planner.saved_plans(tmp_path)] == [typed]


@pytest.mark.parametrize("typed", ["", "   ", "///", ".json", "...", "-_-"])
def test_a_name_without_a_letter_or_digit_is_refused_clearly(typed):
    with pytest.raises(PlanError, match="at least one letter or digit"):
        planner.clean_name(typed)


def test_two_names_for_one_file_never_overwrite_each_other(tmp_path):
    planner.save(tmp_path, "plan/a", DEFAULTS, "the slash one")
    second = planner.save(tmp_path, "plan-a", DEFAULTS, "the dash one")
    assert second.renamed and second.name == "plan-a-2" and second.taken_by == "plan/a"
    clash = "“plan-a” would go in the file plan-a.json, which holds the plan “plan/a”"
    with pytest.raises(PlanError, match=clash):
        planner.save(tmp_path, "plan-a", DEFAULTS, "overwrite?", overwrite=True)
    assert planner.load(tmp_path, "plan/a").notes == "the slash one"
    # the plan of that very name may be replaced
    planner.save(tmp_path, "plan/a", DEFAULTS, "replaced", overwrite=True)
    assert planner.load(tmp_path, "plan/a").notes == "replaced"
    assert planner.load(tmp_path, "plan-a-2").notes == "the dash one"


def test_loading_lists_the_plans_by_the_names_the_learner_gave(tmp_path):
    for name in ("plan/a", "café", "Zoë's plan"):
        planner.save(tmp_path, name, DEFAULTS)
    with pytest.raises(PlanError) as missing:
        planner.load(tmp_path, "nope")
    assert "Plans saved there: “café”, “plan/a”, “Zoë's plan”." in str(missing.value)


def test_a_folder_that_cannot_be_made_gives_a_message_and_writes_nothing(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(PlanError, match="not saved: the folder .*not-a-folder could not be made"):
        planner.save(blocker, "my-plan", DEFAULTS)
    assert blocker.read_text(encoding="utf-8") == ""


def test_a_write_that_fails_halfway_leaves_no_half_file(tmp_path, monkeypatch):
    def broken(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(planner.os, "replace", broken)
    with pytest.raises(PlanError, match=r"No space left on device\). Nothing was written. The disk is full"):
        planner.save(tmp_path, "my-plan", DEFAULTS)
    assert list(tmp_path.iterdir()) == []


def old_plan(folder: Path) -> bytes:
    planner.save(folder, "my-plan", DEFAULTS, "the old plan")
    return (folder / "my-plan.json").read_bytes()


def test_an_overwrite_whose_summary_cannot_be_replaced_keeps_the_old_plan_whole(tmp_path):
    """A real second failure: the summary's name is taken by a folder, so it cannot be replaced."""
    before = old_plan(tmp_path)
    (tmp_path / "my-plan.md").unlink()
    (tmp_path / "my-plan.md").mkdir()
    with pytest.raises(PlanError) as failed:
        planner.save(tmp_path, "my-plan", {**DEFAULTS, "goal": 2}, "the new plan", overwrite=True)
    said = str(failed.value)
    assert said.startswith("The plan was not saved: ") and "my-plan.md could not be written" in said
    assert "Nothing was changed: my-plan.json is as it was before." in said
    assert (tmp_path / "my-plan.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-plan.json", "my-plan.md"], "no part left"


def test_a_new_plan_whose_summary_cannot_be_replaced_leaves_no_plan_file_behind(tmp_path):
    (tmp_path / "my-plan.md").mkdir()
    with pytest.raises(PlanError, match=r"my-plan.md could not be written .*Nothing was written\."):
        planner.save(tmp_path, "my-plan", DEFAULTS, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-plan.md"]


def test_an_old_plan_that_is_not_text_is_put_back_byte_for_byte(tmp_path):
    (tmp_path / "my-plan.json").write_bytes(b"\xff\xfe not a plan")
    (tmp_path / "my-plan.md").mkdir()
    with pytest.raises(PlanError, match="Nothing was changed: my-plan.json is as it was before"):
        planner.save(tmp_path, "my-plan", DEFAULTS, overwrite=True)
    assert (tmp_path / "my-plan.json").read_bytes() == b"\xff\xfe not a plan"


def test_an_overwrite_whose_second_file_cannot_be_written_changes_nothing(tmp_path, monkeypatch):
    before = old_plan(tmp_path)
    summary = (tmp_path / "my-plan.md").read_bytes()
    real = planner._write_beside

    def full_disk_on_the_summary(path, content):
        if path.suffix == ".md":
            raise OSError(28, "No space left on device")
        return real(path, content)

    monkeypatch.setattr(planner, "_write_beside", full_disk_on_the_summary)
    with pytest.raises(PlanError, match=r"my-plan.md could not be written \(No space left on device\). "
                                         r"Nothing was changed: my-plan.json is as it was before. "
                                         r"The disk is full"):
        planner.save(tmp_path, "my-plan", {**DEFAULTS, "goal": 2}, "the new plan", overwrite=True)
    assert (tmp_path / "my-plan.json").read_bytes() == before
    assert (tmp_path / "my-plan.md").read_bytes() == summary
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-plan.json", "my-plan.md"]


def test_a_save_into_a_read_only_folder_says_so_and_what_to_do(tmp_path):
    import os

    if os.geteuid() == 0:  # root writes anywhere: simulate the refusal the file system would give
        pytest.skip("run as root, a read-only folder does not refuse: see the monkeypatched test below")
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(PlanError, match="Permission denied.*save in a folder of your own"):
            planner.save(tmp_path, "my-plan", DEFAULTS)
    finally:
        tmp_path.chmod(0o755)


def test_a_refused_write_says_so_and_what_to_do(tmp_path, monkeypatch):
    import errno

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(planner.tempfile, "mkstemp", refused)
    with pytest.raises(PlanError, match=r"could not be written \(Permission denied\). Nothing was written. "
                                         r"The course may not write there: save in a folder of your own"):
        planner.save(tmp_path, "my-plan", DEFAULTS)
    assert list(tmp_path.iterdir()) == []


def test_loading_a_plan_that_is_not_there_lists_those_that_are(tmp_path):
    with pytest.raises(PlanError, match="No plan named “nope” is in .* Plans saved there: none yet"):
        planner.load(tmp_path, "nope")
    planner.save(tmp_path, "mine", DEFAULTS)
    with pytest.raises(PlanError, match="Plans saved there: “mine”. Type one of those names"):
        planner.load(tmp_path, "nope")


# --- reading a file that is broken or hand-edited ---------------------------------------------


@pytest.mark.parametrize(("raw", "says"), [
    ('{"schema_version": 1,,}', r"not valid JSON \(line 1, column 22"),
    ('{"schema_version": 1,\n "goal": "buzz"\n "plan_a": {}}', r"line 3, column 2"),
    ("", r"is empty: .*Nothing was loaded; load another plan, or save this one again"),
    ("  \n", "is empty"),
    (b"\xff\xfe\x00{", "not a text file"),
    (bytes(range(256)), "not a text file"),
    ("{\x00}", "not a text file"),
    ('{"schema_version": 1, "plan_a": {"broadcast_hours": NaN}}', "holds NaN"),
    ("[1, 2]", "holds a list, not a plan"),
    ('"a plan"', "holds a text, not a plan"),
    ('{"hello": 1}', "has no schema_version"),
    ('{"schema_version": "1"}', 'schema_version is "1": it should be a whole number'),
    ('{"schema_version": true}', "schema_version is true"),
    ('{"schema_version": 2}', r"newer version of the course \(plan schema 2\).*reads plan schemas 0 to 1"),
    ('{"schema_version": -1}', "plan schema -1, which no version of the course wrote"),
    ("x" * (planner.MOST_BYTES + 1), "far too large"),
])
def test_a_file_that_cannot_be_a_plan_says_why_and_loads_nothing(raw, says):
    with pytest.raises(PlanError, match=says) as refused:
        planner.parse(raw, "hand.json")
    assert "hand.json" in str(refused.value)


def test_a_value_out_of_range_is_brought_to_its_end_naming_the_parameter_and_range():
    doc = document()
    doc["plan_a"]["broadcast_hours"] = 25
    doc["situation"]["start_followers"] = -10
    loaded = planner.parse(text_of(doc))
    assert loaded.values["a_broadcast_hours"] == 20.0 and loaded.values["start_followers"] == 0
    said = "plan_a.broadcast_hours = 25 is outside its range (0 to 20 h/week): loaded as 20."
    assert said in loaded.messages
    assert ("situation.start_followers = -10 is outside its range (0 to 50,000 followers): loaded as 0."
            in loaded.messages)


def test_a_value_between_steps_goes_to_the_nearest_step_and_whole_numbers_stay_whole():
    doc = document()
    doc["plan_b"]["listening_hours"] = 1.3
    doc["situation"]["people"] = 2.6
    loaded = planner.parse(text_of(doc))
    assert loaded.values["b_listening_hours"] == 1.5
    assert loaded.values["people"] == 3 and isinstance(loaded.values["people"], int)
    said = "plan_b.listening_hours = 1.3 is between the slider's steps of 0.5: loaded as 1.5."
    assert said in loaded.messages


@pytest.mark.parametrize("bad", ['"two"', "null", "true", "[1]", '{"h": 1}'])
def test_a_value_that_is_not_a_number_takes_its_default_and_says_so(bad):
    raw = text_of(document()).replace('"people": 1', f'"people": {bad}')
    loaded = planner.parse(raw)
    assert loaded.values["people"] == 1
    assert any(m.startswith("situation.people holds a") and "set to its default, 1." in m
               for m in loaded.messages)


def test_missing_keys_take_their_defaults_and_unknown_keys_are_ignored_both_said():
    raw = '{"schema_version": 1, "plan_a": {"broadcast_hours": 4, "colour": "red"}, "mood": 3}'
    loaded = planner.parse(raw)
    assert loaded.values == {**DEFAULTS, "a_broadcast_hours": 4.0}
    missing = next(m for m in loaded.messages if m.startswith("Not in the file"))
    assert "plan_b.broadcast_hours (1)" in missing and "situation.start_followers (1,000)" in missing
    assert "goal (buzz)" in missing and "plan_a.broadcast_hours" not in missing
    assert "Ignored, as the planner does not know them: mood, plan_a.colour." in loaded.messages


def test_a_section_that_is_not_an_object_an_unknown_goal_and_notes_that_are_not_text_are_said():
    raw = '{"schema_version": 1, "plan_b": [1, 2], "goal": "fame", "notes": 42}'
    loaded = planner.parse(raw)
    assert loaded.values["goal"] == 0 and loaded.notes == ""
    said = "\n".join(loaded.messages)
    assert "plan_b holds a list, not an object of settings" in said
    assert 'goal = "fame" is not a goal the planner knows (buzz, sales, network): set to buzz.' in said
    assert "The notes hold a number, not text" in said


def test_a_projection_that_no_longer_matches_the_models_is_said():
    doc = document()
    doc["projection"]["plan_a"]["buzz"] = 10.0
    loaded = planner.parse(text_of(doc))
    (message,) = loaded.messages
    assert "plan A, buzz (times seen or heard): 10 times seen or heard then, 22,736" in message


# --- older files --------------------------------------------------------------------------------


def test_a_plan_from_the_first_draft_loads_migrated_and_says_so():
    loaded = planner.parse((FIXTURES / "plan-v0.json").read_bytes(), "plan-v0.json")
    assert loaded.version == planner.SCHEMA_VERSION
    assert loaded.values == {**DEFAULTS, "a_broadcast_hours": 3.0, "a_listening_hours": 1.0,
                             "a_one_to_one_hours": 0.0, "b_broadcast_hours": 1.0, "b_listening_hours": 1.0,
                             "b_one_to_one_hours": 2.0,
                             "goal": 2, "start_followers": 2000, "people": 2, "messages_per_week": 30}
    assert loaded.notes.startswith("Written with the planner's first draft")
    assert loaded.messages == ["plan-v0.json was saved in the planner's earlier form (plan schema 0); it was "
                               "read as schema 1. Save it again to keep it in the new form."]


def test_version_0_said_explicitly_and_a_broken_version_0_plan_is_repaired_and_said():
    raw = json.dumps({"schema_version": 0, "goal": 7,
                      "plan_a": {"weekly_hours": 2, "broadcast_pct": 150, "listening_pct": 0},
                      "plan_b": {"weekly_hours": "lots", "broadcast_pct": 50, "listening_pct": 50}})
    loaded = planner.parse(raw)
    said = "\n".join(loaded.messages)
    assert "plan schema 0" in said
    assert loaded.values["a_broadcast_hours"] == 3.0 and loaded.values["a_one_to_one_hours"] == 0.0
    assert "goal = 7 is not a goal" in said
    assert "Ignored, as the planner does not know them: plan_b.broadcast_pct, plan_b.listening_pct, " \
           "plan_b.weekly_hours." in said
    assert loaded.values["b_broadcast_hours"] == DEFAULTS["b_broadcast_hours"]


def test_migrating_a_current_document_changes_nothing():
    doc = document()
    assert planner.migrate(doc) == (doc, [])


# --- the planner's buttons ----------------------------------------------------------------------


@pytest.fixture
def explorer(tmp_path):
    return StrategyExplorer(folder=tmp_path)


def test_save_then_load_brings_back_the_same_projection_and_notes(explorer, tmp_path):
    explorer.set(a_broadcast_hours=4, goal=1, people=2)
    explorer.notes.value = "Quarterly review in June."
    summary, data = explorer.summary, [list(t.y) for t in explorer.fig.data]
    explorer.save_button.click()
    assert explorer.status == "Saved {0}/my-plan.json and {0}/my-plan.md.".format(tmp_path.as_posix())
    assert explorer.error == ""
    explorer.reset()
    explorer.notes.value = ""
    assert explorer.summary != summary
    explorer.load_button.click()
    assert explorer.summary == summary and [list(t.y) for t in explorer.fig.data] == data
    assert explorer.notes.value == "Quarterly review in June." and explorer.error == ""
    assert explorer.status.startswith("Loaded ")


def test_the_second_save_is_renamed_said_and_the_overwrite_box_is_asked_again(explorer, tmp_path):
    explorer.save()
    explorer.save()
    assert explorer.file_name.value == "my-plan-2"
    assert explorer.status.startswith("Saved as “my-plan-2”, in ")
    assert "the plan “my-plan” already had the file for “my-plan”" in explorer.status
    explorer.file_name.value = "my-plan"
    explorer.overwrite.value = True
    explorer.save()
    assert explorer.file_name.value == "my-plan" and explorer.overwrite.value is False
    assert not (tmp_path / "my-plan-3.json").exists()


def test_a_broken_file_shows_a_message_and_the_planner_keeps_working(explorer, tmp_path):
    explorer.save()
    before = explorer.values()
    (tmp_path / "broken.json").write_text('{"schema_version": 1,', encoding="utf-8")
    explorer.file_name.value = "broken"
    explorer.load_button.click()
    assert "broken.json is not valid JSON (line 1" in explorer.error
    assert explorer._error_html.layout.display is None and explorer.values() == before
    assert explorer.status == "" and explorer._status_html.layout.display == "none"
    explorer.set(goal=2)  # still working: the next move draws, and the message goes
    assert explorer.error == "" and explorer.values()["goal"] == 2


def test_a_hand_edited_file_loads_with_every_repair_listed(explorer, tmp_path):
    doc = document()
    doc["plan_a"]["broadcast_hours"] = 99
    (tmp_path / "edited.json").write_text(planner.dumps(doc), encoding="utf-8")
    explorer.load("edited")
    assert explorer.values()["a_broadcast_hours"] == 20.0 and explorer.error == ""
    said = "plan_a.broadcast_hours = 99 is outside its range (0 to 20 h/week): loaded as 20."
    assert said in explorer.status
    assert "<li>plan_a.broadcast_hours = 99" in explorer._status_html.value


def test_the_save_and_load_controls_are_real_keyboard_usable_widgets(explorer):
    import ipywidgets as widgets

    assert isinstance(explorer.save_button, widgets.Button)
    assert isinstance(explorer.load_button, widgets.Button)
    assert isinstance(explorer.file_name, widgets.Text) and explorer.file_name.description
    assert isinstance(explorer.notes, widgets.Textarea) and isinstance(explorer.overwrite, widgets.Checkbox)
    box = explorer.widget.children[-5]
    assert "mvn-plan" in box._dom_classes


def test_an_unexpected_failure_in_a_button_is_shown_not_swallowed(explorer, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(planner, "save", broken)
    explorer.save_button.click()
    assert "disk on fire" in explorer.error


def test_the_fixture_stays_a_version_0_file():
    doc = json.loads((FIXTURES / "plan-v0.json").read_text(encoding="utf-8"))
    assert "schema_version" not in doc and "weekly_hours" in doc["plan_a"]


# --- the planner's lines ----------------------------------------------------------------------


def test_the_verdict_names_the_better_plan_then_the_other_with_both_scores(explorer):
    verdict = explorer.summary.splitlines()[0]
    computed = explorer.compute(explorer.values())
    best, worse = (f"{computed.a.score('buzz'):,.0f}", f"{computed.b.score('buzz'):,.0f}")
    assert verdict == (f"Judged by buzz (times seen or heard), plan A does better over twelve months: "
                       f"{best} times seen or heard against {worse} times seen or heard for plan B.")


def test_two_plans_that_spend_their_hours_alike_tie_and_the_line_says_so(tmp_path):
    same = StrategyExplorer(folder=tmp_path, b_broadcast_hours=2.5, b_listening_hours=0.5,
                            b_one_to_one_hours=0)  # plan B as plan A
    computed = same.compute(same.values())
    assert same.summary.splitlines()[0] == (
        "Judged by buzz (times seen or heard), the two plans tie over twelve months: "
        f"{computed.a.score('buzz'):,.0f} times seen or heard each.")
    assert same.summary.splitlines()[1] == "No other goal reverses it at these settings."


def test_show_builds_the_planner_on_the_folder_and_settings_given(tmp_path):
    shown = show(tmp_path, people=3)
    assert isinstance(shown, StrategyExplorer) and shown.values()["people"] == 3
    shown.save()
    assert (tmp_path / "my-plan.json").exists()


@pytest.mark.parametrize(("goal", "reversal"), [
    (0, "Judge by the network (relationships) instead and plan B does better: "
        "1 relationship against 0 relationships for plan A."),
    (2, "Judge by buzz (times seen or heard) instead and plan A does better: "
        "{a:,.0f} times seen or heard against {b:,.0f} times seen or heard for plan B."),
])
def test_the_reversal_names_the_goal_then_both_plans_with_their_scores(explorer, goal, reversal):
    explorer.set(goal=goal)
    computed = explorer.compute(explorer.values())
    a, b = computed.a.score("buzz"), computed.b.score("buzz")
    assert explorer.summary.splitlines()[1] == reversal.format(a=a, b=b)


@pytest.mark.parametrize(("hours", "people", "remark"), [
    (0.5, 1, " (1 person had about 26 hours of your time; Hall: about 50 hours for a casual friend)"),
    (0.5, 2, " (each of 2 people had about 13 hours of your time; Hall: about 50 hours for a casual friend)"),
    (5, 6, None),  # the year's last week makes the first relationship: not spread too thin
])
def test_one_to_one_hours_that_built_nothing_are_said_spread_too_thin(tmp_path, hours, people, remark):
    plans = StrategyExplorer(folder=tmp_path, b_broadcast_hours=0, b_listening_hours=0,
                             b_one_to_one_hours=hours, people=people)
    plan_a, plan_b = plans.summary.splitlines()[2:4]
    assert "your time" not in plan_a, "plan A gives no one-to-one hours: nothing to be spread thin"
    assert (remark in plan_b) if remark else "your time" not in plan_b


def test_the_chart_of_the_goal_chosen_is_starred_and_the_others_are_not(explorer):
    plain = ["Buzz: seen or heard", "Bottom line: sales", "Network: relationships"]
    for goal in (2, 0, 1, 1):
        explorer.set(goal=goal)
        titles = [annotation.text for annotation in explorer.fig.layout.annotations]
        starred = [f"★ {title}" if i == goal else title for i, title in enumerate(plain)]
        assert titles == ["Where each plan's week goes", *starred], f"goal {goal}"


class _Shown(html.parser.HTMLParser):
    """What a learner reads in the status area: its paragraphs, its list items, any stray text."""

    def __init__(self, markup: str):
        super().__init__()
        self.paragraphs: list[str] = []
        self.items: list[str] = []
        self.lists = 0
        self.stray: list[str] = []
        self._open: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self._open.append(tag)
        self.lists += tag == "ul"

    def handle_endtag(self, tag):
        self._open.pop()

    def handle_data(self, data):
        where = self._open[-1] if self._open else None
        {"p": self.paragraphs, "li": self.items}.get(where, self.stray).append(data)


def test_what_a_load_did_is_shown_as_a_line_then_each_repair_as_an_item(explorer, tmp_path):
    doc = document()
    doc["plan_a"]["broadcast_hours"] = 99
    doc["plan_b"]["mood"] = "sunny"
    (tmp_path / "edited.json").write_text(planner.dumps(doc), encoding="utf-8")
    explorer.file_name.value = "edited"
    explorer.load_button.click()
    first, *repairs = explorer.status.split("\n")
    assert first == f"Loaded {tmp_path.as_posix()}/edited.json."
    assert len(repairs) >= 2 and repairs[0].startswith("plan_a.broadcast_hours = 99 is outside its range")
    shown = _Shown(explorer._status_html.value)
    assert shown.paragraphs == [first] and shown.items == repairs and shown.stray == []
    assert explorer._status_html.layout.display is None


def test_what_a_save_did_is_one_line_with_no_empty_list(explorer, tmp_path):
    explorer.save_button.click()
    shown = _Shown(explorer._status_html.value)
    folder = tmp_path.as_posix()
    assert shown.paragraphs == [f"Saved {folder}/my-plan.json and {folder}/my-plan.md."]
    assert shown.items == [] and shown.lists == 0 and shown.stray == []


def test_a_save_given_its_name_notes_and_overwrite_uses_them_over_the_fields(explorer, tmp_path):
    explorer.save()
    explorer.file_name.value, explorer.notes.value = "field-name", "field notes"
    explorer.overwrite.value = False
    explorer.save(name="my-plan", notes="given notes", overwrite=True)
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["my-plan.json"]
    assert json.loads((tmp_path / "my-plan.json").read_text(encoding="utf-8"))["notes"] == "given notes"


def test_a_saved_plan_says_when_it_was_saved_with_its_time_zone(explorer, tmp_path):
    before = datetime.now().astimezone().replace(microsecond=0)
    explorer.save()
    saved = json.loads((tmp_path / "my-plan.json").read_text(encoding="utf-8"))
    saved_at = datetime.fromisoformat(saved["saved_at"])
    assert saved_at.tzinfo is not None and before <= saved_at <= datetime.now().astimezone()
    assert saved_at.isoformat(timespec="seconds") in (tmp_path / "my-plan.md").read_text(encoding="utf-8")


def test_a_save_that_is_refused_says_why(explorer, tmp_path):
    explorer.save(name="???")
    assert "A plan's name needs at least one letter or digit" in explorer.error
    assert "“???” has none" in explorer.error and not list(tmp_path.iterdir())


def test_every_planner_control_says_in_words_what_it_does(explorer):
    """A learner (and a screen reader) reads each control's label; a button's tooltip says more."""
    assert explorer.file_name.description == "Plan file name" and explorer.file_name.placeholder == "my-plan"
    assert explorer.notes.description == "Your notes"
    assert explorer.notes.placeholder.startswith("Why this split?")
    assert explorer.overwrite.description == "Overwrite a plan with this name"
    assert (explorer.save_button.description, explorer.load_button.description) == ("Save plan", "Load plan")
    assert explorer.save_button.tooltip.startswith("Save both plans")
    assert explorer.load_button.tooltip.startswith("Load the plan named in the box")


def test_a_fresh_planner_never_overwrites_a_plan_already_saved(tmp_path):
    StrategyExplorer(folder=tmp_path).save(notes="the first plan")
    later = StrategyExplorer(folder=tmp_path)
    assert later.overwrite.value is False and later.notes.value == "", "unticked, and no notes yet"
    later.save_button.click()
    assert later.file_name.value == "my-plan-2"
    assert json.loads((tmp_path / "my-plan.json").read_text(encoding="utf-8"))["notes"] == "the first plan"


def test_the_plan_box_names_its_folder_then_holds_the_notes_the_name_and_both_buttons(explorer, tmp_path):
    box = next(child for child in explorer.widget.children if "mvn-plan" in child._dom_classes)
    intro, notes, row, status, sender = box.children
    assert isinstance(sender, ClickFields) and sender.layout.display == "none"
    folder = tmp_path.as_posix()
    assert intro.value.startswith(f"<p>Save your plan to keep it: two files go in the folder {folder},")
    assert notes is explorer.notes and status is explorer._status_html
    e = explorer
    assert list(row.children) == [e.file_name, e.save_button, e.load_button, e.overwrite]


# --- what the page shows at the click is what is saved ----------------------------------------


def page_clicks(explorer, **shown):
    """What the page does on a click of Save: first the fields as it shows them, then the click."""
    sender = next(c for c in explorer.widget.children[-5].children if isinstance(c, ClickFields))
    sender._handle_custom_msg({"fields": shown}, [])


def test_the_fields_the_page_shows_at_a_click_are_saved_not_the_kernels_older_copy(explorer, tmp_path):
    explorer.file_name.value, explorer.notes.value = "b", ""  # the kernel has seen one letter so far
    page_clicks(explorer, name="browser-plan", notes="typed fast", overwrite=False)
    explorer.save_button.click()
    saved = json.loads((tmp_path / "browser-plan.json").read_text(encoding="utf-8"))
    assert saved["name"] == "browser-plan" and saved["notes"] == "typed fast"
    assert not (tmp_path / "b.json").exists() and explorer.file_name.value == "browser-plan"


def test_the_overwrite_box_as_the_page_shows_it_is_used(explorer, tmp_path):
    explorer.save(notes="old")
    page_clicks(explorer, name="my-plan", notes="new", overwrite=True)
    explorer.save_button.click()
    assert planner.load(tmp_path, "my-plan").notes == "new" and not (tmp_path / "my-plan-2.json").exists()


def test_load_uses_the_name_the_page_shows(explorer, tmp_path):
    explorer.save(name="café", notes="the café plan")
    explorer.file_name.value = "c"
    page_clicks(explorer, name="café", notes="")
    explorer.load_button.click()
    assert explorer.notes.value == "the café plan" and explorer.error == ""


def test_a_message_that_is_not_fields_changes_nothing(explorer):
    page_clicks(explorer, name=3, notes=None)
    sender = next(c for c in explorer.widget.children[-5].children if isinstance(c, ClickFields))
    sender._handle_custom_msg("nonsense", [])
    assert explorer.file_name.value == "my-plan" and explorer.notes.value == ""


def test_the_page_is_told_which_buttons_send_which_fields(explorer):
    sender = next(c for c in explorer.widget.children[-5].children if isinstance(c, ClickFields))
    assert sender.root == ".mvn-plan" and sender.buttons == ".mvn-plan-save, .mvn-plan-load"
    assert sender.fields == {"name": ".mvn-field-name", "notes": ".mvn-field-notes",
                             "overwrite": ".mvn-field-overwrite"}
    assert "mvn-field-name" in explorer.file_name._dom_classes
    assert "mvn-field-overwrite" in explorer.overwrite._dom_classes


@pytest.mark.parametrize(("content", "says"), [
    (b"", "is empty"),
    (bytes(range(256)) * 4, "not a text file"),
    (b"x" * (planner.MOST_BYTES + 10), "far too large"),
    (b"[1, 2, 3]", "holds a list, not a plan"),
    (b'{"schema_version": 99}', "newer version of the course"),
])
def test_a_bad_file_gives_one_clear_sentence_and_the_planner_keeps_working(explorer, tmp_path, content, says):
    (tmp_path / "bad.json").write_bytes(content)
    before = explorer.values()
    explorer.load("bad")
    assert says in explorer.error and explorer.values() == before
    explorer.set(goal=2)
    assert explorer.error == "" and explorer.values()["goal"] == 2


@pytest.mark.parametrize(("error", "says"), [
    (OSError(28, "No space left on device"), "The disk is full"),
    (PermissionError(13, "Permission denied"), "save in a folder of your own"),
    (OSError(30, "Read-only file system"), "save in a folder of your own"),
])
def test_a_save_the_disk_refuses_says_why_and_the_planner_keeps_working(explorer, tmp_path, monkeypatch,
                                                                      error, says):
    def refused(*args, **kwargs):
        raise error

    monkeypatch.setattr(planner.tempfile, "mkstemp", refused)
    explorer.save()
    assert "The plan was not saved: " in explorer.error and says in explorer.error
    assert list(tmp_path.iterdir()) == []
    explorer.set(goal=1)
    assert explorer.error == "" and explorer.values()["goal"] == 1
