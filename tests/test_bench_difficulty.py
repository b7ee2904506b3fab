"""``saluran bench --difficulty`` reaches the rivals in every mode: the player's policy against
personas, every seat, over worker processes, the pipeline shares and the game window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from game.ai import Policy
from game.ai.difficulty import level_of
from game.cli import main as cli_main
from game.content import load_scenario
from game.core import Rulebook, compile_rulebook
from game.sim import bench
from game.sim.bench_seats import bench_seats, rivals_played

MINI = str(Path(__file__).parent / "data" / "mini")
LEVELS = ("easy", "normal", "hard")


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return compile_rulebook(load_scenario(MINI))


def _rival_levels(book: Rulebook, seats: dict[str, Policy]) -> set[str | None]:
    player = next(s.id for s in book.scenario.actors if s.player)
    return {level_of(p) for aid, p in seats.items() if aid != player}


@pytest.mark.parametrize("level", LEVELS)
def test_rivals_play_their_personas_at_the_difficulty(book: Rulebook, level: str) -> None:
    seats = bench_seats(book, "greedy", False, level)
    assert _rival_levels(book, seats) == {level}
    assert {p.name for p in seats.values()} == {"greedy", "loyalist", "technocrat"}


@pytest.mark.parametrize("level", LEVELS)
def test_every_seat_rivals_play_the_policy_at_the_difficulty(book: Rulebook, level: str) -> None:
    seats = bench_seats(book, "planner", True, level)
    assert _rival_levels(book, seats) == {level}
    assert seats["player"].name == "planner" and level_of(seats["player"]) == "hard"
    # a policy without levels plays as it is whatever the difficulty
    assert _rival_levels(book, bench_seats(book, "greedy", True, level)) == {"easy"}
    assert _rival_levels(book, bench_seats(book, "random", True, level)) == {None}


def run_cli(argv: list[str]) -> int:
    return cli_main(argv)


def test_bench_lines_name_the_difficulty_and_the_rivals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_cli(["bench", "--scenario", MINI, "--careers", "1", "--pipeline", "1",
                    "--policy", "planner", "--every-seat", "--difficulty", "easy"]) == 0
    text = capsys.readouterr().out
    assert "every seat plays the policy, rivals at difficulty easy" in text
    assert "rivals:                    planner (easy) x2" in text
    assert "turn pipeline, share of time (planner, 1 careers, timed separately; every seat " \
           "plays the policy, rivals at difficulty easy)" in text


def test_every_seat_defaults_to_full_strength(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["bench", "--scenario", MINI, "--careers", "1", "--pipeline", "0",
                    "--policy", "planner", "--every-seat"]) == 0
    assert "rivals:                    planner (hard) x2" in capsys.readouterr().out


def test_worker_processes_play_the_rivals_at_the_difficulty(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_cli(["bench", "--scenario", MINI, "--careers", "2", "--jobs", "2",
                    "--pipeline", "0", "--difficulty", "normal"]) == 0
    text = capsys.readouterr().out
    jobs = next(line for line in text.splitlines() if line.startswith("careers/s (2 jobs)"))
    assert "rivals: loyalist (normal), technocrat (normal)" in jobs


def test_pipeline_shares_play_the_rivals_at_the_difficulty(
    book: Rulebook, monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str] = []

    def spy(*args: Any) -> dict[str, Policy]:
        seats = bench_seats(*args)
        seen.append(rivals_played(book, seats))
        return seats

    monkeypatch.setattr(bench, "bench_seats", spy)
    shares = bench.pipeline_shares(book, "greedy", 0, 1, False, "hard")
    assert sum(shares.values()) == pytest.approx(1.0)
    assert seen == ["loyalist (hard), technocrat (hard)"]


def test_the_window_plays_its_rivals_at_the_difficulty() -> None:
    from game.ui.bench import measure

    timings = measure(MINI, 0, size=(640, 360), difficulty="easy")
    assert timings.rivals == "loyalist (easy), technocrat (easy)"
