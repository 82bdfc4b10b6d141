"""Your strategy: one weekly budget split three ways, projected over twelve months.

Lesson 07's question: with the hours you really have, how would you split them
between broadcasting (making and scheduling posts), listening (reading and
answering what your community writes) and one-to-one work (calls, coffees,
thoughtful messages to a few people), and what would each split bring in a
year, judged by the goal you care about?

This module adds no new law of its own. It runs the course's models, each on
its share of the hours, with their published or assumed defaults:

- broadcasting: :mod:`~mediavsnet.models.posting` (lessons 03 and 04), and
  its posts' way down :func:`mediavsnet.models.funnel.stages` (lesson 02):
  impressions, clicks, leads and sales;
- listening: :mod:`~mediavsnet.models.listening` (lesson 01), all of its
  budget spent listening (its talking side is the posting model's job here):
  messages answered and opportunities caught while still warm;
- one-to-one: :mod:`~mediavsnet.models.relationships` (lesson 04): Hall's
  stages, Dunbar's layer, the referrals friends send.

Then it scores each plan by the three goals of lesson 02:

- **buzz**: every time someone saw a post of yours or heard from you (a post
  shown, a reply, a conversation), summed over the year. Lesson 02 scores
  broadcasting by impressions and one-to-one work by conversations; here a plan
  does both, so they are added (a simplification: one impression is a glance,
  one conversation is half an hour);
- **the bottom line**: expected sales: the funnel's sales, plus the share of
  referrals and of caught opportunities that buy. That share is lesson 02's
  assumption for referrals (one in four, no published figure), used for caught
  opportunities too (another assumption: both are warm leads);
- **the network**: relationships at casual friend or closer at the year's end
  (Hall's 50 hours), as lesson 02 counts them.

Same parameters and seed, same result: the good and bad weeks of the posting
and listening models, and the relationships and referrals the relationships
model draws, all come from the seed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from mediavsnet.core.specs import ParamSpec, ValidatedParams, defaults, specs_by_name
from mediavsnet.models import funnel, listening, posting, relationships

#: Twelve months: the projection's fixed horizon (52 weeks).
WEEKS = 52

#: The goals, in lesson 02's order, and their spec (a choice shown as buttons).
GOALS = funnel.GOALS
GOAL = funnel.GOAL

#: Where a week's hours can go, in the order the lesson names them.
ACTIVITIES = ("broadcast", "listening", "one_to_one")

_POSTING = specs_by_name(posting.SPECS)
_LISTENING = specs_by_name(listening.SPECS)
_RELATIONSHIPS = specs_by_name(relationships.SPECS)
_FUNNEL = specs_by_name(funnel.SPECS)

#: Most hours a week one activity can take: half a full-time job. Assumption.
MOST_HOURS = 20.0


def hours_spec(activity: str, default: float, source: str, prefix: str = "") -> ParamSpec:
    """The hours a week one plan gives one activity."""
    return ParamSpec(f"{prefix}{activity}_hours", "h/week", 0.0, MOST_HOURS, 0.5, default, source)


#: The situation both plans share: who you are and who writes to you. The people you
#: give one-to-one time to start at one, not lesson 04's five: a year is short.
SITUATION: tuple[ParamSpec, ...] = (
    _POSTING["start_followers"],
    dataclasses.replace(
        _RELATIONSHIPS["people"], default=1,
        source="Assumption: one person you want to know better this year (a client, a mentor). "
               "Hall (2019): at one hour a week, a casual friendship takes about a year.",
    ),
    _LISTENING["messages_per_week"],
)

SPECS: tuple[ParamSpec, ...] = (
    hours_spec("broadcast", 1.0, "Assumption: an even split of 3 hours a week, the order of time "
               "a beginner to a busy marketer gives (Social Media Examiner 2010-2012, weak)."),
    hours_spec("listening", 1.0, "Assumption: an even split of 3 hours a week."),
    hours_spec("one_to_one", 1.0, "Assumption: an even split of 3 hours a week."),
    *SITUATION,
)

_DEFAULT = defaults(SPECS)

#: The two plans the explorer compares, their controls named ``a_...`` and ``b_...``.
#: Plan A starts as social media is usually run, mostly broadcasting; plan B spends
#: the same 3 hours evenly. Both are starting points, not recommendations.
PLAN_SPECS: dict[str, tuple[ParamSpec, ...]] = {
    "a": (
        hours_spec("broadcast", 2.5, "Assumption: plan A spends 3 hours a week (within Social Media "
                   "Examiner's 1 h for beginners to 6 h or more, weak) mostly on posts, as the "
                   "article describes social media.", "a_"),
        hours_spec("listening", 0.5, "Assumption: plan A answers a few messages.", "a_"),
        hours_spec("one_to_one", 0.0, "Assumption: plan A does no one-to-one work.", "a_"),
    ),
    "b": (
        hours_spec("broadcast", 1.0, "Assumption: plan B spends the same 3 hours a week, evenly.", "b_"),
        hours_spec("listening", 1.0, "Assumption: plan B spends the same 3 hours a week, evenly.", "b_"),
        hours_spec("one_to_one", 1.0, "Assumption: plan B spends the same 3 hours a week, evenly.", "b_"),
    ),
}


@dataclass(frozen=True)
class PlanParams(ValidatedParams):
    """One plan: hours a week for each activity, and the situation it is tried in."""

    SPECS = SPECS

    broadcast_hours: float = _DEFAULT["broadcast_hours"]
    listening_hours: float = _DEFAULT["listening_hours"]
    one_to_one_hours: float = _DEFAULT["one_to_one_hours"]
    start_followers: int = _DEFAULT["start_followers"]
    people: int = _DEFAULT["people"]
    messages_per_week: int = _DEFAULT["messages_per_week"]

    @property
    def weekly_hours(self) -> float:
        """The whole weekly budget."""
        return self.broadcast_hours + self.listening_hours + self.one_to_one_hours

    def posting_params(self) -> posting.PostingParams:
        return posting.PostingParams.from_defaults(
            hours_per_week=self.broadcast_hours, start_followers=self.start_followers, weeks=WEEKS)

    def listening_params(self) -> listening.ListeningParams:
        """The listening model, its whole budget spent listening.

        Its budget cannot be under half an hour, so a smaller listening time is
        given as that share of half an hour (none at all: a share of 0 %).
        """
        budget = max(self.listening_hours, _LISTENING["weekly_hours"].min)
        return listening.ListeningParams.from_defaults(
            weekly_hours=budget, listening_share=100.0 * self.listening_hours / budget,
            messages_per_week=self.messages_per_week, weeks=WEEKS)

    def relationship_params(self) -> relationships.RelationshipParams:
        return relationships.RelationshipParams.from_defaults(
            hours_per_week=self.one_to_one_hours, people=self.people, weeks=WEEKS)


def plan_params(values: dict[str, float], plan: str) -> PlanParams:
    """Plan ``a`` or ``b`` out of the explorer's controls (``a_broadcast_hours``..., the situation)."""
    own = {spec.name.removeprefix(f"{plan}_"): values[spec.name] for spec in PLAN_SPECS[plan]}
    shared = {spec.name: values[spec.name] for spec in SITUATION}
    return PlanParams(**own, **shared)


