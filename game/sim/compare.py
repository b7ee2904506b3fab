"""A/B comparison of two batches run on the same seeds: paired differences with intervals.

Careers are paired by (player policy, seed), so the difference of each pair cancels the
luck of the seed.  Differences are B − A: the mean of the paired differences with a normal
95% interval; for the top-post rate also the discordant pairs (only A, only B reached it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.sim.rows import BatchError, Row, batch_info, load_rows
from game.sim.stats import mean_ci, wilson
from game.sim.summary import RESULTS

METRICS = (("top", "top-post rate"), ("score", "legacy score"), ("turns", "career length"),
           ("contests_won", "contests won"))


def _pairs(rows_a: Sequence[Row], rows_b: Sequence[Row]) -> dict[str, list[tuple[Row, Row]]]:
    index_b = {(r["player_policy"], r["seed"]): r for r in rows_b}
    pairs: dict[str, list[tuple[Row, Row]]] = {}
    for row in rows_a:
        other = index_b.get((row["player_policy"], row["seed"]))
        if other is not None:
            pairs.setdefault(row["player_policy"], []).append((row, other))
    return pairs


def _value(row: Row, metric: str) -> float:
    return float(bool(row["top"])) if metric == "top" else float(row[metric])


def compare_pairs(pairs: Sequence[tuple[Row, Row]]) -> dict[str, Any]:
    """Paired differences (B − A) of every metric over ``pairs``."""
    out: dict[str, Any] = {"pairs": len(pairs)}
    for metric, _ in METRICS:
        a = [_value(p[0], metric) for p in pairs]
        b = [_value(p[1], metric) for p in pairs]
        out[metric] = {"a": mean_ci(a).as_dict(), "b": mean_ci(b).as_dict(),
                       "diff": mean_ci([y - x for x, y in zip(a, b, strict=True)]).as_dict()}
    tops = [(bool(p[0]["top"]), bool(p[1]["top"])) for p in pairs]
    out["top"]["a_rate"] = wilson(sum(t[0] for t in tops), len(tops)).as_dict()
    out["top"]["b_rate"] = wilson(sum(t[1] for t in tops), len(tops)).as_dict()
    out["top"]["only_a"] = sum(1 for a, b in tops if a and not b)
    out["top"]["only_b"] = sum(1 for a, b in tops if b and not a)
    out["results"] = {r: [sum(p[0]["result"] == r for p in pairs),
                          sum(p[1]["result"] == r for p in pairs)] for r in RESULTS}
    out["same_line"] = sum(1 for a, b in pairs if a == b)
    return out


def compare_dirs(dir_a: str | Path, dir_b: str | Path) -> dict[str, Any]:
    """Compare two batch folders; raises BatchError when they share no (policy, seed)."""
    rows_a, rows_b = load_rows(dir_a), load_rows(dir_b)
    pairs = _pairs(rows_a, rows_b)
    if not pairs:
        raise BatchError(f"{dir_a} and {dir_b} share no careers: run both with the same "
                         "--seed, --games and --player-policy")
    info_a, info_b = batch_info(dir_a), batch_info(dir_b)
    return {
        "a": {"folder": str(dir_a), "careers": len(rows_a), **_brief(info_a)},
        "b": {"folder": str(dir_b), "careers": len(rows_b), **_brief(info_b)},
        "unpaired": len(rows_a) + len(rows_b) - 2 * sum(len(p) for p in pairs.values()),
        "policies": {policy: compare_pairs(group) for policy, group in pairs.items()},
    }


def _brief(info: dict[str, Any]) -> dict[str, Any]:
    keys = ("scenario", "fingerprint", "version", "player_policies", "rival_policy", "seeds")
    return {k: info.get(k) for k in keys}


def render_compare(result: dict[str, Any]) -> str:
    """compare.md as text."""
    a, b = result["a"], result["b"]
    lines = ["# A/B comparison (B − A, paired by policy and seed)", "",
             f"- A: `{a['folder']}` — {a.get('scenario')} ({a.get('fingerprint')}), "
             f"rivals {a.get('rival_policy') or 'personas'}",
             f"- B: `{b['folder']}` — {b.get('scenario')} ({b.get('fingerprint')}), "
             f"rivals {b.get('rival_policy') or 'personas'}",
             f"- unpaired careers: {result['unpaired']}", ""]
    for policy, data in result["policies"].items():
        lines += [f"## {policy} ({data['pairs']} pairs)", "",
                  "| metric | A | B | B − A [95% CI] |", "|---|---|---|---|"]
        for metric, label in METRICS:
            cell = data[metric]
            scale = 100.0 if metric == "top" else 1.0
            diff = cell["diff"]
            lines.append(f"| {label} | {scale * cell['a']['mean']:.2f} | "
                         f"{scale * cell['b']['mean']:.2f} | {scale * diff['mean']:+.2f} "
                         f"[{scale * diff['lo']:+.2f}, {scale * diff['hi']:+.2f}] |")
        top = data["top"]
        lines += ["", f"Top post reached only in A: {top['only_a']}, only in B: {top['only_b']}"
                  " (percentage points above).",
                  "Endings A → B: " + ", ".join(f"{r} {v[0]} → {v[1]}"
                                                for r, v in data["results"].items()), ""]
    return "\n".join(lines)


def write_compare(result: dict[str, Any], folder: str | Path) -> None:
    """compare.json and compare.md into ``folder``."""
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    (path / "compare.json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")
    (path / "compare.md").write_text(render_compare(result), encoding="utf-8")
