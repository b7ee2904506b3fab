"""pytest-benchmark benchmarks of the engine's hot paths: legal moves, a greedy decision, apply,
a state clone (against ``copy.deepcopy``), a full career and the bare loop of the same shape.

On the default scenario when it ships, else on the small test scenario.  No wall-clock
asserts: the numbers are for people (``pytest tests/test_bench_core.py``), not pass/fail.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from game.ai import decide, play, seat_policies
from game.content import DEFAULT_SCENARIO, load_scenario
from game.core import (
    EndTurn,
    GameState,
    Rulebook,
    apply,
    canonical_json,
    clone_state,
    compile_rulebook,
    dump_state,
    legal_moves,
    load_state,
    new_game,
    to_move,
)
from game.sim import run_career
from game.sim.floor import bare_career, career_shape, schedule

ROOT = Path(__file__).resolve().parents[1]
MINI = str(Path(__file__).parent / "data" / "mini")
SCENARIO = (DEFAULT_SCENARIO if (ROOT / "scenarios" / DEFAULT_SCENARIO / "scenario.json").exists()
            else MINI)


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return compile_rulebook(load_scenario(SCENARIO))


@pytest.fixture(scope="module")
def midgame(book: Rulebook) -> GameState:
    """A game some turns in, waiting for an actor with moves to choose from."""
    state, _ = new_game(book, 3)
    play(state, seat_policies(book, "greedy"), until_turn=min(8, book.scenario.max_turns // 2))
    assert state.phase != "over"
    return state


def test_bench_legal_moves(benchmark: Any, midgame: GameState) -> None:
    actor = to_move(midgame)
    assert actor is not None
    found = benchmark(legal_moves, midgame, actor)
    assert found


def test_bench_apply(benchmark: Any, book: Rulebook, midgame: GameState) -> None:
    actor = to_move(midgame)
    assert actor is not None
    legal = legal_moves(midgame, actor)
    command = next((c for c in legal if not isinstance(c, EndTurn)), legal[0])
    dump = dump_state(midgame)

    def fresh() -> tuple[tuple[GameState, Any], dict[str, Any]]:
        return (load_state(book, dump), command), {}

    events = benchmark.pedantic(apply, setup=fresh, rounds=100, iterations=1)
    assert isinstance(events, list)


@pytest.mark.benchmark(group="career")
def test_bench_full_career(benchmark: Any, book: Rulebook) -> None:
    row = benchmark.pedantic(run_career, args=(book, 1), rounds=3, iterations=1)
    assert row["result"] in ("won", "ruined", "retired", "time_up")


def test_bench_greedy_decision(benchmark: Any, book: Rulebook, midgame: GameState) -> None:
    policies = seat_policies(book, "greedy")
    command = benchmark(decide, midgame, policies)
    assert command is not None and command.actor == to_move(midgame)


@pytest.mark.benchmark(group="copy a state")
def test_bench_clone_state(benchmark: Any, midgame: GameState) -> None:
    copied = benchmark(clone_state, midgame)
    assert canonical_json(dump_state(copied)) == canonical_json(dump_state(midgame))


@pytest.mark.benchmark(group="copy a state")
def test_bench_deepcopy_state(benchmark: Any, midgame: GameState) -> None:
    # what clone_state replaces: a generic deep copy (sharing the rulebook, as a clone does)
    copied = benchmark(lambda: copy.deepcopy(midgame, {id(midgame.book): midgame.book}))
    assert canonical_json(dump_state(copied)) == canonical_json(dump_state(midgame))


@pytest.mark.benchmark(group="career")
def test_bench_bare_loop_career(benchmark: Any, book: Rulebook) -> None:
    # the floor saluran bench compares careers with: a loop of their shape, trivial work
    shape = career_shape(book, "greedy", 1, 2)
    moves = tuple(m.id for m in book.scenario.moves)
    events = benchmark(bare_career, moves, schedule(shape))
    # a career's events in whole numbers (a mean over careers of x.5 gives x)
    assert len(events) == int(shape.events)
