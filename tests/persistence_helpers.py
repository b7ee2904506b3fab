"""Shared setup for the save tests (tests/test_persistence_*.py): the mini scenario, careers
played to a given turn with their history, and in-memory save round trips."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from game.ai import seat_policies
from game.ai.runner import play
from game.content import load_with_document
from game.core import GameState, Rulebook, compile_rulebook, new_game, state_sha256
from game.core.events import Event
from game.persistence import CareerInfo, CareerRecord, LoadedSave, decode_save, encode_save

TESTS = Path(__file__).parent
MINI = TESTS / "data" / "mini"
SAVES = TESTS / "data" / "saves"


@lru_cache(maxsize=1)
def mini_document() -> tuple[Rulebook, dict[str, Any]]:
    """The compiled mini scenario and its self-contained document."""
    scenario, document = load_with_document(str(MINI))
    return compile_rulebook(scenario), document


def new_record(seed: int, *, ironman: bool = False, career_id: str = "c0ffee",
               rivals: str | None = None) -> CareerRecord:
    """A fresh mini career with an empty history."""
    book, document = mini_document()
    state, _ = new_game(book, seed)
    return CareerRecord(state, [], document,
                        CareerInfo(career_id, str(MINI), rivals, ironman))


def advance(record: CareerRecord | LoadedSave, policy: str = "greedy",
            until_turn: int | None = None,
            sink: Callable[[list[Event]], None] | None = None) -> GameState:
    """Play on with ``policy`` in every seat, recording the history (if there is one)."""
    state = record.state
    history = record.history
    play(state, seat_policies(state.book, policy, policy), until_turn=until_turn, sink=sink,
         history=history)
    return state


def record_at(seed: int, turn: int, policy: str = "greedy", **kw: Any) -> CareerRecord:
    """A mini career played with ``policy`` until ``turn`` starts (or it ends)."""
    record = new_record(seed, **kw)
    advance(record, policy, until_turn=turn)
    return record


def round_trip(record: CareerRecord) -> LoadedSave:
    """Encode a save of ``record`` and decode it again, in memory."""
    return decode_save(encode_save(record.snapshot()), Path("memory.json"))


def finished_hash(record: CareerRecord | LoadedSave, policy: str = "greedy") -> str:
    """Play to the end and return the final state hash."""
    return state_sha256(advance(record, policy))


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (recursively) with its bytes: to prove nothing changed."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with open(path, "rb") as handle:  # not Path.open: tests patch that
                found[str(path.relative_to(folder))] = handle.read()
    return found


def reseal(raw: dict[str, Any]) -> bytes:
    """A save's JSON after editing it, with every checksum recomputed (a 'valid' forgery)."""
    from game.persistence.format import dump_sha256, history_sha256, meta_sha256

    raw["state_sha256"] = dump_sha256(raw["state"])
    raw["history_sha256"] = history_sha256(raw["history"])
    raw["meta_sha256"] = meta_sha256(raw["meta"], raw["settings"])
    import json

    return json.dumps(raw, indent=1).encode()
