"""Atomic file replacement that keeps the previous version as ``NAME.bak``.

The new bytes go to a temporary file in the same folder, are flushed and fsynced, and only
then renamed over the target, so a crash, a full disk or a read-only folder leaves either
the old file or the new one in place, never half of one.  Writers of one path are
serialised by a lock, so the UI thread and an autosave thread may both save safely.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import shutil
import stat
import threading
import time
from pathlib import Path

from game.persistence.errors import PHRASES

BACKUP_SUFFIX = ".bak"
TMP_SUFFIX = ".tmp"
#: ``.NAME.<pid>.<thread>.<n>.tmp``: the temporary files ``atomic_write`` creates.
TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)\.(?P<thread>\d+)\.(?P<n>\d+)\.tmp$")
#: A temporary file untouched this long belongs to no live writer (a save takes seconds).
STALE_AFTER_S = 600.0

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
    # Unique per process, thread and call; hidden so save listings skip it.  The pattern is
    # TEMP_NAME below: change both together.
    tag = f"{os.getpid()}.{threading.get_ident()}.{next(_serial)}"
    return path.with_name(f".{path.name}.{tag}{TMP_SUFFIX}")


def is_stale_temp(entry: os.DirEntry[str], now: float) -> bool:
    """A temporary file of this program left by a writer that died (a crash, SIGKILL).

    Only names of ``_temp_name``'s pattern qualify, never this process's own, and only once
    untouched for ``STALE_AFTER_S``: a live writer's file is seconds old.  A staged backup
    still linked to a save (more than one link) is kept: it may be a writer's next step.
    """
    match = TEMP_NAME.match(entry.name)
    if match is None or int(match["pid"]) == os.getpid():
        return False
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    return (stat.S_ISREG(info.st_mode) and info.st_nlink <= 1
            and now - info.st_mtime > STALE_AFTER_S)


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove this program's stale temporary files from ``folder``; the paths removed.

    Best effort: a file that cannot be removed is left for the next save to try again.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            stale = [Path(e.path) for e in entries if is_stale_temp(e, now)]
    except OSError:
        return removed
    for path in stale:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; on OSError nothing has changed.

    The backup is staged (hard link or copy of the current file) before the rename and put
    in place after it, so a failed save leaves both ``path`` and ``NAME.bak`` as they were.
    """
    _check_target(path)
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
            # On OSError the save is done; only the backup stays one version older.
            with contextlib.suppress(OSError):
                os.replace(staged, backup_path(path))
            # POSIX rename does nothing when both names are links to one file (another
            # process staged the same old version as the backup): drop the spare name.
            _discard(staged)
    _sync_folder(path.parent)
    clean_stale_temps(path.parent)


def _check_target(path: Path) -> None:
    """Refuse to replace anything but a file (or a symbolic link, which is replaced, never
    followed): renaming over a device such as /dev/null would replace the device itself."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, PHRASES["folder_named"], str(path))
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise OSError(errno.EEXIST, PHRASES["not_regular"], str(path))


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
