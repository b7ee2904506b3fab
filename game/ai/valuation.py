"""How much an actor with given preferences values positions, statuses and effects.

Values are in "resource points" under the persona's weights.  Position values look one step
up the ladder (a seat is worth part of the best seat it opens), which lets a one-step
greedy policy climb multi-step careers without search.  Effect lists are compiled once into
small operation tuples, because valuing moves is most of an AI's time.
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
from game.core.state import Actor
from game.core.views import View

HORIZON = 8  # turns of a seat's income and influence counted in its value
PRESTIGE_WEIGHT = 1.0
LADDER_SHARE = 0.6  # share of the best next seat credited to the seat that opens it
VICTORY_BONUS = 400.0
JOIN_PARTY_VALUE = 12.0
RUIN_VALUE = -1000.0
NOMINATION_SHARE = 0.5  # a nomination is only a ticket to the election

# operation codes of compiled effects
RESOURCE, ADD_STATUS, REMOVE_STATUS, CONTEST, GAIN, LOSE, JOIN, LEAVE, CONSTANT = range(9)
Op = tuple[int, str, float, float, float, float]


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
        self._replaces = {pid: pdef.replaces for pid, pdef in book.positions.items()}
        self._compiled: dict[int, tuple[Op, ...]] = {}
        self._keep: list[Sequence[Effect]] = []  # keeps compiled sequences alive (stable ids)

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

    def _compile(self, effects: Sequence[Effect]) -> tuple[Op, ...]:
        ops: list[Op] = []
        for eff in effects:
            if isinstance(eff, ChangeResource):
                rdef = self.book.resources[eff.resource]
                top = rdef.maximum if rdef.maximum is not None else float("inf")
                ops.append((RESOURCE, eff.resource, eff.delta, self.weights[eff.resource],
                            rdef.minimum, top))
            elif isinstance(eff, AddStatus):
                ops.append((ADD_STATUS, eff.status, self.statuses[eff.status], 0, 0, 0))
            elif isinstance(eff, RemoveStatus):
                ops.append((REMOVE_STATUS, eff.status, self.statuses[eff.status], 0, 0, 0))
            elif isinstance(eff, EnterContest | Nominate):
                ops.append((CONTEST, eff.contest, 0, 0, 0, 0))
            elif isinstance(eff, GainPosition):
                ops.append((GAIN, eff.position, self.positions[eff.position], 0, 0, 0))
            elif isinstance(eff, LosePosition):
                ops.append((LOSE, eff.position or "", 0, 0, 0, 0))
            elif isinstance(eff, JoinParty):
                ops.append((JOIN, eff.party or "", 0, 0, 0, 0))
            elif isinstance(eff, LeaveParty):
                ops.append((LEAVE, "", 0, 0, 0, 0))
            elif isinstance(eff, ChangePartyPopularity):
                ops.append((CONSTANT, "", 0.0 if eff.every_party else 0.3 * eff.delta, 0, 0, 0))
            elif isinstance(eff, Retire):
                ops.append((CONSTANT, "", RUIN_VALUE, 0, 0, 0))
        return tuple(ops)

    def ceiling(self, effects: Sequence[Effect]) -> float:
        """An upper bound of ``effects(view, effects, ...)`` over every possible state.

        Clamping only shrinks a change, a forecast chance is at most 1 (a contest is worth
        at most its own seat) and every loss term is at most 0, so the bound holds whatever
        the actor's situation.
        """
        total = 0.0
        for code, key, amount, weight, _low, _high in self._compile(effects):
            if code == RESOURCE:
                total += max(0.0, weight * amount)
            elif code == ADD_STATUS:
                total += max(0.0, amount)
            elif code == REMOVE_STATUS:
                total += max(0.0, -amount)
            elif code == CONTEST:
                total += self._contest_ceiling(key)
            elif code == GAIN:
                total += max(0.0, amount)
            elif code == JOIN:
                total += JOIN_PARTY_VALUE + 100.0 / 5.0
            elif code == CONSTANT:
                total += max(0.0, amount)
        return total

    def compiled(self, effects: Sequence[Effect]) -> tuple[Op, ...]:
        """``effects`` as operations for ``value_of`` (compiled once per sequence)."""
        ops = self._compiled.get(id(effects))
        if ops is None:
            ops = self._compiled[id(effects)] = self._compile(effects)
            self._keep.append(effects)
        return ops

    def effects(self, view: View, effects: Sequence[Effect], target: str | None) -> float:
        """Expected value of applying ``effects`` now."""
        if not effects:
            return 0.0
        return self.value_of(view, view.me, self.compiled(effects), target)

    def value_of(self, view: View, me: Actor, ops: tuple[Op, ...], target: str | None,
                 share: float = 1.0) -> float:
        """``effects`` on compiled operations; ``me`` is ``view.me``; resource gains count
        at ``share`` (a repeated move's diminishing returns)."""
        resources = me.resources
        total = 0.0
        for code, key, amount, weight, low, high in ops:
            if code == RESOURCE:
                if share != 1.0 and amount > 0:
                    amount *= share
                now = resources[key]
                new = now + amount
                new = high if new > high else low if new < low else new
                total += weight * (new - now)
            elif code == ADD_STATUS:
                total += 0.0 if key in me.statuses else amount
            elif code == REMOVE_STATUS:
                total -= amount if key in me.statuses else 0.0
            elif code == CONTEST:
                total += self._contest_value(view, key)
            elif code == GAIN:
                replaced = self._replaces[key]
                total += amount - self._replaced_value(me, replaced) if replaced else amount
            else:
                total += self._rare(view, me, code, key or target or "", amount)
        return total

    def _replaced_value(self, me: Actor, replaced: tuple[str, ...]) -> float:
        return sum(self.positions[p] for p in replaced if p in me.positions)

    def _rare(self, view: View, me: Actor, code: int, key: str, amount: float) -> float:
        if code == LOSE:
            return -self.positions.get(key, 0.0)
        if code == JOIN:
            return JOIN_PARTY_VALUE + view.popularity(key) / 5.0
        if code == LEAVE:
            return -JOIN_PARTY_VALUE - self.weights.get("standing", 0.0) * me.resources.get(
                "standing", 0.0)
        return amount

    def _contest_ceiling(self, contest_id: str) -> float:
        """The most ``_contest_value`` can be: the contest won for sure (a tighter bound
        than the best seat lets the best-first search skip more polls)."""
        contest = self.book.contests[contest_id]
        value = max(0.0, self.positions[contest.position])
        return value * NOMINATION_SHARE if contest.kind == "nomination" else value

    def _contest_value(self, view: View, contest_id: str) -> float:
        contest = self.book.contests[contest_id]
        value = view.win_chance(contest_id) * self.positions[contest.position]
        return value * NOMINATION_SHARE if contest.kind == "nomination" else value
