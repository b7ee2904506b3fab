"""The first save API (``load_save``/``restore_state``/``write_save(path, state, ref)``),
kept working on top of format 2 for callers not yet moved to ``Career.save``/``Career.load``,
``read_save`` and ``list_saves``.  New code should not use it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.content import ContentError, load_with_document
from game.core import GameState, Rulebook, load_state
from game.persistence.errors import SaveError
from game.persistence.format import CareerInfo, SaveSnapshot, new_career_id, take_snapshot
from game.persistence.savefile import read_save


def load_save(path: Path) -> tuple[str, dict[str, Any]]:
    """(scenario reference, verified state dump) of any readable save; SaveError if not."""
    loaded = read_save(Path(path), mode="inspect")
    return loaded.file.settings.scenario_ref, dict(loaded.file.state)


def restore_state(book: Rulebook, dump: dict[str, Any], path: Path) -> GameState:
    """A state from a verified dump; SaveError if it does not fit the scenario."""
    try:
        return load_state(book, dump)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SaveError.because(path, "v1_bad_state", detail=str(exc)) from None


def snapshot_of_state(state: GameState, scenario_ref: str) -> SaveSnapshot:
    """A snapshot of a bare state: its scenario found by reference, no history recorded."""
    try:
        scenario, document = load_with_document(scenario_ref)
    except ContentError:
        scenario = None
    if scenario is None or scenario.fingerprint != state.book.scenario.fingerprint:
        raise SaveError.because(None, "not_embeddable", ref=scenario_ref)
    return take_snapshot(state, None, document, CareerInfo(new_career_id(), scenario_ref))
