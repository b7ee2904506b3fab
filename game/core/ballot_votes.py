"""Votes of a chamber: electing a head of government (investiture) and confidence votes.

Investiture: the chamber's government is formed (``coalitions.form``) from its seats (or,
before its first election, from the seats today's popularity would give); the nominee of the
party that formed it with the greatest strength plus noise is elected if that reaches the
contest's ``threshold`` (the coalition's backing).  Nominees of other parties lose.
Confidence: each holder survives if its government still holds a majority of the chamber and
its strength plus noise reaches the ``threshold``.
"""

from __future__ import annotations

from game.core.allocation import cube_law, highest_averages, largest_remainder, mixed_member
from game.core.ballots import Ballot, Entry, ranked
from game.core.coalitions import form, has_majority
from game.core.events import PartyResult
from game.core.scenario import LIST_METHODS, ContestDef, PartyDef
from game.core.state import GameState


def projected_chamber(state: GameState, position: str, fresh: bool = False) -> dict[str, int]:
    """The chamber's seats by party: as elected (unless ``fresh``), or else what today's
    popularity would elect."""
    seats = None if fresh else state.party_seats.get(position)
    if seats:
        return seats
    elections = [c for c in state.book.scenario.contests
                 if c.position == position and c.kind == "general_election"]
    total = state.book.positions[position].seats
    votes = dict(state.popularity)
    if elections and elections[0].allocation in LIST_METHODS:
        contest = elections[0]
        if contest.mixed is not None:
            wins = cube_law(votes, contest.mixed.constituencies)
            mixed = contest.mixed
            return mixed_member(votes, wins, total, contest.allocation, contest.party_threshold,
                                mixed.exemption, mixed.compensation, mixed.odd_house).seats
        return highest_averages(votes, total, contest.allocation, contest.party_threshold)
    return largest_remainder(votes, total)


def government_for(state: GameState, chamber: str, fresh: bool = False) -> list[str]:
    """The government the chamber would form now (``fresh``: a chamber elected today)."""
    defs: dict[str, PartyDef] = {p.id: p for p in state.book.scenario.parties}
    return form(projected_chamber(state, chamber, fresh), defs)


def chamber_vote(state: GameState, contest: ContestDef, entries: list[Entry]) -> Ballot:
    """An investiture or a confidence vote."""
    chamber = contest.chamber or contest.position
    if contest.kind == "confidence":
        survives = has_majority(state, chamber, projected_chamber(state, chamber))
        for entry in entries:
            entry.won = survives and entry.strength >= contest.threshold
        return Ballot(ranked(entries))
    coalition = government_for(state, chamber)
    seats = projected_chamber(state, chamber)
    total = sum(seats.values()) or 1
    order = ranked(entries)
    leading = [e for e in order if coalition and e.party == coalition[0]]
    if leading and leading[0].strength >= contest.threshold:
        leading[0].won = True
    parties = tuple(PartyResult(p, seats.get(p, 0) / total, seats.get(p, 0)) for p in coalition)
    return Ballot(order, parties, coalition=tuple(coalition))
