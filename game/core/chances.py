"""Win chances under each contest rule, given base strengths: the mathematics of polls.

An entrant's strength is its base plus normal noise of the contest's spread ``sigma``; the
chance is an expectation over the actor's own noise (Gauss quadrature) of the chance given
that noise, which the other entrants' independent noises make exact: the number of rivals
above the actor is a Poisson-binomial count.  Long lists of unnamed candidates are handled
by the order statistics of the normal instead, since counting them would need too fine a
quadrature.  Each function mirrors one rule in ``ballots`` / ``ballot_lists``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from game.core.odds import (
    SQRT2,
    above,
    binomial_pmf,
    cdf,
    convolve,
    count_pmf,
    expect,
    expect_above,
    lognormal_sum_below,
    order_moments,
)

#: A rival: (base strength, listed before the actor so it wins ties, chance it stands).
Rival = tuple[float, bool, float]
SeatDist = Sequence[tuple[int, float]]  # (seats, probability)
SMALL_FIELD = 12  # unnamed contenders counted exactly up to this many


def pass_mark(s: float, sigma: float, rivals: Sequence[Rival], free: int,
              threshold: float) -> float:
    """Exams, appointments, investitures: at or above the mark and among the ``free`` best."""
    if free <= 0:
        return 0.0
    if free > len(rivals):  # a place for everyone who passes: only the mark counts
        return expect_above(lambda x: 1.0, s, sigma, threshold) if sigma > 0.0 else float(
            s >= threshold)

    def given(x: float) -> float:
        probs = [above(b, x, sigma, first) * here for b, first, here in rivals]
        if free == 1:
            return math.prod(1.0 - p for p in probs)
        return sum(count_pmf(probs, free))

    return expect_above(given, s, sigma, threshold)


def ranked(s: float, sigma: float, rivals: Sequence[Rival], field: int, level: float,
           seats: SeatDist) -> float:
    """Among the ``seats`` strongest of the actor, its rivals and ``field`` unnamed contenders
    of strength ``level`` (``seats`` may be uncertain: a distribution)."""
    seats = [(k, p) for k, p in seats if k > 0 and p > 0.0]
    if not seats:
        return 0.0
    if field > SMALL_FIELD and sigma > 0.0:
        return _ranked_long(s, sigma, rivals, field, level, seats)
    limit = max(k for k, _ in seats)
    if limit == 1:  # one seat: nobody may finish above the actor
        return expect(lambda x: math.prod(1.0 - above(b, x, sigma, first) * here
                                          for b, first, here in rivals)
                      * (1.0 - above(level, x, sigma)) ** field, s, sigma)

    def given(x: float) -> float:
        if not rivals and field:  # the field's count alone (convolving with "none" copies it)
            pmf = binomial_pmf(field, above(level, x, sigma), limit)
        else:
            probs = [above(b, x, sigma, first) * here for b, first, here in rivals]
            pmf = count_pmf(probs, limit)
            if field:
                pmf = convolve(pmf, binomial_pmf(field, above(level, x, sigma), limit), limit)
        fewer = [0.0]  # fewer[k]: P(fewer than k others above the actor)
        for mass in pmf:
            fewer.append(fewer[-1] + mass)
        return sum(p * fewer[k] for k, p in seats)

    return expect(given, s, sigma)


def _ranked_long(s: float, sigma: float, rivals: Sequence[Rival], field: int, level: float,
                 seats: SeatDist) -> float:
    """``ranked`` for a long field: the actor beats the c-th best unnamed contender, a normal
    order statistic; rivals are counted at the strength where that contest is decided."""
    total = 0.0
    for k, p in seats:
        edge = level + sigma * order_moments(field, min(max(k, 1), field))[0]
        probs = [above(b, edge, sigma, first) * here for b, first, here in rivals]
        pmf = count_pmf(probs, len(rivals) + 1)
        chance = 0.0
        for j, mass in enumerate(pmf):
            chance += mass * _beats_field(s, sigma, field, level, k - j)
        total += p * chance
    return total


def _beats_field(s: float, sigma: float, field: int, level: float, places: int) -> float:
    """P(the actor finishes above the ``places``-th best of the unnamed field)."""
    if places <= 0:
        return 0.0
    if places > field:
        return 1.0
    mean, var = order_moments(field, places)
    return cdf((s - level - sigma * mean) / (sigma * math.sqrt(1.0 + var)))


def districts(s: float, sigma: float, field: int, level: float, others: Sequence[float],
              seats: int) -> float:
    """Win one's own district against ``field`` others; if more actors stand than there are
    seats, also be among the ``seats`` strongest district winners."""

    def given(x: float) -> float:
        home = (1.0 - above(level, x, sigma)) ** field
        if len(others) < seats or home == 0.0:
            return home
        probs = [above(b, x, sigma) * (1.0 - above(level, max(x, b), sigma)) ** field
                 for b in others]
        return home * sum(count_pmf(probs, seats))

    return expect(given, s, sigma)


def two_round(s: float, sigma: float, temperature: float, others: Sequence[Rival]) -> float:
    """Plurality with a runoff of the top two when the leader's share is under a half.

    Given the actor's first-round strength x: it leads and wins outright, leads and wins the
    runoff, or comes second and wins the runoff.  Shares are a softmax, so the leader's share
    is a half when the others' exp(strength/temperature) add up to its own: that sum is fitted
    by a log-normal.  Runoffs draw fresh noise for both finalists.
    """
    if not others:
        return 1.0
    if sigma <= 0.0:
        return _two_round_fixed(s, temperature, others)
    runoff = [cdf((s - b) / (sigma * SQRT2)) for b, _, _ in others]
    leads = _leading_shares([b for b, _, _ in others], sigma)
    runoff_first = sum(w * r for w, r in zip(leads, runoff, strict=True))
    bases = [b for b, _, _ in others]
    return expect(lambda x: _two_round_given(x, sigma, temperature, bases, runoff,
                                             runoff_first), s, sigma)


def _two_round_given(x: float, sigma: float, temperature: float, bases: list[float],
                     runoff: list[float], runoff_first: float) -> float:
    """The two-round chance when the actor's first-round strength is ``x``."""
    scale = sigma / temperature
    below = [1.0 - above(b, x, sigma) for b in bases]
    means, seconds = [], []
    for b, low in zip(bases, below, strict=True):
        if low <= 1e-300:
            means.append(0.0)
            seconds.append(0.0)
            continue
        c, shift = (x - b) / sigma, (b - x) / temperature
        # E[exp((S - x)/T) | S < x] and its square, for S normal: the softmax weights
        means.append(math.exp(shift + scale * scale / 2) * cdf(c - scale) / low)
        seconds.append(math.exp(2 * shift + 2 * scale * scale) * cdf(c - 2 * scale) / low)
    outright = lognormal_sum_below(means, seconds, 1.0)
    everyone = math.prod(below)
    chance = everyone * (outright + (1.0 - outright) * runoff_first)
    total_mean = sum(means)
    for i, b in enumerate(bases):
        if below[i] >= 1.0 or below[i] <= 0.0:
            continue
        # second behind rival i, whose lead is short of a majority: a runoff against it
        margin = temperature * math.log1p(total_mean - means[i])
        second = cdf((x + margin - b) / sigma) - below[i]
        chance += max(second, 0.0) * everyone / below[i] * runoff[i]
    return chance


def _leading_shares(bases: Sequence[float], sigma: float) -> list[float]:
    """P(each is the strongest of ``bases``), to weigh who meets the actor in a runoff."""
    shares = []
    for i, b in enumerate(bases):
        rest = [c for j, c in enumerate(bases) if j != i]
        shares.append(expect(lambda t, rest=rest: math.prod(  # type: ignore[misc]
            cdf((t - c) / sigma) for c in rest), b, sigma))
    total = sum(shares) or 1.0
    return [w / total for w in shares]


def _two_round_fixed(s: float, temperature: float, others: Sequence[Rival]) -> float:
    """Without noise the runoff repeats the first round: the leader wins (ties to whoever is
    listed first)."""
    return 1.0 if all(s > b or (s == b and not first) for b, first, _ in others) else 0.0


def constituency(s: float, sigma: float, field: int, level: float) -> float:
    """A mixed system's constituency: the actor against ``field`` unnamed contenders."""
    return expect(lambda x: (1.0 - above(level, x, sigma)) ** field, s, sigma)
