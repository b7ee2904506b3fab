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

from game.ai.planner.values import Valuation
from game.core.rules import ChangeResource, Effect
from game.core.scenario import Check
from game.core.views import View

#: how far below the best a bound must be to put a move off: room for rounding, far below
#: any difference between two commands' worths that matters
MARGIN = 1e-9


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
