"""Who plays which seat in ``saluran bench``, at which difficulty, and the same careers over
several processes.

With the policy in the player's seat only, rivals play their personas at the difficulty.
With every seat, rivals play the policy itself at the difficulty when it has levels (the
planner and the personas: easy looks one step ahead, normal plans with impulses, hard plans
every decision); random and greedy have none and play as they are.  Each career gets fresh
policies, as a ``saluran sim`` career does, so no plan outlives its career.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from game.ai import Policy, personas_for, seat_policies, step
from game.ai.difficulty import level_of, rival_policy
from game.ai.registry import balanced_persona
from game.content import load_scenario
from game.core import Rulebook, compile_rulebook, new_game

#: Rivals' difficulty when every seat plays the policy and none is given: full strength.
EVERY_SEAT_DIFFICULTY = "hard"


def has_levels(book: Rulebook, policy: str) -> bool:
    """True for a policy that plays differently at each difficulty (planner, personas)."""
    return policy == "planner" or policy in personas_for(book.scenario)


def bench_seats(book: Rulebook, policy: str, every_seat: bool, difficulty: str,
                ) -> dict[str, Policy]:
    """Fresh policies for every seat: ``policy`` in the player's; the rivals at
    ``difficulty``, on their personas or (``every_seat``) on the policy itself."""
    if not every_seat:
        return seat_policies(book, policy, None, difficulty)
    seats = seat_policies(book, policy, policy, difficulty)  # the rivals at full strength
    if difficulty == EVERY_SEAT_DIFFICULTY or not has_levels(book, policy):
        return seats
    persona = (balanced_persona(book, policy) if policy == "planner"
               else personas_for(book.scenario)[policy])
    rival = rival_policy(book, persona, difficulty)
    player = next(s.id for s in book.scenario.actors if s.player)
    return {aid: seat if aid == player else rival for aid, seat in seats.items()}


def rivals_played(book: Rulebook, seats: dict[str, Policy]) -> str:
    """How the rivals' seats are played, e.g. ``loyalist (easy) x2, populist (easy)``."""
    player = next(s.id for s in book.scenario.actors if s.player)
    found: Counter[str] = Counter()
    for aid, seat in seats.items():
        if aid != player:
            level = level_of(seat)
            found[seat.name if level is None else f"{seat.name} ({level})"] += 1
    return ", ".join(name if n == 1 else f"{name} x{n}" for name, n in found.items())


@dataclass(frozen=True, slots=True)
class Chunk:
    """Careers one worker plays: a scenario reference, the seats, the seeds."""

    scenario: str
    policy: str
    every_seat: bool
    difficulty: str
    seeds: tuple[int, ...]


_BOOKS: dict[str, Rulebook] = {}


def play_chunk(chunk: Chunk) -> tuple[int, str]:
    """Play a chunk's careers unrecorded: (careers played, how the rivals were played)."""
    book = _BOOKS.get(chunk.scenario)
    if book is None:
        book = _BOOKS[chunk.scenario] = compile_rulebook(load_scenario(chunk.scenario))
    rivals = ""
    for seed in chunk.seeds:
        seats = bench_seats(book, chunk.policy, chunk.every_seat, chunk.difficulty)
        rivals = rivals_played(book, seats)
        state, _ = new_game(book, seed)
        while state.phase != "over":
            step(state, seats)
    return len(chunk.seeds), rivals


def chunks_of(scenario: str, policy: str, every_seat: bool, difficulty: str, seed: int,
              careers: int, size: int) -> list[Chunk]:
    """``careers`` careers from ``seed`` on, in chunks of ``size``."""
    seeds = range(seed, seed + careers)
    return [Chunk(scenario, policy, every_seat, difficulty, tuple(seeds[i:i + size]))
            for i in range(0, careers, size)]


def play_parallel(chunks: list[Chunk], jobs: int,
                  on_done: Callable[[float, int], None] | None = None) -> set[str]:
    """Play ``chunks`` over ``jobs`` worker processes (in this one for 1), calling
    ``on_done(time, careers)`` as each finishes; returns how the rivals were played."""
    played: set[str] = set()
    if jobs <= 1:
        for chunk in chunks:
            count, rivals = play_chunk(chunk)
            played.add(rivals)
            if on_done is not None:
                on_done(time.perf_counter(), count)
        return played
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with _sigint_ignored():  # workers start deaf to Ctrl-C: the bench stops them
        pool = context.Pool(jobs, initializer=_deaf)
    try:
        for count, rivals in pool.imap_unordered(play_chunk, chunks):
            played.add(rivals)
            if on_done is not None:
                on_done(time.perf_counter(), count)
    finally:
        pool.terminate()
        pool.join()
    return played


def _deaf() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
