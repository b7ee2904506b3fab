"""Contests: who may stand, when they sit, and what the result does to seats.

How strengths become winners is in ``ballots``; forecasts before the vote are in ``polls``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core import positions
from game.core.allocation import highest_averages, largest_remainder
from game.core.ballot_votes import government_for, projected_chamber
from game.core.ballots import CHAMBER_KINDS, ELECTION_KINDS, FIELD_LABEL, Ballot, Entry, seat_count
from game.core.coalitions import set_government
from game.core.conditions import turns_until
from game.core.events import Contestant, ContestHeld, Event, Registered
from game.core.ids import ActorId
from game.core.moves import Rejection
from game.core.resources import set_value
from game.core.rng import stream
from game.core.scenario import LIST_METHODS, ContestDef
from game.core.sitting import cast
from game.core.state import Actor, GameState, seat_key

RUNNING_KINDS = ELECTION_KINDS | CHAMBER_KINDS  # holders may stand again

if TYPE_CHECKING:
    from game.core.rulebook import Rulebook


def is_due(contest: ContestDef, turn: int) -> bool:
    """True when ``contest`` sits this turn."""
    return turns_until(contest.schedule.every, contest.schedule.offset, turn) == 0


def due_at(book: Rulebook, turn: int) -> tuple[ContestDef, ...]:
    """The contests that sit on ``turn``, in scenario order (cached: pure in the turn)."""
    due = book.due_by_turn.get(turn)
    if due is None:
        due = book.due_by_turn[turn] = tuple(c for c in book.scenario.contests
                                             if is_due(c, turn))
    return due


def entry_rejection(state: GameState, actor: Actor, contest_id: str) -> Rejection | None:
    """Why ``actor`` may not stand in ``contest_id`` now (None = may)."""
    contest = state.book.contests.get(contest_id)
    if contest is None:
        return Rejection.BAD_TARGET
    if contest_id in actor.registrations:
        return Rejection.ALREADY_REGISTERED
    return _standing_rejection(state, actor, contest)


def _standing_rejection(state: GameState, actor: Actor, contest: ContestDef) -> Rejection | None:
    if actor.result is not None:
        return Rejection.NOT_ELIGIBLE
    if actor.statuses and not state.book.contest_blockers.isdisjoint(actor.statuses):
        return Rejection.NOT_ELIGIBLE
    if contest.requires_nomination and contest.id not in actor.nominations:
        return Rejection.NOT_ELIGIBLE
    if contest.per_party and actor.party is None:
        return Rejection.NOT_ELIGIBLE
    if contest.kind == "nomination" and (
        actor.party is None or state.popularity[actor.party] < contest.min_party_popularity
    ):
        return Rejection.NOT_ELIGIBLE
    if not state.book.contest_requires[contest.id](state, actor):
        return Rejection.REQUIREMENTS_NOT_MET
    holding = actor.positions.get(contest.position)
    if contest.kind == "confidence":  # only a head of government faces the chamber
        return None if holding is not None else Rejection.NOT_ELIGIBLE
    if holding is not None and contest.kind in RUNNING_KINDS:
        limit = state.book.positions[contest.position].term_limit
        return Rejection.NOT_ELIGIBLE if limit and holding.wins >= limit else None
    return positions.eligibility(state, actor, contest.position)


def register(state: GameState, actor: Actor, contest_id: str, out: list[Event]) -> None:
    """Enter ``actor`` in the next sitting of ``contest_id``."""
    actor.registrations.append(contest_id)
    out.append(Registered(actor.id, contest_id))
    kind = state.book.contests[contest_id].kind
    for channel in state.book.entry_by_contest_kind.get(kind, ()):
        positions.enter_channel(state, actor, channel, out)


def nominate(state: GameState, actor: Actor, contest_id: str, out: list[Event]) -> None:
    """Give ``actor`` a nomination for ``contest_id`` and stand them in it if they may."""
    actor.nominations.append(contest_id)
    out.append(Registered(actor.id, contest_id, nomination=True))
    if entry_rejection(state, actor, contest_id) is None:
        register(state, actor, contest_id, out)


def party_nominees(state: GameState, party: str, contest_id: str) -> int:
    """How many of ``party``'s members already hold its nomination for ``contest_id``."""
    return sum(1 for aid in state.order
               if state.actors[aid].party == party and contest_id in state.actors[aid].nominations)


