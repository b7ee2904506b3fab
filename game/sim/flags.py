"""Warnings for designers: content far above the rest (dominance) and content never seen.

Dominance: among channels, moves or personas with at least ``MIN_CAREERS`` careers, one whose
top-post rate is at least twice the group's median (and 10 points above it) with a Wilson
lower bound above the median.  A channel that is a required step to the top post is flagged
too: the flag asks a designer to look, it does not say the content is wrong.  A move that
makes up more than ``OVERUSED_SHARE`` of all the player's moves is flagged as overused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.core import Scenario
from game.sim.rows import Row
from game.sim.stats import median

MIN_CAREERS = 20
OVERUSED_SHARE = 0.4
RATIO, MARGIN = 2.0, 0.10


def _far_above(kind: str, rates: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Items of one group whose rate is far above the group's median."""
    known = {k: v for k, v in rates.items() if v["n"] >= MIN_CAREERS}
    if len(known) < 3:
        return []
    middle = median([v["rate"] for v in known.values()])
    flags = []
    for item, rate in sorted(known.items()):
        if rate["rate"] >= max(RATIO * middle, middle + MARGIN) and rate["lo"] > middle:
            flags.append({"kind": kind, "id": item, "rate": rate["rate"], "lo": rate["lo"],
                          "median": round(middle, 4),
                          "why": f"top-post rate {100 * rate['rate']:.1f}% vs median "
                                 f"{100 * middle:.1f}% of {len(known)} {kind}s"})
    return flags


def dominance_flags(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """Channels, moves and personas far above the rest, and overused moves."""
    flags = _far_above("channel", {k: v["top_when_used"]
                                   for k, v in summary["channels"].items()})
    flags += _far_above("move", {k: v["top_when_used"] for k, v in summary["moves"].items()})
    for seat in ("player", "rival"):
        flags += _far_above(f"persona as {seat}", {
            k: v[seat]["top"] for k, v in summary["personas"].items() if seat in v})
    for move, entry in sorted(summary["moves"].items()):
        if entry["share_of_moves"] > OVERUSED_SHARE:
            flags.append({"kind": "move", "id": move, "share": entry["share_of_moves"],
                          "why": f"{100 * entry['share_of_moves']:.0f}% of all player moves"})
    return flags


def dead_content(rows: Sequence[Row], scenario: Scenario) -> dict[str, list[str]]:
    """Positions never held, positions only held from the start, moves never used and events
    never fired, by the player or any rival, over all ``rows``."""
    at_start = {p for actor in scenario.actors for p in actor.positions}
    gained: set[str] = set()
    moves: set[str] = set()
    events: set[str] = set()
    for row in rows:
        gained.update(p for p, info in row["positions"].items() if info["how"] != "start")
        at_start.update(p for p, info in row["positions"].items() if info["how"] == "start")
        for rival in row["rivals"]:
            gained.update(rival["gained"])
        moves.update(row["moves"])
        moves.update(row["rivals_used"]["moves"])
        events.update(row["events"])
        events.update(row["rivals_used"]["events"])
    positions = [p.id for p in scenario.positions]
    return {
        "positions_never_held": [p for p in positions if p not in gained | at_start],
        "positions_only_at_start": [p for p in positions if p in at_start - gained],
        "moves_never_used": [m.id for m in scenario.moves if m.id not in moves],
        "events_never_fired": [e.id for e in scenario.events if e.id not in events],
    }
