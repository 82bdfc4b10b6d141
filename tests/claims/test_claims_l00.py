"""Lesson 00, start here: the preview of lesson 04 in its exercise 2 agrees with lesson 04's model."""

from __future__ import annotations

from claims import over_seeds, says, share

from mediavsnet.models import time_budget
from mediavsnet.models.time_budget import TimeBudgetParams

LESSON = "00-start-here.ipynb"
SEEDS = range(200)


def test_six_hours_of_posting_reach_about_430_people_a_week_after_two_years():
    says(LESSON, "six hours of posting reach about 430 people a week after two years "
                 "(425 in the explorer's run)")
    reached = over_seeds(lambda seed: time_budget.simulate(
        TimeBudgetParams.from_defaults(media_share=100), seed).media.reached[-1], SEEDS)
    assert round(reached[0]) == 425
    assert abs(reached.mean() - 430) < 10 and reached.std() < 15


def test_six_hours_over_five_people_make_five_friends_in_every_run():
    says(LESSON, "six hours over five people make five friends: about 125 hours each")
    def five_friends(seed: int) -> bool:
        net = time_budget.simulate(TimeBudgetParams.from_defaults(media_share=0), seed).networking
        return net.friend[-1] + net.close[-1] == 5
    assert share(five_friends, SEEDS) == 1
