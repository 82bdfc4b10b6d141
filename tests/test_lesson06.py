"""Lesson 06, The social media family: the explorer's lines, the family picture drawn from the
family table, the sorting activity and its answer key, and the self-check answers derived from
the cascade model, the published figures and the family table."""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from answer_key import KEY, LANGUAGES, misplaced
from explorer_checks import read_quantity

from mediavsnet.core import palette, strings
from mediavsnet.core.specs import defaults, specs_by_name
from mediavsnet.learning import family
from mediavsnet.learning.quiz import Question, lesson_quiz
from mediavsnet.lessons import EXPLORERS
from mediavsnet.lessons.l06_social_media_family.explorer import (
    STEPS_SHOWN,
    CascadeExplorer,
    chains_line,
    size_counts,
    sizes_line,
    step_shares,
)
from mediavsnet.lessons.l06_social_media_family.tables import big_and_small, regimes
from mediavsnet.models import cascade
from mediavsnet.models.cascade import CascadeParams

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import family_picture  # noqa: E402

#: FACTS.md, Rival IQ (weak): Facebook's median engagement per post per follower, about 0.06 %.
RIVAL_IQ_FACEBOOK = 0.0006
#: Goel, Watts & Goldstein (2012): 70-95 % of cascades are a single adopter.
GOEL_SINGLE_ADOPTER = (0.70, 0.95)


@pytest.fixture
def explorer() -> CascadeExplorer:
    return CascadeExplorer()


# --- the explorer --------------------------------------------------------------------------


def test_registered_with_three_lines_and_two_bar_charts(explorer):
    assert EXPLORERS["cascade"] is CascadeExplorer
    assert len(explorer.summary.splitlines()) == 3
    assert [trace.type for trace in explorer.fig.data] == ["bar", "bar"]
    assert explorer.fig.layout.yaxis.type == "log"
    assert explorer.fig.data[0].marker.color[1] == palette.MEDIA


def test_at_the_defaults_the_post_dies_out_and_most_never_spread(explorer):
    lines = explorer.summary.splitlines()
    assert lines[0].startswith("Dies out: R = 0.12")
    never = float(explorer.fig.data[0].y[0]) / explorer.values()["posts"]
    assert GOEL_SINGLE_ADOPTER[0] <= never <= GOEL_SINGLE_ADOPTER[1]
    assert "never spread" in lines[1] and "largest cascade had" in lines[1]


@pytest.mark.parametrize(("share_pct", "start"),
                         [(0.5, "On the edge: R = 1.00"), (1.0, "Can take off: R = 2.00")])
def test_the_regime_line_follows_r(explorer, share_pct, start):
    explorer.set(share_pct=share_pct)
    assert explorer.summary.startswith(start)
    assert "still spreading" in explorer.summary  # the caps are said, not hidden


@pytest.mark.parametrize(("settings", "written"), [
    ({}, "R = 0.12,"),  # the defaults: 0.06 % of 200 people
    ({"share_pct": 0.5}, "R = 1.00,"),
    ({"share_pct": 2.0, "audience_per_share": 1000}, "R = 20.00,"),
    # the smallest R the sliders allow, 0.01 % of 10 people: its first figure, never "0.00"
    ({"share_pct": 0.01, "audience_per_share": 10}, "R = 0.001,"),
    ({"share_pct": 0.03, "audience_per_share": 10}, "R = 0.003,"),
])
def test_r_is_written_to_two_decimals_or_to_its_first_figure_when_smaller(explorer, settings, written):
    explorer.set(**settings)
    assert written in explorer.summary.splitlines()[0]


def test_above_one_the_line_says_the_others_die_out_unless_in_theory_every_post_takes_off(explorer):
    explorer.set(share_pct=0.6)  # R = 1.2: in theory a few posts take off, the rest die out
    regime = explorer.summary.splitlines()[0]
    assert regime.endswith("never stop spreading; the others die out sooner or later.")
    explorer.set(share_pct=2.0, audience_per_share=1000, seed_audience=1_000_000)
    regime = explorer.summary.splitlines()[0]
    assert regime.endswith("in theory 100 % of posts like this one never stop spreading.")


