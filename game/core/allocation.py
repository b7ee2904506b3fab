"""Seat allocation rules: highest averages (D'Hondt, Sainte-Laguë) and largest remainder.

Pure functions over party votes; ties go to the party listed first, so results never depend
on dict or set ordering beyond the caller's stable order.
"""

from __future__ import annotations

from collections.abc import Mapping


def highest_averages(
    votes: Mapping[str, float], seats: int, method: str, threshold: float = 0.0
) -> dict[str, int]:
    """Seats per party by D'Hondt (divisors 1, 2, 3...) or Sainte-Laguë (1, 3, 5...).

    Parties below ``threshold`` (a share of all votes, 0..1) win nothing.
    """
    total = sum(votes.values())
    eligible = [p for p, v in votes.items() if total > 0 and v / total >= threshold and v > 0]
    won = {p: 0 for p in votes}
    step = 1.0 if method == "dhondt" else 2.0
    for _ in range(seats):
        if not eligible:
            break
        best = max(eligible, key=lambda p: votes[p] / (1.0 + step * won[p]))
        won[best] += 1
    return won


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
