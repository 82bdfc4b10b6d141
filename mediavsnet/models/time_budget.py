"""One weekly time budget, split between broadcasting and one-to-one attention.

Lesson 04's question: with the same hours a week, what does scheduled posting
buy and what does relationship building buy, over weeks, months and years?
This model splits the budget, runs :mod:`~mediavsnet.models.posting` on one
share and :mod:`~mediavsnet.models.relationships` on the other, and returns
both. Every range and default comes from those two models' specs, except the
three that belong to the budget itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from mediavsnet.core.specs import ParamSpec, ValidatedParams, defaults, specs_by_name
from mediavsnet.models import posting, relationships

_POSTING = specs_by_name(posting.SPECS)
_RELATIONSHIPS = specs_by_name(relationships.SPECS)

SPECS: tuple[ParamSpec, ...] = (
    ParamSpec(
        "weekly_hours", "h/week", 0.5, 40.0, 0.5, 6.0,
        "Social Media Examiner 2010-2012 (weak): about half of marketers spend 6 h or "
        "more a week on social media.",
    ),
    ParamSpec(
        "media_share", "%", 0.0, 100.0, 5.0, 50.0,
        "Assumption: an even split to start from.",
    ),
    _POSTING["weeks"],
    _POSTING["minutes_per_post"],
    _POSTING["fatigue"],
    _POSTING["start_followers"],
    _RELATIONSHIPS["people"],
    _RELATIONSHIPS["session_minutes"],
    _RELATIONSHIPS["decay_per_year"],
)

_DEFAULT = defaults(SPECS)


@dataclass(frozen=True)
class TimeBudgetParams(ValidatedParams):
    """A weekly budget, how it is split, and the knobs of both approaches."""

    SPECS = SPECS

    weekly_hours: float = _DEFAULT["weekly_hours"]
    media_share: float = _DEFAULT["media_share"]
    weeks: int = _DEFAULT["weeks"]
    minutes_per_post: float = _DEFAULT["minutes_per_post"]
    fatigue: float = _DEFAULT["fatigue"]
    start_followers: int = _DEFAULT["start_followers"]
    people: int = _DEFAULT["people"]
    session_minutes: float = _DEFAULT["session_minutes"]
    decay_per_year: float = _DEFAULT["decay_per_year"]

    @property
    def media_hours(self) -> float:
        """Hours a week spent creating and scheduling posts."""
        return self.weekly_hours * self.media_share / 100.0

    @property
    def networking_hours(self) -> float:
        """Hours a week of one-to-one attention."""
        return max(0.0, self.weekly_hours - self.media_hours)

    def posting_params(self) -> posting.PostingParams:
        return posting.PostingParams.from_defaults(
            hours_per_week=self.media_hours,
            minutes_per_post=self.minutes_per_post,
            fatigue=self.fatigue,
            start_followers=self.start_followers,
            weeks=self.weeks,
        )

    def relationship_params(self) -> relationships.RelationshipParams:
        return relationships.RelationshipParams.from_defaults(
            hours_per_week=self.networking_hours,
            people=self.people,
            session_minutes=self.session_minutes,
            decay_per_year=self.decay_per_year,
            weeks=self.weeks,
        )


@dataclass(frozen=True, eq=False)
class TimeBudgetResult:
    """Both sides of the budget, week by week."""

    params: TimeBudgetParams
    media: posting.PostingResult
    networking: relationships.RelationshipResult


def simulate(params: TimeBudgetParams, seed: int = 0) -> TimeBudgetResult:
    """Spend the same weekly hours both ways and follow what each buys."""
    return TimeBudgetResult(
        params=params,
        media=posting.simulate(params.posting_params(), seed),
        networking=relationships.simulate(params.relationship_params(), seed),
    )
