"""``saluran bench``: how fast headless careers run, per core and across cores, against a bare
loop of the same shape, and where a turn's time goes.

The output is a list of sections, each a function of (args, rulebook) that prints its lines;
further measurements (e.g. the UI's frame time) add a flag and a section.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Mapping
from typing import Any

from game.ai import DIFFICULTIES, Policy, make_policy
from game.cli import non_negative, positive
from game.content import DEFAULT_SCENARIO, load_scenario
from game.core import Rulebook, compile_rulebook
from game.sim.bench import (
    BEFORE_DIFFICULTY,
    BEFORE_SCENARIO,
    BENCH_DIFFICULTY,
    GREEDY_BEFORE,
    Throughput,
    pipeline_shares,
    play_careers,
)
from game.sim.bench_seats import (
    EVERY_SEAT_DIFFICULTY,
    bench_seats,
    chunks_of,
    play_parallel,
    rivals_played,
)
from game.sim.floor import career_shape

Section = Callable[[argparse.Namespace, Rulebook], None]
FLOOR_SAMPLE = 5  # careers played again (untimed) to find the shape of the bare loop


def register(sub: Any) -> None:
    """Add the ``bench`` sub-command."""
    parser = sub.add_parser("bench", help="measure headless careers per second, per core and "
                                          "across cores, against a bare loop, and the turn "
                                          "pipeline")
    parser.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH")
    parser.add_argument("--careers", type=positive, default=40, metavar="N")
    parser.add_argument("--seed", type=non_negative, default=0, metavar="N")
    parser.add_argument("--policy", action="append", metavar="POLICY",
                        help="a policy to time in the player's seat (repeat for several; "
                             "default greedy); rivals play their personas")
    parser.add_argument("--every-seat", action="store_true",
                        help="every seat plays the policy, rivals too")
    parser.add_argument("--difficulty", choices=DIFFICULTIES, default=None, metavar="LEVEL",
                        help=f"how the rivals decide, in every section (--jobs, the pipeline "
                             f"and --ui too): easy (one step ahead), normal (they plan, on "
                             f"impulse one time in three) or hard (they plan every move); they "
                             f"play their personas (default: {BENCH_DIFFICULTY}, as when the "
                             f"figure before was taken), or with --every-seat the policy itself "
                             f"where it has levels (default: {EVERY_SEAT_DIFFICULTY}; random and "
                             f"greedy have none)")
    parser.add_argument("--jobs", type=positive, default=1, metavar="J",
                        help="also play the careers (same seats and difficulty) over J "
                             "worker processes and report careers/s per core and the scaling "
                             "(default 1: skip)")
    parser.add_argument("--pipeline", type=non_negative, default=None, metavar="N",
                        help="careers timed step by step for the pipeline shares "
                             "(default: min(N, 20); 0 skips)")
    parser.add_argument("--ui", action="store_true",
                        help="also time the game window: start to menu, campaign frame time "
                             "at 1280x720 (SDL dummy driver unless one is set), end turn to ready")
    parser.set_defaults(run=run, bench_sections=[one_core, across_cores, pipeline])


def run(args: argparse.Namespace) -> int:
    """Print every bench section."""
    book = compile_rulebook(load_scenario(args.scenario))
    args.policies = args.policy or ["greedy"]
    if args.difficulty is None:
        args.difficulty = EVERY_SEAT_DIFFICULTY if args.every_seat else BENCH_DIFFICULTY
    for name in args.policies:
        make_policy(name, book)  # an unknown name stops here, before any timing
    sections: list[Section] = args.bench_sections
    if getattr(args, "ui", False):
        sections = [*sections, ui_timings]
    for section in sections:
        section(args, book)
    return 0


def _seats(args: argparse.Namespace) -> str:
    if args.every_seat:
        return f"every seat plays the policy, rivals at difficulty {args.difficulty}"
    return f"rivals play their personas ({args.difficulty})"


def _fresh(args: argparse.Namespace, book: Rulebook, policy: str
           ) -> Callable[[], Mapping[str, Policy]]:
    """Fresh policies for every seat of one career, as the bench's sections play them."""
    return lambda: bench_seats(book, policy, args.every_seat, args.difficulty)


