"""Seats: who may hold a position, and taking or giving one up.

Invariants kept here: an actor's ``positions`` and ``state.seats`` always agree; no seat group
holds more actors than the position has seats; no actor holds two positions that exclude
each other; a neutral position is never held by a party member.
"""

from __future__ import annotations

from game.core.events import ChannelEntered, Event, PositionGained, PositionLost
from game.core.moves import Rejection
from game.core.state import Actor, GameState, Holding, seat_key


def enter_channel(state: GameState, actor: Actor, channel: str, out: list[Event]) -> None:
    """Record the first time an actor enters a mobility channel."""
    if channel not in actor.channels:
        actor.channels[channel] = state.turn
        out.append(ChannelEntered(actor.id, channel))


def eligibility(
    state: GameState, actor: Actor, position: str, joining: str | None = None
) -> Rejection | None:
    """Why ``actor`` may not hold ``position`` now, ignoring free seats (None = may).

    ``joining`` is a party the actor is about to join in the same move.
    """
    pdef = state.book.positions[position]
    party = actor.party or joining
    if position in actor.positions:
        return Rejection.NOT_ELIGIBLE
    if pdef.per_party and party is None:
        return Rejection.NOT_ELIGIBLE
    if pdef.neutral and party is not None:
        return Rejection.EXCLUDED
    if not state.book.blocked_by[position].isdisjoint(actor.positions):
        return Rejection.EXCLUDED
    if not state.book.position_requires[position](state, actor):
        return Rejection.REQUIREMENTS_NOT_MET
    return None


def free_seats(state: GameState, actor: Actor, position: str, joining: str | None = None) -> int:
    """Seats of ``position`` not held by actors, in the actor's party group if per-party."""
    pdef = state.book.positions[position]
    key = seat_key(pdef.id, (actor.party or joining) if pdef.per_party else None)
    return pdef.seats - len(state.seats.get(key, ()))


def can_take(
    state: GameState, actor: Actor, position: str, joining: str | None = None
) -> Rejection | None:
    """Why ``actor`` may not take a seat of ``position`` directly (None = may)."""
    reason = eligibility(state, actor, position, joining)
    if reason is None and free_seats(state, actor, position, joining) <= 0:
        return Rejection.NO_SEAT
    return reason


def gain(state: GameState, actor: Actor, position: str, how: str, out: list[Event]) -> None:
    """Seat ``actor``; positions it replaces are given up first: a promotion on the same
    track, otherwise a post left for the new one (a civil servant who opens a consultancy
    has not been promoted)."""
    pdef = state.book.positions[position]
    for old in pdef.replaces:
        if old in actor.positions:
            lose(state, actor, old, replaced_why(state, old, pdef.id), out)
    party = actor.party if pdef.per_party else None
    actor.positions[pdef.id] = Holding(since=state.turn, party=party)
    actor.first_held.setdefault(pdef.id, state.turn)
    actor.turns_held.setdefault(pdef.id, 0)
    state.seats.setdefault(seat_key(pdef.id, party), []).append(actor.id)
    out.append(PositionGained(actor.id, pdef.id, how))
    for channel in state.book.entry_by_position.get(pdef.id, ()):
        enter_channel(state, actor, channel, out)


def replaced_why(state: GameState, old: str, new: str) -> str:
    """Why ``old`` is given up on taking ``new``, which replaces it: ``promoted`` up its own
    track, ``left_for`` anything else."""
    before, after = state.book.positions[old], state.book.positions[new]
    return "promoted" if before.track == after.track and after.tier > before.tier \
        else "left_for"


def lose(state: GameState, actor: Actor, position: str, why: str, out: list[Event]) -> None:
    """Unseat ``actor`` from ``position`` (which it must hold)."""
    holding = actor.positions.pop(position)
    key = seat_key(position, holding.party)
    state.seats[key].remove(actor.id)
    out.append(PositionLost(actor.id, position, why))


def lose_all(state: GameState, actor: Actor, why: str, out: list[Event]) -> None:
    """Give up every position, in a stable order."""
    for position in list(actor.positions):
        lose(state, actor, position, why, out)
