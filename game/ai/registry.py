"""Policies by name: ``random``, ``greedy`` and every persona of the scenario."""

from __future__ import annotations

from game.ai.difficulty import DEFAULT_DIFFICULTY, check_difficulty, rival_policy
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


def balanced_persona(book: Rulebook, name: str) -> PersonaDef:
    """The persona of the plain ``greedy`` and ``planner`` policies: balanced weights, no
    preferred road."""
    return PersonaDef(name, {"en": name.capitalize()}, balanced_for(book))


def make_policy(name: str, book: Rulebook) -> Policy:
    """A policy by name, at full strength (a persona plans its own road); raises
    UnknownPolicy listing the valid names."""
    if name == "random":
        return RandomPolicy()
    if name == "greedy":
        return GreedyPolicy(book, balanced_persona(book, "greedy"), "greedy")
    if name == "planner":
        return PlannerPolicy(book, balanced_persona(book, "planner"), "planner")
    return PlannerPolicy(book, _persona(book, name))


def _persona(book: Rulebook, name: str) -> PersonaDef:
    persona = personas_for(book.scenario).get(name)
    if persona is None:
        raise UnknownPolicy(f"unknown policy {name!r}; choose one of: "
                            + ", ".join(policy_names(book)))
    return persona


def describe_policy(name: str, book: Rulebook) -> str:
    """One line on how the policy named ``name`` decides."""
    if name in BASE_DESCRIPTIONS:
        return BASE_DESCRIPTIONS[name]
    persona = _persona(book, name)
    roads = ", ".join(persona.roads) if persona.roads else "any"
    return (f"persona: plans its own road to the top (prefers roads through {roads}, "
            f"x{persona.commitment:g}); risk {persona.risk:g}, ethics {persona.ethics:g}, "
            f"loyalty {persona.loyalty:g}")


BASE_DESCRIPTIONS = {
    "random": "uniform among the legal commands: a baseline and a fuzzer for the rules",
    "greedy": "one step ahead: the command of highest immediate expected value "
              "(balanced weights)",
    "planner": "plans a road to the top post from the position graph, schedules its contests "
               "and prices every move by what the road needs",
}


def seat_policies(book: Rulebook, player: str, rivals: str | None = None,
                  difficulty: str = DEFAULT_DIFFICULTY) -> dict[str, Policy]:
    """Policies for every seat: ``player`` for the player; rivals play their persona at
    ``difficulty`` (or ``rivals``, at full strength, for all of them when given)."""
    check_difficulty(difficulty)
    cache: dict[str, Policy] = {}

    def get(name: str, rival: bool) -> Policy:
        key = f"{'rival:' if rival else ''}{name}"
        if key not in cache:
            if rival:
                persona = (balanced_persona(book, name) if name in ("greedy", "planner")
                           else _persona(book, name))
                cache[key] = rival_policy(book, persona, difficulty)
            else:
                cache[key] = make_policy(name, book)
        return cache[key]

    seats: dict[str, Policy] = {}
    for setup in book.scenario.actors:
        if setup.player:
            seats[setup.id] = get(player, rival=False)
        elif rivals is not None:
            seats[setup.id] = get(rivals, rival=False)
        else:
            seats[setup.id] = get(setup.persona or "greedy", rival=True)
    return seats
