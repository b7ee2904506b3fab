"""``saluran policies``: the AI policies a scenario offers."""

from __future__ import annotations

import argparse
from typing import Any

from game.ai import policy_names
from game.content import DEFAULT_SCENARIO, load_scenario
from game.core import compile_rulebook


def register(sub: Any) -> None:
    """Add the ``policies`` sub-command."""
    parser = sub.add_parser("policies", help="list the AI policies a scenario offers")
    parser.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print one policy name per line."""
    print("\n".join(policy_names(compile_rulebook(load_scenario(args.scenario)))))
    return 0
