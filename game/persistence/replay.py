"""Re-playing a save's move history from its seed, and checking where it ends."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.core import Command, GameState, Rejected, apply, new_game, state_sha256
from game.core.events import Event
from game.persistence.errors import SaveError
from game.persistence.savefile import LoadedSave


@dataclass(frozen=True, slots=True)
class ReplayStep:
    """One command of the history re-applied, and the events it produced."""

    number: int  # 1-based position in the history
    command: Command
    events: list[Event]


class Replay:
    """A fresh game from the save's scenario and seed, then its history, command by command."""

    def __init__(self, loaded: LoadedSave) -> None:
        if loaded.history is None:
            raise SaveError.because(loaded.path, "no_history")
        self.loaded = loaded
        self.state: GameState
        self.state, self.opening = new_game(loaded.book, loaded.state.seed)

    def steps(self) -> Iterator[ReplayStep]:
        """Apply the history; SaveError if a command is refused (the history diverged)."""
        assert self.loaded.history is not None
        for number, command in enumerate(self.loaded.history, 1):
            result = apply(self.state, command)
            if isinstance(result, Rejected):
                raise SaveError.because(self.loaded.path, "diverged", number=number,
                                        turn=self.state.turn, detail=result.message)
            yield ReplayStep(number, command, result)

    @property
    def final_sha256(self) -> str:
        """The hash of the replayed state (after ``steps`` is exhausted: the end)."""
        return state_sha256(self.state)

    @property
    def expected_sha256(self) -> str:
        """The hash the save recorded."""
        return self.loaded.file.state_sha256


def verify(loaded: LoadedSave) -> bool:
    """True if re-playing the history reaches exactly the saved state."""
    replay = Replay(loaded)
    for _ in replay.steps():
        pass
    return replay.final_sha256 == replay.expected_sha256
