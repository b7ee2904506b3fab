"""What each resource, status and effect is worth this turn, given the plan's goals.

A resource point is worth what it adds to the chance of winning the contests ahead (the
poll's slope at the strength the plan expects, times the factor's weight, times the share of
the point that survives decay until the sitting), plus progress toward thresholds the next
steps need, plus a small legacy term shaped by the persona's tastes.  While the actor stands
in an election days away, a point counts mostly for that vote.  Funds are priced on two
slopes: above the reserve the plan keeps for its next steps they are cheap, below it dear.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.ai.planner.goals import Goals
from game.ai.planner.statuses import StatusPrices
from game.core.conditions import turns_until
from game.core.resources import tapered
from game.core.rulebook import Rulebook
from game.core.scenario import ContestDef, PersonaDef
from game.core.views import View

FUNDS, INFLUENCE = "funds", "influence"
LEGACY = 1.0 / 2000.0  # victory units per legacy point: what a career is worth beside the top
THRESHOLD_PULL = 0.5  # share of a step's weight spread over the gap to a threshold it needs
MIN_GAP = 5.0  # a threshold's pull is spread over at least this many units
RESERVE_PULL = 0.5  # share of a funded step's weight spread over the funds it needs
SAFETY_TURNS = 3  # turns of living cost kept above the debt limit at all times
# share of a strength point's worth at sittings after an election day the actor already
# stands in: that vote's point is sure, a later sitting's rests on the plan holding until then
# (the road may change, the office that gives the ticket may be lost)
LATER_SITTINGS = 0.3
STRENGTH_POINT = 0.01  # a contest strength point when nothing else says (statuses)


@dataclass(slots=True)
class Valuation:
    """Marginal values for one actor in one turn."""

    view: View
    goals: Goals
    persona: PersonaDef
    weights: dict[str, float] = field(default_factory=dict)  # per unit of each resource
    popularity: float = 0.0  # per point of the own party's popularity
    strength_point: float = STRENGTH_POINT  # per point of strength in the contests ahead
    funds_low: float = 0.0  # per unit of funds above the reserve line
    funds_high: float = 0.0  # per unit below it
    funds_line: float = 0.0
    _statuses: StatusPrices | None = None
    agenda_value: float = 0.0  # what one agenda point buys this turn
    rates: dict[str, float] = field(default_factory=dict)  # resource -> units per turn
    # each resource's (minimum, maximum): the rulebook's, looked up once per valuation
    bounds: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def statuses(self) -> StatusPrices:
        """Every status's value, consequences included, at the prices of the moment they are
        first asked for (each status worked out when it is first read)."""
        if self._statuses is None:
            have = dict(self.view.me.resources)
            self._statuses = StatusPrices(
                self.view.book, lambda rid, delta: self.resource(rid, delta, have),
                self.strength_point)
        return self._statuses

    def resource(self, rid: str, delta: float, have: dict[str, float] | None = None) -> float:
        """Value of changing resource ``rid`` by ``delta`` now (clamped to its bounds);
        ``have``: the actor's resources to read, if not as they are now."""
        span = self.bounds.get(rid)
        if span is None:
            return 0.0
        now = (self.view.me.resources if have is None else have).get(rid, 0.0)
        new = now + tapered(self.view.book, rid, now, delta)
        if new < span[0]:
            new = span[0]
        elif new > span[1]:
            new = span[1]
        if rid == FUNDS:
            return self._funds(now, new)
        return self.weights.get(rid, 0.0) * (new - now)

    def total(self, changes: tuple[tuple[str, float], ...], share: float = 1.0) -> float:
        """Value of the resource changes ``changes`` ((id, delta) pairs) made now, gains
        scaled by ``share``, each as ``resource`` values it, added in order."""
        bounds, weights = self.bounds, self.weights
        book = self.view.book
        tapers, ranges = book.tapers, book.bounds
        have = self.view.me.resources
        total = 0.0
        for rid, delta in changes:
            if delta > 0:
                delta = delta * share
            span = bounds.get(rid)
            if span is None:
                total += 0.0
                continue
            now = have.get(rid, 0.0)
            taper = tapers.get(rid)
            if taper is not None and delta > 0:
                # game.core.resources.tapered, inlined (the same arithmetic): this is the hot
                # path of valuing a turn
                low, high = ranges[rid]
                filled = (now - low) / (high - low)
                filled = filled if filled < 1.0 else 1.0  # min(1.0, x) and max(0.0, x)
                delta = delta * (1.0 - taper * (filled if filled > 0.0 else 0.0))
            new = now + delta
            if new < span[0]:
                new = span[0]
            elif new > span[1]:
                new = span[1]
            if rid == FUNDS:
                total += self._funds(now, new)
            else:
                total += weights.get(rid, 0.0) * (new - now)
        return total

    def _funds(self, old: float, new: float) -> float:
        line = self.funds_line
        low, high = (old, new) if old <= new else (new, old)
        below = (line if line < high else high) - low
        if not below > 0.0:
            below = 0.0
        above = (high - low) - below
        value = below * self.funds_high + above * self.funds_low
        return value if new >= old else -value


