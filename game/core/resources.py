"""Changing an actor's resources within their bounds, recording why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core.events import Event, ResourceChanged
from game.core.state import Actor, GameState

if TYPE_CHECKING:
    from game.core.rulebook import Rulebook


def change(
    state: GameState, actor: Actor, resource: str, delta: float, reason: str, out: list[Event]
) -> float:
    """Add ``delta`` (a gain tapered near the maximum, then clamped to the resource's
    bounds); record and return the real change."""
    book = state.book
    low, high = book.bounds[resource]
    # plain and local: this runs thousands of times a career
    resources = actor.resources
    old = resources[resource]
    if delta > 0 and resource in book.tapers:
        delta = tapered(book, resource, old, delta)
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


def tapered(book: Rulebook, resource: str, value: float, delta: float) -> float:
    """What a change of ``delta`` on ``value`` really adds before clamping: a gain shrinks by
    the resource's ``taper`` times the share of its range already filled."""
    taper = book.tapers.get(resource)
    if taper is None or delta <= 0:
        return delta
    low, high = book.bounds[resource]
    return delta * (1.0 - taper * max(0.0, min(1.0, (value - low) / (high - low))))
