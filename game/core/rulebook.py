"""A scenario compiled for play: lookups by id and predicates built once."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.core.conditions import Predicate, compile_all
from game.core.effects import ALWAYS_POSSIBLE, Guard, compile_guard
from game.core.factors import Plan, compile_factors, scenario_factor_lists
from game.core.moverows import CandidateRow, MoveTable
from game.core.moves import ChooseOption, EndTurn, MakeMove
from game.core.rules import ContestSoon, Effect, TurnRange
from game.core.scenario import (
    ChannelDef,
    ContestDef,
    EventDef,
    MoveDef,
    PositionDef,
    Repeat,
    ResourceDef,
    Scenario,
    StatusDef,
)
from game.core.standing import EffectGates
from game.core.state import Actor, GameState
from game.core.upkeep import UpkeepTable, compile_upkeep

#: Factor sources that are not resources; contests and checks may weigh them.
SPECIAL_SOURCES = ("party_popularity", "incumbency", "party_tenure", "nominated")


@dataclass(slots=True)
class Rulebook:
    """Everything the engine looks up while playing.

    Its rules never change after ``compile_rulebook``; what fills in as games are played are
    caches of results that are pure in their key (interned commands, moves open per turn,
    candidate masks per standing, contests due per turn, upkeep plans per seats held), so
    one rulebook serves any number of games and clones at once.
    """

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
    move_guard_checks: dict[str, Guard | None] = field(default_factory=dict)  # compiled
    # the top-level conditions of each move's requirements that read the turn alone (the
    # elections ahead): the planner reads a move's calendar from them
    move_turn_gates: dict[str, Predicate] = field(default_factory=dict)
    # each move's requirements split by what they read: the turn, the standing, the rest
    move_table: MoveTable = field(default_factory=MoveTable)
    free_moves: bool = False  # some move costs no agenda
    bounds: dict[str, tuple[float, float]] = field(default_factory=dict)  # inf: no maximum
    tapers: dict[str, float] = field(default_factory=dict)  # resources whose gains taper
    # each repeatable move's diminishing returns (its own, else the scenario's); moves
    # without any are absent
    repeats: dict[str, Repeat] = field(default_factory=dict)
    upkeep_table: UpkeepTable = field(default_factory=UpkeepTable.empty)
    # interned commands: they are immutable values, and building frozen dataclasses is slow
    commands: dict[tuple[str, str, str | None], MakeMove] = field(default_factory=dict)
    end_turns: dict[str, EndTurn] = field(default_factory=dict)
    answers: dict[tuple[str, str, str], ChooseOption] = field(default_factory=dict)
    # channel entered on gaining a position / standing in a contest kind
    entry_by_position: dict[str, list[str]] = field(default_factory=dict)
    entry_by_contest_kind: dict[str, list[str]] = field(default_factory=dict)
    exclusions: dict[str, frozenset[str]] = field(default_factory=dict)  # symmetric
    # held positions that keep an actor from a position: its exclusions but what it replaces
    blocked_by: dict[str, frozenset[str]] = field(default_factory=dict)
    contest_blockers: frozenset[str] = frozenset()  # statuses that bar standing in contests
    ruin_statuses: frozenset[str] = frozenset()  # statuses that end a career
    automatic_positions: tuple[PositionDef, ...] = ()  # given to whoever qualifies
    ending_positions: frozenset[str] = frozenset()  # with a fixed term, or lapsing
    victory_positions: frozenset[str] = frozenset()
    actor_events: tuple[EventDef, ...] = ()
    due_by_turn: dict[int, tuple[ContestDef, ...]] = field(default_factory=dict)  # a cache
    # the scenario's factor lists compiled, by identity (see game.core.factors)
    factor_plans: dict[int, Plan] = field(default_factory=dict)
    actor_draws: tuple[tuple[EventDef, float, Predicate], ...] = ()  # with its chance, test
    world_events: tuple[EventDef, ...] = ()

    def moves_open_at(self, state: GameState) -> frozenset[str]:
        """Moves whose turn-only requirements hold this turn (cached: pure in the turn)."""
        return self.move_table.open_at(state)

    def candidate_rows(self, state: GameState, actor: Actor) -> tuple[CandidateRow, ...]:
        """Moves whose turn-only and standing-only requirements hold (see MoveTable)."""
        return self.move_table.candidates(state, actor)

    def normalise(self, resource: str, value: float) -> float:
        """Map a resource value to roughly 0..1 for contests and checks."""
        rdef = self.resources[resource]
        if rdef.log_scale > 0:
            return math.log1p(max(value, 0.0)) / math.log1p(rdef.log_scale)
        if rdef.maximum is not None and rdef.maximum > rdef.minimum:
            return (value - rdef.minimum) / (rdef.maximum - rdef.minimum)
        return value / 100.0


def compile_rulebook(scenario: Scenario) -> Rulebook:
    """Index ``scenario`` and compile its conditions."""
    book = Rulebook(scenario=scenario)
    _index(book, scenario)
    _position_tables(book, scenario)
    _move_tables(book, scenario)
    _event_tables(book, scenario)
    return book


def _index(book: Rulebook, scenario: Scenario) -> None:
    book.resources = {r.id: r for r in scenario.resources}
    book.bounds = {r.id: (r.minimum, math.inf if r.maximum is None else r.maximum)
                   for r in scenario.resources}
    book.tapers = {r.id: r.taper for r in scenario.resources
                   if r.taper > 0 and r.maximum is not None and r.maximum > r.minimum}
    book.upkeep_table = compile_upkeep(scenario)
    for factors in scenario_factor_lists(scenario):
        plan = compile_factors(factors, book.resources)
        if plan is not None:
            book.factor_plans[id(factors)] = plan
    book.positions = {p.id: p for p in scenario.positions}
    book.contests = {c.id: c for c in scenario.contests}
    book.moves = {m.id: m for m in scenario.moves}
    book.events = {e.id: e for e in scenario.events}
    book.statuses = {s.id: s for s in scenario.statuses}
    book.channels = {c.id: c for c in scenario.channels}
    book.contest_blockers = frozenset(s.id for s in scenario.statuses if s.blocks_contests)
    book.ruin_statuses = frozenset(s.id for s in scenario.statuses if s.ruin)
    book.victory_positions = frozenset(scenario.victory.positions)


def _position_tables(book: Rulebook, scenario: Scenario) -> None:
    book.position_requires = {p.id: compile_all(p.requires, scenario) for p in scenario.positions}
    book.contest_requires = {c.id: compile_all(c.requires, scenario) for c in scenario.contests}
    book.region_requires = {
        c.id: tuple(compile_all(r.requires, scenario) for r in c.regions)
        for c in scenario.contests if c.regions
    }
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
    book.blocked_by = {p.id: book.exclusions[p.id] - frozenset(p.replaces)
                       for p in scenario.positions}
    book.automatic_positions = tuple(p for p in scenario.positions if p.obtained == "automatic")
    book.ending_positions = frozenset(p.id for p in scenario.positions
                                      if (p.term and p.obtained != "contest") or p.lapses)


def _move_tables(book: Rulebook, scenario: Scenario) -> None:
    book.move_requires = {m.id: compile_all(m.requires, scenario) for m in scenario.moves}
    book.move_turn_gates = {
        m.id: compile_all(tuple(c for c in m.requires if isinstance(c, ContestSoon | TurnRange)),
                          scenario)
        for m in scenario.moves
    }
    book.move_guards = {
        m.id: tuple(e for e in (*m.effects, *m.on_success) if not isinstance(e, ALWAYS_POSSIBLE))
        for m in scenario.moves
    }
    book.move_guard_checks = {mid: compile_guard(g) for mid, g in book.move_guards.items()}
    book.free_moves = any(m.agenda == 0 for m in scenario.moves)
    for m in scenario.moves:
        repeat = m.repeat or scenario.repeat
        if repeat is not None and not m.once and repeat.window > 0 and repeat.falloff < 1.0:
            book.repeats[m.id] = repeat
    gates = EffectGates(scenario, book.blocked_by)
    book.move_table = MoveTable.build(
        scenario, book.move_guard_checks,
        {mid: gates.for_effects(g) for mid, g in book.move_guards.items()})


def _event_tables(book: Rulebook, scenario: Scenario) -> None:
    book.event_conditions = {e.id: compile_all(e.conditions, scenario) for e in scenario.events}
    book.actor_events = tuple(e for e in scenario.events if e.scope == "actor")
    book.actor_draws = tuple((e, e.probability, book.event_conditions[e.id])
                             for e in book.actor_events)
    book.world_events = tuple(e for e in scenario.events if e.scope == "world")
