"""Batches of careers over worker processes (or a Dask cluster), streamed in seed order.

A batch writes into its folder:
- ``batch.json``: what was run (scenario, fingerprint, seeds, policies, backend, timing);
- ``scenario.json``: the self-contained scenario document, so replays never depend on files
  that may have changed since;
- ``games.jsonl``: one line per career in batch order (policy by policy, seed by seed),
  identical for any number of jobs and for either backend.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import platform
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from game.ai import DEFAULT_DIFFICULTY, make_policy
from game.content import load_with_document
from game.core import compile_rulebook
from game.sim.progress import BatchProgress
from game.sim.worker import (
    CareerSpec,
    Payload,
    install,
    installed_chunk,
    package_version,
    run_chunk,
)

Backend = Literal["local", "dask"]
GAMES_FILE, BATCH_FILE, SCENARIO_FILE = "games.jsonl", "batch.json", "scenario.json"
Chunks = Iterator[list[tuple[int, str]]]


def default_jobs() -> int:
    """Every core this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class BatchSpec:
    """What to run: ``games`` seeds from ``seed`` for each player policy."""

    scenario: str = "nusantara"  # an id or a path, as given
    mods: tuple[str, ...] = ()  # patch mods stacked on the scenario, in load order
    games: int = 100
    seed: int = 0
    player_policies: tuple[str, ...] = ("greedy",)
    rival_policy: str | None = None  # None: each rival plays its persona
    difficulty: str = DEFAULT_DIFFICULTY  # how rivals playing their personas decide
    check_invariants: bool = False  # check the state after every decision (slower)

    def careers(self) -> list[CareerSpec]:
        """Every career in batch order: policy by policy, seed by seed."""
        return [
            CareerSpec(p * self.games + i, self.seed + i, policy, self.rival_policy,
                       self.difficulty)
            for p, policy in enumerate(self.player_policies)
            for i in range(self.games)
        ]


@dataclass(slots=True)
class BatchRun:
    """A finished batch: where it is and how fast it ran.

    ``interrupted``: Ctrl-C stopped it; ``careers`` of ``planned`` are in games.jsonl (the
    first ones in batch order, each line complete).
    """

    out: Path
    spec: BatchSpec
    fingerprint: str
    careers: int
    wall_s: float
    jobs: int
    backend: Backend
    provenance: dict[str, Any] = field(default_factory=dict)
    interrupted: bool = False
    planned: int = 0

    @property
    def careers_per_s(self) -> float:
        """Throughput of the whole batch."""
        return self.careers / self.wall_s if self.wall_s > 0 else 0.0


