"""Start-of-turn upkeep: tenure, salaries and costs, position and status effects, decay.

Upkeep runs for every actor every turn, so what it reads is compiled once per scenario
(``UpkeepTable``): per position its agenda cost and resource changes, per resource its decay.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.core.events import Event, StatusChanged
from game.core.resources import change, change_within
from game.core.scenario import ResourceDef, Scenario
from game.core.state import Actor, GameState

FUNDS = "funds"
INFLUENCE = "influence"

#: One resource change: (resource, delta, minimum, maximum, only if the actor has it).
UpkeepChange = tuple[str, float, float, float, bool]
#: One decaying resource: (resource, baseline, decay, minimum, maximum).
Decay = tuple[str, float, float, float, float]


def _bounds(rdef: ResourceDef) -> tuple[float, float]:
    return rdef.minimum, math.inf if rdef.maximum is None else rdef.maximum


@dataclass(frozen=True, slots=True)
class UpkeepTable:
    """What upkeep reads, by position and resource, in the order upkeep applies it."""

    positions: dict[str, tuple[int, str, tuple[UpkeepChange, ...]]]  # agenda cost, reason
    decays: tuple[Decay, ...] = ()
    living_cost: UpkeepChange | None = None
    agenda_per_turn: int = 0

    @classmethod
    def empty(cls) -> UpkeepTable:
        """A table for no scenario (a rulebook before ``compile_rulebook`` fills it)."""
        return cls({})


def compile_upkeep(scenario: Scenario) -> UpkeepTable:
    """The upkeep table of ``scenario``."""
    bounds: dict[str, tuple[float, float]] = {r.id: _bounds(r) for r in scenario.resources}
    positions: dict[str, tuple[int, str, tuple[UpkeepChange, ...]]] = {}
    for pdef in scenario.positions:
        changes: list[UpkeepChange] = []
        if pdef.salary and FUNDS in bounds:
            changes.append((FUNDS, pdef.salary, *bounds[FUNDS], True))
        if pdef.influence and INFLUENCE in bounds:
            changes.append((INFLUENCE, pdef.influence, *bounds[INFLUENCE], True))
        changes += [(e.resource, e.delta, *bounds[e.resource], False) for e in pdef.per_turn]
        positions[pdef.id] = (pdef.agenda_cost, f"position:{pdef.id}", tuple(changes))
    living = None
    if scenario.living_cost and FUNDS in bounds:
        living = (FUNDS, -scenario.living_cost, *bounds[FUNDS], True)
    decays = tuple((r.id, r.baseline, r.decay, *_bounds(r)) for r in scenario.resources
                   if r.decay)
    return UpkeepTable(positions, decays, living, scenario.agenda_per_turn)


def upkeep(state: GameState, actor: Actor, out: list[Event]) -> None:
    """Everything that happens to ``actor`` at the start of a turn, each with its reason."""
    table = state.book.upkeep_table
    resources, turns_held = actor.resources, actor.turns_held
    agenda_cost = 0
    for pid in actor.positions:
        cost, reason, changes = table.positions[pid]
        turns_held[pid] += 1
        agenda_cost += cost
        for rid, delta, low, high, optional in changes:
            if not optional or rid in resources:
                change_within(actor, rid, delta, low, high, reason, out)
    living = table.living_cost
    if living is not None and living[0] in resources:
        change_within(actor, living[0], living[1], living[2], living[3], "living cost", out)
    _statuses(state, actor, out)
    for rid, baseline, decay, low, high in table.decays:
        gap = baseline - resources[rid]
        if abs(gap) > 1e-9:
            change_within(actor, rid, gap * decay, low, high, "decay", out)
    actor.agenda = max(1, table.agenda_per_turn - agenda_cost)
    actor.used_this_turn.clear()


def _statuses(state: GameState, actor: Actor, out: list[Event]) -> None:
    for sid, until in list(actor.statuses.items()):
        if until and until < state.turn:
            del actor.statuses[sid]
            out.append(StatusChanged(actor.id, sid, added=False))
            continue
        for eff in state.book.statuses[sid].per_turn:
            change(state, actor, eff.resource, eff.delta, f"status:{sid}", out)
