"""Atomic file replacement that keeps the previous version as ``NAME.bak``.

The new bytes go to a temporary file in the same folder, are flushed and fsynced, and only
then renamed over the target, so a crash, a full disk or a read-only folder leaves either
the old file or the new one in place, never half of one.  Writers of one path are
serialised by a lock, so the UI thread and an autosave thread may both save safely.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import threading
from pathlib import Path

BACKUP_SUFFIX = ".bak"
TMP_SUFFIX = ".tmp"

_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()
_serial = itertools.count()


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _lock_for(path: Path) -> threading.Lock:
    key = path.absolute()
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


def _temp_name(path: Path) -> Path:
    # Unique per process, thread and call; hidden so save listings skip it.
    tag = f"{os.getpid()}.{threading.get_ident()}.{next(_serial)}"
    return path.with_name(f".{path.name}.{tag}{TMP_SUFFIX}")


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; on OSError nothing has changed.

    The backup is staged (hard link or copy of the current file) before the rename and put
    in place after it, so a failed save leaves both ``path`` and ``NAME.bak`` as they were.
    """
    with _lock_for(path):
        tmp = _temp_name(path)
        staged: Path | None = None
        try:
            _write_synced(tmp, data)
            if keep_backup and path.is_file():
                staged = _stage_backup(path)
            os.replace(tmp, path)
        except BaseException:
            _discard(tmp, staged)
            raise
        if staged is not None:
            try:
                os.replace(staged, backup_path(path))
            except OSError:  # the save is done; only the backup stays one version older
                _discard(staged)
    _sync_folder(path.parent)


def _discard(*paths: Path | None) -> None:
    for path in paths:
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def _write_synced(tmp: Path, data: bytes) -> None:
    # 0o666 filtered by the umask: saves get the user's usual permissions.  Unbuffered
    # os.write, so there is nothing to flush before the fsync.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:  # os.write may write less than asked (signals, quotas)
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def _stage_backup(path: Path) -> Path:
    """A hidden second name for the current file, to become ``NAME.bak`` after the rename."""
    staged = _temp_name(backup_path(path))
    try:
        try:
            os.link(path, staged)  # a hard link: no copy, no extra space
        except OSError:
            shutil.copyfile(path, staged)  # file systems without hard links
    except BaseException:
        _discard(staged)
        raise
    return staged


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort, the data is already safe."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
