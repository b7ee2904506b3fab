"""AI policies that play the player's seat headless and every rival, under the same rules."""

from game.ai.difficulty import DEFAULT_DIFFICULTY, DIFFICULTIES, UnknownDifficulty
from game.ai.greedy import GreedyPolicy
from game.ai.memory import policy_memory, recall_memory
from game.ai.personas import BALANCED, personas_for
from game.ai.planner.policy import PlannerPolicy
from game.ai.policy import Policy, RandomPolicy
from game.ai.registry import (
    UnknownPolicy,
    describe_policy,
    make_policy,
    policy_names,
    seat_policies,
)
from game.ai.runner import decide, play, step

__all__ = [
    "BALANCED", "DEFAULT_DIFFICULTY", "DIFFICULTIES", "GreedyPolicy", "PlannerPolicy", "Policy",
    "RandomPolicy", "UnknownDifficulty", "UnknownPolicy", "decide", "describe_policy",
    "make_policy", "personas_for", "play", "policy_memory", "policy_names", "recall_memory",
    "seat_policies", "step",
]
