"""Valuing moves: what the planner reads from a move's rules once, and worths put off.

A move that enters a contest off the road is worth its chance there times the seat's worth;
asking the polls for that chance is the costly part of valuing a turn's commands.  Counting
the contest as won bounds the move's worth from above (the worth never falls as a chance
rises), so a move whose bound cannot beat the best command is not worked out.  Its worth is
still what it would have been: if a later decision of the same plan needs it, it is worked out
on a copy of the game as it stood when it was first asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ai.planner.goals import Goals
from game.ai.planner.values import FUNDS, LEGACY, Valuation
from game.core.rulebook import Rulebook
from game.core.rules import ChangeResource, Effect
from game.core.scenario import Check
from game.core.views import View

#: how far below the best a bound must be to put a move off: room for rounding, far below
#: any difference between two commands' worths that matters
MARGIN = 1e-9
WORTH_TURNS = 8  # turns of a seat's yield counted in its worth


Split = tuple[tuple[tuple[str, float], ...], tuple[Effect, ...]]


def split_effects(effects: tuple[Effect, ...]) -> Split:
    """Resource changes as (resource, delta) pairs, and every other effect."""
    changes = tuple((e.resource, e.delta) for e in effects if isinstance(e, ChangeResource))
    return changes, tuple(e for e in effects if not isinstance(e, ChangeResource))


@dataclass(frozen=True, slots=True)
class MoveShape:
    """What valuing a move reads from the rules: its effects split into resource changes and
    the rest (None when there are none), its check, the persona's bias for its channel and
    distaste for it, and the resource changes of its plain effects with its agenda cost."""

    effects: Split | None
    on_success: Split | None
    on_failure: Split | None
    check: Check | None
    bias: float
    distaste: float
    changes: tuple[tuple[str, float], ...]
    agenda: int


@dataclass(slots=True)
class Deferred:
    """A move's worth not worked out yet: a bound on it, and the moment (a copy of the game
    and the prices) it is to be worked out for (None while that moment is the present)."""

    bound: float
    view: View | None = None
    valuation: Valuation | None = None


def seat_worth(book: Rulebook, view: View, val: Valuation, goals: Goals, position: str) -> float:
    """What holding ``position`` for a while is worth: its place on the road, or else its
    yield (legacy, resources, salary) less the agenda it takes."""
    pdef = book.positions.get(position)
    if pdef is None:
        return 0.0
    if position in goals.positions:
        return goals.positions[position]
    turns = min(WORTH_TURNS, book.scenario.max_turns - view.turn + 1)
    held = position in view.me.positions
    prestige = pdef.prestige * (0.5 if held else 1.0)  # half is earned on taking it
    worth = LEGACY * (prestige + pdef.influence * turns)
    worth += sum(val.resource(e.resource, e.delta * turns) for e in pdef.per_turn)
    worth += val.resource(FUNDS, pdef.salary * turns)
    worth -= pdef.agenda_cost * (turns - 1) * val.agenda_value  # paid from the next turn on
    return worth - blocks(book, goals, position)


def giving_up(book: Rulebook, view: View, val: Valuation, goals: Goals, position: str) -> float:
    """Giving up an office pays when it stands in the road's way, or when it is off the
    road and keeping it costs more agenda than it yields; otherwise it costs at least its
    legacy, and an office a step of the road needs costs the road."""
    blocked = blocks(book, goals, position)
    if blocked > 0:
        return blocked
    worth = seat_worth(book, view, val, goals, position)
    if position in goals.kept:
        # giving it up loses the road as planned (a road that takes it again may reckon a
        # little better, but only on paper)
        return -max(worth, goals.chance, 0.01)
    if worth < 0.0:
        return -worth
    pdef = book.positions[position]
    kept = LEGACY * (pdef.prestige + pdef.influence * WORTH_TURNS)
    return -max(worth, kept, 0.01)


def blocks(book: Rulebook, goals: Goals, position: str) -> float:
    """How much of the road holding ``position`` stands in the way of now: a step due
    soon that it excludes, or a party the road needs that a neutral post forbids.  Nothing,
    when a later step of the road needs the office held: giving it up would break the road
    (roads are pieced together from each step's own prerequisites, which can clash)."""
    if position in goals.kept:
        return 0.0
    blocked = 0.0
    for other, weight in goals.soon.items():
        excluded = position in book.exclusions.get(other, ())
        if excluded and position not in book.positions[other].replaces:
            blocked = max(blocked, weight)
    if book.positions[position].neutral and goals.needs_party:
        blocked = max(blocked, goals.chance)
    return blocked