def chunked(careers: Sequence[CareerSpec], workers: int) -> list[list[CareerSpec]]:
    """Split into small chunks: enough to keep every worker busy and the bar moving."""
    size = max(1, min(8, len(careers) // max(1, workers * 8)))
    return [list(careers[i:i + size]) for i in range(0, len(careers), size)]


class OrderedWriter:
    """Writes lines in index order whatever order the chunks finish in."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.next = 0
        self.waiting: dict[int, str] = {}

    def add(self, rows: list[tuple[int, str]]) -> None:
        """Take finished rows; write every row whose predecessors are all written."""
        self.waiting.update(rows)
        while self.next in self.waiting:
            self.stream.write(self.waiting.pop(self.next) + "\n")
            self.next += 1
        self.stream.flush()


def local_chunks(payload: Payload, chunks: list[list[CareerSpec]], jobs: int) -> Chunks:
    """Run chunks in this process (jobs=1) or a pool of fresh processes."""
    if jobs <= 1:
        for chunk in chunks:
            yield run_chunk(payload, chunk)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    release = _hold_sigint()  # workers (and the fork server) start deaf to Ctrl-C
    try:
        pool = context.Pool(jobs, initializer=install, initargs=(payload,))
    except BaseException:
        release()
        raise
    with pool:  # leaving it (finished, interrupted or closed) terminates the workers
        release()  # a Ctrl-C pressed while they started arrives here, and stops them
        yield from pool.imap_unordered(installed_chunk, chunks)


def _hold_sigint() -> Callable[[], None]:
    """Keep Ctrl-C from worker processes while they start; return the function that ends
    that (raising KeyboardInterrupt if Ctrl-C was pressed meanwhile).

    A terminal's Ctrl-C reaches every process of the group: workers that never see it leave
    the interruption to this process, which stops them, keeps the finished lines and says
    what it did, instead of each worker printing a traceback.  Where the system has signal
    masks, Ctrl-C is blocked while they start (children inherit the mask) and a press is
    only noted here, to act on once the pool exists; elsewhere it is ignored meanwhile.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    block = getattr(signal, "pthread_sigmask", None)
    if block is None:
        ignored = signal.signal(signal.SIGINT, signal.SIG_IGN)
        return lambda: _restore(ignored)
    # The resource tracker unblocks Ctrl-C once it has started: start it first, so that the
    # fork server, started next, inherits the mask.
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _: pressed.append(signum))
    block(signal.SIG_BLOCK, {signal.SIGINT})

    def release() -> None:
        block(signal.SIG_UNBLOCK, {signal.SIGINT})
        _restore(previous)  # runs the note-taker first if a press was waiting
        if pressed:
            raise KeyboardInterrupt

    return release


def _restore(handler: Any) -> None:
    signal.signal(signal.SIGINT, handler)


def provenance(spec: BatchSpec, fingerprint: str, jobs: int, backend: Backend) -> dict[str, Any]:
    """Where a batch came from: versions, scenario, seeds, policies, machine."""
    return {
        "version": package_version(), "python": platform.python_version(),
        "platform": platform.platform(), "scenario": spec.scenario, "mods": list(spec.mods),
        "fingerprint": fingerprint, "seeds": [spec.seed, spec.seed + spec.games - 1],
        "games_per_policy": spec.games, "player_policies": list(spec.player_policies),
        "rival_policy": spec.rival_policy, "difficulty": spec.difficulty, "jobs": jobs,
        "backend": backend,
    }


def prepare(spec: BatchSpec, out: Path) -> Payload:
    """Load and check the scenario and policies; write scenario.json. Raises on bad input."""
    scenario, document = load_with_document(spec.scenario, spec.mods)
    book = compile_rulebook(scenario)
    for name in (*spec.player_policies, *([spec.rival_policy] if spec.rival_policy else [])):
        make_policy(name, book)  # raises UnknownPolicy with the valid names
    out.mkdir(parents=True, exist_ok=True)
    (out / SCENARIO_FILE).write_text(json.dumps(document, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
    return Payload(package_version(), scenario.fingerprint, document, spec.check_invariants)


def run_batch(
    spec: BatchSpec,
    out: str | Path,
    jobs: int | None = None,
    backend: Backend = "local",
    scheduler: str | None = None,
    progress: bool | None = False,
    on_rows: Callable[[int], None] | None = None,
) -> BatchRun:
    """Run ``spec`` into folder ``out``; ``progress`` None = a bar only on a terminal.

    Ctrl-C (KeyboardInterrupt) stops the workers and returns the run so far, marked
    ``interrupted``: games.jsonl keeps the careers finished in batch order, whole lines only.
    A Ctrl-C before the first career finished leaves ``out`` as it was (so the same command
    runs again without --force).
    """
    folder = Path(out)
    created = not folder.exists()
    try:
        payload = prepare(spec, folder)
    except KeyboardInterrupt:  # Ctrl-C before the first career: leave no trace
        _remove_started(folder, created)
        raise
    jobs = jobs or default_jobs()
    careers = spec.careers()
    info = provenance(spec, payload.fingerprint, jobs, backend)
    started = time.perf_counter()
    with (folder / GAMES_FILE).open("w", encoding="utf-8") as stream, \
            BatchProgress(len(careers), progress) as bar:
        writer = OrderedWriter(stream)
        try:
            interrupted = _stream_rows(_chunks(payload, careers, jobs, backend, scheduler),
                                       writer, bar, on_rows)
        except Exception:
            if writer.next == 0:  # it never started (a cluster out of reach): leave no trace
                stream.close()
                _remove_started(folder, created)
            raise
    wall = time.perf_counter() - started
    run = BatchRun(folder, spec, payload.fingerprint, writer.next, wall, jobs, backend, info,
                   interrupted, len(careers))
    if interrupted and writer.next == 0:  # nothing finished: leave the folder as it was
        _remove_started(folder, created)
        return run
    info.update(wall_s=round(wall, 3), careers=writer.next, careers_planned=len(careers),
                interrupted=interrupted, careers_per_s=round(run.careers_per_s, 2),
                careers_per_s_per_core=round(run.careers_per_s / jobs, 2),
                finished=time.strftime("%Y-%m-%dT%H:%M:%S%z"), spec=asdict(spec))
    (folder / BATCH_FILE).write_text(json.dumps(info, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
    return run


def _remove_started(folder: Path, created: bool) -> None:
    """Remove what a batch that never ran wrote: its files, and its folder if it made it."""
    for name in (GAMES_FILE, SCENARIO_FILE):
        with contextlib.suppress(OSError):
            (folder / name).unlink(missing_ok=True)
    if created:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _stream_rows(chunks: Chunks, writer: OrderedWriter, bar: BatchProgress,
                 on_rows: Callable[[int], None] | None) -> bool:
    """Write finished rows as they come; True if Ctrl-C stopped the batch first."""
    try:
        for rows in chunks:
            writer.add(rows)
            bar.advance(len(rows))
            if on_rows is not None:
                on_rows(len(rows))
    except KeyboardInterrupt:
        return True
    finally:  # stop the workers now, not when the generator is collected
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
    return False


def _chunks(payload: Payload, careers: list[CareerSpec], jobs: int, backend: Backend,
            scheduler: str | None) -> Chunks:
    if backend == "dask":
        from game.sim.dask_backend import dask_chunks

        return dask_chunks(payload, careers, jobs, scheduler)
    return local_chunks(payload, chunked(careers, jobs), jobs)


def simulate(spec: BatchSpec, jobs: int | None = None, backend: Backend = "local",
             scheduler: str | None = None) -> list[dict[str, Any]]:
    """Run ``spec`` in a temporary folder and return its rows (no files kept)."""
    with tempfile.TemporaryDirectory(prefix="saluran-sim-") as folder:
        run_batch(spec, folder, jobs=jobs, backend=backend, scheduler=scheduler)
        with (Path(folder) / GAMES_FILE).open(encoding="utf-8") as stream:
            return [json.loads(line) for line in stream]
