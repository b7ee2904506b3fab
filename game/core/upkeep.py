"""Start-of-turn upkeep: tenure, salaries and costs, position and status effects, decay.

Upkeep runs for every actor every turn, so what it reads is compiled once per scenario
(``UpkeepTable``): per position its agenda cost and resource changes, per resource its decay.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.core.events import Event, ResourceChanged, StatusChanged
from game.core.resources import change
from game.core.scenario import ResourceDef, Scenario
from game.core.state import Actor, GameState

FUNDS = "funds"
INFLUENCE = "influence"

#: One resource change: (resource, delta, minimum, maximum, only if the actor has it, reason).
UpkeepChange = tuple[str, float, float, float, bool, str]
#: One decaying resource: (resource, baseline, decay, minimum, maximum).
Decay = tuple[str, float, float, float, float]
HELD_PLANS_LIMIT = 4096  # held-position sets whose plans are kept


def _bounds(rdef: ResourceDef) -> tuple[float, float]:
    return rdef.minimum, math.inf if rdef.maximum is None else rdef.maximum


@dataclass(frozen=True, slots=True)
class UpkeepTable:
    """What upkeep reads, by position and resource, in the order upkeep applies it."""

    positions: dict[str, tuple[int, tuple[UpkeepChange, ...]]]  # agenda cost, changes
    decays: tuple[Decay, ...] = ()
    living_cost: tuple[UpkeepChange, ...] = ()
    agenda_per_turn: int = 0
    # per set of positions held (in holding order): agenda cost, every change in order
    by_held: dict[tuple[str, ...], tuple[int, tuple[UpkeepChange, ...]]] = field(
        default_factory=dict)

    @classmethod
    def empty(cls) -> UpkeepTable:
        """A table for no scenario (a rulebook before ``compile_rulebook`` fills it)."""
        return cls({})

    def plan(self, held: tuple[str, ...]) -> tuple[int, tuple[UpkeepChange, ...]]:
        """Agenda cost and resource changes (positions, then living cost) for ``held``."""
        found = self.by_held.get(held)
        if found is None:
            cost = sum(self.positions[pid][0] for pid in held)
            changes = tuple(c for pid in held for c in self.positions[pid][1])
            if len(self.by_held) >= HELD_PLANS_LIMIT:
                self.by_held.clear()
            found = self.by_held[held] = (cost, changes + self.living_cost)
        return found


def compile_upkeep(scenario: Scenario) -> UpkeepTable:
    """The upkeep table of ``scenario``."""
    bounds: dict[str, tuple[float, float]] = {r.id: _bounds(r) for r in scenario.resources}
    positions: dict[str, tuple[int, tuple[UpkeepChange, ...]]] = {}
    for pdef in scenario.positions:
        reason = f"position:{pdef.id}"
        changes: list[UpkeepChange] = []
        if pdef.salary and FUNDS in bounds:
            changes.append((FUNDS, pdef.salary, *bounds[FUNDS], True, reason))
        if pdef.influence and INFLUENCE in bounds:
            changes.append((INFLUENCE, pdef.influence, *bounds[INFLUENCE], True, reason))
        changes += [(e.resource, e.delta, *bounds[e.resource], False, reason)
                    for e in pdef.per_turn]
        positions[pdef.id] = (pdef.agenda_cost, tuple(changes))
    living: tuple[UpkeepChange, ...] = ()
    if scenario.living_cost and FUNDS in bounds:
        living = ((FUNDS, -scenario.living_cost, *bounds[FUNDS], True, "living cost"),)
    decays = tuple((r.id, r.baseline, r.decay, *_bounds(r)) for r in scenario.resources
                   if r.decay)
    return UpkeepTable(positions, decays, living, scenario.agenda_per_turn)


def upkeep(state: GameState, actor: Actor, out: list[Event]) -> None:
    """Everything that happens to ``actor`` at the start of a turn, each with its reason."""
    table = state.book.upkeep_table
    held = tuple(actor.positions)
    agenda_cost, changes = table.plan(held)
    turns_held = actor.turns_held
    for pid in held:
        turns_held[pid] += 1
    _apply_changes(actor, changes, out)
    _statuses(state, actor, out)
    _decay(actor, table.decays, out)
    actor.agenda = max(1, table.agenda_per_turn - agenda_cost)
    actor.used_this_turn.clear()


def _apply_changes(actor: Actor, changes: tuple[UpkeepChange, ...], out: list[Event]) -> None:
    """``resources.change`` for each change, in one loop (upkeep's hot path); per-turn
    changes are not tapered (``Resource.taper`` shrinks the gains of moves and cards)."""
    resources, aid = actor.resources, actor.id
    for rid, delta, low, high, optional, reason in changes:
        if optional and rid not in resources:
            continue
        old = resources[rid]
        new = old + delta
        if new < low:
            new = low
        elif new > high:
            new = high
        real = new - old
        if real:
            resources[rid] = new
            out.append(ResourceChanged(aid, rid, real, reason))


def _decay(actor: Actor, decays: tuple[Decay, ...], out: list[Event]) -> None:
    """Each decaying resource moves part of the way back to its baseline."""
    resources, aid = actor.resources, actor.id
    for rid, baseline, decay, low, high in decays:
        old = resources[rid]
        gap = baseline - old
        if abs(gap) <= 1e-9:
            continue
        new = old + gap * decay  # resources.change, inlined
        if new < low:
            new = low
        elif new > high:
            new = high
        real = new - old
        if real:
            resources[rid] = new
            out.append(ResourceChanged(aid, rid, real, "decay"))


def _statuses(state: GameState, actor: Actor, out: list[Event]) -> None:
    if not actor.statuses:
        return
    for sid, until in list(actor.statuses.items()):
        if until and until < state.turn:
            del actor.statuses[sid]
            out.append(StatusChanged(actor.id, sid, added=False))
            continue
        for eff in state.book.statuses[sid].per_turn:
            change(state, actor, eff.resource, eff.delta, f"status:{sid}", out)
