"""The balance targets of a shipped scenario, read from a batch's rows.

Measured against the strongest built-in play (the planner) with every persona in the
player's seat and in the rivals' seats, on the same seeds:
- the planner reaches the top post in 20-60% of careers, at least 10 points more often than
  greedy; random play stays under 5%;
- every persona, as the player and as a rival, reaches the top post within twice the median
  persona's rate plus 5 points, and at least half of it minus 5 points;
- at least 10% of the planner's and the personas' top-post careers pass through the
  bureaucracy or the diplomatic channel: those roads lead somewhere;
- a persona that prefers one of those channels enters it in at least half of its careers,
  as the player and as a rival;
- no move is more than a tenth of the planner's moves;
- no dead content: every position is won in play (not only held from the start), every move
  made and every event fired, by the player or a rival, somewhere in the batch
  (``content_used``, which needs the scenario).
Party choice, measured with batches of their own, is ``game.sim.first_party``.
``tests/test_balance.py`` asserts them for every shipped scenario and ``scripts/balance.py``
writes them to docs/BALANCE.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from game.core import Scenario
from game.sim.flags import dead_content
from game.sim.stats import median
from game.sim.summary import took_road

PLANNER_RANGE = (0.20, 0.60)
PLANNER_LEAD = 0.10  # over greedy
RANDOM_CEILING = 0.05
PERSONA_RATIO, PERSONA_SLACK = 2.0, 0.05
SIDE_ROADS = frozenset({"bureaucrat", "diplomat"})
SIDE_ROAD_SHARE = 0.10
OWN_ROAD_SHARE = 0.5  # of a side-road persona's careers, in each seat
MOVE_SHARE = 0.10
# a rate is a count over a count and a bound a sum of such: a rate on the bound must meet it
# whatever the last binary digit says (11 of 60 against a median of 28 of 60 read 18.3% "not
# in 18.3%-...")
ROUNDING = 1e-9


def at_least(value: float, bound: float) -> bool:
    """``value >= bound``, a value on the bound counted as on it (``ROUNDING``)."""
    return value >= bound - ROUNDING


def at_most(value: float, bound: float) -> bool:
    """``value <= bound``, a value on the bound counted as on it (``ROUNDING``)."""
    return value <= bound + ROUNDING

Rows = Sequence[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Target:
    """One balance target: what was measured, what it should be, and whether it is."""

    name: str
    measured: str
    goal: str
    met: bool


def player_rates(rows: Rows) -> dict[str, float]:
    """Top-post rate per player policy."""
    counts: Counter[str] = Counter()
    tops: Counter[str] = Counter()
    for row in rows:
        counts[row["player_policy"]] += 1
        tops[row["player_policy"]] += bool(row["top"])
    return {p: tops[p] / counts[p] for p in counts}


def rival_rates(rows: Rows) -> dict[str, float]:
    """Top-post rate per persona in the rivals' seats (a rival reached the top post if it
    ever held it)."""
    counts: Counter[str] = Counter()
    tops: Counter[str] = Counter()
    for row in rows:
        for rival in row["rivals"]:
            if rival["persona"]:
                counts[rival["persona"]] += 1
                tops[rival["persona"]] += bool(rival["top"])
    return {p: tops[p] / counts[p] for p in counts}


def persona_band(rates: Iterable[float]) -> tuple[float, float, float]:
    """(lowest, median, highest) top-post rate a persona may have among ``rates``."""
    middle = median(list(rates))
    return (middle / PERSONA_RATIO - PERSONA_SLACK, middle,
            PERSONA_RATIO * middle + PERSONA_SLACK)


def side_road_share(rows: Rows, personas: Iterable[str]) -> float:
    """Share of the planner's and the personas' top-post careers that passed through the
    bureaucracy or the diplomatic channel."""
    players = {"planner", *personas}
    top = [r for r in rows if r["player_policy"] in players and r["top"]]
    return sum(1 for r in top if not SIDE_ROADS.isdisjoint(r["path"])) / max(len(top), 1)


def own_road_shares(rows: Rows, roads: Mapping[str, Iterable[str]]
                    ) -> dict[tuple[str, str], float]:
    """For each persona preferring the bureaucracy or the diplomatic channel, per seat
    (``player``, ``rival``): the share of its careers that entered one of its channels."""
    keen = {name: frozenset(channels) for name, channels in roads.items()
            if not SIDE_ROADS.isdisjoint(channels)}
    took: dict[tuple[str, str], list[bool]] = {}
    for row in rows:
        careers = [(row["player_policy"], "player", row),
                   *((rival["persona"], "rival", rival) for rival in row["rivals"])]
        for name, seat, career in careers:
            if name in keen:
                took.setdefault((name, seat), []).append(took_road(career, keen[name]))
    return {key: sum(found) / len(found) for key, found in sorted(took.items())}


def move_shares(rows: Rows, policy: str = "planner") -> list[tuple[str, float]]:
    """Each move's share of ``policy``'s moves, commonest first."""
    uses: Counter[str] = Counter()
    for row in rows:
        if row["player_policy"] == policy:
            uses.update(row["moves"])
    total = sum(uses.values()) or 1
    return [(move, n / total) for move, n in uses.most_common()]


def content_used(rows: Rows, scenario: Scenario) -> Target:
    """The dead-content target: content no career of ``rows`` used, by kind."""
    dead = {kind.replace("_", " "): items
            for kind, items in dead_content(rows, scenario).items() if items}
    measured = "; ".join(f"{kind}: {', '.join(items)}" for kind, items in dead.items())
    return Target("dead content", measured or "none", "none", not dead)


def pct(rate: float) -> str:
    """A rate as the reports print it (``0.125`` -> ``12.5%``)."""
    return f"{100 * rate:.1f}%"


def _personas(rates: dict[str, float], seat: str) -> list[Target]:
    low, middle, high = persona_band(rates.values())
    goal = f"{pct(max(low, 0.0))}-{pct(high)} (median {pct(middle)})"
    return [Target(f"{name} as {seat}", pct(rate), goal,
                   at_least(rate, low) and at_most(rate, high))
            for name, rate in sorted(rates.items())]


def targets(rows: Rows, personas: Sequence[str],
            roads: Mapping[str, Iterable[str]] | None = None) -> list[Target]:
    """Every target, measured on ``rows`` (the planner, greedy, random and each persona in
    the player's seat); ``roads``: each persona's preferred channels."""
    rates = player_rates(rows)
    planner, greedy, random = rates["planner"], rates["greedy"], rates["random"]
    low, high = PLANNER_RANGE
    found = [
        Target("planner top post", pct(planner), f"{pct(low)}-{pct(high)}",
               at_least(planner, low) and at_most(planner, high)),
        Target("planner lead over greedy", f"{100 * (planner - greedy):+.1f} points "
               f"(greedy {pct(greedy)})", f"at least {100 * PLANNER_LEAD:.0f} points",
               at_least(planner, greedy + PLANNER_LEAD)),
        Target("random top post", pct(random), f"under {pct(RANDOM_CEILING)}",
               random < RANDOM_CEILING),
    ]
    found += _personas({p: rates[p] for p in personas if p in rates}, "player")
    found += _personas(rival_rates(rows), "rival")
    share = side_road_share(rows, personas)
    found.append(Target("top careers via bureaucracy or diplomacy", pct(share),
                        f"at least {pct(SIDE_ROAD_SHARE)}", at_least(share, SIDE_ROAD_SHARE)))
    found += [Target(f"{name} as {seat} on its road", pct(rate),
                     f"at least {pct(OWN_ROAD_SHARE)}", at_least(rate, OWN_ROAD_SHARE))
              for (name, seat), rate in own_road_shares(rows, roads or {}).items()]
    top_move, top_share = next(iter(move_shares(rows)), ("-", 0.0))
    found.append(Target("commonest planner move", f"{top_move} {pct(top_share)}",
                        f"at most {pct(MOVE_SHARE)}", at_most(top_share, MOVE_SHARE)))
    return found


def missed(found: Iterable[Target]) -> list[str]:
    """The targets not met, one line each."""
    return [f"{t.name}: {t.measured} (target {t.goal})" for t in found if not t.met]
