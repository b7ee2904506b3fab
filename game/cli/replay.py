"""``saluran replay PATH``: re-play a save's moves from its seed, turn by turn."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.cli.narrate import Narrator
from game.cli.play import load_path
from game.persistence import Replay, read_save, save_dir


def register(sub: Any) -> None:
    """Add the ``replay`` sub-command."""
    parser = sub.add_parser("replay", help="re-play a saved career from its seed, turn by turn")
    parser.add_argument("path", metavar="PATH", help="a save file (a bare name is also looked "
                                                     "for in the save folder)")
    parser.add_argument("--verify", action="store_true",
                        help="exit 1 unless the replay reaches exactly the saved state")
    parser.add_argument("--quiet", action="store_true", help="no turn log, only the result")
    parser.add_argument("--save-dir", metavar="DIR", default=None, help="the save folder")
    parser.add_argument("--lang", choices=("en", "id"), default="en")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Replay the history; 0 unless --verify finds the end differs (1), or the save fails."""
    path = load_path(args.path, save_dir(args.save_dir))
    replay = Replay(read_save(path, mode="inspect"))  # replays never play on: ironman is fine
    narrator = None if args.quiet else Narrator(replay.state, print, args.lang)
    if narrator is not None:
        narrator(replay.opening)
    count = 0
    for step in replay.steps():
        count = step.number
        if narrator is not None:
            narrator(step.events)
    if narrator is not None:
        narrator.flush(replay.state.turn)
    final, expected = replay.final_sha256, replay.expected_sha256
    state = replay.state
    print(f"Replayed {count} commands to turn {state.turn} "
          f"({state.result or 'in progress'}): state {final[:12]}")
    if final == expected:
        print("The replay reaches the saved state exactly.")
        return 0
    message = (f"the replay of {path} does not reach the saved state: "
               f"it ends at {final}, the save holds {expected}")
    print(f"saluran: {'error' if args.verify else 'warning'}: {message}", file=sys.stderr)
    return 1 if args.verify else 0


