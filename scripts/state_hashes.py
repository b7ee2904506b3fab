"""Final-state hashes of planner careers: a change that should leave every choice alone (a
faster planner, a cache) must print the same lines before and after.

    python scripts/state_hashes.py [--scenario ID ...] [--seeds 100] [--jobs 2] > hashes.txt
    diff before.txt after.txt

For each scenario and seed it plays two careers, each with fresh policies (as ``saluran sim``
does): the planner in every seat, and the planner as player against rivals at the default
difficulty.  Each line is ``scenario mode seed sha256-of-the-final-state``.
"""

from __future__ import annotations

import argparse
from concurrent.futures import ProcessPoolExecutor

from game.ai import DEFAULT_DIFFICULTY, seat_policies, step
from game.content import load_scenario
from game.core import compile_rulebook, new_game, state_sha256

SCENARIOS = ("nusantara", "westminster", "partai_tunggal", "federal", "auerland")
MODES = {"every-seat": "planner", DEFAULT_DIFFICULTY: None}  # mode -> rivals' policy


def hashes(scenario: str, seeds: int) -> list[str]:
    """One line per career of ``scenario``: mode, seed and the final state's hash."""
    book = compile_rulebook(load_scenario(scenario))
    lines = []
    for mode, rivals in MODES.items():
        for seed in range(seeds):
            policies = seat_policies(book, "planner", rivals, DEFAULT_DIFFICULTY)
            state, _ = new_game(book, seed)
            while state.phase != "over":
                step(state, policies)
            lines.append(f"{scenario} {mode} {seed} {state_sha256(state)}")
    return lines


def main() -> None:
    """Print the hashes, scenario by scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", action="append", choices=SCENARIOS)
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    scenarios = args.scenario or list(SCENARIOS)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for lines in pool.map(hashes, scenarios, [args.seeds] * len(scenarios)):
            print("\n".join(lines), flush=True)


if __name__ == "__main__":
    main()
