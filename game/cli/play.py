"""``saluran play --headless``: a career played by a policy, logged turn by turn."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from game.ai import (
    DEFAULT_DIFFICULTY,
    DIFFICULTIES,
    policy_names,
    recall_memory,
    seat_policies,
)
from game.ai.runner import play
from game.cli import non_negative, positive
from game.cli.messages import LANGUAGES, Messages, current, default_language, t
from game.cli.narrate import Narrator
from game.cli.options import Options, Refused
from game.cli.recap import last_played, legend, recap, result_line
from game.content import DEFAULT_SCENARIO, Issue, load_with_document
from game.core import GameState, Rulebook, compile_rulebook, legacy_score, new_game, state_sha256
from game.core.events import Event
from game.persistence import (
    Autosaver,
    CareerInfo,
    CareerRecord,
    SaveError,
    ironman_name,
    new_career_id,
    read_save,
    recovery_options,
    save_dir,
    won_positions,
    write_save,
)
from game.persistence.locations import SAVE_SUFFIX

#: Options only headless play uses (the window has its own ways to do these).
HEADLESS_ONLY = ("ai", "rivals", "difficulty", "mod_list", "turns", "save", "autosave",
                 "ironman", "json", "verbose")
MIN_WINDOW = (960, 540)  # the smallest window the UI lays out (game.ui.context.MIN_SIZE)
MAX_WINDOW = (7680, 4320)


def register(sub: Any) -> None:
    """Add the ``play`` sub-command."""
    parser = sub.add_parser("play", help="play a career (an AI plays your seat with --headless)",
                            description="Open the game window, or with --headless let a "
                                        "policy play your seat and print the career.")
    opts = Options(parser)
    add_career_options(opts)
    opts.add("--json", action="store_true",
             help="print only one JSON summary line (turn, result, score, hash)")
    opts.add("--verbose", action="store_true",
             help="tell the rivals' moves, event cards and every contest in full")
    opts.add("--lang", choices=LANGUAGES, default=default_language(),
             help="language of the log and messages: en or id (also $SALURAN_LANG)")
    opts.add("--demo", type=positive, metavar="TURNS",
             help="demo mode: the game window plays itself (greedy AI) for TURNS turns "
                  "through every screen, then exits")
    opts.add("--screenshots", metavar="DIR",
             help="with --demo: save a PNG of each distinct screen to DIR")
    opts.add("--size", type=window_size, metavar="WxH",
             help="with --demo: the window size in pixels, e.g. 1920x1080 "
                  "(default 1280x720; at least 960x540)")
    add_rules(opts)
    parser.set_defaults(run=run)


def add_career_options(opts: Options) -> None:
    """Who plays, which career, for how long, and where it is saved."""
    opts.add("--headless", action="store_true",
             help="no window: the --ai policy plays your seat and the career is printed")
    opts.add("--ai", default="greedy", metavar="POLICY",
             help="policy for your seat: random, greedy or a persona (see `saluran policies`)")
    opts.add("--rivals", metavar="POLICY",
             help="one policy for every rival (default: each rival's own persona)")
    opts.add("--difficulty", choices=DIFFICULTIES, metavar="LEVEL",
             help="how rivals playing their personas decide: easy (one step ahead), normal "
                  "(they plan, acting on impulse one time in three) or hard (they plan every "
                  f"move) (default: {DEFAULT_DIFFICULTY}; a loaded career keeps its own)")
    opts.add("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH",
             help="the scenario of a new career: an id (see `saluran scenarios`) or a path")
    opts.add("--mod", dest="mod_list", action="append", metavar="NAME",
             help="stack a patch mod on the scenario (repeatable; applied in the order given)")
    opts.add("--seed", type=non_negative, default=0, metavar="N",
             help="the random seed of a new career: the same seed and moves give the same game")
    opts.add("--turns", type=non_negative, metavar="N",
             help="play N whole turns, then stop before the next one starts "
                  "(default: to the end of the career)")
    opts.add("--load", metavar="PATH",
             help="continue the career saved in PATH (a bare name is also looked for in the "
                  "save folder, and .json may be left out)")
    opts.add("--save", metavar="PATH", help="save the career to PATH when done (default: no save)")
    opts.add("--save-dir", metavar="DIR",
             help="the save folder (default: $SALURAN_SAVE_DIR, saves/ in a source checkout, "
                  "else your user data folder)")
    opts.add("--autosave", action="store_true",
             help="autosave every turn into the save folder (five rotating slots, plus one "
                  "per office held for the first time)")
    opts.add("--ironman", action="store_true",
             help="a new ironman career: one slot in the save folder, saved every turn, never "
                  "reloaded")


def add_rules(opts: Options) -> None:
    """Which of ``play``'s options go together."""
    opts.conflicts("load", "scenario", why="why.load_scenario")
    opts.conflicts("load", "seed", why="why.load_seed")
    opts.conflicts("ironman", "load", why="why.ironman_load")
    opts.conflicts("headless", "demo", why="why.demo_window")
    opts.conflicts("demo", "load", why="why.demo_own_career")
    opts.needs("screenshots", "demo", why="why.screenshots")
    opts.needs("size", "demo", why="why.size")
    opts.conflicts("mod_list", "load", why="why.load_mods")
    opts.conflicts("verbose", "json", why="why.json_only")
    opts.conflicts("difficulty", "rivals", why="why.difficulty_rivals")
    for dest in HEADLESS_ONLY:
        opts.needs(dest, "headless", why="why.headless_only")


