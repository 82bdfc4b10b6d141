"""Lesson 06's kept tables: what the sharing-cascade model says, in text a lesson keeps in git.

Plain text, deterministic (seed 0), recomputed by nbval on every test run, so
that a change to the model that moves a number the lesson relies on is caught.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from mediavsnet.core import text
from mediavsnet.core.strings import t
from mediavsnet.core.tables import text_table
from mediavsnet.models import cascade
from mediavsnet.models.cascade import CascadeParams


def percent(value: float) -> str:
    """A percentage with the decimals it needs not to read 0 or 100 when it is neither."""
    for decimals in range(4):
        shown = round(value, decimals)
        if (shown == 0) == (value == 0) and (shown == 100) == (value == 100):
            return text.number(value, decimals)
    return text.number(value, 3)


# --- the lesson's kept tables --------------------------------------------------------------


def regimes(share_pcts: Sequence[float] = (0.03, 0.06, 0.15, 0.3, 0.45, 0.75), posts: int = 5_000) -> str:
    """Posts by an ordinary account (first seen by as many people as a share), at several share
    chances: how many never spread, how many went beyond one step, and the mean cascade against
    the branching-process formula 1 / (1 - R)."""
    rows = []
    for pct in share_pcts:
        params = CascadeParams.from_defaults(share_pct=pct, posts=posts)
        result = cascade.simulate(params)
        sizes = 1 + result.shares  # the original poster counts as the first adopter
        theory = cascade.mean_chain_size(params.reproduction)
        stopped = "+" if result.stopped.any() else ""  # a lower bound: some posts were stopped
        rows.append([
            text.number(pct, 2),
            text.number(params.reproduction, 2),
            f"{percent(100 * np.mean(result.shares == 0))} %",
            f"{percent(100 * np.mean(result.depth >= 2))} %",
            text.number(float(sizes.mean()), 2) + stopped,
            text.number(theory, 2) if math.isfinite(theory) else t("cascade.table_no_limit"),
            text.number(int(result.shares.max())) + stopped,
        ])
    header = [t("cascade.table_share_pct"), "R", t("cascade.table_never"), t("cascade.table_beyond"),
              t("cascade.table_mean"), t("cascade.table_theory"), t("cascade.table_largest")]
    title = t("cascade.regimes_title", posts=text.number(posts),
              audience=text.count(CascadeParams().audience_per_share, "person"))
    return title + "\n" + text_table(header, rows)


def big_and_small(seeds: Sequence[int] = (200, 2_000, 20_000, 200_000), posts: int = 2_000) -> str:
    """The same share chance and audience per share, posted by accounts of different sizes:
    a bigger first audience spreads further, and almost all of it as one broadcast."""
    rows = []
    for seed_audience in seeds:
        result = cascade.simulate(CascadeParams.from_defaults(seed_audience=seed_audience, posts=posts))
        total = int(result.shares.sum())
        direct = 100 * result.by_step[0] / total if total else 0.0
        rows.append([
            text.number(seed_audience),
            f"{percent(100 * np.mean(result.shares == 0))} %",
            text.number(float(result.shares.mean()), 1),
            text.number(float(result.views.mean())),
            f"{percent(direct)} %",
            text.number(int(result.depth.max())),
        ])
    header = [t("cascade.table_seed"), t("cascade.table_never"), t("cascade.table_mean_shares"),
              t("cascade.table_mean_views"), t("cascade.table_direct"), t("cascade.table_longest")]
    p = CascadeParams()
    title = t("cascade.big_small_title", posts=text.number(posts), chance=text.number(p.share_pct, 2),
              audience=text.count(p.audience_per_share, "person"))
    return title + "\n" + text_table(header, rows)
