"""Scheduling a gate of a road: the sitting a step is tried at, its chance there and at the
sittings after it, and the strength the actor can have built by then.

A contest's chance at a later sitting is read from its poll (``outlook.py``) at the strength
the actor can have built by then, at the pace of the scenario's best moves (``economy.py``),
against rivals who build and campaign as fast, with a poll that widens the further ahead it
looks.  A step that fails can be tried again at later sittings; the plan aims at the first
that is nearly as good as the best, since an early win frees the years after it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from game.ai.planner.atlas import Atlas, Gate
from game.ai.planner.economy import Economy
from game.ai.planner.outlook import FLOOR, TOP, Outlook
from game.core.conditions import turns_until
from game.core.scenario import ContestDef
from game.core.views import View

RETRIES = 3  # sittings a plan counts on for one step at least...
RETRY_SPAN = 12  # ...or as many as sit within this many turns
DRIFT = 0.8  # strength points per turn ahead by which the unknown future widens a poll
AIM = 0.8  # a plan aims at the first sitting with this share of the best sitting's chance

_SQRT_HALF = math.sqrt(0.5)
# sitting, chance there, chance within tries, expected turns, the other sittings tried
Placement = tuple[int, float, float, float, tuple[tuple[int, float, int], ...]]
OutlookFn = Callable[[str, str | None], Outlook]


_SITTINGS: dict[tuple[int, int, float], tuple[tuple[int, ...], tuple[int, ...]]] = {}


def _sittings(every: int, first: int, latest: float) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The sittings of a contest held every ``every`` turns that a plan counts on from
    ``first`` until ``latest``, and how many sittings each stands for (remembered: the same
    few come up in every reckoning)."""
    key = (every, first, latest)
    found = _SITTINGS.get(key)
    if found is not None:
        return found
    tries = max(RETRIES, RETRY_SPAN // every)  # frequent contests: every sitting in a span
    sittings = [first + k * every for k in range(tries) if first + k * every <= latest]
    # beyond the first two, every other sitting is reckoned and stands for its neighbour
    # too: chances change slowly from one sitting to the next
    weights = [1] * len(sittings)
    if len(sittings) > RETRIES + 1:
        kept = [0, 1, *range(3, len(sittings), 2)]
        weights = [min(2, len(sittings) - k) if k >= 3 else 1 for k in kept]
        sittings = [sittings[k] for k in kept]
    found = _SITTINGS[key] = (tuple(sittings), tuple(weights))
    return found


class Scheduler:
    """Sittings, chances and strengths for one actor at one moment, standing for ``party``
    (a member of ``member_of``, if any); memoised, like the reckoner built on it."""

    def __init__(self, view: View, atlas: Atlas, economy: Economy, outlooks: OutlookFn,
                 party: str | None, member_of: str | None) -> None:
        self.view = view
        self.atlas = atlas
        self.economy = economy
        self.outlooks = outlooks
        self.me = view.me
        self.party = party
        self.member_of = member_of
        self.turn = view.turn
        self.last = view.book.scenario.max_turns
        self._strengths: dict[str, float] = {}
        self._placed: dict[tuple[int, int, float], Placement] = {}
        self._chances: dict[tuple[str, str | None, int, int], float] = {}
        self._seats: dict[str, float] = {}
        self._cutoffs: dict[tuple[str, int, int], float] = {}
        self._looks: dict[str, Outlook] = {}  # outlooks for ``party``, by contest
        self._contests = view.book.contests

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
        sittings, weights = _sittings(every, first, latest)
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

    def _contest_chances(self, gate: Gate, turns: tuple[int, ...]) -> list[float]:
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