FactorRow = tuple[str, float, bool]  # resource, weight, whether it resets after an election


@dataclass(slots=True)
class _Tables:
    """What valuations read from a rulebook, read once: each resource's (minimum, maximum);
    per contest the factors priced, resources as ``FactorRow``s and the weights of the own
    party's popularity; and the share of a resource kept after so many turns of decay
    (filled in as asked for)."""

    book: Rulebook
    bounds: dict[str, tuple[float, float]]
    factors: dict[str, tuple[tuple[FactorRow, ...], tuple[float, ...]]]
    retained: dict[tuple[str, int], float] = field(default_factory=dict)


_TABLES: list[_Tables] = []


def _tables(book: Rulebook) -> _Tables:
    """The rulebook's tables (the last rulebook's kept)."""
    if _TABLES and _TABLES[0].book is book:
        return _TABLES[0]
    bounds = {rid: (r.minimum, r.maximum if r.maximum is not None else math.inf)
              for rid, r in book.resources.items()}
    factors: dict[str, tuple[tuple[FactorRow, ...], tuple[float, ...]]] = {}
    for cid, contest in book.contests.items():
        resources = tuple((f.source, f.weight, book.resources[f.source].resets_after_contest)
                          for f in contest.factors if f.source in book.resources)
        popular = tuple(f.weight for f in contest.factors if f.source == "party_popularity"
                        and f.source not in book.resources)
        factors[cid] = resources, popular
    _TABLES[:] = [_Tables(book, bounds, factors)]
    return _TABLES[0]


def build_valuation(view: View, goals: Goals, persona: PersonaDef,
                    rates: dict[str, float], legacy: list[tuple[str, float]] | None = None,
                    ) -> Valuation:
    """Marginal values for ``view``'s actor following ``goals``; ``rates`` are the units per
    turn a focused actor can add to each resource; ``legacy``: ``legacy_terms`` of the
    persona, if already read."""
    val = Valuation(view, goals, persona, rates=rates, bounds=_tables(view.book).bounds)
    _contest_weights(val)
    _threshold_weights(val)
    _legacy_weights(val, legacy)
    _funds_weights(val)
    return val


def _retention(view: View, rid: str, turns: int) -> float:
    """The share of a point of ``rid`` left after ``turns`` of decay (remembered per
    rulebook: it depends on nothing else)."""
    retained = _tables(view.book).retained
    found = retained.get((rid, turns))
    if found is None:
        rdef = view.book.resources[rid]
        found = retained[(rid, turns)] = 1.0 if rdef.decay <= 0 else \
            (1.0 - rdef.decay) ** max(turns, 0)
    return found


def _slope(view: View, rid: str) -> float:
    rdef = view.book.resources[rid]
    value = view.me.resources.get(rid, 0.0)
    if rdef.log_scale > 0:
        return 1.0 / ((1.0 + max(value, 0.0)) * math.log1p(rdef.log_scale))
    if rdef.maximum is not None and rdef.maximum > rdef.minimum:
        return 1.0 / (rdef.maximum - rdef.minimum)
    return 0.01


