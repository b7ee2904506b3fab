"""How fast an actor can build each resource and each contest strength: the planner's clock.

Static per scenario: from the moves' expected effects, the gain per turn a focused actor can
reach (the best moves, each once per turn and no more often than its cooldown allows, at the
pace that yields most under their diminishing returns, sharing the agenda with everything
else).  Campaign resources that an election spends are counted
apart, because only moves made while registered raise them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.core.fatigue import sustained_share
from game.core.rulebook import Rulebook
from game.core.rules import ChangeResource, Effect, HoldsPosition, PartyMember, Registered
from game.core.scenario import Check, ContestDef, MoveDef

FOCUS = 0.6  # share of the agenda a plan can give one goal
# How far real careers outrun (or fall short of) the moves' own pace, by contest kind: offices
# and seats add their yields, and party and appointed posts reward steady work; campaigns
# share one resource between several elections.  Measured on careers: party races on a
# member who works the party from the first turn, who builds standing about twice as fast as
# the moves alone suggest (a slower clock made the planner wait for later congresses and
# take longer roads round them); the rest on planner careers.
PACE_BY_KIND = {"general_election": 0.5, "party_election": 3.0, "nomination": 3.0,
                "exam": 1.6, "appointment": 1.6}
# The share of a contest's best strength a career reaches before the sitting: voters' favour
# decays and is shared between elections; party and appointed posts reward staying power.
REACH_BY_KIND = {"general_election": 0.65}
REACH = 0.8
WINDOW_SHARE = 0.4  # the share of a campaign window's best moves a real campaign achieves
PARTY_SOURCES = frozenset({"party_tenure"})  # factors only years in a party raise
CHECK_GUESS = 0.15  # a check's chance above its base, before knowing the actor
FUNDS_REFERENCE = 100.0  # where the slope of a log-scaled resource is read


@dataclass(slots=True)
class Economy:
    """Per-turn gains a focused actor can reach."""

    book: Rulebook
    rates: dict[str, float] = field(default_factory=dict)  # resource -> units per turn
    growth: dict[str, float] = field(default_factory=dict)  # contest -> strength per turn
    # the same for an actor outside every party: no party's moves, no party-bound resources
    outside_growth: dict[str, float] = field(default_factory=dict)
    outside_reach: dict[str, float] = field(default_factory=dict)
    window_gain: dict[str, float] = field(default_factory=dict)  # contest -> per turn entered
    window_cap: dict[str, float] = field(default_factory=dict)  # contest -> most a window adds
    ceilings: dict[str, float] = field(default_factory=dict)  # contest -> best strength
    reach: dict[str, float] = field(default_factory=dict)  # contest -> strength a plan reaches
    elections: dict[str, bool] = field(default_factory=dict)  # contest -> a general election
    campaign_moves: frozenset[str] = frozenset()  # moves open only while registered


def expected_deltas(mdef: MoveDef | None, effects: tuple[Effect, ...], check: Check | None,
                    on_success: tuple[Effect, ...], on_failure: tuple[Effect, ...],
                    ) -> dict[str, float]:
    """Expected resource changes of effects with an optional check (chance guessed)."""
    out: dict[str, float] = {}

    def add(effs: tuple[Effect, ...], weight: float) -> None:
        for eff in effs:
            if isinstance(eff, ChangeResource):
                out[eff.resource] = out.get(eff.resource, 0.0) + weight * eff.delta

    add(effects, 1.0)
    if check is None:
        add(on_success, 1.0)
    else:
        chance = min(check.base + CHECK_GUESS, check.maximum)
        add(on_success, chance)
        add(on_failure, 1.0 - chance)
    return out


def move_deltas(mdef: MoveDef) -> dict[str, float]:
    """Expected resource changes of one use of ``mdef``."""
    return expected_deltas(mdef, mdef.effects, mdef.check, mdef.on_success, mdef.on_failure)


def slope(book: Rulebook, resource: str) -> float:
    """Normalised units per resource unit (what a contest factor reads), near typical values."""
    rdef = book.resources[resource]
    if rdef.log_scale > 0:
        return 1.0 / ((1.0 + FUNDS_REFERENCE) * math.log1p(rdef.log_scale))
    if rdef.maximum is not None and rdef.maximum > rdef.minimum:
        return 1.0 / (rdef.maximum - rdef.minimum)
    return 0.01


def _needs_registration(mdef: MoveDef) -> bool:
    from game.ai.planner.atoms import leaf_conditions
    from game.core.rules import AnyOf

    for cond in mdef.requires:
        cond = leaf_conditions(cond)
        parts = cond.conditions if isinstance(cond, AnyOf) else (cond,)
        if any(isinstance(p, Registered) and p.present for p in parts):
            return True
    return False


def _needs_membership(book: Rulebook, mdef: MoveDef) -> bool:
    """True when the move needs a party: membership, or an office only members hold."""
    for cond in mdef.requires:
        if isinstance(cond, PartyMember) and cond.member:
            return True
        if isinstance(cond, HoldsPosition) and not cond.ever and all(
                book.positions[p].per_party for p in cond.positions):
            return True
    return False


def _top_sum(values: list[float], count: int) -> float:
    return sum(sorted((v for v in values if v > 0), reverse=True)[:count])


def build_economy(book: Rulebook) -> Economy:
    """The gains of ``book``'s moves, summarised."""
    agenda = book.scenario.agenda_per_turn
    eco = Economy(book)
    eco.campaign_moves = frozenset(m.id for m in book.scenario.moves if _needs_registration(m))
    per_use = {m.id: move_deltas(m) for m in book.scenario.moves}
    pace = {m.id: sustained_share(book.repeats.get(m.id), 1 + m.cooldown) / max(m.agenda, 1)
            for m in book.scenario.moves}
    for rid in book.resources:
        gains = [per_use[m][rid] * pace[m] for m in per_use if rid in per_use[m]]
        eco.rates[rid] = FOCUS * _top_sum(gains, agenda)
    resets: set[str] = {r.id for r in book.scenario.resources if r.resets_after_contest}
    party_bound = {r.id for r in book.scenario.resources if r.party_bound}
    bound = resets | party_bound
    members_only = {m.id for m in book.scenario.moves if _needs_membership(book, m)}
    for contest in book.scenario.contests:
        regular, window, outside = [], [], []
        for mdef in book.scenario.moves:
            gain = _strength_gain(book, contest, per_use[mdef.id], resets)
            campaign = _strength_gain(book, contest, per_use[mdef.id], set(), only=resets)
            if mdef.id in eco.campaign_moves:
                window.append((gain + campaign) * pace[mdef.id])
            else:
                regular.append(gain * pace[mdef.id])
                if mdef.id not in members_only:
                    outside.append(_strength_gain(book, contest, per_use[mdef.id], bound)
                                   * pace[mdef.id])
        kind_pace = PACE_BY_KIND.get(contest.kind, 1.0)
        eco.growth[contest.id] = FOCUS * kind_pace * _top_sum(regular, agenda)
        eco.outside_growth[contest.id] = FOCUS * kind_pace * _top_sum(outside, agenda)
        eco.window_gain[contest.id] = WINDOW_SHARE * _top_sum(window, agenda)
        eco.window_cap[contest.id] = sum(f.weight for f in contest.factors if f.source in resets)
        eco.ceilings[contest.id] = sum(f.weight for f in contest.factors if f.weight > 0)
        eco.reach[contest.id] = REACH_BY_KIND.get(contest.kind, REACH) * eco.ceilings[contest.id]
        # an actor who joins a party late brings little standing and no years in it
        eco.outside_reach[contest.id] = REACH_BY_KIND.get(contest.kind, REACH) * sum(
            f.weight for f in contest.factors
            if f.weight > 0 and f.source not in party_bound and f.source not in PARTY_SOURCES)
        eco.elections[contest.id] = contest.kind == "general_election"
    return eco


def _strength_gain(book: Rulebook, contest: ContestDef, deltas: dict[str, float],
                   skip: set[str], only: set[str] | None = None) -> float:
    total = 0.0
    for factor in contest.factors:
        rid = factor.source
        if rid in skip or rid not in deltas or (only is not None and rid not in only):
            continue
        total += factor.weight * deltas[rid] * slope(book, rid)
    return total


_ECONOMIES: dict[int, tuple[Rulebook, Economy]] = {}


def economy_for(book: Rulebook) -> Economy:
    """The economy of ``book``, built once per rulebook."""
    cached = _ECONOMIES.get(id(book))
    if cached is None or cached[0] is not book:
        cached = _ECONOMIES[id(book)] = (book, build_economy(book))
    return cached[1]
