"""Writing and reading save files: checks, upgrades, clear errors, nothing ever lost.

Reading never writes: a save that fails to load is left exactly as it was, and the error
offers the backup (``NAME.bak``) or the newest autosave that does load.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from game.core import (
    Command,
    GameState,
    Rulebook,
    Scenario,
    load_state,
)
from game.core.codec import state_sha256
from game.core.moves import command_from_dict
from game.persistence import embedded
from game.persistence.atomic import atomic_write, backup_path
from game.persistence.errors import IronmanRefused, NewerFormatError, SaveError
from game.persistence.format import (
    FORMAT_VERSION,
    GAME_VERSION,
    CareerInfo,
    SaveFile,
    SaveMeta,
    SaveSnapshot,
    dump_sha256,
    encode_save,
    history_sha256,
    meta_sha256,
)
from game.persistence.ironman import check_ironman
from game.persistence.locations import is_autosave_name, save_dir
from game.persistence.migrations import MigrationContext, upgrade

MAX_SAVE_BYTES = 64 * 1024 * 1024
#: play: an ordinary load (ironman refused); continue_ironman: the ironman "Continue";
#: inspect: read-only uses that never play on (replays, listings).
LoadMode = Literal["play", "continue_ironman", "inspect"]
_WRITE_PROBLEMS = {
    errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the folder is on a read-only disk", errno.EACCES: "the folder is not writable",
    errno.EPERM: "the folder is not writable",
}


@dataclass(slots=True)
class LoadedSave:
    """A verified save: the scenario it embeds, the state, the history and its meta."""

    path: Path | None
    file: SaveFile
    scenario: Scenario
    book: Rulebook
    state: GameState
    history: list[Command] | None  # None: an upgraded format-1 save never recorded one
    source_format: int

    @property
    def meta(self) -> SaveMeta:
        """The load-screen block."""
        return self.file.meta

    @property
    def info(self) -> CareerInfo:
        """The career's id, scenario reference, rivals' policy and mode."""
        return CareerInfo(career_id=self.meta.career_id,
                          scenario_ref=self.file.settings.scenario_ref,
                          rivals=self.file.settings.rivals, ironman=self.meta.ironman)

    @property
    def history_dicts(self) -> list[dict[str, Any]] | None:
        """The history as saved (plain command dicts)."""
        return None if self.file.history is None else [dict(c) for c in self.file.history]


# ------------------------------------------------------------------ writing
def write_save(path: Path, snapshot: SaveSnapshot | GameState, scenario_ref: str | None = None,
               *, keep_backup: bool = True) -> Path:
    """Write ``snapshot`` to ``path`` atomically, the previous version kept as ``NAME.bak``.

    Raises SaveError, with ``path`` (and its backup) untouched, if anything goes wrong.
    (The first API's ``write_save(path, state, scenario_ref)`` still works: no history.)
    """
    path = Path(path)
    if isinstance(snapshot, GameState):
        from game.persistence.legacy import snapshot_of_state

        snapshot = snapshot_of_state(snapshot, scenario_ref or snapshot.scenario_id)
    try:
        data = encode_save(snapshot)
    except ValueError as exc:  # NaN/infinity: a broken invariant, but never a broken file
        raise SaveError(path, f"could not save: the game state cannot be written ({exc})") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "a folder has that name")
        atomic_write(path, data, keep_backup=keep_backup)
    except OSError as exc:
        what = _WRITE_PROBLEMS.get(exc.errno or 0) or exc.strerror or str(exc)
        raise SaveError(path, f"could not save: {what}; the previous save is untouched") from None
    return path


# ------------------------------------------------------------------ reading
def read_bytes(path: Path) -> bytes:
    """The raw bytes of a save; SaveError saying why they cannot be read."""
    try:
        if path.is_dir():
            raise SaveError(path, "this is a folder, not a save file")
        with path.open("rb") as handle:
            data = handle.read(MAX_SAVE_BYTES + 1)
    except FileNotFoundError:
        raise SaveError(path, "there is no save file here") from None
    except PermissionError:
        raise SaveError(path, "the file cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise SaveError(path, "this is a folder, not a save file") from None
    except OSError as exc:
        raise SaveError(path, f"the file cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError(path, f"the file is larger than {MAX_SAVE_BYTES} bytes: not a save")
    return data


def _format_of(raw: Any, path: Path) -> int:
    if not isinstance(raw, dict):
        kind = {list: "a list", str: "a string", bool: "true/false", type(None): "null"}.get(
            type(raw), "a number")
        raise SaveError(path, f"not a Saluran save: the file holds {kind}, not a JSON object")
    version = raw.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(path, "not a Saluran save: it has no save format version")
    if version > FORMAT_VERSION:
        game_version = raw.get("game_version")
        by = f", game {game_version}" if isinstance(game_version, str) else ""
        raise NewerFormatError(path, f"written by a newer Saluran (save format {version}{by}); "
                                     f"this game (version {GAME_VERSION}) reads save formats up "
                                     f"to {FORMAT_VERSION}: update the game to load it")
    if version < 1:
        raise SaveError(path, f"unknown save format {version}")
    return version


def _field_problem(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = "/".join(str(p) for p in err["loc"]) or "top level"
    if err["type"] == "missing":
        return f"damaged or incomplete: the field {where!r} is missing"
    return f"damaged: the field {where!r} is wrong ({err['msg']})"


def parse_save(data: bytes, path: Path, modified: float | None = None) -> tuple[SaveFile, int]:
    """Decode, upgrade and check a save's bytes (not yet its scenario and state)."""
    if not data.strip():
        raise SaveError(path, "the file is empty: the save was never written completely")
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveError(path, "damaged: the file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise SaveError(path, f"damaged or truncated: not valid JSON at line {exc.lineno} "
                              f"column {exc.colno} ({exc.msg})") from None
    except RecursionError:
        raise SaveError(path, "damaged: nested too deeply") from None
    version = _format_of(raw, path)
    raw = upgrade(raw, version, MigrationContext(path, modified))
    try:
        file = SaveFile.model_validate(raw)
    except ValidationError as exc:
        raise SaveError(path, _field_problem(exc)) from None
    if dump_sha256(file.state) != file.state_sha256:
        raise SaveError(path, "damaged: its checksum does not match its contents (state)")
    if history_sha256(file.history) != file.history_sha256:
        raise SaveError(path, "damaged: its checksum does not match its contents (history)")
    raw_meta, raw_settings = raw["meta"], raw["settings"]
    if meta_sha256(raw_meta, raw_settings) != file.meta_sha256:
        raise SaveError(path, "damaged: its checksum does not match its contents (meta)")
    return file, version


def _history(file: SaveFile, path: Path) -> list[Command] | None:
    if file.history is None:
        return None
    commands = []
    for number, record in enumerate(file.history, 1):
        try:
            commands.append(command_from_dict(record))
        except ValueError as exc:
            raise SaveError(path, f"damaged: history entry {number} is not a command ({exc})"
                            ) from None
    return commands




def build_save(file: SaveFile, path: Path, source_format: int) -> LoadedSave:
    """Rebuild the embedded scenario and the state; check they fit and hash back exactly."""
    scenario, book = embedded.compiled(file.scenario, path)
    if file.state.get("fingerprint") != scenario.fingerprint:
        raise SaveError(path, "damaged: its state does not belong to its embedded scenario")
    try:
        state = load_state(book, file.state)
    except Exception as exc:  # untrusted data: any failure means a state that does not fit
        raise SaveError(path, f"damaged: it does not hold a valid game state ({exc!r})") from None
    if state_sha256(state) != file.state_sha256:
        raise SaveError(path, "damaged: its state does not load back exactly")
    return LoadedSave(path, file, scenario, book, state, _history(file, path), source_format)


def decode_save(data: bytes, path: Path, modified: float | None = None) -> LoadedSave:
    """A save from its bytes (no ironman rule, no alternatives offered)."""
    file, version = parse_save(data, path, modified)
    return build_save(file, path, version)


def _modified(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def read_save(path: Path, *, mode: LoadMode = "play",
              search: Sequence[Path] = ()) -> LoadedSave:
    """Load and verify the save at ``path``; SaveError offering what loads instead.

    Autosaves to offer are looked for beside ``path``, in ``search`` and the save folder.
    """
    path = Path(path)
    try:
        loaded = decode_save(read_bytes(path), path, _modified(path))
        check_ironman(loaded.meta, path, mode, _loads)
    except IronmanRefused:
        raise
    except SaveError as exc:
        if exc.alternatives:
            raise
        raise exc.with_alternatives(recovery_options(path, search)) from None
    return loaded


def read_meta(path: Path) -> SaveMeta:
    """Only the checked meta block (for listings): no scenario or state is rebuilt."""
    return parse_save(read_bytes(path), path, _modified(path))[0].meta


def _loads(path: Path) -> bool:
    try:
        decode_save(read_bytes(path), path, _modified(path))
    except SaveError:
        return False
    return True


def recovery_options(path: Path, search: Sequence[Path] = (), limit: int = 4) -> list[Path]:
    """What to offer when ``path`` fails: its backup, else the newest autosave, if they load."""
    bak = backup_path(path)
    if bak.is_file() and _loads(bak):
        return [bak]
    folders: list[Path] = []
    for folder in [path.parent, *search, save_dir()]:
        try:
            if all(folder.resolve() != f.resolve() for f in folders):
                folders.append(folder)
        except OSError:
            continue
    candidates: list[tuple[float, Path]] = []
    for folder in folders:
        try:
            for entry in os.scandir(folder):
                if is_autosave_name(entry.name) and entry.is_file() and Path(entry.path) != path:
                    candidates.append((entry.stat().st_mtime, Path(entry.path)))
        except OSError:
            continue
    for _, candidate in sorted(candidates, reverse=True)[:limit]:
        if _loads(candidate):
            return [candidate]
    return []
