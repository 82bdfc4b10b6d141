"""Lesson 06, the social media family: past the tipping point, most posts take off."""

from __future__ import annotations

from claims import over_seeds, says

from mediavsnet.models import cascade
from mediavsnet.models.cascade import CascadeParams

LESSON = "06-social-media-family.ipynb"
SEEDS = range(200)


def test_at_one_percent_most_posts_take_off_and_some_still_die_at_once():
    says(LESSON, "277 posts (14 %) never spread, while 79 % were still spreading when the "
                 "simulation stopped following them (about 4 in 5 in every run)")
    run = cascade.simulate(CascadeParams(share_pct=1.0), 0)
    assert int((run.shares == 0).sum()) == 277 and round(100 * run.stopped.mean()) == 79
    runs = [cascade.simulate(CascadeParams(share_pct=1.0), seed) for seed in SEEDS]
    still = over_seeds(lambda seed: runs[seed].stopped.mean(), SEEDS)
    never = over_seeds(lambda seed: (runs[seed].shares == 0).mean(), SEEDS)
    assert still.min() > 0.75 and still.max() < 0.85  # about 4 in 5, in every run
    assert never.max() < 0.2 < still.min()  # dying at once is the exception, never "usually"
