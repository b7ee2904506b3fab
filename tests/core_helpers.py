"""Shared setup for the rules-engine tests (tests/test_core_*.py): the mini scenario and
small ways to reshape it, copy states and drive whole turns without a policy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from game.content import load_scenario
from game.core import (
    ChooseOption,
    EndTurn,
    GameState,
    Rejected,
    apply,
    canonical_json,
    dump_state,
    load_state,
    new_game,
    to_move,
)
from game.core import positions as seats
from game.core.events import Event
from game.core.scenario import Scenario

MINI = Path(__file__).parent / "data" / "mini"

T = TypeVar("T")


@lru_cache(maxsize=1)
def mini() -> Scenario:
    """The fixture scenario, loaded once (scenarios are immutable)."""
    return load_scenario(MINI)


def quiet_mini(**changes: Any) -> Scenario:
    """The mini scenario without event cards (no random interruptions), plus ``changes``."""
    return replace(mini(), **{"events": (), **changes})


def swap(items: Iterable[T], item_id: str, **changes: Any) -> tuple[T, ...]:
    """``items`` with the one whose id is ``item_id`` replaced by a changed copy."""
    out = []
    found = False
    for item in items:
        if item.id == item_id:  # type: ignore[attr-defined]
            item = replace(item, **changes)  # type: ignore[type-var]
            found = True
        out.append(item)
    assert found, f"no item {item_id!r}"
    return tuple(out)


def silent_contests(scenario: Scenario) -> Scenario:
    """Every contest without noise, so outcomes follow the strengths exactly."""
    return replace(scenario, contests=tuple(replace(c, noise=0.0) for c in scenario.contests))


def copy_state(state: GameState) -> GameState:
    """An independent copy (the rulebook is shared, everything else is fresh)."""
    return load_state(state.book, dump_state(state))


def frozen(state: GameState) -> str:
    """The canonical dump as text: equal strings mean identical states."""
    return canonical_json(dump_state(state))


def gain(state: GameState, actor_id: str, position: str) -> list[Event]:
    """Seat an actor directly (test setup, as the engine's own seat rules do it)."""
    out: list[Event] = []
    seats.gain(state, state.actors[actor_id], position, "test", out)
    return out


def ok(result: list[Event] | Rejected) -> list[Event]:
    """The events of an accepted command; fails the test on a rejection."""
    assert not isinstance(result, Rejected), result
    return result


def finish_turn(state: GameState, choice: int = 0) -> list[Event]:
    """Everybody ends the turn (answering cards with option ``choice``) until a new turn
    starts or the game ends; returns every event on the way."""
    turn = state.turn
    out: list[Event] = []
    for _ in range(1000):
        actor = to_move(state)
        if actor is None or state.turn != turn:
            return out
        if state.phase == "choose":
            pending = state.pending[0]
            options = state.book.events[pending.event].choices
            command: Any = ChooseOption(actor, pending.event, options[choice].id)
        else:
            command = EndTurn(actor)
        out += ok(apply(state, command))
    raise AssertionError("the turn never finished")


def play_turns(state: GameState, count: int) -> list[Event]:
    """``finish_turn`` ``count`` times (or until the game is over)."""
    out: list[Event] = []
    for _ in range(count):
        if state.phase == "over":
            break
        out += finish_turn(state)
    return out


def of_kind(events: Iterable[Event], cls: type[T]) -> list[T]:
    """The events of one class."""
    return [e for e in events if isinstance(e, cls)]


def start(scenario: Scenario, seed: int = 1) -> GameState:
    """A new game's state (the setup events are dropped)."""
    return new_game(scenario, seed)[0]