@pytest.mark.parametrize(("settings", "said"), [
    ({"share_pct": 0.4, "posts": 1000}, "1 post was still spreading (0.1 %) when the simulation stopped it,"),
    ({"share_pct": 0.45, "posts": 500},
     "2 posts were still spreading (0.4 %) when the simulation stopped them,"),
])
def test_the_posts_stopped_still_spreading_are_said_one_or_many(explorer, settings, said):
    """These draws (the default seed) stop exactly one post, then two: the sentence agrees."""
    explorer.set(**settings)
    assert said in explorer.summary.splitlines()[1]


def test_when_nobody_shares_any_post_the_lines_say_so_and_name_no_largest_cascade():
    """The explorer always draws with seed 0, which at the lowest settings still gets a few shares;
    seed 74 gets none, as a course author's other seed or settings might."""
    lowest = CascadeParams(share_pct=0.01, audience_per_share=10, seed_audience=100, posts=500)
    result = cascade.simulate(lowest, seed=74)
    assert result.shares.sum() == 0
    assert sizes_line(result).endswith("went beyond the first step. Nobody shared any of them.")
    assert chains_line(result).startswith("No share, so no chain")


@pytest.mark.parametrize(("share_pct", "written"), [(0.06, "0.06 %"), (0.5, "0.5 %"), (2.0, "2 %")])
def test_the_share_chance_is_written_as_its_slider_shows_it(explorer, share_pct, written):
    explorer.set(share_pct=share_pct)
    assert f"(a {written} chance" in explorer.summary.splitlines()[0]


def test_each_post_sits_in_the_size_bar_its_label_names(explorer):
    labels = list(explorer.fig.layout.xaxis.ticktext)
    assert labels == ["0", "1", "2–4", "5–9", "10–49", "50–99", "100–499", "500–999", "1,000–9,999",
                      f"{cascade.MAX_SHARES:,}+"]
    shares = np.array([0, 0, 1, 2, 4, 5, 9, 10, 49, 50, 99, 100, 499, 500, 999, 1_000, 9_999,
                       cascade.MAX_SHARES, cascade.MAX_SHARES + 7])
    assert size_counts(shares).tolist() == [2, 1, 2, 2, 2, 2, 2, 2, 2, 2]
    assert size_counts(np.zeros(5)).tolist() == [5] + [0] * 9, "no post went far: still a bar (of 0) each"


def test_the_last_step_bar_holds_every_share_from_that_step_on(explorer):
    by_step = np.zeros(STEPS_SHOWN + 3)
    by_step[[0, 1, STEPS_SHOWN - 1, STEPS_SHOWN + 2]] = [10, 6, 2, 2]
    expected = np.zeros(STEPS_SHOWN)
    expected[[0, 1, STEPS_SHOWN - 1]] = [50, 30, 20]
    assert np.allclose(step_shares(by_step), expected)
    assert list(explorer.fig.layout.xaxis2.ticktext)[-1] == f"{STEPS_SHOWN}+"
    assert np.array_equal(step_shares(np.zeros(STEPS_SHOWN + 3)), np.zeros(STEPS_SHOWN)), "no shares, no bars"


@pytest.mark.parametrize("settings", [{}, {"share_pct": 0.06}, {"share_pct": 2.0, "posts": 500},
                                      {"seed_audience": 200_000}])
def test_each_step_bar_is_labelled_with_its_share_and_an_empty_one_is_not(explorer, settings):
    explorer.set(**settings)
    steps = explorer.fig.data[1]
    for share, label in zip(steps.y, steps.text, strict=True):
        if share == 0:
            assert label == "", f"an empty bar labelled {label!r}"
        else:
            low, high = read_quantity(label.removesuffix(" %"))
            assert low <= share <= high, f"a bar of {share:.2f} % labelled {label!r}"
    assert any(share > 0 for share in steps.y) and "" in steps.text, "a setting with full and empty bars"


