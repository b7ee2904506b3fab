"""One sitting of a contest: which rule decides it (see ``ballots`` for the rules)."""

from __future__ import annotations

import random

from game.core.ballot_lists import party_lists
from game.core.ballot_votes import chamber_vote
from game.core.ballots import (
    CHAMBER_KINDS,
    ELECTION_KINDS,
    Ballot,
    actor_entry,
    districts,
    field_entries,
    field_level,
    pass_mark,
    seat_count,
    top,
    two_round,
)
from game.core.scenario import LIST_METHODS, ContestDef
from game.core.state import Actor, GameState


def cast(
    state: GameState, contest: ContestDef, runners: list[Actor], free: int, rng: random.Random,
    party: str | None,
) -> Ballot:
    """Score every entrant and decide the winners; reads the state, never changes it.

    ``free``: seats still open (exams and appointments) or tickets a party may still give
    (nominations); ``party``: whose sitting it is, for a party's own contest (else None).
    """
    entries = [actor_entry(state, contest, actor, i, rng) for i, actor in enumerate(runners)]
    if contest.kind in CHAMBER_KINDS:
        return chamber_vote(state, contest, entries)
    if contest.kind not in ELECTION_KINDS:
        return pass_mark(contest, entries, free)
    level = field_level(state, contest, party)
    if contest.kind == "nomination":
        entries += field_entries(contest, rng, contest.field_count, len(entries), None, level)
        return top(entries, min(free, seat_count(state, contest)), contest.temperature)
    if contest.allocation in LIST_METHODS:
        return party_lists(state, contest, entries, rng)
    seats = min(seat_count(state, contest), state.book.positions[contest.position].seats)
    if contest.allocation == "districts":
        return districts(contest, entries, seats, rng)
    entries += field_entries(contest, rng, contest.field_count, len(entries), None, level)
    if contest.allocation == "two_round" and seats == 1:  # runoffs decide single seats
        return two_round(contest, entries, rng)
    return top(entries, seats, contest.temperature)
