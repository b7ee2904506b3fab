"""Small, dependency-free statistics for batch reports: Wilson intervals, quantiles, means."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Z95 = 1.959963984540054  # two-sided 95% normal quantile


@dataclass(frozen=True, slots=True)
class Rate:
    """``k`` successes out of ``n`` with a Wilson score interval [lo, hi]."""

    k: int
    n: int
    rate: float
    lo: float
    hi: float

    def as_dict(self) -> dict[str, float | int]:
        """Plain data for summary.json."""
        return {"k": self.k, "n": self.n, "rate": round(self.rate, 4),
                "lo": round(self.lo, 4), "hi": round(self.hi, 4)}

    def text(self) -> str:
        """``12.0% [9.1–15.6]`` for reports."""
        if self.n == 0:
            return "n/a"
        return f"{100 * self.rate:.1f}% [{100 * self.lo:.1f}–{100 * self.hi:.1f}]"


def wilson(k: int, n: int, z: float = Z95) -> Rate:
    """The Wilson score interval for a proportion (good at small n and near 0 or 1)."""
    if n <= 0:
        return Rate(k, 0, 0.0, 0.0, 1.0)
    p = k / n
    denom = 1.0 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1.0 - p) / n + z * z / (4 * n * n)) / denom
    lo = 0.0 if k <= 0 else max(0.0, centre - half)  # exact at the ends, no rounding dust
    hi = 1.0 if k >= n else min(1.0, centre + half)
    return Rate(k, n, p, lo, hi)


def quantile(ordered: Sequence[float], q: float) -> float:
    """The ``q`` quantile of sorted values, linearly interpolated (numpy's default)."""
    if not ordered:
        return math.nan
    pos = q * (len(ordered) - 1)
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def describe(values: Sequence[float]) -> dict[str, float]:
    """Count, mean, standard deviation, min, p10, p25, median, p75, p90 and max."""
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return {"n": 0}
    mean = sum(ordered) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in ordered) / (n - 1)) if n > 1 else 0.0
    out = {"n": n, "mean": mean, "sd": sd, "min": ordered[0], "max": ordered[-1]}
    for name, q in (("p10", 0.1), ("p25", 0.25), ("p50", 0.5), ("p75", 0.75), ("p90", 0.9)):
        out[name] = quantile(ordered, q)
    return {k: round(v, 3) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class MeanCI:
    """A mean with a normal-approximation 95% interval (paired differences, scores)."""

    n: int
    mean: float
    lo: float
    hi: float

    def as_dict(self) -> dict[str, float | int]:
        """Plain data for summary files."""
        return {"n": self.n, "mean": round(self.mean, 4), "lo": round(self.lo, 4),
                "hi": round(self.hi, 4)}

    def text(self, scale: float = 1.0, unit: str = "") -> str:
        """``+3.2 [1.1, 5.3]`` with an optional scale (100 for percentage points)."""
        return (f"{scale * self.mean:+.2f}{unit} "
                f"[{scale * self.lo:+.2f}, {scale * self.hi:+.2f}]")


def mean_ci(values: Sequence[float], z: float = Z95) -> MeanCI:
    """Mean of ``values`` with mean ± z·sd/√n (sd with n−1)."""
    n = len(values)
    if n == 0:
        return MeanCI(0, math.nan, math.nan, math.nan)
    mean = sum(values) / n
    if n == 1:
        return MeanCI(1, mean, mean, mean)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = z * sd / math.sqrt(n)
    return MeanCI(n, mean, mean - half, mean + half)


def median(values: Sequence[float]) -> float:
    """The median (nan when empty)."""
    return quantile(sorted(values), 0.5)
