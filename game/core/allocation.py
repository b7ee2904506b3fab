"""Seat allocation rules: highest averages (D'Hondt, Sainte-Laguë), largest remainder, and
mixed-member proportional representation (constituency seats topped up from party lists).

Pure functions over party votes; ties go to the party listed first, so results never depend
on dict or set ordering beyond the caller's stable order.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

#: How a mixed system treats constituency seats beyond a party's proportional share.
Compensation = Literal["kept", "levelled", "none"]


def divisor(method: str, won: int) -> float:
    """The divisor of a party's next seat after ``won`` seats: D'Hondt 1, 2, 3...;
    Sainte-Laguë 1, 3, 5... (as 0.5, 1.5, 2.5..., the same ranking)."""
    return won + 1.0 if method == "dhondt" else won + 0.5


def eligible_parties(votes: Mapping[str, float], threshold: float,
                     exempt: Collection[str] = ()) -> list[str]:
    """Parties with votes and at least ``threshold`` of all votes (0..1), or ``exempt``."""
    total = sum(votes.values())
    return [p for p, v in votes.items()
            if v > 0 and (p in exempt or (total > 0 and v / total >= threshold))]


def highest_averages(
    votes: Mapping[str, float], seats: int, method: str, threshold: float = 0.0,
    exempt: Collection[str] = (),
) -> dict[str, int]:
    """Seats per party by D'Hondt or Sainte-Laguë: the ``seats`` largest quotients
    votes / divisor win.  Parties below ``threshold`` (a share of all votes, 0..1) win
    nothing unless listed in ``exempt``."""
    won = {p: 0 for p in votes}
    parties = eligible_parties(votes, threshold, exempt)
    if seats <= 0 or not parties:
        return won
    _fill(votes, parties, won, seats, method)
    return won


def _fill(votes: Mapping[str, float], parties: list[str], won: dict[str, int], seats: int,
          method: str) -> None:
    """Give ``seats`` seats among ``parties`` (``won`` all zero on entry)."""
    total = sum(votes[p] for p in parties)
    # Every quotient at or above ``level`` is certainly among the winners, because there are
    # at most ``seats`` of them; hand those out at once, then the rest one by one.
    spare = seats - (0.0 if method == "dhondt" else len(parties) / 2.0)
    if spare > 0:
        level = total / spare
        offset = 0.0 if method == "dhondt" else 0.5
        for p in parties:
            won[p] = math.floor(votes[p] / level + offset)
    given = sum(won[p] for p in parties)
    if given > seats:  # rounding pushed a count over: start from nothing instead
        for p in parties:
            won[p] = 0
        given = 0
    more = next_seats(votes, parties, won, method)
    for _ in range(seats - given):
        next(more)


def next_seats(votes: Mapping[str, float], parties: list[str], won: dict[str, int],
               method: str) -> Iterator[str]:
    """Seats one at a time after those in ``won`` (updated as it goes): the party with the
    largest next quotient takes each, the first listed on a tie."""
    heap = [(-votes[p] / divisor(method, won[p]), i, p) for i, p in enumerate(parties)]
    heapq.heapify(heap)
    while heap:
        _, i, p = heapq.heappop(heap)
        won[p] += 1
        heapq.heappush(heap, (-votes[p] / divisor(method, won[p]), i, p))
        yield p


def largest_remainder(weights: Mapping[str, float], seats: int) -> dict[str, int]:
    """Split ``seats`` in proportion to ``weights`` (Hamilton), first listed wins ties."""
    total = sum(weights.values())
    if total <= 0 or seats <= 0:
        return {p: 0 for p in weights}
    quotas = {p: seats * w / total for p, w in weights.items()}
    won = {p: int(q) for p, q in quotas.items()}
    order = sorted(weights, key=lambda p: -(quotas[p] - won[p]))
    for party in order[: seats - sum(won.values())]:
        won[party] += 1
    return won


def cube_law(votes: Mapping[str, float], seats: int) -> dict[str, int]:
    """Constituencies won by each party when first past the post exaggerates the lead:
    in proportion to the cube of each party's vote (the "cube law" of plurality systems)."""
    return largest_remainder({p: max(v, 0.0) ** 3 for p, v in votes.items()}, seats)


@dataclass(frozen=True, slots=True)
class MixedResult:
    """A mixed-member chamber: seats per party, list seats among them, and the house size."""

    seats: dict[str, int]
    list_seats: dict[str, int]
    house: int
    eligible: tuple[str, ...]
    shared: int  # seats shared out by the party vote (the house less seats outside it)


def mixed_member(
    votes: Mapping[str, float], district_wins: Mapping[str, int], seats: int, method: str,
    threshold: float = 0.0, exemption: int = 0, compensation: Compensation = "kept",
    odd_house: bool = False,
) -> MixedResult:
    """Mixed-member proportional seats from party votes and constituency wins.

    ``seats``: the nominal house (constituencies included).  Parties reaching ``threshold``
    of the party vote, or winning at least ``exemption`` constituencies (0: no exemption),
    share the house by ``method``; constituency seats won by other parties come off first.
    ``compensation``: "kept" lets a party keep constituency seats beyond its share (overhang,
    the house grows by them); "levelled" then enlarges the house until every party's share
    covers its constituency seats (levelling seats), made odd with ``odd_house``; "none"
    is a parallel system: the seats left after the constituencies are shared by the vote,
    without regard to constituencies won.
    """
    wins = {p: district_wins.get(p, 0) for p in votes}
    exempt = [p for p, n in wins.items() if exemption > 0 and n >= exemption]
    eligible = eligible_parties(votes, threshold, exempt)
    outside = sum(n for p, n in wins.items() if p not in eligible)
    if compensation == "none":
        tier = highest_averages(votes, max(seats - sum(wins.values()), 0), method, threshold,
                                exempt)
        total = {p: wins[p] + tier[p] for p in votes}
        return MixedResult(total, tier, sum(total.values()), tuple(eligible),
                           sum(tier.values()))
    house = max(seats - outside, 0)
    share = _share(votes, eligible, house, method)
    if compensation == "levelled" and eligible:
        # divisor methods never take a seat away as the house grows: add seats one by one
        more = next_seats(votes, eligible, share, method)
        while any(share[p] < wins[p] for p in eligible) or (
                odd_house and (house + outside) % 2 == 0):
            next(more)
            house += 1
    total = {p: max(share.get(p, 0), wins[p]) for p in votes}
    lists = {p: total[p] - wins[p] for p in votes}
    return MixedResult(total, lists, sum(total.values()), tuple(eligible), house)


def _share(votes: Mapping[str, float], parties: list[str], seats: int,
           method: str) -> dict[str, int]:
    won = {p: 0 for p in votes}
    if parties and seats > 0:
        _fill(votes, parties, won, seats, method)
    return won
