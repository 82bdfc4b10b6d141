"""Lesson 03, content: deep conversations build friendships in every run; referrals come by chance."""

from __future__ import annotations

from functools import cache

from claims import over_seeds, says, share

from mediavsnet.models import content
from mediavsnet.models.content import ContentParams

LESSON = "03-content.ipynb"


@cache
def network(question_pct: float, seed: int):
    return content.simulate(ContentParams(question_pct=question_pct), seed).networking


def test_questions_make_five_friends_in_every_run_and_referrals_are_this_run_s_luck():
    says(LESSON, "The friendships are the same in every run of the model; the referrals are chance "
                 "events, and this run was lucky: on average 5 friends send about 2 in two years, "
                 "casual friends about half of one")
    deep = network(100, 0)
    assert deep.friend[-1] + deep.close[-1] == 5 and deep.total_referrals == 5
    assert share(lambda seed: network(100, seed).friend[-1] + network(100, seed).close[-1] == 5) == 1
    assert share(lambda seed: network(0, seed).friend[-1] + network(0, seed).close[-1] == 0) == 1
    deep_referrals = over_seeds(lambda seed: network(100, seed).total_referrals)
    small_talk = over_seeds(lambda seed: network(0, seed).total_referrals)
    assert round(deep_referrals.mean()) == 2 and (deep_referrals >= 5).mean() < 0.1
    assert 0.35 < small_talk.mean() < 0.65  # about half of one