@pytest.mark.parametrize("posts", [500, 2000, 5000])
def test_the_size_axis_is_labelled_at_every_power_of_ten_it_shows(explorer, posts):
    explorer.set(posts=posts)
    axis = explorer.fig.layout.yaxis
    low, high = (10**v for v in axis.range)
    assert low < 1 and high > posts, "from under one post to above all of them"
    shown = [10**k for k in range(-1, 8) if low <= 10**k <= high]
    assert list(axis.tickvals) == shown
    assert list(axis.ticktext) == [f"{v:,}" for v in shown]


def test_a_big_accounts_post_spreads_as_one_broadcast(explorer):
    explorer.set(seed_audience=200_000)
    steps = np.asarray(explorer.fig.data[1].y, dtype=float)
    assert steps[0] > 80 and steps[2:].sum() < 5
    assert "0 (0 %) never spread" in explorer.summary


def test_the_figure_is_updated_in_place(explorer):
    fig, traces = explorer.fig, [id(t) for t in explorer.fig.data]
    for pct in (0.2, 1.5, 0.06):
        explorer.set(share_pct=pct)
    assert explorer.fig is fig and [id(t) for t in explorer.fig.data] == traces


def test_presets_apply_within_the_specs(explorer):
    data = json.loads(CascadeExplorer.presets_file.read_text(encoding="utf-8"))
    by_name = specs_by_name(CascadeExplorer.specs)
    for preset in data["presets"]:
        for name, value in preset["values"].items():
            by_name[name].check(value)
        explorer.apply_preset(preset["name"])
        assert explorer.error == ""
        assert explorer.values() == {**defaults(CascadeExplorer.specs), **preset["values"]}


def test_a_bad_value_shows_a_message(explorer):
    explorer.set(share_pct=7)
    assert "share_pct" in explorer.error
    explorer.reset()
    assert explorer.error == ""


# --- the kept tables ---------------------------------------------------------------------


def test_the_regimes_table_checks_the_formula_below_one():
    table = regimes()
    for line in table.splitlines()[3:]:
        cells = re.split(r"\s{2,}", line.strip())
        if cells[5] != "no limit":
            assert float(cells[4].rstrip("+")) == pytest.approx(float(cells[5]), rel=0.05), line


def test_the_big_and_small_table_shows_the_broadcast():
    rows = big_and_small().splitlines()[3:]
    direct = [float(re.split(r"\s{2,}", r.strip())[4].rstrip(" %")) for r in rows]
    assert all(d > 80 for d in direct)


# --- the family picture, drawn from the family table ------------------------------------------


def test_the_committed_picture_is_the_one_the_table_draws():
    assert family_picture.TARGET.read_text(encoding="utf-8") == family.svg(), (
        "notebooks/images/social-media-family.svg is stale: run  python tools/family_picture.py"
    )
    assert family_picture.main(["--check"]) == 0


def test_the_picture_and_its_alt_text_name_every_type_and_example():
    svg, alt = family.svg(), family.alt_text()
    assert f"<desc id=\"mvn-family-desc\">{alt}</desc>" in svg.replace("&#x27;", "'")
    assert 'role="img"' in svg.splitlines()[0] and "<title" in svg
    for kind in family.types():
        assert kind.name in svg and kind.name in alt
        for example in kind.examples.split(", "):
            assert example in alt, example
            assert example.split()[0] in svg, example
    tiles = re.findall(r'<rect x="\d+" y="\d+" width="210"[^>]*stroke="(#[0-9A-F]+)"', svg)
    assert len(tiles) == len(family.types())
    keys = [m.key for m in family.types()]
    assert tiles[keys.index("networking")] == palette.NETWORKING
    others = [colour for key, colour in zip(keys, tiles, strict=True) if key != "networking"]
    assert others and all(colour == palette.MEDIA for colour in others)


