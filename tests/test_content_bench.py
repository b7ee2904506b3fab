"""Benchmarks: validating a shipped scenario (budget 200 ms) and loading one to a playable
state (budget 300 ms).

No wall-clock assertions by default (machines differ); ``SALURAN_BENCH_BUDGETS=1`` turns the
budgets into assertions on the median.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from game.content import check_scenario, load_scenario
from game.core import GameState, compile_rulebook, new_game

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.parent.name for p in (ROOT / "scenarios").glob("*/scenario.json"))
ENFORCE = os.environ.get("SALURAN_BENCH_BUDGETS") == "1"


def _budget(benchmark: Any, seconds: float) -> None:
    benchmark.extra_info["budget_ms"] = seconds * 1000
    stats = getattr(benchmark, "stats", None)
    if ENFORCE and stats is not None:
        assert stats.stats.median <= seconds, f"median {stats.stats.median * 1000:.0f} ms"


@pytest.mark.parametrize("sid", SHIPPED)
def test_validate_speed(benchmark: Any, sid: str) -> None:
    result = benchmark.pedantic(check_scenario, args=(ROOT / "scenarios" / sid,), rounds=5,
                                iterations=1, warmup_rounds=1)
    assert result.scenario is not None
    _budget(benchmark, 0.200)


def _playable(sid: str) -> GameState:
    state, _ = new_game(compile_rulebook(load_scenario(sid)), 0)
    return state


@pytest.mark.parametrize("sid", SHIPPED)
def test_load_speed(benchmark: Any, sid: str) -> None:
    state = benchmark.pedantic(_playable, args=(sid,), rounds=5, iterations=1,
                               warmup_rounds=1)
    assert state.turn == 1
    _budget(benchmark, 0.300)
