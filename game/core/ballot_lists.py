"""Party-list elections: the party vote, seats by highest averages, and the lists.

- Each party's vote is its popularity plus noise (``party_noise``); with ``regions``, its
  popularity shifted by the region's swing, weighted by the region's share.  Unless the
  contest has ``two_ballots``, every candidate adds a personal vote of strength/100 points.
- Seats: highest averages over the threshold; with ``mixed``, constituencies first (each actor
  in one of its own against the constituency field; the other constituencies go to parties by
  the cube law) and list seats as ``allocation.mixed_member`` says.
- A party's list seats are shared among its regional lists by the same method, over its
  regional votes; each list's seats go to its best-placed candidates not already elected in a
  constituency.  Open lists place candidates by strength, closed lists by ``list_rank``
  (standing by default) plus noise.  Unnamed candidates fill the rest of every list.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable

from game.core.allocation import cube_law, highest_averages, mixed_member
from game.core.ballots import Ballot, Entry, district_race, field_entries, ranked, seat_count
from game.core.events import PartyResult
from game.core.scenario import ContestDef, Factor
from game.core.scoring import weigh
from game.core.state import GameState

PERSONAL_VOTE = 100.0  # strength points per point of party vote a candidate adds
DEFAULT_RANK = (Factor("standing", 100.0),)  # closed lists without ``list_rank``
MIN_VOTE = 0.1  # a party's vote never falls below this (popularity points)
LIST_ORDER = 10_000  # unnamed list candidates are listed after every actor


def party_votes(state: GameState, contest: ContestDef, entries: list[Entry],
                rng: random.Random) -> tuple[dict[str, float], dict[str, list[float]]]:
    """Each party's vote (popularity points) and, with regions, its vote in each region."""
    votes: dict[str, float] = {}
    regional: dict[str, list[float]] = {}
    weights = [r.weight for r in contest.regions]
    for party, popularity in state.popularity.items():
        swing = rng.gauss(0.0, contest.party_noise)
        if contest.regions:
            local = [max(MIN_VOTE, popularity + r.swing.get(party, 0.0) + swing)
                     for r in contest.regions]
            regional[party] = local
            votes[party] = sum(w * v for w, v in zip(weights, local, strict=True)) / sum(weights)
        else:
            votes[party] = max(MIN_VOTE, popularity + swing)
        if not contest.two_ballots:
            votes[party] += personal_vote(e.base for e in entries if e.party == party)
    return votes, regional


def personal_vote(bases: Iterable[float]) -> float:
    """The party vote its candidates add, from their strengths before noise."""
    return sum(max(b, 0.0) for b in bases) / PERSONAL_VOTE


def region_of(state: GameState, contest: ContestDef, entry: Entry) -> int | None:
    """The index of the region whose lists ``entry`` stands on (0 without regions)."""
    if not contest.regions:
        return 0
    if entry.actor is None:
        return None
    for index, holds in enumerate(state.book.region_requires[contest.id]):
        if holds(state, entry.actor):
            return index
    return None


def list_length(state: GameState, contest: ContestDef, region: int) -> int:
    """Unnamed candidates on one party list (in one region)."""
    length = contest.field_count or seat_count(state, contest)
    if not contest.regions:
        return length
    share = contest.regions[region].weight / sum(r.weight for r in contest.regions)
    return math.ceil(length * share)


def regional_seats(contest: ContestDef, seats: int, local: list[float]) -> list[int]:
    """A party's list seats shared among its regional lists by its regional votes."""
    if not contest.regions:
        return [seats]
    weights = {str(i): r.weight * v for i, (r, v) in enumerate(zip(contest.regions, local,
                                                                    strict=True))}
    split = highest_averages(weights, seats, contest.allocation)
    return [split[str(i)] for i in range(len(contest.regions))]


def rank_entry(state: GameState, contest: ContestDef, entry: Entry,
               rng: random.Random | None) -> Entry:
    """A candidate's place on a list: its strength (open lists) or the party's ranking
    (closed lists).  A fresh noise draw when ``rng`` is given (mixed systems, where the
    constituency already used the first); otherwise the entry's own draw."""
    if contest.list_type == "open" or entry.actor is None:
        base, factors = entry.base, entry.factors
    else:
        base, factors = weigh(state, entry.actor, contest.list_rank or DEFAULT_RANK,
                              contest.position)
    noise = entry.noise if rng is None else rng.gauss(0.0, contest.noise)
    return Entry(entry.actor, entry.party, base, noise, factors, entry.order)


