"""Reckoning roads: from where an actor stands, the likeliest way into each position.

For a position the reckoner tries every gate and every alternative of what the gate needs,
costs each atom (a prerequisite office is itself reckoned, a resource threshold takes the
turns the economy needs to reach it, a tenure takes its turns), schedules the deciding
contest on its calendar and reads its chance from the polls at the strength the actor can
have built by then.  The result, a ``Route``, says when the seat is likely held, how likely
that is before the career ends, and which gates lead there, prerequisites first.
"""

from __future__ import annotations

import math
from collections.abc import Callable

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
from game.ai.planner.outlook import FLOOR, TOP, Outlook
from game.ai.planner.routes import HELD, Route, Step
from game.core.conditions import turns_until
from game.core.scenario import ContestDef
from game.core.views import View

RETRIES = 3  # sittings a plan counts on for one step at least...
RETRY_SPAN = 12  # ...or as many as sit within this many turns
DRIFT = 0.8  # strength points per turn ahead by which the unknown future widens a poll
AIM = 0.8  # a plan aims at the first sitting with this share of the best sitting's chance
STEP_OVERHEAD = 0.25  # each further prerequisite adds this share of its time (shared agenda)
LEAVE_PARTY_CHANCE = 0.5  # a road that makes a member leave its party keeps this share
UNSURE_PARTY = 0.2  # a party condition not met now: the chance it will be


_OFFICES = (Held, Ever)  # atoms that need an office (a tuple: faster to test than a union)
_SQRT_HALF = math.sqrt(0.5)
AtomCost = tuple[float, float, list[Step]]  # turns, chance, steps it takes
MET: AtomCost = (0.0, 1.0, [])
# sitting, chance there, chance within tries, expected turns, the other sittings tried
Placement = tuple[int, float, float, float, tuple[tuple[int, float, int], ...]]
OutlookFn = Callable[[str, str | None], Outlook]


