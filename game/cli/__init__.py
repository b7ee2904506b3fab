"""The ``saluran`` command (same as ``python -m game``): wiring only."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from game.ai import UnknownPolicy, policy_names
from game.content import DEFAULT_SCENARIO, ContentError, load_scenario
from game.core import compile_rulebook
from game.persistence import SaveError


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; give 0 or more")
    return value


def _positive(text: str) -> int:
    value = _non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError("give 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="saluran", description="Saluran: climb a political career through nine channels.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    play = sub.add_parser("play", help="play a career (headless with --headless)")
    play.add_argument("--headless", action="store_true", help="no window: an AI plays your seat")
    play.add_argument("--ai", default="greedy", metavar="POLICY",
                      help="policy for your seat: random, greedy or a persona (default greedy)")
    play.add_argument("--rivals", default=None, metavar="POLICY",
                      help="one policy for every rival (default: each rival's persona)")
    play.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH")
    play.add_argument("--seed", type=_non_negative, default=0, metavar="N")
    play.add_argument("--turns", type=_non_negative, default=None, metavar="N",
                      help="play N turns (default: to the end of the career)")
    play.add_argument("--load", metavar="PATH", help="continue the game saved in PATH")
    play.add_argument("--save", metavar="PATH", help="save the game to PATH when done")
    play.add_argument("--json", action="store_true",
                      help="print only one JSON summary line (turn, result, score, hash)")
    play.add_argument("--lang", choices=("en", "id"), default="en")
    bench = sub.add_parser("bench", help="measure headless careers per second")
    bench.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH")
    bench.add_argument("--careers", type=_positive, default=30, metavar="N")
    bench.add_argument("--seed", type=_non_negative, default=0, metavar="N")
    policies = sub.add_parser("policies", help="list the AI policies a scenario offers")
    policies.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 failure, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(parser, args)
    except ContentError as exc:
        for issue in exc.issues:
            print(issue.render(), file=sys.stderr)
        return 1
    except (SaveError, UnknownPolicy) as exc:
        print(f"saluran: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "play":
        if not args.headless:
            from game.cli.terminal import run_terminal

            return run_terminal(args)
        from game.cli.play import run_headless

        return run_headless(args)
    if args.command == "bench":
        from game.cli.bench import run_bench

        return run_bench(args)
    if args.command == "policies":
        print("\n".join(policy_names(compile_rulebook(load_scenario(args.scenario)))))
        return 0
    parser.print_help()
    return 0
