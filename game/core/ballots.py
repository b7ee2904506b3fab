"""One sitting of a contest: strengths plus noise, turned into winners by the contest's rule.

Rules (``ContestDef.allocation``; exams and appointments always use a pass mark):
- ``top_k``: the k strongest entrants win (plurality when k = 1);
- ``two_round``: plurality, but without a majority share the top two meet again, with fresh
  noise;
- ``districts``: each actor stands in a district of its own against ``field_count`` others;
- ``dhondt`` / ``sainte_lague``: party lists (``ballot_lists``), optionally mixed-member and
  regional;
- investiture and confidence votes: the chamber's seats decide (``ballot_votes``).
Shares are a softmax of strengths with the contest's temperature.  ``sitting.cast`` picks
the rule; every entrant's noise is drawn first, in acting order.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from game.core.events import FactorValue, PartyResult
from game.core.scenario import ContestDef
from game.core.scoring import contest_strength
from game.core.state import Actor, GameState

ELECTION_KINDS = frozenset({"general_election", "party_election", "nomination"})
CHAMBER_KINDS = frozenset({"investiture", "confidence"})
FIELD_LABEL = "field"


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
    lists: list[Entry] = field(default_factory=list)  # mixed-member: places on party lists
    coalition: tuple[str, ...] = ()  # investiture: the government it formed


def seat_count(state: GameState, contest: ContestDef) -> int:
    """Seats (or nominations per party) a sitting fills."""
    return contest.winners or state.book.positions[contest.position].seats


def actor_entry(
    state: GameState, contest: ContestDef, actor: Actor, order: int, rng: random.Random
) -> Entry:
    """An actor's line: its strength in ``contest`` and a noise draw."""
    base, factors = contest_strength(state, actor, contest)
    return Entry(actor, actor.party, base, rng.gauss(0.0, contest.noise), factors, order)


def field_level(state: GameState, contest: ContestDef, party: str | None) -> float:
    """The field's strength in a sitting: in a party's own contest, stronger the more
    popular the party (``field_per_popularity`` per point)."""
    if party is None or not contest.field_per_popularity or not contest.per_party:
        return contest.field_strength
    return contest.field_strength + contest.field_per_popularity * state.popularity[party]


def field_entries(contest: ContestDef, rng: random.Random, count: int, start: int,
                  party: str | None, strength: float | None = None) -> list[Entry]:
    """``count`` contenders not played by actors, at the field's strength plus noise."""
    level = contest.field_strength if strength is None else strength
    explained = (FactorValue(FIELD_LABEL, 1.0, level, level),)
    return [Entry(None, party, level, rng.gauss(0.0, contest.noise), explained, start + i)
            for i in range(count)]


def ranked(entries: list[Entry]) -> list[Entry]:
    """Strongest first; ties go to the entry listed first."""
    return sorted(entries, key=lambda e: (-e.strength, e.order))


def set_shares(entries: list[Entry], temperature: float) -> None:
    """Vote shares: a softmax of strengths."""
    if not entries:
        return
    best = max(e.strength for e in entries)
    weights = [math.exp((e.strength - best) / temperature) for e in entries]
    total = sum(weights)
    for entry, weight in zip(entries, weights, strict=True):
        entry.share = weight / total


def pass_mark(contest: ContestDef, entries: list[Entry], free: int) -> Ballot:
    """Exams and appointments: the strongest at or above the threshold take the free seats."""
    order = ranked(entries)
    passed = [e for e in order if e.strength >= contest.threshold]
    for entry in passed[: max(free, 0)]:
        entry.won = True
    return Ballot(order)


def top(entries: list[Entry], seats: int, temperature: float) -> Ballot:
    """The ``seats`` strongest win."""
    order = ranked(entries)
    set_shares(order, temperature)
    for entry in order[:seats]:
        entry.won = True
    return Ballot(order)


def two_round(contest: ContestDef, entries: list[Entry], rng: random.Random) -> Ballot:
    """Plurality; without a majority share the top two meet again with fresh noise."""
    ballot = top(entries, 1, contest.temperature)
    _second_round(contest, ballot, rng)
    return ballot


def _second_round(contest: ContestDef, ballot: Ballot, rng: random.Random) -> None:
    first = ballot.entries
    if len(first) < 2 or first[0].share >= 0.5:
        return
    finalists = [Entry(e.actor, e.party, e.base, rng.gauss(0.0, contest.noise), e.factors,
                       e.order) for e in first[:2]]
    runoff = top(finalists, 1, contest.temperature).entries
    winner = runoff[0].order
    for entry in first:
        entry.won = entry.order == winner
    ballot.runoff = runoff


def district_race(contest: ContestDef, entry: Entry, rng: random.Random, start: int,
                  count: int, strength: float) -> list[Entry]:
    """One district: ``entry`` against ``count`` others; the strongest wins it."""
    district = ranked([entry, *field_entries(contest, rng, count, start, None, strength)])
    set_shares(district, contest.temperature)
    district[0].won = True
    return district


def districts(
    contest: ContestDef, entries: list[Entry], seats: int, rng: random.Random
) -> Ballot:
    """Each actor in a district of its own; if more win than there are seats, the strongest
    winners sit."""
    shown: list[Entry] = []
    district_winners: list[Entry] = []
    for entry in entries:
        district = district_race(contest, entry, rng, len(entries) + len(shown),
                                 contest.field_count, contest.field_strength)
        district_winners.append(district[0])
        district[0].won = False
        shown.extend(district)
    # more district winners than seats (a scenario with few seats): the strongest sit
    for entry in ranked(district_winners)[:seats]:
        entry.won = True
    return Ballot(shown)
