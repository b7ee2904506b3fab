"""Listing the saves in a folder with their meta, for the load screen and ``saluran saves``.

A save is listed as good only if it loads: the same checks as loading it (numbers, fields,
checksums, scenario, state, and the meta block against the state), so the list never shows
a career that then refuses to open.  Results are kept per file version (path, size, mtime),
so listing a folder again only reads what changed.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from game.persistence.atomic import backup_path
from game.persistence.errors import SaveError
from game.persistence.format import SaveMeta
from game.persistence.locations import is_save_name
from game.persistence.savefile import read_meta


@dataclass(frozen=True, slots=True)
class SaveListing:
    """One save file: its checked meta, or the problem that keeps it from loading."""

    path: Path
    size: int  # bytes
    modified: float  # file mtime, seconds since the epoch
    meta: SaveMeta | None
    problem: str | None
    has_backup: bool
    error: SaveError | None = None  # the problem as raised (its key and values translate it)


_Version = tuple[str, int, int, int]  # path, size, mtime in ns, inode
_checked: dict[_Version, tuple[SaveMeta | None, SaveError | None]] = {}
_checked_lock = threading.Lock()
_CHECKED_LIMIT = 512


def _check(path: Path, version: _Version) -> tuple[SaveMeta | None, SaveError | None]:
    with _checked_lock:
        hit = _checked.get(version)
    if hit is not None:
        return hit
    try:
        found: tuple[SaveMeta | None, SaveError | None] = (read_meta(path), None)
    except SaveError as exc:
        found = (None, exc)
    with _checked_lock:
        if len(_checked) >= _CHECKED_LIMIT:
            _checked.pop(next(iter(_checked)))
        _checked[version] = found
    return found


def _is_file(entry: os.DirEntry[str]) -> bool:
    # A link in a loop raises ELOOP where a dangling one says False: neither is a save, and
    # neither may hide the saves beside it.
    try:
        return entry.is_file()
    except OSError:
        return False


def list_saves(folder: Path) -> list[SaveListing]:
    """Every ``*.json`` save in ``folder``, newest first; a missing folder lists nothing.

    Raises SaveError if ``folder`` exists but is not a readable folder.
    """
    try:
        entries = [e for e in os.scandir(folder) if is_save_name(e.name) and _is_file(e)]
    except FileNotFoundError:
        return []
    except NotADirectoryError:
        raise SaveError.because(folder, "folder_is_file") from None
    except OSError as exc:
        raise SaveError.because(folder, "folder_unreadable",
                                detail=exc.strerror or str(exc)) from None
    found = []
    for entry in entries:
        path = Path(entry.path)
        try:
            info = entry.stat()
        except OSError:
            continue
        meta, error = _check(path, (entry.path, info.st_size, info.st_mtime_ns, info.st_ino))
        found.append(SaveListing(path, info.st_size, info.st_mtime, meta,
                                 None if error is None else error.reason,
                                 backup_path(path).is_file(), error))
    found.sort(key=lambda s: (-s.modified, s.path.name))
    return found
