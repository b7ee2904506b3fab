"""How much an actor with given preferences values positions, statuses and effects.

Values are in "resource points" under the persona's weights.  Position values look one step
up the ladder (a seat is worth part of the best seat it opens), which lets a one-step
greedy policy climb multi-step careers without search.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.core.rulebook import Rulebook
from game.core.rules import (
    AddStatus,
    AllOf,
    AnyOf,
    ChangePartyPopularity,
    ChangeResource,
    Condition,
    Effect,
    EnterContest,
    GainPosition,
    HoldsPosition,
    JoinParty,
    LeaveParty,
    LosePosition,
    Nominate,
    RemoveStatus,
    Retire,
    Tenure,
)
from game.core.scenario import PersonaDef
from game.core.views import View

HORIZON = 8  # turns of a seat's income and influence counted in its value
PRESTIGE_WEIGHT = 1.0
LADDER_SHARE = 0.6  # share of the best next seat credited to the seat that opens it
VICTORY_BONUS = 400.0
JOIN_PARTY_VALUE = 12.0
RUIN_VALUE = -1000.0


def _opened_by(conditions: Sequence[Condition]) -> set[str]:
    """Positions named as prerequisites in ``conditions`` (any nesting)."""
    found: set[str] = set()
    for cond in conditions:
        if isinstance(cond, HoldsPosition):
            found.update(cond.positions)
        elif isinstance(cond, Tenure) and cond.position is not None:
            found.add(cond.position)
        elif isinstance(cond, AllOf | AnyOf):
            found |= _opened_by(cond.conditions)
    return found


class Valuer:
    """Static and dynamic values for one persona in one scenario."""

    def __init__(self, book: Rulebook, persona: PersonaDef) -> None:
        self.book = book
        self.persona = persona
        self.weights = {rid: persona.resource_weights.get(rid, 0.0) for rid in book.resources}
        self.positions = self._position_values()
        self.statuses = {sid: self._status_value(sid) for sid in book.statuses}

    def _own_position_value(self, pid: str) -> float:
        pdef = self.book.positions[pid]
        w = self.weights
        value = HORIZON * (w.get("influence", 0.0) * pdef.influence
                           + w.get("funds", 0.0) * pdef.salary)
        value += HORIZON * sum(w.get(e.resource, 0.0) * e.delta for e in pdef.per_turn)
        value += PRESTIGE_WEIGHT * pdef.prestige
        if pid in self.book.victory_positions:
            value += VICTORY_BONUS
        return value * self.persona.position_weight

    def _position_values(self) -> dict[str, float]:
        own = {pid: self._own_position_value(pid) for pid in self.book.positions}
        opens: dict[str, set[str]] = {pid: set() for pid in self.book.positions}
        for pdef in self.book.scenario.positions:
            for prereq in _opened_by(pdef.requires):
                opens.setdefault(prereq, set()).add(pdef.id)
        for contest in self.book.scenario.contests:
            for prereq in _opened_by(contest.requires):
                opens.setdefault(prereq, set()).add(contest.position)
        values = dict(own)
        for _ in range(6):  # ladders are short; a few passes settle the values
            values = {
                pid: own[pid] + LADDER_SHARE * max(
                    (values[q] for q in opens.get(pid, ()) if q != pid), default=0.0)
                for pid in own
            }
        return values

    def _status_value(self, sid: str) -> float:
        sdef = self.book.statuses[sid]
        if sdef.ruin:
            return RUIN_VALUE
        per_turn = sum(self.weights.get(e.resource, 0.0) * e.delta for e in sdef.per_turn)
        return per_turn * 4 - 2.0 * sdef.contest_penalty - 60.0 * sdef.check_penalty

    def effects(self, view: View, effects: Sequence[Effect], target: str | None) -> float:
        """Expected value of applying ``effects`` now."""
        total = 0.0
        me = view.me
        for eff in effects:
            if isinstance(eff, ChangeResource):
                total += self.weights[eff.resource] * self._clamped(me.resources, eff)
            elif isinstance(eff, AddStatus):
                total += 0.0 if eff.status in me.statuses else self.statuses[eff.status]
            elif isinstance(eff, RemoveStatus):
                total -= self.statuses[eff.status] if eff.status in me.statuses else 0.0
            elif isinstance(eff, EnterContest | Nominate):
                total += self._contest_value(view, eff.contest)
            elif isinstance(eff, GainPosition):
                total += self.positions[eff.position] - sum(
                    self.positions[p] for p in self.book.positions[eff.position].replaces
                    if p in me.positions)
            elif isinstance(eff, LosePosition):
                total -= self.positions.get(eff.position or target or "", 0.0)
            elif isinstance(eff, JoinParty):
                party = eff.party or target or ""
                total += JOIN_PARTY_VALUE + view.popularity(party) / 5.0
            elif isinstance(eff, LeaveParty):
                total -= JOIN_PARTY_VALUE + self.weights.get("standing", 0.0) * me.resources.get(
                    "standing", 0.0)
            elif isinstance(eff, ChangePartyPopularity):
                total += 0.3 * eff.delta if not eff.every_party else 0.0
            elif isinstance(eff, Retire):
                total += RUIN_VALUE
        return total

    def _clamped(self, resources: dict[str, float], eff: ChangeResource) -> float:
        rdef = self.book.resources[eff.resource]
        now = resources[eff.resource]
        new = now + eff.delta
        if rdef.maximum is not None and new > rdef.maximum:
            new = rdef.maximum
        elif new < rdef.minimum:
            new = rdef.minimum
        return new - now

    def _contest_value(self, view: View, contest_id: str) -> float:
        contest = self.book.contests[contest_id]
        chance = view.forecast(contest_id).chance
        value = self.positions[contest.position]
        if contest.kind == "nomination":
            value *= 0.5  # a nomination is only a ticket to the election
        return chance * value
