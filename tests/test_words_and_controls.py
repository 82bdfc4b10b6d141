"""What a learner reads around the plots: numbers in words, slider readouts, error messages, layout.

Each check is on the exact words or values a learner sees, at the edges where
a small slip changes them: "1 year" at 52 weeks, a minute count under an hour,
a slider that shows 0.2 for a value of 0.16, an error message that says "a
number" where only whole numbers are allowed.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pytest

from mediavsnet.core import text
from mediavsnet.core.specs import ParamSpec, defaults, heaviest, specs_by_name
from mediavsnet.core.strings import t
from mediavsnet.lessons import EXPLORERS

# --- numbers in words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(1051.3, 0, "1,051"), (0.16, 2, "0.16"), (1_000_000, 0, "1,000,000"), (2.25, 1, "2.2"), (7, 0, "7")],
)
def test_numbers_read_with_separators_and_the_decimals_asked(value, decimals, expected):
    assert text.number(value, decimals) == expected
    if decimals == 0:
        assert text.number(value) == expected  # whole numbers unless asked


def test_numbers_use_the_languages_separators(monkeypatch):
    """A French edition writes 1 234,5: the separators come from the strings table, not from Python."""
    from mediavsnet.core import strings
    monkeypatch.setitem(strings.table("en"), "number.thousands_separator", " ")
    monkeypatch.setitem(strings.table("en"), "number.decimal_point", ",")
    assert text.number(1234.5, 1) == "1 234,5"
    assert text.number(1_000_000) == "1 000 000"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1.4, "1.4 posts"), (1.5, "1.5 posts"), (0.96, "1 post"), (9.5, "9.5 posts"), (9.96, "10 posts"),
     (10.4, "10 posts"), (10.6, "11 posts"), (4, "4 posts"),
     (0.5, "0.5 posts"), (1, "1 post"), (1.04, "1 post"), (-2.5, "-2.5 posts")],
)
def test_a_few_of_something_has_one_decimal_under_ten(value, expected):
    assert text.few(value, "post") == expected


@pytest.mark.parametrize(
    ("value", "most", "expected"),
    [(2, 2, 0), (2.0000001, 2, 0), (0.5, 2, 1), (0.06, 2, 2), (1.25, 2, 2), (1.251, 2, 2), (0.333333, 2, 2),
     (2.999, 2, 0), (0.125, 3, 3), (0.1, 3, 1)],
)
def test_a_setting_is_written_without_needless_zeros(value, most, expected):
    """0.5 % and 2 people, as the slider reads them, not 0.50 % and 2.00 people."""
    assert text.needed_decimals(value, most) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0 hours"), (0.5, "30 minutes"), (1 / 60, "1 minute"), (0.999, "60 minutes"), (1, "1 hour"),
     (1.5, "1.5 hours"), (12, "12 hours")],
)
def test_hours_under_one_are_said_in_minutes(value, expected):
    assert text.hours(value) == expected


@pytest.mark.parametrize(
    ("weeks", "expected"),
    [(4, "4 weeks"), (51, "51 weeks"), (52, "1 year"), (53, "53 weeks"), (78, "78 weeks"), (104, "2 years"),
     (156, "3 years")],
)
def test_a_horizon_is_said_in_years_when_it_is_whole_years(weeks, expected):
    assert text.duration(weeks) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(2 + 59 / 60, "2 hours 59 minutes"), (59 / 60, "59 minutes")]
)
def test_a_share_of_the_week_to_the_minute(value, expected):
    assert text.clock(value) == expected


# --- what a learner is told when a value is refused -------------------------------------------


def test_the_refusal_says_what_is_allowed_in_words():
    people = ParamSpec("people", "people", 1, 150, 1, 5, "test", integer=True)
    hours = ParamSpec("weekly_hours", "h/week", 0.5, 40, 0.5, 6, "test")
    share = ParamSpec("fatigue", "", 0, 0.95, 0.05, 0.3, "test")
    cases = [
        (people, 1.5, "people = 1.5 is not allowed: it must be a whole number from 1 to 150 people"),
        (people, 151, "people = 151 is not allowed: it must be a whole number from 1 to 150 people"),
        (people, 0, "people = 0 is not allowed: it must be a whole number from 1 to 150 people"),
        (hours, 400, "weekly_hours = 400 is not allowed: it must be a number from 0.5 to 40 h/week"),
        (hours, "lots", "weekly_hours = 'lots' is not allowed: it must be a number from 0.5 to 40 h/week"),
        (hours, None, "weekly_hours = None is not allowed: it must be a number from 0.5 to 40 h/week"),
        (share, float("nan"), "fatigue = nan is not allowed: it must be a number from 0 to 0.95"),
    ]
    for spec, value, message in cases:
        with pytest.raises(ValueError) as refused:
            spec.check(value)
        assert str(refused.value) == message
    for spec, value in [(people, 1), (people, 150), (people, 5.0), (hours, 0.5), (hours, 40), (share, 0)]:
        spec.check(value)  # the ends of the range, and a whole number written as a float, are allowed


def test_a_spec_whose_default_is_outside_its_range_is_refused():
    with pytest.raises(ValueError, match=r"spec x: default 11 outside \[0, 10\]"):
        ParamSpec("x", "", 0, 10, 1, 11, "test")
    with pytest.raises(ValueError, match="step must be positive"):
        ParamSpec("x", "", 0, 10, 0, 5, "test")
    ParamSpec("x", "", 0, 10, 1, 10, "test")  # at the top is fine,
    ParamSpec("x", "", 0, 10, 1, 0, "test")  # and at the bottom


def test_defaults_and_the_heaviest_settings_keep_whole_numbers_whole():
    """A whole-number control gets ints even when its spec is written with floats; others keep fractions."""
    a = ParamSpec("a", "", 1.0, 150.0, 1.0, 5.0, "test", integer=True, heavy=150.0)
    b = ParamSpec("b", "", 15.0, 120.0, 5.0, 30.0, "test", heavy=15.0)
    c = ParamSpec("c", "", 0.0, 0.95, 0.05, 0.3, "test")
    assert defaults((a, b, c)) == {"a": 5, "b": 30.0, "c": 0.3}
    assert heaviest((a, b, c)) == {"a": 150, "b": 15.0, "c": 0.95}
    assert [type(v) for v in defaults((a, b, c)).values()] == [int, float, float]
    assert [type(v) for v in heaviest((a, b, c)).values()] == [int, float, float]


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "expected"),
    [(0.3, "person", 0, "less than 1 person"), (0.04, "hour", 1, "less than 0.1 hours"),
     (0.6, "person", 0, "1 person"), (0, "person", 0, "0 people"), (2, "referral", 0, "2 referrals")],
)
def test_a_positive_quantity_too_small_to_show_is_less_than_one_never_zero(value, unit, decimals, expected):
    assert text.count(value, unit, decimals) == expected


# --- the explorer's controls and layout --------------------------------------------------------


def decimals_of(step: float) -> int:
    """How many decimals a step needs: 0.5 -> 1, 0.01 -> 2, 5 -> 0."""
    written = f"{step:.10f}".rstrip("0").rstrip(".")
    return len(written.split(".")[1]) if "." in written else 0


@pytest.mark.parametrize("cls", EXPLORERS.values(), ids=lambda c: c.name)
def test_every_slider_reads_out_its_value_with_its_steps_decimals(cls):
    """A fading of 0.16 a year reads "0.16", not "0.2"; an hour budget of 6.5 reads "6.5"."""
    explorer = cls()
    for spec in cls.specs:
        control = explorer.controls[spec.name]
        if spec.choices:  # buttons, each with the option's name and the spec's help
            assert isinstance(control, widgets.ToggleButtons) and control.description == spec.label
            assert [label for label, _ in control.options] == [
                spec.choice_label(i) for i in range(len(spec.choices))]
            assert set(control.tooltips) == {spec.help}
            assert {"mvn-control", f"mvn-control-{spec.name}", "mvn-choice"} <= set(control._dom_classes)
            continue
        # the unit shows once: after the label, unless the label already names it
        assert control.description in (spec.label, f"{spec.label} ({spec.unit})")
        assert spec.unit.lower() in control.description.lower(), f"{spec.name}: {control.description!r}"
        assert control.tooltip == spec.help
        assert control.continuous_update, f"{spec.name}: the plot must follow the slider as it moves"
        if spec.integer:
            assert isinstance(control, widgets.IntSlider)
        else:
            assert isinstance(control, widgets.FloatSlider)
            assert control.readout_format == f".{decimals_of(spec.step)}f", spec.name
            shown = format(spec.default, control.readout_format)
            assert float(shown) == spec.default, f"{spec.name}: the slider shows {shown} for {spec.default}"
        assert {"mvn-control", f"mvn-control-{spec.name}"} <= set(control._dom_classes)


@pytest.mark.parametrize("cls", EXPLORERS.values(), ids=lambda c: c.name)
def test_the_layout_puts_the_main_controls_first_and_folds_the_others(cls):
    explorer = cls()
    guards = [w for w in explorer.widget.children if "mvn-keyboard-guard" in w._dom_classes]
    assert len(guards) == 1 and guards[0].layout.display == "none", "one invisible keyboard guard"
    rows = [w for w in explorer.widget.children if w not in guards]
    top = list(rows[0].children)  # the preset menu (if any), then Reset
    reset = top[-1]
    assert isinstance(reset, widgets.Button) and "mvn-reset" in reset._dom_classes
    assert reset.description == t("explorer.reset")
    assert reset.tooltip == t("explorer.reset_help"), "hovering Reset says what it does"
    if explorer.picker is not None:
        assert top[0] is explorer.picker and len(top) == 2
        assert explorer.picker.description == t("explorer.preset")
        assert [o[0] for o in explorer.picker.options] == [""] + [p["name"] for p in explorer.presets]
    else:
        assert len(top) == 1
    start = 1
    main = list(rows[start].children)
    assert main == [explorer.controls[s.name] for s in cls.specs if s.name not in cls.advanced]
    # A Box is one row: without wrapping, the controls past the page's width would hide behind a
    # horizontal scrollbar, and a learner on a narrow screen would not know they are there.
    assert rows[start].layout.flex_flow == "row wrap", "the controls run off the side in one row"
    if cls.advanced:
        folded = rows[start + 1]
        assert isinstance(folded, widgets.Accordion) and folded.titles == (t("explorer.more_settings"),)
        assert list(folded.children[0].children) == [explorer.controls[name] for name in
                                                     [s.name for s in cls.specs if s.name in cls.advanced]]
        assert folded.children[0].layout.flex_flow == "row wrap", "'More settings' run off the side"
    assert rows[-3] is explorer.fig
    assert "mvn-summary" in rows[-2]._dom_classes and "mvn-error" in rows[-1]._dom_classes
    assert rows[-1].layout.display == "none"  # no error shown until there is one


#: The room an explorer has in JupyterLab in a 1280-pixel-wide window, in ems of the widgets'
#: 13-pixel font: measured in headless Chromium, lesson 02's explorer is 848 pixels (65 em) wide.
NOTEBOOK_COLUMN_EM = 64


@pytest.mark.parametrize("cls", [c for c in EXPLORERS.values() if c.presets_file], ids=lambda c: c.name)
def test_the_preset_menu_shows_its_longest_name_and_fits_in_the_notebook(cls):
    """The menu is its 17 em label, then the box: room for the longest name (about half an em a
    character, plus 1.5 em for the arrow), and never so wide that it runs off the notebook's side."""
    picker = cls().picker
    assert picker.style.description_width == "17em"
    longest = max(len(name) for name, _ in picker.options)
    width = float(picker.layout.width.removesuffix("em"))
    assert 17 + 0.5 * longest + 1.5 <= width <= NOTEBOOK_COLUMN_EM, (
        f"a menu {width:g} em wide for names of up to {longest} characters")


