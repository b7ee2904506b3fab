"""Balance targets for every shipped scenario, measured against the strongest built-in play
(the planner), behind the ``slow`` marker.

For each ``scenarios/*/scenario.json``, one batch with every invariant checked after every
decision: the planner, greedy, random and each persona play the player's seat on the same
seeds, ``GAMES`` careers each (rivals play their personas at the default difficulty).
- the planner reaches the top post in 20-60% of careers, at least 10 points more often than
  greedy; random play stays under 5%;
- every persona, as the player and as a rival, reaches the top post within twice the median
  persona's rate plus 5 points, and at least half of it minus 5 points;
- at least 10% of the top-post careers of the planner and the personas pass through the
  bureaucracy or the diplomatic channel: those roads lead somewhere;
- no move is more than 10% of the planner's moves;
- every channel's entry position is reached, no crash, no invariant violation;
- in nusantara, the planner that takes every bribe reaches the top post at least 10 points
  less often than the one that takes none, and still sometimes does.
The same checks run quickly on the small test scenario, so they are exercised on every run.
Run only these: ``pytest -m slow tests/test_balance.py``; docs/BALANCE.md shows the figures.
"""

from __future__ import annotations

import os
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from game.ai import personas_for, seat_policies
from game.ai.runner import play
from game.content import load_scenario
from game.core import ChooseOption, Scenario, compile_rulebook, new_game
from game.core.rules import AddStatus
from game.sim import BatchSpec, simulate
from game.sim.stats import median

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "data" / "mini"
SHIPPED = sorted(p.parent for p in (ROOT / "scenarios").glob("*/scenario.json"))
# careers per policy; SALURAN_BALANCE_GAMES lowers it for a quick local look
GAMES = int(os.environ.get("SALURAN_BALANCE_GAMES", "100"))
PLANNER_RANGE = (0.20, 0.60)
PLANNER_LEAD = 0.10  # over greedy
RANDOM_CEILING = 0.05
PERSONA_RATIO, PERSONA_SLACK = 2.0, 0.05
SIDE_ROADS = frozenset({"bureaucrat", "diplomat"})
SIDE_ROAD_SHARE = 0.10
MOVE_SHARE = 0.10

Rows = list[dict[str, Any]]


@cache
def batch(folder: Path, games: int) -> tuple[Scenario, tuple[str, ...], Rows]:
    """The balance batch of one scenario (run once per test session)."""
    scenario = load_scenario(str(folder))
    personas = tuple(personas_for(scenario))
    policies = ("planner", "greedy", "random", *personas)
    spec = BatchSpec(scenario=str(folder), games=games, player_policies=policies,
                     check_invariants=True)
    return scenario, personas, simulate(spec)


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


def player_rates(rows: Rows) -> dict[str, float]:
    """Top-post rate per player policy."""
    counts: Counter[str] = Counter()
    tops: Counter[str] = Counter()
    for row in rows:
        counts[row["player_policy"]] += 1
        tops[row["player_policy"]] += bool(row["top"])
    return {p: tops[p] / counts[p] for p in counts}


def rival_rates(rows: Rows) -> dict[str, float]:
    """Top-post rate per persona in the rivals' seats."""
    counts: Counter[str] = Counter()
    tops: Counter[str] = Counter()
    for row in rows:
        for rival in row["rivals"]:
            if rival["persona"]:
                counts[rival["persona"]] += 1
                tops[rival["persona"]] += bool(rival["top"])
    return {p: tops[p] / counts[p] for p in counts}


def policy_targets(rows: Rows) -> list[str]:
    """The planner in its range and ahead of greedy; random far below."""
    rates = player_rates(rows)
    planner, greedy, random = rates["planner"], rates["greedy"], rates["random"]
    problems = []
    low, high = PLANNER_RANGE
    if not low <= planner <= high:
        problems.append(f"planner top post {planner:.0%} outside {low:.0%}-{high:.0%}")
    if planner < greedy + PLANNER_LEAD:
        problems.append(f"planner {planner:.0%} not {PLANNER_LEAD:.0%} above greedy {greedy:.0%}")
    if random >= RANDOM_CEILING:
        problems.append(f"random top post {random:.0%}")
    return problems


def lopsided_personas(rates: dict[str, float], seat: str) -> list[str]:
    """Personas whose rate is beyond twice (or under half) the median's, give or take 5
    points."""
    middle = median(list(rates.values()))
    high = PERSONA_RATIO * middle + PERSONA_SLACK
    low = middle / PERSONA_RATIO - PERSONA_SLACK
    return [f"{p} as {seat} {r:.0%} vs median {middle:.0%}"
            for p, r in sorted(rates.items()) if not low <= r <= high]


def side_road_share(rows: Rows, personas: tuple[str, ...]) -> float:
    """Share of the planner's and the personas' top-post careers that passed through the
    bureaucracy or the diplomatic channel."""
    players = {"planner", *personas}
    top = [r for r in rows if r["player_policy"] in players and r["top"]]
    return sum(1 for r in top if not SIDE_ROADS.isdisjoint(r["path"])) / max(len(top), 1)


