"""Same scenario, seed and commands give the same state, in any process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _headless(seed: int, hash_seed: str, scenario: str = "nusantara",
              *extra: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-m", "game", "play", "--headless", "--scenario", scenario,
         "--seed", str(seed), "--turns", "24", "--json", *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("seed", [3, 11])
def test_two_processes_with_different_hash_seeds_agree(seed: int) -> None:
    first = _headless(seed, "0")
    second = _headless(seed, "4242")
    assert first == second
    assert len(str(first["state_sha256"])) == 64


def test_planners_in_every_seat_agree_across_processes() -> None:
    planners = ("--ai", "planner", "--difficulty", "hard")
    first = _headless(7, "1", "westminster", *planners)
    assert first == _headless(7, "999", "westminster", *planners)


def test_different_seeds_give_different_careers() -> None:
    assert _headless(1, "0")["state_sha256"] != _headless(2, "0")["state_sha256"]
