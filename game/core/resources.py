"""Changing an actor's resources within their bounds, recording why."""

from __future__ import annotations

from game.core.events import Event, ResourceChanged
from game.core.state import Actor, GameState


def change(
    state: GameState, actor: Actor, resource: str, delta: float, reason: str, out: list[Event]
) -> float:
    """Add ``delta`` (clamped to the resource's bounds); record and return the real change."""
    low, high = state.book.bounds[resource]
    # plain and local: this runs thousands of times a career
    resources = actor.resources
    old = resources[resource]
    new = old + delta
    if new < low:
        new = low
    elif new > high:
        new = high
    real = new - old
    if real:
        resources[resource] = new
        out.append(ResourceChanged(actor.id, resource, real, reason))
    return real


def set_value(
    state: GameState, actor: Actor, resource: str, value: float, reason: str, out: list[Event]
) -> None:
    """Move a resource to ``value`` (e.g. standing reset on leaving a party)."""
    change(state, actor, resource, value - actor.resources[resource], reason, out)
