"""Numerical helpers for polls: normal probabilities, Gaussian quadrature, counts of rivals.

Pure functions; nothing random.  Quadrature nodes are computed once at import (Newton's
method on the orthogonal polynomials), so expectations over a contestant's noise cost a
fixed handful of evaluations.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from statistics import NormalDist

SQRT2 = math.sqrt(2.0)
INV_SQRT2PI = 1.0 / math.sqrt(2.0 * math.pi)
GAUSS_NODES = 12  # nodes for expectations over one normal noise
SPAN = 8.0  # standard deviations beyond which a normal noise is treated as never reaching


def cdf(x: float) -> float:
    """P(Z <= x) for a standard normal Z (accurate in both tails)."""
    return 0.5 * math.erfc(-x / SQRT2)


def pdf(x: float) -> float:
    """The standard normal density."""
    return INV_SQRT2PI * math.exp(-0.5 * x * x)


def above(b: float, x: float, sigma: float, earlier: bool = False) -> float:
    """P(b + sigma Z > x): a rival of base strength ``b`` finishes above ``x``.

    Without noise a tie goes to whoever is listed first (``earlier``: the rival).
    """
    if sigma <= 0.0:
        return 1.0 if b > x or (b == x and earlier) else 0.0
    return 0.5 * math.erfc(-((b - x) / sigma) / SQRT2)  # cdf, inlined: the polls' innermost call


def _hermite_nodes(n: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Gauss-Hermite nodes and weights for E[f(Z)], Z standard normal."""
    nodes: list[float] = []
    weights: list[float] = []
    z = 0.0
    pi4 = math.pi ** -0.25
    for i in range(n // 2):
        # initial guesses (Numerical Recipes, gauher), then Newton on H_n (physicists')
        if i == 0:
            z = math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** (-1 / 6)
        elif i == 1:
            z -= 1.14 * n ** 0.426 / z
        elif i == 2:
            z = 1.86 * z - 0.86 * nodes[0]
        elif i == 3:
            z = 1.91 * z - 0.91 * nodes[1]
        else:
            z = 2.0 * z - nodes[i - 2]
        pp = 0.0
        for _ in range(100):
            p1, p2 = pi4, 0.0
            for j in range(1, n + 1):
                p3, p2 = p2, p1
                p1 = z * math.sqrt(2.0 / j) * p2 - math.sqrt((j - 1) / j) * p3
            pp = math.sqrt(2.0 * n) * p2
            step = p1 / pp
            z -= step
            if abs(step) < 1e-14:
                break
        nodes.append(z)
        weights.append(2.0 / (pp * pp))
    full_nodes = [-x * SQRT2 for x in nodes] + [x * SQRT2 for x in reversed(nodes)]
    full_weights = [w / math.sqrt(math.pi) for w in weights] + [
        w / math.sqrt(math.pi) for w in reversed(weights)]
    return tuple(full_nodes), tuple(full_weights)


def _legendre_nodes(n: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Gauss-Legendre nodes and weights on [0, 1]."""
    nodes, weights = [], []
    for i in range(1, n + 1):
        x = math.cos(math.pi * (i - 0.25) / (n + 0.5))
        dp = 1.0
        for _ in range(100):
            p1, p2 = 1.0, 0.0
            for j in range(1, n + 1):
                p1, p2 = ((2 * j - 1) * x * p1 - (j - 1) * p2) / j, p1
            dp = n * (x * p1 - p2) / (x * x - 1.0)
            step = p1 / dp
            x -= step
            if abs(step) < 1e-15:
                break
        nodes.append(0.5 * (1.0 - x))
        weights.append(1.0 / ((1.0 - x * x) * dp * dp))
    return tuple(nodes), tuple(weights)


HERMITE = _hermite_nodes(GAUSS_NODES)
LEGENDRE = _legendre_nodes(GAUSS_NODES)
_HERMITE_PAIRS = tuple(zip(*HERMITE, strict=True))  # (node, weight): zipped once, not per call


def expect(fn: Callable[[float], float], mean: float, sd: float) -> float:
    """E[fn(mean + sd Z)]."""
    if sd <= 0.0:
        return fn(mean)
    return sum([w * fn(mean + sd * z) for z, w in _HERMITE_PAIRS])  # a list: no generator


def expect_above(fn: Callable[[float], float], mean: float, sd: float, lower: float) -> float:
    """E[fn(X) if X >= lower else 0] for X = mean + sd Z: a smooth integrand cut at a mark
    (``fn`` never falls as X rises)."""
    if sd <= 0.0:
        return fn(mean) if mean >= lower else 0.0
    if fn(mean - SPAN * sd) == 1.0:  # rising, so 1 throughout: only the mark counts
        return cdf((mean - lower) / sd)
    start = (lower - mean) / sd
    if start <= -SPAN:
        return expect(fn, mean, sd)
    if start >= SPAN:
        return 0.0
    width = SPAN - start
    return width * sum(w * pdf(start + width * t) * fn(mean + sd * (start + width * t))
                       for t, w in zip(*LEGENDRE, strict=True))


def count_pmf(probs: Sequence[float], limit: int) -> list[float]:
    """P(exactly j of independent events happen) for j < ``limit`` (Poisson binomial)."""
    pmf = [1.0] + [0.0] * max(limit - 1, 0)
    top = 0  # after k events pmf[j] is exactly 0 for j > k: those updates would keep it 0
    for p in probs:
        miss = 1.0 - p
        if top < limit - 1:
            top += 1
        for j in range(top, 0, -1):
            pmf[j] = pmf[j] * miss + pmf[j - 1] * p
        pmf[0] *= miss
    return pmf[:limit]


def binomial_pmf(n: int, q: float, limit: int) -> list[float]:
    """P(Bin(n, q) = j) for j < ``limit``."""
    out = [0.0] * limit
    if limit <= 0:
        return out
    if q <= 0.0:
        out[0] = 1.0
        return out
    if q >= 1.0:
        if n < limit:
            out[n] = 1.0
        return out
    term = (1.0 - q) ** n
    ratio = q / (1.0 - q)
    for j in range(min(limit, n + 1)):
        out[j] = term
        term *= ratio * (n - j) / (j + 1)
    return out


def convolve(a: list[float], b: list[float], limit: int) -> list[float]:
    """The distribution of the sum of two independent counts, for totals < ``limit``."""
    out = [0.0] * limit
    for i, x in enumerate(a[:limit]):
        if x == 0.0:
            continue
        for j, y in enumerate(b[: limit - i]):
            out[i + j] += x * y
    return out


ORDER_NODES = _legendre_nodes(48)


@lru_cache(maxsize=4096)
def order_moments(size: int, rank: int) -> tuple[float, float]:
    """Mean and variance of the ``rank``-th largest of ``size`` standard normals.

    Quadrature of the order statistic's density over a window around Blom's approximation
    of its mean, some eight of its asymptotic standard deviations wide.
    """
    if size == 1:
        return 0.0, 1.0
    log_c = math.lgamma(size + 1) - math.lgamma(rank) - math.lgamma(size - rank + 1)
    centre = NormalDist().inv_cdf((size - rank + 1 - 0.375) / (size + 0.25))
    share = (size - rank + 1) / (size + 1)
    width = max(math.sqrt(share * (1 - share) / (size + 2)) / pdf(centre), 0.15)
    low_end, high_end = max(-SPAN, centre - 8 * width), min(SPAN, centre + 8 * width)
    m0 = m1 = m2 = 0.0
    for t, w in zip(*ORDER_NODES, strict=True):
        y = low_end + (high_end - low_end) * t
        low, high = cdf(y), cdf(-y)
        if low > 0.0 and high > 0.0:
            density = w * math.exp(log_c + (size - rank) * math.log(low)
                                   + (rank - 1) * math.log(high)) * pdf(y)
            m0 += density
            m1 += density * y
            m2 += density * y * y
    mean = m1 / m0
    return mean, max(m2 / m0 - mean * mean, 1e-9)


def lognormal_sum_below(means: Sequence[float], second: Sequence[float], level: float) -> float:
    """P(sum of independent positive terms <= ``level``), the sum fitted by a log-normal
    with the same mean and variance (Fenton-Wilkinson)."""
    mean = sum(means)
    if mean <= 0.0:
        return 1.0
    var = sum(max(s - m * m, 0.0) for m, s in zip(means, second, strict=True))
    shape = math.log1p(var / (mean * mean))
    if shape <= 1e-12:
        return 1.0 if mean <= level else 0.0
    loc = math.log(mean) - shape / 2.0
    return cdf((math.log(level) - loc) / math.sqrt(shape))
