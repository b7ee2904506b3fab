"""What goes wrong with saves, said so a player can act on it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class SaveError(Exception):
    """A save that cannot be written or read.

    ``reason`` says what is wrong; ``alternatives`` are files that do load (the backup, the
    newest autosave), offered in the message.  The file that failed is never touched.
    """

    def __init__(self, path: Path | str | None, reason: str | None = None,
                 alternatives: Sequence[Path] = ()) -> None:
        if reason is None:  # SaveError("whole message"), as the first API had it
            path, reason = None, str(path)
        self.path = None if path is None else Path(path)
        self.reason = reason
        self.alternatives = list(alternatives)
        super().__init__(self._render())

    def _render(self) -> str:
        head = reason = self.reason
        if self.path is not None:
            head = f"{self.path}: {reason}"
        if not self.alternatives:
            return head
        offers = " or ".join(str(p) for p in self.alternatives)
        return f"{head}. The file was left as it is; try {offers} instead"

    def with_alternatives(self, alternatives: Sequence[Path]) -> SaveError:
        """The same error offering ``alternatives`` (same class, e.g. for ironman refusals)."""
        clone = type(self).__new__(type(self))
        SaveError.__init__(clone, self.path, self.reason, alternatives)
        return clone


class NewerFormatError(SaveError):
    """The save was written by a newer game; its format and this game's are both named."""


class IronmanRefused(SaveError):
    """An ironman career may only be continued from its own slot (see docs/SAVES.md)."""
