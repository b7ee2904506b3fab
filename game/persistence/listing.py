"""Listing the saves in a folder with their meta, for the load screen and ``saluran saves``."""

from __future__ import annotations

import os
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


def list_saves(folder: Path) -> list[SaveListing]:
    """Every ``*.json`` save in ``folder``, newest first; a missing folder lists nothing."""
    try:
        entries = [e for e in os.scandir(folder) if is_save_name(e.name) and e.is_file()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise SaveError(folder, f"the save folder cannot be read ({exc.strerror or exc})") from None
    found = []
    for entry in entries:
        path = Path(entry.path)
        meta: SaveMeta | None = None
        problem: str | None = None
        try:
            meta = read_meta(path)
        except SaveError as exc:
            problem = exc.reason
        try:
            info = entry.stat()
        except OSError:
            continue
        found.append(SaveListing(path, info.st_size, info.st_mtime, meta, problem,
                                 backup_path(path).is_file()))
    found.sort(key=lambda s: (-s.modified, s.path.name))
    return found
