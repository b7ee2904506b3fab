"""What ``legal_moves`` reads per move, arranged so most moves are ruled out without a call.

A move's requirements are a conjunction.  Its conjuncts fall in three groups by what they
read: the turn alone (an election ahead, an age), the actor's standing alone (positions held
now and ever, party membership: it changes a few times a career), and the rest.  The first
two groups are decided once per turn and once per standing, for every move at once, as bit
masks; the moves passing both (the candidates) are cached by their mask.  Only the rest is
compiled into the predicate ``legal_moves`` calls per actor and decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from game.core.conditions import Predicate, compile_all
from game.core.rules import Condition
from game.core.standing import Reads, conjuncts, reads

if TYPE_CHECKING:
    from game.core.effects import Guard
    from game.core.scenario import MoveDef, Scenario
    from game.core.state import Actor, GameState

#: (move id, agenda, funds, target kind, remaining requirements or None, effect guard or None)
CandidateRow = tuple[str, int, float, str, Predicate | None, "Guard | None"]
#: What decides a standing-only condition: positions held, positions ever held, party.
Standing = tuple[tuple[str, ...], tuple[str, ...], str | None]
CACHE_LIMIT = 4096  # entries kept per cache; far more than one scenario needs
K = TypeVar("K")
V = TypeVar("V")


def _cached(cache: dict[K, V], key: K, value: V) -> None:
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    cache[key] = value


class MoveTable:
    """Every move's row and its turn-only and standing-only requirements, with caches."""

    __slots__ = ("_by_mask", "_open", "_standing", "plain_first", "rows", "standing_gates",
                 "turn_gates")

    def __init__(self) -> None:
        self.rows: tuple[CandidateRow, ...] = ()
        # row indexes, moves without funds, requirements or guards first: the quickest way
        # to find out whether any move is legal at all
        self.plain_first: tuple[int, ...] = ()
        self.turn_gates: tuple[Predicate | None, ...] = ()
        self.standing_gates: tuple[Predicate | None, ...] = ()
        self._open: dict[int, int] = {}  # turn -> mask of moves whose turn gate holds
        self._standing: dict[Standing, int] = {}  # standing -> mask of moves it allows
        self._by_mask: dict[int, tuple[CandidateRow, ...]] = {}

    @classmethod
    def build(
        cls, scenario: Scenario, guards: dict[str, Guard | None],
        effect_gates: dict[str, Predicate | None],
    ) -> MoveTable:
        """The table of ``scenario``'s moves.  ``guards``: each move's compiled effect guard;
        ``effect_gates``: a standing-only test its effects need (see ``EffectGates``)."""
        table = cls()
        rows, turn_gates, standing_gates = [], [], []
        for mdef in scenario.moves:
            groups: dict[Reads, list[Condition]] = {"turn": [], "standing": [], "state": []}
            for cond in conjuncts(mdef.requires):
                groups[reads(cond)].append(cond)
            turn_gates.append(_compiled(groups["turn"], scenario))
            standing_gates.append(_both(_compiled(groups["standing"], scenario),
                                        effect_gates[mdef.id]))
            rows.append(_row(mdef, _compiled(groups["state"], scenario), guards[mdef.id]))
        table.rows, table.turn_gates = tuple(rows), tuple(turn_gates)
        table.plain_first = tuple(sorted(range(len(rows)), key=lambda i: (
            bool(rows[i][2]) or rows[i][4] is not None or rows[i][5] is not None)))
        table.standing_gates = tuple(standing_gates)
        return table

    def open_at(self, state: GameState) -> frozenset[str]:
        """Moves whose turn-only requirements hold this turn."""
        mask = self._open_mask(state)
        return frozenset(row[0] for i, row in enumerate(self.rows) if mask >> i & 1)

    def _open_mask(self, state: GameState) -> int:
        mask = self._open.get(state.turn)
        if mask is None:
            actor = state.actors[state.order[0]]  # turn-only predicates ignore the actor
            mask = _mask(self.turn_gates, state, actor)
            _cached(self._open, state.turn, mask)
        return mask

    def candidate_mask(self, state: GameState, actor: Actor) -> int:
        """Bit ``i`` set: the turn-only and standing-only requirements of ``rows[i]`` hold."""
        mask = self._open.get(state.turn)
        if mask is None:
            mask = self._open_mask(state)
        key: Standing = (tuple(actor.positions), tuple(actor.first_held), actor.party)
        allowed = self._standing.get(key)
        if allowed is None:
            allowed = _mask(self.standing_gates, state, actor)
            _cached(self._standing, key, allowed)
        return mask & allowed

    def candidates(self, state: GameState, actor: Actor) -> tuple[CandidateRow, ...]:
        """Rows of the moves whose turn-only and standing-only requirements hold now, in
        scenario order."""
        mask = self.candidate_mask(state, actor)
        found = self._by_mask.get(mask)
        if found is None:
            found = tuple(row for i, row in enumerate(self.rows) if mask >> i & 1)
            _cached(self._by_mask, mask, found)
        return found


def _compiled(conditions: list[Condition], scenario: Scenario) -> Predicate | None:
    return compile_all(conditions, scenario) if conditions else None


def _both(first: Predicate | None, second: Predicate | None) -> Predicate | None:
    if first is None or second is None:
        return first or second
    return lambda s, a: first(s, a) and second(s, a)


def _mask(gates: Sequence[Predicate | None], state: GameState, actor: Actor) -> int:
    mask = 0
    for index, gate in enumerate(gates):
        if gate is None or gate(state, actor):
            mask |= 1 << index
    return mask


def _row(mdef: MoveDef, requires: Predicate | None, guard: Guard | None) -> CandidateRow:
    return mdef.id, mdef.agenda, mdef.funds, mdef.target, requires, guard
