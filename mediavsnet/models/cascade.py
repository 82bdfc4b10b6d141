"""Sharing cascades: how one post spreads from share to share, or, far more often, does not.

The world this models (lesson 06, the article's second interest of social
media: interactions such as "like", "retweet" and "share" that can make
content spread). An account publishes a post, and some people see it: its
*seed audience* (a few hundred for a person, hundreds of thousands for a big
brand). Then, step by step:

- every person who sees the post shares it with the same small chance
  (``share_pct``), independently of the others;
- each share shows the post to ``audience_per_share`` more people, who may
  share it in turn (the next *step* of the chain);
- the post stops spreading when a step brings no share.

This is a branching process (Galton-Watson). Its one number is
``R = share chance x audience per share``, the shares that one share leads to
on average. With R <= 1 every cascade ends for sure; with R < 1 a chain that
starts from one share has, on average, 1 / (1 - R) shares in all, itself
included. With R > 1 a cascade that survives its first steps can grow without
limit ("can take off"), although many still die at once. (FACTS.md,
"Virality".)

What the evidence says it should give (FACTS.md, "Virality"): Goel, Watts &
Goldstein (2012) found that 70-95 % of cascades are a single adopter (nobody
re-shares) and only 1-4 % go beyond one step; Goel, Anderson, Hofman & Watts
(2016) found that popularity comes mostly from one large broadcast, rarely
from long chains, and that a low-rate contagion model reproduces this. With
engagement rates near Rival IQ's 0.06 % (weak) the model does the same.

Simplifications, said in the lesson: everyone shares with the same chance;
nobody sees a post twice (audiences never overlap, so large cascades are a
little too large); time is counted in steps, not hours.

The work is capped so that an update stays within the course's budget: a
post is followed for at most :data:`MAX_STEPS` steps and until it has
:data:`MAX_SHARES` shares. A post stopped there is marked ``stopped``: it had
taken off (or, very near R = 1, was still creeping along), and its true size
is larger than the one recorded. The explorer's lines say how many.

Many posts are drawn at once, vectorised over posts with numpy; the same
parameters and seed give the same result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mediavsnet.core.specs import ParamSpec, ValidatedParams, defaults

#: A post still spreading after this many steps is stopped (and marked so).
#: Assumption: in Goel et al. (2016) long chains were rare; near R = 1 a cascade can
#: creep along for hundreds of steps, and 30 keeps the longest update within the
#: course's latency budget.
MAX_STEPS = 30

#: A post with this many shares is stopped (and marked so): it has taken off by any
#: measure. Assumption: it bounds the work when R is above 1.
MAX_SHARES = 10_000

SPECS: tuple[ParamSpec, ...] = (
    ParamSpec(
        "share_pct", "%", 0.01, 2.0, 0.01, 0.06,
        "Rival IQ's median Facebook engagement per post per follower, about 0.06 % (weak), "
        "taken as the chance that a viewer shares. Generous: most engagements are likes, "
        "not shares.",
        heavy=0.2,
    ),
    ParamSpec(
        "audience_per_share", "people", 10, 1_000, 10, 200,
        "Assumption: a share is shown to about 200 people, the friends or followers of a "
        "personal account who see it in their feed.",
        integer=True, heavy=500,
    ),
    ParamSpec(
        "seed_audience", "people", 100, 1_000_000, 100, 200,
        "Assumption: a post by an ordinary account, seen by about as many people as a share "
        "(200); a big brand's post is seen by hundreds of thousands.",
        integer=True, heavy=10_000,
    ),
    ParamSpec(
        "posts", "posts", 500, 5_000, 500, 2_000,
        "Assumption: enough posts for the rare large cascade to show, few enough for a quick "
        "update.",
        integer=True,
    ),
)

_DEFAULT = defaults(SPECS)


@dataclass(frozen=True)
class CascadeParams(ValidatedParams):
    """Who sees a post first, how likely a viewer is to share it, and how far a share goes."""

    SPECS = SPECS

    share_pct: float = _DEFAULT["share_pct"]
    audience_per_share: int = _DEFAULT["audience_per_share"]
    seed_audience: int = _DEFAULT["seed_audience"]
    posts: int = _DEFAULT["posts"]

    @property
    def share_chance(self) -> float:
        """The chance that one viewer shares, as a probability."""
        return self.share_pct / 100.0

    @property
    def reproduction(self) -> float:
        """R: the shares one share leads to, on average (share chance x audience per share)."""
        return self.share_chance * self.audience_per_share


@dataclass(frozen=True, eq=False)
class CascadeResult:
    """Every post's cascade, and the shares of all posts counted by step."""

    params: CascadeParams
    #: Shares of each post (0: never shared).
    shares: np.ndarray
    #: The longest chain of each post, in steps (0: never shared; 1: shared only
    #: by people who saw the original post).
    depth: np.ndarray
    #: People who saw each post: the seed audience plus everyone shown a share.
    views: np.ndarray
    #: Posts stopped at MAX_STEPS or MAX_SHARES while still spreading.
    stopped: np.ndarray
    #: Shares of all posts at each step: index 0 is step 1 (straight from the original post).
    by_step: np.ndarray

    @property
    def reproduction(self) -> float:
        return self.params.reproduction

    @property
    def take_off_probability(self) -> float:
        """The chance, in theory (no caps), that a post like this one never stops spreading."""
        return take_off_probability(self.params)


