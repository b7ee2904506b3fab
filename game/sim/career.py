"""One AI-played career, start to end, as a result row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.ai import DEFAULT_DIFFICULTY, personas_for, seat_policies, step
from game.content import load_scenario
from game.content.backgrounds import find_background, with_background
from game.core import (
    GameState,
    Rulebook,
    Scenario,
    canonical_json,
    compile_rulebook,
    new_game,
    state_sha256,
)
from game.core.events import Event
from game.sim import invariants
from game.sim.record import CareerRecorder

EventSink = Callable[[list[Event]], None]
Observer = Callable[[GameState], EventSink]

#: A career that needs more decisions than this is stuck in a loop: a bug, reported by seed.
MAX_DECISIONS = 200_000


def rulebook(scenario: str | Scenario | Rulebook) -> Rulebook:
    """A compiled scenario from an id, a path, a Scenario or a Rulebook."""
    if isinstance(scenario, Rulebook):
        return scenario
    loaded = load_scenario(scenario) if isinstance(scenario, str) else scenario
    return compile_rulebook(loaded)


# rulebooks with a persona's background in the player's seat, by (rulebook, background)
_SEATED: dict[tuple[int, str], tuple[Rulebook, Rulebook]] = {}


def seated(book: Rulebook, player_policy: str) -> Rulebook:
    """The rulebook a career of ``player_policy`` plays: a persona in the player's seat starts
    with its background, as a player picks one on the new-career screen; any other policy
    starts as the scenario starts the player."""
    persona = personas_for(book.scenario).get(player_policy)
    background = find_background(persona.background) if persona else None
    if background is None:
        return book
    key = (id(book), background.id)
    known = _SEATED.get(key)  # keeps the book alive, so its id is not reused meanwhile
    if known is None:
        known = _SEATED[key] = (book, compile_rulebook(with_background(book.scenario,
                                                                       background)))
    return known[1]


def run_career(
    scenario: str | Scenario | Rulebook,
    seed: int,
    player_policy: str = "greedy",
    rival_policy: str | None = None,
    *,
    index: int = 0,
    observer: Observer | None = None,
    check_invariants: bool = False,
    difficulty: str = DEFAULT_DIFFICULTY,
) -> dict[str, Any]:
    """Play one career headless and return its row (see docs/SIMULATION.md for the fields).

    ``observer`` is called with the new game and returns a sink for every event (e.g. a
    narrator); ``check_invariants`` checks the state after every decision and raises
    ``InvariantBroken`` naming the seed and turn.
    """
    book = seated(rulebook(scenario), player_policy)
    state, setup = new_game(book, seed)
    policies = seat_policies(book, player_policy, rival_policy, difficulty)
    recorder = CareerRecorder(state)
    recorder.start(setup)
    sink = None if observer is None else observer(state)
    if sink is not None:
        sink(setup)
    if check_invariants:
        invariants.check(state)
    while state.phase != "over":
        events = step(state, policies)
        recorder(events)
        if sink is not None:
            sink(events)
        if check_invariants:
            invariants.check(state)
        if recorder.decisions > MAX_DECISIONS:
            raise RuntimeError(f"seed {seed}: no end after {MAX_DECISIONS} decisions "
                               f"(turn {state.turn})")
    row = recorder.row()
    for rival in row["rivals"]:
        rival["policy"] = policies[rival["id"]].name
    return {"index": index, "player_policy": player_policy, "rival_policy": rival_policy,
            "difficulty": difficulty, "state_sha256": state_sha256(state), **row}


def row_line(row: dict[str, Any]) -> str:
    """A row as its line in games.jsonl: compact, key-sorted JSON."""
    return canonical_json(row)
