"""Reckoning roads: from where an actor stands, the likeliest way into each position.

For a position the reckoner tries every gate and every alternative of what the gate needs,
costs each atom (a prerequisite office is itself reckoned, a resource threshold takes the
turns the economy needs to reach it, a tenure takes its turns), schedules the deciding
contest on its calendar and reads its chance from the polls at the strength the actor can
have built by then (``schedule.py``).  The result, a ``Route``, says when the seat is likely
held, how likely that is before the career ends, and which gates lead there, prerequisites
first.
"""

from __future__ import annotations

from game.ai.planner.atlas import Atlas, Gate
from game.ai.planner.atoms import (
    Amount,
    Atom,
    Deadline,
    Ever,
    Governing,
    Held,
    Member,
    NonMember,
    NotHeld,
    PartyStrength,
    Served,
    Status,
)
from game.ai.planner.economy import Economy
from game.ai.planner.outlook import lead_chance, popularity_chance
from game.ai.planner.routes import HELD, Route, Step
from game.ai.planner.schedule import OutlookFn, Scheduler
from game.core.views import View

STEP_OVERHEAD = 0.25  # each further prerequisite adds this share of its time (shared agenda)
LEAVE_PARTY_CHANCE = 0.5  # a road that makes a member leave its party keeps this share
UNSURE_PARTY = 0.2  # a party condition not met now: the chance it will be
SEATS_HELD = 0.8  # a chamber strength the party has now: the chance it still has it then


AtomCost = tuple[float, float, list[Step]]  # turns, chance, steps it takes
MET: AtomCost = (0.0, 1.0, [])


