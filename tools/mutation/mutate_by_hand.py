"""Hand mutations: small, realistic mistakes in what mutmut cannot change, each run against the tests.

mutmut (configured in pyproject.toml) changes code inside functions. It never
touches the data a learner reads (quiz answers, warm-up sides, the strings
table, presets) nor a module's constants (Dunbar's 15, Hall's hours, Locowise's
reach points, the specs' defaults). This script makes such mistakes one at a
time, each of the kind a careless edit makes, runs the tests, and reports
which test caught it, or that none did (a survivor).

It never touches the working tree: it copies the course to a temporary folder
once, changes the copy, runs the tests there (``python -m pytest`` puts the
copy's package first on the path) and restores the copy's file after each
mutation. An entry whose text is no longer in its file is reported as stale:
update the list when the code moves.

    .venv/bin/python tools/mutation/mutate_by_hand.py              # every mutation: tests and notebooks
    .venv/bin/python tools/mutation/mutate_by_hand.py --fast       # without the notebooks (nbval)
    .venv/bin/python tools/mutation/mutate_by_hand.py quiz warmup  # the mutations whose name has a word
    .venv/bin/python tools/mutation/mutate_by_hand.py --list       # what each would show a learner

Exit code 0 when every mutation is caught, 1 when one survives or is stale.
Results: a table on screen, JSON in tools/mutation/results/mutate_by_hand.json.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "tools" / "mutation" / "results"
#: What the copy leaves out: environments, caches, mutmut's copy, git.
SKIP = shutil.ignore_patterns(".git", ".venv", "mutants", "__pycache__", "*.egg-info", ".hypothesis",
                              ".pytest_cache", ".ruff_cache", "results", "artifacts", ".ipynb_checkpoints")
#: The README's tests without the browser, and without the two files that start kernels to test the
#: notebook tool and nbval itself (they never read the course's data).
#: The tests that guard the data and constants come first: with -x a caught mistake stops
#: within seconds, and only a survivor runs the whole suite. Every file is named, in this
#: order: given a folder as well, pytest collects the folder's files in name order.
FIRST = ["tests/test_quiz.py", "tests/test_warmup.py", "tests/test_calibration.py", "tests/test_defaults.py",
         "tests/test_presets.py", "tests/test_words_and_controls.py", "tests/test_components.py",
         "tests/test_explorers.py"]
LEFT_OUT = {"tests/test_notebook_tool.py", "tests/test_nbval_compare.py"}
TESTS = [*FIRST, *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_*.py")
                         if str(p.relative_to(ROOT)) not in {*FIRST, *LEFT_OUT}),
         # it checks this list against the unchanged code, so it fails for every mutation
         "--deselect=tests/test_hygiene.py::test_every_hand_mutation_still_applies_to_the_code_it_names"]
PYTEST = ["-x", "-q", "-rf", "--tb=line", "-p", "no:cacheprovider", "-p", "no:randomly"]


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str
    #: (old, new) replacements; each old text must occur exactly once in the file.
    edits: tuple[tuple[str, str], ...]
    #: What a learner would see if it shipped.
    sees: str


def swap(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """Exchange two texts that each occur once (through a placeholder, so the order does not matter)."""
    return ((a, "\0SWAP\0"), (b, a), ("\0SWAP\0", b))


QUIZ_00 = "mediavsnet/locales/en/lesson00.toml"
QUIZ_04 = "mediavsnet/locales/en/lesson04.toml"
WARMUP = "mediavsnet/locales/en/lesson00.toml"
EXPLORER_WORDS = "mediavsnet/locales/en/lesson04.toml"
UNITS = "mediavsnet/locales/en/units.toml"
PRESETS = "mediavsnet/lessons/l04_time_and_effort/presets.json"
RELATIONSHIPS = "mediavsnet/models/relationships.py"
POSTING = "mediavsnet/models/posting.py"
COMMON = "mediavsnet/models/common.py"
EXPLORER = "mediavsnet/lessons/l04_time_and_effort/explorer.py"
BASE = "mediavsnet/explorer/base.py"
LESSON05_WORDS = "mediavsnet/locales/en/lesson05.toml"
CASCADE_PRESETS = "mediavsnet/lessons/l06_social_media_family/presets.json"
LISTENING = "mediavsnet/models/listening.py"
CONTENT = "mediavsnet/models/content.py"
FUNNEL = "mediavsnet/models/funnel.py"
STRATEGY = "mediavsnet/models/strategy.py"

MUTATIONS = [
    # --- quiz and warm-up: the answers and their explanations --------------------------
    Mutation("quiz-l04-right-answer-flipped", QUIZ_04, (
        ('{ id = "publishing", text = "The time it takes to publish posts at the right moment, not the time '
         'it takes to create them.", correct = true', '{ id = "publishing", text = "The time it takes to '
         'publish posts at the right moment, not the time it takes to create them.", correct = false'),
        ('{ id = "most-of-the-time", text = "Most of the time social media takes.", correct = false',
         '{ id = "most-of-the-time", text = "Most of the time social media takes.", correct = true'),
    ), "'✓ Right' for 'a scheduling tool saves most of the time social media takes'"),
    Mutation("quiz-l00-right-answer-flipped", QUIZ_00, (
        ("publishing and collaboration services.\", correct = true",
         "publishing and collaboration services.\", correct = false"),
        ('text = "Social media are one part of social networks.", correct = false',
         'text = "Social media are one part of social networks.", correct = true'),
    ), "'✓ Right' for 'social media are one part of social networks'"),
    Mutation("quiz-hall-answer-flipped", QUIZ_04, (
        ('text = "About a year (roughly 50 hours).", correct = true',
         'text = "About a year (roughly 50 hours).", correct = false'),
        ('text = "About a month.", correct = false', 'text = "About a month.", correct = true'),
    ), "'✓ Right' for 'a casual friend takes about a month at an hour a week'"),
    Mutation("quiz-explanations-of-right-and-wrong-swapped", QUIZ_04, swap(
        "With per-post engagement proportional to posts^-0.3, total engagement grows as posts^0.7: "
        "doubling posts gives about 1.6 times the engagement.",
        "Only with no fatigue at all. Studies (HubSpot, Track Social) find each post does worse when you "
        "post more.",
    ), "'✓ Right. Only with no fatigue at all...' under the right answer"),
    Mutation("quiz-explanations-of-two-wrong-options-swapped", QUIZ_00, swap(
        "It is one of the five: broadcasting about everything versus talking and listening (lesson 01).",
        "It is one of the five: what can be measured, and how easily (lesson 05).",
    ), "'Communication style' explained as what can be measured (lesson 05)"),
    Mutation("quiz-texts-of-two-options-swapped", QUIZ_04, swap(
        'text = "About a year (roughly 50 hours)."', 'text = "About ten years."',
    ), "'✓ Right' for 'about ten years'"),
    Mutation("quiz-number-in-an-explanation", QUIZ_04, (
        ("about 1.6 times the engagement", "about 1.4 times the engagement"),
    ), "'doubling posts gives about 1.4 times the engagement' (2^0.7 is 1.62)"),
    Mutation("warmup-side-flipped", WARMUP, (
        ('text = "Designing an infographic for your company page"\nanswer = "media"',
         'text = "Designing an infographic for your company page"\nanswer = "networking"'),
    ), "'✓ Agreed' for sorting an infographic for the company page as networking"),
    Mutation("warmup-explanations-swapped", WARMUP, swap(
        'why = "Paying for reach and measuring clicks and sales is about the bottom line and an audience, '
        'the social media side of the article\'s goals."',
        'why = "Counting engagement per post is how social media ROI is usually measured; the article notes '
        'it is harder to tie to business than it looks."',
    ), "boosting a post explained as counting likes, and the other way round"),
    # --- the strings table: words and numbers in the explorer's lines and legend -------
    Mutation("legend-friend-hours", EXPLORER_WORDS, (
        ('stage_friend = "Friends (90 h+)"', 'stage_friend = "Friends (80 h+)"'),
    ), "a legend saying friends start at 80 hours (Hall: 90)"),
    Mutation("posting-line-first-week", EXPLORER_WORDS, (
        ("reached {reached} in the last week", "reached {reached} in the first week"),
    ), "'reached 391 people in the first week' (the first week reached 373)"),
    Mutation("posting-line-followers-backwards", EXPLORER_WORDS, (
        ('followers_went = "followers went from {start} to {end}"',
         'followers_went = "followers went from {end} to {start}"'),
    ), "'followers went from 1,051 to 1,000' (they grew)"),
    Mutation("close-friends-unit", UNITS, (
        ('[unit.close_friend]\none = "{n} close friend"\nmany = "{n} close friends"',
         '[unit.close_friend]\none = "{n} close friend"\nmany = "{n} friends"'),
    ), "'15 friends, 3 friends' for close friends and friends"),
    Mutation("thousands-separator", UNITS, (
        ('thousands_separator = ","', 'thousands_separator = ""'),
    ), "'1000 followers' where the lessons write 1,000"),
    # --- presets ----------------------------------------------------------------------
    Mutation("preset-beyond-its-spec", PRESETS, (
        ('"media_share": 0, "weeks": 104, "people": 150}', '"media_share": 0, "weeks": 104, "people": 200}'),
    ), "a preset that sets 200 people on a slider that stops at 150"),
    Mutation("preset-contradicts-its-name", PRESETS, (
        ('"weekly_hours": 6, "media_share": 100, "weeks": 104, "people": 10}',
         '"weekly_hours": 6, "media_share": 90, "weeks": 104, "people": 10}'),
    ), "'All broadcast' putting 10 % of the hours into one-to-one time"),
    # --- module constants and specs (mutmut mutates inside functions only) ---------------
    Mutation("dunbar-cap-20", RELATIONSHIPS, (("CLOSE_LAYER = 15\n", "CLOSE_LAYER = 20\n"),),
             "'20 close friends' (Dunbar: about 15)"),
    Mutation("hall-casual-60", RELATIONSHIPS, (("CASUAL_FRIEND_HOURS = 50.0", "CASUAL_FRIEND_HOURS = 60.0"),),
             "casual friends after 60 hours while the legend and lesson say 50"),
    Mutation("referrals-casual-as-friends", RELATIONSHIPS, (
        ('REFERRAL_WEIGHT = {"casual": 0.5,', 'REFERRAL_WEIGHT = {"casual": 1.0,'),
    ), "more referrals than the lesson's 'casual friends half' assumption gives"),
    Mutation("chemistry-spread-30", RELATIONSHIPS, (
        ("CHEMISTRY_SPREAD = 0.2\n", "CHEMISTRY_SPREAD = 0.3\n"),
    ), "people differing by 30 % while the lesson says up to 20 %"),
    Mutation("relationships-default-seed", RELATIONSHIPS, (
        ("def simulate(params: RelationshipParams, seed: int = 0,",
         "def simulate(params: RelationshipParams, seed: int = 1,"),
    ), "lesson 04's focus-or-spread table from other people than the explorer's (mutmut survivor)"),
    Mutation("spec-default-people-6", RELATIONSHIPS, (
        ('"people", "people", 1, 150, 1, 5,', '"people", "people", 1, 150, 1, 6,'),
    ), "the explorer opening with 6 people while the sources table says 5"),
    Mutation("dataclass-default-typed-again", RELATIONSHIPS, (
        ('    people: int = _DEFAULT["people"]', "    people: int = 6"),
    ), "RelationshipParams() with 6 people while the spec, slider and table say 5"),
    Mutation("horizon-default-one-year", COMMON, (
        ('"weeks", "weeks", 4, 156, 1, 104,', '"weeks", "weeks", 4, 156, 1, 52,'),
    ), "the explorer opening on one year while the sources table says 104 weeks"),
    Mutation("locowise-mid-bin-7-percent", POSTING, (
        ("(30_000.0, 0.06)", "(30_000.0, 0.07)"),
    ), "7 % organic reach at 30,000 followers (Locowise: 6 %)"),
    Mutation("reach-law-linear-in-followers", POSTING, (
        ("return np.interp(logf, np.log10(sizes), shares)",
         "return np.interp(np.maximum(followers, 1.0), sizes, shares)"),
    ), "970 people reached by a post at 10,000 followers instead of 839"),
    Mutation("potential-audience-default", POSTING, (
        ('"potential_audience", "people", 10_000, 1_000_000, 10_000, 200_000,',
         '"potential_audience", "people", 10_000, 1_000_000, 10_000, 300_000,'),
    ), "a potential audience of 300,000 while the sources table says 200,000"),
    # --- the other lessons' data and cited figures -------------------------------------
    Mutation("quiz-l05-right-answer-flipped", LESSON05_WORDS, (
        ("the interval on ROI is usually more than 100 points wide.\", correct = true",
         "the interval on ROI is usually more than 100 points wide.\", correct = false"),
        ('text = "Its ROI to within a few points.", correct = false',
         'text = "Its ROI to within a few points.", correct = true'),
    ), "'✓ Right' for 'a one-month test gives ROI to within a few points'"),
    Mutation("preset-l06-edge-not-at-one", CASCADE_PRESETS, (
        ('"name": "On the edge: R = 1",\n      "values": {"share_pct": 0.5,',
         '"name": "On the edge: R = 1",\n      "values": {"share_pct": 0.4,'),
    ), "'On the edge: R = 1' setting R = 0.8, a chain that dies out"),
    Mutation("oldroyd-second-hour-a-fifth", LISTENING, (
        ("LEAD_DECAY = ((1.0, 1.0), (2.0, 1 / 7),", "LEAD_DECAY = ((1.0, 1.0), (2.0, 1 / 5),"),
    ), "a lead answered in the second hour worth a fifth (Oldroyd et al.: about a seventh)"),
    Mutation("sprout-ratio-20", LISTENING, (
        ("SPROUT_MESSAGES_PER_REPLY = 23\n", "SPROUT_MESSAGES_PER_REPLY = 20\n"),
    ), "'brands send 20 messages for every reply' (Sprout Social: 23)"),
    Mutation("socialinsider-video-rate", CONTENT, (
        ('"video": 1.45}', '"video": 1.54}'),
    ), "videos earning 1.54 % per follower (Socialinsider: 1.45 %)"),
    Mutation("wordstream-lead-rate", FUNNEL, (
        ("LEAD_PCT = 9.2\n", "LEAD_PCT = 2.9\n"),
    ), "2.9 % of visits becoming leads (WordStream: 9.2 %)"),
    # lesson 07's hour controls are made at import, where mutmut's mutants never run
    Mutation("planner-hours-whole-steps", STRATEGY, (
        ('return ParamSpec(f"{prefix}{activity}_hours", "h/week", 0.0, MOST_HOURS, 0.5, default, source)',
         'return ParamSpec(f"{prefix}{activity}_hours", "h/week", 0.0, MOST_HOURS, 1.0, default, source)'),
    ), "the planner's hour sliders in whole hours, so plan A's 2.5 hours of posts cannot be set"),
    Mutation("planner-hours-from-one", STRATEGY, (
        ('return ParamSpec(f"{prefix}{activity}_hours", "h/week", 0.0, MOST_HOURS, 0.5, default, source)',
         'return ParamSpec(f"{prefix}{activity}_hours", "h/week", 1.0, MOST_HOURS, 0.5, default, source)'),
    ), "a plan that cannot leave out an activity: plan A's 0 hours one-to-one refused"),
    # --- the six survivors of the first mutation pass ----------------------------------
    Mutation("summary-first-weeks-reach", EXPLORER, (
        ('reached=text.count(media.reached[-1], "person")', 'reached=text.count(media.reached[0], "person")'),
    ), "'reached 373 people in the last week' where the plot's last week shows 391"),
    Mutation("summary-followers-unchanged", EXPLORER, (
        ("start, end = float(p.start_followers), float(media.followers[-1])",
         "start, end = float(p.start_followers), float(p.start_followers)"),
    ), "'followers went from 1,000 to 1,000' where the plot ends at 1,051"),
    Mutation("update-outside-batch", BASE, (
        ("            with self.fig.batch_update():\n                self.draw(result)",
         "            self.draw(result)"),
    ), "the plot redrawing once per trace, in stages, on every slider step"),
]


@dataclass
class Outcome:
    name: str
    path: str
    sees: str
    verdict: str  # killed, survived, stale
    caught_by: str = ""
    seconds: float = 0.0
    detail: list[str] = field(default_factory=list)


def apply(text: str, edits: tuple[tuple[str, str], ...]) -> str | None:
    """The text with every edit made, or None when an edit's old text is not there exactly once."""
    for old, new in edits:
        if text.count(old) != 1:
            return None
        text = text.replace(old, new)
    return text


