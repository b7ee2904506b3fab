"""Past-tense facts the engine emits.  Each carries its random outcome and its factors.

The UI, the turn log, the AI and the reports read these; nothing here is ever written back.
A career emits about ten thousand of them, so they are built as plain slotted dataclasses
(a frozen dataclass pays a slow ``object.__setattr__`` per field, which made building events
a tenth of a career's time); ``fact`` declares them frozen to type checkers, so ``mypy``
rejects any assignment, and they compare and hash by value as frozen ones do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True)
def fact(cls: type[T]) -> type[T]:
    """A slotted dataclass, read-only to type checkers, compared and hashed by value."""
    return dataclass(slots=True, unsafe_hash=True)(cls)



@fact
class FactorValue:
    """One line of an explanation: ``weight`` x ``value`` = ``contribution``."""

    label: str
    value: float
    weight: float
    contribution: float


@fact
class CheckRolled:
    """A success check: the chance with its factors, the roll and the outcome."""

    chance: float
    factors: tuple[FactorValue, ...]
    roll: float
    success: bool


@fact
class ResourceChanged:
    """A resource moved by ``delta`` for ``reason`` (a move, position, status, decay...)."""

    actor: str
    resource: str
    delta: float
    reason: str
    kind: str = "resource_changed"


@fact
class TurnStarted:
    """A new turn began (after upkeep)."""

    turn: int
    kind: str = "turn_started"


@fact
class MoveMade:
    """An actor made a move; ``check`` is set when it had a success check."""

    actor: str
    move: str
    target: str | None
    agenda: int
    funds: float
    check: CheckRolled | None
    share: float = 1.0  # the share of its gains it yielded (less when repeated soon)
    kind: str = "move_made"


@fact
class TurnEnded:
    """An actor finished its moves for the turn."""

    actor: str
    kind: str = "turn_ended"


@fact
class EventDrawn:
    """An event card came up, for one actor or (``actor`` None) for the whole world."""

    event: str
    actor: str | None
    roll: float
    probability: float
    kind: str = "event_drawn"


@fact
class ChoiceMade:
    """An actor answered an event card."""

    actor: str
    event: str
    choice: str
    check: CheckRolled | None
    kind: str = "choice_made"


@fact
class Contestant:
    """One entrant of a contest: its strength, factors, noise, share and outcome."""

    actor: str | None  # None for a contender not played by an actor
    label: str
    factors: tuple[FactorValue, ...]
    noise: float
    strength: float
    share: float
    won: bool


@fact
class PartyResult:
    """A party's share of the vote and seats won in a general election."""

    party: str
    share: float
    seats: int
    constituencies: int = 0  # mixed-member systems: seats won in constituencies


@fact
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


@fact
class PositionGained:
    """An actor took a seat: by contest, appointment, exam, promotion or move."""

    actor: str
    position: str
    how: str
    kind: str = "position_gained"


@fact
class PositionLost:
    """An actor lost a seat, and why (term, defeat, resignation, promotion, party...)."""

    actor: str
    position: str
    why: str
    kind: str = "position_lost"


@fact
class StatusChanged:
    """A status was added (``added``) or ended."""

    actor: str
    status: str
    added: bool
    kind: str = "status_changed"


@fact
class PartyChanged:
    """An actor joined (``party`` set) or left (``party`` None) a party."""

    actor: str
    party: str | None
    previous: str | None
    kind: str = "party_changed"


@fact
class Registered:
    """An actor entered a contest, or won a nomination for one."""

    actor: str
    contest: str
    nomination: bool = False
    kind: str = "registered"


@fact
class ChannelEntered:
    """An actor entered one of the mobility channels for the first time."""

    actor: str
    channel: str
    kind: str = "channel_entered"


@fact
class PopularityChanged:
    """A party's popularity moved."""

    party: str
    delta: float
    reason: str
    kind: str = "popularity_changed"


@fact
class GovernmentChanged:
    """A chamber's government changed: its parties now (none: no government) and why
    (``formed``, ``election``, ``confidence``, ``joined:PARTY``, ``left:PARTY``)."""

    chamber: str
    parties: tuple[str, ...]
    why: str
    kind: str = "government_changed"


@fact
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
