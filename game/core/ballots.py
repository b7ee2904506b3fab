"""One sitting of a contest: strengths plus noise, turned into winners by the contest's rule.

Rules (``ContestDef.allocation``; exams and appointments always use a pass mark):
- ``top_k``: the k strongest entrants win (plurality when k = 1);
- ``two_round``: plurality, but without a majority share the top two meet again;
- ``districts``: each actor stands in a district of its own against ``field_count`` others;
- ``dhondt`` / ``sainte_lague``: parties win seats by highest averages over a threshold, and
  each party's seats go down its list (open: by strength; closed: by party standing).
Shares are a softmax of strengths with the contest's temperature.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from game.core.allocation import highest_averages
from game.core.events import FactorValue, PartyResult
from game.core.scenario import ContestDef
from game.core.scoring import contest_strength
from game.core.state import Actor, GameState

ELECTION_KINDS = frozenset({"general_election", "party_election", "nomination"})
FIELD_LABEL = "field"
PERSONAL_VOTE = 20.0  # open lists: strength points per point of party vote a candidate adds
LIST_RANK_SOURCE = "standing"  # closed lists: the party ranks candidates by this resource


@dataclass(slots=True)
class Entry:
    """One line on the ballot."""

    actor: Actor | None
    party: str | None
    base: float
    noise: float
    factors: tuple[FactorValue, ...]
    order: int
    won: bool = False
    share: float = 0.0

    @property
    def strength(self) -> float:
        """Strength with noise: what decides."""
        return self.base + self.noise


@dataclass(slots=True)
class Ballot:
    """The outcome of one sitting (one party's, for per-party contests)."""

    entries: list[Entry]
    parties: tuple[PartyResult, ...] = ()
    runoff: list[Entry] = field(default_factory=list)


def seat_count(state: GameState, contest: ContestDef) -> int:
    """Seats (or nominations per party) a sitting fills."""
    return contest.winners or state.book.positions[contest.position].seats


def cast(
    state: GameState, contest: ContestDef, runners: list[Actor], free: int, rng: random.Random
) -> Ballot:
    """Score every entrant and decide the winners.

    ``free``: seats still open (exams and appointments) or tickets a party may still give
    (nominations).
    """
    entries = [_actor_entry(state, contest, actor, i, rng) for i, actor in enumerate(runners)]
    if contest.kind not in ELECTION_KINDS:
        return _pass_mark(contest, entries, free)
    if contest.kind == "nomination":
        entries += _field(contest, rng, contest.field_count, len(entries), None)
        return _top(entries, min(free, seat_count(state, contest)), contest.temperature)
    if contest.allocation in ("dhondt", "sainte_lague"):
        return _party_lists(state, contest, entries, rng)
    seats = min(seat_count(state, contest), state.book.positions[contest.position].seats)
    if contest.allocation == "districts":
        return _districts(contest, entries, seats, rng)
    entries += _field(contest, rng, contest.field_count, len(entries), None)
    ballot = _top(entries, seats, contest.temperature)
    if contest.allocation == "two_round" and seats == 1:  # runoffs decide single seats
        _second_round(contest, ballot, rng)
    return ballot


def _actor_entry(
    state: GameState, contest: ContestDef, actor: Actor, order: int, rng: random.Random
) -> Entry:
    base, factors = contest_strength(state, actor, contest)
    return Entry(actor, actor.party, base, rng.gauss(0.0, contest.noise), factors, order)


def _field(contest: ContestDef, rng: random.Random, count: int, start: int,
           party: str | None) -> list[Entry]:
    strength = contest.field_strength
    explained = (FactorValue(FIELD_LABEL, 1.0, strength, strength),)
    return [Entry(None, party, strength, rng.gauss(0.0, contest.noise), explained, start + i)
            for i in range(count)]


def _ranked(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (-e.strength, e.order))


def _set_shares(entries: list[Entry], temperature: float) -> None:
    if not entries:
        return
    top = max(e.strength for e in entries)
    weights = [math.exp((e.strength - top) / temperature) for e in entries]
    total = sum(weights)
    for entry, weight in zip(entries, weights, strict=True):
        entry.share = weight / total


def _pass_mark(contest: ContestDef, entries: list[Entry], free: int) -> Ballot:
    ranked = _ranked(entries)
    passed = [e for e in ranked if e.strength >= contest.threshold]
    for entry in passed[: max(free, 0)]:
        entry.won = True
    return Ballot(ranked)


def _top(entries: list[Entry], seats: int, temperature: float) -> Ballot:
    ranked = _ranked(entries)
    _set_shares(ranked, temperature)
    for entry in ranked[:seats]:
        entry.won = True
    return Ballot(ranked)


def _second_round(contest: ContestDef, ballot: Ballot, rng: random.Random) -> None:
    first = ballot.entries
    if len(first) < 2 or first[0].share >= 0.5:
        return
    finalists = [Entry(e.actor, e.party, e.base, rng.gauss(0.0, contest.noise), e.factors,
                       e.order) for e in first[:2]]
    runoff = _top(finalists, 1, contest.temperature).entries
    winner = runoff[0].order
    for entry in first:
        entry.won = entry.order == winner
    ballot.runoff = runoff


def _districts(
    contest: ContestDef, entries: list[Entry], seats: int, rng: random.Random
) -> Ballot:
    shown: list[Entry] = []
    district_winners: list[Entry] = []
    for entry in entries:
        district = [entry, *_field(contest, rng, contest.field_count,
                                   len(entries) + len(shown), None)]
        ranked = _ranked(district)
        _set_shares(ranked, contest.temperature)
        district_winners.append(ranked[0])
        shown.extend(ranked)
    # more district winners than seats (a scenario with few seats): the strongest sit
    for entry in _ranked(district_winners)[:seats]:
        entry.won = True
    return Ballot(shown)


def _rank_by_party(state: GameState, entry: Entry, actor: Actor) -> None:
    """Closed lists: the party's ranking (standing) replaces the voters' strength."""
    value = 0.0
    if LIST_RANK_SOURCE in state.book.resources:
        value = state.book.normalise(LIST_RANK_SOURCE, actor.resources[LIST_RANK_SOURCE])
    entry.base = 100.0 * value
    entry.factors = (FactorValue(LIST_RANK_SOURCE, value, 100.0, entry.base),)


def _party_lists(
    state: GameState, contest: ContestDef, entries: list[Entry], rng: random.Random
) -> Ballot:
    votes: dict[str, float] = {}
    for party, popularity in state.popularity.items():
        votes[party] = max(0.1, popularity + rng.gauss(0.0, contest.party_noise))
        if contest.list_type == "open":
            votes[party] += sum(max(e.base, 0.0) for e in entries if e.party == party) / (
                PERSONAL_VOTE * 5)
    total = sum(votes.values())
    seats = highest_averages(votes, seat_count(state, contest), contest.allocation,
                             contest.party_threshold)
    list_length = contest.field_count or seat_count(state, contest)
    for party in state.popularity:
        own = [e for e in entries if e.party == party]
        for entry in own:
            entry.share = votes[party] / total
            if contest.list_type == "closed" and entry.actor is not None:
                _rank_by_party(state, entry, entry.actor)
        ranked = _ranked(own + _field(contest, rng, list_length, 10_000, party))
        for entry in ranked[: seats[party]]:
            entry.won = True
    parties = tuple(PartyResult(p, votes[p] / total, seats[p]) for p in state.popularity)
    return Ballot(_ranked(entries), parties)
