"""Driving a game with policies: the headless loop shared by the CLI, the sim and tests."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping

from game.ai.policy import Policy
from game.core import Command, GameState, Rejected, apply, to_move
from game.core.engine import apply_legal
from game.core.events import Event
from game.core.legal import LegalMoves
from game.core.views import View

EventSink = Callable[[list[Event]], None]


class _LazyStream(random.Random):
    """A stream seeded on its first draw: most policies never roll, and seeding from a
    string (SHA-512) costs more than the rest of a greedy decision's bookkeeping."""

    def __init__(self, *label: object) -> None:  # deliberately no seeding here
        self._label: tuple[object, ...] | None = label  # the seed's parts, joined on waking
        self.gauss_next = None

    def _wake(self) -> None:
        if self._label is not None:
            label, self._label = self._label, None
            super().seed(":".join(map(str, label)))

    def random(self) -> float:
        """As ``random.Random.random``."""
        self._wake()
        return super().random()

    def getrandbits(self, k: int) -> int:
        """As ``random.Random.getrandbits``."""
        self._wake()
        return super().getrandbits(k)


def ai_stream(state: GameState, actor: str) -> random.Random:
    """A policy's own dice: derived from the game but apart from the rules' streams."""
    return _LazyStream("ai", state.seed, state.turn, actor, state.move_count, state.phase)


def decide(state: GameState, policies: Mapping[str, Policy]) -> Command | None:
    """The command the actor to move chooses (None once the game is over)."""
    decided = _decide(state, policies)
    return None if decided is None else decided[0]


def _decide(state: GameState, policies: Mapping[str, Policy]) -> tuple[Command, bool] | None:
    """The command chosen, and whether the engine listed it as legal (no second check)."""
    actor = to_move(state)
    if actor is None:
        return None
    legal = LegalMoves(state, actor)  # listed only if the policy asks for the list
    forced = legal.forced()
    if forced is not None:
        return forced, True  # a single legal command is no decision
    command = policies[actor].choose(View(state, actor), legal, ai_stream(state, actor))
    return command, legal.listed(command)


def step(
    state: GameState, policies: Mapping[str, Policy], history: list[Command] | None = None
) -> list[Event]:
    """Let the actor to move decide once and apply its command (recorded in ``history``)."""
    decided = _decide(state, policies)
    if decided is None:
        return []
    command, listed = decided
    result = apply_legal(state, command) if listed else apply(state, command)
    if isinstance(result, Rejected):  # a policy broke the rules: a bug, not a user error
        raise RuntimeError(f"policy {policies[command.actor].name} chose an illegal move "
                           f"(seed {state.seed}, turn {state.turn}): {result.message}")
    if history is not None:
        history.append(command)
    return result


def play(
    state: GameState,
    policies: Mapping[str, Policy],
    until_turn: int | None = None,
    sink: EventSink | None = None,
    history: list[Command] | None = None,
) -> GameState:
    """Play until the game ends or ``until_turn`` starts; events go to ``sink``."""
    while state.phase != "over" and (until_turn is None or state.turn < until_turn):
        events = step(state, policies, history)
        if sink is not None:
            sink(events)
    return state
