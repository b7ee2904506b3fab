"""``saluran replay PATH``: re-play a save's moves from its seed, turn by turn."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.cli.messages import LANGUAGES, current, default_language
from game.cli.narrate import Narrator
from game.cli.options import Options
from game.cli.play import find_save
from game.cli.recap import legend, recap, result_line
from game.persistence import Replay, read_save, save_dir


def register(sub: Any) -> None:
    """Add the ``replay`` sub-command."""
    parser = sub.add_parser("replay", help="re-play a saved career from its seed, turn by turn")
    opts = Options(parser)
    parser.add_argument("path", metavar="PATH",
                        help="a save file (a bare name is also looked for in the save folder, "
                             "and .json may be left out)")
    opts.add("--verify", action="store_true",
             help="exit 1 unless the replay reaches exactly the saved state")
    opts.add("--quiet", action="store_true", help="no turn log, only the result")
    opts.add("--verbose", action="store_true",
             help="tell the rivals' moves, event cards and every contest in full")
    opts.add("--save-dir", metavar="DIR",
             help="the save folder a bare name is looked for in (default: $SALURAN_SAVE_DIR, "
                  "saves/ in a source checkout, else your user data folder)")
    opts.add("--lang", choices=LANGUAGES, default=default_language(),
             help="language of the log and messages: en or id (also $SALURAN_LANG)")
    opts.conflicts("verbose", "quiet", why="why.quiet")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Replay the history; 0 unless --verify finds the end differs (1), or the save fails."""
    said = current()
    path = find_save(args.path, save_dir(args.save_dir))
    replay = Replay(read_save(path, mode="inspect"))  # replays never play on: ironman is fine
    narrator = None
    if not args.quiet:
        legend(replay.state, said, print)
        narrator = Narrator(replay.state, print, said, verbose=args.verbose)
        narrator(replay.opening)
    count = 0
    for step in replay.steps():
        count = step.number
        if narrator is not None:
            narrator(step.events)
    state = replay.state
    if narrator is not None:
        narrator.flush(state.turn)
        recap(state, said, print)
    final, expected = replay.final_sha256, replay.expected_sha256
    print(said.t("replay.done", count=count, result=result_line(state, said),
                 state=final[:12]))
    if final == expected:
        print(said.t("replay.exact"))
        return 0
    message = said.t("replay.differs", path=path, final=final, expected=expected)
    prefix = said.t("error.prefix" if args.verify else "warning.prefix")
    print(prefix + message, file=sys.stderr)
    return 1 if args.verify else 0
