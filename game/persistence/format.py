"""The save file format (version 2): what a save holds and how it is written as text.

A save is one UTF-8 JSON object, laid out for people and for ``diff``: the small ``meta``
block first, one history command per line.  The state and the scenario keep their keys in
the order the game holds them (not sorted): the rules iterate some of those dicts, so the
order is part of what makes save -> load -> continue equal continue.  The checksum is over
the canonical (sorted) form.  See docs/SAVES.md for the field-by-field description.
"""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from json.encoder import encode_basestring as escape
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

import game
from game.core import GameState, canonical_json, dump_state

#: The format this game writes.  Bump it with a migration in ``migrations.py``.
FORMAT_VERSION = 2
SaveKind = Literal["manual", "autosave", "milestone", "ironman"]
SHA256 = r"^[0-9a-f]{64}$"
MONTHS_PER_YEAR = 12


def _game_version() -> str:
    try:
        return metadata.version("saluran")
    except metadata.PackageNotFoundError:
        return str(getattr(game, "__version__", "unknown"))


GAME_VERSION = _game_version()


def new_career_id() -> str:
    """A fresh id naming one career's files (metadata, not game state)."""
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True, slots=True)
class CareerInfo:
    """Facts about a career that are not game state: its id, where it came from, its mode."""

    career_id: str
    scenario_ref: str
    rivals: str | None = None  # one policy for every rival; None = their personas
    ironman: bool = False
    difficulty: str = "normal"  # how rivals playing their personas decide (game.ai)
    # what the AI policies remember between turns, by actor (game.ai.policy_memory): saved
    # so that a loaded career plays on exactly as it would have
    ai: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class SaveSnapshot:
    """Everything one save holds, taken on the game's thread.

    ``state`` and ``meta`` are fresh objects; ``history`` is a copy of a list whose command
    dicts are never mutated; ``document`` is the loaded scenario and is never mutated.  So a
    snapshot may be encoded on another thread while the game goes on.
    """

    state: dict[str, Any]
    history: list[dict[str, Any]] | None
    document: Mapping[str, Any]
    meta: dict[str, Any]
    settings: dict[str, Any]


def game_date(state: GameState) -> str:
    """The in-game date of the current turn, ``YYYY-MM``."""
    spec = state.book.scenario
    months = max(state.turn - 1, 0) * spec.months_per_turn
    year, month = divmod(months, MONTHS_PER_YEAR)
    return f"{spec.start_year + year:04d}-{month + 1:02d}"


def highest_position(state: GameState) -> str | None:
    """The most prestigious position the player has ever held (ties: by id)."""
    held = state.player.first_held
    positions = state.book.positions
    known = [p for p in held if p in positions]
    if not known:
        return None
    return max(known, key=lambda p: (positions[p].prestige, p))


def build_meta(state: GameState, info: CareerInfo, kind: SaveKind,
               playtime: float, saved_at: str | None = None) -> dict[str, Any]:
    """The load-screen block: scenario, turn, date, player, highest position, playtime."""
    spec = state.book.scenario
    top = highest_position(state)
    return {
        "career_id": info.career_id, "kind": kind, "ironman": info.ironman,
        "scenario_id": spec.id, "scenario_name": dict(spec.name),
        "seed": state.seed, "turn": state.turn, "date": game_date(state),
        "player_id": state.player.id, "player_name": state.player.name,
        "highest_position": top,
        "highest_position_name": None if top is None else dict(state.book.positions[top].name),
        "result": state.result, "playtime_seconds": round(max(playtime, 0.0), 3),
        # Wall clock is fine here: metadata for the load screen, never game state.
        "saved_at": saved_at or datetime.now(UTC).isoformat(timespec="seconds"),
    }


#: Meta fields that follow from the state and its scenario, so a save must agree on them.
DERIVED_META = ("scenario_id", "scenario_name", "seed", "turn", "date", "player_id",
                "player_name", "highest_position", "highest_position_name", "result")


def meta_mismatch(meta: SaveMeta, state: GameState) -> dict[str, str] | None:
    """The first meta field its state contradicts: ``field``, ``found`` and ``expected``
    (None when they agree).

    The meta block is what listings and the load screen show, so an edited one (another
    turn, another name) must not pass as the career it describes.
    """
    expected = build_meta(state, CareerInfo(meta.career_id, ""), meta.kind, 0.0, "-")
    for key in DERIVED_META:
        found = getattr(meta, key)
        if found != expected[key]:
            return {"field": key, "found": _shown(found), "expected": _shown(expected[key])}
    return None


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 60 else text[:57] + "..."


def take_snapshot(state: GameState, history: list[dict[str, Any]] | None,
                  document: Mapping[str, Any], info: CareerInfo, *,
                  kind: SaveKind = "manual", playtime: float = 0.0) -> SaveSnapshot:
    """A snapshot of ``state``: cheap (one dump, one list copy), safe to encode elsewhere."""
    return SaveSnapshot(
        state=dump_state(state),
        history=None if history is None else list(history),
        document=document,
        meta=build_meta(state, info, kind, playtime),
        settings={"scenario_ref": info.scenario_ref, "rivals": info.rivals,
                  "difficulty": info.difficulty, "ai": dict(info.ai or {})},
    )