def run(args: argparse.Namespace) -> int:
    """Headless play; without --headless (or with --demo), the game window."""
    if args.demo is not None or not args.headless:
        from game.cli.window import open_window

        if args.load:
            args.load = str(find_save(args.load, save_dir(args.save_dir)))
        return open_window(args)
    return run_headless(args)


def window_size(text: str) -> tuple[int, int]:
    """argparse type: ``WIDTHxHEIGHT`` in pixels, within what the window supports."""
    width, sep, height = text.strip().lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(t("error.size_format", text=text))
    size = int(width), int(height)
    if not all(low <= value <= high for low, value, high in zip(MIN_WINDOW, size, MAX_WINDOW,
                                                               strict=True)):
        raise argparse.ArgumentTypeError(t(
            "error.size_range", text=text, low=f"{MIN_WINDOW[0]}x{MIN_WINDOW[1]}",
            high=f"{MAX_WINDOW[0]}x{MAX_WINDOW[1]}"))
    return size


def scenario_ref(ref: str) -> str:
    """What a save records: an id as it is, a path made absolute."""
    path = Path(ref)
    return str(path.resolve()) if path.exists() else ref


def find_save(name: str, folder: Path) -> Path:
    """``--load NAME``: the path as given, else in the save folder, with ``.json`` added when
    left out.  SaveError naming every place looked (and offering autosaves) if none exists."""
    path = Path(name)
    places = [path]
    if len(path.parts) == 1:
        places.append(folder / name)
    if path.suffix != SAVE_SUFFIX:
        places += [p.with_name(p.name + SAVE_SUFFIX) for p in list(places)]
    for place in places:
        if place.exists():
            return place
    if len(places) == 1:
        return path  # loading it says "there is no save file here"
    raise SaveError.because(None, "not_found", recovery_options(path, [folder]), name=name,
                            places=", ".join(str(p) for p in places))


def check_policies(book: Rulebook, *names: str | None) -> None:
    """Refuse (exit 1) a policy name the scenario does not know, listing the ones it does."""
    known = policy_names(book)
    for name in names:
        if name is not None and name not in known:
            raise Refused(t("error.unknown_policy", name=name, choices=", ".join(known)))


def start(args: argparse.Namespace) -> tuple[CareerRecord, Path]:
    """A new career, or the one in ``--load``; and the folder its autosaves go to.

    Loading from the command line continues the career, so an ironman save is accepted from
    its own slot (and keeps saving there).
    """
    folder = save_dir(args.save_dir)
    if args.load:
        path = find_save(args.load, folder)
        record = CareerRecord.from_save(read_save(path, mode="continue_ironman", search=[folder]))
        if args.rivals is not None:
            record.info = replace(record.info, rivals=args.rivals)
        if args.difficulty is not None:
            record.info = replace(record.info, difficulty=args.difficulty)
        return record, path.parent if record.info.ironman else folder
    warned: list[Issue] = []
    scenario, document = load_with_document(args.scenario, args.mod_list or (), warned)
    for found in warned:  # a conflict between mods is told, never applied silently
        print(t("warning.prefix") + found.render(), file=sys.stderr)
    state, _ = new_game(compile_rulebook(scenario), args.seed)
    info = CareerInfo(new_career_id(), scenario_ref(args.scenario), args.rivals, args.ironman,
                      args.difficulty or DEFAULT_DIFFICULTY)
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
    check_policies(state.book, args.ai, info.rivals)
    if info.ironman and args.save and Path(args.save).name != ironman_name(info.career_id):
        raise SaveError.because(Path(args.save), "ironman_save", slot=ironman_name(info.career_id))
    saver = None
    if args.autosave or info.ironman:
        saver = Autosaver(folder, info.career_id, ironman=info.ironman,
                          held=state.player.first_held)
    said = current()
    narrator = None
    if not args.json:
        narrator = Narrator(state, print, said, verbose=args.verbose)
        legend(state, said, print)
    first = last_played(state)
    until = None if args.turns is None else state.turn + args.turns
    policies = seat_policies(state.book, args.ai, info.rivals, info.difficulty)
    recall_memory(policies, info.ai or {})  # a loaded career's AI goes on as it would have
    record.policies = policies
    play(state, policies, until_turn=until,
         sink=TurnSaver(record, saver, narrator), history=record.history)
    if narrator is not None:
        narrator.flush(state.turn)
    if args.save:
        write_save(Path(args.save), record.snapshot())
    if saver is not None and info.ironman:
        saver.after_turn(record.snapshot())
    if args.json:
        print(json.dumps(summary(state, last_played(state) - first), sort_keys=True))
    else:
        closing(state, said, last_played(state) - first)
    sys.stdout.flush()
    return 0


def summary(state: GameState, played: int) -> dict[str, Any]:
    """The JSON summary line: ``turn`` is where the career stands (the turn a save continues
    at, or the one it ended in), ``last_turn`` the last one played, ``turns_played`` this run's."""
    player = state.player
    return {
        "turn": state.turn, "last_turn": last_played(state), "turns_played": played,
        "result": state.result, "score": legacy_score(state, player),
        "state_sha256": state_sha256(state), "scenario": state.scenario_id, "seed": state.seed,
        "positions": sorted(player.positions), "highest": _highest(state),
    }


def closing(state: GameState, said: Messages, played: int) -> None:
    """The recap, then the one-line result (the log's last line)."""
    recap(state, said, print)
    print(said.t("log.result", result=result_line(state, said, played),
                 score=said.number(legacy_score(state, state.player)),
                 state=state_sha256(state)[:12]))


def _highest(state: GameState) -> str | None:
    held = state.player.first_held
    if not held:
        return None
    return max(held, key=lambda p: (state.book.positions[p].prestige, p))