def one_core(args: argparse.Namespace, book: Rulebook) -> None:
    """Careers back to back in this process, per policy: throughput, latency, the bare-loop
    floor of the same shape and, for greedy, the figure before the faster engine."""
    print(f"scenario {book.scenario.id}: {args.careers} careers from seed {args.seed}, "
          f"{len(book.scenario.actors)} actors, up to {book.scenario.max_turns} turns; "
          f"{_seats(args)}")
    print("careers/s on one core: this process's CPU time (wall clock is lower while other "
          "programs share the core)")
    args.one_core_rate = 0.0
    for name in args.policies:
        sample = career_shape(book, name, args.seed, min(args.careers, FLOOR_SAMPLE),
                              seats=_fresh(args, book, name))
        measured = play_careers(book, name, args.seed, args.careers, args.every_seat,
                                args.difficulty, legal_per_decision=sample.legal)
        args.one_core_rate = args.one_core_rate or measured.careers_per_cpu_s
        _throughput(name, measured)
        print(f"  rivals:                    "
              f"{rivals_played(book, bench_seats(book, name, args.every_seat, args.difficulty))}")
        _floor(measured)
        if (name == "greedy" and not args.every_seat and args.difficulty == BEFORE_DIFFICULTY
                and book.scenario.id == BEFORE_SCENARIO):
            low, high = GREEDY_BEFORE
            rate = measured.careers_per_cpu_s
            print(f"  before the faster engine:  {low:.0f}-{high:.0f} careers/s: now "
                  f"{rate / high:.1f}x-{rate / low:.1f}x as fast")


def _throughput(name: str, measured: Throughput) -> None:
    cpu = measured.cpu_seconds
    print(f"{name}:")
    print(f"  careers/s (one core):      {measured.careers_per_cpu_s:8.1f}  "
          f"(wall clock {measured.careers_per_s:.1f})")
    print(f"  ms per career, median:     {statistics.median(cpu) * 1000:8.1f}")
    print(f"  ms per career, p90:        {_p90(cpu) * 1000:8.1f}")
    print(f"  decisions per career:      {measured.decisions / measured.careers:8.0f}")
    print(f"  ms per decision:           {measured.ms_per_decision:8.3f}")


def _floor(measured: Throughput) -> None:
    rate = measured.floor_per_cpu_s
    ratio = rate / max(measured.careers_per_cpu_s, 1e-9)
    shapes = measured.shapes
    legal = shapes[0].legal if shapes else 0.0
    events = sum(s.events for s in shapes) / max(len(shapes), 1)
    print(f"  bare loop, same shape:     {rate:8.1f}  careers/s: this policy takes "
          f"{ratio:.1f}x its time")
    print(f"    (each career's decisions, each considering {shapes[0].moves if shapes else 0} "
          f"moves and {legal:.1f} legal commands, and its events ({events:.0f} a career), "
          f"with trivial work at every step; run after each career)")


def across_cores(args: argparse.Namespace, book: Rulebook) -> None:
    """The same careers, seats and difficulty in one process and over ``--jobs`` processes.

    The parallel rate is taken from the first finished chunk to the last, so process
    start-up does not count; scaling compares it with ``jobs`` times the in-process rate.
    """
    if args.jobs <= 1:
        print(f"careers/s per core:    {args.one_core_rate:8.1f}  (--jobs J to measure J cores)")
        return
    games = max(args.careers, 8 * args.jobs)
    policy = args.policies[0]
    chunks = chunks_of(args.scenario, policy, args.every_seat, args.difficulty, args.seed,
                       games, max(1, games // (4 * args.jobs)))
    started = time.perf_counter()
    play_parallel(chunks, 1)
    single = games / max(time.perf_counter() - started, 1e-9)
    arrivals: list[tuple[float, int]] = []
    started = time.perf_counter()
    rivals = play_parallel(chunks, args.jobs, lambda at, n: arrivals.append((at, n)))
    whole = games / max(time.perf_counter() - started, 1e-9)
    steady = whole
    if len(arrivals) > 1 and arrivals[-1][0] > arrivals[0][0]:
        done = sum(n for _, n in arrivals[1:])
        steady = done / (arrivals[-1][0] - arrivals[0][0])
    per_core = steady / args.jobs
    print(f"careers/s ({args.jobs} jobs):    {steady:8.1f}  ({games} careers of {policy}; "
          f"{whole:.1f} with process start-up; rivals: {'; '.join(sorted(rivals))})")
    print(f"careers/s per core:    {per_core:8.1f}  "
          f"(scaling {100 * per_core / max(single, 1e-9):.0f}% of linear; "
          f"one process: {single:.1f})")


def pipeline(args: argparse.Namespace, book: Rulebook) -> None:
    """Share of time in each step of the turn pipeline."""
    careers = min(args.careers, 20) if args.pipeline is None else args.pipeline
    if careers == 0:
        return
    policy = args.policies[0]
    shares = pipeline_shares(book, policy, args.seed, careers, args.every_seat,
                             args.difficulty)
    print(f"turn pipeline, share of time ({policy}, {careers} careers, timed separately; "
          f"{_seats(args)}):")
    for label, share in shares.items():
        print(f"  {label:<26} {100 * share:5.1f}%")


def ui_timings(args: argparse.Namespace, book: Rulebook) -> None:
    """The game window's timings (``--ui``)."""
    from game.ui.bench import measure, report

    for line in report(measure(args.scenario, args.seed, difficulty=args.difficulty)):
        print(line)


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