def extinction_per_share(share_chance: float, audience: int) -> float:
    """The chance that the chain started by one share dies out, in theory.

    The smallest root in [0, 1] of q = (1 - p + p q)^k (each share's audience of k
    people, each sharing with chance p). It is 1 when R = p k <= 1.
    """
    if share_chance * audience <= 1.0:
        return 1.0

    def excess(q: float) -> float:
        return (1.0 - share_chance + share_chance * q) ** audience - q

    low, high = 0.0, 1.0 - 1e-12  # excess(low) > 0 > excess(just below 1) when R > 1
    for _ in range(100):
        mid = (low + high) / 2
        if excess(mid) > 0:
            low = mid
        else:
            high = mid
    return low


def take_off_probability(params: CascadeParams) -> float:
    """The chance that a post's cascade never dies out, in theory: 0 whenever R <= 1."""
    q = extinction_per_share(params.share_chance, params.audience_per_share)
    if q >= 1.0:
        return 0.0
    # The seed audience of n people gives Binomial(n, p) first shares, each dying out with q.
    return 1.0 - math.exp(params.seed_audience * math.log1p(-params.share_chance * (1.0 - q)))


def mean_chain_size(reproduction: float) -> float:
    """The expected shares in a chain started by one share, itself included: 1 / (1 - R), R < 1."""
    if reproduction >= 1.0:
        return math.inf
    return 1.0 / (1.0 - reproduction)


#: From this many expected shares in one step, a post's shares are drawn from the normal
#: approximation to the binomial (rounded, never below 0 or above the viewers): at such
#: counts the two agree closely, and the normal draw is many times faster.
NORMAL_FROM = 10.0


def shares_among(rng: np.random.Generator, viewers: np.ndarray, chance: float) -> np.ndarray:
    """How many of each post's viewers share it: Binomial(viewers, chance), drawn exactly for
    small expected counts and from its normal approximation for large ones."""
    mean = viewers * chance
    large = mean >= NORMAL_FROM
    if not large.any():
        return rng.binomial(viewers, chance)
    out = np.empty(viewers.shape, dtype=np.int64)
    out[~large] = rng.binomial(viewers[~large], chance)
    m = mean[large]
    drawn = np.rint(m + np.sqrt(m * (1.0 - chance)) * rng.standard_normal(m.size))
    out[large] = np.clip(drawn, 0, viewers[large]).astype(np.int64)
    return out


def simulate(params: CascadeParams, seed: int = 0) -> CascadeResult:
    """Spread ``params.posts`` posts at once, step by step, until each stops or is stopped."""
    rng = np.random.default_rng(seed)
    n, p, k = params.posts, params.share_chance, params.audience_per_share
    shares = np.zeros(n, dtype=np.int64)
    depth = np.zeros(n, dtype=np.int64)
    views = np.full(n, params.seed_audience, dtype=np.int64)
    stopped = np.zeros(n, dtype=bool)
    by_step = np.zeros(MAX_STEPS, dtype=np.int64)
    alive = np.arange(n)
    viewers = np.full(n, params.seed_audience, dtype=np.int64)
    for step in range(1, MAX_STEPS + 1):
        new = shares_among(rng, viewers, p)
        spread = new > 0
        alive, new = alive[spread], new[spread]
        if alive.size == 0:
            break
        shares[alive] += new
        by_step[step - 1] += int(new.sum())
        depth[alive] = step
        viewers = new * k
        views[alive] += viewers
        full = shares[alive] >= MAX_SHARES
        stopped[alive[full]] = True
        alive, viewers = alive[~full], viewers[~full]
        if alive.size == 0:
            break
    else:
        stopped[alive] = True  # still spreading after the last step followed
    return CascadeResult(params=params, shares=shares, depth=depth, views=views,
                         stopped=stopped, by_step=by_step)
