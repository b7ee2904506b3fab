"""Start-of-turn upkeep: tenure, salaries and costs, position and status effects, decay."""

from __future__ import annotations

from game.core.events import Event, StatusChanged
from game.core.resources import change
from game.core.state import Actor, GameState

FUNDS = "funds"
INFLUENCE = "influence"


def upkeep(state: GameState, actor: Actor, out: list[Event]) -> None:
    """Everything that happens to ``actor`` at the start of a turn, each with its reason."""
    book, scenario = state.book, state.book.scenario
    agenda_cost = 0
    for pid in actor.positions:
        pdef = book.positions[pid]
        actor.turns_held[pid] += 1
        agenda_cost += pdef.agenda_cost
        reason = f"position:{pid}"
        if pdef.salary and FUNDS in actor.resources:
            change(state, actor, FUNDS, pdef.salary, reason, out)
        if pdef.influence and INFLUENCE in actor.resources:
            change(state, actor, INFLUENCE, pdef.influence, reason, out)
        for eff in pdef.per_turn:
            change(state, actor, eff.resource, eff.delta, reason, out)
    if scenario.living_cost and FUNDS in actor.resources:
        change(state, actor, FUNDS, -scenario.living_cost, "living cost", out)
    _statuses(state, actor, out)
    for rdef in scenario.resources:
        if rdef.decay:
            gap = rdef.baseline - actor.resources[rdef.id]
            if abs(gap) > 1e-9:
                change(state, actor, rdef.id, gap * rdef.decay, "decay", out)
    actor.agenda = max(1, scenario.agenda_per_turn - agenda_cost)
    actor.used_this_turn.clear()


def _statuses(state: GameState, actor: Actor, out: list[Event]) -> None:
    for sid, until in list(actor.statuses.items()):
        if until and until < state.turn:
            del actor.statuses[sid]
            out.append(StatusChanged(actor.id, sid, added=False))
            continue
        for eff in state.book.statuses[sid].per_turn:
            change(state, actor, eff.resource, eff.delta, f"status:{sid}", out)