class Reckoner(Scheduler):
    """Routes for one actor at one moment; memoised, so one reckoning serves a decision."""

    def __init__(self, view: View, atlas: Atlas, economy: Economy, outlooks: OutlookFn,
                 party: str | None = None, roads: tuple[frozenset[str], float] | None = None,
                 joining_now: bool = False) -> None:
        """``party``: the party the reckoning stands for (the actor's own by default; for an
        actor outside every party, one it may join later, or None to stay out);
        ``roads``: channels the actor prefers its road through, and how much more such a
        road is worth to it; ``joining_now``: reckon as if the actor joined ``party`` this
        turn."""
        super().__init__(view, atlas, economy, outlooks, party or view.me.party,
                         view.me.party or (party if joining_now else None))
        self.member_since = view.me.party_since if view.me.party else view.turn
        self.roads, self.commitment = roads or (frozenset(), 1.0)
        self._on_road = not self.roads.isdisjoint(view.me.channels)
        positions = view.book.positions
        self._serving = any(positions[p].neutral and atlas.channel_of.get(p) in self.roads
                            for p in view.me.positions)
        self.tops = frozenset(view.book.scenario.victory.positions)
        self._memo: dict[str, Route | None] = {}
        self._busy: set[str] = set()
        # atom costs by the position they are reckoned for ("": as things stand now), then
        # by the atom's identity (the atlas interns atoms)
        self._atoms: dict[str, dict[int, AtomCost | None]] = {}

    def route(self, position: str) -> Route | None:
        """The best way to hold ``position`` (None: no way before the career ends)."""
        if position in self.me.positions:
            return HELD
        memo = self._memo
        if position in memo:
            return memo[position]
        if position in self._busy:
            return None  # a cycle: this way needs itself
        self._busy.add(position)
        top = position in self.tops
        best: Route | None = None
        best_value = -1.0
        for gate in self.atlas.gates.get(position, ()):
            # an alternative met already, with no deadline, is the best this gate offers
            met = None
            for term in gate.needs:
                if self._met(term):
                    met = term
                    break
            for term in (met,) if met is not None else gate.needs:
                found = self._through(gate, term, best_value)
                if found is not None:
                    # a preferred road is chosen at the top only: preferring it for a
                    # prerequisite too would reach, say, a party's board through the civil
                    # service, a worse way into the party whatever the actor prefers
                    value = self._biased(found) if top else found.value
                    if value > best_value:
                        best, best_value = found, value
        self._busy.discard(position)
        memo[position] = best
        return best

    def _met(self, term: tuple[Atom, ...]) -> bool:
        """True when every atom of ``term`` holds now and none is a deadline."""
        known = self._atoms.get("")
        if known is None:
            known = self._atoms[""] = {}
        for atom in term:
            if type(atom) is Deadline:
                return False
            key = id(atom)
            if key in known:
                cost = known[key]
            else:
                cost = known[key] = self._atom_now(atom)
            if cost is None:
                return False
        return True

    def _atom_now(self, atom: Atom) -> AtomCost | None:
        """``_atom`` for an atom that holds now (no road needed), else None."""
        me = self.me
        kind = type(atom)
        if isinstance(atom, Held):
            return MET if atom.position in me.positions else None
        if isinstance(atom, Ever):
            pos = atom.position
            return MET if pos in me.first_held or pos in me.positions else None
        if kind is Served:
            return None
        cost = self._atom(atom, "")
        return cost if cost is not None and cost[0] == 0.0 and cost[1] == 1.0 else None

    def replace(self, steps: list[tuple[Gate, tuple[Atom, ...]]]) -> Route | None:
        """The road through ``steps`` (gates and alternatives, prerequisites first) placed
        again as the actor stands now; None if one of them no longer leads anywhere."""
        found: Route | None = None
        for gate, term in steps:
            if gate.position in self.me.positions:
                continue  # passed already
            found = self._through(gate, term)
            if found is None:
                return None
            self._memo[gate.position] = found
        return found

    def _biased(self, route: Route) -> float:
        """A route's value to this actor: its chance, and more on a road it prefers."""
        if not self.roads:
            return route.value
        if self._serving:
            # in a neutral service it prefers, the road that climbs on in it is preferred:
            # credited alike, any road from here won, and a diplomat left the service at its
            # first posting for a party road a little likelier on paper, the years spent
            # getting in lost.  Outside a service, climbing on in a channel is no virtue: a
            # populist held to campaign posts won half as often
            channel_of = self.atlas.channel_of
            preferred = any(channel_of.get(step.gate.position) in self.roads
                            for step in route.steps[:-1])
            return route.value * (self.commitment if preferred else 1.0)
        if self._on_road:
            # every road from here has passed through a preferred channel already: crediting
            # only roads that enter one again would make leaving it and coming back look best
            return route.value * self.commitment
        entries = self.atlas.entries
        # a road goes through a channel where it enters it, as the engine counts channels;
        # the last step is the top post itself, and automatic seats come by themselves
        preferred = any(entries.get(step.gate.position) in self.roads
                        for step in route.steps[:-1] if step.gate.kind != "automatic")
        return route.value * (self.commitment if preferred else 1.0)

    # ------------------------------------------------------------------ one gate, one term
    def _through(self, gate: Gate, term: tuple[Atom, ...], beat: float = -1.0
                 ) -> Route | None:
        """The route through ``gate`` meeting its needs by ``term`` (None: no way, or no way
        worth more than ``beat``: the gate can only lower what its prerequisites allow)."""
        chance = 1.0
        steps: list[Step] = []
        seen: set[int] = set()
        longest = extra = 0.0
        latest = float(self.last)
        position = gate.position
        atoms = self._atoms.get(position)
        if atoms is None:
            atoms = self._atoms[position] = {}
        for atom in term:
            if type(atom) is Deadline:
                latest = min(latest, self._deadline(atom))
                continue
            key = id(atom)
            if key in atoms:
                cost = atoms[key]
            else:
                cost = atoms[key] = self._atom(atom, position)
            if cost is None:
                return None
            turns, p, sub = cost
            if sub:
                fresh = [s for s in sub if id(s) not in seen] if seen else sub
                if not fresh:
                    continue  # the same prerequisites as another atom: counted once
                steps.extend(fresh)
                seen.update(map(id, fresh))
            if turns > longest:
                longest, extra = turns, extra + longest
            else:
                extra += turns
            chance *= p
        ready = longest + STEP_OVERHEAD * extra
        if chance * self.commitment <= beat:
            return None
        placed = self._place(gate, ready, latest)
        if placed is None:
            return None
        turn, p_once, p_total, expected, others = placed
        steps.append(Step(gate, turn, p_once, term, others))
        return Route(position, expected, chance * p_total, tuple(steps))

    def _deadline(self, atom: Deadline) -> float:
        if atom.high is None:
            return float(self.last)
        if not atom.age:
            return atom.high
        scenario = self.view.book.scenario
        years_left = atom.high - scenario.start_age
        return 1 + years_left * 12 / scenario.months_per_turn

    # ------------------------------------------------------------------ atoms
    def _atom(self, atom: Atom, for_position: str) -> tuple[float, float, list[Step]] | None:
        me = self.me
        # atoms are final classes: comparing types is the same test as isinstance, cheaper
        if type(atom) is Held or type(atom) is Ever:
            if atom.position in me.positions or (
                    type(atom) is Ever and atom.position in me.first_held):
                return 0.0, 1.0, []
            if atom.position == for_position:
                return None
            sub = self.route(atom.position)
            return None if sub is None else (sub.turns, sub.chance, list(sub.steps))
        if type(atom) is Served:
            return self._served(atom, for_position)
        if type(atom) is NotHeld:
            return None if not atom.positions.isdisjoint(me.positions) else (0.0, 1.0, [])
        if type(atom) is Member:
            return self._member(atom)
        if type(atom) is NonMember:
            return (0.0, 1.0, []) if self.member_of is None else (1.0, LEAVE_PARTY_CHANCE, [])
        if type(atom) is Amount:
            return self._amount(atom)
        if type(atom) is PartyStrength:
            return 0.0, self._party_strength(atom), []
        if type(atom) is Governing:
            return 0.0, self._governing(atom), []
        if type(atom) is Status:
            return self._status(atom)
        return 0.0, 1.0, []

    def _served(self, atom: Served, for_position: str) -> tuple[float, float, list[Step]] | None:
        me = self.me
        if atom.position is None:
            held = [self.turn - h.since for h in me.positions.values()]
            return (max(0.0, atom.turns - max(held)) if held else atom.turns + 1.0), 1.0, []
        holding = me.positions.get(atom.position)
        if holding is not None:
            return max(0.0, atom.turns - (self.turn - holding.since)), 1.0, []
        if atom.position == for_position:
            return None
        sub = self.route(atom.position)
        if sub is None:
            return None
        return sub.turns + atom.turns, sub.chance, list(sub.steps)

    def _member(self, atom: Member) -> tuple[float, float, list[Step]] | None:
        me = self.me
        member = self.member_of
        if member is not None and (atom.party is None or atom.party == member):
            return max(0.0, atom.turns - (self.turn - self.member_since)), 1.0, []
        if self.party is None or (atom.party is not None and atom.party != self.party):
            return None  # this reckoning stays out of parties (or out of that one)
        chance, turns = 1.0, 1.0 + atom.turns
        book = self.view.book
        if any(book.positions[p].neutral for p in me.positions):
            # a neutral post has to go first: a resignation takes a move, and without one the
            # post must lapse by itself.  No discount beyond that: a road that takes the
            # same post later and leaves it then was never discounted, and reckoning the two
            # differently made actors resign a post only to take it again
            if self.atlas.resign_moves:
                turns += 0.5
            else:
                chance = LEAVE_PARTY_CHANCE
        if member is not None:
            chance *= LEAVE_PARTY_CHANCE
        return turns, chance, []

    def _amount(self, atom: Amount) -> tuple[float, float, list[Step]] | None:
        now = self.me.resources.get(atom.resource, 0.0)
        if atom.low is not None and now < atom.low:
            rate = self.economy.rates.get(atom.resource, 0.0)
            return None if rate <= 0 else ((atom.low - now) / rate, 1.0, [])
        if atom.high is not None and now > atom.high:
            return 4.0, 0.5, []  # above a cap: only decay and events bring it down
        return 0.0, 1.0, []

    def _party_strength(self, atom: PartyStrength) -> float:
        party = self.party
        view = self.view
        if atom.position is not None:
            chamber = view.party_seats.get(atom.position, {})
            if party is None:
                return UNSURE_PARTY
            if chamber:
                mine = chamber.get(party, 0)
                total = sum(chamber.values()) or 1
                if mine >= atom.share * total and mine > 0 and (
                        not atom.largest or all(n < mine for p, n in chamber.items()
                                                if p != party)):
                    return SEATS_HELD
            # the chamber elected next follows popularity: the party's chance to be that
            # strong then (a fixed guess made a small party's road look as good as a large one's)
            chance = lead_chance(view, party) if atom.largest else 1.0
            if atom.share:
                popular = sum(view.popularity(q.id) for q in view.book.scenario.parties)
                chance *= popularity_chance(view.popularity(party) - atom.share * popular)
            return min(max(chance, 0.02), SEATS_HELD)
        if party is None:
            pops = [view.popularity(q.id) for q in view.book.scenario.parties]
            fits = any((atom.low is None or v >= atom.low) and (atom.high is None or v <= atom.high)
                       for v in pops)
            return 1.0 if fits else UNSURE_PARTY
        pop = view.popularity(party)
        fits = (atom.low is None or pop >= atom.low) and (atom.high is None or pop <= atom.high)
        return 1.0 if fits else UNSURE_PARTY

    def _governing(self, atom: Governing) -> float:
        """A government is the parties' doing: as it stands now, or a party's fair chance."""
        parties = self.view.coalitions.get(atom.chamber, [])
        inside = self.party is not None and self.party in parties and (
            not atom.leads or parties[0] == self.party)
        return 1.0 if inside == atom.member else UNSURE_PARTY

    def _status(self, atom: Status) -> tuple[float, float, list[Step]] | None:
        has = atom.status in self.me.statuses
        if has == atom.present:
            return 0.0, 1.0, []
        if atom.present:
            return None  # statuses come from events, not from plans
        until = self.me.statuses[atom.status]
        return (float(max(until - self.turn, 1)) if until else 6.0), 0.6, []
