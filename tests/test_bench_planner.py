"""pytest-benchmark benchmarks of the planner's hot path: a decision that reckons every road,
one that follows a remembered road, the valuation of every legal command, and a career with the
planner in every seat.

On the default scenario when it ships, else on the small test scenario.  No wall-clock
asserts: the numbers are for people (``pytest tests/test_bench_planner.py --benchmark-enable``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from game.ai import PlannerPolicy, play, seat_policies, step
from game.ai.registry import balanced_persona
from game.content import DEFAULT_SCENARIO, load_scenario
from game.core import Command, GameState, Rulebook, compile_rulebook, new_game, to_move
from game.core.legal import LegalMoves
from game.core.views import View

ROOT = Path(__file__).resolve().parents[1]
MINI = str(Path(__file__).parent / "data" / "mini")
SCENARIO = (DEFAULT_SCENARIO if (ROOT / "scenarios" / DEFAULT_SCENARIO / "scenario.json").exists()
            else MINI)


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return compile_rulebook(load_scenario(SCENARIO))


@pytest.fixture(scope="module")
def midgame(book: Rulebook) -> tuple[GameState, dict[str, Any]]:
    """A game some turns in with the planner in every seat, waiting for an actor with a choice
    to make, and what the planner remembers by then."""
    state, _ = new_game(book, 3)
    seats = seat_policies(book, "planner", "planner")
    play(state, seats, until_turn=min(6, book.scenario.max_turns // 2))
    while (actor := to_move(state)) is not None and LegalMoves(state, actor).forced():
        step(state, seats)
    assert state.phase != "over"
    planner = seats[state.order[0]]
    assert isinstance(planner, PlannerPolicy)
    return state, planner.memory()


def _decide(book: Rulebook, state: GameState, memory: dict[str, Any] | None) -> Command:
    policy = PlannerPolicy(book, balanced_persona(book, "planner"), "planner")
    if memory is not None:
        policy.recall(memory)
    actor = to_move(state)
    assert actor is not None
    return policy.choose(View(state, actor), LegalMoves(state, actor), None)  # type: ignore[arg-type]


@pytest.mark.benchmark(group="planner decision")
def test_bench_planner_decision_reckoning_every_road(
    benchmark: Any, book: Rulebook, midgame: tuple[GameState, dict[str, Any]],
) -> None:
    state, _ = midgame
    command = benchmark(_decide, book, state, None)
    assert command.actor == to_move(state)


@pytest.mark.benchmark(group="planner decision")
def test_bench_planner_decision_following_its_road(
    benchmark: Any, book: Rulebook, midgame: tuple[GameState, dict[str, Any]],
) -> None:
    state, memory = midgame
    command = benchmark(_decide, book, state, memory)
    assert command.actor == to_move(state)


@pytest.mark.benchmark(group="planner decision")
def test_bench_planner_values_every_legal_command(
    benchmark: Any, book: Rulebook, midgame: tuple[GameState, dict[str, Any]],
) -> None:
    state, memory = midgame
    actor = to_move(state)
    assert actor is not None
    policy = PlannerPolicy(book, balanced_persona(book, "planner"), "planner")
    policy.recall(memory)
    view, legal = View(state, actor), LegalMoves(state, actor).commands
    made = policy.plan(view)
    assert made.valuation is not None
    values = benchmark(lambda: [policy.value(view, made.valuation, made.goals, made.parties, c)
                                for c in legal])
    assert len(values) == len(legal)


@pytest.mark.benchmark(group="career")
def test_bench_planner_in_every_seat_career(benchmark: Any, book: Rulebook) -> None:
    def career() -> GameState:
        state, _ = new_game(book, 1)
        return play(state, seat_policies(book, "planner", "planner"))

    state = benchmark.pedantic(career, rounds=1, iterations=1)
    assert state.phase == "over"
