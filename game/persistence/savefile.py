"""A save file: the scenario reference, the canonical state dump and its hash.

Written atomically (temporary file in the same folder, fsync, rename) so a crash or a full
disk never leaves a half-written save in place of a good one.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from game.core import GameState, Rulebook, canonical_json, dump_state, load_state

SAVE_FORMAT = 1
MAX_SAVE_BYTES = 64 * 1024 * 1024


class SaveError(Exception):
    """A save that cannot be written or read; the message says why."""


class SaveEnvelope(BaseModel):
    """The outside of a save file; the state inside is checked by its hash and the core."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int
    scenario: str
    state: dict[str, Any]
    state_sha256: str


def write_save(path: Path, state: GameState, scenario_ref: str) -> None:
    """Write ``state`` to ``path`` atomically; raise SaveError (old file intact) on failure."""
    dump = dump_state(state)
    body = {
        "format": SAVE_FORMAT, "scenario": scenario_ref, "state": dump,
        "state_sha256": hashlib.sha256(canonical_json(dump).encode()).hexdigest(),
    }
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False,
                                         prefix=f".{path.name}.", suffix=".tmp") as tmp:
            tmp_name = tmp.name
            json.dump(body, tmp, indent=1, sort_keys=True)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)
        raise SaveError(f"could not write {path}: {exc.strerror or exc}") from None


def load_save(path: Path) -> tuple[str, dict[str, Any]]:
    """Read a save: (scenario reference, verified state dump); SaveError if anything is off."""
    try:
        if path.is_dir():
            raise SaveError(f"{path} is a folder, not a save file")
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{path} is larger than {MAX_SAVE_BYTES} bytes")
        raw = json.loads(path.read_text(encoding="utf-8"))
        envelope = SaveEnvelope.model_validate(raw)
    except FileNotFoundError:
        raise SaveError(f"no save file at {path}") from None
    except OSError as exc:
        raise SaveError(f"could not read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SaveError(f"{path} is not a readable save ({exc})") from None
    except ValidationError as exc:
        raise SaveError(f"{path} is not a Saluran save: {exc.errors()[0]['msg']}") from None
    if envelope.format != SAVE_FORMAT:
        raise SaveError(f"{path} has save format {envelope.format}; this game reads {SAVE_FORMAT}")
    digest = hashlib.sha256(canonical_json(envelope.state).encode()).hexdigest()
    if digest != envelope.state_sha256:
        raise SaveError(f"{path} is damaged: its checksum does not match its contents")
    return envelope.scenario, envelope.state


def restore_state(book: Rulebook, dump: dict[str, Any], path: Path) -> GameState:
    """A state from a verified dump; SaveError if it does not fit the scenario."""
    try:
        return load_state(book, dump)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SaveError(f"{path} does not hold a valid game state ({exc})") from None
