"""Policies by name: ``random``, ``greedy`` and every persona of the scenario."""

from __future__ import annotations

from game.ai.greedy import GreedyPolicy
from game.ai.personas import BALANCED, BALANCED_OTHER, BALANCED_SKILL, personas_for
from game.ai.planner.policy import PlannerPolicy
from game.ai.policy import Policy, RandomPolicy
from game.core.rulebook import Rulebook
from game.core.scenario import PersonaDef

BASE_POLICIES = ("random", "greedy", "planner")


class UnknownPolicy(ValueError):
    """A policy name that is neither built in nor a persona of the scenario."""


def balanced_for(book: Rulebook) -> dict[str, float]:
    """The plain greedy weights, extended to resources a scenario adds (skills like skills,
    anything else at a modest weight), so ``greedy`` values a scenario's own resources."""
    weights = dict(BALANCED)
    for rid, rdef in book.resources.items():
        weights.setdefault(rid, BALANCED_SKILL if rdef.skill else BALANCED_OTHER)
    return weights


def policy_names(book: Rulebook) -> list[str]:
    """Every name ``make_policy`` accepts for this scenario."""
    return [*BASE_POLICIES, *personas_for(book.scenario)]


def make_policy(name: str, book: Rulebook) -> Policy:
    """A policy by name; raises UnknownPolicy listing the valid names."""
    if name == "random":
        return RandomPolicy()
    if name == "greedy":
        return GreedyPolicy(book, PersonaDef("greedy", {"en": "Greedy"}, balanced_for(book)),
                            "greedy")
    if name == "planner":
        return PlannerPolicy(book, PersonaDef("planner", {"en": "Planner"}, balanced_for(book)),
                             "planner")
    persona = personas_for(book.scenario).get(name)
    if persona is None:
        raise UnknownPolicy(f"unknown policy {name!r}; choose one of: "
                            + ", ".join(policy_names(book)))
    return GreedyPolicy(book, persona)


def seat_policies(book: Rulebook, player: str, rivals: str | None = None) -> dict[str, Policy]:
    """Policies for every seat: ``player`` for the player; rivals play their persona
    (or ``rivals`` for all of them when given)."""
    cache: dict[str, Policy] = {}

    def get(name: str) -> Policy:
        if name not in cache:
            cache[name] = make_policy(name, book)
        return cache[name]

    seats: dict[str, Policy] = {}
    for setup in book.scenario.actors:
        if setup.player:
            seats[setup.id] = get(player)
        else:
            seats[setup.id] = get(rivals or setup.persona or "greedy")
    return seats
