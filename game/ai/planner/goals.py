"""From a road to this turn's goals: the contests that matter, what rides on each, and the
thresholds and funds the next steps need.

Values are in chances of reaching the top post ("victory units"): an objective's ``weight``
is how much of the whole road's chance depends on winning that sitting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.ai.planner.atoms import Amount, Held, Member, Served
from game.ai.planner.outlook import Outlook
from game.ai.planner.reckoner import Reckoner
from game.ai.planner.routes import Route, Step
from game.core.conditions import turns_until
from game.core.rules import AllOf, AnyOf, Condition, HoldsPosition, Tenure
from game.core.scenario import ContestDef

MIN_STEP_CHANCE = 0.05  # a step below this is treated as this, so weights stay finite
ENTERED_WEIGHT = 0.05  # what winning a contest entered beside the road is worth


@dataclass(slots=True)
class Objective:
    """A contest sitting the plan wants to win."""

    contest: str
    turn: int
    weight: float
    outlook: Outlook
    projected: float  # the strength the plan expects to bring
    now: float  # the strength the actor has today
    reachable: float  # the most a determined actor could bring


@dataclass(slots=True)
class Threshold:
    """A resource level a coming step needs."""

    resource: str
    level: float
    turn: int
    weight: float


@dataclass(slots=True)
class Goals:
    """What the plan asks of this turn."""

    road: Route | None
    objectives: list[Objective] = field(default_factory=list)
    thresholds: list[Threshold] = field(default_factory=list)
    positions: dict[str, float] = field(default_factory=dict)  # position -> value of a seat
    soon: dict[str, float] = field(default_factory=dict)  # the same, for steps due soon
    entries: dict[str, float] = field(default_factory=dict)  # contest -> value of standing
    reserve: float = 0.0  # funds the plan needs in hand
    reserve_weight: float = 0.0
    needs_party: bool = False  # the next step needs party membership
    kept: set[str] = field(default_factory=set)  # offices a step of the road needs held

    @property
    def chance(self) -> float:
        """The road's chance (0 without a road)."""
        return self.road.chance if self.road is not None else 0.0


def goals_for(reckoner: Reckoner, road: Route | None) -> Goals:
    """The goals of following ``road`` from where the reckoner's actor stands, and of the
    contests it already stands in."""
    goals = Goals(road)
    if road is not None and road.steps:
        for step in road.steps:
            weight = min(road.chance / max(step.chance, MIN_STEP_CHANCE), 1.0)
            _add_step(reckoner, goals, road, step, weight)
        upcoming = min(road.steps, key=lambda s: s.turn)
        goals.needs_party = any(isinstance(a, Member) for a in upcoming.term)
    _add_entered(reckoner, goals)
    return goals


def _add_entered(reckoner: Reckoner, goals: Goals) -> None:
    """A contest the actor is entered in is an objective at its next sitting, even when the
    road aims at a later one: trying now costs nothing more, and a win now frees the years
    after it."""
    me, book = reckoner.me, reckoner.view.book
    aimed = {(o.contest, o.turn) for o in goals.objectives}
    for contest_id in dict.fromkeys([*me.registrations, *me.nominations]):
        contest = book.contests[contest_id]
        sitting = _next_sitting(reckoner, contest)
        if (contest_id, sitting) in aimed:
            continue
        position = contest.position
        if position in book.victory_positions:
            weight = 1.0
        else:
            weight = goals.positions.get(position, ENTERED_WEIGHT)
        look = reckoner.outlooks(contest_id, reckoner.party)
        goals.objectives.append(Objective(
            contest_id, sitting, weight, look, reckoner.projected(contest, sitting),
            reckoner.strength(contest_id), reckoner.reachable(contest, sitting)))


def _sittings(road: Route, step: Step) -> list[tuple[int, float]]:
    """Each sitting the plan may pass ``step`` at, with the weight a strength point there
    carries.  The step is passed unless every sitting is missed, so a point at one sitting
    is worth the chance of missing all the others (once for every sitting it stands for),
    times the chance of the rest of the road."""
    sittings = [(step.turn, step.chance, 1), *step.others]
    missed = 1.0
    for _turn, chance, count in sittings:
        missed *= (1.0 - chance) ** count
    rest = min(road.chance / max(1.0 - missed, MIN_STEP_CHANCE), 1.0)
    return [(turn, rest * count * missed / max(1.0 - chance, MIN_STEP_CHANCE))
            for turn, chance, count in sittings]


def _add_sitting(reckoner: Reckoner, goals: Goals, step: Step, turn: int, weight: float
                 ) -> None:
    """Objectives for one sitting of ``step``'s contest, and of its nomination if it has one
    (reckoned at the same turn: a nomination sits shortly before its election)."""
    gate, atlas = step.gate, reckoner.atlas
    contest = atlas.contest(gate.contest or "")
    look = reckoner.outlooks(contest.id, reckoner.party)
    goals.objectives.append(Objective(contest.id, turn, weight, look,
                                      reckoner.projected(contest, turn, gate),
                                      reckoner.strength(contest.id),
                                      reckoner.reachable(contest, turn, gate)))
    if gate.nomination is not None:
        nomination = atlas.contest(gate.nomination)
        look = reckoner.outlooks(nomination.id, reckoner.party)
        goals.objectives.append(Objective(nomination.id, turn, weight, look,
                                          reckoner.projected(nomination, turn),
                                          reckoner.strength(nomination.id),
                                          reckoner.reachable(nomination, turn)))


