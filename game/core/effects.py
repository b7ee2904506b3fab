"""Interpreting effects: whether one can happen now, and making it happen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import assert_never

from game.core import coalitions, contests, positions
from game.core.events import Event, PartyChanged, PopularityChanged, StatusChanged
from game.core.moves import Rejection
from game.core.resources import change, set_value
from game.core.rules import (
    AddStatus,
    ChangePartyPopularity,
    ChangeResource,
    Effect,
    EnterContest,
    GainPosition,
    JoinGovernment,
    JoinParty,
    LeaveGovernment,
    LeaveParty,
    LosePosition,
    Nominate,
    RemoveStatus,
    Retire,
)
from game.core.state import Actor, GameState
from game.core.victory import end_career

POPULARITY_MIN, POPULARITY_MAX = 1.0, 99.0
#: Effects that can always happen: a move never needs checking for them.
ALWAYS_POSSIBLE = (ChangeResource, AddStatus, RemoveStatus, ChangePartyPopularity, Retire)
#: A compiled ``first_infeasible`` for one move's effects: (state, actor, target) -> reason.
Guard = Callable[[GameState, Actor, "str | None"], "Rejection | None"]


def feasibility(
    state: GameState, actor: Actor, effect: Effect, target: str | None,
    joining: str | None = None,
) -> Rejection | None:
    """Why ``effect`` cannot happen for ``actor`` now (None = it can).

    ``joining``: a party joined by an earlier effect of the same move.
    """
    if isinstance(effect, EnterContest):
        return contests.entry_rejection(state, actor, effect.contest)
    if isinstance(effect, GainPosition):
        return positions.can_take(state, actor, effect.position, joining)
    if isinstance(effect, JoinParty):
        party = effect.party or target
        if actor.party is not None or party not in state.popularity:
            return Rejection.BAD_TARGET
        if any(state.book.positions[p].neutral for p in actor.positions):
            return Rejection.EXCLUDED
        return None
    if isinstance(effect, LeaveParty):
        return None if actor.party is not None else Rejection.NOT_ELIGIBLE
    if isinstance(effect, LosePosition):
        position = effect.position or target
        return None if position in actor.positions else Rejection.BAD_TARGET
    if isinstance(effect, Nominate):
        if actor.party is None or contests.party_nominees(state, actor.party, effect.contest):
            return Rejection.NOT_ELIGIBLE  # one nominee per party and contest
        return None
    if isinstance(effect, JoinGovernment | LeaveGovernment):
        governing = state.coalitions.get(effect.chamber)
        inside = governing is not None and actor.party in governing
        if actor.party is None or governing is None or inside != isinstance(
                effect, LeaveGovernment):
            return Rejection.NOT_ELIGIBLE
    return None


def first_infeasible(
    state: GameState, actor: Actor, effects: Sequence[Effect], target: str | None
) -> Rejection | None:
    """The first reason any of ``effects`` cannot happen, if any."""
    joining: str | None = None
    for effect in effects:
        reason = feasibility(state, actor, effect, target, joining)
        if reason is not None:
            return reason
        if isinstance(effect, JoinParty):
            joining = effect.party or target
    return None


def compile_guard(effects: Sequence[Effect]) -> Guard | None:
    """``first_infeasible`` for ``effects`` as one call (None: they can always happen)."""
    checked = tuple(e for e in effects if not isinstance(e, ALWAYS_POSSIBLE))
    if not checked:
        return None
    if len(checked) == 1 and isinstance(checked[0], EnterContest):
        contest = checked[0].contest
        return lambda s, a, t: contests.entry_rejection(s, a, contest)
    if len(checked) == 1 and isinstance(checked[0], GainPosition):
        position = checked[0].position
        return lambda s, a, t: positions.can_take(s, a, position)
    return lambda s, a, t: first_infeasible(s, a, checked, t)


def apply_effects(
    state: GameState,
    actor: Actor,
    effects: Sequence[Effect],
    target: str | None,
    reason: str,
    out: list[Event],
    share: float = 1.0,
) -> None:
    """Apply ``effects`` in order; ones that became impossible meanwhile are skipped.

    ``share`` scales resource gains (a repeated move's diminishing returns), not costs."""
    for effect in effects:
        if actor.result is not None:
            return
        if isinstance(effect, ChangeResource):  # the commonest effect: straight through
            delta = effect.delta
            change(state, actor, effect.resource, delta * share if delta > 0 else delta,
                   reason, out)
        elif isinstance(effect, ALWAYS_POSSIBLE) or feasibility(state, actor, effect,
                                                                 target) is None:
            _apply(state, actor, effect, target, reason, out)


def _apply(
    state: GameState, actor: Actor, effect: Effect, target: str | None, reason: str,
    out: list[Event],
) -> None:
    if isinstance(effect, ChangeResource):
        change(state, actor, effect.resource, effect.delta, reason, out)
    elif isinstance(effect, AddStatus):
        add_status(state, actor, effect.status, effect.turns, out)
    elif isinstance(effect, RemoveStatus):
        if actor.statuses.pop(effect.status, None) is not None:
            out.append(StatusChanged(actor.id, effect.status, added=False))
    elif isinstance(effect, JoinParty):
        join_party(state, actor, effect.party or target or "", out)
    elif isinstance(effect, LeaveParty):
        leave_party(state, actor, out)
    elif isinstance(effect, EnterContest):
        contests.register(state, actor, effect.contest, out)
    elif isinstance(effect, GainPosition):
        positions.gain(state, actor, effect.position, "move", out)
    elif isinstance(effect, LosePosition):
        positions.lose(state, actor, effect.position or target or "", "resigned", out)
    elif isinstance(effect, ChangePartyPopularity):
        shift_popularity(state, actor, effect, reason, out)
    elif isinstance(effect, Nominate):
        contests.nominate(state, actor, effect.contest, out)
    elif isinstance(effect, JoinGovernment):
        coalitions.join(state, actor.party or "", effect.chamber, out)
    elif isinstance(effect, LeaveGovernment):
        coalitions.leave(state, actor.party or "", effect.chamber, out)
    elif isinstance(effect, Retire):
        end_career(state, actor, "retired", out)
    else:
        assert_never(effect)


def add_status(state: GameState, actor: Actor, status: str, turns: int, out: list[Event]) -> None:
    """Give a status for ``turns`` turns (0 = open-ended); refreshing extends it."""
    until = 0 if turns <= 0 else state.turn + turns
    fresh = status not in actor.statuses
    actor.statuses[status] = until
    if fresh:
        out.append(StatusChanged(actor.id, status, added=True))


def join_party(state: GameState, actor: Actor, party: str, out: list[Event]) -> None:
    """Become a member of ``party`` from this turn on."""
    actor.party = party
    actor.party_since = state.turn
    out.append(PartyChanged(actor.id, party, None))


def leave_party(state: GameState, actor: Actor, out: list[Event]) -> None:
    """Leave the party: party-bound positions, nominations and standing go with it."""
    previous = actor.party
    for pid in list(actor.positions):
        if state.book.positions[pid].per_party:
            positions.lose(state, actor, pid, "left party", out)
    actor.nominations.clear()
    actor.registrations = [
        c for c in actor.registrations if not state.book.contests[c].per_party
    ]
    for rdef in state.book.scenario.resources:
        if rdef.party_bound:
            set_value(state, actor, rdef.id, rdef.initial, "left party", out)
    actor.party = None
    out.append(PartyChanged(actor.id, None, previous))


def shift_popularity(
    state: GameState, actor: Actor | None, effect: ChangePartyPopularity, reason: str,
    out: list[Event],
) -> None:
    """Move one party's popularity (own or named) or every party's."""
    if effect.every_party:
        parties = list(state.popularity)
    else:
        party = effect.party or (actor.party if actor is not None else None)
        parties = [party] if party is not None else []
    for party in parties:
        old = state.popularity[party]
        new = min(max(old + effect.delta, POPULARITY_MIN), POPULARITY_MAX)
        if new != old:
            state.popularity[party] = new
            out.append(PopularityChanged(party, new - old, reason))
