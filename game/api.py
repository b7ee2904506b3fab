"""The public headless API: one career, played from Python.

    from game.api import Career
    career = Career.new("nusantara", seed=7)
    command = career.legal_moves()[0]
    print(career.preview(command).chance)
    career.apply(command)
    career.end_turn()

Rivals play their personas between the player's decisions; the player's seat is driven by
the caller (or by ``play_to_end`` with a policy).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.ai import Policy, make_policy, seat_policies, step
from game.content import load_scenario
from game.core import (
    Command,
    EndTurn,
    GameState,
    MovePreview,
    Rejected,
    Rulebook,
    apply,
    compile_rulebook,
    dump_state,
    legacy_score,
    legal_moves,
    new_game,
    preview,
    state_sha256,
    to_move,
)
from game.core.events import Event
from game.core.scenario import Scenario


class IllegalMove(ValueError):
    """A command the rules refuse; the career is unchanged."""

    def __init__(self, rejected: Rejected) -> None:
        self.rejected = rejected
        super().__init__(rejected.message)


class Career:
    """A game seen from the player's seat, with AI rivals."""

    def __init__(self, state: GameState, rivals: str | None = None) -> None:
        self.state = state
        self.policies: dict[str, Policy] = seat_policies(state.book, "greedy", rivals)
        self.player_id = state.order[0]
        self.events: list[Event] = []
        self.history: list[Command] = []  # every command applied, player's and rivals'
        self.scenario_ref = state.scenario_id

    @classmethod
    def new(cls, scenario: str | Scenario = "nusantara", seed: int = 0,
            rivals: str | None = None) -> Career:
        """A new career; ``scenario`` is an id, a path or a loaded Scenario."""
        loaded = load_scenario(scenario) if isinstance(scenario, str) else scenario
        state, events = new_game(compile_rulebook(loaded), seed)
        career = cls(state, rivals)
        if isinstance(scenario, str):
            career.scenario_ref = scenario
        career.events.extend(events)
        career.advance()
        return career

    @property
    def book(self) -> Rulebook:
        """The compiled scenario."""
        return self.state.book

    def legal_moves(self) -> list[Command]:
        """The player's legal commands now (empty once the game is over)."""
        return legal_moves(self.state, self.player_id)

    def preview(self, command: Command) -> MovePreview:
        """Cost, success chance and factors, contest forecasts; changes nothing."""
        return preview(self.state, command)

    def apply(self, command: Command) -> list[Event]:
        """Apply a player command; raise IllegalMove (state unchanged) if refused."""
        result = apply(self.state, command)
        if isinstance(result, Rejected):
            raise IllegalMove(result)
        self.history.append(command)
        self.events.extend(result)
        self.advance()
        return result

    def end_turn(self) -> list[Event]:
        """End the player's moves; rivals, events and contests run until the player is needed."""
        start = len(self.events)
        self.apply(EndTurn(self.player_id))
        return self.events[start:]

    def advance(self) -> None:
        """Let the rivals decide until the player must (or the game is over)."""
        while self.state.phase != "over" and to_move(self.state) != self.player_id:
            self.events.extend(step(self.state, self.policies, self.history))

    def play_to_end(self, policy: str = "greedy",
                    on_events: Callable[[list[Event]], None] | None = None) -> None:
        """Play the player's seat with ``policy`` until the career ends."""
        self.policies[self.player_id] = make_policy(policy, self.book)
        while self.state.phase != "over":
            events = step(self.state, self.policies, self.history)
            self.events.extend(events)
            if on_events is not None:
                on_events(events)

    @property
    def is_over(self) -> bool:
        """True once the player's career has ended."""
        return self.state.phase == "over"

    @property
    def result(self) -> str | None:
        """won, ruined, retired or time_up; None while it goes on."""
        return self.state.result

    @property
    def score(self) -> float:
        """The player's legacy score so far."""
        return legacy_score(self.state, self.state.player)

    def dump(self) -> dict[str, Any]:
        """The canonical state dump."""
        return dump_state(self.state)

    def state_sha256(self) -> str:
        """SHA-256 of the canonical dump."""
        return state_sha256(self.state)
