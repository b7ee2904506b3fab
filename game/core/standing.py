"""What rule conditions read, and the standing-only part of what a move's effects need.

An actor's *standing* here is the positions it holds, the positions it ever held and its
party: they change a few times a career, so tests that read nothing else can be decided
once per standing and cached (``game.core.moverows``).  This module finds such tests: in
requirements, and in the checks a move's contest entries and seat gains must pass.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from game.core.ballots import CHAMBER_KINDS, ELECTION_KINDS
from game.core.conditions import Predicate, compile_all
from game.core.rules import (
    AgeRange,
    AllOf,
    AnyOf,
    Condition,
    ContestSoon,
    Effect,
    EnterContest,
    GainPosition,
    HoldsPosition,
    JoinParty,
    Not,
    PartyMember,
    TurnRange,
)

if TYPE_CHECKING:
    from game.core.scenario import ContestDef, PositionDef, Scenario
    from game.core.state import Actor, GameState

Reads = Literal["turn", "standing", "state"]


def conjuncts(conditions: Sequence[Condition]) -> list[Condition]:
    """``conditions`` with nested ``all`` groups flattened, in order (all must hold)."""
    flat: list[Condition] = []
    for cond in conditions:
        if isinstance(cond, AllOf):
            flat.extend(conjuncts(cond.conditions))
        else:
            flat.append(cond)
    return flat


def reads(cond: Condition) -> Reads:
    """What a condition's truth depends on: the turn only, the actor's standing only, or
    anything in the state."""
    if isinstance(cond, TurnRange | ContestSoon | AgeRange):
        return "turn"
    if isinstance(cond, HoldsPosition):
        return "standing"
    if isinstance(cond, PartyMember):
        # joining sets party_since to the turn, so ``min_turns`` 0 holds from joining on
        return "standing" if not cond.member or cond.min_turns <= 0 else "state"
    if isinstance(cond, Not):
        return reads(cond.condition)
    if isinstance(cond, AllOf | AnyOf):
        found = {reads(c) for c in cond.conditions}
        return found.pop() if len(found) == 1 else "state"
    return "state"


def standing_part(conditions: Sequence[Condition], scenario: Scenario) -> Predicate | None:
    """The standing-only conjuncts of ``conditions``, compiled (None when there are none)."""
    found = [c for c in conjuncts(conditions) if reads(c) == "standing"]
    return compile_all(found, scenario) if found else None


class EffectGates:
    """Standing-only tests every feasible contest entry or seat gain passes.

    They mirror ``contests.entry_rejection`` and ``positions.can_take``: each test is a
    necessary condition of those checks, so a move whose test fails cannot be made.
    """

    def __init__(self, scenario: Scenario, blocked_by: Mapping[str, frozenset[str]]) -> None:
        self.scenario = scenario
        self.blocked_by = blocked_by
        self.positions = {p.id: p for p in scenario.positions}
        self.contests = {c.id: c for c in scenario.contests}

    def for_effects(self, effects: Sequence[Effect]) -> Predicate | None:
        """A standing-only test the effects of one move need (None: nothing to test).

        Joining a party changes the party the later effects are checked under, so moves
        that join one are left to their full check.
        """
        tests: list[Predicate] = []
        for effect in effects:
            if isinstance(effect, JoinParty):
                return None
            if isinstance(effect, EnterContest):
                contest = self.contests.get(effect.contest)
                if contest is None or contest.position not in self.positions:
                    return None  # a dangling reference: left to the full check to refuse
                tests.append(self._entry(contest))
            elif isinstance(effect, GainPosition):
                if effect.position not in self.positions:
                    return None
                tests.append(self._seat(self.positions[effect.position]))
        if not tests:
            return None
        return tests[0] if len(tests) == 1 else lambda s, a: all(t(s, a) for t in tests)

    def _seat(self, pdef: PositionDef) -> Predicate:
        """``positions.eligibility``'s standing-only part."""
        pid, per_party, neutral = pdef.id, pdef.per_party, pdef.neutral
        blocked = self.blocked_by[pid]
        requires = standing_part(pdef.requires, self.scenario)

        def eligible(s: GameState, a: Actor) -> bool:
            held = a.positions
            return (pid not in held and (not per_party or a.party is not None)
                    and (not neutral or a.party is None) and blocked.isdisjoint(held)
                    and (requires is None or requires(s, a)))

        return eligible

    def _entry(self, contest: ContestDef) -> Predicate:
        """``contests.entry_rejection``'s standing-only part."""
        needs_party = contest.per_party or contest.kind == "nomination"
        requires = standing_part(contest.requires, self.scenario)
        pid = contest.position
        confidence = contest.kind == "confidence"
        running = contest.kind in ELECTION_KINDS | CHAMBER_KINDS
        seat = self._seat(self.positions[pid])

        def may_stand(s: GameState, a: Actor) -> bool:
            if needs_party and a.party is None:
                return False
            if requires is not None and not requires(s, a):
                return False
            if confidence:  # only the holder faces a confidence vote
                return pid in a.positions
            # a holder standing again is checked against term limits only
            return (running and pid in a.positions) or seat(s, a)

        return may_stand
