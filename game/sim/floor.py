"""The floor for ``saluran bench``: a bare Python loop of the same shape as the careers.

The shape of a career is how much its loop handles: decisions, the moves the engine
considers for each (every move of the scenario), the legal commands listed and valued for
each, and the events emitted.  The bare loop handles the same amounts with trivial work: a
set test per move considered, a list entry and a multiply-compare per legal command, one
small object per event.  No rules, no valuation, no dice: what is left is the cost of a
Python loop of that shape, which no engine written in Python undercuts by much.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from game.ai import DEFAULT_DIFFICULTY, Policy, seat_policies, step
from game.core import Rulebook, legal_moves, new_game, to_move


@dataclass(frozen=True, slots=True)
class Shape:
    """What one career's loop handles, on average over the careers measured."""

    decisions: float
    moves: int  # considered per decision: every move of the scenario
    legal: float  # legal commands per decision
    events: float  # per career

    def with_decisions(self, decisions: float) -> Shape:
        """The same shape for careers of ``decisions`` decisions (events in proportion)."""
        per_decision = self.events / max(self.decisions, 1e-9)
        return Shape(decisions, self.moves, self.legal, per_decision * decisions)


def career_shape(book: Rulebook, policy: str, seed: int, careers: int,
                 rivals: str | None = None, difficulty: str = DEFAULT_DIFFICULTY,
                 seats: Callable[[], Mapping[str, Policy]] | None = None) -> Shape:
    """The shape of ``careers`` careers from ``seed`` on (played again, untimed); ``seats``
    gives each career fresh policies (default: ``seat_policies`` once for all of them)."""
    if seats is None:
        shared = seat_policies(book, policy, rivals, difficulty)

        def seats() -> Mapping[str, Policy]:
            return shared
    decisions = listed = events = 0
    for offset in range(careers):
        policies = seats()
        state, setup = new_game(book, seed + offset)
        events += len(setup)
        while (actor := to_move(state)) is not None:
            listed += len(legal_moves(state, actor))
            events += len(step(state, policies))
            decisions += 1
    return Shape(decisions / careers, len(book.scenario.moves), listed / max(decisions, 1),
                 events / careers)


@dataclass(slots=True)
class _Fact:
    """A trivial event, shaped and built like the engine's commonest (a resource change)."""

    actor: str
    resource: str
    delta: float
    reason: str
    kind: str = "fact"


def _spread(total: float, count: int) -> list[int]:
    """``total`` things spread evenly over ``count`` steps, in whole numbers."""
    return [int((i + 1) * total / count) - int(i * total / count) for i in range(count)]


#: Per decision: (legal commands, events); built before the loop is timed.
Schedule = list[tuple[int, int]]


def schedule(shape: Shape) -> Schedule:
    """The per-decision amounts of ``shape``, in whole numbers."""
    decisions = max(round(shape.decisions), 1)
    return list(zip(_spread(shape.legal * decisions, decisions),
                    _spread(shape.events, decisions), strict=True))


def bare_career(moves: tuple[str, ...], plan: Schedule) -> list[_Fact]:
    """One career's loop with trivial work at every step; returns its events."""
    open_moves = frozenset(moves[::2])
    out: list[_Fact] = []
    funds = 0.0
    for wanted, events in plan:
        listed: list[str] = []
        for move in moves:  # the engine considers every move
            if move in open_moves and len(listed) < wanted:
                listed.append(move)
        while len(listed) < wanted:
            listed.append(moves[0])
        best, best_value = "", float("-inf")
        for index, command in enumerate(listed):  # the policy values every legal command
            value = index * 0.5
            if value > best_value:
                best, best_value = command, value
        funds += 1.0  # the state changes once
        for _ in range(events):
            out.append(_Fact(best, "funds", funds, "bare"))
    return out