def test_swapping_an_example_changes_table_picture_and_alt_text_together(monkeypatch):
    types = [dict(entry) for entry in strings.content("family.types")]
    collaborating = next(entry for entry in types if entry["key"] == "collaborating")
    collaborating["examples"] = "Slack, Microsoft Teams"
    before = family.svg()
    monkeypatch.setitem(strings.table("en"), "family.types", types)
    assert "Microsoft Teams" in family.table()
    assert "Microsoft Teams" in family.alt_text()
    assert "Microsoft Teams" in family.svg() and family.svg() != before


def test_the_picture_has_room_for_a_seventh_type(monkeypatch):
    types = [*strings.content("family.types"),
             {"key": "streaming", "name": "Streaming", "purpose": "broadcast live video",
              "examples": "Twitch"}]
    monkeypatch.setitem(strings.table("en"), "family.types", types)
    svg = family.svg()
    assert "Streaming" in svg and "7 tiles" in family.alt_text()
    height = int(re.search(r'height="(\d+)"', svg).group(1))
    last = max(int(y) for y in re.findall(r'<rect x="\d+" y="(\d+)" width="210"', svg))
    assert last < height - 60


# --- the sorting activity ---------------------------------------------------------------------


def test_the_sorting_activity_has_a_button_per_type_and_says_why():
    activity = family.sorting()
    assert [label for label, _ in activity._buttons[0].options] == [m.name for m in family.types()]
    for i, item in enumerate(activity.items):
        activity.sort(i, item.answer)
        assert activity.feedback(i).startswith("✓") and item.why in activity.feedback(i)
    assert activity.score == (len(activity.items), len(activity.items), len(activity.items))
    assert {item.answer for item in activity.items} >= {"networking", "messaging", "sharing"}


def test_a_networking_answer_shows_in_the_networking_hue():
    activity = family.sorting()
    index = next(i for i, item in enumerate(activity.items) if item.answer == "networking")
    activity.sort(index, "main")
    assert activity.feedback(index).startswith("✗") and palette.NETWORKING in activity._feedback[index].value


@pytest.fixture(params=LANGUAGES)
def language(request):
    strings.set_language(request.param)
    yield request.param
    strings.set_language(strings.DEFAULT_LANGUAGE)


def test_every_service_is_in_the_answer_key_and_sorted_as_it_says(language):
    items = {item.id: item for item in family.sorting_items()}
    key = KEY["sorting"]["l06"]
    assert set(items) == set(key), f"key and table differ: {sorted(set(items) ^ set(key))}"
    for item_id, entry in key.items():
        item = items[item_id]
        assert item.answer == entry["right"], (
            f"{item_id}: the table says {item.answer}, the key {entry['right']}")
        in_text, in_why = entry[language]
        others = {k: i for k, i in items.items() if k != item_id}
        problems = misplaced("text", item_id, item.text, {k: i.text for k, i in others.items()}, in_text)
        problems += misplaced("explanation", item_id, item.why, {k: i.why for k, i in others.items()}, in_why)
        assert not problems, "\n".join(problems)


# --- the self-check: answers derived from the model, the figures and the table -----------------


def question(qid: str) -> Question:
    return next(q for q in lesson_quiz("06").questions if q.id == qid)


def the_true_option(q: Question, claims: dict[str, bool]) -> str:
    assert set(claims) == {o.id for o in q.options}
    true = [option for option, holds in claims.items() if holds]
    assert len(true) == 1, f"{q.id!r}: the options whose claims hold are {true}"
    return true[0]


def marked_right(q: Question) -> str:
    return next(o.id for o in q.options if o.correct)


