"""The rivals' side of a contest, for one actor: its chance as a function of its strength.

``race(state, actor, contest)`` reads everything a sitting would read now (entrants and their
strengths, free seats, party votes, the chamber) and returns a ``Race`` whose ``chance(s)``
follows the contest's rule exactly as ``sitting.cast`` applies it (``chances``).
"""

from __future__ import annotations

from game.core import chances
from game.core.ballot_votes import government_for, projected_chamber
from game.core.ballots import ELECTION_KINDS, field_level, seat_count
from game.core.coalitions import has_majority
from game.core.contests import party_nominees
from game.core.outlook_lists import list_race
from game.core.race import NEVER, Race, cached, rivals_of, shown
from game.core.scenario import LIST_METHODS, ContestDef
from game.core.state import Actor, GameState, seat_key


def race(state: GameState, actor: Actor, contest: ContestDef) -> Race:
    """The race ``actor`` would run in the next sitting of ``contest``."""
    if contest.kind == "confidence":
        return _confidence(state, actor, contest)
    if contest.kind == "investiture":
        return _investiture(state, actor, contest)
    if contest.kind not in ELECTION_KINDS:
        return _pass_mark(state, actor, contest)
    if contest.allocation in LIST_METHODS and contest.kind != "nomination":
        return list_race(state, actor, contest)
    return _election(state, actor, contest)


def _confidence(state: GameState, actor: Actor, contest: ContestDef) -> Race:
    if contest.position not in actor.positions:
        return NEVER
    chamber = contest.chamber or contest.position
    if not has_majority(state, chamber, projected_chamber(state, chamber)):
        return NEVER
    sigma, mark = contest.noise, contest.threshold
    return cached(state, (contest.id, "confidence", sigma, mark), lambda: Race(
        lambda s: chances.pass_mark(s, sigma, (), 1, mark)))


def _investiture(state: GameState, actor: Actor, contest: ContestDef) -> Race:
    chamber = contest.chamber or contest.position
    # with a government in office the next investiture follows the next election: poll the
    # chamber today's popularity would elect
    coalition = government_for(state, chamber, fresh=chamber in state.coalitions)
    if not coalition or actor.party != coalition[0]:
        return NEVER
    rows = rivals_of(state, actor, contest, None)
    rivals = tuple((s, first, 1.0) for a, s, first in rows if a.party == actor.party)
    sigma, mark = contest.noise, contest.threshold
    return cached(state, (contest.id, "investiture", rivals), lambda: Race(
        lambda s: chances.pass_mark(s, sigma, rivals, 1, mark), shown(rows)))


def _pass_mark(state: GameState, actor: Actor, contest: ContestDef) -> Race:
    party = actor.party if contest.per_party else None
    pdef = state.book.positions[contest.position]
    free = pdef.seats - len(state.seats.get(seat_key(pdef.id, party), ()))
    rows = rivals_of(state, actor, contest, party)
    rivals = tuple((s, first, 1.0) for _, s, first in rows)
    sigma, mark = contest.noise, contest.threshold
    return cached(state, (contest.id, "pass", party, free, rivals), lambda: Race(
        lambda s: chances.pass_mark(s, sigma, rivals, free, mark), shown(rows)))


def _election(state: GameState, actor: Actor, contest: ContestDef) -> Race:
    party = actor.party if contest.per_party else None
    rows = rivals_of(state, actor, contest, party)
    rivals = tuple((s, first, 1.0) for _, s, first in rows)
    if contest.kind == "nomination":
        given = party_nominees(state, party, contest.for_contest or contest.id) if party else 0
        seats = min(seat_count(state, contest) - given, seat_count(state, contest))
    else:
        seats = min(seat_count(state, contest), state.book.positions[contest.position].seats)
    sigma, field, level = contest.noise, contest.field_count, field_level(state, contest, party)
    key = (contest.id, "election", party, seats, rivals, level)

    def labels() -> tuple[tuple[str, float], ...]:  # sorted only when a race is built
        return shown(rows) + ((("field", level),) * min(field, 8))

    if contest.kind != "nomination" and contest.allocation == "districts":
        others = tuple(s for _, s, _ in rows)
        return cached(state, key, lambda: Race(
            lambda s: chances.districts(s, sigma, field, level, others, seats), labels()))
    if contest.kind != "nomination" and contest.allocation == "two_round" and seats == 1:
        everyone = rivals + ((level, False, 1.0),) * field
        temperature = contest.temperature
        return cached(state, key, lambda: Race(
            lambda s: chances.two_round(s, sigma, temperature, everyone), labels()))
    if seats <= 0:
        return NEVER
    return cached(state, key, lambda: Race(
        lambda s: chances.ranked(s, sigma, rivals, field, level, ((seats, 1.0),)), labels()))


