"""The policy interface and the random policy."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Protocol

from game.core import Command
from game.core.views import View


class Policy(Protocol):
    """Chooses one of the legal commands; sees a view and its own random stream only."""

    name: str

    def choose(self, view: View, legal: Sequence[Command], rng: random.Random) -> Command:
        """One command from ``legal`` (never empty)."""
        ...


class RandomPolicy:
    """Uniform among the legal commands: a baseline and a fuzzer for the rules."""

    name = "random"

    def choose(self, view: View, legal: Sequence[Command], rng: random.Random) -> Command:
        """Any legal command, evenly."""
        return legal[rng.randrange(len(legal))]