def test_dies_out_follows_from_the_model_at_rival_iqs_rate():
    q = question("dies-out")
    assert "200 people" in q.prompt and "0.06 %" in q.prompt and "200 more" in q.prompt
    p = CascadeParams(share_pct=100 * RIVAL_IQ_FACEBOOK, audience_per_share=200, seed_audience=200,
                      posts=5_000)
    r = cascade.simulate(p)
    never = float(np.mean(r.shares == 0))
    claims = {
        "never-shared": never > 0.5 and p.reproduction < 1,
        "a-few-shares": float(np.mean(r.shares >= 2)) > 0.5,
        "viral-sometimes": float(np.mean(r.views >= 1_000)) >= 0.1 or p.reproduction > 1,
    }
    assert marked_right(q) == the_true_option(q, claims)
    right = next(o for o in q.options if o.correct)
    assert f"about {p.reproduction:.2f} more" in right.text
    assert f"about {never:.0%}".replace("%", " %") in right.why


def test_tipping_point_follows_from_the_branching_law():
    q = question("tipping-point")
    assert "0.06 %" in q.prompt
    threshold = 1 / RIVAL_IQ_FACEBOOK
    # the model's own theory: a chain can take off only once the audience passes the threshold
    assert cascade.extinction_per_share(RIVAL_IQ_FACEBOOK, math.floor(threshold)) == 1.0
    assert cascade.extinction_per_share(RIVAL_IQ_FACEBOOK, math.ceil(threshold)) < 1.0
    claims = {
        "over-1700": 1_600 <= threshold <= 1_800,
        "over-200": 150 <= threshold <= 250,
        "any-audience": threshold == 0,
    }
    assert marked_right(q) == the_true_option(q, claims)
    assert f"about {threshold:,.0f} people" in next(o for o in q.options if o.correct).why


def test_big_account_follows_from_the_model_as_goel_found():
    q = question("big-account")
    p = CascadeParams(share_pct=100 * RIVAL_IQ_FACEBOOK, seed_audience=200_000)
    r = cascade.simulate(p)
    from_the_post = p.seed_audience * p.posts / r.views.sum()
    deep_chains = r.by_step[2:].sum() / r.by_step.sum()
    claims = {
        "one-broadcast": from_the_post > 0.8,
        "long-chains": deep_chains > 0.5,
        "paid-ads": False,  # the model has no advertising, and neither did the study
    }
    assert marked_right(q) == the_true_option(q, claims)


def test_networking_in_family_follows_from_the_family_table():
    q = question("networking-in-family")
    keys = [m.key for m in family.types()]
    claims = {
        "one-type": "networking" in keys and len(keys) == 6,
        "the-whole": keys == ["networking"],
        "outside": "networking" not in keys,
    }
    assert marked_right(q) == the_true_option(q, claims)
    assert "one type among six" in next(o for o in q.options if o.correct).text


def test_each_plot_names_its_own_axes(explorer):
    layout = explorer.fig.layout
    assert (layout.xaxis.title.text, layout.yaxis.title.text) == ("Shares of one post", "Posts (log scale)")
    assert (layout.xaxis2.title.text, layout.yaxis2.title.text) == (
        "Step (1 = straight from the original post)", "% of all shares")


@pytest.mark.parametrize("settings", [{}, {"share_pct": 2.0, "posts": 500}])
def test_each_step_bar_stands_over_its_own_step_number_on_one_fixed_scale(explorer, settings):
    """Step 1 is labelled 1, and so on; the share axis runs from 0 past 100 % at every setting,
    so two settings can be compared by eye and the tallest bar's label still fits."""
    explorer.set(**settings)
    axis = explorer.fig.layout.xaxis2
    assert list(axis.ticktext) == [str(step) for step in range(1, STEPS_SHOWN)] + [f"{STEPS_SHOWN}+"]
    assert list(axis.tickvals) == list(explorer.fig.data[1].x) == list(range(1, STEPS_SHOWN + 1))
    low, high = explorer.fig.layout.yaxis2.range
    assert low == 0 and high > 100
