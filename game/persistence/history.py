"""The move history as plain command dicts, converted once per command."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.core import Command
from game.core.moves import command_to_dict


class HistoryLog:
    """Plain-data mirror of a growing command list; each sync converts only new commands."""

    def __init__(self) -> None:
        self._seen: list[Command] = []
        self._dicts: list[dict[str, Any]] = []

    def sync(self, commands: Sequence[Command]) -> list[dict[str, Any]]:
        """The dicts of ``commands`` (the same list object, grown; copy it to keep it)."""
        mine = len(self._seen)
        if len(commands) < mine or (mine and commands[mine - 1] is not self._seen[-1]):
            self._seen, self._dicts = [], []  # the list was replaced: convert it afresh
            mine = 0
        fresh = commands[mine:]
        self._seen.extend(fresh)
        self._dicts.extend(command_to_dict(c) for c in fresh)
        return self._dicts
