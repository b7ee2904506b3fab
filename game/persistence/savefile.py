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
from game.persistence import embedded, strictjson
from game.persistence.atomic import atomic_write, backup_path
from game.persistence.errors import PHRASES, IronmanRefused, NewerFormatError, SaveError
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
    meta_mismatch,
    meta_sha256,
)
from game.persistence.ironman import check_ironman
from game.persistence.locations import is_autosave_name, save_dir
from game.persistence.migrations import MigrationContext, upgrade
from game.persistence.strictjson import NumberRefused

MAX_SAVE_BYTES = 64 * 1024 * 1024
#: play: an ordinary load (ironman refused); continue_ironman: the ironman "Continue";
#: inspect: read-only uses that never play on (replays, listings).
LoadMode = Literal["play", "continue_ironman", "inspect"]
_WRITE_PROBLEMS = {
    errno.ENOSPC: PHRASES["disk_full"], errno.EDQUOT: PHRASES["quota"],
    errno.EROFS: PHRASES["read_only_disk"], errno.EACCES: PHRASES["not_writable"],
    errno.EPERM: PHRASES["not_writable"], errno.ENOTDIR: PHRASES["file_on_path"],
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
                          rivals=self.file.settings.rivals, ironman=self.meta.ironman,
                          difficulty=self.file.settings.difficulty,
                          ai=self.file.settings.ai)

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
        raise SaveError.because(path, "unwritable_state", detail=str(exc)) from None
    try:
        if path.parent.exists() and not path.parent.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "its folder is a file")
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data, keep_backup=keep_backup)
    except OSError as exc:
        what = _WRITE_PROBLEMS.get(exc.errno or 0) or exc.strerror or str(exc)
        raise SaveError.because(path, "write_failed", detail=what) from None
    return path


# ------------------------------------------------------------------ reading
def read_bytes(path: Path) -> bytes:
    """The raw bytes of a save; SaveError saying why they cannot be read."""
    try:
        if path.is_dir():
            raise SaveError.because(path, "folder")
        if path.exists() and not path.is_file():  # a device or pipe could block or never end
            raise SaveError.because(path, "not_regular")
        with path.open("rb") as handle:
            data = handle.read(MAX_SAVE_BYTES + 1)
    except FileNotFoundError:
        raise SaveError.because(path, "missing") from None
    except PermissionError:
        raise SaveError.because(path, "permission") from None
    except IsADirectoryError:
        raise SaveError.because(path, "folder") from None
    except OSError as exc:
        raise SaveError.because(path, "unreadable", detail=exc.strerror or str(exc)) from None
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError.because(path, "too_large", limit=MAX_SAVE_BYTES)
    return data


def _format_of(raw: Any, path: Path) -> int:
    if not isinstance(raw, dict):
        kind = PHRASES[{list: "a_list", str: "a_string", bool: "true_false",
                        type(None): "null"}.get(type(raw), "a_number")]
        raise SaveError.because(path, "not_object", kind=kind)
    version = raw.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError.because(path, "no_format")
    if version > FORMAT_VERSION:
        by = raw.get("game_version")
        if isinstance(by, str):
            raise NewerFormatError.because(path, "newer_format_by", format=version, by=by[:40],
                                           game=GAME_VERSION, newest=FORMAT_VERSION)
        raise NewerFormatError.because(path, "newer_format", format=version,
                                       game=GAME_VERSION, newest=FORMAT_VERSION)
    if version < 1:
        raise SaveError.because(path, "unknown_format", format=version)
    return version


def _field_problem(exc: ValidationError, path: Path) -> SaveError:
    err = exc.errors()[0]
    where = "/".join(str(p) for p in err["loc"]) or "top level"
    if err["type"] == "missing":
        return SaveError.because(path, "field_missing", field=where)
    return SaveError.because(path, "field_wrong", field=where, detail=err["msg"])


def parse_save(data: bytes, path: Path, modified: float | None = None) -> tuple[SaveFile, int]:
    """Decode, upgrade and check a save's bytes (not yet its scenario and state)."""
    if not data.strip():
        raise SaveError.because(path, "empty")
    try:
        raw = strictjson.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveError.because(path, "not_utf8") from None
    except NumberRefused as exc:
        raise SaveError.because(path, exc.key, **exc.values) from None
    except json.JSONDecodeError as exc:
        raise SaveError.because(path, "not_json", line=exc.lineno, column=exc.colno,
                                detail=exc.msg) from None
    except RecursionError:
        raise SaveError.because(path, "too_deep") from None
    version = _format_of(raw, path)
    raw = upgrade(raw, version, MigrationContext(path, modified))
    try:
        file = SaveFile.model_validate(raw)
    except ValidationError as exc:
        raise _field_problem(exc, path) from None
    if dump_sha256(file.state) != file.state_sha256:
        raise SaveError.because(path, "checksum", part="state")
    if history_sha256(file.history) != file.history_sha256:
        raise SaveError.because(path, "checksum", part="history")
    raw_meta, raw_settings = raw["meta"], raw["settings"]
    if meta_sha256(raw_meta, raw_settings) != file.meta_sha256:
        raise SaveError.because(path, "checksum", part="meta")
    return file, version


def _history(file: SaveFile, path: Path) -> list[Command] | None:
    if file.history is None:
        return None
    commands = []
    for number, record in enumerate(file.history, 1):
        try:
            commands.append(command_from_dict(record))
        except ValueError as exc:
            raise SaveError.because(path, "history_entry", number=number,
                                    detail=str(exc)) from None
    return commands




def build_save(file: SaveFile, path: Path, source_format: int) -> LoadedSave:
    """Rebuild the embedded scenario and the state; check they fit and hash back exactly."""
    scenario, book = embedded.compiled(file.scenario, path)
    if file.state.get("fingerprint") != scenario.fingerprint:
        raise SaveError.because(path, "foreign_state")
    try:
        state = load_state(book, file.state)
    except Exception as exc:  # untrusted data: any failure means a state that does not fit
        raise SaveError.because(path, "bad_state", detail=repr(exc)) from None
    if state_sha256(state) != file.state_sha256:
        raise SaveError.because(path, "state_drift")
    mismatch = meta_mismatch(file.meta, state)
    if mismatch is not None:
        raise SaveError.because(path, "meta_mismatch", field=mismatch["field"],
                                found=mismatch["found"], expected=mismatch["expected"])
    return LoadedSave(path, file, scenario, book, state, _history(file, path), source_format)


def decode_save(data: bytes, path: Path, modified: float | None = None) -> LoadedSave:
    """A save from its bytes (no ironman rule, no alternatives offered); SaveError if not."""
    try:
        file, version = parse_save(data, path, modified)
        return build_save(file, path, version)
    except SaveError:
        raise
    except RecursionError:
        raise SaveError.because(path, "too_deep") from None
    except Exception as exc:  # untrusted data: whatever else breaks, one line, no traceback
        raise SaveError.because(path, "unexpected",
                                detail=f"{type(exc).__name__}: {str(exc)[:120]}") from None


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
    """The meta block of a save that loads (every check of loading, meta against state)."""
    return decode_save(read_bytes(path), path, _modified(path)).meta


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
