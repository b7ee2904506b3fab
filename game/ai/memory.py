"""What the policies of a game remember between turns, as plain data a save can keep.

Policies that remember (the planner follows a chosen road for a few turns) offer
``memory()`` and ``recall(data)``; others remember nothing.  Memory is keyed by actor, so the
policies of a game share one dictionary however seats share policy objects.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from game.ai.policy import Policy


@runtime_checkable
class Remembering(Protocol):
    """A policy with memory between turns."""

    def memory(self) -> dict[str, Any]:
        """What it remembers, per actor, as JSON-ready data."""
        ...

    def recall(self, data: Mapping[str, Any]) -> None:
        """Take back what ``memory`` gave (anything malformed is dropped)."""
        ...


def policy_memory(policies: Mapping[str, Policy]) -> dict[str, Any]:
    """The memory of every seat's policy, by actor."""
    found: dict[str, Any] = {}
    for actor, policy in policies.items():
        if isinstance(policy, Remembering):
            remembered = policy.memory()
            if actor in remembered:
                found[actor] = remembered[actor]
    return found


def recall_memory(policies: Mapping[str, Policy], data: Mapping[str, Any]) -> None:
    """Give every seat's policy back its actor's memory from ``policy_memory``."""
    for actor, policy in policies.items():
        if isinstance(policy, Remembering) and actor in data:
            policy.recall({actor: data[actor]})
