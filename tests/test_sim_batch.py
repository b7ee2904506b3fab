"""Batches: identical lines for any number of jobs, batch order, replays, invariants."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from game.sim import (
    BatchError,
    BatchSpec,
    load_rows,
    replay_line,
    row_line,
    run_batch,
    run_career,
    simulate,
)
from game.sim.batch import GAMES_FILE, OrderedWriter, chunked
from game.sim.invariants import InvariantBroken, check, problems

MINI = str(Path(__file__).parent / "data" / "mini")
SPEC = BatchSpec(scenario=MINI, games=24, seed=5, player_policies=("greedy", "random"))


@pytest.fixture(scope="module")
def batch_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same batch run in this process and over two worker processes."""
    one = tmp_path_factory.mktemp("jobs1")
    two = tmp_path_factory.mktemp("jobs2")
    run_batch(SPEC, one, jobs=1)
    run_batch(SPEC, two, jobs=2)
    return one, two


def test_lines_identical_for_one_and_two_jobs(batch_dirs: tuple[Path, Path]) -> None:
    one, two = batch_dirs
    assert (one / GAMES_FILE).read_bytes() == (two / GAMES_FILE).read_bytes()


def test_lines_in_batch_order(batch_dirs: tuple[Path, Path]) -> None:
    rows = load_rows(batch_dirs[1])
    assert [r["index"] for r in rows] == list(range(48))
    assert [(r["player_policy"], r["seed"]) for r in rows] == [
        (p, s) for p in ("greedy", "random") for s in range(5, 29)]


def test_row_fields(batch_dirs: tuple[Path, Path]) -> None:
    row = load_rows(batch_dirs[0])[0]
    for key in ("seed", "player_policy", "result", "turns", "score", "resources", "positions",
                "path", "events", "contests", "contests_entered", "contests_won", "samples",
                "rivals", "state_sha256"):
        assert key in row
    assert row["result"] in ("won", "ruined", "retired", "time_up")
    assert len(row["samples"]["turns"]) == len(row["samples"]["score"])
    assert all(set(info) == {"first", "turns", "how", "held"} for info in row["positions"].values())


def test_run_career_gives_the_batch_line(batch_dirs: tuple[Path, Path]) -> None:
    lines = (batch_dirs[0] / GAMES_FILE).read_text().splitlines()
    row = run_career(MINI, 7, "greedy", index=2)
    assert row_line(row) == lines[2]


@pytest.mark.parametrize("index", [0, 17, 30, 47])
def test_replay_reproduces_the_line(batch_dirs: tuple[Path, Path], index: int) -> None:
    replayed = replay_line(f"{batch_dirs[1] / GAMES_FILE}#{index}")
    assert replayed.identical
    assert replayed.differences() == []


def test_replay_accepts_the_folder(batch_dirs: tuple[Path, Path]) -> None:
    assert replay_line(f"{batch_dirs[0]}#3").identical


def test_replay_notices_a_changed_line(tmp_path: Path, batch_dirs: tuple[Path, Path]) -> None:
    for name in ("scenario.json", "batch.json"):
        (tmp_path / name).write_bytes((batch_dirs[0] / name).read_bytes())
    lines = (batch_dirs[0] / GAMES_FILE).read_text().splitlines()
    row = json.loads(lines[0])
    row["score"] += 1
    (tmp_path / GAMES_FILE).write_text(json.dumps(row) + "\n")
    replayed = replay_line(f"{tmp_path / GAMES_FILE}#0")
    assert not replayed.identical
    assert replayed.differences() == ["score"]


@pytest.mark.parametrize("ref", ["nowhere/games.jsonl#0", "x/games.jsonl", "x#a"])
def test_bad_line_refs(ref: str) -> None:
    with pytest.raises(BatchError):
        replay_line(ref)


def test_line_past_the_end(batch_dirs: tuple[Path, Path]) -> None:
    with pytest.raises(BatchError, match="has 48 lines"):
        replay_line(f"{batch_dirs[0] / GAMES_FILE}#48")


def test_bad_json_line(tmp_path: Path) -> None:
    (tmp_path / GAMES_FILE).write_text('{"seed": 1}\nnot json\n')
    with pytest.raises(BatchError, match=":2:"):
        load_rows(tmp_path)


def test_simulate_returns_rows() -> None:
    rows = simulate(BatchSpec(scenario=MINI, games=3, player_policies=("random",)), jobs=1)
    assert [r["seed"] for r in rows] == [0, 1, 2]


def test_invariants_hold_under_random_play() -> None:
    for seed in range(10):
        run_career(MINI, seed, "random", "random", check_invariants=True)


def test_invariant_breakage_names_seed_and_turn() -> None:
    from game.content import load_scenario
    from game.core import new_game

    state, _ = new_game(load_scenario(MINI), 42)
    assert problems(state) == []
    rival = state.actors[state.order[1]]
    rival.agenda = -1
    with pytest.raises(InvariantBroken, match="seed 42, turn 1"):
        check(state)


def test_ordered_writer_waits_for_earlier_rows() -> None:
    stream = io.StringIO()
    writer = OrderedWriter(stream)
    writer.add([(2, "c"), (1, "b")])
    assert stream.getvalue() == ""
    writer.add([(0, "a")])
    assert stream.getvalue() == "a\nb\nc\n"


def test_chunks_cover_every_career_once() -> None:
    careers = BatchSpec(games=101, player_policies=("a", "b")).careers()
    chunks = chunked(careers, 2)
    assert [c for chunk in chunks for c in chunk] == careers
    assert max(len(chunk) for chunk in chunks) <= 8


def test_invariants_notice_a_seat_mismatch() -> None:
    from game.content import load_scenario
    from game.core import new_game

    state, _ = new_game(load_scenario(MINI), 1)
    state.seats["member@red"].remove("ana")
    with pytest.raises(InvariantBroken, match="member@red"):
        check(state)
