"""How hard the rivals play: the same rules and personas, different competence.

- ``easy``: each rival weighs only the next move (the one-step valuer of its persona);
- ``normal``: each rival plans its persona's road, but one decision in three is made on
  impulse (the one-step choice);
- ``hard``: each rival plans every decision.

Difficulty never touches the rules or the dice: only who decides how.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from game.ai.greedy import GreedyPolicy
from game.ai.planner.policy import PlannerPolicy
from game.ai.policy import Policy
from game.core import Command
from game.core.rulebook import Rulebook
from game.core.scenario import PersonaDef
from game.core.views import View

DIFFICULTIES = ("easy", "normal", "hard")
DEFAULT_DIFFICULTY = "normal"
IMPULSE = 1.0 / 3.0  # normal: the share of a rival's decisions made on impulse


class UnknownDifficulty(ValueError):
    """A difficulty that is not one of ``DIFFICULTIES``."""


class ImpulsivePlanner:
    """A planner that now and then acts on impulse: the one-step choice instead of the
    plan's.  Which decisions are impulsive comes from the policy's own dice."""

    def __init__(self, planner: PlannerPolicy, impulse: GreedyPolicy, share: float) -> None:
        self.name = planner.name
        self.planner = planner
        self.impulse = impulse
        self.share = share

    def memory(self) -> dict[str, Any]:
        """The planner's memory."""
        return self.planner.memory()

    def recall(self, data: Mapping[str, Any]) -> None:
        """Give the planner its memory back."""
        self.planner.recall(data)

    def choose(self, view: View, legal: Sequence[Command], rng: random.Random) -> Command:
        """The planner's choice, or with probability ``share`` the impulsive one."""
        if rng.random() < self.share:
            return self.impulse.choose(view, legal, rng)
        return self.planner.choose(view, legal, rng)


def check_difficulty(name: str) -> str:
    """``name`` if it is a difficulty; raises UnknownDifficulty listing them."""
    if name not in DIFFICULTIES:
        raise UnknownDifficulty(f"unknown difficulty {name!r}; choose one of: "
                                + ", ".join(DIFFICULTIES))
    return name


def rival_policy(book: Rulebook, persona: PersonaDef, difficulty: str) -> Policy:
    """The policy a rival of ``persona`` plays at ``difficulty``."""
    check_difficulty(difficulty)
    if difficulty == "easy":
        return GreedyPolicy(book, persona)
    planner = PlannerPolicy(book, persona)
    if difficulty == "hard":
        return planner
    return ImpulsivePlanner(planner, GreedyPolicy(book, persona), IMPULSE)


def level_of(policy: Policy) -> str | None:
    """The difficulty ``policy`` plays at as a rival (None for one without levels)."""
    if isinstance(policy, ImpulsivePlanner):
        return "normal"
    if isinstance(policy, PlannerPolicy):
        return "hard"
    if isinstance(policy, GreedyPolicy):
        return "easy"
    return None
