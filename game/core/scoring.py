"""Weighted factors: success chances of checks and strengths of contestants.

Each factor reads a normalised source (0..1 for bounded resources) and contributes
``weight x value``.  Contest strengths are in points (weights sum to roughly 100); check
chances are probabilities.  Both return their factor lines so nothing stays opaque.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.core.events import FactorValue
from game.core.factors import PARTY_TENURE_FULL, plan_sum, step_value
from game.core.scenario import Check, ContestDef, Factor
from game.core.state import Actor, GameState

__all__ = ["PARTY_TENURE_FULL", "check_chance", "check_chance_value", "contest_strength",
           "contest_strength_value", "source_value", "status_penalty", "weigh", "weighted_sum"]


def source_value(state: GameState, actor: Actor, source: str, position: str | None) -> float:
    """The normalised value of one factor source for ``actor``."""
    if source in state.book.resources:
        return state.book.normalise(source, actor.resources[source])
    if source == "party_popularity":
        return state.popularity[actor.party] / 100.0 if actor.party is not None else 0.0
    if source == "incumbency":
        return 1.0 if position is not None and position in actor.positions else 0.0
    if source == "party_tenure":
        if actor.party is None:
            return 0.0
        return min((state.turn - actor.party_since) / PARTY_TENURE_FULL, 1.0)
    if source == "nominated":
        return 1.0 if actor.nominations else 0.0
    raise KeyError(f"unknown factor source {source!r}")


def weigh(
    state: GameState, actor: Actor, factors: Sequence[Factor], position: str | None = None
) -> tuple[float, tuple[FactorValue, ...]]:
    """Sum of weighted factors and the line-by-line explanation."""
    total = 0.0
    lines = []
    plan = state.book.factor_plans.get(id(factors))
    if plan is not None:  # a list of the scenario's: compiled with the rulebook
        for step in plan:
            value = step_value(state, actor, step, position)
            contribution = step[2] * value
            total += contribution
            lines.append(FactorValue(step[1], value, step[2], contribution))
        return total, tuple(lines)
    for f in factors:
        value = source_value(state, actor, f.source, position)
        contribution = f.weight * value
        total += contribution
        lines.append(FactorValue(f.source, value, f.weight, contribution))
    return total, tuple(lines)


def weighted_sum(
    state: GameState, actor: Actor, factors: Sequence[Factor], position: str | None = None
) -> float:
    """``weigh`` without the explanation: for AI evaluation, where only the number counts."""
    plan = state.book.factor_plans.get(id(factors))
    if plan is not None:  # a list of the scenario's: compiled with the rulebook
        return plan_sum(state, actor, plan, position)
    total = 0.0
    for f in factors:
        total += f.weight * source_value(state, actor, f.source, position)
    return total


def check_chance_value(state: GameState, actor: Actor, check: Check) -> float:
    """``check_chance`` without the explanation (same number)."""
    penalty = 0.0
    for sid in actor.statuses:
        penalty += state.book.statuses[sid].check_penalty
    chance = check.base + weighted_sum(state, actor, check.factors) - penalty
    return min(max(chance, check.minimum), check.maximum)


def status_penalty(
    state: GameState, actor: Actor, contest: bool
) -> tuple[float, list[FactorValue]]:
    """What the actor's statuses take off a contest strength (or a check chance)."""
    total = 0.0
    lines: list[FactorValue] = []
    for sid in actor.statuses:
        sdef = state.book.statuses[sid]
        penalty = sdef.contest_penalty if contest else sdef.check_penalty
        if penalty:
            total += penalty
            lines.append(FactorValue(f"status:{sid}", 1.0, -penalty, -penalty))
    return total, lines


def check_chance(
    state: GameState, actor: Actor, check: Check
) -> tuple[float, tuple[FactorValue, ...]]:
    """Success chance of ``check`` for ``actor`` (clamped) with its factors."""
    total, lines = weigh(state, actor, check.factors)
    penalty, penalty_lines = status_penalty(state, actor, contest=False)
    chance = min(max(check.base + total - penalty, check.minimum), check.maximum)
    explained = (FactorValue("base", 1.0, check.base, check.base), *lines, *penalty_lines)
    return chance, explained


def contest_strength_value(state: GameState, actor: Actor, contest: ContestDef) -> float:
    """``contest_strength`` without the explanation (same number)."""
    penalty = 0.0
    for sid in actor.statuses:
        penalty += state.book.statuses[sid].contest_penalty
    return weighted_sum(state, actor, contest.factors, contest.position) - penalty


def contest_strength(
    state: GameState, actor: Actor, contest: ContestDef
) -> tuple[float, tuple[FactorValue, ...]]:
    """Strength of ``actor`` in ``contest`` before noise, with its factors."""
    total, lines = weigh(state, actor, contest.factors, contest.position)
    penalty, penalty_lines = status_penalty(state, actor, contest=True)
    return total - penalty, (*lines, *penalty_lines)
