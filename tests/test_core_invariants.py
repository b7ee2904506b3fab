"""Invariant playouts: many seeds, random and greedy players, rivals by persona; every rule
invariant is checked after every single step of every game."""

from __future__ import annotations

import math

import pytest
from core_helpers import mini

from game.ai import play, seat_policies, step
from game.core import GameState, compile_rulebook, new_game
from game.core.state import seat_key

# the slow balance batches check the same invariants after every step of every shipped
# scenario's careers; here the mini scenario's, quickly
SEEDS = range(120)
MAX_STEPS = 5000  # far more than any mini game needs: a guard against endless games


def problems(state: GameState) -> list[str]:
    """Every broken invariant of ``state``, as readable lines (empty when all hold)."""
    book = state.book
    found: list[str] = []
    for party, value in state.popularity.items():
        if not (math.isfinite(value) and 0.0 <= value <= 100.0):
            found.append(f"popularity {party}={value}")
    held: dict[str, list[str]] = {}
    for aid, actor in state.actors.items():
        for rid, value in actor.resources.items():
            rdef = book.resources[rid]
            if not math.isfinite(value):
                found.append(f"{aid}.{rid} is {value}")
            elif value < rdef.minimum or (rdef.maximum is not None and value > rdef.maximum):
                found.append(f"{aid}.{rid}={value} outside [{rdef.minimum}, {rdef.maximum}]")
        for pid, holding in actor.positions.items():
            pdef = book.positions[pid]
            if pdef.per_party != (holding.party is not None):
                found.append(f"{aid} holds {pid} with party {holding.party!r}")
            held.setdefault(seat_key(pid, holding.party), []).append(aid)
            if pdef.neutral and actor.party is not None:
                found.append(f"{aid} holds neutral {pid} while in {actor.party}")
            clash = book.exclusions[pid] & set(actor.positions)
            if clash:
                found.append(f"{aid} holds {pid} and excluded {sorted(clash)}")
        if actor.party is not None and actor.party not in state.popularity:
            found.append(f"{aid} is in unknown party {actor.party}")
    for key, holders in state.seats.items():
        position = key.split("@")[0]
        if len(holders) > book.positions[position].seats:
            found.append(f"{key} over capacity: {holders}")
        if len(set(holders)) != len(holders):
            found.append(f"{key} lists a holder twice: {holders}")
        if sorted(holders) != sorted(held.get(key, [])):
            found.append(f"seats[{key}]={holders} but actors say {held.get(key, [])}")
    for key, holders in held.items():
        if key not in state.seats:
            found.append(f"{holders} hold {key} with no seat entry")
    if state.turn > book.scenario.max_turns:
        found.append(f"turn {state.turn} beyond max_turns {book.scenario.max_turns}")
    return found


def _playout(player: str, seed: int) -> GameState:
    book = compile_rulebook(mini())
    policies = seat_policies(book, player)
    state, _ = new_game(book, seed)
    assert problems(state) == [], f"seed {seed} at setup"
    for count in range(MAX_STEPS):
        if state.phase == "over":
            return state
        step(state, policies)
        broken = problems(state)
        assert broken == [], f"{player} seed {seed} turn {state.turn} step {count}: {broken}"
    raise AssertionError(f"{player} seed {seed}: no end after {MAX_STEPS} steps")


@pytest.mark.parametrize("player", ["random", "greedy"])
def test_invariants_hold_after_every_step(player: str) -> None:
    max_turns = mini().max_turns
    for seed in SEEDS:
        state = _playout(player, seed)
        assert state.phase == "over"
        assert state.result is not None
        assert state.turn <= max_turns
        if state.result == "time_up":
            assert state.turn == max_turns


def test_every_career_is_closed_when_the_game_ends_by_time() -> None:
    book = compile_rulebook(mini())
    timed_out = 0
    for seed in range(20):
        state, _ = new_game(book, seed)
        play(state, seat_policies(book, "greedy"))
        if state.result == "time_up":
            timed_out += 1
            assert all(a.result is not None for a in state.actors.values()), seed
    assert timed_out > 0
