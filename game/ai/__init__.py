"""AI policies that play the player's seat headless and every rival, under the same rules."""

from game.ai.greedy import GreedyPolicy
from game.ai.personas import BALANCED, personas_for
from game.ai.policy import Policy, RandomPolicy
from game.ai.registry import UnknownPolicy, make_policy, policy_names, seat_policies
from game.ai.runner import decide, play, step

__all__ = [
    "BALANCED", "GreedyPolicy", "Policy", "RandomPolicy", "UnknownPolicy",
    "decide", "make_policy", "personas_for", "play", "policy_names", "seat_policies", "step",
]
