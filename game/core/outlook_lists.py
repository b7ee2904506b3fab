"""List elections seen from one candidate: the party's seats, then its place on the list.

The party's list seats follow ``seatodds`` (the party vote's noise, the threshold, in mixed
systems the constituencies it expects to win, in regional systems its region's share); the
candidate's place on its list is a race against its list-mates and the unnamed candidates
(``chances.ranked``).  In a mixed system the candidate first stands in a constituency of its
own, and only falls back on the list if it loses there.
"""

from __future__ import annotations

from game.core import chances
from game.core.ballot_lists import PERSONAL_VOTE, list_length
from game.core.race import NEVER, Race, cached, rank_score, rivals_of, shown
from game.core.scenario import ContestDef
from game.core.seatodds import (
    SeatOdds,
    expected_wins,
    list_odds,
    mixed_house,
    regional_split,
)
from game.core.state import Actor, GameState


def region_index(state: GameState, contest: ContestDef, actor: Actor) -> int | None:
    """The region whose lists ``actor`` would stand on (0 without regions)."""
    if not contest.regions:
        return 0
    for index, holds in enumerate(state.book.region_requires[contest.id]):
        if holds(state, actor):
            return index
    return None


def _mean_votes(state: GameState, contest: ContestDef) -> dict[str, float]:
    """Each party's expected vote before personal votes."""
    if not contest.regions:
        return dict(state.popularity)
    total = sum(r.weight for r in contest.regions)
    return {p: sum(r.weight * (v + r.swing.get(p, 0.0)) for r in contest.regions) / total
            for p, v in state.popularity.items()}


def list_race(state: GameState, actor: Actor, contest: ContestDef) -> Race:
    """The race of ``actor`` in a list election, mixed-member or not."""
    party = actor.party
    if party is None:
        return NEVER
    region = region_index(state, contest, actor)
    rows = rivals_of(state, actor, contest, None)
    means = _mean_votes(state, contest)
    if not contest.two_ballots:
        for other, strength, _ in rows:
            if other.party in means:
                means[other.party] += max(strength, 0.0) / PERSONAL_VOTE
    mixed = contest.mixed
    home: dict[str, float] = {}
    if mixed is not None:
        home = {other.id: chances.constituency(s, contest.noise, mixed.field_count,
                                               mixed.field_strength) for other, s, _ in rows}
    closed = contest.list_type == "closed"
    mates = tuple((rank_score(state, o, contest) if closed else s, first,
                   1.0 - home.get(o.id, 0.0))
                  for o, s, first in rows
                  if o.party == party and region_index(state, contest, o) == region)
    own_rank = rank_score(state, actor, contest) if closed else None
    wins = _expected_wins(contest, party, means, home, rows)
    means_key = tuple(sorted(means.items()))
    key = (contest.id, "list", party, region, means_key, mates, own_rank, wins)
    return cached(state, key, lambda: _list_chances(
        state, contest, party, region, means, mates, own_rank,
        _seat_odds(state, contest, party, region, means, dict(wins)), shown(rows)))


def _expected_wins(contest: ContestDef, party: str, means: dict[str, float],
                   home: dict[str, float], rows: list[tuple[Actor, float, bool]]
                   ) -> tuple[tuple[str, int], ...]:
    """Mixed systems: constituencies each party expects (the actor's own left out: its list
    place matters only if it loses there)."""
    if contest.mixed is None:
        return ()
    actor_wins: dict[str, float] = {}
    for other, _, _ in rows:
        if other.party is not None:
            actor_wins[other.party] = actor_wins.get(other.party, 0.0) + home[other.id]
    return tuple(expected_wins(means, contest.mixed.constituencies, actor_wins).items())


def _list_chances(state: GameState, contest: ContestDef, party: str, region: int | None,
                  means: dict[str, float], mates: tuple[chances.Rival, ...],
                  own_rank: float | None, odds: SeatOdds,
                  labels: tuple[tuple[str, float], ...]) -> Race:
    """The race on one party's list (and in a constituency, in a mixed system)."""
    length = list_length(state, contest, region) if region is not None else 0
    sigma, level, base_vote, mixed = (contest.noise, contest.field_strength, means[party],
                                      contest.mixed)
    seen: dict[float, list[tuple[int, float]]] = {}  # party vote -> its seat distribution

    def chance(s: float) -> float:
        listed = 0.0
        if region is not None:
            vote = base_vote + (0.0 if contest.two_ballots else max(s, 0.0) / PERSONAL_VOTE)
            seats = seen.get(vote)
            if seats is None:
                seats = seen[vote] = odds.distribution(vote)
            place = s if own_rank is None else own_rank
            listed = chances.ranked(place, sigma, mates, length, level, seats)
        if mixed is None:
            return listed
        won = chances.constituency(s, sigma, mixed.field_count, mixed.field_strength)
        return won + (1.0 - won) * listed

    return Race(chance, labels)


def _seat_odds(state: GameState, contest: ContestDef, party: str, region: int | None,
               means: dict[str, float], wins: dict[str, int]) -> SeatOdds:
    """The party's list seats (in the candidate's region) as its vote varies; remembered
    apart from the race, since every candidate of the party shares it."""
    key = (contest.id, "seats", party, region, tuple(sorted(means.items())),
           tuple(sorted(wins.items())))
    found = state.book.poll_cache.get(key)
    if isinstance(found, SeatOdds):
        return found
    made = state.book.poll_cache[key] = _work_out_seat_odds(state, contest, party, region,
                                                            means, wins)
    return made


def _work_out_seat_odds(state: GameState, contest: ContestDef, party: str,
                        region: int | None, means: dict[str, float],
                        wins: dict[str, int]) -> SeatOdds:
    seats = contest.winners or state.book.positions[contest.position].seats
    mixed = contest.mixed
    if mixed is None:
        odds = list_odds(means, party, seats, contest.allocation, contest.party_threshold,
                         contest.party_noise)
    else:
        exempt = [p for p, n in wins.items() if mixed.exemption > 0 and n >= mixed.exemption]
        house = mixed_house(means, wins, seats, contest.allocation, contest.party_threshold,
                            mixed.exemption, mixed.compensation, mixed.odd_house)
        shift = 0 if mixed.compensation == "none" else wins[party]
        odds = list_odds(means, party, house, contest.allocation, contest.party_threshold,
                         contest.party_noise, exempt, shift)
    if not contest.regions or region is None:
        return odds
    local = [r.weight * max(state.popularity[party] + r.swing.get(party, 0.0), 0.1)
             for r in contest.regions]
    split = regional_split(contest.allocation, local, region, seats + 1)
    return odds.in_region(split)
