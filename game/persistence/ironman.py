"""The ironman rule: one slot, saved every turn, never reloaded.

An ironman career lives in exactly one file, ``ironman-<career>.json``; it gets no rotating
autosaves and no milestone copies.  Its save may be *continued* (mode ``continue_ironman``)
only from that file, which then keeps being overwritten every turn, so there is no earlier
position to go back to.  Loading it any other way (an ordinary load, a renamed copy) is
refused.  Its ``.bak`` (the previous turn, kept for crash safety) may be continued only if
the slot itself is missing or damaged.  Replays and listings may read it (``inspect``): they
never play on.  This keeps a player honest; it is not copy protection.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from game.persistence.atomic import BACKUP_SUFFIX
from game.persistence.errors import IronmanRefused
from game.persistence.format import SaveMeta
from game.persistence.locations import ironman_name


def check_ironman(meta: SaveMeta, path: Path,
                  mode: Literal["play", "continue_ironman", "inspect"],
                  loads: Callable[[Path], bool]) -> None:
    """Raise IronmanRefused unless ``mode`` may open this save at ``path``."""
    if not meta.ironman or mode == "inspect":
        return
    slot = ironman_name(meta.career_id)
    if mode == "play":
        raise IronmanRefused.because(path, "ironman_load", slot=slot)
    if path.name == slot:
        return
    if path.name == slot + BACKUP_SUFFIX:
        primary = path.with_name(slot)
        if primary.is_file() and loads(primary):
            raise IronmanRefused.because(path, "ironman_backup", [primary])
        return
    raise IronmanRefused.because(path, "ironman_copy", slot=slot)
