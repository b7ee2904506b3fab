"""Changing an actor's resources within their bounds, recording why."""

from __future__ import annotations

from game.core.events import Event, ResourceChanged
from game.core.state import Actor, GameState


def change(
    state: GameState, actor: Actor, resource: str, delta: float, reason: str, out: list[Event]
) -> float:
    """Add ``delta`` (clamped to the resource's bounds); record and return the real change."""
    rdef = state.book.resources[resource]
    old = actor.resources[resource]
    new = old + delta
    if new < rdef.minimum:
        new = rdef.minimum
    elif rdef.maximum is not None and new > rdef.maximum:
        new = rdef.maximum
    real = new - old
    if real:
        actor.resources[resource] = new
        out.append(ResourceChanged(actor.id, resource, real, reason))
    return real


def set_value(
    state: GameState, actor: Actor, resource: str, value: float, reason: str, out: list[Event]
) -> None:
    """Move a resource to ``value`` (e.g. standing reset on leaving a party)."""
    change(state, actor, resource, value - actor.resources[resource], reason, out)
