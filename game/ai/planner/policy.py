"""The ``planner`` policy: choose a road to the top, then spend each turn on what the road needs.

Each decision: reckon the best road to a victory position from where the actor stands (for a
party-less actor, once per party it could join), turn it into goals (contests to win, what
rides on each, thresholds, funds to keep), price resources and effects from those goals, and
take the command worth most (``valuing.py``).  Event cards are answered by the same prices,
statuses priced by their consequences.  Between turns the policy remembers only the road it
follows, which saves keep; within a turn it keeps the plan of its first move, and an event
card gets a plan of its own, so every save the game makes continues exactly.
"""

from __future__ import annotations

import copy
import dataclasses
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
from game.ai.planner.values import Valuation, build_valuation, legacy_terms
from game.ai.planner.valuing import LEAVE_FLOOR, LEAVING, NO_PARTY, CommandValuer
from game.ai.planner.worth import MARGIN, Deferred
from game.core import Command, MakeMove
from game.core.effects import leave_party
from game.core.rulebook import Rulebook
from game.core.scenario import PersonaDef
from game.core.views import View

FUNDS = "funds"
LIKELY_PARTIES = 2  # parties an actor outside every party reckons in full
# a road begun later keeps less than its share of the turns left: sittings are missed and
# tenure is not built meanwhile (a detour of a sixth of the career halves the road after it)
DETOUR_DELAY = 4
# a member leaves its party for a road in another only if that road promises this many times
# what staying does: the other party is reckoned from outside it, without its rivals' plans,
# and switching back and forth would spend the career on party cards
SWITCH_PRICE = 2.0
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
    scale: float = 1.0  # a detour's share of the road's chance resting on the road after it


