"""Turn structured conditions into fast predicates over (state, actor).

Predicates are compiled once per scenario, so the simulation loop never re-reads rule data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, assert_never

from game.core.ids import PositionId
from game.core.rules import (
    AgeRange,
    AllOf,
    AnyOf,
    Condition,
    ContestSoon,
    HasStatus,
    HoldsPosition,
    InGovernment,
    Not,
    PartyMember,
    PartyPopularity,
    PartySeats,
    Registered,
    ResourceRange,
    Tenure,
    TurnRange,
)

if TYPE_CHECKING:
    from game.core.scenario import Scenario
    from game.core.state import Actor, GameState

Predicate = Callable[["GameState", "Actor"], bool]


def _always(state: GameState, actor: Actor) -> bool:
    return True


def _within(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def turns_until(every: int, offset: int, turn: int) -> int:
    """Turns from ``turn`` until a schedule next sits (0 = this turn)."""
    if turn <= offset:
        return offset - turn
    return (offset - turn) % every


def actor_age(scenario: Scenario, state: GameState) -> float:
    """Every actor ages together: the scenario's start age plus elapsed years."""
    return scenario.start_age + (state.turn - 1) * scenario.months_per_turn / 12


def compile_condition(cond: Condition, scenario: Scenario) -> Predicate:
    """One predicate for one condition (see ``game.core.rules`` for their meaning)."""
    if isinstance(cond, ResourceRange):
        rid, low, high = cond.resource, cond.minimum, cond.maximum
        return lambda s, a: _within(a.resources[rid], low, high)
    if isinstance(cond, HoldsPosition):
        wanted = cond.positions
        if cond.ever:
            ever_set = frozenset(wanted)
            return lambda s, a: not ever_set.isdisjoint(a.first_held)
        if len(wanted) == 1:
            only = wanted[0]
            return lambda s, a: only in a.positions
        wanted_set = frozenset(wanted)
        return lambda s, a: not wanted_set.isdisjoint(a.positions)
    if isinstance(cond, Tenure):
        return _compile_tenure(cond)
    if isinstance(cond, PartyMember):
        return _compile_party_member(cond)
    if isinstance(cond, HasStatus):
        sid, present = cond.status, cond.present
        return lambda s, a: (sid in a.statuses) == present
    if isinstance(cond, TurnRange):
        tlow, thigh = cond.minimum, cond.maximum
        return lambda s, a: _within(s.turn, tlow, thigh)
    if isinstance(cond, AgeRange):
        alow, ahigh = cond.minimum, cond.maximum
        return lambda s, a: _within(actor_age(scenario, s), alow, ahigh)
    if isinstance(cond, ContestSoon):
        contest = next(c for c in scenario.contests if c.id == cond.contest)
        every, offset, within = contest.schedule.every, contest.schedule.offset, cond.within
        return lambda s, a: turns_until(every, offset, s.turn) <= within
    if isinstance(cond, Registered):
        cid, present = cond.contest, cond.present
        return lambda s, a: (cid in a.registrations) == present
    if isinstance(cond, PartyPopularity):
        plow, phigh = cond.minimum, cond.maximum
        return lambda s, a: a.party is not None and _within(s.popularity[a.party], plow, phigh)
    if isinstance(cond, PartySeats):
        return _compile_party_seats(cond)
    if isinstance(cond, InGovernment):
        return _compile_government(cond)
    if isinstance(cond, AllOf):
        return compile_all(cond.conditions, scenario)
    if isinstance(cond, AnyOf):
        return _any_of(_alternatives(cond.conditions, scenario))
    if isinstance(cond, Not):
        inner = compile_condition(cond.condition, scenario)
        return lambda s, a: not inner(s, a)
    assert_never(cond)


def _alternatives(alternatives: Sequence[Condition], scenario: Scenario) -> list[Predicate]:
    """Predicates for the alternatives of an ``any``: every "holds any of", every "ever held
    any of" and every "registered for" merged into one set test each, first (the same
    truth value as testing them one by one, with one call instead of many)."""
    now: list[PositionId] = []
    ever: list[PositionId] = []
    registered: list[str] = []
    rest: list[Condition] = []
    for cond in alternatives:
        if isinstance(cond, HoldsPosition):
            (ever if cond.ever else now).extend(cond.positions)
        elif isinstance(cond, Registered) and cond.present:
            registered.append(cond.contest)
        else:
            rest.append(cond)
    merged: list[Condition] = []
    if now:
        merged.append(HoldsPosition(tuple(now)))
    if ever:
        merged.append(HoldsPosition(tuple(ever), ever=True))
    found = [compile_condition(c, scenario) for c in merged]
    if registered:
        contests = frozenset(registered)
        found.append(lambda s, a: not contests.isdisjoint(a.registrations))
    return found + [compile_condition(c, scenario) for c in rest]


def _compile_tenure(cond: Tenure) -> Predicate:
    # tenure is time in a seat held now: a past seat is experience (``holds`` with ``ever``)
    turns, pos = cond.turns, cond.position
    if pos is None:
        return lambda s, a: any(s.turn - h.since >= turns for h in a.positions.values())

    def held_long_enough(s: GameState, a: Actor) -> bool:
        holding = a.positions.get(pos)
        return holding is not None and s.turn - holding.since >= turns

    return held_long_enough


def _compile_party_seats(cond: PartySeats) -> Predicate:
    position, min_share, largest = cond.position, cond.min_share, cond.largest

    def holds(s: GameState, a: Actor) -> bool:
        chamber = s.party_seats.get(position)
        if a.party is None or not chamber:
            return False
        mine = chamber.get(a.party, 0)
        if mine < min_share * sum(chamber.values()) or mine == 0:
            return False
        return not largest or all(n < mine for p, n in chamber.items() if p != a.party)

    return holds


def _compile_government(cond: InGovernment) -> Predicate:
    chamber, member, leads = cond.chamber, cond.member, cond.leads

    def governs(s: GameState, a: Actor) -> bool:
        parties = s.coalitions.get(chamber)
        inside = parties is not None and a.party is not None and a.party in parties
        if inside and leads and parties is not None:
            inside = parties[0] == a.party
        return inside == member

    return governs


def _compile_party_member(cond: PartyMember) -> Predicate:
    if not cond.member:
        return lambda s, a: a.party is None
    party, min_turns = cond.party, cond.min_turns
    return lambda s, a: (
        a.party is not None
        and (party is None or a.party == party)
        and s.turn - a.party_since >= min_turns
    )


def compile_all(conds: Sequence[Condition], scenario: Scenario) -> Predicate:
    """A predicate true when every condition holds (true for none)."""
    parts = [compile_condition(c, scenario) for c in conds]
    if not parts:
        return _always
    if len(parts) == 1:
        return parts[0]
    return _all_of(parts)


# Plain loops: noticeably faster than all()/any() over generators in this hot path.
def _all_of(parts: list[Predicate]) -> Predicate:
    def holds(s: GameState, a: Actor) -> bool:
        for part in parts:  # noqa: SIM110
            if not part(s, a):
                return False
        return True

    return holds


def _any_of(parts: list[Predicate]) -> Predicate:
    if len(parts) == 1:
        return parts[0]

    def holds(s: GameState, a: Actor) -> bool:
        for part in parts:  # noqa: SIM110
            if part(s, a):
                return True
        return False

    return holds
