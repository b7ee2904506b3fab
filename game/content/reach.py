"""What can ever happen in a scenario: a static over-approximation of play.

Starting from the positions actors hold at the start, a fixed point grows the sets of
positions someone can gain, contests someone can enter, moves someone can make and events
that can be drawn.  Conditions count as satisfiable unless provably not (a ``not`` is always
assumed satisfiable), so anything left out can really never happen.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from game.content import models as m
from game.content.compose import Composition


@dataclass(slots=True)
class Reach:
    """The result: what can happen, and the facts it was derived from."""

    positions: set[str] = field(default_factory=set)
    contests: set[str] = field(default_factory=set)  # entered by someone, and sitting
    moves: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    sitting: set[str] = field(default_factory=set)  # contests that sit before the end
    statuses_given: set[str] = field(default_factory=set)
    parties_joinable: set[str] = field(default_factory=set)
    any_party: bool = False


def effects_of(obj: Any) -> Iterator[Any]:
    """Every effect a move or an event (with its choices) can apply."""
    lists: list[list[Any]] = [obj.effects, getattr(obj, "on_success", []),
                              getattr(obj, "on_failure", [])]
    for choice in getattr(obj, "choices", []):
        lists += [choice.effects, choice.on_success, choice.on_failure]
    for items in lists:
        yield from items


def _flatten(conds: Iterable[Any]) -> Iterator[Any]:
    stack = list(conds)
    while stack:
        cond = stack.pop()
        yield cond
        if isinstance(cond, m.AllCond | m.AnyCond):
            stack.extend(cond.conditions)
        elif isinstance(cond, m.NotCond):
            stack.append(cond.condition)


def _reads(cond: Any) -> list[tuple[str, str]]:
    if isinstance(cond, m.HoldsCond):
        return [("positions", p) for p in cond.positions]
    if isinstance(cond, m.TenureCond) and cond.position is not None:
        return [("positions", cond.position)]
    if isinstance(cond, m.RegisteredCond):
        return [("contests", cond.contest)]
    return []


class Analysis:
    """The fixed point over one merged scenario."""

    def __init__(self, main: m.ScenarioFile, comp: Composition) -> None:
        self.main = main
        self.objs = {kind: {k: e.model for k, e in comp.lists[kind].items()}
                     for kind in comp.lists}
        cal = main.calendar
        self.max_turns = cal.max_turns
        self.first_age = main.start_age
        self.last_age = main.start_age + (cal.max_turns - 1) * cal.months_per_turn / 12
        self.reach = Reach()
        self._bounds = self._resource_bounds()
        self._gains: set[str] = set()  # positions granted by possible moves and events
        self._enters: set[str] = set()  # contests entered by possible moves and events
        self._fills: dict[str, list[str]] = {}  # position -> contests that seat it
        self._nominators: dict[str, list[str]] = {}  # contest -> its nomination contests
        for cid, c in self.objs["contests"].items():
            if c.kind != "nomination":
                self._fills.setdefault(c.position, []).append(cid)
            if c.for_contest:
                self._nominators.setdefault(c.for_contest, []).append(cid)

    def _resource_bounds(self) -> dict[str, tuple[float, float | None]]:
        bounds: dict[str, tuple[float, float | None]] = {}
        for rid, res in self.objs["resources"].items():
            low, high = res.min, res.max
            for actor in self.objs["actors"].values():
                value = actor.resources.get(rid)
                if value is not None:
                    low = min(low, value)
                    high = None if high is None else max(high, value)
            bounds[rid] = (low, high)
        return bounds

    def run(self) -> Reach:
        """Grow the sets until nothing changes."""
        r = self.reach
        actors = list(self.objs["actors"].values())
        r.positions = {p for a in actors for p in a.positions}
        r.parties_joinable = {a.party for a in actors if a.party}
        r.sitting = {cid for cid, c in self.objs["contests"].items()
                     if c.schedule.offset <= self.max_turns}
        for obj in (*self.objs["moves"].values(), *self.objs["events"].values()):
            for eff in effects_of(obj):
                if isinstance(eff, m.AddStatusEffect):
                    r.statuses_given.add(eff.status)
                elif isinstance(eff, m.JoinPartyEffect):
                    if eff.party is None:
                        r.any_party = True
                    else:
                        r.parties_joinable.add(eff.party)
        self._propagate()
        return r

    def _propagate(self) -> None:
        """A worklist: an item is looked at again only when something it reads changed."""
        watchers = self._watchers()
        queue: deque[tuple[str, str]] = deque(
            (kind, oid) for kind in ("moves", "events", "contests", "positions")
            for oid in self.objs[kind])
        while queue:
            kind, oid = queue.popleft()
            if oid in getattr(self.reach, kind) or not self._ready(kind, oid):
                continue
            getattr(self.reach, kind).add(oid)
            queue.extend(self._consequences(kind, oid))
            queue.extend(watchers.get((kind, oid), ()))

    def _ready(self, kind: str, oid: str) -> bool:
        r, obj = self.reach, self.objs[kind][oid]
        if kind == "moves":
            return self.all_hold(obj.requires)
        if kind == "events":
            return bool(obj.probability > 0) and self.all_hold(obj.conditions)
        if kind == "contests":
            return oid in r.sitting and self.all_hold(obj.requires) and (
                oid in self._enters or any(n in r.contests for n in self._nominators.get(oid, ())))
        return self.can_hold(obj) and (
            obj.obtained == "automatic" or oid in self._gains
            or any(c in r.contests for c in self._fills.get(oid, ())))

    def _consequences(self, kind: str, oid: str) -> list[tuple[str, str]]:
        """Items that may become possible now that ``oid`` is."""
        obj = self.objs[kind][oid]
        if kind in ("moves", "events"):
            out = []
            for eff in effects_of(obj):
                if isinstance(eff, m.GainPositionEffect):
                    self._gains.add(eff.position)
                    out.append(("positions", eff.position))
                elif isinstance(eff, m.EnterContestEffect | m.NominateEffect):
                    self._enters.add(eff.contest)
                    out.append(("contests", eff.contest))
            return out
        if kind == "contests":
            if obj.kind == "nomination":
                return [("contests", obj.for_contest or oid)]
            return [("positions", obj.position)]
        return []

    def _watchers(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """(kind, id) -> items whose conditions read whether it is possible."""
        found: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for kind, attr in (("moves", "requires"), ("events", "conditions"),
                           ("contests", "requires"), ("positions", "requires")):
            for oid, obj in self.objs[kind].items():
                for cond in _flatten(getattr(obj, attr)):
                    for read in _reads(cond):
                        found.setdefault(read, []).append((kind, oid))
        return found

    def can_hold(self, pos: m.Position) -> bool:
        """The position's own rules do not contradict themselves, and its requirements hold."""
        needs_party = pos.per_party or any(
            isinstance(c, m.PartyMemberCond) and c.member for c in pos.requires)
        if pos.neutral and needs_party:
            return False
        return self.all_hold(pos.requires)

    def all_hold(self, conds: Iterable[Any]) -> bool:
        """Every condition can hold at some point (over-approximated)."""
        return all(self.can(c) for c in conds)

    def can(self, c: Any) -> bool:
        """One condition can hold at some point (over-approximated)."""
        r = self.reach
        if isinstance(c, m.HoldsCond):
            return any(p in r.positions for p in c.positions)
        if isinstance(c, m.TenureCond):
            return c.turns < self.max_turns and (c.position is None or c.position in r.positions)
        if isinstance(c, m.PartyMemberCond):
            if not c.member:
                return True
            joinable = r.any_party or (
                bool(r.parties_joinable) if c.party is None else c.party in r.parties_joinable)
            return joinable and c.min_turns < self.max_turns
        if isinstance(c, m.StatusCond):
            return not c.present or c.status in r.statuses_given
        if isinstance(c, m.RegisteredCond):
            return not c.present or c.contest in r.contests
        if isinstance(c, m.ResourceCond):
            return self._resource_can(c)
        if isinstance(c, m.TurnCond | m.AgeCond | m.PartyPopularityCond):
            return self._range_can(c)
        if isinstance(c, m.AllCond):
            return self.all_hold(c.conditions)
        if isinstance(c, m.AnyCond):
            return any(self.can(x) for x in c.conditions)
        return True  # not, contest_soon: assumed possible

    def _resource_can(self, c: m.ResourceCond) -> bool:
        low, high = self._bounds.get(c.resource, (-1e18, None))
        if c.min is not None and c.max is not None and c.min > c.max:
            return False
        if c.min is not None and high is not None and c.min > high:
            return False
        return not (c.max is not None and c.max < low)

    def _range_can(self, c: m.TurnCond | m.AgeCond | m.PartyPopularityCond) -> bool:
        if c.min is not None and c.max is not None and c.min > c.max:
            return False
        if isinstance(c, m.TurnCond):
            return c.min is None or c.min <= self.max_turns
        if isinstance(c, m.AgeCond):
            return (c.min is None or c.min <= self.last_age) and (
                c.max is None or c.max >= self.first_age)
        return True
