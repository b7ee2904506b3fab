"""Party choice as a balance target: the planner's top-post rate by the party it starts in.

Left to itself the planner joins the same party in nearly every career, so a batch says
nothing of the parties it passes over.  The balance lab therefore plays it once per party
that starts with at least ``PARTY_FLOOR`` per cent popularity, the player starting as a
member of that party.  The start is set by a patch mod written beside the batch, the same
kind of file a modder writes (``saluran sim --mod``), so the measurement can be repeated by
hand.  The target: the highest and the lowest of those rates lie within ``PARTY_SPREAD``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from game.core.scenario import Scenario
from game.sim.batch import BatchSpec
from game.sim.targets import Target, at_most, pct

PARTY_FLOOR = 10.0  # start popularity (%) from which a party is measured
PARTY_SPREAD = 0.15  # the most the planner's rate may differ between those parties
MOD_FILE = "mod.json"


def measured_parties(scenario: Scenario) -> list[str]:
    """The parties the target covers, most popular first: none when fewer than two qualify
    (a single party has no spread, and its careers would be played for nothing)."""
    ranked = sorted(scenario.parties, key=lambda p: (-p.popularity, p.id))
    covered: list[str] = [p.id for p in ranked if p.popularity >= PARTY_FLOOR]
    return covered if len(covered) > 1 else []


def first_party_mod(scenario: Scenario, party: str) -> dict[str, Any]:
    """A patch mod in which the player starts as a member of ``party`` (offices that come
    with membership follow as the rules give them, e.g. a card at the end of the turn)."""
    player = next(a.id for a in scenario.actors if a.player)
    return {"applies_to": [scenario.id], "patch": {"actors": {player: {"party": party}}}}


def write_first_party_mod(folder: Path, scenario: Scenario, party: str) -> Path:
    """Write ``first_party_mod`` as a mod folder under ``folder``; its path."""
    mod = folder / f"first_party_{party}"
    mod.mkdir(parents=True, exist_ok=True)
    (mod / MOD_FILE).write_text(json.dumps(first_party_mod(scenario, party), indent=1) + "\n",
                                encoding="utf-8")
    return mod


def first_party_batch(scenario_ref: str, mod: Path, games: int) -> BatchSpec:
    """The planner's careers starting in the party ``mod`` sets (``write_first_party_mod``)."""
    return BatchSpec(scenario=scenario_ref, mods=(str(mod),), games=games,
                     player_policies=("planner",))


def party_spread(rates: Mapping[str, float]) -> Target:
    """The target over the planner's top-post rate by first party."""
    said = ", ".join(f"{party} {pct(rate)}" for party, rate in rates.items())
    spread = max(rates.values()) - min(rates.values()) if rates else 0.0
    return Target("planner top post by first party", f"{said} (spread {100 * spread:.1f} "
                  "points)", f"within {100 * PARTY_SPREAD:.0f} points",
                  at_most(spread, PARTY_SPREAD))