@dataclass(frozen=True, eq=False)
class PlanResult:
    """Week by week (index 0 is week 1), what one plan brought.

    ``buzz`` and ``sales`` are running totals since the start; ``network`` is
    the relationships (casual friend or closer) at each week's end.
    """

    params: PlanParams
    media: posting.PostingResult
    listening: listening.ListeningResult
    networking: relationships.RelationshipResult
    impressions: np.ndarray
    replies: np.ndarray
    conversations: np.ndarray
    post_sales: np.ndarray
    referral_sales: np.ndarray
    opportunity_sales: np.ndarray
    buzz: np.ndarray
    sales: np.ndarray
    network: np.ndarray

    @property
    def week(self) -> np.ndarray:
        return self.media.week

    def score(self, goal: str) -> float:
        """The plan's score at the year's end under one goal."""
        return float({"buzz": self.buzz, "sales": self.sales, "network": self.network}[goal][-1])

    @property
    def hours(self) -> np.ndarray:
        """Hours spent each week, every activity together."""
        return self.media.hours + self.listening.params.listening_hours + self.networking.hours


#: The share of warm leads (referrals, opportunities caught in time) that buy: lesson 02's
#: assumption for referrals, from its spec.
WARM_SALE_PCT = _FUNNEL["referral_sale_pct"].default


def simulate(params: PlanParams, seed: int = 0) -> PlanResult:
    """Run the course's models on each activity's hours and score the plan by every goal."""
    media = posting.simulate(params.posting_params(), seed)
    heard = listening.simulate(params.listening_params(), seed)
    net = relationships.simulate(params.relationship_params(), seed)
    impressions = media.per_post_reach * media.posts_per_week
    down = funnel.stages(impressions, _FUNNEL["click_pct"].default, _FUNNEL["sale_pct"].default)
    session_hours = params.relationship_params().session_minutes / 60.0
    conversations = np.full(WEEKS, params.one_to_one_hours / session_hours)
    replies = heard.answered
    referral_sales = net.referrals * WARM_SALE_PCT / 100.0
    opportunity_sales = heard.caught * WARM_SALE_PCT / 100.0
    return PlanResult(
        params=params, media=media, listening=heard, networking=net,
        impressions=impressions, replies=replies, conversations=conversations,
        post_sales=down.sales, referral_sales=referral_sales, opportunity_sales=opportunity_sales,
        buzz=np.cumsum(impressions + replies + conversations),
        sales=np.cumsum(down.sales + referral_sales + opportunity_sales),
        network=(net.casual + net.friend + net.close).astype(float),
    )


@dataclass(frozen=True, eq=False)
class Comparison:
    """Two plans in the same situation, and the goal they are judged by."""

    goal: str
    a: PlanResult
    b: PlanResult

    def winner(self, goal: str | None = None) -> str | None:
        """``"a"`` or ``"b"``, whichever scores more under ``goal`` (this comparison's by default);
        None for a tie."""
        goal = goal or self.goal
        a, b = self.a.score(goal), self.b.score(goal)
        if np.isclose(a, b, rtol=1e-9, atol=1e-12):
            return None
        return "a" if a > b else "b"


def compare(values: dict[str, float]) -> Comparison:
    """Both plans of the explorer's controls, projected, with the chosen goal."""
    return Comparison(goal=GOALS[int(values["goal"])], a=simulate(plan_params(values, "a")),
                      b=simulate(plan_params(values, "b")))


def explorer_specs() -> tuple[ParamSpec, ...]:
    """The planner's controls: each activity's hours for plan A then plan B, the goal, the situation."""
    hours = [spec for pair in zip(PLAN_SPECS["a"], PLAN_SPECS["b"], strict=True) for spec in pair]
    return (*hours, GOAL, *SITUATION)


