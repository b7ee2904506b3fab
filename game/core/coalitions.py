"""Governments of elected chambers: coalition formation, offers taken up and walk-outs.

A chamber has a government once an investiture contest naming it as its ``chamber`` has sat;
``state.coalitions[chamber]`` then lists the governing parties, the party that formed the
government first.  A general election of the chamber, a lost confidence vote or the leading
party walking out ends the government; the next investiture forms a new one.

Formation is seat arithmetic plus ideology: the largest party forms the government if it can
reach a majority with partners it does not shun (nor they it); among such coalitions it takes
the one spanning the narrowest range of ideology, then the one with the fewest parties, then
with the fewest seats.  If it cannot, the next largest party tries; if nobody can, the largest
party governs alone as a minority.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import combinations

from game.core.events import Event, GovernmentChanged
from game.core.scenario import PartyDef
from game.core.state import GameState

MAX_PARTNERS = 6  # parties considered as partners beside the formateur (the largest ones)


def majority(chamber: Mapping[str, int]) -> float:
    """Seats a government needs: more than half of the chamber."""
    return sum(chamber.values()) / 2.0


def compatible(parties: tuple[str, ...], defs: Mapping[str, PartyDef]) -> bool:
    """No party in ``parties`` shuns another (it takes one side to refuse)."""
    return not any(b in defs[a].shuns for a in parties for b in parties if a != b)


def form(chamber: Mapping[str, int], defs: Mapping[str, PartyDef]) -> list[str]:
    """The governing parties for ``chamber`` (seats per party), formateur first."""
    seated = [p for p, n in chamber.items() if n > 0]
    order = sorted(seated, key=lambda p: -chamber[p])  # stable: scenario order breaks ties
    if not order:
        return []
    need = majority(chamber)
    for formateur in order:
        best = _best_coalition(formateur, order, chamber, defs, need)
        if best is not None:
            return best
    return [order[0]]


def _best_coalition(formateur: str, order: list[str], chamber: Mapping[str, int],
                    defs: Mapping[str, PartyDef], need: float) -> list[str] | None:
    partners = [p for p in order if p != formateur][:MAX_PARTNERS]
    best: tuple[float, int, int] | None = None
    found: list[str] | None = None
    for size in range(len(partners) + 1):
        for group in combinations(partners, size):
            members = (formateur, *group)
            seats = sum(chamber[p] for p in members)
            if seats <= need or not compatible(members, defs):
                continue
            spread = max(defs[p].ideology for p in members) - min(
                defs[p].ideology for p in members)
            key = (spread, len(members), seats)
            if best is None or key < best:
                best, found = key, list(members)
    return found


def set_government(state: GameState, chamber: str, parties: list[str], why: str,
                   out: list[Event]) -> None:
    """Record a new government (an empty list: the chamber has none)."""
    if parties:
        state.coalitions[chamber] = list(parties)
    else:
        state.coalitions.pop(chamber, None)
    out.append(GovernmentChanged(chamber, tuple(parties), why))


def has_majority(state: GameState, chamber: str, seats: Mapping[str, int]) -> bool:
    """The government of ``chamber`` holds more than half of its ``seats`` (by party)."""
    parties = state.coalitions.get(chamber, ())
    return sum(seats.get(p, 0) for p in parties) > majority(seats)


def join(state: GameState, party: str, chamber: str, out: list[Event]) -> None:
    """``party`` joins the government of ``chamber``."""
    set_government(state, chamber, [*state.coalitions[chamber], party], f"joined:{party}", out)


def leave(state: GameState, party: str, chamber: str, out: list[Event]) -> None:
    """``party`` walks out; if it formed the government, the government ends."""
    parties = state.coalitions[chamber]
    rest = [] if parties[0] == party else [p for p in parties if p != party]
    set_government(state, chamber, rest, f"left:{party}", out)
