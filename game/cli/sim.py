"""``saluran sim``: batches of AI-played careers, their report, replays and A/B comparisons.

    saluran sim --games 1000 --out runs/base            # run, report, summary table
    saluran sim --replay runs/base/games.jsonl#12        # re-run one career from its line
    saluran sim --compare runs/base runs/variant         # paired differences, same seeds

Ctrl-C during a batch stops the workers, keeps the careers finished so far (whole lines, in
batch order), writes the summary and report of those, and exits with 130.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from pathlib import Path
from typing import Any

from game.ai import DEFAULT_DIFFICULTY, DIFFICULTIES
from game.cli import non_negative, positive
from game.cli.messages import LANGUAGES, current, default_language, t
from game.cli.narrate import Narrator
from game.cli.options import EXIT_INTERRUPTED, Options, Refused, UsageError
from game.cli.play import check_policies
from game.cli.recap import recap
from game.content import DEFAULT_SCENARIO, Issue, load_scenario
from game.core import GameState, compile_rulebook
from game.sim.batch import BATCH_FILE, GAMES_FILE, SCENARIO_FILE, BatchSpec, run_batch
from game.sim.compare import compare_dirs, write_compare
from game.sim.dask_backend import BackendUnavailable
from game.sim.plots import PLOTS_DIR
from game.sim.replay import replay_line
from game.sim.report import REPORT_FILE, SUMMARY_FILE, write_report
from game.sim.rows import BatchError
from game.sim.terminal import LABELS, print_compare, print_summary
from game.sim.worker import WorkerMismatch

DEFAULT_OUT = "sim-out"
#: What a batch writes into --out (and --force replaces); nothing else there is touched.
BATCH_OUTPUTS = (GAMES_FILE, BATCH_FILE, SCENARIO_FILE, SUMMARY_FILE, REPORT_FILE)
COMPARE_OUTPUTS = ("compare.md", "compare.json")
#: ``--replay FILE#K``: K in ASCII digits (``int`` would take other scripts' digits, or fail).
LINE_REF = re.compile(r".+#\s*[0-9]+\s*", re.DOTALL)


def register(sub: Any) -> None:
    """Add the ``sim`` sub-command."""
    parser = sub.add_parser(
        "sim", help="run many AI-played careers and report on balance",
        description="Run N careers per player policy over worker processes (or Dask), write "
                    "DIR/games.jsonl, summary.json, report.md and plots; or replay one "
                    "career; or compare two runs made on the same seeds.")
    opts = Options(parser)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--games", type=positive, metavar="N", help="careers per player policy")
    mode.add_argument("--replay", metavar="FILE#K",
                      help="re-run line K (from 0) of a games.jsonl and check it is identical")
    mode.add_argument("--compare", nargs=2, metavar=("DIR_A", "DIR_B"),
                      help="paired differences (B - A) of two runs on the same seeds")
    opts.add("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH",
             help="the scenario: an id (see `saluran scenarios`) or a path")
    opts.add("--mod", dest="mod_list", action="append", metavar="NAME",
             help="stack a patch mod on the scenario (repeatable; applied in the order given)")
    opts.add("--seed", type=non_negative, default=0, metavar="S",
             help="first seed; careers use seeds S..S+N-1")
    opts.add("--jobs", type=positive, metavar="J", help="worker processes (default: every core)")
    opts.add("--player-policy", default="greedy", metavar="P[,P...]",
             help="policy for the player's seat; a comma list runs each on the same seeds")
    opts.add("--rival-policy", metavar="P",
             help="one policy for every rival (default: each rival's persona)")
    opts.add("--difficulty", choices=DIFFICULTIES, default=DEFAULT_DIFFICULTY, metavar="LEVEL",
             help="how rivals playing their personas decide: easy (one step ahead), normal "
                  "(they plan, acting on impulse one time in three) or hard (they plan every "
                  "move)")
    opts.add("--out", metavar="DIR",
             help=f"results folder (default {DEFAULT_OUT}); with --compare, where compare.md "
                  "and compare.json go")
    opts.add("--force", action="store_true",
             help="replace the results of an earlier run in --out (other files there are "
                  "left alone)")
    opts.add("--backend", choices=("local", "dask"), default="local",
             help="local worker processes, or a Dask cluster")
    opts.add("--scheduler", metavar="ADDR",
             help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local "
                  "cluster on 127.0.0.1)")
    opts.add("--no-plots", action="store_true", help="skip the PNG charts")
    opts.add("--narrate", action="store_true",
             help="with --replay: print the career turn by turn")
    opts.add("--verbose", action="store_true",
             help="with --narrate: the rivals' moves, event cards and every contest in full")
    opts.add("--lang", choices=LANGUAGES, default=default_language(),
             help="language of the messages and the narration: en or id (also $SALURAN_LANG)")
    add_rules(opts)
    parser.set_defaults(run=run)


def add_rules(opts: Options) -> None:
    """Which of ``sim``'s options go together."""
    opts.needs("scheduler", "backend", value="dask", why="why.scheduler")
    opts.needs("narrate", "replay", why="why.narrate")
    opts.needs("verbose", "narrate", why="why.verbose")
    for dest in ("scenario", "mod_list", "seed", "jobs", "player_policy", "rival_policy",
                 "difficulty", "backend", "no_plots"):
        opts.needs(dest, "games", why="why.batch_only")
    opts.conflicts("difficulty", "rival_policy", why="why.difficulty_rivals")