def dump_sha256(dump: Mapping[str, Any]) -> str:
    """SHA-256 of a state dump's canonical JSON (same as ``game.core.state_sha256``)."""
    return hashlib.sha256(canonical_json(dump).encode()).hexdigest()


def meta_sha256(meta: Mapping[str, Any], settings: Mapping[str, Any]) -> str:
    """SHA-256 guarding the meta and settings blocks."""
    return dump_sha256({"meta": meta, "settings": settings})


def history_sha256(history: list[dict[str, Any]] | None) -> str:
    """SHA-256 guarding the history (the state has its own, ``state_sha256``)."""
    return hashlib.sha256(canonical_json(history).encode()).hexdigest()


def _indented(value: Any, sort_keys: bool = False) -> str:
    # Nested under a top-level key: indent every line after the first by one more space.
    # JSON strings never hold raw newlines, so this only touches layout.
    text = json.dumps(value, indent=1, sort_keys=sort_keys, ensure_ascii=False, allow_nan=False)
    return text.replace("\n", "\n ")


def _command_line(command: dict[str, Any]) -> str:
    # Commands are flat dicts of strings and nulls: spelling them out is 4x faster than
    # json.dumps per line (which matters for a long career's thousands of commands).
    parts = []
    for key, value in command.items():
        if value is None:
            parts.append(f"{escape(key)}: null")
        elif type(value) is str:
            parts.append(f"{escape(key)}: {escape(value)}")
        else:
            return json.dumps(command, ensure_ascii=False, allow_nan=False)
    return "{" + ", ".join(parts) + "}"


def _history_text(history: list[dict[str, Any]] | None) -> str:
    if history is None:
        return "null"
    if not history:
        return "[]"
    return "[\n  " + ",\n  ".join(map(_command_line, history)) + "\n ]"


class _DocumentCache:
    """Encoded scenario documents: a career's document is encoded once, not every turn."""

    def __init__(self, size: int = 8) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: dict[int, tuple[Mapping[str, Any], str]] = {}

    def text(self, document: Mapping[str, Any]) -> str:
        with self._lock:
            hit = self._entries.get(id(document))
            if hit is not None and hit[0] is document:
                return hit[1]
        text = _indented(document)
        with self._lock:
            if len(self._entries) >= self._size:
                self._entries.pop(next(iter(self._entries)))
            self._entries[id(document)] = (document, text)  # holding it keeps the id valid
        return text


_documents = _DocumentCache()


def encode_save(snapshot: SaveSnapshot) -> bytes:
    """The save file's bytes; raises ValueError if the state holds NaN or infinity."""
    sections = [
        ("format", json.dumps(FORMAT_VERSION)),
        ("game_version", json.dumps(GAME_VERSION)),
        ("meta", _indented(snapshot.meta, sort_keys=True)),
        ("settings", _indented(snapshot.settings, sort_keys=True)),
        ("state_sha256", json.dumps(dump_sha256(snapshot.state))),
        ("history_sha256", json.dumps(history_sha256(snapshot.history))),
        ("meta_sha256", json.dumps(meta_sha256(snapshot.meta, snapshot.settings))),
        ("state", _indented(snapshot.state)),
        ("history", _history_text(snapshot.history)),
        ("scenario", _documents.text(snapshot.document)),
    ]
    body = ",\n".join(f" {json.dumps(key)}: {value}" for key, value in sections)
    return ("{\n" + body + "\n}\n").encode("utf-8")


# ------------------------------------------------------------------ validation on load
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SaveMeta(_Strict):
    """The ``meta`` block (see ``build_meta``)."""

    career_id: str = Field(min_length=1, max_length=64)
    kind: SaveKind
    ironman: bool
    scenario_id: str
    scenario_name: dict[str, str]
    seed: int
    turn: int = Field(ge=0)
    date: str
    player_id: str
    player_name: str
    highest_position: str | None
    highest_position_name: dict[str, str] | None
    result: str | None
    playtime_seconds: float = Field(ge=0)
    saved_at: str


class SaveSettings(_Strict):
    """How the career is played: where its scenario came from, the rivals' policy and how
    hard they play.  Saves written before difficulties existed had rivals that looked one
    step ahead, which is ``easy``."""

    scenario_ref: str
    rivals: str | None
    difficulty: Literal["easy", "normal", "hard"] = "easy"
    ai: dict[str, Any] = {}  # the AI's memory between turns (game.ai checks what it reads)


class SaveFile(_Strict):
    """A whole format-2 save; the state and scenario are checked by the core and content."""

    format: Literal[2]
    game_version: str
    meta: SaveMeta
    settings: SaveSettings
    state_sha256: str = Field(pattern=SHA256)
    history_sha256: str = Field(pattern=SHA256)
    meta_sha256: str = Field(pattern=SHA256)
    state: dict[str, Any]
    history: list[dict[str, str | None]] | None
    scenario: dict[str, Any]
