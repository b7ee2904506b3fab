"""The scenario embedded in a save, validated and compiled once per process per document."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

from game.content import ContentError, scenario_from_document
from game.core import Rulebook, Scenario, canonical_json, compile_rulebook
from game.persistence.errors import SaveError


class CompiledScenarios:
    """Embedded scenarios already checked and compiled in this process, by content hash.

    Loading the autosaves of one career (or reloading) then skips re-validating the same
    document; a changed document has another hash and is checked afresh.
    """

    def __init__(self, size: int = 4) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[Scenario, Rulebook]] = {}

    def get(self, document: dict[str, Any], path: Path) -> tuple[Scenario, Rulebook]:
        key = hashlib.sha256(canonical_json(document).encode()).hexdigest()
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None:
            return hit
        try:
            scenario = scenario_from_document(document, f"{path}#/scenario")
        except ContentError as exc:
            first = exc.issues[0].message if exc.issues else "invalid"
            raise SaveError.because(path, "scenario_invalid", detail=first) from None
        except Exception as exc:  # untrusted data: whatever breaks, say so, no traceback
            raise SaveError.because(path, "scenario_broken", detail=repr(exc)) from None
        built = (scenario, compile_rulebook(scenario))
        with self._lock:
            if len(self._entries) >= self._size:
                self._entries.pop(next(iter(self._entries)))
            self._entries[key] = built
        return built


_cache = CompiledScenarios()


def compiled(document: dict[str, Any], path: Path) -> tuple[Scenario, Rulebook]:
    """The scenario of ``document`` and its rulebook; SaveError if the document is invalid."""
    return _cache.get(document, path)


def forget() -> None:
    """Drop every cached scenario (benchmarks of a cold load)."""
    global _cache
    _cache = CompiledScenarios()
