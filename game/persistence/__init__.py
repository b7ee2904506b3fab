"""Saving and loading careers."""

from game.persistence.savefile import SaveError, load_save, restore_state, write_save

__all__ = ["SaveError", "load_save", "restore_state", "write_save"]
