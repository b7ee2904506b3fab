"""A scenario compiled for play: lookups by id and predicates built once."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.core.conditions import Predicate, compile_all
from game.core.moves import EndTurn, MakeMove
from game.core.rules import (
    AddStatus,
    AllOf,
    ChangePartyPopularity,
    ChangeResource,
    Condition,
    ContestSoon,
    Effect,
    HoldsPosition,
    RemoveStatus,
    TurnRange,
)
from game.core.scenario import (
    ChannelDef,
    ContestDef,
    EventDef,
    MoveDef,
    PositionDef,
    ResourceDef,
    Scenario,
    StatusDef,
)
from game.core.state import GameState

#: Factor sources that are not resources; contests and checks may weigh them.
SPECIAL_SOURCES = ("party_popularity", "incumbency", "party_tenure", "nominated")
PARTY_TENURE_FULL = 20  # turns in the party at which ``party_tenure`` reaches 1
ALWAYS_POSSIBLE = (ChangeResource, AddStatus, RemoveStatus, ChangePartyPopularity)
TURN_ONLY = (ContestSoon, TurnRange)  # conditions that read nothing but the turn number
MoveRow = tuple[str, int, float, str, frozenset[str], Predicate, tuple[Effect, ...]]


@dataclass(slots=True)
class Rulebook:
    """Everything the engine looks up while playing; never mutated after ``compile``."""

    scenario: Scenario
    resources: dict[str, ResourceDef] = field(default_factory=dict)
    positions: dict[str, PositionDef] = field(default_factory=dict)
    contests: dict[str, ContestDef] = field(default_factory=dict)
    moves: dict[str, MoveDef] = field(default_factory=dict)
    events: dict[str, EventDef] = field(default_factory=dict)
    statuses: dict[str, StatusDef] = field(default_factory=dict)
    channels: dict[str, ChannelDef] = field(default_factory=dict)
    move_requires: dict[str, Predicate] = field(default_factory=dict)
    position_requires: dict[str, Predicate] = field(default_factory=dict)
    contest_requires: dict[str, Predicate] = field(default_factory=dict)
    # regional lists: per contest, who stands on each region's lists (in region order)
    region_requires: dict[str, tuple[Predicate, ...]] = field(default_factory=dict)
    # polls: pure functions of their inputs, remembered (``polls`` keys and bounds it)
    poll_cache: dict[object, object] = field(default_factory=dict)
    event_conditions: dict[str, Predicate] = field(default_factory=dict)
    # effects of a move (and its success) that can be impossible: checked before it is made
    move_guards: dict[str, tuple[Effect, ...]] = field(default_factory=dict)
    # a cheap pre-filter of each move's requirements: positions of which one must be held
    move_gates: dict[str, frozenset[str]] = field(default_factory=dict)
    # parts of each move's requirements that depend on the turn alone (elections ahead)
    move_turn_gates: dict[str, Predicate] = field(default_factory=dict)
    _open_by_turn: dict[int, frozenset[str]] = field(default_factory=dict)
    free_moves: bool = False  # some move costs no agenda
    # per move, what legal_moves reads: (id, agenda, funds, target, gate, requires, guards)
    move_rows: tuple[MoveRow, ...] = ()
    # interned commands: they are immutable values, and building frozen dataclasses is slow
    commands: dict[tuple[str, str, str | None], MakeMove] = field(default_factory=dict)
    end_turns: dict[str, EndTurn] = field(default_factory=dict)
    # channel entered on gaining a position / standing in a contest kind
    entry_by_position: dict[str, list[str]] = field(default_factory=dict)
    entry_by_contest_kind: dict[str, list[str]] = field(default_factory=dict)
    exclusions: dict[str, frozenset[str]] = field(default_factory=dict)  # symmetric
    victory_positions: frozenset[str] = frozenset()
    actor_events: tuple[EventDef, ...] = ()
    world_events: tuple[EventDef, ...] = ()

    def moves_open_at(self, state: GameState) -> frozenset[str]:
        """Moves whose turn-only requirements hold this turn (cached: pure in the turn)."""
        found = self._open_by_turn.get(state.turn)
        if found is None:
            actor = state.actors[state.order[0]]  # turn-only predicates ignore the actor
            found = frozenset(m for m, gate in self.move_turn_gates.items() if gate(state, actor))
            self._open_by_turn[state.turn] = found
        return found

    def normalise(self, resource: str, value: float) -> float:
        """Map a resource value to roughly 0..1 for contests and checks."""
        rdef = self.resources[resource]
        if rdef.log_scale > 0:
            return math.log1p(max(value, 0.0)) / math.log1p(rdef.log_scale)
        if rdef.maximum is not None and rdef.maximum > rdef.minimum:
            return (value - rdef.minimum) / (rdef.maximum - rdef.minimum)
        return value / 100.0


def required_positions(conditions: tuple[Condition, ...]) -> frozenset[str]:
    """Positions of which one must be held now for ``conditions`` to hold (empty: no such
    top-level requirement).  Lets ``legal_moves`` skip most moves with one set test."""
    for cond in conditions:
        if isinstance(cond, HoldsPosition) and not cond.ever:
            return frozenset(cond.positions)
        if isinstance(cond, AllOf):
            inner = required_positions(cond.conditions)
            if inner:
                return inner
    return frozenset()


def compile_rulebook(scenario: Scenario) -> Rulebook:
    """Index ``scenario`` and compile its conditions."""
    book = Rulebook(scenario=scenario)
    book.resources = {r.id: r for r in scenario.resources}
    book.positions = {p.id: p for p in scenario.positions}
    book.contests = {c.id: c for c in scenario.contests}
    book.moves = {m.id: m for m in scenario.moves}
    book.events = {e.id: e for e in scenario.events}
    book.statuses = {s.id: s for s in scenario.statuses}
    book.channels = {c.id: c for c in scenario.channels}
    book.move_requires = {m.id: compile_all(m.requires, scenario) for m in scenario.moves}
    book.position_requires = {
        p.id: compile_all(p.requires, scenario) for p in scenario.positions
    }
    book.contest_requires = {c.id: compile_all(c.requires, scenario) for c in scenario.contests}
    book.region_requires = {
        c.id: tuple(compile_all(r.requires, scenario) for r in c.regions)
        for c in scenario.contests if c.regions
    }
    book.move_guards = {
        m.id: tuple(e for e in (*m.effects, *m.on_success) if not isinstance(e, ALWAYS_POSSIBLE))
        for m in scenario.moves
    }
    book.move_gates = {m.id: required_positions(m.requires) for m in scenario.moves}
    book.move_turn_gates = {
        m.id: compile_all(tuple(c for c in m.requires if isinstance(c, TURN_ONLY)), scenario)
        for m in scenario.moves
    }
    book.free_moves = any(m.agenda == 0 for m in scenario.moves)
    book.move_rows = tuple(
        (m.id, m.agenda, m.funds, m.target, book.move_gates[m.id], book.move_requires[m.id],
         book.move_guards[m.id])
        for m in scenario.moves
    )
    book.event_conditions = {e.id: compile_all(e.conditions, scenario) for e in scenario.events}
    for channel in scenario.channels:
        for pid in channel.entry_positions:
            book.entry_by_position.setdefault(pid, []).append(channel.id)
        for kind in channel.entry_contest_kinds:
            book.entry_by_contest_kind.setdefault(kind, []).append(channel.id)
    excl: dict[str, set[str]] = {p.id: set() for p in scenario.positions}
    for pos in scenario.positions:
        for other in pos.excludes:
            excl[pos.id].add(other)
            excl.setdefault(other, set()).add(pos.id)
    book.exclusions = {k: frozenset(v) for k, v in excl.items()}
    book.victory_positions = frozenset(scenario.victory.positions)
    book.actor_events = tuple(e for e in scenario.events if e.scope == "actor")
    book.world_events = tuple(e for e in scenario.events if e.scope == "world")
    return book
