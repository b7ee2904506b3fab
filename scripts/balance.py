"""Balance sanity for a scenario: many headless careers, written to docs/BALANCE.md.

    python scripts/balance.py [--scenario nusantara] [--careers 500] [--out docs/BALANCE.md]

Measures, for the player's seat played by ``greedy`` and by ``random`` (rivals play their
personas): how often the top post is reached (with a Wilson 95% interval), how careers end,
and how often each channel is entered, by the player and by any actor.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from game.ai import play, seat_policies
from game.content import load_scenario
from game.core import compile_rulebook, new_game

TARGET_TOP = (0.10, 0.50)
TARGET_RANDOM_TOP = 0.05
TARGET_CHANNEL = 0.05


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of a proportion."""
    if n == 0:
        return (0.0, 1.0)
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def one_career(job: tuple[str, str, int]) -> dict[str, object]:
    """Play one career; return what the report needs."""
    scenario, policy, seed = job
    book = _book(scenario)
    state, _ = new_game(book, seed)
    play(state, seat_policies(book, policy))
    top = book.victory_positions
    player = state.player
    return {
        "result": state.result, "turns": state.turn,
        "top": not top.isdisjoint(player.first_held),
        "player_channels": sorted(player.channels),
        "any_channels": sorted({c for a in state.actors.values() for c in a.channels}),
        "rival_top": sum(1 for a in state.actors.values()
                         if not a.is_player and not top.isdisjoint(a.first_held)),
    }


_BOOKS: dict[str, object] = {}


def _book(scenario: str):  # type: ignore[no-untyped-def]
    if scenario not in _BOOKS:
        _BOOKS[scenario] = compile_rulebook(load_scenario(scenario))
    return _BOOKS[scenario]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenario", default="nusantara")
    parser.add_argument("--careers", type=int, default=500)
    parser.add_argument("--out", default="docs/BALANCE.md")
    args = parser.parse_args()
    book = _book(args.scenario)
    started = time.perf_counter()
    rows: dict[str, list[dict[str, object]]] = {}
    with ProcessPoolExecutor() as pool:
        for policy in ("greedy", "random"):
            jobs = [(args.scenario, policy, seed) for seed in range(args.careers)]
            rows[policy] = list(pool.map(one_career, jobs, chunksize=10))
    elapsed = time.perf_counter() - started
    text, ok = report(book, rows, args.careers, elapsed)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0 if ok else 1


def report(book, rows, n, elapsed):  # type: ignore[no-untyped-def]
    greedy, rand = rows["greedy"], rows["random"]
    g_top = sum(1 for r in greedy if r["top"])
    r_top = sum(1 for r in rand if r["top"])
    lines = [
        f"# Balance: {book.scenario.name['en']} (`{book.scenario.id}`)",
        "",
        f"Measured with `python scripts/balance.py --scenario {book.scenario.id} "
        f"--careers {n}`: {n} careers per policy for the player's seat (seeds 0-{n - 1}); "
        f"the five rivals play their own personas (greedy with persona weights). "
        f"Scenario fingerprint `{book.scenario.fingerprint}`; {elapsed:.0f} s on this machine.",
        "",
        "## Top post",
        "",
        "| player policy | reached the top post | 95% interval | target |",
        "|---|---|---|---|",
    ]
    gl, gh = wilson(g_top, n)
    rl, rh = wilson(r_top, n)
    lines.append(f"| greedy | {g_top / n:.1%} | {gl:.1%}-{gh:.1%} | 10%-50% |")
    lines.append(f"| random | {r_top / n:.1%} | {rl:.1%}-{rh:.1%} | under 5% |")
    ok = TARGET_TOP[0] <= g_top / n <= TARGET_TOP[1] and r_top / n < TARGET_RANDOM_TOP
    lines += ["", "## How careers end", "", "| policy | won | ruined | retired | time up |",
              "|---|---|---|---|---|"]
    for policy, data in rows.items():
        ends = Counter(str(r["result"]) for r in data)
        lines.append(f"| {policy} | " + " | ".join(
            f"{ends[k] / n:.1%}" for k in ("won", "ruined", "retired", "time_up")) + " |")
    lines += ["", "## Channels entered", "",
              "Share of careers in which the channel was entered: by the greedy player, and by "
              "any of the six careers in the game (player and rivals). Target: every channel "
              "at least 5% (any career).", "",
              "| channel | greedy player | random player | any career (greedy games) |",
              "|---|---|---|---|"]
    for channel in book.scenario.channels:
        cid = channel.id
        if not channel.entry_positions and not channel.entry_contest_kinds:
            continue
        g = sum(1 for r in greedy if cid in r["player_channels"]) / n
        r_ = sum(1 for r in rand if cid in r["player_channels"]) / n
        a = sum(1 for r in greedy if cid in r["any_channels"]) / n
        ok = ok and a >= TARGET_CHANNEL
        lines.append(f"| {channel.name['en']} | {g:.1%} | {r_:.1%} | {a:.1%} |")
    rival_top = sum(int(r["rival_top"]) for r in greedy) / n  # type: ignore[call-overload]
    lines += ["", f"Rivals reach the top post {rival_top:.2f} times per game on average.",
              "", f"All targets met: {'yes' if ok else 'NO'}.", ""]
    return "\n".join(lines), ok


if __name__ == "__main__":
    sys.exit(main())
