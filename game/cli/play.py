"""``saluran play --headless``: a career played by a policy, logged turn by turn."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from game.ai import seat_policies
from game.ai.runner import play
from game.cli import non_negative, positive
from game.cli.narrate import Narrator
from game.content import DEFAULT_SCENARIO, load_with_document
from game.core import GameState, compile_rulebook, legacy_score, new_game, state_sha256
from game.core.events import Event
from game.persistence import (
    Autosaver,
    CareerInfo,
    CareerRecord,
    SaveError,
    ironman_name,
    new_career_id,
    read_save,
    save_dir,
    won_positions,
    write_save,
)

MIN_WINDOW = (960, 540)  # the smallest window the UI lays out (game.ui.context.MIN_SIZE)
MAX_WINDOW = (7680, 4320)


def register(sub: Any) -> None:
    """Add the ``play`` sub-command."""
    play_cmd = sub.add_parser("play", help="play a career (an AI plays your seat with --headless)")
    play_cmd.add_argument("--headless", action="store_true",
                          help="no window: the --ai policy plays your seat")
    play_cmd.add_argument("--ai", default="greedy", metavar="POLICY",
                          help="policy for your seat: random, greedy or a persona (default greedy)")
    play_cmd.add_argument("--rivals", default=None, metavar="POLICY",
                          help="one policy for every rival (default: each rival's persona)")
    play_cmd.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH")
    play_cmd.add_argument("--mod", dest="mod_list", action="append", default=[],
                          metavar="NAME", help="stack a patch mod on the scenario (repeatable; "
                          "applied in the order given)")
    play_cmd.add_argument("--seed", type=non_negative, default=0, metavar="N")
    play_cmd.add_argument("--turns", type=non_negative, default=None, metavar="N",
                          help="play N turns (default: to the end of the career)")
    play_cmd.add_argument("--load", metavar="PATH",
                          help="continue the game saved in PATH (a bare name is also looked "
                               "for in the save folder)")
    play_cmd.add_argument("--save", metavar="PATH", help="save the game to PATH when done")
    play_cmd.add_argument("--save-dir", metavar="DIR", default=None,
                          help="the save folder (default: $SALURAN_SAVE_DIR, saves/ in a source "
                               "checkout, else your user data folder)")
    play_cmd.add_argument("--autosave", action="store_true",
                          help="autosave every turn into the save folder (rotating slots, plus "
                               "one per position won)")
    play_cmd.add_argument("--ironman", action="store_true",
                          help="a new ironman career: one slot in the save folder, saved every "
                               "turn, never reloaded")
    play_cmd.add_argument("--json", action="store_true",
                          help="print only one JSON summary line (turn, result, score, hash)")
    play_cmd.add_argument("--lang", choices=("en", "id"), default="en")
    play_cmd.add_argument("--demo", type=positive, default=None, metavar="TURNS",
                          help="demo mode: the game window plays itself (greedy AI) for TURNS "
                               "turns through every screen, then exits")
    play_cmd.add_argument("--screenshots", metavar="DIR", default=None,
                          help="with --demo: save a PNG of each distinct screen to DIR")
    play_cmd.add_argument("--size", type=window_size, default=None, metavar="WxH",
                          help="with --demo: the window size in pixels, e.g. 1920x1080 "
                               "(default 1280x720; at least 960x540)")
    play_cmd.set_defaults(run=run)


def window_size(text: str) -> tuple[int, int]:
    """argparse type: ``WIDTHxHEIGHT`` in pixels, within what the window supports."""
    width, sep, height = text.strip().lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size: use WIDTHxHEIGHT, "
                                         "e.g. 1920x1080")
    size = int(width), int(height)
    if not all(low <= value <= high for low, value, high in zip(MIN_WINDOW, size, MAX_WINDOW,
                                                               strict=True)):
        raise argparse.ArgumentTypeError(
            f"{text} is outside {MIN_WINDOW[0]}x{MIN_WINDOW[1]} to "
            f"{MAX_WINDOW[0]}x{MAX_WINDOW[1]}")
    return size


def run(args: argparse.Namespace) -> int:
    """Headless play; without --headless (or with --demo), the game window."""
    if getattr(args, "size", None) is not None and args.demo is None:
        print("saluran: error: --size needs --demo (the game window sizes itself; change "
              "it in the settings)", file=sys.stderr)
        return 2
    if args.demo is not None or not args.headless:
        from game.cli.window import open_window

        return open_window(args)
    return run_headless(args)


def scenario_ref(ref: str) -> str:
    """What a save records: an id as it is, a path made absolute."""
    path = Path(ref)
    return str(path.resolve()) if path.exists() else ref


def load_path(name: str, folder: Path) -> Path:
    """``--load`` as given, or a bare file name found in the save folder."""
    path = Path(name)
    if path.exists() or len(path.parts) != 1:
        return path
    in_folder = folder / name
    return in_folder if in_folder.exists() else path


def start(args: argparse.Namespace) -> tuple[CareerRecord, Path]:
    """A new career, or the one in ``--load``; and the folder its autosaves go to.

    Loading from the command line continues the career, so an ironman save is accepted from
    its own slot (and keeps saving there).
    """
    folder = save_dir(args.save_dir)
    if args.load:
        path = load_path(args.load, folder)
        record = CareerRecord.from_save(read_save(path, mode="continue_ironman", search=[folder]))
        if args.rivals is not None:
            record.info = replace(record.info, rivals=args.rivals)
        return record, path.parent if record.info.ironman else folder
    scenario, document = load_with_document(args.scenario, args.mod_list)
    state, _ = new_game(compile_rulebook(scenario), args.seed)
    info = CareerInfo(new_career_id(), scenario_ref(args.scenario), args.rivals, args.ironman)
    return CareerRecord(state, [], document, info), folder


class TurnSaver:
    """Event sink: narrates, and autosaves whenever a new turn starts."""

    def __init__(self, record: CareerRecord, saver: Autosaver | None,
                 narrator: Narrator | None) -> None:
        self.record, self.saver, self.narrator = record, saver, narrator
        self.turn = record.state.turn
        self.events: list[Event] = []

    def __call__(self, events: list[Event]) -> None:
        if self.narrator is not None:
            self.narrator(events)
        if self.saver is None:
            return
        self.events.extend(events)
        state = self.record.state
        if state.turn != self.turn or state.phase == "over":
            self.turn = state.turn
            won = won_positions(self.events, state.player.id)
            self.events = []
            self.saver.after_turn(self.record.snapshot("autosave"), won)


def run_headless(args: argparse.Namespace) -> int:
    """Play, print the log (or only the JSON summary line), save if asked."""
    record, folder = start(args)
    state, info = record.state, record.info
    if info.ironman and args.save and Path(args.save).name != ironman_name(info.career_id):
        raise SaveError(Path(args.save), "an ironman career saves only to its slot "
                                         f"{ironman_name(info.career_id)} (in {folder})")
    saver = None
    if args.autosave or info.ironman:
        saver = Autosaver(folder, info.career_id, ironman=info.ironman)
    policies = seat_policies(state.book, args.ai, info.rivals)
    narrator = None if args.json else Narrator(state, print, args.lang)
    until = None if args.turns is None else state.turn + args.turns
    play(state, policies, until_turn=until, sink=TurnSaver(record, saver, narrator),
         history=record.history)
    if narrator is not None:
        narrator.flush(state.turn)
    if args.save:
        write_save(Path(args.save), record.snapshot())
    if saver is not None and info.ironman:
        saver.after_turn(record.snapshot())
    player = state.player
    summary: dict[str, Any] = {
        "turn": state.turn, "result": state.result, "score": legacy_score(state, player),
        "state_sha256": state_sha256(state), "scenario": state.scenario_id, "seed": state.seed,
        "positions": sorted(player.positions), "highest": _highest(state),
    }
    if args.json:
        print(json.dumps(summary, sort_keys=True))
    else:
        print(f"Result: {state.result or 'in progress'} at turn {state.turn}; "
              f"legacy score {summary['score']:.0f}; state {summary['state_sha256'][:12]}")
    sys.stdout.flush()
    return 0


def _highest(state: GameState) -> str | None:
    held = state.player.first_held
    if not held:
        return None
    return max(held, key=lambda p: (state.book.positions[p].prestige, p))
