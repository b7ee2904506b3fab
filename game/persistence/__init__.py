"""Saving and loading careers: save files, autosaves, migrations, replays.

See docs/SAVES.md for the format and the rules (backups, autosave slots, ironman).
"""

from game.persistence.atomic import backup_path
from game.persistence.autosave import DEFAULT_SLOTS, Autosaver, AutosaveWorker, won_positions
from game.persistence.errors import IronmanRefused, NewerFormatError, SaveError
from game.persistence.format import (
    FORMAT_VERSION,
    GAME_VERSION,
    CareerInfo,
    SaveMeta,
    SaveSnapshot,
    encode_save,
    new_career_id,
    take_snapshot,
)
from game.persistence.history import HistoryLog
from game.persistence.legacy import load_save, restore_state
from game.persistence.listing import SaveListing, list_saves
from game.persistence.locations import SAVE_DIR_ENV, ironman_name, save_dir
from game.persistence.migrations import MIGRATIONS
from game.persistence.record import CareerRecord
from game.persistence.replay import Replay, ReplayStep, verify
from game.persistence.savefile import (
    LoadedSave,
    LoadMode,
    decode_save,
    read_meta,
    read_save,
    recovery_options,
    write_save,
)

__all__ = [
    "DEFAULT_SLOTS", "FORMAT_VERSION", "GAME_VERSION", "MIGRATIONS", "SAVE_DIR_ENV",
    "AutosaveWorker", "Autosaver", "CareerInfo", "CareerRecord", "HistoryLog", "IronmanRefused",
    "LoadMode", "LoadedSave", "NewerFormatError", "Replay", "ReplayStep", "SaveError",
    "SaveListing", "SaveMeta", "SaveSnapshot", "backup_path", "decode_save", "encode_save",
    "ironman_name", "list_saves", "load_save", "new_career_id", "read_meta", "read_save",
    "recovery_options", "restore_state", "save_dir", "take_snapshot", "verify", "won_positions",
    "write_save",
]
