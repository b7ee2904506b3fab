"""``saluran bench``: how fast headless careers run on one core."""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from game.ai import seat_policies, step
from game.cli import non_negative, positive
from game.content import DEFAULT_SCENARIO, load_scenario
from game.core import compile_rulebook, new_game


def register(sub: Any) -> None:
    """Add the ``bench`` sub-command."""
    parser = sub.add_parser("bench", help="measure headless careers per second on one core")
    parser.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH")
    parser.add_argument("--careers", type=positive, default=40, metavar="N")
    parser.add_argument("--seed", type=non_negative, default=0, metavar="N")
    parser.add_argument("--policy", default="greedy", metavar="POLICY",
                        help="the player's policy (rivals play their personas)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Play ``--careers`` full careers and print throughput and latency."""
    book = compile_rulebook(load_scenario(args.scenario))
    policies = seat_policies(book, args.policy)
    durations: list[float] = []
    decisions = 0
    for offset in range(args.careers):
        state, _ = new_game(book, args.seed + offset)
        started = time.perf_counter()
        while state.phase != "over":
            step(state, policies)
            decisions += 1
        durations.append(time.perf_counter() - started)
    total = sum(durations)
    print(f"scenario {book.scenario.id}: {args.careers} careers, "
          f"{len(book.scenario.actors)} actors, up to {book.scenario.max_turns} turns")
    print(f"careers/s (one core):  {args.careers / total:8.1f}")
    print(f"ms per career, median: {statistics.median(durations) * 1000:8.1f}")
    print(f"ms per career, p90:    {_p90(durations) * 1000:8.1f}")
    print(f"decisions per career:  {decisions / args.careers:8.0f}")
    print(f"ms per decision:       {total * 1000 / max(decisions, 1):8.3f}")
    return 0


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
