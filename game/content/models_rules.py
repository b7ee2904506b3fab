"""Scalar types, the strict base model, and the conditions and effects of the JSON format.

Conditions and effects are plain JSON objects tagged by ``type``; the engine alone gives them
meaning (``game.core.rules``).  Content never contains code: nothing here is evaluated.
The docstrings under each field are the modding reference (``docs/MODDING.md``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"
Lang = Annotated[str, Field(pattern=LANG_PATTERN)]
Text = Annotated[
    dict[Lang, Annotated[str, Field(max_length=20_000)]],
    Field(min_length=1, json_schema_extra={
        "properties": {"en": {"type": "string"}, "id": {"type": "string"}}}),
]
Weight = Annotated[float, Field(ge=-1000, le=1000, allow_inf_nan=False)]
Amount = Annotated[float, Field(ge=-1e9, le=1e9, allow_inf_nan=False)]
Probability = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
Turns = Annotated[int, Field(ge=0, le=10_000)]
Popularity = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Age = Annotated[float, Field(ge=0, le=150, allow_inf_nan=False)]


class Strict(BaseModel):
    """Base of every content model: unknown keys are errors; no type coercion; immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True,
                              use_attribute_docstrings=True)


# ----------------------------------------------------------------------------- conditions


class ResourceCond(Strict):
    """The actor's resource lies within [min, max]."""

    type: Literal["resource"]
    resource: Id
    """The resource to test."""
    min: Amount | None = None
    """Lowest value that passes (none: no lower bound)."""
    max: Amount | None = None
    """Highest value that passes (none: no upper bound)."""


class HoldsCond(Strict):
    """The actor holds one of ``positions`` (``ever``: held one at any time)."""

    type: Literal["holds"]
    positions: Annotated[list[Id], Field(min_length=1)]
    """Any one of these positions passes."""
    ever: bool = False
    """true: having held one at any time in the career is enough."""


class TenureCond(Strict):
    """Turns held in ``position`` (or in any current position) are at least ``turns``."""

    type: Literal["tenure"]
    turns: Turns
    """Turns of tenure needed."""
    position: Id | None = None
    """The position (none: any position held now)."""


class PartyMemberCond(Strict):
    """Party membership (``member`` false: not in any party)."""

    type: Literal["party_member"]
    member: bool = True
    """true: must be in a party; false: must be in none."""
    min_turns: Turns = 0
    """Turns in the party needed."""
    party: Id | None = None
    """This party only (none: any party)."""


class StatusCond(Strict):
    """The actor has (``present`` false: has not) the status."""

    type: Literal["status"]
    status: Id
    """The status to test."""
    present: bool = True
    """false: passes when the actor does not have the status."""


class TurnCond(Strict):
    """The turn number lies within [min, max]."""

    type: Literal["turn"]
    min: Turns | None = None
    """First turn that passes (turns count from 1)."""
    max: Turns | None = None
    """Last turn that passes."""


class AgeCond(Strict):
    """The actor's age in years lies within [min, max]."""

    type: Literal["age"]
    min: Age | None = None
    """Youngest age that passes."""
    max: Age | None = None
    """Oldest age that passes."""


class ContestSoonCond(Strict):
    """The contest sits within ``within`` turns (0 = this turn)."""

    type: Literal["contest_soon"]
    contest: Id
    """The contest."""
    within: Turns
    """Turns until its next sitting, at most (0: it sits this turn)."""


class RegisteredCond(Strict):
    """The actor is (``present`` false: is not) registered for the contest."""

    type: Literal["registered"]
    contest: Id
    """The contest."""
    present: bool = True
    """false: passes when the actor is not registered."""


class PartyPopularityCond(Strict):
    """The actor's party's popularity lies within [min, max] (false without a party)."""

    type: Literal["party_popularity"]
    min: Popularity | None = None
    """Lowest popularity that passes (0-100)."""
    max: Popularity | None = None
    """Highest popularity that passes (0-100)."""


class PartySeatsCond(Strict):
    """The actor's party holds at least ``min_share`` of an elected body's seats."""

    type: Literal["party_seats"]
    position: Id
    """The elected position whose chamber is read (e.g. the legislature)."""
    min_share: Probability = 0
    """Share of the seats (0-1) the party needs."""
    largest: bool = False
    """true: the party must also hold more seats than any other."""


class GovernmentCond(Strict):
    """The actor's party governs the chamber (``member`` false: is in opposition)."""

    type: Literal["government"]
    chamber: Id
    """The elected position whose government is read (e.g. the federal parliament)."""
    member: bool = True
    """false: passes when the actor's party is not in the government (or has no party)."""
    leads: bool = False
    """true: the actor's party must have formed the government (the largest partner)."""