def table_words() -> dict[str, str]:
    """The summary and comparison tables' words in the language in use."""
    return {key: t(f"simtable.{key}") for key in LABELS}


def _policies(text: str) -> tuple[str, ...]:
    policies = [p.strip() for p in text.split(",")]
    if any(not p for p in policies) or len(set(policies)) != len(policies):
        raise UsageError(t("sim.bad_policies", text=text), "saluran sim")
    return tuple(policies)


def run(args: argparse.Namespace) -> int:
    """Dispatch to a batch run, a replay or a comparison."""
    if args.replay and not LINE_REF.fullmatch(args.replay):
        raise UsageError(t("sim.line_ref", ref=args.replay), "saluran sim")
    try:
        if args.replay:
            return _replay(args)
        if args.compare:
            return _compare(args)
        return _batch(args)
    except (BatchError, BackendUnavailable, WorkerMismatch) as exc:
        raise Refused(str(exc)) from None


def check_out(out: Path, names: tuple[str, ...], force: bool) -> None:
    """Refuse an --out that holds results unless --force; with it, remove those results
    (only files a run writes, so a stale chart or line never mixes with new ones)."""
    if out.exists() and not out.is_dir():
        raise Refused(t("sim.out_is_file", out=out))
    if not out.is_dir():
        return
    batch = names == BATCH_OUTPUTS
    ours = [out / name for name in names if (out / name).exists()]
    plots = sorted((out / PLOTS_DIR).glob("*.png")) if batch else []
    if not force and (ours or plots or (batch and any(out.iterdir()))):
        raise Refused(t("sim.out_not_empty" if batch else "sim.compare_exists", out=out))
    for path in [*ours, *plots]:
        with contextlib.suppress(OSError):
            path.unlink()


def _batch(args: argparse.Namespace) -> int:
    said = current()
    out = Path(args.out or DEFAULT_OUT)
    policies = _policies(args.player_policy)
    mods = tuple(args.mod_list or ())
    warned: list[Issue] = []
    check_policies(compile_rulebook(load_scenario(args.scenario, mods, warned)), *policies,
                   args.rival_policy)
    for found in warned:  # a conflict between mods is told, never applied silently
        print(t("warning.prefix") + found.render(), file=sys.stderr)
    check_out(out, BATCH_OUTPUTS, args.force)
    spec = BatchSpec(scenario=args.scenario, mods=mods, games=args.games, seed=args.seed,
                     player_policies=policies, rival_policy=args.rival_policy,
                     difficulty=args.difficulty)
    batch = run_batch(spec, out, jobs=args.jobs, backend=args.backend,
                      scheduler=args.scheduler, progress=None)
    if batch.careers:
        print_summary(write_report(out, plots=not args.no_plots), labels=table_words())
    if batch.interrupted:
        key = "sim.interrupted" if batch.careers else "sim.interrupted_none"
        print(said.t(key, done=batch.careers, planned=batch.planned, out=out), file=sys.stderr)
        return EXIT_INTERRUPTED
    workers = said.t("sim.workers" if args.backend == "dask" else "sim.jobs", n=batch.jobs)
    print(said.t("sim.done", careers=batch.careers, seconds=said.number(batch.wall_s, 1),
                 rate=said.number(batch.careers_per_s, 1), workers=workers, out=out))
    return 0


def _replay(args: argparse.Namespace) -> int:
    said = current()
    narrators: list[Narrator] = []

    def narrator(state: GameState) -> Narrator:
        narrators.append(Narrator(state, print, said, verbose=args.verbose))
        return narrators[-1]

    replayed = replay_line(args.replay, narrator if args.narrate else None)
    for told in narrators:
        told.flush(told.state.turn)
        recap(told.state, said, print)
    row = replayed.row
    print(said.t("sim.replayed", index=replayed.index, seed=row["seed"],
                 policy=row["player_policy"], result=said.t(f"result.{row['result']}"),
                 turn=row["turns"], score=said.number(row["score"], 1),
                 path=" > ".join(row["path"]) or "-"))
    if replayed.identical:
        print(said.t("sim.identical"))
        return 0
    print(t("error.prefix") + said.t("sim.differs", fields=", ".join(replayed.differences())),
          file=sys.stderr)
    return 1


def _compare(args: argparse.Namespace) -> int:
    result = compare_dirs(*args.compare)
    if args.out:
        check_out(Path(args.out), COMPARE_OUTPUTS, args.force)
    print_compare(result, labels=table_words())
    if args.out:
        write_compare(result, args.out)
        print(t("sim.compare_wrote", out=args.out))
    return 0
