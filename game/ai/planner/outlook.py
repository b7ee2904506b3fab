"""Win chances of contests, now and at other strengths, as a poll-reading player sees them.

An ``Outlook`` condenses a contest into the strength that wins half the time (``cutoff``),
how uncertain the result is (``spread``) and the most the chance can be (``ceiling``: no free
seat, no chance this sitting).  ``chance_at`` then answers "what if I were stronger", which is
what planning needs.  Rivals are the actors who stand or plausibly will (incumbents, members
of the party for party contests), each at their present strength, plus the scenario's field.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from statistics import NormalDist

from game.core.ballots import ELECTION_KINDS
from game.core.events import fact
from game.core.scenario import ContestDef
from game.core.views import View

_NORMAL = NormalDist()
LATER_SEAT_CHANCE = 0.3  # no seat free now: the share of sittings in which one opens
TICKET_TAKEN = 0.25  # a rival who can nominate themself sits in the party: the ticket's odds
FLOOR, TOP = 0.01, 0.99
SAFE = 1.5  # spreads above the cutoff at which a race counts as won
# how far the best of n equal noisy rivals lands above their mean, in noise units
CROWD = (0.0, 0.56, 0.85, 1.03, 1.16, 1.27)
# how far a party's popularity moves before a sitting some years ahead, in points (measured
# in the shipped scenarios: a standard deviation of 1-3 points over 8-32 turns)
POPULARITY_SPREAD = 2.5


@fact
class Outlook:
    """A contest condensed for planning (built by the thousand: ``fact`` makes it a plain
    slotted dataclass, read-only to type checkers)."""

    contest: str
    cutoff: float  # strength that wins half the time
    spread: float  # standard deviation of the margin, in strength points
    ceiling: float = 1.0  # the most the chance can be
    rivals: tuple[float, ...] = ()  # actors standing (or likely to), as strong as today
    fixed: tuple[float, ...] = ()  # the field, whose strength never changes
    seats: int = 1

    def cutoff_after(self, grown: Callable[[float], float]) -> float:
        """The cutoff once every rival has built as ``grown`` says (the field stays); with a
        crowd near the top, the best of several noisy rivals is higher than any one."""
        if not self.rivals:
            return self.cutoff
        everyone = sorted([*(grown(r) for r in self.rivals), *self.fixed], reverse=True)
        if len(everyone) < self.seats:
            return -1e9
        cut = everyone[self.seats - 1]
        # those within half a spread of the cut: a run from the cut down (sorted), and
        # the crowd's effect stops growing after len(CROWD) of them
        near, floor, crowd = 0, cut - self.spread / 2, len(CROWD)
        for x in everyone[self.seats - 1:]:
            if not x >= floor or near == crowd:
                break
            near += 1
        return cut + self.spread * CROWD[near - 1] / math.sqrt(2.0)

    def chance_at(self, strength: float) -> float:
        """Win chance at ``strength`` against the same rivals."""
        z = (strength - self.cutoff) / self.spread
        return min(max(self.ceiling * 0.5 * (1.0 + math.erf(z / math.sqrt(2.0))), FLOOR), TOP)

    def slope_at(self, strength: float) -> float:
        """How much one more strength point adds to the chance there."""
        z = (strength - self.cutoff) / self.spread
        return self.ceiling * math.exp(-0.5 * z * z) / (self.spread * math.sqrt(2.0 * math.pi))

    def gain_per_point(self, now: float, reachable: float) -> float:
        """The chance each strength point buys on the way from ``now`` toward a safe win
        (``SAFE`` spreads above the cutoff), as far as ``reachable``: the average slope, so a
        point counts even where the poll is still flat, and little once the race is won."""
        target = min(max(self.cutoff + SAFE * self.spread, now), reachable)
        if target - now < 1.0:
            return self.slope_at(now)
        return (self.chance_at(target) - self.chance_at(now)) / (target - now)


def outlook(view: View, contest_id: str, party: str | None = None,
            ticket_holders: frozenset[str] = frozenset()) -> Outlook:
    """The outlook of the deciding actor in the next sitting of ``contest_id``; ``party`` is a
    party it would stand for (default: its own); ``ticket_holders`` are offices whose holders
    can take a nomination contest's ticket without a vote."""
    contest = view.book.contests[contest_id]
    party = party or view.me.party
    if contest.kind == "investiture":
        return _investiture(view, contest, party)
    if contest.kind == "confidence" or contest.mixed is not None \
            or contest.regions or contest.two_ballots:
        return _from_engine(view, contest)
    if contest.kind not in ELECTION_KINDS:
        return _pass_mark(view, contest)
    if contest.allocation in ("dhondt", "sainte_lague"):
        return _party_list(view, contest, party)
    if contest.allocation == "districts":
        return _district(contest)
    found = _plurality(view, contest, party)
    ceiling = found.ceiling
    if contest.min_party_popularity:
        # a party below the threshold puts forward no one unless it climbs above it
        short = contest.min_party_popularity - (view.popularity(party) if party else 0.0)
        ceiling *= popularity_chance(-short)
    if ticket_holders and _ticket_taken(view, party, ticket_holders):
        ceiling *= TICKET_TAKEN
    if ceiling == found.ceiling:
        return found
    return Outlook(found.contest, found.cutoff, found.spread, ceiling, found.rivals,
                   found.fixed, found.seats)


def popularity_chance(margin: float, sides: int = 1) -> float:
    """The chance that a party ``margin`` popularity points ahead of a mark (behind, if
    negative) is still ahead at a sitting some years away; ``sides``: 2 when the mark is
    another party's popularity, which moves too."""
    return _NORMAL.cdf(margin / (POPULARITY_SPREAD * math.sqrt(sides)))


