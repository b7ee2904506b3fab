"""The ``saluran`` command (same as ``python -m game``): wiring only.

Each sub-command lives in its own module with ``register(subparsers)``, which adds its parser
and sets ``run`` to the function that executes it (returning the exit code).  Every error
is one line, ``saluran: error: ...`` (in the chosen language), with exit code 2 for a wrong
command line, 1 for input a command refuses and 130 after Ctrl-C; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import signal
import sys
from collections.abc import Sequence

from game.ai import UnknownPolicy
from game.cli import messages
from game.cli.messages import t
from game.cli.options import (
    EXIT_INTERRUPTED,
    EXIT_REFUSED,
    EXIT_USAGE,
    Options,
    Parser,
    Refused,
    UsageError,
    complete_help,
    translate_argparse,
)
from game.content import ContentError, use_mods_folder
from game.persistence import SaveError

#: Sub-command modules, in the order ``saluran --help`` lists them.
COMMAND_MODULES = ("game.cli.play", "game.cli.replay", "game.cli.saves", "game.cli.bench",
                   "game.cli.policies",
                   "game.cli.scenarios", "game.cli.validate", "game.cli.schema",
                   "game.cli.sim")
#: Larger numbers are surely a typo (and no seed, count or turn of this game needs them).
MAX_NUMBER = 10**18 - 1


def non_negative(text: str) -> int:
    """argparse type: a whole number >= 0."""
    digits = text.strip()
    if not re.fullmatch(r"[+-]?[0-9]+", digits):
        raise argparse.ArgumentTypeError(t("error.not_whole", text=text[:24]))
    # Judged by its digits before converting: a number too long to be a count is too large
    # (Python will not even convert a very long one), not "not a whole number".
    magnitude = digits.lstrip("+-").lstrip("0")
    if digits.startswith("-") and magnitude:
        raise argparse.ArgumentTypeError(t("error.negative", value=digits[:24]))
    if len(magnitude) > len(str(MAX_NUMBER)):
        raise argparse.ArgumentTypeError(t("error.too_large", limit=MAX_NUMBER))
    value = int(digits)
    if value > MAX_NUMBER:
        raise argparse.ArgumentTypeError(t("error.too_large", limit=MAX_NUMBER))
    return value


def positive(text: str) -> int:
    """argparse type: a whole number >= 1."""
    value = non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError(t("error.not_positive"))
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = Parser(
        prog="saluran",
        description="Saluran: climb a political career through nine channels. "
                    "Without a command, the game window opens.")
    parser.add_argument("--mods", metavar="DIR",
                        help="the mods folder to search for scenarios (default: $SALURAN_MODS "
                             "or the user data dir's mods folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    complete_help(parser)
    return parser


def report(message: str) -> None:
    """Print one error line with the one prefix every error has."""
    print(t("error.prefix") + " ".join(message.split()), file=sys.stderr)


def save_problem(exc: SaveError) -> str:
    """A save problem in the language in use (English from the save layer otherwise)."""
    said = messages.current()
    text = messages.save_reason(said, exc.key, exc.values)
    if text is None:
        return str(exc)
    if exc.path is not None:
        text = f"{exc.path}: {text}"
    if exc.alternatives:
        offers = said.t("word.or").join(str(p) for p in exc.alternatives)
        text += ". " + said.t("save.offer", offers=offers)
    return text


def main(argv: Sequence[str] | None = None,
         pressed_while_loading: list[int] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 refused, 2 usage, 130 Ctrl-C).

    ``pressed_while_loading``: the Ctrl-C presses ``game.launch`` noted while the game loaded
    (its note-taker stays the SIGINT handler until this function takes over).
    """
    words = list(sys.argv[1:] if argv is None else argv)
    previous = messages.current().lang
    messages.use(messages.language_in(words))
    translate_argparse()
    try:
        return _main(words, pressed_while_loading)
    finally:  # a caller in the same process (a test, a script) keeps its own language
        messages.use(previous)


def _main(words: list[str], pressed_while_loading: list[int] | None) -> int:
    try:
        if pressed_while_loading is not None:
            signal.signal(signal.SIGINT, signal.default_int_handler)  # reported below
            if pressed_while_loading:
                raise KeyboardInterrupt
        args = build_parser().parse_args(words)
        options = getattr(args, "options", None)
        if isinstance(options, Options):
            options.resolve(args)
        return _run(args)
    except UsageError as exc:
        report(t("error.usage", message=exc.message, command=exc.command))
        return EXIT_USAGE
    except Refused as exc:
        report(exc.message)
        return exc.code
    except ContentError as exc:
        for issue in exc.issues:
            report(issue.render())
        return EXIT_REFUSED
    except SaveError as exc:
        report(save_problem(exc))
        return EXIT_REFUSED
    except UnknownPolicy as exc:
        report(str(exc))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        report(t("error.interrupted"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # piped into a reader that stopped early (e.g. ``| head``)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_REFUSED


def _run(args: argparse.Namespace) -> int:
    if args.mods:
        use_mods_folder(args.mods)
    if args.command is None:
        from game.cli.window import open_window

        return open_window(None)
    code: int = args.run(args)
    return code