class Reckoner:
    """Routes for one actor at one moment; memoised, so one reckoning serves a decision."""

    def __init__(self, view: View, atlas: Atlas, economy: Economy, outlooks: OutlookFn,
                 party: str | None = None, roads: tuple[frozenset[str], float] | None = None,
                 joining_now: bool = False) -> None:
        """``party``: the party the reckoning stands for (the actor's own by default; for an
        actor outside every party, one it may join later, or None to stay out);
        ``roads``: channels the actor prefers its road through, and how much more such a
        road is worth to it; ``joining_now``: reckon as if the actor joined ``party`` this
        turn."""
        self.view = view
        self.atlas = atlas
        self.economy = economy
        self.outlooks = outlooks
        self.me = view.me
        self.party = party or view.me.party
        self.member_of = view.me.party or (party if joining_now else None)
        self.member_since = view.me.party_since if view.me.party else view.turn
        self.roads, self.commitment = roads or (frozenset(), 1.0)
        self._on_road = not self.roads.isdisjoint(view.me.channels)
        self.turn = view.turn
        self.last = view.book.scenario.max_turns
        self._memo: dict[str, Route | None] = {}
        self._busy: set[str] = set()
        self._strengths: dict[str, float] = {}
        # atom costs by the position they are reckoned for ("": as things stand now), then
        # by the atom's identity (the atlas interns atoms)
        self._atoms: dict[str, dict[int, AtomCost | None]] = {}
        self._placed: dict[tuple[int, int, float], Placement] = {}
        self._chances: dict[tuple[str, str | None, int, int], float] = {}
        self._seats: dict[str, float] = {}
        self._cutoffs: dict[tuple[str, int, int], float] = {}
        self._looks: dict[str, Outlook] = {}  # outlooks for ``party``, by contest
        self._contests = view.book.contests

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
                    value = self._biased(found)
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
                fresh = [s for s in sub if id(s) not in seen]
                if not fresh:
                    continue  # the same prerequisites as another atom: counted once
                steps.extend(fresh)
                seen.update(id(s) for s in fresh)
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
        if isinstance(atom, _OFFICES):
            if atom.position in me.positions or (
                    isinstance(atom, Ever) and atom.position in me.first_held):
                return 0.0, 1.0, []
            if atom.position == for_position:
                return None
            sub = self.route(atom.position)
            return None if sub is None else (sub.turns, sub.chance, list(sub.steps))
        if isinstance(atom, Served):
            return self._served(atom, for_position)
        if isinstance(atom, NotHeld):
            return None if not atom.positions.isdisjoint(me.positions) else (0.0, 1.0, [])
        if isinstance(atom, Member):
            return self._member(atom)
        if isinstance(atom, NonMember):
            return (0.0, 1.0, []) if self.member_of is None else (1.0, LEAVE_PARTY_CHANCE, [])
        if isinstance(atom, Amount):
            return self._amount(atom)
        if isinstance(atom, PartyStrength):
            return 0.0, self._party_strength(atom), []
        if isinstance(atom, Governing):
            return 0.0, self._governing(atom), []
        if isinstance(atom, Status):
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
            if party is None or not chamber:
                return UNSURE_PARTY
            mine = chamber.get(party, 0)
            total = sum(chamber.values()) or 1
            ok = mine >= atom.share * total and mine > 0 and (
                not atom.largest or all(n < mine for p, n in chamber.items() if p != party))
            return 0.8 if ok else UNSURE_PARTY
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

    # ------------------------------------------------------------------ scheduling a gate
    def _place(self, gate: Gate, ready: float, latest: float) -> Placement | None:
        """(turn, chance once, chance within retries, expected turns, other sittings) for
        ``gate``."""
        start = self.turn + math.ceil(ready)
        if gate.kind in ("move", "automatic"):
            turn = start if gate.kind == "automatic" else self._move_turn(gate, start)
            if turn is None or turn > min(latest, self.last):
                return None
            chance = self._seat_chance(gate.position)
            # a promotion comes at the end of the turn, a move's seat at once
            held_from = turn + (1 if gate.kind == "automatic" else 0)
            return turn, chance, chance, float(held_from - self.turn), ()
        contest = self._contests[gate.contest or ""]
        first = self._sitting(contest, start, gate)
        if first is None or first > latest:
            return None
        where = (id(gate), first, latest)  # many alternatives make the same sitting
        placed = self._placed.get(where)
        if placed is None:
            placed = self._placed[where] = self._tries(gate, contest, first,
                                                      min(latest, self.last))
        return placed

    def _tries(self, gate: Gate, contest: ContestDef, first: int, latest: float
               ) -> Placement:
        """The sittings a plan can count on, each at the strength it can have by then: the
        chance within them, the expected wait, and the sitting to aim at (the first that is
        nearly as good as the best, since an early win frees the years after it)."""
        every = self.atlas.cycles[contest.id][0]
        tries = max(RETRIES, RETRY_SPAN // every)  # frequent contests: every sitting in a span
        sittings = [first + k * every for k in range(tries) if first + k * every <= latest]
        # beyond the first two, every other sitting is reckoned and stands for its neighbour
        # too: chances change slowly from one sitting to the next
        weights = [1] * len(sittings)
        if len(sittings) > RETRIES + 1:
            kept = [0, 1, *range(3, len(sittings), 2)]
            weights = [min(2, len(sittings) - k) if k >= 3 else 1 for k in kept]
            sittings = [sittings[k] for k in kept]
        chances = self._contest_chances(gate, sittings)
        missed, expected = 1.0, 0.0
        for turn, p, weight in zip(sittings, chances, weights, strict=True):
            expected += missed * p * (turn + 1 - self.turn)  # seated after the sitting
            missed *= (1.0 - p) ** weight
        p_total = 1.0 - missed
        expected = expected / p_total + missed * every if p_total > 0 else float(every)
        enough = AIM * max(chances)
        aim = 0
        while chances[aim] < enough:
            aim += 1
        others = tuple((turn, p, weight) for k, (turn, p, weight)
                       in enumerate(zip(sittings, chances, weights, strict=True)) if k != aim)
        return sittings[aim], chances[aim], p_total, expected, others

    def _sitting(self, contest: ContestDef, start: int, gate: Gate) -> int | None:
        """The first sitting at or after ``start`` the gate can make (nominations first)."""
        nomination = self._contests[gate.nomination] if gate.nomination else None
        if nomination is not None:
            n_every, n_offset = self.atlas.cycles[nomination.id]
            n_turn = start + turns_until(n_every, n_offset, start)
            if n_turn > self.last:
                return None
            start = n_turn
        if self._sits_at_once(contest):
            return start if start <= self.last else None
        every, offset = self.atlas.cycles[contest.id]
        turn = start + turns_until(every, offset, start)
        return turn if turn <= self.last else None

    def _sits_at_once(self, contest: ContestDef) -> bool:
        """A chamber without a government elects one at its next sitting, whenever that is."""
        return contest.kind == "investiture" and contest.chamber is not None and \
            contest.chamber not in self.view.coalitions

    def _move_turn(self, gate: Gate, start: int) -> int | None:
        opens = self.atlas.move_open.get(gate.move or "")
        if opens is None:
            return start
        for turn in range(start, self.last + 1):
            if turn in opens:
                return turn
        return None

    def _seat_chance(self, position: str) -> float:
        found = self._seats.get(position)
        if found is None:
            found = self._seats[position] = 1.0 if self.view.free_seats(position) > 0 else 0.3
        return found

    def _contest_chances(self, gate: Gate, turns: list[int]) -> list[float]:
        """The gate's chance at each of ``turns`` (its nomination's too, if it has one)."""
        contest_id = gate.contest or ""
        nomination = gate.nomination
        # the lead matters only for an election's campaign window
        lead = gate.lead if self.economy.elections[contest_id] else -1
        memo = self._chances
        chances = []
        for turn in turns:
            key = (contest_id, nomination, lead, turn)
            found = memo.get(key)
            if found is None:
                found = self._chance_at(contest_id, turn, lead)
                if nomination is not None:
                    found *= self._chance_at(nomination, turn, -1)
                found = memo[key] = max(found, 0.01)
            chances.append(found)
        return chances

    def _chance_at(self, contest_id: str, turn: int, lead: int) -> float:
        """The poll's chance at the strength ``projected`` gives for ``turn``, against rivals
        who build as fast as the actor can."""
        look = self._looks.get(contest_id)
        if look is None:
            look = self._looks[contest_id] = self.outlooks(contest_id, self.party)
        cutoff = look.cutoff
        if look.rivals:
            key = (contest_id, turn, lead)
            found = self._cutoffs.get(key)
            if found is None:
                ahead = max(turn - self.turn, 0)
                eco = self.economy
                pace, top = eco.growth[contest_id] * ahead, eco.reach[contest_id]
                # rivals in an election campaign as hard as the actor would
                campaign = min(eco.window_gain[contest_id] * (max(lead, 0) + 1),
                               eco.window_cap[contest_id]) if eco.elections[contest_id] else 0.0

                def grown(strength: float) -> float:
                    return strength + min(pace, max(top - strength, 0.0)) + campaign

                found = self._cutoffs[key] = look.cutoff_after(grown)
            cutoff = found
        ahead = turn - self.turn
        spread = math.sqrt(look.spread * look.spread + (DRIFT * ahead) ** 2) if ahead > 0 \
            else look.spread
        z = (self._projected(contest_id, turn, lead) - cutoff) / spread
        chance = look.ceiling * 0.5 * (1.0 + math.erf(z * _SQRT_HALF))
        return FLOOR if chance < FLOOR else TOP if chance > TOP else chance

    def projected(self, contest: ContestDef, turn: int, gate: Gate | None = None) -> float:
        """The strength the actor can have built in ``contest`` by ``turn``: growing at the
        pace the economy allows, up to what the contest's factors allow (and, for an election
        it is not yet entered in, what a campaign adds once it is)."""
        return self._projected(contest.id, turn, gate.lead if gate is not None else -1)

    def _projected(self, contest_id: str, turn: int, lead: int) -> float:
        now = self._strengths.get(contest_id)
        if now is None:
            now = self.strength(contest_id)
        eco = self.economy
        # outside every party, a party's moves and party-bound resources are out of reach
        if self.member_of is not None:
            room, growth = eco.reach[contest_id] - now, eco.growth
        else:
            room, growth = eco.outside_reach[contest_id] - now, eco.outside_growth
        built = growth[contest_id] * max(turn - self.turn, 0)
        built = built if built < room else max(room, 0.0)
        if eco.elections.get(contest_id) and contest_id not in self.me.registrations:
            window = max(lead, 0) + 1
            built += min(eco.window_gain[contest_id] * window, eco.window_cap[contest_id])
        return now + built

    def reachable(self, contest: ContestDef, turn: int, gate: Gate | None = None) -> float:
        """The most the actor could bring to ``contest`` by ``turn`` with everything on it."""
        now = self.strength(contest.id)
        ahead = max(turn - self.turn, 0)
        built = 2.0 * self.economy.growth.get(contest.id, 0.0) * ahead
        if contest.kind == "general_election":
            window = ahead + 1 if contest.id in self.me.registrations else (
                (gate.lead if gate is not None else 0) + 1)
            built += min(self.economy.window_gain.get(contest.id, 0.0) * window,
                         self.economy.window_cap.get(contest.id, 0.0))
        return min(now + built, max(now, self.ceiling(contest)))

    def strength(self, contest_id: str) -> float:
        """The actor's strength in ``contest_id`` today."""
        found = self._strengths.get(contest_id)
        if found is None:
            found = self._strengths[contest_id] = self.view.strength(self.me.id, contest_id)
        return found

    def ceiling(self, contest: ContestDef) -> float:
        """The strength ``contest`` allows at best (every factor at its top)."""
        return self.economy.ceilings[contest.id]