def entrants(state: GameState, contest: ContestDef, party: str | None) -> list[Actor]:
    """Registered actors still eligible, plus incumbents who run again, in acting order."""
    found = []
    cid, per_party, position = contest.id, contest.per_party, contest.position
    incumbents = ((contest.incumbents_run or contest.kind == "confidence")
                  and contest.kind != "nomination")
    actors = state.actors
    for aid in state.order:
        actor = actors[aid]
        if per_party and actor.party != party:
            continue
        running = cid in actor.registrations or (incumbents and position in actor.positions)
        if running and _standing_rejection(state, actor, contest) is None:
            found.append(actor)
    return found


def resolve_due(state: GameState, out: list[Event]) -> None:
    """Hold every contest that sits this turn, in scenario order.  Campaign momentum is
    spent once the day's elections are over: elections held the same day share one
    campaign, whatever order the scenario lists them in."""
    challenged: set[str | None] = set()
    stood: list[tuple[ActorId, str]] = []  # (actor, election): each election stood in
    for contest in due_at(state.book, state.turn):
        if contest.on_demand:
            challenged = {state.actors[a].party for a in state.order
                          if contest.id in state.actors[a].registrations}
            if not challenged:
                continue
        if contest.kind == "investiture" and _chamber(contest) in state.coalitions:
            continue  # a government stands until an election or a lost confidence vote
        groups = list(state.popularity) if contest.per_party else [None]
        for party in groups:
            # an on-demand contest (a leadership challenge) sits only where it was called
            if not contest.on_demand or party is None or party in challenged:
                _resolve_group(state, contest, party, out)
        _clear_after(state, contest, stood, out)
    _spend_momentum(state, stood, out)


def _chamber(contest: ContestDef) -> str:
    return contest.chamber or contest.position


def _resolve_group(
    state: GameState, contest: ContestDef, party: str | None, out: list[Event]
) -> None:
    runners = entrants(state, contest, party)
    key = seat_key(contest.position, party)
    holders = state.seats.get(key, [])
    quiet = contest.kind not in RUNNING_KINDS or (not holders and contest.kind != "investiture")
    if not runners and quiet:
        if contest.kind == "general_election" and party is None:
            _record_quiet_chamber(state, contest)
            _end_government(state, contest, out)
        return
    rng = stream(state.seed, state.turn, f"contest:{contest.id}:{party}")
    free = state.book.positions[contest.position].seats - len(holders)
    if contest.kind == "nomination":
        # a party whose chair already took the nomination has fewer tickets to give
        given = party_nominees(state, party, contest.for_contest or contest.id) if party else 0
        free = seat_count(state, contest) - given
        if free <= 0:
            return
    ballot = cast(state, contest, runners, free, rng, party)
    out.append(ContestHeld(
        contest.id, contest.position, party, seat_count(state, contest),
        tuple(_contestant(e) for e in ballot.entries),
        None if contest.kind in ELECTION_KINDS else contest.threshold,
        ballot.parties, tuple(_contestant(e) for e in ballot.runoff),
        tuple(_contestant(e) for e in ballot.lists),
    ))
    winners = [e.actor for e in ballot.entries if e.won and e.actor is not None]
    winners += [e.actor for e in ballot.lists if e.won and e.actor is not None
                and e.actor not in winners]
    if contest.kind == "investiture":
        set_government(state, _chamber(contest), list(ballot.coalition), "formed", out)
    _seat_winners(state, contest, party, winners, runners, out)
    if contest.kind == "confidence" and not winners:
        set_government(state, _chamber(contest), [], "confidence", out)
    if contest.kind == "general_election" and not contest.per_party:
        _record_chamber(state, contest, ballot, winners)
        _end_government(state, contest, out)


def form_governments(state: GameState, out: list[Event]) -> None:
    """Chambers with an investiture start with the government the seats today's popularity
    would give them would form (its head unnamed until an investiture sits)."""
    for contest in state.book.scenario.contests:
        chamber = _chamber(contest)
        if contest.kind == "investiture" and chamber not in state.coalitions:
            set_government(state, chamber, government_for(state, chamber), "formed", out)