class AllCond(Strict):
    """Every listed condition holds."""

    type: Literal["all"]
    conditions: list[Condition]
    """The conditions (an empty list always holds)."""


class AnyCond(Strict):
    """At least one listed condition holds."""

    type: Literal["any"]
    conditions: Annotated[list[Condition], Field(min_length=1)]
    """The alternatives."""


class NotCond(Strict):
    """The condition does not hold."""

    type: Literal["not"]
    condition: Condition
    """The condition to negate."""


Condition = Annotated[
    ResourceCond | HoldsCond | TenureCond | PartyMemberCond | StatusCond | TurnCond | AgeCond
    | ContestSoonCond | RegisteredCond | PartyPopularityCond | PartySeatsCond | GovernmentCond
    | AllCond | AnyCond | NotCond,
    Field(discriminator="type"),
]
CONDITIONS: tuple[type[Strict], ...] = (
    ResourceCond, HoldsCond, TenureCond, PartyMemberCond, StatusCond, TurnCond, AgeCond,
    ContestSoonCond, RegisteredCond, PartyPopularityCond, PartySeatsCond, GovernmentCond,
    AllCond, AnyCond, NotCond)

# ----------------------------------------------------------------------------- effects


class ResourceEffect(Strict):
    """Add ``delta`` to a resource (clamped to its bounds)."""

    type: Literal["resource"]
    resource: Id
    """The resource to change."""
    delta: Amount
    """The amount added (negative: taken away)."""


class AddStatusEffect(Strict):
    """Give a status for ``turns`` turns (0 = until removed)."""

    type: Literal["add_status"]
    status: Id
    """The status to give."""
    turns: Turns = 0
    """How long it lasts (0: until removed)."""


class RemoveStatusEffect(Strict):
    """Remove a status."""

    type: Literal["remove_status"]
    status: Id
    """The status to remove."""


class JoinPartyEffect(Strict):
    """Join ``party`` (null: the party the move targets)."""

    type: Literal["join_party"]
    party: Id | None = None
    """The party (none: the party the move targets)."""


class LeavePartyEffect(Strict):
    """Leave the current party and everything bound to it."""

    type: Literal["leave_party"]


class EnterContestEffect(Strict):
    """Register for the next sitting of a contest."""

    type: Literal["enter_contest"]
    contest: Id
    """The contest to stand in."""


class GainPositionEffect(Strict):
    """Take a free seat of a position directly."""

    type: Literal["gain_position"]
    position: Id
    """The position to take."""


class LosePositionEffect(Strict):
    """Give up a position (null: the position the move targets)."""

    type: Literal["lose_position"]
    position: Id | None = None
    """The position (none: the held position the move targets)."""


class PartyPopularityEffect(Strict):
    """Shift the own party's popularity, a named party's, or every party's."""

    type: Literal["party_popularity"]
    delta: Annotated[float, Field(ge=-100, le=100, allow_inf_nan=False)]
    """Popularity points added (negative: lost)."""
    party: Id | None = None
    """This party (none: the actor's own party)."""
    every_party: bool = False
    """true: every party's popularity changes."""


class NominateEffect(Strict):
    """Take the party's nomination for a contest."""

    type: Literal["nominate"]
    contest: Id
    """The contest nominated for."""


class JoinGovernmentEffect(Strict):
    """The actor's party joins the government of a chamber (an offer taken up)."""

    type: Literal["join_government"]
    chamber: Id
    """The elected position whose government the party joins."""


class LeaveGovernmentEffect(Strict):
    """The actor's party walks out of the government of a chamber."""

    type: Literal["leave_government"]
    chamber: Id
    """The elected position whose government the party leaves."""


class RetireEffect(Strict):
    """End the career by choice."""

    type: Literal["retire"]


Effect = Annotated[
    ResourceEffect | AddStatusEffect | RemoveStatusEffect | JoinPartyEffect | LeavePartyEffect
    | EnterContestEffect | GainPositionEffect | LosePositionEffect | PartyPopularityEffect
    | NominateEffect | JoinGovernmentEffect | LeaveGovernmentEffect | RetireEffect,
    Field(discriminator="type"),
]
EFFECTS: tuple[type[Strict], ...] = (
    ResourceEffect, AddStatusEffect, RemoveStatusEffect, JoinPartyEffect, LeavePartyEffect,
    EnterContestEffect, GainPositionEffect, LosePositionEffect, PartyPopularityEffect,
    NominateEffect, JoinGovernmentEffect, LeaveGovernmentEffect, RetireEffect)

AllCond.model_rebuild()
AnyCond.model_rebuild()
NotCond.model_rebuild()