def party_lists(
    state: GameState, contest: ContestDef, entries: list[Entry], rng: random.Random
) -> Ballot:
    """A list election, mixed-member or not."""
    if contest.mixed is not None:
        return _mixed(state, contest, entries, rng)
    votes, regional = party_votes(state, contest, entries, rng)
    total = sum(votes.values())
    seats = highest_averages(votes, seat_count(state, contest), contest.allocation,
                             contest.party_threshold)
    placed: list[Entry] = []
    for party in state.popularity:
        for entry in entries:
            if entry.party == party:
                entry.share = votes[party] / total
        placed += _fill_lists(state, contest, party, entries, seats[party],
                              regional.get(party), rng, fresh=False)
    # closed lists: the party's ranking decided, so that is what the result shows
    listed = {line.order for line in placed}
    placed += [e for e in entries if e.order not in listed]
    parties = tuple(PartyResult(p, votes[p] / total, seats[p]) for p in state.popularity)
    return Ballot(ranked(placed), parties)


def _fill_lists(state: GameState, contest: ContestDef, party: str, entries: list[Entry],
                seats: int, local: list[float] | None, rng: random.Random,
                fresh: bool) -> list[Entry]:
    """Seat ``party``'s list candidates; returns the actors' list lines."""
    shares = regional_seats(contest, seats, local or [])
    lines: list[Entry] = []
    for region, region_seats in enumerate(shares):
        own = [e for e in entries if e.party == party and not e.won
               and region_of(state, contest, e) == region]
        placed = [rank_entry(state, contest, e, rng if fresh else None) for e in own]
        unnamed = field_entries(contest, rng, list_length(state, contest, region), LIST_ORDER,
                                party)
        for line in ranked(placed + unnamed)[:region_seats]:
            line.won = True
        for line, entry in zip(placed, own, strict=True):
            entry.won = entry.won or line.won
            line.share = entry.share
        lines += placed
    return lines


def _constituencies(state: GameState, contest: ContestDef, entries: list[Entry],
                    votes: dict[str, float], rng: random.Random
                    ) -> tuple[dict[str, int], list[Entry], int]:
    """Every actor's constituency race; the rest of the constituencies by the cube law.
    Returns wins per party, the races' lines, and constituencies won by independents."""
    mixed = contest.mixed
    assert mixed is not None
    lines: list[Entry] = []
    winners: list[Entry] = []
    for entry in entries:
        race = district_race(contest, entry, rng, len(entries) + len(lines), mixed.field_count,
                             mixed.field_strength)
        lines += race
        if race[0] is entry:
            winners.append(entry)
    wins = {p: 0 for p in votes}
    independents = 0
    for entry in winners:
        if entry.party in wins:
            wins[entry.party] += 1
        else:
            independents += 1
    rest = cube_law(votes, max(mixed.constituencies - len(winners), 0))
    return {p: wins[p] + rest[p] for p in wins}, lines, independents


def _mixed(state: GameState, contest: ContestDef, entries: list[Entry],
           rng: random.Random) -> Ballot:
    mixed = contest.mixed
    assert mixed is not None
    votes, regional = party_votes(state, contest, entries, rng)
    wins, lines, independents = _constituencies(state, contest, entries, votes, rng)
    result = mixed_member(votes, wins, seat_count(state, contest) - independents,
                          contest.allocation, contest.party_threshold, mixed.exemption,
                          mixed.compensation, mixed.odd_house)
    total = sum(votes.values())
    placed: list[Entry] = []
    for party in state.popularity:
        placed += _fill_lists(state, contest, party, entries, result.list_seats[party],
                              regional.get(party), rng, fresh=True)
    parties = tuple(PartyResult(p, votes[p] / total, result.seats[p], wins[p])
                    for p in state.popularity)
    return Ballot(lines, parties, lists=ranked(placed))

