"""Read-only answers for the UI, the AI and reports: previews, forecasts, actor views."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine import Rejected, validate
from game.core.events import FactorValue
from game.core.ids import ActorId
from game.core.moves import Command, MakeMove
from game.core.polls import Forecast, forecast, win_chance
from game.core.rulebook import Rulebook
from game.core.rules import EnterContest
from game.core.scenario import Check
from game.core.scoring import check_chance, check_chance_value
from game.core.state import Actor, GameState


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
    return MovePreview(command, rejected, mdef.agenda, mdef.funds, chance, factors, forecasts)


def contest_forecast(state: GameState, actor_id: ActorId, contest_id: str) -> Forecast:
    """The current poll for ``actor_id`` in the next sitting of ``contest_id``."""
    return forecast(state, state.actors[actor_id], contest_id)


class View:
    """What an AI policy may read: the world through one actor's eyes, without the seed."""

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

    def popularity(self, party: str) -> float:
        """A party's popularity, 0..100."""
        return self._state.popularity[party]

    def preview(self, command: Command) -> MovePreview:
        """As ``game.core.preview``."""
        return preview(self._state, command)

    def forecast(self, contest_id: str) -> Forecast:
        """The deciding actor's poll for ``contest_id``."""
        return forecast(self._state, self.me, contest_id)

    def win_chance(self, contest_id: str) -> float:
        """The deciding actor's poll chance for ``contest_id`` (as ``forecast(...).chance``)."""
        return win_chance(self._state, self.me, contest_id)

    def chance(self, check: Check) -> float:
        """The deciding actor's chance on ``check``."""
        return check_chance_value(self._state, self.me, check)