@pytest.mark.parametrize("cls", EXPLORERS.values(), ids=lambda c: c.name)
def test_the_summary_shows_each_line_as_a_paragraph_with_its_characters_escaped(cls, monkeypatch):
    explorer = cls()
    lines = explorer.summary.splitlines()
    assert explorer._summary_html.value == "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    monkeypatch.setattr(cls, "describe", lambda self, result: "a < b & c\nsecond")
    explorer.update()
    assert explorer._summary_html.value == "<p>a &lt; b &amp; c</p><p>second</p>"


@pytest.mark.parametrize("cls", EXPLORERS.values(), ids=lambda c: c.name)
def test_a_refused_value_is_shown_in_words_and_leaves_every_control_as_it_was(cls):
    explorer = cls()
    before = explorer.values()
    spec = cls.specs[0]
    bad = spec.max + spec.step
    with pytest.raises(ValueError) as refused:
        spec.check(bad)
    explorer.set(**{spec.name: bad})
    assert explorer.error == t("explorer.error", message=str(refused.value))
    assert explorer.error.startswith("The plot still shows the last good result, because: ")
    assert explorer._error_html.value == f'<p role="alert">{html.escape(explorer.error)}</p>'
    assert explorer.values() == before


def test_a_control_name_the_explorer_does_not_have_is_refused_in_set():
    cls = next(iter(EXPLORERS.values()))
    explorer = cls()
    explorer.set(colour=3)
    assert "has no control named 'colour'" in explorer.error
    assert specs_by_name(cls.specs).keys() == explorer.values().keys()


def test_replace_gives_a_checked_copy():
    from mediavsnet.core.specs import replace
    from mediavsnet.models.relationships import RelationshipParams

    p = RelationshipParams()
    q = replace(p, {"people": 7})
    assert q.people == 7 and p.people != 7 and q.hours_per_week == p.hours_per_week
    with pytest.raises(ValueError, match="people = 151"):
        replace(p, {"people": 151})
