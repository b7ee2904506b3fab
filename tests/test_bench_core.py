"""pytest-benchmark benchmarks of the engine's hot paths: legal moves, apply, a full career.

On the default scenario when it ships, else on the small test scenario.  No wall-clock
asserts: the numbers are for people (``pytest tests/test_bench_core.py``), not pass/fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from game.ai import play, seat_policies
from game.content import DEFAULT_SCENARIO, load_scenario
from game.core import (
    EndTurn,
    GameState,
    Rulebook,
    apply,
    compile_rulebook,
    dump_state,
    legal_moves,
    load_state,
    new_game,
    to_move,
)
from game.sim import run_career

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


def test_bench_full_career(benchmark: Any, book: Rulebook) -> None:
    row = benchmark.pedantic(run_career, args=(book, 1), rounds=3, iterations=1)
    assert row["result"] in ("won", "ruined", "retired", "time_up")
