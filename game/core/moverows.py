"""What ``legal_moves`` reads per move, arranged so most moves are ruled out without a call.

A move's requirements are a conjunction.  Its conjuncts that read nothing but the turn are
checked once per turn for every actor; one "holds one of these positions" conjunct becomes a
set test on the positions held; only the rest is compiled into the predicate called per
actor and decision.  Which moves pass the first two depends on the turn's open moves and the
positions held alone, so the candidate rows are cached under exactly that key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.core.conditions import Predicate, compile_all
from game.core.rules import (
    AgeRange,
    AllOf,
    Condition,
    ContestSoon,
    HoldsPosition,
    TurnRange,
)

if TYPE_CHECKING:
    from game.core.effects import Guard
    from game.core.scenario import MoveDef, Scenario
    from game.core.state import Actor, GameState

TURN_ONLY = (ContestSoon, TurnRange, AgeRange)  # conditions that read nothing but the turn
#: (move id, agenda, funds, target kind, remaining requirements or None, effect guard or None)
CandidateRow = tuple[str, int, float, str, Predicate | None, "Guard | None"]
CACHE_LIMIT = 4096  # candidate lists kept per rulebook; far more than one scenario needs


def conjuncts(conditions: Sequence[Condition]) -> list[Condition]:
    """``conditions`` with nested ``all`` groups flattened, in order (all must hold)."""
    flat: list[Condition] = []
    for cond in conditions:
        if isinstance(cond, AllOf):
            flat.extend(conjuncts(cond.conditions))
        else:
            flat.append(cond)
    return flat


def required_positions(conditions: Sequence[Condition]) -> frozenset[str]:
    """Positions of which one must be held now for ``conditions`` to hold (empty: no such
    top-level requirement).  Lets ``legal_moves`` skip most moves with one set test."""
    gate = _gate_index(conjuncts(conditions))
    if gate is None:
        return frozenset()
    found = conjuncts(conditions)[gate]
    assert isinstance(found, HoldsPosition)
    return frozenset(found.positions)


def _gate_index(flat: list[Condition]) -> int | None:
    for index, cond in enumerate(flat):
        if isinstance(cond, HoldsPosition) and not cond.ever and cond.positions:
            return index
    return None


class MoveTable:
    """Per move: a turn gate, a position gate and the rest of its requirements, compiled."""

    __slots__ = ("_candidates", "_interned", "_open_by_turn", "gates", "rows", "turn_gates")

    def __init__(self) -> None:
        self.turn_gates: dict[str, Predicate] = {}
        self.gates: dict[str, frozenset[str]] = {}
        self.rows: tuple[tuple[CandidateRow, frozenset[str]], ...] = ()
        self._open_by_turn: dict[int, frozenset[str]] = {}
        self._interned: dict[frozenset[str], frozenset[str]] = {}
        self._candidates: dict[tuple[frozenset[str], tuple[str, ...]],
                               tuple[CandidateRow, ...]] = {}

    @classmethod
    def build(cls, scenario: Scenario, guards: dict[str, Guard | None]) -> MoveTable:
        """The table of ``scenario``'s moves; ``guards``: each move's compiled effect guard."""
        table = cls()
        rows = []
        for mdef in scenario.moves:
            row, gate = table._split(mdef, scenario, guards[mdef.id])
            rows.append((row, gate))
            table.gates[mdef.id] = gate
        table.rows = tuple(rows)
        return table

    def _split(
        self, mdef: MoveDef, scenario: Scenario, guards: Guard | None
    ) -> tuple[CandidateRow, frozenset[str]]:
        flat = conjuncts(mdef.requires)
        gate_at = _gate_index(flat)
        gate: frozenset[str] = frozenset()
        if gate_at is not None:
            held = flat.pop(gate_at)
            assert isinstance(held, HoldsPosition)
            gate = frozenset(held.positions)
        self.turn_gates[mdef.id] = compile_all([c for c in flat if isinstance(c, TURN_ONLY)],
                                               scenario)
        rest = [c for c in flat if not isinstance(c, TURN_ONLY)]
        requires = compile_all(rest, scenario) if rest else None
        return (mdef.id, mdef.agenda, mdef.funds, mdef.target, requires, guards), gate

    def open_at(self, state: GameState) -> frozenset[str]:
        """Moves whose turn-only requirements hold this turn (cached: pure in the turn)."""
        found = self._open_by_turn.get(state.turn)
        if found is None:
            actor = state.actors[state.order[0]]  # turn-only predicates ignore the actor
            fresh = frozenset(m for m, gate in self.turn_gates.items() if gate(state, actor))
            # equal sets share one object, so the candidate cache compares them by identity
            found = self._interned.setdefault(fresh, fresh)
            self._open_by_turn[state.turn] = found
        return found

    def candidates(self, state: GameState, actor: Actor) -> tuple[CandidateRow, ...]:
        """Rows of the moves open this turn whose position gate the actor passes, in
        scenario order (pure in the open moves and the positions held, hence cached)."""
        open_now = self.open_at(state)
        key = (open_now, tuple(actor.positions))
        found = self._candidates.get(key)
        if found is None:
            held = actor.positions
            found = tuple(row for row, gate in self.rows
                          if row[0] in open_now and (not gate or not gate.isdisjoint(held)))
            if len(self._candidates) >= CACHE_LIMIT:
                self._candidates.clear()
            self._candidates[key] = found
        return found
