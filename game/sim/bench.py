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

from game.ai import Policy, seat_policies, step
from game.core import Command, Rulebook, new_game
from game.core.views import View

#: (step label, module, function) wrapped while timing; missing ones are skipped.
PIPELINE: tuple[tuple[str, str, str], ...] = (
    ("upkeep", "game.core.turns", "upkeep"),
    ("legal moves", "game.ai.runner", "legal_moves"),
    ("validate", "game.core.engine", "validate"),
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


@dataclass(slots=True)
class Throughput:
    """Careers played back to back on one core."""

    careers: int
    seconds: list[float]
    decisions: int

    @property
    def total(self) -> float:
        """Seconds for all careers."""
        return sum(self.seconds)

    @property
    def careers_per_s(self) -> float:
        """Careers per second on this core."""
        return self.careers / self.total if self.total > 0 else 0.0

    @property
    def ms_per_decision(self) -> float:
        """Milliseconds per decision (one ``step``: choose and apply)."""
        return self.total * 1000 / max(self.decisions, 1)


def play_careers(book: Rulebook, policy: str, seed: int, careers: int,
                 rivals: str | None = None) -> Throughput:
    """Play ``careers`` careers (seeds ``seed``..) with no recording; time each one."""
    policies = seat_policies(book, policy, rivals)
    seconds: list[float] = []
    decisions = 0
    for offset in range(careers):
        state, _ = new_game(book, seed + offset)
        started = time.perf_counter()
        while state.phase != "over":
            step(state, policies)
            decisions += 1
        seconds.append(time.perf_counter() - started)
    return Throughput(careers, seconds, decisions)


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
                    rivals: str | None = None) -> dict[str, float]:
    """Share of a career's time in each pipeline step (sums to 1), over ``careers`` careers."""
    timer = StageTimer()
    policies: Mapping[str, Policy] = {
        aid: TimedPolicy(p, timer) for aid, p in seat_policies(book, policy, rivals).items()}
    with timer.installed():
        started = time.perf_counter()
        for offset in range(careers):
            state, _ = new_game(book, seed + offset)
            while state.phase != "over":
                step(state, policies)
        total = time.perf_counter() - started
    shares = {label: seconds / total for label, seconds in timer.totals.items()}
    shares[OTHER_STEP] = max(0.0, 1.0 - sum(shares.values()))
    return dict(sorted(shares.items(), key=lambda item: -item[1]))