def run_tests(copy: Path, notebooks: bool) -> tuple[int, str]:
    args = [sys.executable, "-m", "pytest", *PYTEST, *TESTS]
    if notebooks:
        args += ["notebooks", "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
                 "notebooks/sanitize.cfg", "-o", "addopts="]
    else:
        args += ["-p", "no:nbval", "-o", "addopts="]
    done = subprocess.run(args, cwd=copy, capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


def first_failure(output: str) -> str:
    match = re.search(r"^FAILED (\S+)", output, re.M) or re.search(r"^ERROR (\S+)", output, re.M)
    return match.group(1) if match else output.strip().splitlines()[-1] if output.strip() else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("words", nargs="*", help="run only the mutations whose name contains one of these")
    parser.add_argument("--fast", action="store_true", help="skip the notebooks (nbval)")
    parser.add_argument("--list", action="store_true", help="list the mutations and exit")
    options = parser.parse_args()
    chosen = [m for m in MUTATIONS if not options.words or any(w in m.name for w in options.words)]
    if options.list:
        for m in chosen:
            print(f"{m.name:48} {m.path}\n{'':48} a learner would see: {m.sees}")
        return 0

    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="mediavsnet-mutants-") as tmp:
        copy = Path(tmp) / "course"
        shutil.copytree(ROOT, copy, ignore=SKIP)
        where = subprocess.run([sys.executable, "-c", "import mediavsnet; print(mediavsnet.__file__)"],
                               cwd=copy, capture_output=True, text=True).stdout.strip()
        if not where.startswith(str(copy)):
            print(f"the copy's package is not the one imported ({where}); stopping", file=sys.stderr)
            return 2
        code, output = run_tests(copy, not options.fast)
        if code != 0:
            print(f"the tests fail without any mutation; fix that first:\n{output[-3000:]}", file=sys.stderr)
            return 2
        for m in chosen:
            target = copy / m.path
            original = target.read_text(encoding="utf-8")
            mutated = apply(original, m.edits)
            if mutated is None:
                outcomes.append(Outcome(m.name, m.path, m.sees, "stale",
                                        detail=["an edit's old text is not in the file exactly once"]))
                print(f"{'stale':9} {m.name}")
                continue
            start = time.perf_counter()
            try:
                target.write_text(mutated, encoding="utf-8")
                code, output = run_tests(copy, not options.fast)
            finally:
                target.write_text(original, encoding="utf-8")
            seconds = time.perf_counter() - start
            if code == 0:
                outcome = Outcome(m.name, m.path, m.sees, "survived", seconds=seconds)
            else:
                outcome = Outcome(m.name, m.path, m.sees, "killed", first_failure(output), seconds)
            outcomes.append(outcome)
            print(f"{outcome.verdict:9} {m.name:48} {outcome.caught_by}  ({seconds:.0f} s)", flush=True)

    killed = sum(o.verdict == "killed" for o in outcomes)
    print(f"\n{killed} of {len(outcomes)} hand mutations caught"
          f"{' (tests and notebooks)' if not options.fast else ' (tests without notebooks)'}")
    for o in outcomes:
        if o.verdict != "killed":
            print(f"!!! {o.verdict.upper()}: {o.name} ({o.path}): a learner would see {o.sees}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {"notebooks": not options.fast, "outcomes": [asdict(o) for o in outcomes]}
    (RESULTS / "mutate_by_hand.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0 if killed == len(outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main())
