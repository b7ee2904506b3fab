"""Conditions and effects: structured rule data that the engine interprets.

Scenario JSON describes conditions and effects as tagged objects; ``game.content`` turns them
into these frozen dataclasses.  Nothing here is executable content: the engine alone decides
what each kind means (see ``conditions.py`` and ``effects.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.core.ids import ContestId, PartyId, PositionId, ResourceId, StatusId

# --------------------------------------------------------------------------- conditions


@dataclass(frozen=True, slots=True)
class ResourceRange:
    """The actor's ``resource`` lies within [minimum, maximum] (either bound optional)."""

    resource: ResourceId
    minimum: float | None = None
    maximum: float | None = None
    kind: Literal["resource"] = "resource"


@dataclass(frozen=True, slots=True)
class HoldsPosition:
    """The actor holds any of ``positions`` now (or, with ``ever``, held one at any time)."""

    positions: tuple[PositionId, ...]
    ever: bool = False
    kind: Literal["holds"] = "holds"


@dataclass(frozen=True, slots=True)
class Tenure:
    """The actor holds ``position`` (any position when None) and has for at least ``turns``."""

    turns: int
    position: PositionId | None = None
    kind: Literal["tenure"] = "tenure"


@dataclass(frozen=True, slots=True)
class PartyMember:
    """Party membership: ``member`` True needs a party (and ``min_turns`` in it)."""

    member: bool = True
    min_turns: int = 0
    party: PartyId | None = None
    kind: Literal["party_member"] = "party_member"


@dataclass(frozen=True, slots=True)
class HasStatus:
    """The actor carries ``status`` (or, with ``present`` False, does not)."""

    status: StatusId
    present: bool = True
    kind: Literal["status"] = "status"


@dataclass(frozen=True, slots=True)
class TurnRange:
    """The current turn lies within [minimum, maximum]."""

    minimum: int | None = None
    maximum: int | None = None
    kind: Literal["turn"] = "turn"


@dataclass(frozen=True, slots=True)
class AgeRange:
    """The actor's age in years lies within [minimum, maximum]."""

    minimum: float | None = None
    maximum: float | None = None
    kind: Literal["age"] = "age"


@dataclass(frozen=True, slots=True)
class ContestSoon:
    """``contest`` is next held within ``within`` turns (0 = this turn)."""

    contest: ContestId
    within: int
    kind: Literal["contest_soon"] = "contest_soon"


@dataclass(frozen=True, slots=True)
class Registered:
    """The actor is (or, with ``present`` False, is not) registered for ``contest``."""

    contest: ContestId
    present: bool = True
    kind: Literal["registered"] = "registered"


@dataclass(frozen=True, slots=True)
class PartyPopularity:
    """The actor's party popularity lies within [minimum, maximum]; false without a party."""

    minimum: float | None = None
    maximum: float | None = None
    kind: Literal["party_popularity"] = "party_popularity"


@dataclass(frozen=True, slots=True)
class PartySeats:
    """The actor's party holds at least ``min_share`` of ``position``'s seats (0..1) and,
    with ``largest``, more of them than any other party; false without a party."""

    position: PositionId
    min_share: float = 0.0
    largest: bool = False
    kind: Literal["party_seats"] = "party_seats"


@dataclass(frozen=True, slots=True)
class InGovernment:
    """The actor's party governs ``chamber`` (or, with ``member`` False, does not); with
    ``leads``, it is the party that formed the government.  False without a party."""

    chamber: PositionId
    member: bool = True
    leads: bool = False
    kind: Literal["government"] = "government"


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every sub-condition holds."""

    conditions: tuple[Condition, ...]
    kind: Literal["all"] = "all"


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one sub-condition holds."""

    conditions: tuple[Condition, ...]
    kind: Literal["any"] = "any"


@dataclass(frozen=True, slots=True)
class Not:
    """The sub-condition does not hold."""

    condition: Condition
    kind: Literal["not"] = "not"


Condition = (
    ResourceRange
    | HoldsPosition
    | Tenure
    | PartyMember
    | HasStatus
    | TurnRange
    | AgeRange
    | ContestSoon
    | Registered
    | PartyPopularity
    | PartySeats
    | InGovernment
    | AllOf
    | AnyOf
    | Not
)

# --------------------------------------------------------------------------- effects


@dataclass(frozen=True, slots=True)
class ChangeResource:
    """Add ``delta`` to the actor's ``resource`` (clamped to its bounds)."""

    resource: ResourceId
    delta: float
    kind: Literal["resource"] = "resource"


@dataclass(frozen=True, slots=True)
class AddStatus:
    """Give the actor ``status`` for ``turns`` turns (0 = until removed)."""

    status: StatusId
    turns: int = 0
    kind: Literal["add_status"] = "add_status"


@dataclass(frozen=True, slots=True)
class RemoveStatus:
    """Remove ``status`` from the actor if present."""

    status: StatusId
    kind: Literal["remove_status"] = "remove_status"


@dataclass(frozen=True, slots=True)
class JoinParty:
    """Join ``party``; None means the party the move targets."""

    party: PartyId | None = None
    kind: Literal["join_party"] = "join_party"


@dataclass(frozen=True, slots=True)
class LeaveParty:
    """Leave the current party, losing standing and every party-bound position."""

    kind: Literal["leave_party"] = "leave_party"


@dataclass(frozen=True, slots=True)
class EnterContest:
    """Register as a contestant in the next sitting of ``contest``."""

    contest: ContestId
    kind: Literal["enter_contest"] = "enter_contest"


@dataclass(frozen=True, slots=True)
class GainPosition:
    """Take a seat of ``position`` directly (needs a free seat and its requirements)."""

    position: PositionId
    kind: Literal["gain_position"] = "gain_position"


@dataclass(frozen=True, slots=True)
class LosePosition:
    """Give up ``position``; None means the position the move targets."""

    position: PositionId | None = None
    kind: Literal["lose_position"] = "lose_position"


@dataclass(frozen=True, slots=True)
class ChangePartyPopularity:
    """Shift a party's popularity: the actor's own party, a named one, or every party."""

    delta: float
    party: PartyId | None = None
    every_party: bool = False
    kind: Literal["party_popularity"] = "party_popularity"


@dataclass(frozen=True, slots=True)
class Nominate:
    """Grant the actor their party's nomination for ``contest`` (as its chair may)."""

    contest: ContestId
    kind: Literal["nominate"] = "nominate"


@dataclass(frozen=True, slots=True)
class JoinGovernment:
    """The actor's party joins the government of ``chamber`` (an offer accepted)."""

    chamber: PositionId
    kind: Literal["join_government"] = "join_government"


@dataclass(frozen=True, slots=True)
class LeaveGovernment:
    """The actor's party walks out of the government of ``chamber``."""

    chamber: PositionId
    kind: Literal["leave_government"] = "leave_government"


@dataclass(frozen=True, slots=True)
class Retire:
    """End the actor's career by choice."""

    kind: Literal["retire"] = "retire"


Effect = (
    ChangeResource
    | AddStatus
    | RemoveStatus
    | JoinParty
    | LeaveParty
    | EnterContest
    | GainPosition
    | LosePosition
    | ChangePartyPopularity
    | Nominate
    | JoinGovernment
    | LeaveGovernment
    | Retire
)