class PlannerPolicy(CommandValuer):
    """Plays to reach the scenario's victory position; personas bias its roads and tastes
    (how it values a command: ``valuing.CommandValuer``)."""

    def __init__(self, book: Rulebook, persona: PersonaDef, name: str | None = None) -> None:
        super().__init__(book, persona)
        self.name = name or persona.id
        self.atlas = atlas_for(book)
        self.economy = economy_for(book)
        self.roads = (frozenset(persona.roads), persona.commitment)
        # per actor: the turn plan and the key it was made for; polls read this turn
        self._plans: dict[str, tuple[tuple[PlanShape, PlanEntries], TurnPlan]] = {}
        self._outlook_cache: dict[str, dict[tuple[str, str | None], Outlook]] = {}
        # the plan for the event card being answered, and the card it was made for
        self._card_plan: tuple[tuple[int, str, int], TurnPlan] | None = None
        self._roads: dict[str, RoadMemory] = {}  # per actor: the road followed for a while
        self._legacy = legacy_terms(book, persona)

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
        if me.party is None and LEAVING in memory.parties:
            return None  # a road reckoned inside the party the actor has left
        party = me.party or memory.party
        reckoner = self._reckoner(view, party, cache, memory.joining and me.party is None)
        road = reckoner.replace(steps)
        if road is None:
            return None
        if memory.scale != 1.0:
            road = dataclasses.replace(road, chance=road.chance * memory.scale)
        return self._regoal(view, TurnPlan(reckoner, road, dict(memory.parties),
                                           scale=memory.scale))

    def _reckon(self, view: View, cache: dict[tuple[str, str | None], Outlook]) -> TurnPlan:
        """Every road reckoned afresh; the chosen one is remembered for the turns to come."""
        made = self._make_plan(view, cache)
        me = view.me
        if made.road is not None and made.road.steps:
            joining = made.reckoner.member_of is not None and me.party is None
            memory = remember(self.atlas, view.turn, made.reckoner.party, joining, made.road,
                              made.parties, made.scale)
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
        stay = reckoner = self._reckoner(view, view.me.party, cache)
        outside = view.me.party is None
        # outside every party where the top needs one, staying out leads nowhere
        road = None if outside and self.atlas.top_needs_party else self.best_road(reckoner)
        value = reckoner._biased(road) if road is not None else 0.0
        joining: dict[str, float] | None = None  # for an actor who may join a party
        waiting = value
        if outside and self.atlas.join_moves:
            reckoner, road, value, joining, waiting = self._party_choice(view, cache, reckoner,
                                                                         road)
        scale = 1.0
        detour = self._detour(stay, road, value) if outside else None
        if detour is not None:
            reckoner, road, worth, scale = stay, *detour
            waiting = max(waiting, worth)
        parties: dict[str, float] = {}
        if joining is not None:
            parties = {p: v - waiting for p, v in joining.items()}
            floor = min(parties.values(), default=0.0) - 0.01
            for pdef in self.book.scenario.parties:
                parties.setdefault(pdef.id, floor)
            parties[NO_PARTY] = 0.0
        elif not outside and self.atlas.leave_moves and self.atlas.join_moves:
            parties[LEAVING] = self._switch(view, value)
        return self._regoal(view, TurnPlan(reckoner, road, parties, scale=scale))

    def _switch(self, view: View, staying: float) -> float:
        """What leaving its party is worth to a member whose best road there is worth
        ``staying``: the best road joining one of the likeliest other parties at once,
        reckoned as the actor would stand outside (party posts, nominations and standing
        gone with the card), at ``1 / SWITCH_PRICE`` of its worth less the share the
        persona's ``loyalty`` forgoes, less ``staying``.  A member of the likeliest party of
        all looks no further: no other promises more."""
        me = view.me
        likely = self._likely_parties(view)
        if likely[0] == me.party or self.persona.loyalty >= 1.0:
            return -max(staying, LEAVE_FLOOR)
        state = view.clone(0)
        leave_party(state, state.actors[me.id], [])
        outside = View(state, me.id)
        looks: dict[tuple[str, str | None], Outlook] = {}  # strengths differ outside
        best = 0.0
        for party in likely:
            if party == me.party:
                continue
            other = self._reckoner(outside, party, looks, True)
            found = self.best_road(other)
            if found is not None:
                best = max(best, other._biased(found))
        return best * (1.0 - self.persona.loyalty) / SWITCH_PRICE - staying

    def _regoal(self, view: View, made: TurnPlan) -> TurnPlan:
        """Goals and prices for the plan's road as the actor stands now."""
        goals = goals_for(made.reckoner, made.road)
        valuation = build_valuation(view, goals, self.persona, self.economy.rates,
                                    self._legacy)
        return TurnPlan(made.reckoner, made.road, made.parties, goals, valuation,
                        scale=made.scale)

    def _detour(self, stay: Reckoner, road: Route | None, value: float
                ) -> tuple[Route, float, float] | None:
        """For a persona whose career has not yet entered a channel it prefers, and whose best
        road (worth ``value`` to it) passes through none: the road into such a channel first,
        and its worth, when that beats ``value``.  A diplomat begins in the foreign service,
        a technocrat in the civil service, as their rivals do, even when the party road
        alone looks likelier; the road from there is reckoned once the channel is entered.

        The detour's chance is entering the channel times the best road's chance, shortened
        by the turns spent getting in; ``stay``: the reckoning as the actor stands.  Returns
        the detour, its worth, and the share of its chance that rests on the road after it."""
        roads, commitment = self.roads
        if not roads or stay._on_road or (road is not None and stay._biased(road) > road.value):
            return None
        follow = road.chance if road is not None else 0.0
        left = max(1.0, float(stay.last - stay.turn))
        best: tuple[Route, float, float] | None = None
        for position, channel in self.atlas.entries.items():
            if channel not in roads:
                continue
            entry = stay.route(position)
            if entry is None or not entry.steps:
                continue
            scale = follow * max(0.0, 1.0 - entry.turns / left) ** DETOUR_DELAY
            detour = Route(position, entry.turns, entry.chance * scale, entry.steps)
            worth = detour.value * commitment
            if worth > value and (best is None or worth > best[1]):
                best = (detour, worth, scale)
        return best

    def _party_choice(self, view: View, cache: dict[tuple[str, str | None], Outlook],
                      stay: Reckoner, road: Route | None
                      ) -> tuple[Reckoner, Route | None, float, dict[str, float], float]:
        """For an actor outside every party: the best road joining one of the likeliest
        parties now, joining later, or never, and its worth; what the road joining each
        party now is worth (parties not reckoned are left out); and the worth of the best
        road that waits."""
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
        return best, best_road, best_value, now, waiting

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
        else:
            worth = self._worked_out(view, val, made.goals, made.parties, command, found)
        price = self._prices[command.move]
        if price:
            funds = view.me.resources.get(FUNDS, 0.0)
            worth += val._funds(funds, funds - price)
        return worth

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
            command = legal[index]
            assert isinstance(command, MakeMove)
            worth = known[key] = self._worked_out(view, val, goals, parties, command, deferred)
            value = values[index] = worth + paid
            if value > best_value:
                best_value = value

    def _worked_out(self, view: View, val: Valuation, goals: Goals, parties: dict[str, float],
                    command: MakeMove, deferred: Deferred | None) -> float:
        """A move's worth in full, as of the moment its deferred worth was first asked for
        (now, if it was not deferred or was asked for at this decision)."""
        if deferred is not None and deferred.view is not None:
            return self.value(deferred.view, deferred.valuation or val, goals, parties, command)
        return self.value(view, val, goals, parties, command)