def _add_step(reckoner: Reckoner, goals: Goals, road: Route, step: Step, weight: float
              ) -> None:
    gate = step.gate
    goals.positions[gate.position] = max(goals.positions.get(gate.position, 0.0), weight)
    if step.turn - reckoner.turn <= gate.lead + 1:
        goals.soon[gate.position] = max(goals.soon.get(gate.position, 0.0), weight)
    atlas = reckoner.atlas
    if gate.contest is not None:
        for turn, at_sitting in _sittings(road, step):
            _add_sitting(reckoner, goals, step, turn, at_sitting)
        entered = gate.nomination or gate.contest
        goals.entries[entered] = max(goals.entries.get(entered, 0.0), weight)
    if gate.move is not None:
        mdef = atlas.book.moves[gate.move]
        if mdef.funds > 0:
            goals.reserve += mdef.funds
            goals.reserve_weight = max(goals.reserve_weight, weight)
    secured = _secured(reckoner, step)
    for atom in step.term:
        if isinstance(atom, Held | Served) and atom.position is not None and not (
                secured and not _held_at_sitting(reckoner, step, atom.position)):
            goals.kept.add(atom.position)
            _add_reelection(reckoner, goals, step, atom.position, weight)
        if isinstance(atom, Amount) and atom.low is not None:
            now = reckoner.me.resources.get(atom.resource, 0.0)
            if now < atom.low * 1.1:
                goals.thresholds.append(Threshold(atom.resource, atom.low, step.turn, weight))
    if gate.nomination is not None and not secured:
        # an office that signs its holder's own ticket spares the nomination's vote: a road
        # through the nomination keeps it, or the chair resigned to save its agenda would
        # stand in the vote it had made unnecessary
        for office in atlas.ticket_holders.get(gate.nomination, frozenset()):
            if office in reckoner.me.positions:
                goals.kept.add(office)
                _add_reelection(reckoner, goals, step, office, weight)


def _add_reelection(reckoner: Reckoner, goals: Goals, step: Step, position: str,
                    weight: float) -> None:
    """An office the step needs held, which the actor holds but must win again before the
    step (a chair whose congress sits before the nomination), is an objective at that
    sitting: an incumbent stands by right, and losing it loses the ticket."""
    if position not in reckoner.me.positions:
        return
    for gate in reckoner.atlas.gates.get(position, ()):
        if gate.kind != "contest" or gate.contest is None:
            continue
        contest = reckoner.atlas.contest(gate.contest)
        if not contest.incumbents_run:
            continue
        sitting = _next_sitting(reckoner, contest)
        if sitting >= step.turn or any(o.contest == contest.id and o.turn == sitting
                                       for o in goals.objectives):
            continue
        goals.objectives.append(Objective(
            contest.id, sitting, weight, reckoner.outlooks(contest.id, reckoner.party),
            reckoner.projected(contest, sitting), reckoner.strength(contest.id),
            reckoner.reachable(contest, sitting)))


def _secured(reckoner: Reckoner, step: Step) -> bool:
    """True when the actor already stands in the step's last sitting: what it took to get
    the ticket is no longer needed for it.  A ticket for an earlier sitting secures nothing:
    should that vote be lost, the office that gave the ticket gives the next one."""
    gate, me = step.gate, reckoner.me
    if gate.contest is None:
        return False
    if gate.contest not in me.registrations and gate.contest not in me.nominations:
        return False
    last = max([step.turn, *(turn for turn, _, _ in step.others)])
    return _next_sitting(reckoner, reckoner.atlas.contest(gate.contest)) >= last


def _next_sitting(reckoner: Reckoner, contest: ContestDef) -> int:
    """The turn of ``contest``'s next sitting by its schedule (this turn, if it sits now)."""
    return reckoner.turn + turns_until(contest.schedule.every, contest.schedule.offset,
                                       reckoner.turn)


def _held_at_sitting(reckoner: Reckoner, step: Step, position: str) -> bool:
    """True when the step's contest itself asks for ``position`` held when it sits."""
    contest = reckoner.view.book.contests[step.gate.contest or ""]
    return any(_names(cond, position) for cond in contest.requires)


def _names(cond: Condition, position: str) -> bool:
    """True when ``cond`` can ask for ``position`` held (a negated condition never does)."""
    if isinstance(cond, HoldsPosition):
        return not cond.ever and position in cond.positions
    if isinstance(cond, Tenure):
        return cond.position in (None, position)
    if isinstance(cond, AllOf | AnyOf):
        return any(_names(c, position) for c in cond.conditions)
    return False
