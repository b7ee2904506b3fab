"""Statistics: Wilson intervals on known values, quantiles, means, flags on made-up rows."""

from __future__ import annotations

import math
from typing import Any

import pytest

from game.sim.flags import dominance_flags
from game.sim.stats import describe, mean_ci, quantile, wilson
from game.sim.summary import bands, path_label, usage


@pytest.mark.parametrize(("k", "n", "lo", "hi"), [
    (0, 10, 0.0, 0.2775),      # reference values, e.g. statsmodels proportion_confint(wilson)
    (5, 10, 0.2366, 0.7634),
    (10, 10, 0.7225, 1.0),
    (1, 100, 0.0018, 0.0545),
    (50, 100, 0.4038, 0.5962),
    (81, 263, 0.2553, 0.3662),
])
def test_wilson_known_values(k: int, n: int, lo: float, hi: float) -> None:
    rate = wilson(k, n)
    assert rate.rate == pytest.approx(k / n)
    assert rate.lo == pytest.approx(lo, abs=1e-4)
    assert rate.hi == pytest.approx(hi, abs=1e-4)


def test_wilson_is_symmetric_and_contains_the_rate() -> None:
    for n in (1, 7, 40):
        for k in range(n + 1):
            rate, mirror = wilson(k, n), wilson(n - k, n)
            assert rate.lo == pytest.approx(1 - mirror.hi)
            assert rate.lo <= rate.rate <= rate.hi


def test_wilson_of_nothing() -> None:
    assert wilson(0, 0).text() == "n/a"
    assert (wilson(0, 0).lo, wilson(0, 0).hi) == (0.0, 1.0)


def test_quantiles_interpolate_like_numpy() -> None:
    values = [1.0, 2.0, 3.0, 4.0]
    assert quantile(values, 0.5) == 2.5
    assert quantile(values, 0.1) == pytest.approx(1.3)
    assert quantile(values, 1.0) == 4.0
    assert math.isnan(quantile([], 0.5))


def test_describe() -> None:
    stats = describe([3, 1, 2, 5, 4])
    assert (stats["n"], stats["mean"], stats["min"], stats["max"], stats["p50"]) == (5, 3, 1, 5, 3)
    assert stats["sd"] == pytest.approx(1.581, abs=1e-3)
    assert describe([]) == {"n": 0}


def test_mean_ci() -> None:
    ci = mean_ci([1.0, 2.0, 3.0, 4.0])
    assert ci.mean == 2.5
    assert ci.hi - ci.mean == pytest.approx(1.96 * 1.29099 / 2, abs=1e-3)
    assert mean_ci([2.0]).lo == 2.0


def _row(path: list[str], moves: dict[str, int], top: bool, turns: int = 3) -> dict[str, Any]:
    return {"path": path, "moves": moves, "top": top,
            "samples": {"turns": list(range(1, turns + 1)), "score": [float(t) for t in
                                                                     range(turns)]}}


def test_usage_and_win_rate_when_used() -> None:
    rows = [_row(["a"], {"x": 2}, True), _row(["a", "b"], {"y": 1}, False),
            _row(["b"], {"x": 1, "y": 1}, False), _row([], {}, False)]
    channels = usage(rows, ["a", "b", "c"], "path")
    assert channels["a"]["careers"] == 2
    assert channels["a"]["top_when_used"]["rate"] == 0.5
    assert channels["c"]["careers"] == 0
    moves = usage(rows, ["x", "y"], "moves")
    assert moves["x"]["uses"] == 3
    assert moves["x"]["share_of_moves"] == 0.6
    assert path_label([]) == "(none)"
    assert path_label(["a", "b"]) == "a > b"


def test_bands_count_careers_still_running() -> None:
    data = bands([_row([], {}, False, turns=3), _row([], {}, False, turns=1)])
    assert data["turns"] == [1, 2, 3]
    assert data["careers"] == [2, 1, 1]
    assert data["score"]["p50"] == [0.0, 1.0, 2.0]


def test_dominance_flags_the_outlier_only() -> None:
    def rate(k: int, n: int) -> dict[str, Any]:
        return {"top_when_used": wilson(k, n).as_dict()}

    summary = {
        "channels": {"a": rate(10, 100), "b": rate(12, 100), "c": rate(9, 100),
                     "d": rate(60, 100), "rare": rate(5, 5)},
        "moves": {"m": {**rate(10, 100), "share_of_moves": 0.6}},
        "personas": {},
    }
    flags = dominance_flags(summary)
    assert [(f["kind"], f["id"]) for f in flags] == [("channel", "d"), ("move", "m")]
