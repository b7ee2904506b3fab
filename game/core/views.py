"""Read-only answers for the UI, the AI and reports: previews, forecasts, actor views."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.core import contests, positions
from game.core.ballots import field_level
from game.core.clone import clone_state
from game.core.engine import Rejected, validate
from game.core.events import FactorValue
from game.core.fatigue import uses_in_window, yield_factor
from game.core.ids import ActorId
from game.core.moves import Command, MakeMove, Rejection
from game.core.polls import ContestOutlook, Forecast, contest_outlook, forecast, win_chance
from game.core.rulebook import Rulebook
from game.core.rules import EnterContest
from game.core.scenario import Check, ContestDef
from game.core.scoring import check_chance, check_chance_value, contest_strength_value
from game.core.state import Actor, GameState, seat_key


@dataclass(frozen=True, slots=True)
class MovePreview:
    """What a command would cost and how likely it is to succeed, before choosing it."""

    command: Command
    rejected: Rejected | None
    agenda: int
    funds: float
    chance: float | None  # None: no success check, the effects are certain
    factors: tuple[FactorValue, ...]
    forecasts: tuple[Forecast, ...]  # contests the move enters
    share: float = 1.0  # the share of its gains it would yield (less when repeated soon)
    repeats: int = 0  # times made in its window before this turn


def preview(state: GameState, command: Command) -> MovePreview:
    """Cost, success chance with its factors, and contest forecasts for ``command``."""
    rejected = validate(state, command)
    if not isinstance(command, MakeMove) or command.move not in state.book.moves:
        return MovePreview(command, rejected, 0, 0.0, None, (), ())
    mdef = state.book.moves[command.move]
    actor = state.actors[command.actor]
    chance: float | None = None
    factors: tuple[FactorValue, ...] = ()
    if mdef.check is not None:
        chance, factors = check_chance(state, actor, mdef.check)
    forecasts = tuple(
        forecast(state, actor, e.contest)
        for e in (*mdef.effects, *mdef.on_success)
        if isinstance(e, EnterContest)
    )
    repeat = state.book.repeats.get(mdef.id)
    repeats = uses_in_window(repeat, actor, mdef.id, state.turn) if repeat else 0
    return MovePreview(command, rejected, mdef.agenda, mdef.funds, chance, factors, forecasts,
                       yield_factor(state.book, actor, mdef.id, state.turn), repeats)


def contest_forecast(state: GameState, actor_id: ActorId, contest_id: str) -> Forecast:
    """The current poll for ``actor_id`` in the next sitting of ``contest_id``."""
    return forecast(state, state.actors[actor_id], contest_id)


class View:
    """What an AI policy may read: the world through one actor's eyes, without the seed.

    Everything on the board is public (offices, parties, rivals' standing in contests);
    what stays hidden is the seed, and with it every future roll.  A policy that wants to
    look ahead asks for ``clone(seed)``: a copy that plays on with dice of its own choosing.
    """

    __slots__ = ("_state", "actor_id")

    def __init__(self, state: GameState, actor_id: ActorId) -> None:
        self._state = state
        self.actor_id = actor_id

    @property
    def me(self) -> Actor:
        """The deciding actor (read it, never write it)."""
        return self._state.actors[self.actor_id]

    @property
    def book(self) -> Rulebook:
        """The compiled scenario."""
        return self._state.book

    @property
    def turn(self) -> int:
        """The current turn."""
        return self._state.turn

    @property
    def phase(self) -> str:
        """The turn's phase: "choose" while event cards wait for answers, "act" while
        actors move, "over" once the career has ended."""
        return self._state.phase

    @property
    def choices_pending(self) -> int:
        """Event cards still waiting for an answer this turn."""
        return len(self._state.pending)

    def popularity(self, party: str) -> float:
        """A party's popularity, 0..100."""
        return self._state.popularity[party]

    def preview(self, command: Command) -> MovePreview:
        """As ``game.core.preview``."""
        return preview(self._state, command)

    def gain_share(self, move: str) -> float:
        """The share of ``move``'s gains the deciding actor gets this turn (1 unless made
        again within its window: see ``game.core.fatigue``)."""
        state = self._state
        return yield_factor(state.book, state.actors[self.actor_id], move, state.turn)

    def field_level(self, contest: ContestDef, party: str | None) -> float:
        """The strength of the contenders not played by actors in ``party``'s sitting."""
        return field_level(self._state, contest, party)

    def forecast(self, contest_id: str) -> Forecast:
        """The deciding actor's poll for ``contest_id``."""
        return forecast(self._state, self.me, contest_id)

    def win_chance(self, contest_id: str) -> float:
        """The deciding actor's poll chance for ``contest_id`` (as ``forecast(...).chance``)."""
        return win_chance(self._state, self.me, contest_id)

    def outlook(self, contest_id: str) -> ContestOutlook:
        """The deciding actor's outlook for ``contest_id``: its chance now and at other
        strengths against the same rivals (``chance_at``)."""
        return contest_outlook(self._state, self.me, contest_id)

    def chance(self, check: Check) -> float:
        """The deciding actor's chance on ``check``."""
        return check_chance_value(self._state, self.me, check)

    @property
    def actors(self) -> Mapping[ActorId, Actor]:
        """Every actor by id, the deciding one included (read them, never write them)."""
        return self._state.actors

    @property
    def order(self) -> list[ActorId]:
        """The acting order: the player first, then the rivals."""
        return self._state.order

    @property
    def coalitions(self) -> Mapping[str, list[str]]:
        """Governing parties of each chamber with a government, the one that formed it
        first."""
        return self._state.coalitions

    @property
    def party_seats(self) -> Mapping[str, Mapping[str, int]]:
        """Seats per party in each elected body, after its last election."""
        return self._state.party_seats

    def holders(self, position: str, party: str | None = None) -> list[ActorId]:
        """Actors holding ``position`` (in ``party``'s group for per-party positions)."""
        return self._state.seats.get(seat_key(position, party), [])

    def strength(self, actor_id: ActorId, contest_id: str) -> float:
        """``actor_id``'s strength in ``contest_id`` before noise (what polls report)."""
        contest = self._state.book.contests[contest_id]
        return contest_strength_value(self._state, self._state.actors[actor_id], contest)

    def entry_rejection(self, contest_id: str, actor_id: ActorId | None = None) -> Rejection | None:
        """Why the actor (the deciding one by default) may not stand in ``contest_id`` now."""
        actor = self._state.actors[actor_id or self.actor_id]
        return contests.entry_rejection(self._state, actor, contest_id)

    def eligibility(self, position: str) -> Rejection | None:
        """Why the deciding actor may not hold ``position`` now (seats aside)."""
        return positions.eligibility(self._state, self.me, position)

    def free_seats(self, position: str) -> int:
        """Seats of ``position`` open to the deciding actor (its party's, if per-party)."""
        return positions.free_seats(self._state, self.me, position)

    def clone(self, seed: int) -> GameState:
        """An independent copy of the game that rolls its own dice from ``seed``."""
        return clone_state(self._state, seed)