def lead_chance(view: View, party: str) -> float:
    """The chance ``party`` is the most popular of all at a sitting some years away."""
    others = [view.popularity(p.id) for p in view.book.scenario.parties if p.id != party]
    return popularity_chance(view.popularity(party) - max(others), 2) if others else 1.0


def _investiture(view: View, contest: ContestDef, party: str | None) -> Outlook:
    """A chamber's vote on the head of government: the leading party's nominee is elected
    if strong enough to pass the mark.  The chamber elected at the next election follows
    popularity, so the party leads if it is then the most popular one.  (Read from today's
    chamber, a party that does not lead now would look as if more strength could make up
    for it.)"""
    if party is None:
        return Outlook(contest.id, contest.threshold, _spread(contest, 1.0), FLOOR)
    return Outlook(contest.id, contest.threshold, _spread(contest, 1.0),
                   min(max(lead_chance(view, party), FLOOR), TOP))


def _ticket_taken(view: View, party: str | None, offices: frozenset[str]) -> bool:
    """Another member of ``party`` holds an office that grants its own ticket."""
    for aid, actor in view.actors.items():
        if aid != view.me.id and actor.active and actor.party == party and party is not None \
                and not offices.isdisjoint(actor.positions):
            return True
    return False


def _spread(contest: ContestDef, sides: float = 2.0) -> float:
    return max(contest.noise * math.sqrt(sides), 1e-6)


def _rival_strengths(view: View, contest: ContestDef, party: str | None) -> list[float]:
    """Rivals who stand or likely will: those entered, incumbents, every member for a party
    contest, and for an election that needs a nomination each other party's strongest."""
    me = view.me.id
    found = []
    nominees: dict[str, float] = {}
    for aid, actor in view.actors.items():
        if aid == me or not actor.active:
            continue
        if contest.per_party and actor.party != party:
            continue
        standing = contest.id in actor.registrations or (
            contest.incumbents_run and contest.kind != "nomination"
            and contest.position in actor.positions)
        if not standing and contest.per_party:
            standing = True  # a party contest: every member may stand by its sitting
        if standing:
            found.append(view.strength(aid, contest.id))
        elif contest.requires_nomination and actor.party not in (None, party):
            strength = view.strength(aid, contest.id)
            nominees[actor.party] = max(nominees.get(actor.party, strength), strength)
    return found + list(nominees.values())


def _plurality(view: View, contest: ContestDef, party: str | None) -> Outlook:
    seats = seat_count_of(view, contest)
    rivals = sorted(_rival_strengths(view, contest, party), reverse=True)
    fixed = (view.field_level(contest, party),) * contest.field_count
    strengths = sorted([*rivals, *fixed], reverse=True)
    if len(strengths) < seats:
        return Outlook(contest.id, -1e9, _spread(contest))
    return Outlook(contest.id, strengths[seats - 1], _spread(contest), 1.0,
                   tuple(rivals[: seats + 3]), fixed[: seats + 3], seats)


def seat_count_of(view: View, contest: ContestDef) -> int:
    """Seats (or tickets per party) one sitting of ``contest`` fills."""
    return contest.winners or view.book.positions[contest.position].seats


def _pass_mark(view: View, contest: ContestDef) -> Outlook:
    free = view.free_seats(contest.position)
    me = view.me.id
    rivals = sorted((view.strength(aid, contest.id) for aid, a in view.actors.items()
                     if aid != me and contest.id in a.registrations), reverse=True)
    cutoff = contest.threshold
    if free > 0 and len(rivals) >= free:
        cutoff = max(cutoff, rivals[free - 1])
    ceiling = 1.0 if free > 0 else LATER_SEAT_CHANCE
    return Outlook(contest.id, cutoff, _spread(contest, 1.0), ceiling)


def _from_engine(view: View, contest: ContestDef) -> Outlook:
    """Systems the planner does not model itself (chamber votes, mixed members, regional
    lists, two ballots): the engine's own poll, as the strength that wins half the time."""
    found = view.outlook(contest.id)
    spread = _spread(contest)
    chance = min(max(found.chance, FLOOR), TOP)
    return Outlook(contest.id, found.strength - spread * _NORMAL.inv_cdf(chance), spread)


def _party_list(view: View, contest: ContestDef, party: str | None) -> Outlook:
    """A seat on a party list: the party's expected seats, and the list members the actor
    must outrank for one of them."""
    spread = _spread(contest, 1.5)
    total = sum(view.popularity(p.id) for p in view.book.scenario.parties)
    share = view.popularity(party) / total if party is not None and total else 0.0
    expected = round(seat_count_of(view, contest) * share)
    if share < contest.party_threshold or expected <= 0:
        return Outlook(contest.id, contest.field_strength, spread, FLOOR)
    length = contest.field_count or seat_count_of(view, contest)
    beaten_share = min(max(1.0 - expected / (length + 1), FLOOR), TOP)
    cutoff = contest.field_strength + contest.noise * _NORMAL.inv_cdf(beaten_share)
    return Outlook(contest.id, cutoff, spread)


def _district(contest: ContestDef) -> Outlook:
    """A district of one's own against ``field_count`` others: the strength that beats all of
    them half the time."""
    spread = _spread(contest)
    needed = 0.5 ** (1.0 / max(contest.field_count, 1))
    return Outlook(contest.id, contest.field_strength + spread * _NORMAL.inv_cdf(needed), spread)

