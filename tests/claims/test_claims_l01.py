"""Lesson 01, communication style: how much listening answers most messages.

The messages that arrive each week are drawn at random (the weekly variation),
so a threshold's answer moves by a point or two from run to run: the exercise
gives this run's answer and the spread over runs, and its threshold is not on a
rounding edge (the line's rounded share agrees with the true one either side).
"""

from __future__ import annotations

from functools import cache

from claims import says, share

from mediavsnet.models import listening
from mediavsnet.models.listening import ListeningParams

LESSON = "01-communication-style.ipynb"
SEEDS = range(200)


@cache
def never_answered_pct(listening_share: int, seed: int) -> float:
    result = listening.simulate(ListeningParams(listening_share=listening_share), seed)
    return 100 * result.unanswered.sum() / result.arrived.sum()


def smallest_share_under(limit_pct: float, seed: int) -> int:
    return next(s for s in range(1, 101) if never_answered_pct(s, seed) < limit_pct)


def test_exercise_1_this_run_33_and_32_to_34_over_runs():
    says(LESSON, "**33 %** in this run (39 % never answered; at 32 % it is 40 %)")
    says(LESSON, "between 32 % and 34 % (33 in 6 runs out of 10)")
    assert smallest_share_under(40, 0) == 33
    # not a rounding edge: the shares as the line rounds them say the same as the true ones
    assert round(never_answered_pct(32, 0)) == 40 and never_answered_pct(32, 0) >= 40
    assert round(never_answered_pct(33, 0)) == 39
    answers = [smallest_share_under(40, seed) for seed in SEEDS]
    assert set(answers) <= {32, 33, 34}, sorted(set(answers))
    assert 0.55 <= share(lambda seed: answers[seed] == 33, SEEDS) < 0.65
