"""Where saves go, and how save files are named.

The save folder is, in order: ``--save-dir``, ``$SALURAN_SAVE_DIR``, ``saves/`` beside the
game in a source checkout, else the platform's user data folder (platformdirs).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

SAVE_DIR_ENV = "SALURAN_SAVE_DIR"
APP_NAME = "saluran"
SAVE_SUFFIX = ".json"
AUTOSAVE_PREFIX = "autosave-"
MILESTONE_PREFIX = "milestone-"
IRONMAN_PREFIX = "ironman-"


def checkout_saves() -> Path | None:
    """``saves/`` at the root of a source checkout (beside pyproject.toml), if this is one."""
    root = Path(__file__).resolve().parents[2]  # game/persistence/locations.py -> root
    folder = root / "saves"
    if (root / "pyproject.toml").is_file() and folder.is_dir():
        return folder
    return None


def save_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder saves and autosaves go to (not created here)."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(SAVE_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return checkout_saves() or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "saves"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)[:48] or "_"


def autosave_name(career_id: str, slot: int) -> str:
    """Rotation slot ``slot`` (1-based) of a career's per-turn autosaves."""
    return f"{AUTOSAVE_PREFIX}{_slug(career_id)}-{slot}{SAVE_SUFFIX}"


def milestone_name(career_id: str, turn: int, position: str) -> str:
    """The autosave kept when the player won ``position`` on ``turn``."""
    return f"{MILESTONE_PREFIX}{_slug(career_id)}-t{turn:03d}-{_slug(position)}{SAVE_SUFFIX}"


def ironman_name(career_id: str) -> str:
    """The single slot of an ironman career."""
    return f"{IRONMAN_PREFIX}{_slug(career_id)}{SAVE_SUFFIX}"


def is_save_name(name: str) -> bool:
    """A visible ``*.json`` file (temporary files are hidden, backups end in ``.bak``)."""
    return name.endswith(SAVE_SUFFIX) and not name.startswith(".")


def is_autosave_name(name: str) -> bool:
    """Written by the autosaver (rotation or milestone)."""
    return is_save_name(name) and name.startswith((AUTOSAVE_PREFIX, MILESTONE_PREFIX))