def _contest_weights(val: Valuation) -> None:
    view, weights = val.view, val.weights
    points = []
    spent_in, spent_by = _next_election_day(val)
    tables = _tables(view.book)
    rows, retention = tables.factors, tables.retained
    slopes: dict[str, float] = {}  # per resource: the same for every objective that reads it
    for obj in val.goals.objectives:
        ahead = obj.turn - view.turn
        if ahead < 0:
            continue
        per_point = obj.weight * obj.outlook.gain_per_point(obj.now, obj.reachable)
        if ahead > spent_in >= 0:
            per_point *= LATER_SITTINGS
        points.append(per_point)
        factors, popular = rows[obj.contest]
        for rid, weight, resets in factors:
            if resets and (obj.contest not in spent_by or ahead != spent_in):
                continue  # spent on an earlier election day: useless for this one
            slope = slopes.get(rid)
            if slope is None:
                slope = slopes[rid] = _slope(view, rid)
            retained = retention.get((rid, ahead))
            if retained is None:
                retained = _retention(view, rid, ahead)
            gain = per_point * weight * slope * retained
            weights[rid] = weights.get(rid, 0.0) + gain
        for weight in popular:
            val.popularity += per_point * weight / 100.0
    if points:
        val.strength_point = max(sum(points), STRENGTH_POINT / 4)


def _next_election_day(val: Valuation) -> tuple[int, frozenset[str]]:
    """The turns to the actor's next election day and the general elections it stands in
    then: campaign resources serve those only (-1 and none if it stands in none)."""
    me, book = val.view.me, val.view.book
    days = {c: _turns_to(val.view, book.contests[c]) for c in me.registrations
            if book.contests[c].kind == "general_election"}
    if not days:
        return -1, frozenset()
    soonest = min(days.values())
    return soonest, frozenset(c for c, d in days.items() if d == soonest)


def _turns_to(view: View, contest: ContestDef) -> int:
    return turns_until(contest.schedule.every, contest.schedule.offset, view.turn)


def _threshold_weights(val: Valuation) -> None:
    view = val.view
    for th in val.goals.thresholds:
        now = view.me.resources.get(th.resource, 0.0)
        gap = th.level - now
        if gap <= 0:
            # met: keep a little above it, so decay does not undo it before the step
            continue
        ahead = max(th.turn - view.turn, 1)
        kept = _retention(view, th.resource, ahead)
        span = max(gap, MIN_GAP, val.rates.get(th.resource, 0.0) * ahead)
        per_unit = THRESHOLD_PULL * th.weight / span * kept
        val.weights[th.resource] = val.weights.get(th.resource, 0.0) + per_unit


def _legacy_weights(val: Valuation, legacy: list[tuple[str, float]] | None) -> None:
    weights = val.weights
    for rid, term in legacy_terms(val.view.book, val.persona) if legacy is None else legacy:
        weights[rid] = weights.get(rid, 0.0) + term


def legacy_terms(book: Rulebook, persona: PersonaDef) -> list[tuple[str, float]]:
    """Each resource's legacy term for ``persona``: its taste, influence counted as legacy
    score (funds apart); the same for every valuation, so a policy reads it once."""
    found = []
    tastes = persona.resource_weights
    for rid in book.resources:
        taste = tastes.get(rid, 0.0)
        if rid == INFLUENCE:
            taste += 1.0  # influence is legacy score
        if rid != FUNDS and taste:
            found.append((rid, LEGACY * taste))
    return found


def _funds_weights(val: Valuation) -> None:
    view = val.view
    scenario = view.book.scenario
    contest_value = val.weights.pop(FUNDS, 0.0)  # computed at the current funds level
    taste = LEGACY * val.persona.resource_weights.get(FUNDS, 0.04)
    floor = scenario.debt_limit + SAFETY_TURNS * scenario.living_cost
    val.funds_line = max(val.goals.reserve, 0.0) + max(floor, 0.0)
    val.funds_low = contest_value + taste
    need = RESERVE_PULL * val.goals.reserve_weight / max(val.goals.reserve, 20.0)
    val.funds_high = val.funds_low + need
    if view.me.resources.get(FUNDS, 0.0) < floor:
        val.funds_high += 0.02  # ruin by debt ends everything: climb out first
