"""The ``saluran`` command (same as ``python -m game``): wiring only.

Each sub-command lives in its own module with ``register(subparsers)``, which adds its parser
and sets ``run`` to the function that executes it (returning the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from game.ai import UnknownPolicy
from game.content import ContentError, use_mods_folder
from game.persistence import SaveError

#: Sub-command modules, in the order ``saluran --help`` lists them.
COMMAND_MODULES = ("game.cli.play", "game.cli.replay", "game.cli.saves", "game.cli.bench",
                   "game.cli.policies",
                   "game.cli.scenarios", "game.cli.validate", "game.cli.schema",
                   "game.cli.sim")


def non_negative(text: str) -> int:
    """argparse type: a whole number >= 0."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; give 0 or more")
    return value


def positive(text: str) -> int:
    """argparse type: a whole number >= 1."""
    value = non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError("give 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="saluran",
        description="Saluran: climb a political career through nine channels. "
                    "Without a command, the game window opens.")
    parser.add_argument("--mods", metavar="DIR",
                        help="the mods folder to search for scenarios (default: $SALURAN_MODS "
                             "or the user data dir's mods folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 failure, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.mods:
        use_mods_folder(args.mods)
    try:
        if args.command is None:
            from game.cli.window import open_window

            return open_window(None)
        code: int = args.run(args)
        return code
    except ContentError as exc:
        for issue in exc.issues:
            print(issue.render(), file=sys.stderr)
        return 1
    except (SaveError, UnknownPolicy) as exc:
        print(f"saluran: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # piped into a reader that stopped early (e.g. ``| head``)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
