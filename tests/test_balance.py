"""Balance checks for every shipped scenario (issue 5, item 7), behind the ``slow`` marker.

For each ``scenarios/*/scenario.json``, one batch of at least 1,000 careers with every
invariant checked after every decision: the greedy policy, the random policy and each
persona play the player's seat on the same seeds (rivals play their own personas).
- every channel's entry position is reached (a channel entered by standing: entered);
- no persona reaches the top post at more than twice the median persona's rate (its 95%
  Wilson lower bound must not exceed twice the median rate, nor the median's upper bound);
- random play stays far below greedy (legacy score and top-post rate);
- no crash and no invariant violation.
The same checks run quickly on the small test scenario, so they are exercised on every run.
Run only these: ``pytest -m slow tests/test_balance.py``.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from game.ai import personas_for
from game.content import load_scenario
from game.core import Scenario
from game.sim import BatchSpec, simulate
from game.sim.stats import median, wilson

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "data" / "mini"
SHIPPED = sorted(p.parent for p in (ROOT / "scenarios").glob("*/scenario.json"))
# careers per scenario; SALURAN_BALANCE_CAREERS lowers it for a quick local look
MIN_CAREERS = int(os.environ.get("SALURAN_BALANCE_CAREERS", "1000"))
RANDOM_SCORE_SHARE = 0.5  # random's mean legacy score at most this share of greedy's
RANDOM_TOP_SHARE = 0.5  # random's top-post rate at most this share of greedy's
PERSONA_RATIO = 2.0

Rows = list[dict[str, Any]]


@cache
def batch(folder: Path, games: int) -> tuple[Scenario, tuple[str, ...], Rows]:
    """The balance batch of one scenario (run once per test session)."""
    scenario = load_scenario(str(folder))
    personas = tuple(personas_for(scenario))
    policies = ("greedy", "random", *personas)
    spec = BatchSpec(scenario=str(folder), games=games, player_policies=policies,
                     check_invariants=True)
    return scenario, personas, simulate(spec)


def games_for(policies: int) -> int:
    """Careers per policy so the batch has at least MIN_CAREERS."""
    return -(-MIN_CAREERS // policies)


def unreached_channels(scenario: Scenario, rows: Rows) -> list[str]:
    """Channels no actor entered: by gaining an entry position in play, or by standing."""
    gained: set[str] = set()
    entered: set[str] = set()
    for row in rows:
        gained.update(p for p, info in row["positions"].items() if info["how"] != "start")
        entered.update(row["path"])
        for rival in row["rivals"]:
            gained.update(rival["gained"])
            entered.update(rival["path"])
    missing = []
    for channel in scenario.channels:
        if channel.entry_positions and gained.isdisjoint(channel.entry_positions):
            missing.append(f"{channel.id} (none of {', '.join(channel.entry_positions)} held)")
        elif not channel.entry_positions and channel.entry_contest_kinds and (
                channel.id not in entered):
            missing.append(f"{channel.id} (never entered)")
    return missing


def top_counts(rows: Rows) -> dict[str, tuple[int, int]]:
    """(top-post careers, careers) per player policy."""
    counts: dict[str, tuple[int, int]] = {}
    for row in rows:
        k, n = counts.get(row["player_policy"], (0, 0))
        counts[row["player_policy"]] = (k + bool(row["top"]), n + 1)
    return counts


def dominant_personas(personas: tuple[str, ...], rows: Rows) -> list[str]:
    """Personas whose top-post rate is surely above twice the median persona's: the 95%
    Wilson lower bound is above twice the median rate and above the median's upper bound
    (so a handful of wins where the median persona never wins is not called dominance)."""
    counts = top_counts(rows)
    rates = {p: wilson(*counts[p]) for p in personas}
    middle = median([r.rate for r in rates.values()])
    middle_hi = median([r.hi for r in rates.values()])
    return [f"{p}: {100 * r.rate:.1f}% vs median {100 * middle:.1f}%"
            for p, r in rates.items() if r.lo > max(PERSONA_RATIO * middle, middle_hi)]


def random_vs_greedy(rows: Rows) -> list[str]:
    """Ways in which random play is not far below greedy play."""
    scores: dict[str, list[float]] = {"greedy": [], "random": []}
    for row in rows:
        if row["player_policy"] in scores:
            scores[row["player_policy"]].append(row["score"])
    greedy = sum(scores["greedy"]) / len(scores["greedy"])
    random = sum(scores["random"]) / len(scores["random"])
    counts = top_counts(rows)
    top_greedy = counts["greedy"][0] / counts["greedy"][1]
    top_random = counts["random"][0] / counts["random"][1]
    problems = []
    if random > RANDOM_SCORE_SHARE * greedy:
        problems.append(f"random mean score {random:.1f} vs greedy {greedy:.1f}")
    if top_random > RANDOM_TOP_SHARE * top_greedy and top_random > 0:
        problems.append(f"random top-post rate {top_random:.3f} vs greedy {top_greedy:.3f}")
    return problems


def check_all(scenario: Scenario, personas: tuple[str, ...], rows: Rows) -> None:
    """Every balance check at once, so a failure lists all problems."""
    problems = [f"unreached channel {c}" for c in unreached_channels(scenario, rows)]
    problems += [f"dominant persona {p}" for p in dominant_personas(personas, rows)]
    problems += random_vs_greedy(rows)
    assert problems == [], f"{scenario.id}: " + "; ".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("folder", SHIPPED or [pytest.param(None, marks=pytest.mark.skip(
    reason="no scenario ships yet"))], ids=lambda f: f.name if f else "none")
def test_shipped_scenario_balance(folder: Path) -> None:
    policies = 2 + len(personas_for(load_scenario(str(folder))))
    scenario, personas, rows = batch(folder, games_for(policies))
    assert len(rows) >= MIN_CAREERS
    assert all(r["result"] in ("won", "ruined", "retired", "time_up") for r in rows)
    check_all(scenario, personas, rows)


def test_balance_checks_on_the_test_scenario() -> None:
    scenario, personas, rows = batch(MINI, 30)
    assert len(rows) == 30 * (2 + len(personas))
    assert unreached_channels(scenario, rows) == []
    assert random_vs_greedy(rows) == []
    assert dominant_personas(personas, rows) == []


def test_balance_checks_notice_problems() -> None:
    scenario, personas, rows = batch(MINI, 30)
    stripped = [{**r, "positions": {}, "path": [], "rivals": []} for r in rows]
    assert any("clerk" in c for c in unreached_channels(scenario, stripped))
    swapped = [{**r, "player_policy": {"greedy": "random", "random": "greedy"}.get(
        r["player_policy"], r["player_policy"])} for r in rows]
    assert random_vs_greedy(swapped)
    boosted = [{**r, "top": r["player_policy"] == personas[0]} for r in rows]
    assert dominant_personas(personas, boosted)
