"""Factor lists compiled once per scenario: what each weighted source reads and how it is
normalised, decided up front instead of on every read.

A plan computes exactly what ``scoring.source_value`` computes, operation for operation, so
chances and strengths keep every last bit.  Contest and check factor lists of a scenario are
compiled with its rulebook and found by identity (they live as long as the rulebook).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from game.core.scenario import Factor, ResourceDef, Scenario
from game.core.state import Actor, GameState

PARTY_TENURE_FULL = 20  # turns in the party at which ``party_tenure`` reaches 1

# how a source is read: a resource on a log scale, on its range, in percent; or a special
LOG, RANGE, PERCENT, POPULARITY, INCUMBENCY, TENURE, NOMINATED = range(7)
SPECIAL_CODES = {"party_popularity": POPULARITY, "incumbency": INCUMBENCY,
                 "party_tenure": TENURE, "nominated": NOMINATED}
#: (code, source, weight, a, b): ``a`` and ``b`` are the normalisation's constants
Step = tuple[int, str, float, float, float]
Plan = tuple[Step, ...]


def _resource_step(rdef: ResourceDef, weight: float) -> Step:
    if rdef.log_scale > 0:
        return LOG, rdef.id, weight, math.log1p(rdef.log_scale), 0.0
    if rdef.maximum is not None and rdef.maximum > rdef.minimum:
        return RANGE, rdef.id, weight, rdef.minimum, rdef.maximum - rdef.minimum
    return PERCENT, rdef.id, weight, 0.0, 0.0


def compile_factors(factors: Sequence[Factor], resources: Mapping[str, ResourceDef]) -> Plan | None:
    """The plan of ``factors`` (None if a source is unknown: left to fail where it is read)."""
    steps: list[Step] = []
    for factor in factors:
        if factor.source in resources:
            steps.append(_resource_step(resources[factor.source], factor.weight))
        elif factor.source in SPECIAL_CODES:
            steps.append((SPECIAL_CODES[factor.source], factor.source, factor.weight, 0.0, 0.0))
        else:
            return None
    return tuple(steps)


def scenario_factor_lists(scenario: Scenario) -> Iterable[Sequence[Factor]]:
    """Every factor list of the scenario's contests, move checks and event answers."""
    yield from (c.factors for c in scenario.contests)
    yield from (m.check.factors for m in scenario.moves if m.check is not None)
    for event in scenario.events:
        yield from (c.check.factors for c in event.choices if c.check is not None)


def step_value(state: GameState, actor: Actor, step: Step, position: str | None) -> float:
    """The normalised value one step reads (``scoring.source_value``, precompiled)."""
    code, source, _weight, a, b = step
    if code == LOG:
        return math.log1p(max(actor.resources[source], 0.0)) / a
    if code == RANGE:
        return (actor.resources[source] - a) / b
    if code == PERCENT:
        return actor.resources[source] / 100.0
    if code == POPULARITY:
        return state.popularity[actor.party] / 100.0 if actor.party is not None else 0.0
    if code == INCUMBENCY:
        return 1.0 if position is not None and position in actor.positions else 0.0
    if code == TENURE:
        if actor.party is None:
            return 0.0
        return min((state.turn - actor.party_since) / PARTY_TENURE_FULL, 1.0)
    return 1.0 if actor.nominations else 0.0


def plan_sum(state: GameState, actor: Actor, plan: Plan, position: str | None) -> float:
    """Sum of weight x value over a plan, in order (``scoring.weighted_sum``)."""
    total = 0.0
    resources = actor.resources
    for step in plan:
        code, source, weight, a, b = step
        # the commonest sources inline; the rest through step_value
        if code == RANGE:
            total += weight * ((resources[source] - a) / b)
        elif code == LOG:
            total += weight * (math.log1p(max(resources[source], 0.0)) / a)
        elif code == POPULARITY:
            party = actor.party
            total += weight * (state.popularity[party] / 100.0 if party is not None else 0.0)
        elif code == INCUMBENCY:
            total += weight * (1.0 if position is not None and position in actor.positions
                               else 0.0)
        else:
            total += weight * step_value(state, actor, step, position)
    return total
