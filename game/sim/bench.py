"""Measuring the engine: careers per second, time per decision, and where a turn's time goes.

The turn pipeline is timed by wrapping the functions of ``game.core`` (and the AI's calls
into it) in this process only, for the duration of one measurement: the core itself holds
no timing code.  Each step's time is exclusive: time spent in a nested wrapped step counts
for that step only.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from game.ai import Policy, step
from game.core import Command, Rulebook, new_game
from game.core.views import View
from game.sim.bench_seats import bench_seats
from game.sim.floor import Shape, bare_career, schedule

#: (step label, module, function) wrapped while timing; missing ones are skipped.
PIPELINE: tuple[tuple[str, str, str], ...] = (
    ("upkeep", "game.core.turns", "upkeep"),
    ("legal moves (listed)", "game.core.legal", "legal_moves"),
    ("validate", "game.core.engine", "validate"),
    ("polls (AI win chances)", "game.core.views", "win_chance"),
    ("moves resolve", "game.core.engine", "_make_move"),
    ("event draws", "game.core.cards", "draw_world"),
    ("event draws", "game.core.cards", "draw_for_actor"),
    ("event choices", "game.core.engine", "_choose"),
    ("contests", "game.core.contests", "resolve_due"),
    ("terms", "game.core.turns", "end_terms"),
    ("promotions", "game.core.turns", "promote"),
    ("victory check", "game.core.turns", "check_ends"),
)
POLICY_STEP = "policy choice"
OTHER_STEP = "other (loop, views, dice)"
#: Greedy careers per second on one core before the faster engine (issue 9's measurement:
#: ``saluran sim --jobs 1``, nusantara, rivals on their personas).
GREEDY_BEFORE = (10.0, 14.0)
BEFORE_SCENARIO = "nusantara"
BEFORE_DIFFICULTY = "easy"  # rivals then played their personas one step ahead
#: The bench's rivals by default: as when the figure before was taken, so it compares.
BENCH_DIFFICULTY = BEFORE_DIFFICULTY


@dataclass(slots=True)
class Throughput:
    """Careers played back to back on one core: wall-clock and this process's CPU time, and
    (when asked) the CPU time of a bare loop of each career's shape, run right after it."""

    careers: int
    seconds: list[float]  # wall clock, per career
    cpu_seconds: list[float]  # this process's CPU time, per career
    decisions: int
    floor_cpu_seconds: list[float] = field(default_factory=list)  # the bare loop, per career
    shapes: list[Shape] = field(default_factory=list)  # each career's, with the floor

    @property
    def total(self) -> float:
        """Wall-clock seconds for all careers."""
        return sum(self.seconds)

    @property
    def cpu_total(self) -> float:
        """CPU seconds for all careers."""
        return sum(self.cpu_seconds)

    @property
    def careers_per_s(self) -> float:
        """Careers per second of wall clock (lower when other programs share the core)."""
        return self.careers / self.total if self.total > 0 else 0.0

    @property
    def careers_per_cpu_s(self) -> float:
        """Careers per second of one core's time: what the engine costs, whatever else runs."""
        return self.careers / self.cpu_total if self.cpu_total > 0 else 0.0

    @property
    def ms_per_decision(self) -> float:
        """CPU milliseconds per decision (one ``step``: choose and apply)."""
        return self.cpu_total * 1000 / max(self.decisions, 1)

    @property
    def floor_per_cpu_s(self) -> float:
        """Bare-loop careers per second of one core's time (0 when not measured)."""
        spent = sum(self.floor_cpu_seconds)
        return len(self.floor_cpu_seconds) / spent if spent > 0 else 0.0


def play_careers(book: Rulebook, policy: str, seed: int, careers: int,
                 every_seat: bool = False, difficulty: str = BENCH_DIFFICULTY,
                 legal_per_decision: float | None = None) -> Throughput:
    """Play ``careers`` careers (seeds ``seed``..) with no recording; time each one.  Seats
    as ``bench_seats`` gives them, fresh for each career.

    With ``legal_per_decision`` (see ``floor.career_shape``) each career is followed by the
    bare loop of its shape, timed apart: both see the same load on the machine.
    """
    moves = tuple(m.id for m in book.scenario.moves)
    measured = Throughput(careers, [], [], 0)
    for offset in range(careers):
        policies = bench_seats(book, policy, every_seat, difficulty)
        state, setup = new_game(book, seed + offset)
        decisions, events = 0, len(setup)
        started, cpu_started = time.perf_counter(), time.process_time()
        while state.phase != "over":
            events += len(step(state, policies))
            decisions += 1
        measured.cpu_seconds.append(time.process_time() - cpu_started)
        measured.seconds.append(time.perf_counter() - started)
        measured.decisions += decisions
        if legal_per_decision is not None:
            shape = Shape(decisions, len(moves), legal_per_decision, events)
            plan = schedule(shape)
            cpu_started = time.process_time()
            bare_career(moves, plan)
            measured.floor_cpu_seconds.append(time.process_time() - cpu_started)
            measured.shapes.append(shape)
    return measured


@dataclass(slots=True)
class StageTimer:
    """Exclusive seconds per pipeline step, collected by wrapped functions."""

    totals: dict[str, float] = field(default_factory=dict)
    _stack: list[float] = field(default_factory=list)  # child time of each open call

    def wrap(self, label: str, func: Callable[..., Any]) -> Callable[..., Any]:
        """``func`` timed under ``label``."""
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            self._stack.append(0.0)
            try:
                return func(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                children = self._stack.pop()
                self.totals[label] = self.totals.get(label, 0.0) + elapsed - children
                if self._stack:
                    self._stack[-1] += elapsed
        return timed

    @contextmanager
    def installed(self, steps: Sequence[tuple[str, str, str]] = PIPELINE) -> Iterator[None]:
        """Wrap the pipeline functions for the duration of the block, then restore them."""
        saved: list[tuple[Any, str, Any]] = []
        for label, module_name, name in steps:
            module = importlib.import_module(module_name)
            original = getattr(module, name, None)
            if original is None:
                continue
            saved.append((module, name, original))
            setattr(module, name, self.wrap(label, original))
        try:
            yield
        finally:
            for module, name, original in reversed(saved):
                setattr(module, name, original)


class TimedPolicy:
    """A policy whose ``choose`` is timed as the policy step."""

    def __init__(self, inner: Policy, timer: StageTimer) -> None:
        self.name = inner.name
        self._choose = timer.wrap(POLICY_STEP, inner.choose)

    def choose(self, view: View, legal: Sequence[Command], rng: Any) -> Command:
        """As the wrapped policy."""
        command: Command = self._choose(view, legal, rng)
        return command


def pipeline_shares(book: Rulebook, policy: str, seed: int, careers: int,
                    every_seat: bool = False, difficulty: str = BENCH_DIFFICULTY,
                    ) -> dict[str, float]:
    """Share of a career's time in each pipeline step (sums to 1), over ``careers`` careers."""
    timer = StageTimer()
    with timer.installed():
        started = time.perf_counter()
        for offset in range(careers):
            seats = bench_seats(book, policy, every_seat, difficulty)
            policies: Mapping[str, Policy] = {aid: TimedPolicy(p, timer)
                                              for aid, p in seats.items()}
            state, _ = new_game(book, seed + offset)
            while state.phase != "over":
                step(state, policies)
        total = time.perf_counter() - started
    shares = {label: seconds / total for label, seconds in timer.totals.items()}
    shares[OTHER_STEP] = max(0.0, 1.0 - sum(shares.values()))
    return dict(sorted(shares.items(), key=lambda item: -item[1]))