def dominant_moves(rows: Rows) -> list[str]:
    """Moves that are more than a tenth of the planner's moves."""
    uses: Counter[str] = Counter()
    for row in rows:
        if row["player_policy"] == "planner":
            uses.update(row["moves"])
    total = sum(uses.values()) or 1
    return [f"{m} {n / total:.1%} of the planner's moves" for m, n in uses.most_common()
            if n / total > MOVE_SHARE]


def check_all(scenario: Scenario, personas: tuple[str, ...], rows: Rows) -> None:
    """Every balance target at once, so a failure lists all problems."""
    problems = [f"unreached channel {c}" for c in unreached_channels(scenario, rows)]
    problems += policy_targets(rows)
    problems += lopsided_personas({p: player_rates(rows)[p] for p in personas}, "player")
    problems += lopsided_personas(rival_rates(rows), "rival")
    share = side_road_share(rows, personas)
    if share < SIDE_ROAD_SHARE:
        problems.append(f"only {share:.0%} of top careers via bureaucracy or diplomacy")
    problems += dominant_moves(rows)
    assert problems == [], f"{scenario.id}: " + "; ".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("folder", SHIPPED or [pytest.param(None, marks=pytest.mark.skip(
    reason="no scenario ships yet"))], ids=lambda f: f.name if f else "none")
def test_shipped_scenario_balance(folder: Path) -> None:
    scenario, personas, rows = batch(folder, GAMES)
    assert all(r["result"] in ("won", "ruined", "retired", "time_up") for r in rows)
    check_all(scenario, personas, rows)


def test_balance_checks_on_the_test_scenario() -> None:
    scenario, personas, rows = batch(MINI, 12)
    assert len(rows) == 12 * (3 + len(personas))
    assert unreached_channels(scenario, rows) == []
    rates = player_rates(rows)
    assert rates["random"] < RANDOM_CEILING <= rates["planner"]


def test_balance_checks_notice_problems() -> None:
    scenario, personas, rows = batch(MINI, 12)
    stripped = [{**r, "positions": {}, "path": [], "rivals": []} for r in rows]
    assert any("clerk" in c for c in unreached_channels(scenario, stripped))
    swapped = [{**r, "top": r["player_policy"] in ("random", "greedy")} for r in rows]
    assert any("random" in p for p in policy_targets(swapped))
    assert any("planner" in p for p in policy_targets(swapped))
    boosted = {p: (0.9 if p == personas[0] else 0.1) for p in personas}
    assert lopsided_personas(boosted, "player") == [f"{personas[0]} as player 90% vs median 10%"]
    one_move = [{**r, "moves": {"meet": 10}} if r["player_policy"] == "planner" else r
                for r in rows]
    assert dominant_moves(one_move) == ["meet 100.0% of the planner's moves"]
    side = [{**r, "top": True, "path": ["bureaucrat"]} for r in rows]
    assert side_road_share(side, personas) == 1.0


class Scrupled:
    """The planner, but every event choice that plants a skeleton (a hidden status) is
    always taken (``dirty``) or never taken."""

    def __init__(self, inner: Any, book: Any, dirty: bool) -> None:
        self.inner, self.book, self.dirty, self.name = inner, book, dirty, inner.name

    def _planted(self, command: Any) -> bool:
        if not isinstance(command, ChooseOption):
            return False
        event = self.book.events[command.event]
        choice = next(c for c in event.choices if c.id == command.choice)
        return any(isinstance(e, AddStatus) and self.book.statuses[e.status].hidden
                   for e in (*choice.effects, *choice.on_success))

    def choose(self, view: Any, legal: Any, rng: Any) -> Any:
        """A skeleton when one is offered (dirty), else the planner's choice without them."""
        planted = [c for c in legal if self._planted(c)]
        if planted and self.dirty:
            return planted[0]
        return self.inner.choose(view, [c for c in legal if not self._planted(c)], rng)


def top_rate_with_scruples(folder: Path, dirty: bool, games: int) -> float:
    """The planner's top-post rate when it always (or never) takes the dirty choice."""
    book = compile_rulebook(load_scenario(str(folder)))
    tops = 0
    for seed in range(games):
        state, _ = new_game(book, seed)
        seats = dict(seat_policies(book, "planner"))
        player = state.order[0]
        seats[player] = Scrupled(seats[player], book, dirty)
        play(state, seats)
        tops += not book.victory_positions.isdisjoint(state.player.first_held)
    return tops / games


@pytest.mark.slow
def test_taking_every_bribe_costs_the_planner_at_least_ten_points() -> None:
    folder = ROOT / "scenarios" / "nusantara"
    clean = top_rate_with_scruples(folder, False, GAMES)
    dirty = top_rate_with_scruples(folder, True, GAMES)
    assert clean - dirty >= 0.10, f"clean {clean:.0%}, always dirty {dirty:.0%}"
    assert dirty > 0.0  # a dirty road stays possible
