"""The polls' arithmetic takes shortcuts only where the result is known exactly: a poll, and so
every choice the AI makes from it, is the same bit for bit as the plain arithmetic gives
(saves and replays of careers played before the shortcuts stay valid)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from game.core.odds import above, binomial_pmf, cdf, convolve, count_pmf

chances = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
strengths = st.floats(min_value=-200.0, max_value=200.0, allow_nan=False)


def plain_count_pmf(probs: list[float], limit: int) -> list[float]:
    """The Poisson-binomial count updating every entry at every event."""
    pmf = [1.0] + [0.0] * max(limit - 1, 0)
    for p in probs:
        for j in range(limit - 1, 0, -1):
            pmf[j] = pmf[j] * (1.0 - p) + pmf[j - 1] * p
        pmf[0] *= 1.0 - p
    return pmf[:limit]


@given(st.lists(chances, max_size=14), st.integers(min_value=0, max_value=10))
def test_count_of_rivals_above_is_the_plain_arithmetic(probs: list[float], limit: int) -> None:
    assert count_pmf(probs, limit) == plain_count_pmf(probs, limit)


@given(st.integers(min_value=0, max_value=30), chances, st.integers(min_value=1, max_value=10))
def test_a_field_alone_is_its_own_count(field: int, q: float, limit: int) -> None:
    """What ``ranked`` relies on when no rival is named: adding "nobody" changes nothing."""
    alone = binomial_pmf(field, q, limit)
    assert convolve(count_pmf([], limit), alone, limit) == alone


@given(strengths, strengths, st.floats(min_value=0.01, max_value=50.0))
def test_a_rival_above_is_the_normal_tail(b: float, x: float, sigma: float) -> None:
    assert above(b, x, sigma) == cdf((b - x) / sigma)
