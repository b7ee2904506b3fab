"""The ``planner`` policy: choose a road to the top, then spend each turn on what the road needs.

Each decision: reckon the best road to a victory position from where the actor stands (for a
party-less actor, once per party it could join), turn it into goals (contests to win, what
rides on each, thresholds, funds to keep), price resources and effects from those goals, and
take the command worth most.  Event cards are answered by the same prices, statuses priced by
their consequences.  The policy keeps no memory between decisions: the same view gives the same
choice, so saves, replays and reloads never change what it does.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.ai.planner.atlas import atlas_for
from game.ai.planner.economy import economy_for
from game.ai.planner.goals import Goals, goals_for
from game.ai.planner.memory import RoadMemory, from_data, remember, steps_of
from game.ai.planner.outlook import Outlook, outlook
from game.ai.planner.reckoner import Reckoner
from game.ai.planner.routes import Route, stays_out_first
from game.ai.planner.statuses import choice_value
from game.ai.planner.values import Valuation, build_valuation, legacy_terms
from game.ai.planner.worth import (
    MARGIN,
    Deferred,
    MoveShape,
    Split,
    giving_up,
    seat_worth,
    split_effects,
)
from game.core import ChooseOption, Command, EndTurn, MakeMove
from game.core.rulebook import Rulebook
from game.core.rules import (
    AddStatus,
    ChangePartyPopularity,
    ChangeResource,
    Effect,
    EnterContest,
    GainPosition,
    JoinParty,
    LeaveParty,
    LosePosition,
    Nominate,
    RemoveStatus,
    Retire,
)
from game.core.scenario import PersonaDef
from game.core.views import View

FUNDS = "funds"
NO_PARTY = ""  # key of the road's value without joining any party
LIKELY_PARTIES = 2  # parties an actor outside every party reckons in full
STAND = 0.5  # share of a step's weight credited for entering its contest
AGENDA_VALUE = 0.003  # victory units an agenda point is worth in an ordinary turn
HASTE = 0.002  # a tiny preference for acting now over ending the turn
RISK_AVERSION = 0.5  # how much of the spread of a risky move's outcomes a cautious persona
# counts against it


_STANDS = (EnterContest, Nominate)  # effects that enter a contest (a tuple: faster to test)
PlanShape = tuple[int, str | None, tuple[str, ...], tuple[str, ...]]  # turn, party, offices,
# statuses: what a reckoning of roads depends on
PlanEntries = tuple[tuple[str, ...], tuple[str, ...]]  # registrations and nominations


@dataclass(slots=True)
class TurnPlan:
    """One actor's plan for a turn: the road and how it was reckoned, the road's value by
    party to join, and the goals and prices it sets."""

    reckoner: Reckoner
    road: Route | None
    parties: dict[str, float]
    goals: Goals = field(default_factory=lambda: Goals(None))
    valuation: Valuation | None = None
    agenda_value: float | None = None  # set at the plan's first decision
    # worth of each (move, target) once asked for in this plan (a bound, for some, until needed)
    move_values: dict[tuple[str, str | None], float | Deferred] = field(default_factory=dict)


class PlannerPolicy:
    """Plays to reach the scenario's victory position; personas bias its roads and tastes."""

    def __init__(self, book: Rulebook, persona: PersonaDef, name: str | None = None) -> None:
        self.name = name or persona.id
        self.book = book
        self.persona = persona
        self.atlas = atlas_for(book)
        self.economy = economy_for(book)
        self.bias = dict(persona.channel_bias)
        self.roads = (frozenset(persona.roads), persona.commitment)
        # per actor: the turn plan and the key it was made for; polls read this turn
        self._plans: dict[str, tuple[tuple[PlanShape, PlanEntries], TurnPlan]] = {}
        self._outlook_cache: dict[str, dict[tuple[str, str | None], Outlook]] = {}
        # the plan for the event card being answered, and the card it was made for
        self._card_plan: tuple[tuple[int, str, int], TurnPlan] | None = None
        self._roads: dict[str, RoadMemory] = {}  # per actor: the road followed for a while
        self._shapes: dict[str, MoveShape] = {}  # per move, see _shape
        self._distaste: dict[tuple[str, str, str], float] = {}  # see _scruples
        self._prices = {m.id: m.funds for m in book.scenario.moves}  # funds each move costs
        self._legacy = legacy_terms(book, persona)
        # a move's worth rises with the chances of the contests it enters (a bound that counts
        # them as won holds) unless a persona's caution is out of its usual range
        caution = (1.0 - persona.risk) * RISK_AVERSION
        self._may_bound = 0.0 <= caution <= 1.0
        self._bounding = self._bounded = False

    # ------------------------------------------------------------------ planning
    def _reckoner(self, view: View, party: str | None,
                  cache: dict[tuple[str, str | None], Outlook],
                  joining_now: bool = False) -> Reckoner:
        def look(contest: str, as_party: str | None) -> Outlook:
            key = (contest, as_party)
            found = cache.get(key)
            if found is None:
                holders = self.atlas.ticket_holders.get(contest, frozenset())
                found = cache[key] = outlook(view, contest, as_party, holders)
            return found

        return Reckoner(view, self.atlas, self.economy, look, party, self.roads, joining_now)

    def best_road(self, reckoner: Reckoner) -> Route | None:
        """The best road to any victory position for ``reckoner``'s actor."""
        best: Route | None = None
        for position in self.book.scenario.victory.positions:
            route = reckoner.route(position)
            if route is not None and (best is None or reckoner._biased(route) >
                                      reckoner._biased(best)):
                best = route
        return best

    def plan(self, view: View) -> TurnPlan:
        """The deciding actor's plan for its moves this turn, made at its first move.  Roads
        are reckoned again only when the actor's situation changes shape (an office, a party,
        a status); an entry or a nomination only redraws the goals.  Reckoning roads is the
        costly part of deciding.

        An event card is answered with a plan of its own, made for that decision alone: a
        plan kept from a card to the moves that follow would depend on when it was made,
        and a career saved between the two (the player's decisions come between them) would
        play on differently once loaded."""
        me = view.me
        if view.phase == "choose":
            return self._plan_for_card(view)
        shape = (view.turn, me.party, tuple(me.positions), tuple(me.statuses))
        entries = (tuple(me.registrations), tuple(me.nominations))
        cached = self._plans.get(me.id)
        if cached is not None and cached[0] == (shape, entries):
            return cached[1]
        if cached is not None and cached[0][0][0] != view.turn:
            self._outlook_cache.pop(me.id, None)
        outlooks = self._outlook_cache.setdefault(me.id, {})
        if cached is not None and cached[0][0] == shape:
            made = self._regoal(view, cached[1])
        else:
            made = self._follow(view, outlooks) or self._reckon(view, outlooks)
        self._plans[me.id] = ((shape, entries), made)
        return made

    def _plan_for_card(self, view: View) -> TurnPlan:
        moment = (view.turn, view.me.id, view.choices_pending)
        if self._card_plan is None or self._card_plan[0] != moment:
            outlooks: dict[tuple[str, str | None], Outlook] = {}
            made = self._follow(view, outlooks) or self._reckon(view, outlooks)
            self._card_plan = (moment, made)
        return self._card_plan[1]

    def _follow(self, view: View, cache: dict[tuple[str, str | None], Outlook]
                ) -> TurnPlan | None:
        """The remembered road, placed again as the actor stands now (None if there is none
        to follow, or it no longer leads anywhere)."""
        me = view.me
        memory = self._roads.get(me.id)
        if memory is None or not memory.fresh(view.turn):
            return None
        steps = steps_of(self.atlas, memory)
        if not steps or (me.party is not None and memory.party not in (None, me.party)):
            return None
        party = me.party or memory.party
        reckoner = self._reckoner(view, party, cache, memory.joining and me.party is None)
        road = reckoner.replace(steps)
        if road is None:
            return None
        return self._regoal(view, TurnPlan(reckoner, road, dict(memory.parties)))

    def _reckon(self, view: View, cache: dict[tuple[str, str | None], Outlook]) -> TurnPlan:
        """Every road reckoned afresh; the chosen one is remembered for the turns to come."""
        made = self._make_plan(view, cache)
        me = view.me
        if made.road is not None and made.road.steps:
            joining = made.reckoner.member_of is not None and me.party is None
            memory = remember(self.atlas, view.turn, made.reckoner.party, joining, made.road,
                              made.parties)
            if memory is not None:
                self._roads[me.id] = memory
                return made
        self._roads.pop(me.id, None)
        return made

    def memory(self) -> dict[str, Any]:
        """What this policy remembers, per actor, as plain data (saves keep it)."""
        return {aid: m.to_data() for aid, m in sorted(self._roads.items())}

    def recall(self, data: Mapping[str, Any]) -> None:
        """Take back, per actor, a memory from ``memory()`` (malformed entries dropped)."""
        for aid, raw in data.items():
            self._plans.pop(aid, None)
            self._outlook_cache.pop(aid, None)
            memory = from_data(raw)
            if memory is None:
                self._roads.pop(aid, None)
            else:
                self._roads[aid] = memory

    def _make_plan(self, view: View, cache: dict[tuple[str, str | None], Outlook]) -> TurnPlan:
        reckoner = self._reckoner(view, view.me.party, cache)
        outside = view.me.party is None
        # outside every party where the top needs one, staying out leads nowhere
        road = None if outside and self.atlas.top_needs_party else self.best_road(reckoner)
        parties: dict[str, float] = {}
        if outside and self.atlas.join_moves:
            reckoner, road, parties = self._party_choice(view, cache, reckoner, road)
        return self._regoal(view, TurnPlan(reckoner, road, parties))

    def _regoal(self, view: View, made: TurnPlan) -> TurnPlan:
        """Goals and prices for the plan's road as the actor stands now."""
        goals = goals_for(made.reckoner, made.road)
        valuation = build_valuation(view, goals, self.persona, self.economy.rates,
                                    self._legacy)
        return TurnPlan(made.reckoner, made.road, made.parties, goals, valuation)

    def _party_choice(self, view: View, cache: dict[tuple[str, str | None], Outlook],
                      stay: Reckoner, road: Route | None
                      ) -> tuple[Reckoner, Route | None, dict[str, float]]:
        """For an actor outside every party: the best road joining one of the likeliest
        parties now, joining later, or never.  ``parties`` holds what joining each party now
        adds over the best road that waits; parties not reckoned get less than any that was."""
        best, best_road = stay, road
        best_value = stay._biased(road) if road is not None else 0.0
        waiting = best_value
        now: dict[str, float] = {}
        likely = self._likely_parties(view)
        book = self.book
        can_join = not any(book.positions[p].neutral for p in view.me.positions)
        # a neutral post rules out joining this turn: only the road that joins later counts
        tries = [(p, True) for p in likely] if can_join else []
        for party, joining in [*tries, (likely[0], False)]:
            other = self._reckoner(view, party, cache, joining)
            found = self.best_road(other)
            value = other._biased(found) if found is not None else 0.0
            if joining:
                now[party] = value
            elif found is not None and stays_out_first(found):
                waiting = max(waiting, value)  # waiting only pays on a road that needs it
            if found is not None and value > best_value:
                best, best_road, best_value = other, found, value
        parties = {p: v - waiting for p, v in now.items()}
        floor = min(parties.values(), default=0.0) - 0.01
        for pdef in self.book.scenario.parties:
            parties.setdefault(pdef.id, floor)
        parties[NO_PARTY] = 0.0
        return best, best_road, parties

    def _likely_parties(self, view: View) -> list[str]:
        """The parties worth reckoning: the most popular, discounted where a rival already
        holds an office that takes the party's ticket."""
        holders = frozenset().union(*self.atlas.ticket_holders.values())

        def score(party: str) -> tuple[float, str]:
            taken = any(a.party == party and a.active and not holders.isdisjoint(a.positions)
                        for aid, a in view.actors.items() if aid != view.me.id)
            return view.popularity(party) * (0.5 if taken else 1.0), party

        ranked: list[str] = sorted((p.id for p in self.book.scenario.parties), key=score,
                                   reverse=True)
        return ranked[:LIKELY_PARTIES]

    # ------------------------------------------------------------------ choosing
    def choose(self, view: View, legal: Sequence[Command], rng: random.Random) -> Command:
        """The command worth most under the plan; ties go to the first listed.

        A move's worth is computed once per plan (its price in funds every time, since the
        funds in hand change as the turn goes on)."""
        made = self.priced_plan(view, legal)
        goals, val, parties = made.goals, made.valuation, made.parties
        assert val is not None  # plan() always prices its goals
        known = made.move_values
        funds = view.me.resources.get(FUNDS, 0.0)
        prices = self._prices
        paying: dict[float, float] = {}  # the value of paying each price from these funds
        values: list[float | None] = []  # per command; None: worked out below, if it can win
        waiting: list[tuple[int, tuple[str, str | None], Deferred, float]] = []
        best_value = float("-inf")
        for command in legal:
            if type(command) is MakeMove:
                key = (command.move, command.target)
                worth = known.get(key)
                if worth is None:
                    worth = known[key] = self._first_worth(view, val, goals, parties, command)
                price = prices[command.move]
                paid = 0.0
                if price:
                    found = paying.get(price)
                    if found is None:
                        found = paying[price] = val._funds(funds, funds - price)
                    paid = found
                if isinstance(worth, Deferred):
                    waiting.append((len(values), key, worth, paid))
                    values.append(None)
                    continue
                value = worth + paid
            else:
                value = self.value(view, val, goals, parties, command)
            values.append(value)
            if value > best_value:
                best_value = value
        if waiting:
            self._settle(view, val, goals, parties, legal, known, values, waiting, best_value)
        best, best_value = legal[0], float("-inf")
        for command, found_value in zip(legal, values, strict=True):
            if found_value is not None and found_value > best_value:
                best, best_value = command, found_value
        return best

    def priced_plan(self, view: View, legal: Sequence[Command]) -> TurnPlan:
        """``plan``, with the agenda point priced from the commands of the plan's first
        decision."""
        made = self.plan(view)
        val = made.valuation
        assert val is not None  # plan() always prices its goals
        if made.agenda_value is None:
            made.agenda_value = val.agenda_value = self._agenda_value(view, val, legal)
        return made

    def worth(self, view: View, made: TurnPlan, command: Command) -> float:
        """What ``command`` is worth under ``made`` as ``choose`` weighs it now: a move at
        the worth the plan found when first asked, funds paid included.  Worked out in full
        and never kept, so explaining a decision never changes it."""
        val = made.valuation
        assert val is not None
        if not isinstance(command, MakeMove):
            return self.value(view, val, made.goals, made.parties, command)
        found = made.move_values.get((command.move, command.target))
        if isinstance(found, float):
            worth = found
        elif isinstance(found, Deferred) and found.view is not None:
            worth = self.value(found.view, found.valuation or val, made.goals, made.parties,
                               command)
        else:
            worth = self.value(view, val, made.goals, made.parties, command)
        price = self._prices[command.move]
        if price:
            funds = view.me.resources.get(FUNDS, 0.0)
            worth += val._funds(funds, funds - price)
        return worth

    def _first_worth(self, view: View, val: Valuation, goals: Goals, parties: dict[str, float],
                     command: MakeMove) -> float | Deferred:
        """A move's worth, or, when it enters a contest off the road, a bound on it with every
        such contest counted as won (asking the polls is the costly part of valuing)."""
        if not self._may_bound or self._shape(command.move).bias < 0:
            return self.value(view, val, goals, parties, command)
        self._bounding, self._bounded = True, False
        try:
            worth = self.value(view, val, goals, parties, command)
        finally:
            self._bounding = False
        return Deferred(worth) if self._bounded else worth

    def _settle(self, view: View, val: Valuation, goals: Goals, parties: dict[str, float],
                legal: Sequence[Command], known: dict[tuple[str, str | None], float | Deferred],
                values: list[float | None],
                waiting: list[tuple[int, tuple[str, str | None], Deferred, float]],
                best_value: float) -> None:
        """Work out the deferred worths that could still win, each as of the moment it was
        first asked for (as if worked out then); the rest keep a copy of this moment."""
        moment: tuple[View, Valuation] | None = None
        for index, key, deferred, paid in waiting:
            if deferred.bound + paid + MARGIN < best_value:
                if deferred.view is None:  # asked for now: kept for a later decision
                    if moment is None:
                        copied = View(view.clone(0), view.actor_id)
                        priced = copy.copy(val)
                        priced.view = copied
                        moment = copied, priced
                    deferred.view, deferred.valuation = moment
                continue
            at_view, at_val = (view, val) if deferred.view is None else (
                deferred.view, deferred.valuation or val)
            command = legal[index]
            assert isinstance(command, MakeMove)
            worth = known[key] = self.value(at_view, at_val, goals, parties, command)
            value = values[index] = worth + paid
            if value > best_value:
                best_value = value

    def _agenda_value(self, view: View, val: Valuation, legal: Sequence[Command]) -> float:
        """What an agenda point buys this turn: the mean of the best moves' resource gains,
        a checked move's at its chance (what else a move does is not for every turn)."""
        found = []
        per_move: dict[str, float] = {}  # a move's value is the same for every target
        per_change: dict[tuple[str, float], float] = {}  # many moves make the same change
        for command in legal:
            if type(command) is not MakeMove:
                continue
            value = per_move.get(command.move)
            if value is None:
                shape = self._shape(command.move)
                parts = []
                for change in shape.changes:
                    part = per_change.get(change)
                    if part is None:
                        part = per_change[change] = val.resource(*change)
                    parts.append(part)
                # sum(), as ever: from Python 3.12 it rounds differently from a loop of +=
                value = sum(parts)
                if shape.check is not None and shape.on_success is not None:
                    chance = view.chance(shape.check)
                    value += chance * val.total(shape.on_success[0])
                    if shape.on_failure is not None:
                        value += (1.0 - chance) * val.total(shape.on_failure[0])
                value = per_move[command.move] = value / shape.agenda
            found.append(value)
        found.sort(reverse=True)
        top = [v for v in found[: self.book.scenario.agenda_per_turn] if v > 0]
        return sum(top) / len(top) if top else 0.0

    def value(self, view: View, val: Valuation, goals: Goals, parties: dict[str, float],
              command: Command) -> float:
        """What ``command`` is worth now, in chances of reaching the top post (a move's
        price in funds apart)."""
        if isinstance(command, EndTurn):
            return 0.0
        if isinstance(command, ChooseOption):
            event = self.book.events[command.event]
            choice = next(c for c in event.choices if c.id == command.choice)
            chance = view.chance(choice.check) if choice.check is not None else None
            value = choice_value(choice, val.statuses, val.resource, chance)
            value += self._structure(view, val, goals, parties, choice.effects, None)
            return value - self._scruples(("choice", command.event, command.choice),
                                          choice.effects, choice.on_success)
        shape = self._shape(command.move)
        value = self._expected(view, val, goals, parties, shape, command.target,
                               view.gain_share(command.move))
        value *= shape.bias if value > 0 else 1.0
        return value + HASTE - shape.distaste

    def _shape(self, move: str) -> MoveShape:
        """What valuing ``move`` reads from the rules, read once."""
        found = self._shapes.get(move)
        if found is None:
            mdef = self.book.moves[move]
            found = self._shapes[move] = MoveShape(
                split_effects(mdef.effects) if mdef.effects else None,
                split_effects(mdef.on_success) if mdef.on_success else None,
                split_effects(mdef.on_failure) if mdef.on_failure else None,
                mdef.check, self.bias.get(mdef.channel, 1.0),
                self._scruples(("move", mdef.id, ""), mdef.effects, mdef.on_success),
                tuple((e.resource, e.delta) for e in mdef.effects
                      if isinstance(e, ChangeResource)),
                max(mdef.agenda, 1))
        return found

    def _expected(self, view: View, val: Valuation, goals: Goals, parties: dict[str, float],
                  shape: MoveShape, target: str | None, share: float = 1.0) -> float:
        effects, on_success, on_failure = shape.effects, shape.on_success, shape.on_failure
        base = self._effects(view, val, goals, parties, effects, target, share) if effects \
            else 0.0
        win = self._effects(view, val, goals, parties, on_success, target, share) \
            if on_success else 0.0
        check = shape.check
        if check is None:
            return base + win
        chance = view.chance(check)
        lose = self._effects(view, val, goals, parties, on_failure, target, share) \
            if on_failure else 0.0
        spread = abs(win - lose) * chance * (1.0 - chance)
        caution = (1.0 - self.persona.risk) * RISK_AVERSION
        return base + chance * win + (1.0 - chance) * lose - caution * spread

    def _effects(self, view: View, val: Valuation, goals: Goals, parties: dict[str, float],
                 split: Split, target: str | None, share: float = 1.0) -> float:
        """What effects (split into resource changes and the rest) are worth; ``share``
        scales their resource gains (a move made again within its window yields less)."""
        changes, others = split
        total = val.total(changes, share)
        for eff in others:
            if isinstance(eff, AddStatus):
                total += 0.0 if eff.status in view.me.statuses else val.statuses.get(
                    eff.status, 0.0)
            elif isinstance(eff, RemoveStatus):
                total -= val.statuses.get(eff.status, 0.0) if eff.status in view.me.statuses \
                    else 0.0
            elif isinstance(eff, ChangePartyPopularity):
                own = eff.party is None and not eff.every_party
                total += val.popularity * eff.delta if own else 0.0
        return total + self._structure(view, val, goals, parties, others, target) if others \
            else total

    def _structure(self, view: View, val: Valuation, goals: Goals,
                   parties: dict[str, float], effects: tuple[Effect, ...],
                   target: str | None) -> float:
        total = 0.0
        for eff in effects:
            if isinstance(eff, _STANDS):
                total += self._stand(view, val, goals, eff.contest)
            elif isinstance(eff, GainPosition):
                total += self._seat(view, val, goals, eff.position)
            elif isinstance(eff, JoinParty):
                party = eff.party or target or ""
                total += parties.get(party, 0.0) - parties.get(NO_PARTY, 0.0)
            elif isinstance(eff, LeaveParty):
                total -= max(goals.chance, 0.05)
            elif isinstance(eff, LosePosition):
                lost = eff.position or target or ""
                if lost in view.me.positions:
                    total += giving_up(self.book, view, val, goals, lost)
            elif isinstance(eff, Retire):
                total -= 1.0
        return total

    def _stand(self, view: View, val: Valuation, goals: Goals, contest_id: str) -> float:
        planned = goals.entries.get(contest_id)
        if planned is not None:
            return STAND * planned + 0.01
        contest = self.book.contests[contest_id]
        if self._bounding:  # the chance is at most 1 (see _first_worth)
            self._bounded = True
            worth = seat_worth(self.book, view, val, goals, contest.position)
            return worth if worth > 0.0 else 0.0
        chance = view.win_chance(contest_id)
        return chance * seat_worth(self.book, view, val, goals, contest.position)

    def _seat(self, view: View, val: Valuation, goals: Goals, position: str) -> float:
        planned = goals.positions.get(position)
        if planned is not None:
            return STAND * planned + 0.01
        return seat_worth(self.book, view, val, goals, position)

    def _scruples(self, key: tuple[str, str, str], effects: tuple[Effect, ...],
                  on_success: tuple[Effect, ...]) -> float:
        """The persona's distaste for a dirty choice (a hidden status is a skeleton), once
        per move or event answer (``key``): it depends on nothing else."""
        found = self._distaste.get(key)
        if found is None:
            found = self._distaste[key] = self._distaste_of(effects + on_success)
        return found

    def _distaste_of(self, effects: tuple[Effect, ...]) -> float:
        ethics = self.persona.ethics
        if not ethics:
            return 0.0
        dirty = any(isinstance(e, AddStatus) and self.book.statuses[e.status].hidden
                    for e in effects)
        return ethics * 0.05 if dirty else 0.0
