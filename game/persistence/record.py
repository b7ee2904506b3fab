"""A game in play together with what saving it needs (for headless play and tools)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from game.ai import Policy, policy_memory
from game.core import Command, GameState
from game.persistence.format import CareerInfo, SaveKind, SaveSnapshot, take_snapshot
from game.persistence.history import HistoryLog
from game.persistence.savefile import LoadedSave


@dataclass(slots=True)
class CareerRecord:
    """The state, every command applied since the start, the scenario document, the career.

    ``history`` is None when continuing a save that never recorded one (format 1).
    """

    state: GameState
    history: list[Command] | None
    document: Mapping[str, Any]
    info: CareerInfo
    playtime_base: float = 0.0  # seconds played before this session
    # the policies in play, whose memory a save keeps (None: nothing to remember)
    policies: Mapping[str, Policy] | None = None
    _clock: float = field(default_factory=time.monotonic)
    _log: HistoryLog = field(default_factory=HistoryLog)

    @classmethod
    def from_save(cls, loaded: LoadedSave) -> CareerRecord:
        """Continue a loaded save."""
        history = None if loaded.history is None else list(loaded.history)
        return cls(loaded.state, history, loaded.file.scenario, loaded.info,
                   loaded.meta.playtime_seconds)

    @property
    def playtime(self) -> float:
        """Seconds played in this career (metadata; wall clock)."""
        return self.playtime_base + time.monotonic() - self._clock

    def snapshot(self, kind: SaveKind = "manual") -> SaveSnapshot:
        """A save of the game as it is now."""
        history = None if self.history is None else self._log.sync(self.history)
        info = self.info
        if self.policies is not None:
            info = replace(info, ai=policy_memory(self.policies))
        return take_snapshot(self.state, history, self.document, info,
                             kind="ironman" if self.info.ironman else kind,
                             playtime=self.playtime)
