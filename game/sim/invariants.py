"""Invariants of a game state, checked after every step of a balance run.

A broken invariant is a bug in the engine or the content: ``InvariantBroken`` names the seed
and the turn so the career can be replayed.
"""

from __future__ import annotations

import math

from game.core import GameState, Rulebook
from game.core.state import seat_key

Bounds = list[tuple[str, float, float]]
_BOUNDS: dict[int, tuple[Rulebook, Bounds]] = {}  # id(book) -> (book kept alive, bounds)


def _bounds(book: Rulebook) -> Bounds:
    cached = _BOUNDS.get(id(book))
    if cached is None or cached[0] is not book:
        bounds: Bounds = [
            (str(r.id), r.minimum - 1e-9, math.inf if r.maximum is None else r.maximum + 1e-9)
            for r in book.scenario.resources]
        cached = _BOUNDS[id(book)] = (book, bounds)
    return cached[1]


def holds(state: GameState) -> bool:
    """True when every invariant holds: the quick test run after every decision."""
    book = state.book
    seats = state.seats
    bounds = _bounds(book)
    held = 0
    for actor in state.actors.values():
        resources = actor.resources
        for rid, low, high in bounds:
            value = resources.get(rid)
            if value is not None and not low <= value <= high:
                return False
        if actor.agenda < 0:
            return False
        positions = actor.positions
        for pid, holding in positions.items():
            key = pid if holding.party is None else f"{pid}@{holding.party}"
            if actor.id not in seats.get(key, ()):
                return False
            if not book.exclusions[pid].isdisjoint(positions):
                return False
            if actor.party is not None and book.positions[pid].neutral:
                return False
        held += len(positions)
    listed = 0
    for key, holders in seats.items():
        listed += len(holders)
        if len(holders) > book.positions[key.split("@", 1)[0]].seats:
            return False
    # every holding is listed, so equal counts mean no seat lists anyone else (or twice)
    return held == listed and (state.phase != "over" or state.result == state.player.result)


class InvariantBroken(AssertionError):
    """The state broke a rule the engine promises to keep."""


def problems(state: GameState) -> list[str]:
    """Every broken invariant of ``state`` (empty when all hold)."""
    found: list[str] = []
    book = state.book
    seen: dict[str, list[str]] = {}
    for aid in state.order:
        actor = state.actors[aid]
        for pid, holding in actor.positions.items():
            seen.setdefault(seat_key(pid, holding.party), []).append(aid)
            pdef = book.positions[pid]
            if pdef.neutral and actor.party is not None:
                found.append(f"{aid} holds neutral {pid} as a member of {actor.party}")
            for other in book.exclusions.get(pid, ()):
                if other in actor.positions:
                    found.append(f"{aid} holds {pid} and {other}, which exclude each other")
        for rid, value in actor.resources.items():
            rdef = book.resources[rid]
            if value < rdef.minimum - 1e-9 or (rdef.maximum is not None
                                                and value > rdef.maximum + 1e-9):
                found.append(f"{aid} has {rid}={value} outside its bounds")
        if actor.agenda < 0:
            found.append(f"{aid} has negative agenda {actor.agenda}")
    for key, holders in state.seats.items():
        if sorted(holders) != sorted(seen.get(key, [])):
            found.append(f"seats of {key} {holders} disagree with holders {seen.get(key, [])}")
        pid = key.split("@", 1)[0]
        if len(holders) > book.positions[pid].seats:
            found.append(f"{key} has {len(holders)} holders for {book.positions[pid].seats} seats")
    for key in seen.keys() - state.seats.keys():
        found.append(f"{key} held by {seen[key]} but missing from the seat table")
    if state.phase == "over" and state.result != state.player.result:
        found.append(f"game result {state.result} differs from the player's {state.player.result}")
    return found


def check(state: GameState) -> None:
    """Raise ``InvariantBroken`` (with seed and turn) if any invariant fails."""
    if holds(state):
        return
    found = problems(state) or ["an invariant failed (see holds())"]
    if found:
        raise InvariantBroken(f"seed {state.seed}, turn {state.turn}: " + "; ".join(found))
