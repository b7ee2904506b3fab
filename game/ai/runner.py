"""Driving a game with policies: the headless loop shared by the CLI, the sim and tests."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping

from game.ai.policy import Policy
from game.core import GameState, Rejected, apply, legal_moves, to_move
from game.core.events import Event
from game.core.views import View

EventSink = Callable[[list[Event]], None]


def ai_stream(state: GameState, actor: str) -> random.Random:
    """A policy's own dice: derived from the game but apart from the rules' streams."""
    return random.Random(f"ai:{state.seed}:{state.turn}:{actor}:{state.move_count}:{state.phase}")


def step(state: GameState, policies: Mapping[str, Policy]) -> list[Event]:
    """Let the actor to move decide once and apply its command."""
    actor = to_move(state)
    if actor is None:
        return []
    legal = legal_moves(state, actor)
    command = policies[actor].choose(View(state, actor), legal, ai_stream(state, actor))
    result = apply(state, command)
    if isinstance(result, Rejected):  # a policy broke the rules: a bug, not a user error
        raise RuntimeError(f"policy {policies[actor].name} chose an illegal move "
                           f"(seed {state.seed}, turn {state.turn}): {result.message}")
    return result


def play(
    state: GameState,
    policies: Mapping[str, Policy],
    until_turn: int | None = None,
    sink: EventSink | None = None,
) -> GameState:
    """Play until the game ends or ``until_turn`` starts; events go to ``sink``."""
    while state.phase != "over" and (until_turn is None or state.turn < until_turn):
        events = step(state, policies)
        if sink is not None:
            sink(events)
    return state
