"""What reckoning roads produces: a ``Route`` into a position, made of ``Step``s through gates."""

from __future__ import annotations

from game.ai.planner.atlas import Gate
from game.ai.planner.atoms import Atom, NonMember
from game.core.events import fact

# Routes and steps are built by the thousand while reckoning roads: ``fact`` makes them plain
# slotted dataclasses, read-only to type checkers (a frozen dataclass pays a slow
# ``object.__setattr__`` per field)


@fact
class Step:
    """Pass ``gate`` at ``turn`` (the sitting, or the move) with ``chance``, meeting its
    needs by the alternative ``term``; ``others``: the other sittings the plan may try it at,
    as (turn, chance there, sittings it stands for)."""

    gate: Gate
    turn: int
    chance: float
    term: tuple[Atom, ...] = ()
    others: tuple[tuple[int, float, int], ...] = ()


@fact
class Route:
    """How ``position`` is likely reached: ``turns`` from now, with ``chance``, by ``steps``."""

    position: str
    turns: float
    chance: float
    steps: tuple[Step, ...]

    @property
    def value(self) -> float:
        """Chance, a little less for every turn it takes (sooner is safer)."""
        return self.chance * (1.0 - 0.004 * self.turns)


HELD = Route("", 0.0, 1.0, ())  # a position held already


def stays_out_first(road: Route) -> bool:
    """True when a step of ``road`` needs the actor outside every party."""
    return any(isinstance(a, NonMember) for step in road.steps for a in step.term)