def _record_quiet_chamber(state: GameState, contest: ContestDef) -> None:
    """An election no actor stood in still elects a chamber: seats follow popularity."""
    seats = seat_count(state, contest)
    if contest.mixed is not None:
        state.party_seats.pop(contest.position, None)
        chamber = projected_chamber(state, contest.position)
    elif contest.allocation in LIST_METHODS:
        chamber = highest_averages(state.popularity, seats, contest.allocation,
                                   contest.party_threshold)
    else:
        chamber = largest_remainder(state.popularity, seats)
    state.party_seats[contest.position] = chamber


def _end_government(state: GameState, contest: ContestDef, out: list[Event]) -> None:
    """A newly elected chamber needs a new government (the next investiture forms it)."""
    if contest.position in state.coalitions:
        set_government(state, contest.position, [], "election", out)


def _contestant(entry: Entry) -> Contestant:
    actor = entry.actor
    return Contestant(actor.id if actor else None, actor.name if actor else FIELD_LABEL,
                      entry.factors, entry.noise, entry.strength, entry.share, entry.won)


def _record_chamber(
    state: GameState, contest: ContestDef, ballot: Ballot, winners: list[Actor]
) -> None:
    """Seats per party in the elected body, others' seats split by popularity."""
    if ballot.parties:
        state.party_seats[contest.position] = {r.party: r.seats for r in ballot.parties}
        return
    seats = seat_count(state, contest)
    chamber = {p: 0 for p in state.popularity}
    for actor in winners:
        if actor.party is not None:
            chamber[actor.party] += 1
    others = largest_remainder(state.popularity, max(seats - len(winners), 0))
    state.party_seats[contest.position] = {p: chamber[p] + others[p] for p in chamber}


def _seat_winners(
    state: GameState, contest: ContestDef, party: str | None, winners: list[Actor],
    runners: list[Actor], out: list[Event],
) -> None:
    if contest.kind == "nomination":
        target = contest.for_contest or contest.id
        for actor in winners:
            nominate(state, actor, target, out)
        return
    if contest.kind in RUNNING_KINDS:
        for aid in list(state.seats.get(seat_key(contest.position, party), ())):
            actor = state.actors[aid]
            if actor not in winners:
                positions.lose(state, actor, contest.position, _why_lost(contest, actor in runners),
                               out)
    if contest.kind == "confidence":
        return  # survivors keep their seats; nothing is won
    for actor in winners:
        holding = actor.positions.get(contest.position)
        if holding is None:
            positions.gain(state, actor, contest.position, contest.kind, out)
            holding = actor.positions[contest.position]
        holding.wins += 1


def _why_lost(contest: ContestDef, stood: bool) -> str:
    if contest.kind == "confidence":
        return "lost a confidence vote"
    if contest.kind == "investiture":
        return "new government"
    return "defeated" if stood else "term ended"


def _clear_after(state: GameState, contest: ContestDef, stood: list[tuple[ActorId, str]],
                 out: list[Event]) -> None:
    """End the entries of a contest held; note who stood in a general election (campaign
    momentum is spent on voters: only general elections use it up)."""
    cid, nominations_end = contest.id, contest.kind != "nomination"
    spends = contest.kind == "general_election"
    for aid in state.order:
        actor = state.actors[aid]
        if cid in actor.registrations:
            actor.registrations.remove(cid)
            if spends:
                stood.append((aid, cid))
        if nominations_end and cid in actor.nominations:
            actor.nominations.remove(cid)


def _spend_momentum(state: GameState, stood: list[tuple[ActorId, str]],
                    out: list[Event]) -> None:
    """Reset campaign momentum for every actor who stood in a general election today (the
    first election named as the reason)."""
    resets = [r for r in state.book.scenario.resources if r.resets_after_contest]
    if not resets:
        return
    done: set[ActorId] = set()
    for aid, cid in stood:
        if aid in done:
            continue
        done.add(aid)
        actor = state.actors[aid]
        for rdef in resets:
            set_value(state, actor, rdef.id, rdef.initial, f"contest:{cid}", out)
