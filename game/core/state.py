"""Mutable game state.  Only the engine (``engine.apply`` and the turn pipeline) writes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from game.core.ids import ActorId

if TYPE_CHECKING:
    from game.core.rulebook import Rulebook

Phase = Literal["act", "choose", "over"]
Result = Literal["won", "ruined", "retired", "time_up"]


@dataclass(slots=True)
class Holding:
    """A seat an actor holds: since which turn, for which party (per-party positions)."""

    since: int
    party: str | None = None
    wins: int = 0  # consecutive contest wins, for term limits


@dataclass(slots=True)
class Actor:
    """The player or a rival; both follow the same rules."""

    id: ActorId
    name: str
    persona: str | None
    is_player: bool
    resources: dict[str, float]
    positions: dict[str, Holding] = field(default_factory=dict)
    first_held: dict[str, int] = field(default_factory=dict)  # turn first gained
    turns_held: dict[str, int] = field(default_factory=dict)  # total tenure
    party: str | None = None
    party_since: int = 0
    statuses: dict[str, int] = field(default_factory=dict)  # status -> last turn, 0 = open
    agenda: int = 0
    cooldowns: dict[str, int] = field(default_factory=dict)  # move -> first turn allowed
    used_this_turn: list[str] = field(default_factory=list)
    registrations: list[str] = field(default_factory=list)
    nominations: list[str] = field(default_factory=list)
    event_ready: dict[str, int] = field(default_factory=dict)  # event -> first turn again
    channels: dict[str, int] = field(default_factory=dict)  # channel -> turn entered
    # moves with diminishing returns -> turns made within their window (see core.fatigue);
    # tuples, replaced on each use, so a clone shares them safely
    recent: dict[str, tuple[int, ...]] = field(default_factory=dict)
    debt_turns: int = 0
    result: Result | None = None  # set when this career has ended
    ended_turn: int = 0

    @property
    def active(self) -> bool:
        """True while the career goes on."""
        return self.result is None


@dataclass(slots=True)
class PendingChoice:
    """An event card waiting for ``actor`` to pick one of its choices."""

    actor: ActorId
    event: str


@dataclass(slots=True)
class GameState:
    """The whole world at one instant.  ``dump`` gives its canonical form.

    ``book`` is the compiled scenario; it is shared, read-only and not part of the dump.
    """

    book: Rulebook
    scenario_id: str
    seed: int
    turn: int
    phase: Phase
    order: list[ActorId]  # acting order each turn: the player first, then rivals
    current: int  # index into ``order`` during the act phase
    actors: dict[ActorId, Actor]
    popularity: dict[str, float]
    seats: dict[str, list[ActorId]]  # seat key (position or position@party) -> holders
    # general elections: seats per party in each elected body (actors and others together)
    party_seats: dict[str, dict[str, int]] = field(default_factory=dict)
    # chambers with a government: the governing parties, the party that formed it first
    coalitions: dict[str, list[str]] = field(default_factory=dict)
    pending: list[PendingChoice] = field(default_factory=list)
    result: Result | None = None  # the player's result once the game is over
    move_count: int = 0  # moves applied this turn, a label for derived random streams

    @property
    def player(self) -> Actor:
        """The human (or headless policy) seat: always first in ``order``."""
        return self.actors[self.order[0]]


def seat_key(position: str, party: str | None) -> str:
    """Seats of a per-party position are counted per party."""
    return position if party is None else f"{position}@{party}"
