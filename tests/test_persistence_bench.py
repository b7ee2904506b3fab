"""Benchmarks (pytest-benchmark; no wall-clock asserts): saving and loading a late-career game
must each take well under 50 ms, and the part an autosave costs the game thread (the
snapshot) well under a frame.  Run: pytest tests/test_persistence_bench.py --benchmark-only
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from persistence_helpers import MINI

from game.api import Career
from game.content import ContentError
from game.persistence import embedded, encode_save, read_save, write_save

SCENARIOS = {"mini": str(MINI), "nusantara": "nusantara"}


@pytest.fixture(scope="module", params=sorted(SCENARIOS))
def late_career(request: pytest.FixtureRequest) -> Career:
    """A career played to its very end by greedy policies: the longest history there is."""
    try:
        career = Career.new(SCENARIOS[request.param], seed=1)
    except ContentError as exc:  # the default scenario is still being written
        pytest.skip(f"scenario {request.param} does not load: {exc}")
    career.play_to_end("greedy")
    return career


@pytest.fixture
def saved(late_career: Career, tmp_path: Path) -> Path:
    return late_career.save(tmp_path / "late.json")


def test_bench_snapshot_on_the_game_thread(benchmark: Any, late_career: Career) -> None:
    """What an autosave costs the game (UI) thread; the rest happens on the worker."""
    snapshot = benchmark(late_career.snapshot, "autosave")
    assert snapshot.meta["turn"] == late_career.state.turn


def test_bench_encode(benchmark: Any, late_career: Career) -> None:
    snapshot = late_career.snapshot()
    assert benchmark(encode_save, snapshot).startswith(b"{")


def test_bench_save(benchmark: Any, late_career: Career, tmp_path: Path) -> None:
    """A whole manual save: snapshot, encode, write, fsync, backup, rename."""
    path = tmp_path / "late.json"
    benchmark(lambda: write_save(path, late_career.snapshot()))
    assert read_save(path).state.turn == late_career.state.turn


def test_bench_load(benchmark: Any, saved: Path, late_career: Career) -> None:
    """Reading, checking and rebuilding a save whose scenario this process has seen."""
    loaded = benchmark(read_save, saved)
    assert loaded.file.state_sha256 == late_career.state_sha256()


def test_bench_load_cold(benchmark: Any, saved: Path) -> None:
    """The same with the embedded scenario validated and compiled from scratch every time."""
    benchmark.pedantic(read_save, args=(saved,), setup=embedded.forget, rounds=15,
                       warmup_rounds=1)


def test_bench_career_load(benchmark: Any, saved: Path) -> None:
    """``Career.load``: the save plus the rivals' policies, ready to play."""
    career = benchmark(Career.load, saved)
    assert career.is_over
