"""How many list seats a party may win: the distribution behind list polls.

A party wins at least k seats when its k-th quotient beats the quotient that would otherwise
take the last seat, so the vote it needs for each k follows from the other parties' votes
(``seat_needs``).  Those are taken at their expected values, except that a party that may
fall either side of the threshold is followed both ways; the party's own vote varies with an
effective spread (``party_sd``) that moves its share as much as every party's noise does.
Its seats, made continuous between the needs, are then matched by a normal distribution
(mean and spread by quadrature over its vote), with the chance of missing the threshold
apart.  Checked against simulated elections in the tests.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game.core.allocation import Compensation, cube_law, divisor, mixed_member, next_seats
from game.core.odds import LEGENDRE, SPAN, cdf, pdf

TINY = 1e-9
UNSURE = 0.01  # a party this likely (or unlikely) to miss the threshold is followed both ways


@dataclass(frozen=True, slots=True)
class Branch:
    """One case of which other parties pass the threshold."""

    weight: float
    needs: tuple[float, ...]  # needs[k - 1]: the vote that wins at least k seats
    bar: float  # the vote below which the party itself misses the threshold


class SeatOdds:
    """List seats of one party (in one region) as its mean vote varies."""

    __slots__ = ("_memo", "branches", "sd", "split")

    def __init__(self, branches: tuple[Branch, ...], sd: float,
                 split: tuple[int, ...] = ()) -> None:
        self.branches = branches
        self.sd = sd  # spread of the party's vote, popularity points
        self.split = split  # regions: the region's seats for each party total (index)
        self._memo: dict[float, list[tuple[int, float]]] = {}

    def in_region(self, split: tuple[int, ...]) -> SeatOdds:
        """The same odds, read through a regional share of the party's seats."""
        return SeatOdds(self.branches, self.sd, split)

    def distribution(self, mean: float) -> list[tuple[int, float]]:
        """(seats, probability) pairs with a chance above zero, at mean vote ``mean``."""
        found = self._memo.get(mean)
        if found is None:
            found = self._memo[mean] = self._distribution(mean)
        return found

    def _distribution(self, mean: float) -> list[tuple[int, float]]:
        merged: dict[int, float] = {}
        for branch in self.branches:
            for k, p in _branch_distribution(branch, mean, self.sd):
                local = self.split[min(k, len(self.split) - 1)] if self.split else k
                merged[local] = merged.get(local, 0.0) + branch.weight * p
        return sorted((k, p) for k, p in merged.items() if p > TINY)


def _continuous(needs: tuple[float, ...], vote: float) -> float:
    """Seats at ``vote``, made continuous: k - 1/2 at needs[k-1], rising to k + 1/2."""
    k = bisect.bisect_right(needs, vote)
    if k == 0:
        return 0.0
    if k >= len(needs):
        return float(len(needs))
    low, high = needs[k - 1], needs[k]
    return k - 0.5 + (vote - low) / (high - low) if high > low else float(k)


def _branch_distribution(branch: Branch, mean: float, sd: float) -> list[tuple[int, float]]:
    seats = len(branch.needs)
    if seats == 0:
        return [(0, 1.0)]
    if sd <= 0.0:
        return [(bisect.bisect_right(branch.needs, mean) if mean >= branch.bar else 0, 1.0)]
    start = max((branch.bar - mean) / sd, -SPAN) if branch.bar > 0 else -SPAN
    if start >= SPAN:
        return [(0, 1.0)]
    missed = cdf(start) if branch.bar > 0 else 0.0
    width = SPAN - start
    m0 = m1 = m2 = 0.0
    for t, w in zip(*LEGENDRE, strict=True):
        z = start + width * t
        weight = w * pdf(z)
        value = _continuous(branch.needs, mean + sd * z)
        m0 += weight
        m1 += weight * value
        m2 += weight * value * value
    centre = m1 / m0
    spread = math.sqrt(max(m2 / m0 - centre * centre, 0.0)) + 1e-6
    at_least = [1.0] + [(1.0 - missed) * cdf((centre - (k - 0.5)) / spread)
                        for k in range(1, seats + 1)] + [0.0]
    return [(k, at_least[k] - at_least[k + 1]) for k in range(seats + 1)
            if at_least[k] - at_least[k + 1] > TINY]


