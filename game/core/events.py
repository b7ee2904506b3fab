"""Past-tense facts the engine emits.  Each carries its random outcome and its factors.

The UI, the turn log, the AI and the reports read these; nothing here is ever written back.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FactorValue:
    """One line of an explanation: ``weight`` x ``value`` = ``contribution``."""

    label: str
    value: float
    weight: float
    contribution: float


@dataclass(frozen=True, slots=True)
class CheckRolled:
    """A success check: the chance with its factors, the roll and the outcome."""

    chance: float
    factors: tuple[FactorValue, ...]
    roll: float
    success: bool


@dataclass(frozen=True, slots=True)
class ResourceChanged:
    """A resource moved by ``delta`` for ``reason`` (a move, position, status, decay...)."""

    actor: str
    resource: str
    delta: float
    reason: str
    kind: str = "resource_changed"


@dataclass(frozen=True, slots=True)
class TurnStarted:
    """A new turn began (after upkeep)."""

    turn: int
    kind: str = "turn_started"


@dataclass(frozen=True, slots=True)
class MoveMade:
    """An actor made a move; ``check`` is set when it had a success check."""

    actor: str
    move: str
    target: str | None
    agenda: int
    funds: float
    check: CheckRolled | None
    kind: str = "move_made"


@dataclass(frozen=True, slots=True)
class TurnEnded:
    """An actor finished its moves for the turn."""

    actor: str
    kind: str = "turn_ended"


@dataclass(frozen=True, slots=True)
class EventDrawn:
    """An event card came up, for one actor or (``actor`` None) for the whole world."""

    event: str
    actor: str | None
    roll: float
    probability: float
    kind: str = "event_drawn"


@dataclass(frozen=True, slots=True)
class ChoiceMade:
    """An actor answered an event card."""

    actor: str
    event: str
    choice: str
    check: CheckRolled | None
    kind: str = "choice_made"


@dataclass(frozen=True, slots=True)
class Contestant:
    """One entrant of a contest: its strength, factors, noise, share and outcome."""

    actor: str | None  # None for a contender not played by an actor
    label: str
    factors: tuple[FactorValue, ...]
    noise: float
    strength: float
    share: float
    won: bool


@dataclass(frozen=True, slots=True)
class PartyResult:
    """A party's share of the vote and seats won in a general election."""

    party: str
    share: float
    seats: int
    constituencies: int = 0  # mixed-member systems: seats won in constituencies


@dataclass(frozen=True, slots=True)
class ContestHeld:
    """A contest sat: every entrant with its breakdown, and how many seats were filled."""

    contest: str
    position: str
    party: str | None
    seats: int
    contestants: tuple[Contestant, ...]
    threshold: float | None = None  # exams and appointments: the pass mark
    parties: tuple[PartyResult, ...] = ()  # general elections: the chamber by party
    runoff: tuple[Contestant, ...] = ()  # two-round systems: the second round, if held
    lists: tuple[Contestant, ...] = ()  # mixed-member systems: actors' places on the lists
    kind: str = "contest_held"


@dataclass(frozen=True, slots=True)
class PositionGained:
    """An actor took a seat: by contest, appointment, exam, promotion or move."""

    actor: str
    position: str
    how: str
    kind: str = "position_gained"


@dataclass(frozen=True, slots=True)
class PositionLost:
    """An actor lost a seat, and why (term, defeat, resignation, promotion, party...)."""

    actor: str
    position: str
    why: str
    kind: str = "position_lost"


@dataclass(frozen=True, slots=True)
class StatusChanged:
    """A status was added (``added``) or ended."""

    actor: str
    status: str
    added: bool
    kind: str = "status_changed"


@dataclass(frozen=True, slots=True)
class PartyChanged:
    """An actor joined (``party`` set) or left (``party`` None) a party."""

    actor: str
    party: str | None
    previous: str | None
    kind: str = "party_changed"


@dataclass(frozen=True, slots=True)
class Registered:
    """An actor entered a contest, or won a nomination for one."""

    actor: str
    contest: str
    nomination: bool = False
    kind: str = "registered"


@dataclass(frozen=True, slots=True)
class ChannelEntered:
    """An actor entered one of the mobility channels for the first time."""

    actor: str
    channel: str
    kind: str = "channel_entered"


@dataclass(frozen=True, slots=True)
class PopularityChanged:
    """A party's popularity moved."""

    party: str
    delta: float
    reason: str
    kind: str = "popularity_changed"


@dataclass(frozen=True, slots=True)
class GovernmentChanged:
    """A chamber's government changed: its parties now (none: no government) and why
    (``formed``, ``election``, ``confidence``, ``joined:PARTY``, ``left:PARTY``)."""

    chamber: str
    parties: tuple[str, ...]
    why: str
    kind: str = "government_changed"


@dataclass(frozen=True, slots=True)
class CareerEnded:
    """A career ended: won, ruined, retired or time_up, with its legacy score."""

    actor: str
    result: str
    score: float
    kind: str = "career_ended"


Event = (
    ResourceChanged
    | TurnStarted
    | MoveMade
    | TurnEnded
    | EventDrawn
    | ChoiceMade
    | ContestHeld
    | PositionGained
    | PositionLost
    | StatusChanged
    | PartyChanged
    | Registered
    | ChannelEntered
    | PopularityChanged
    | GovernmentChanged
    | CareerEnded
)
