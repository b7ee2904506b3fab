"""Autosaves: a rotation of per-turn slots, milestone saves, the ironman slot, and a worker
thread that encodes and writes them so the game (or UI) thread only takes a snapshot.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import threading
import weakref
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from game.core.events import Event, PositionGained
from game.persistence.errors import SaveError
from game.persistence.format import SaveSnapshot
from game.persistence.locations import autosave_name, ironman_name, milestone_name
from game.persistence.savefile import write_save

DEFAULT_SLOTS = 5


def won_positions(events: Sequence[Event], player: str) -> list[str]:
    """Positions the player won in ``events`` (the starting ones do not count)."""
    return [e.position for e in events
            if isinstance(e, PositionGained) and e.actor == player and e.how != "start"]


class AutosaveWorker:
    """Encodes and writes snapshots on one background thread, in order of submission.

    A newer job for a path still waiting replaces the older one (latest wins).  Failures
    never reach the game thread: they go to ``on_error`` (called on the worker thread) and to
    ``errors``.  ``flush`` waits for the queue; ``close`` flushes and stops the thread (also
    done at interpreter exit).
    """

    def __init__(self, on_error: Callable[[SaveError], None] | None = None,
                 on_saved: Callable[[Path], None] | None = None) -> None:
        self.on_error = on_error
        self.on_saved = on_saved
        self.errors: list[SaveError] = []
        self.saved: list[Path] = []
        self._cond = threading.Condition()
        self._jobs: dict[Path, tuple[SaveSnapshot, bool]] = {}
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None

    def submit(self, path: Path, snapshot: SaveSnapshot, keep_backup: bool = True) -> None:
        """Queue ``snapshot`` for ``path``; returns at once."""
        with self._cond:
            if self._closed:
                raise RuntimeError("the autosave worker is closed")
            self._jobs.pop(path, None)
            self._jobs[path] = (snapshot, keep_backup)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="saluran-autosave",
                                                daemon=True)
                self._thread.start()
                _live_workers.add(self)
            self._cond.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued save is written; False if ``timeout`` ran out first."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._jobs and not self._busy, timeout)

    def close(self, timeout: float | None = None) -> None:
        """Write what is queued, then stop the thread."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def __enter__(self) -> AutosaveWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _next_job(self) -> tuple[Path, SaveSnapshot, bool] | None:
        with self._cond:
            self._cond.wait_for(lambda: bool(self._jobs) or self._closed)
            if not self._jobs:
                return None
            path = next(iter(self._jobs))
            snapshot, keep_backup = self._jobs.pop(path)
            self._busy = True
            return path, snapshot, keep_backup

    def _run(self) -> None:
        while (job := self._next_job()) is not None:
            path, snapshot, keep_backup = job
            try:
                write_save(path, snapshot, keep_backup=keep_backup)
                self.saved.append(path)
                if self.on_saved is not None:
                    self.on_saved(path)
            except Exception as exc:  # the worker must outlive any one failed save
                error = exc if isinstance(exc, SaveError) else SaveError.because(
                    path, "write_failed", detail=repr(exc))
                self.errors.append(error)
                if self.on_error is not None:
                    with contextlib.suppress(Exception):
                        self.on_error(error)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()


_live_workers: weakref.WeakSet[AutosaveWorker] = weakref.WeakSet()


@atexit.register
def _close_workers() -> None:  # pragma: no cover - runs at interpreter exit
    for worker in list(_live_workers):
        worker.close(timeout=10)


class Autosaver:
    """Where one career's autosaves go, and which slot is next.

    Normal careers: every turn into ``autosave-<career>-<n>.json``, n cycling over
    ``slots``, plus ``milestone-<career>-t<turn>-<position>.json`` (kept) for each office
    the player holds for the first time: ``held`` names the offices held before (the
    career's ``first_held``), and each milestone adds its office, so an office won again
    (a second term, a seat regained) gets none.  Ironman careers: every turn into
    ``ironman-<career>.json`` only.
    """

    def __init__(self, folder: Path, career_id: str, *, slots: int = DEFAULT_SLOTS,
                 ironman: bool = False, worker: AutosaveWorker | None = None,
                 held: Iterable[str] = ()) -> None:
        if slots < 1:
            raise ValueError("autosave needs at least one slot")
        self.folder = Path(folder)
        self.career_id = career_id
        self.slots = slots
        self.ironman = ironman
        self.worker = worker
        self.held: set[str] = set(held)
        self._lock = threading.Lock()
        self._next = self._slot_after_newest()

    def slot_path(self, slot: int) -> Path:
        """The file of rotation slot ``slot`` (1-based)."""
        return self.folder / autosave_name(self.career_id, slot)

    @property
    def ironman_path(self) -> Path:
        """The single slot of an ironman career."""
        return self.folder / ironman_name(self.career_id)

    def _slot_after_newest(self) -> int:
        # Continue the rotation after the newest existing slot, so a restart overwrites the
        # oldest one rather than the freshest.
        newest, slot = -1.0, 0
        for n in range(1, self.slots + 1):
            with contextlib.suppress(OSError):
                mtime = self.slot_path(n).stat().st_mtime
                if mtime > newest:
                    newest, slot = mtime, n
        return slot % self.slots + 1

    def after_turn(self, snapshot: SaveSnapshot, won: Sequence[str] = ()) -> list[Path]:
        """Save ``snapshot`` where this turn's autosaves go; returns those paths.

        ``won``: positions the player gained since the last call (``won_positions``).
        """
        if self.ironman:
            jobs = [(self.ironman_path, snapshot, True)]
        else:
            with self._lock:
                slot, self._next = self._next, self._next % self.slots + 1
            jobs = [(self.slot_path(slot), snapshot, False)]
            turn = int(snapshot.meta.get("turn", 0))
            fresh = [p for p in dict.fromkeys(won) if p not in self.held]
            self.held.update(fresh)
            for position in fresh:
                milestone = dataclasses.replace(snapshot, meta={**snapshot.meta,
                                                                "kind": "milestone"})
                jobs.append((self.folder / milestone_name(self.career_id, turn, position),
                             milestone, False))
        for path, snap, keep_backup in jobs:
            if self.worker is not None:
                self.worker.submit(path, snap, keep_backup)
            else:
                write_save(path, snap, keep_backup=keep_backup)
        return [path for path, _, _ in jobs]
