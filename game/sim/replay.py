"""Re-running one career of a batch from its line and checking it comes out the same."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from game.core import compile_rulebook
from game.sim.career import Observer, row_line, run_career
from game.sim.rows import BatchError, Row, batch_scenario, read_line, split_line_ref


@dataclass(frozen=True, slots=True)
class Replayed:
    """A replayed career: the stored line, the line the replay gave, and the row."""

    path: Path
    index: int
    stored: str
    replayed: str
    row: Row

    @property
    def identical(self) -> bool:
        """True when the replay reproduced the stored line byte for byte."""
        return self.stored == self.replayed

    def differences(self) -> list[str]:
        """Top-level fields whose values differ (empty when identical)."""
        old = json.loads(self.stored)
        return sorted(k for k in old.keys() | self.row.keys() if old.get(k) != self.row.get(k))


def replay_line(ref: str, observer: Observer | None = None) -> Replayed:
    """Replay ``DIR/games.jsonl#K`` with the scenario document the batch saved."""
    path, index = split_line_ref(ref)
    stored = read_line(path, index)
    try:
        old = json.loads(stored)
        seed, policy, rivals = int(old["seed"]), str(old["player_policy"]), old["rival_policy"]
    except (ValueError, KeyError, TypeError) as exc:
        raise BatchError(f"{path} line {index} is not a career row ({exc})") from None
    book = compile_rulebook(batch_scenario(path.parent))
    row = run_career(book, seed, policy, rivals, index=int(old.get("index", index)),
                     observer=observer)
    return Replayed(path, index, stored, row_line(row), row)
