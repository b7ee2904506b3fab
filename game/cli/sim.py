"""``saluran sim``: batches of AI-played careers, their report, replays and A/B comparisons.

    saluran sim --games 1000 --out runs/base            # run, report, summary table
    saluran sim --replay runs/base/games.jsonl#12        # re-run one career from its line
    saluran sim --compare runs/base runs/variant         # paired differences, same seeds
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.ai import UnknownPolicy
from game.cli import non_negative, positive
from game.cli.narrate import Narrator
from game.content import DEFAULT_SCENARIO
from game.core import GameState
from game.sim.batch import BatchSpec, run_batch
from game.sim.compare import compare_dirs, write_compare
from game.sim.dask_backend import BackendUnavailable
from game.sim.replay import replay_line
from game.sim.report import write_report
from game.sim.rows import BatchError
from game.sim.terminal import print_compare, print_summary
from game.sim.worker import WorkerMismatch

DEFAULT_OUT = "sim-out"


def register(sub: Any) -> None:
    """Add the ``sim`` sub-command."""
    parser = sub.add_parser(
        "sim", help="run many AI-played careers and report on balance",
        description="Run N careers per player policy over worker processes (or Dask), write "
                    "DIR/games.jsonl, summary.json, report.md and plots; or replay one "
                    "career; or compare two runs made on the same seeds.")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--games", type=positive, metavar="N", help="careers per player policy")
    mode.add_argument("--replay", metavar="FILE#K",
                      help="re-run line K (from 0) of a games.jsonl and check it is identical")
    mode.add_argument("--compare", nargs=2, metavar=("DIR_A", "DIR_B"),
                      help="paired differences (B - A) of two runs on the same seeds")
    parser.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH")
    parser.add_argument("--mod", dest="mod_list", action="append", default=[],
                        metavar="NAME", help="stack a patch mod on the scenario (repeatable; "
                        "applied in the order given)")
    parser.add_argument("--seed", type=non_negative, default=0, metavar="S",
                        help="first seed; careers use seeds S..S+N-1 (default 0)")
    parser.add_argument("--jobs", type=positive, default=None, metavar="J",
                        help="worker processes (default: every core)")
    parser.add_argument("--player-policy", default="greedy", metavar="P[,P...]",
                        help="policy for the player's seat; a comma list runs each on the "
                             "same seeds (default greedy)")
    parser.add_argument("--rival-policy", default=None, metavar="P",
                        help="one policy for every rival (default: each rival's persona)")
    parser.add_argument("--out", default=None, metavar="DIR",
                        help=f"results folder (default {DEFAULT_OUT}); with --compare, "
                             "where compare.md and compare.json go")
    parser.add_argument("--backend", choices=("local", "dask"), default="local")
    parser.add_argument("--scheduler", default=None, metavar="ADDR",
                        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a "
                             "local cluster on 127.0.0.1)")
    parser.add_argument("--no-plots", action="store_true", help="skip the PNG charts")
    parser.add_argument("--narrate", action="store_true",
                        help="with --replay: print the career turn by turn")
    parser.add_argument("--lang", choices=("en", "id"), default="en")
    parser.set_defaults(run=run, sim_parser=parser)


def _check(args: argparse.Namespace) -> None:
    """Flag combinations argparse cannot express: exit 2 with a clear message."""
    parser: argparse.ArgumentParser = args.sim_parser
    if args.scheduler and args.backend != "dask":
        parser.error("--scheduler needs --backend dask")
    if args.narrate and not args.replay:
        parser.error("--narrate goes with --replay")
    policies = [p.strip() for p in args.player_policy.split(",")]
    if any(not p for p in policies) or len(set(policies)) != len(policies):
        parser.error(f"--player-policy {args.player_policy!r}: give distinct names, "
                     "separated by commas")
    args.player_policies = tuple(policies)


def run(args: argparse.Namespace) -> int:
    """Dispatch to a batch run, a replay or a comparison."""
    _check(args)
    try:
        if args.replay:
            return _replay(args)
        if args.compare:
            return _compare(args)
        return _batch(args)
    except (UnknownPolicy, BatchError, BackendUnavailable) as exc:
        print(f"saluran sim: error: {exc}", file=sys.stderr)
        return 2
    except WorkerMismatch as exc:
        print(f"saluran sim: error: {exc}", file=sys.stderr)
        return 1


def _batch(args: argparse.Namespace) -> int:
    out = Path(args.out or DEFAULT_OUT)
    spec = BatchSpec(scenario=args.scenario, mods=tuple(args.mod_list), games=args.games,
                     seed=args.seed,
                     player_policies=args.player_policies, rival_policy=args.rival_policy)
    batch = run_batch(spec, out, jobs=args.jobs, backend=args.backend,
                      scheduler=args.scheduler, progress=None)
    summary = write_report(out, plots=not args.no_plots)
    print_summary(summary)
    print(f"{batch.careers} careers in {batch.wall_s:.1f} s ({batch.careers_per_s:.1f}/s, "
          f"{batch.jobs} {'workers' if args.backend == 'dask' else 'jobs'}); "
          f"wrote {out}/games.jsonl, summary.json, report.md")
    return 0


def _replay(args: argparse.Namespace) -> int:
    narrators: list[Narrator] = []

    def narrator(state: GameState) -> Narrator:
        narrators.append(Narrator(state, print, args.lang))
        return narrators[-1]

    replayed = replay_line(args.replay, narrator if args.narrate else None)
    for told in narrators:
        told.flush(told.state.turn)
    row = replayed.row
    print(f"line {replayed.index}: seed {row['seed']}, {row['player_policy']}: {row['result']} "
          f"at turn {row['turns']}, legacy score {row['score']:.1f}, "
          f"path {' > '.join(row['path']) or '(none)'}")
    if replayed.identical:
        print("replay identical to the stored line")
        return 0
    print("replay DIFFERS from the stored line in: " + ", ".join(replayed.differences()),
          file=sys.stderr)
    return 1


def _compare(args: argparse.Namespace) -> int:
    result = compare_dirs(*args.compare)
    print_compare(result)
    if args.out:
        write_compare(result, args.out)
        print(f"wrote {args.out}/compare.md and compare.json")
    return 0
