"""Save files as the menus list them: named manual slots, and every save in the folder
(autosaves and milestones included) newest first, each with its summary."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from game.persistence import SaveError, SaveListing, list_saves

SLOTS = 8
QUICKSAVE = "quicksave"


@dataclass(frozen=True, slots=True)
class SlotInfo:
    """One save file (or an empty manual slot)."""

    slot: str  # quicksave, slot1..slotN, or the file's stem
    path: Path
    exists: bool
    player: str = ""
    turn: int = 0
    date: str = ""
    scenario: dict[str, str] | None = None
    kind: str = ""
    saved_at: float = 0.0
    problem: str = ""  # why it cannot be read, if it cannot


def slot_path(folder: Path, slot: str) -> Path:
    """The file of a named manual slot."""
    return folder / f"{slot}.json"


def _info(listing: SaveListing) -> SlotInfo:
    meta = listing.meta
    stem = listing.path.stem
    if meta is None:
        return SlotInfo(stem, listing.path, True, saved_at=listing.modified,
                        problem=listing.problem or "?")
    return SlotInfo(stem, listing.path, True, meta.player_name, meta.turn, meta.date,
                    dict(meta.scenario_name), meta.kind, listing.modified)


def all_saves(folder: Path) -> list[SlotInfo]:
    """Every save in ``folder``, newest first (unreadable ones say why)."""
    try:
        return [_info(listing) for listing in list_saves(folder)]
    except SaveError:
        return []


def manual_slots(folder: Path) -> list[SlotInfo]:
    """The quicksave and the numbered slots, for the save screen."""
    found = {s.path.name: s for s in all_saves(folder)}
    names = [QUICKSAVE] + [f"slot{i}" for i in range(1, SLOTS + 1)]
    return [found.get(f"{name}.json", SlotInfo(name, slot_path(folder, name), False))
            for name in names]


def latest(folder: Path) -> SlotInfo | None:
    """The most recently written readable save, for "Continue"."""
    return next((s for s in all_saves(folder) if not s.problem and s.kind != "ironman"), None)


def when(info: SlotInfo) -> str:
    """The save's local time, short."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(info.saved_at))
