"""What a worker process runs: chunks of careers from a self-contained batch payload.

Workers never read scenario files: the payload carries the scenario document (includes
merged), so a remote Dask worker needs only the ``saluran`` package of the same version.
Each process compiles the scenario once and keeps it for every later chunk.
"""

from __future__ import annotations

import signal
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from game.ai import DEFAULT_DIFFICULTY
from game.content import scenario_from_document
from game.core import Rulebook, compile_rulebook
from game.sim.career import row_line, run_career


def package_version() -> str:
    """The installed saluran version (``0+unknown`` when run from an uninstalled tree)."""
    try:
        return metadata.version("saluran")
    except metadata.PackageNotFoundError:
        return "0+unknown"


@dataclass(frozen=True, slots=True)
class CareerSpec:
    """One career of a batch: its place in games.jsonl, its seed and its policies."""

    index: int
    seed: int
    player_policy: str
    rival_policy: str | None
    difficulty: str = DEFAULT_DIFFICULTY


@dataclass(frozen=True, slots=True)
class Payload:
    """Everything a worker needs besides the careers: the scenario and who sent it."""

    version: str
    fingerprint: str
    document: dict[str, Any]
    check_invariants: bool = False  # check the state after every decision (balance runs)


class WorkerMismatch(RuntimeError):
    """A worker runs another saluran version or builds another scenario than the batch."""


_BOOKS: dict[str, Rulebook] = {}
_INSTALLED: list[Payload] = []


def book_for(payload: Payload) -> Rulebook:
    """The compiled scenario of ``payload``, built once per process."""
    book = _BOOKS.get(payload.fingerprint)
    if book is None:
        here = package_version()
        if here != payload.version:
            raise WorkerMismatch(f"worker runs saluran {here}, the batch {payload.version}")
        scenario = scenario_from_document(payload.document, "<batch scenario>")
        if scenario.fingerprint != payload.fingerprint:
            raise WorkerMismatch(f"worker built scenario {scenario.fingerprint}, "
                                 f"the batch expects {payload.fingerprint}")
        book = _BOOKS[payload.fingerprint] = compile_rulebook(scenario)
    return book


def run_chunk(payload: Payload, chunk: Sequence[CareerSpec]) -> list[tuple[int, str]]:
    """Play the careers of ``chunk``: (index, games.jsonl line) for each."""
    book = book_for(payload)
    return [
        (c.index, row_line(run_career(book, c.seed, c.player_policy, c.rival_policy,
                                      index=c.index, difficulty=c.difficulty,
                                      check_invariants=payload.check_invariants)))
        for c in chunk
    ]


def install(payload: Payload) -> None:
    """Pool initializer: keep the payload in this worker process (sent once, not per task).

    Workers ignore Ctrl-C: the batch process stops them and keeps what finished.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _INSTALLED[:] = [payload]
    book_for(payload)


def installed_chunk(chunk: Sequence[CareerSpec]) -> list[tuple[int, str]]:
    """``run_chunk`` with the payload ``install`` kept."""
    return run_chunk(_INSTALLED[0], chunk)


def dask_chunk(chunk: Sequence[CareerSpec], payload: Payload) -> list[tuple[int, str]]:
    """The Dask task: ``run_chunk`` with arguments in the order ``client.map`` passes them."""
    return run_chunk(payload, chunk)