def party_sd(noise: float, means: Mapping[str, float], party: str) -> float:
    """The spread of ``party``'s vote, others held at their means, that moves its share as
    much as every party's own noise does."""
    others = sum(v for p, v in means.items() if p != party)
    if others <= 0.0:
        return noise
    return noise * math.sqrt(1.0 + (len(means) - 1) * (means[party] / others) ** 2)


def seat_needs(means: Mapping[str, float], party: str, seats: int, method: str,
               out: Sequence[str] = ()) -> list[float]:
    """needs[k - 1]: the vote ``party`` needs for at least k of ``seats``, against the other
    parties' quotients (parties in ``out`` win nothing)."""
    others = {p: v for p, v in means.items() if p != party and p not in out and v > 0}
    # the other parties' ``seats`` largest quotients, largest first: the seats they would
    # take one by one without this party
    won = dict.fromkeys(others, 0)
    taken: list[float] = []
    if others:
        more = next_seats(others, list(others), won, method)
        for _ in range(seats):
            p = next(more)
            taken.append(others[p] / divisor(method, won[p] - 1))
    return [divisor(method, k - 1) * (taken[seats - k] if seats - k < len(taken) else 0.0)
            for k in range(1, seats + 1)]


def threshold_bar(means: Mapping[str, float], party: str, threshold: float) -> float:
    """The vote ``party`` needs to reach ``threshold`` of all votes."""
    if threshold <= 0.0 or threshold >= 1.0:
        return 0.0
    return threshold * sum(v for p, v in means.items() if p != party) / (1.0 - threshold)


def list_odds(means: Mapping[str, float], party: str, seats: int, method: str,
              threshold: float, noise: float, exempt: Sequence[str] = (),
              shift: int = 0) -> SeatOdds:
    """Seat odds in a list election of ``seats`` (``shift``: seats the party already holds
    that count against its share, as constituencies do in a mixed system)."""
    unsure: list[tuple[str, float]] = []
    out: list[str] = []
    for other, vote in means.items():
        if other == party or other in exempt or threshold <= 0.0:
            continue
        miss = cdf((threshold_bar(means, other, threshold) - vote) / party_sd(noise, means,
                                                                             other))
        if miss > 1.0 - UNSURE:
            out.append(other)
        elif miss > UNSURE:
            unsure.append((other, miss))
    bar = 0.0 if party in exempt else threshold_bar(means, party, threshold)
    branches = []
    for below in itertools.product((False, True), repeat=len(unsure)):
        weight = 1.0
        for (_, miss), fell in zip(unsure, below, strict=True):
            weight *= miss if fell else 1.0 - miss
        gone = out + [p for (p, _), fell in zip(unsure, below, strict=True) if fell]
        needs = seat_needs(means, party, seats, method, gone)[shift:]
        branches.append(Branch(weight, tuple(needs), bar))
    return SeatOdds(tuple(branches), party_sd(noise, means, party))


def regional_split(method: str, weights: Sequence[float], region: int,
                   up_to: int) -> tuple[int, ...]:
    """For each party total 0..``up_to``: the seats its list in ``region`` gets (the method
    never takes a seat away as the total grows, so one pass gives every total)."""
    votes = {str(i): w for i, w in enumerate(weights)}
    won = dict.fromkeys(votes, 0)
    parties = [p for p, w in votes.items() if w > 0]
    table = [0]
    if parties:
        more = next_seats(votes, parties, won, method)
        for _ in range(up_to):
            next(more)
            table.append(won[str(region)])
    return tuple(table + [table[-1]] * (up_to + 1 - len(table)))


def expected_wins(means: Mapping[str, float], constituencies: int,
                  actor_wins: Mapping[str, float]) -> dict[str, int]:
    """Constituencies each party expects: its actors' chances, the rest by the cube law."""
    named = round(sum(actor_wins.values()))
    rest = cube_law(means, max(constituencies - named, 0))
    return {p: rest[p] + round(actor_wins.get(p, 0.0)) for p in means}


def mixed_house(means: Mapping[str, float], wins: Mapping[str, int], seats: int,
                method: str, threshold: float, exemption: int, compensation: Compensation,
                odd_house: bool) -> int:
    """Seats shared out by the party vote at expected votes (levelling may enlarge it)."""
    return mixed_member(means, wins, seats, method, threshold, exemption, compensation,
                        odd_house).shared
