"""``saluran play --headless``: a career played by a policy, logged turn by turn."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.ai import seat_policies
from game.ai.runner import play
from game.cli import non_negative
from game.cli.narrate import Narrator
from game.content import DEFAULT_SCENARIO, load_scenario
from game.core import GameState, compile_rulebook, legacy_score, new_game, state_sha256
from game.persistence import load_save, restore_state, write_save


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
    play_cmd.add_argument("--seed", type=non_negative, default=0, metavar="N")
    play_cmd.add_argument("--turns", type=non_negative, default=None, metavar="N",
                          help="play N turns (default: to the end of the career)")
    play_cmd.add_argument("--load", metavar="PATH", help="continue the game saved in PATH")
    play_cmd.add_argument("--save", metavar="PATH", help="save the game to PATH when done")
    play_cmd.add_argument("--json", action="store_true",
                          help="print only one JSON summary line (turn, result, score, hash)")
    play_cmd.add_argument("--lang", choices=("en", "id"), default="en")
    play_cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Headless play; without --headless, the game window."""
    if not args.headless:
        from game.cli.window import open_window

        return open_window(args)
    return run_headless(args)


def scenario_ref(ref: str) -> str:
    """What a save records: an id as it is, a path made absolute."""
    path = Path(ref)
    return str(path.resolve()) if path.exists() else ref


def start(args: argparse.Namespace) -> tuple[GameState, str]:
    """A new game, or the one in ``--load``."""
    if args.load:
        ref, dump = load_save(Path(args.load))
        book = compile_rulebook(load_scenario(ref))
        return restore_state(book, dump, Path(args.load)), ref
    book = compile_rulebook(load_scenario(args.scenario))
    state, _ = new_game(book, args.seed)
    return state, scenario_ref(args.scenario)


def run_headless(args: argparse.Namespace) -> int:
    """Play, print the log (or only the JSON summary line), save if asked."""
    state, ref = start(args)
    policies = seat_policies(state.book, args.ai, args.rivals)
    narrator = Narrator(state, print, args.lang)
    until = None if args.turns is None else state.turn + args.turns
    play(state, policies, until_turn=until, sink=None if args.json else narrator)
    if not args.json:
        narrator.flush(state.turn)
    if args.save:
        write_save(Path(args.save), state, ref)
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
