"""Contests: who may stand, how strength becomes seats, and forecasts before the vote.

Strength = weighted factors (see ``scoring``) + Gaussian noise from the contest's own stream.
Elections fill the top-k of actor entrants and unnamed field contenders, with vote shares as a
softmax of strengths; exams and appointments seat entrants above a pass mark while seats last.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.core import positions
from game.core.conditions import turns_until
from game.core.events import Contestant, ContestHeld, Event, FactorValue, Registered
from game.core.moves import Rejection
from game.core.resources import set_value
from game.core.rng import stream
from game.core.scenario import ContestDef
from game.core.scoring import contest_strength
from game.core.state import Actor, GameState, seat_key

ELECTION_KINDS = frozenset({"general_election", "party_election", "nomination"})
FIELD_LABEL = "field"


def is_due(contest: ContestDef, turn: int) -> bool:
    """True when ``contest`` sits this turn."""
    return turns_until(contest.schedule.every, contest.schedule.offset, turn) == 0


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
    for sid in actor.statuses:
        if state.book.statuses[sid].blocks_contests:
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
    if holding is not None and contest.kind in ELECTION_KINDS:
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


def entrants(state: GameState, contest: ContestDef, party: str | None) -> list[Actor]:
    """Registered actors still eligible, plus incumbents who run again, in acting order."""
    found = []
    for aid in state.order:
        actor = state.actors[aid]
        if contest.per_party and actor.party != party:
            continue
        running = contest.id in actor.registrations or (
            contest.incumbents_run
            and contest.kind != "nomination"
            and contest.position in actor.positions
        )
        if running and _standing_rejection(state, actor, contest) is None:
            found.append(actor)
    return found


def resolve_due(state: GameState, out: list[Event]) -> None:
    """Hold every contest that sits this turn, in scenario order."""
    for contest in state.book.scenario.contests:
        if not is_due(contest, state.turn):
            continue
        groups = list(state.popularity) if contest.per_party else [None]
        for party in groups:
            _resolve_group(state, contest, party, out)
        _clear_after(state, contest, out)


def _seat_count(state: GameState, contest: ContestDef) -> int:
    return contest.winners or state.book.positions[contest.position].seats


def _resolve_group(
    state: GameState, contest: ContestDef, party: str | None, out: list[Event]
) -> None:
    runners = entrants(state, contest, party)
    holders = state.seats.get(seat_key(contest.position, party), [])
    if not runners and (contest.kind not in ELECTION_KINDS or not holders):
        return
    rng = stream(state.seed, state.turn, f"contest:{contest.id}:{party}")
    scored: list[tuple[float, float, int, Actor | None, tuple[FactorValue, ...]]] = []
    for index, actor in enumerate(runners):
        base, factors = contest_strength(state, actor, contest)
        noise = rng.gauss(0.0, contest.noise)
        scored.append((base + noise, noise, index, actor, factors))
    if contest.kind in ELECTION_KINDS:
        for index in range(contest.field_count):
            noise = rng.gauss(0.0, contest.noise)
            scored.append((contest.field_strength + noise, noise, len(runners) + index, None, ()))
    scored.sort(key=lambda row: (-row[0], row[2]))
    winners = _pick_winners(state, contest, party, scored)
    shares = _shares(contest, scored)
    out.append(ContestHeld(
        contest.id, contest.position, party, _seat_count(state, contest),
        tuple(
            Contestant(a.id if a else None, a.name if a else FIELD_LABEL, f, noise, s, share,
                       i in winners)
            for (s, noise, i, a, f), share in zip(scored, shares, strict=True)
        ),
        None if contest.kind in ELECTION_KINDS else contest.threshold,
    ))
    _seat_winners(state, contest, party, [row[3] for row in scored if row[2] in winners], out)


def _pick_winners(
    state: GameState, contest: ContestDef, party: str | None,
    scored: list[tuple[float, float, int, Actor | None, tuple[FactorValue, ...]]],
) -> set[int]:
    if contest.kind in ELECTION_KINDS:
        return {row[2] for row in scored[: _seat_count(state, contest)]}
    pdef = state.book.positions[contest.position]
    free = pdef.seats - len(state.seats.get(seat_key(pdef.id, party), ()))
    passed = [row[2] for row in scored if row[0] >= contest.threshold]
    return set(passed[: max(free, 0)])


def _shares(contest: ContestDef, scored: list[tuple[float, float, int, Actor | None,
            tuple[FactorValue, ...]]]) -> list[float]:
    if contest.kind not in ELECTION_KINDS or not scored:
        return [0.0] * len(scored)
    top = scored[0][0]
    weights = [math.exp((row[0] - top) / contest.temperature) for row in scored]
    total = sum(weights)
    return [w / total for w in weights]


def _seat_winners(
    state: GameState, contest: ContestDef, party: str | None, won: list[Actor | None],
    out: list[Event],
) -> None:
    winners = [a for a in won if a is not None]
    if contest.kind == "nomination":
        target = contest.for_contest or contest.id
        for actor in winners:
            nominate(state, actor, target, out)
        return
    if contest.kind in ELECTION_KINDS:
        for aid in list(state.seats.get(seat_key(contest.position, party), ())):
            actor = state.actors[aid]
            if actor not in winners:
                ran = contest.id in actor.registrations or contest.incumbents_run
                positions.lose(state, actor, contest.position, "defeated" if ran else "term ended",
                               out)
    for actor in winners:
        holding = actor.positions.get(contest.position)
        if holding is None:
            positions.gain(state, actor, contest.position, contest.kind, out)
            holding = actor.positions[contest.position]
        holding.wins += 1


def _clear_after(state: GameState, contest: ContestDef, out: list[Event]) -> None:
    resets = [r for r in state.book.scenario.resources if r.resets_after_contest]
    for aid in state.order:
        actor = state.actors[aid]
        if contest.id in actor.registrations:
            actor.registrations.remove(contest.id)
            for rdef in resets:
                set_value(state, actor, rdef.id, rdef.initial, f"contest:{contest.id}", out)
        if contest.kind != "nomination" and contest.id in actor.nominations:
            actor.nominations.remove(contest.id)


@dataclass(frozen=True, slots=True)
class Forecast:
    """A poll before the vote: win chance, its error band and the factors behind it."""

    contest: str
    chance: float
    error: float
    strength: float
    factors: tuple[FactorValue, ...]
    cutoff: float  # the strength the actor must beat (k-th best rival or the pass mark)
    seats: int
    rivals: tuple[tuple[str, float], ...]  # (label, expected strength), strongest first
    turns_until: int


def _normal_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def forecast(state: GameState, actor: Actor, contest_id: str) -> Forecast:
    """Expected outcome if ``actor`` stands in the next sitting of ``contest_id``.

    A normal approximation: the actor's strength against the k-th strongest other entrant
    (field contenders included), both with the contest's noise.  Deterministic: no dice.
    """
    contest = state.book.contests[contest_id]
    strength, factors = contest_strength(state, actor, contest)
    party = actor.party if contest.per_party else None
    others = [
        (a.name, contest_strength(state, a, contest)[0])
        for a in entrants(state, contest, party) if a is not actor
    ]
    seats = _seat_count(state, contest)
    if contest.kind in ELECTION_KINDS:
        others += [(FIELD_LABEL, contest.field_strength)] * contest.field_count
        others.sort(key=lambda row: -row[1])
        cutoff = others[seats - 1][1] if len(others) >= seats else -math.inf
        spread = contest.noise * math.sqrt(2.0)
    else:
        others.sort(key=lambda row: -row[1])
        cutoff = contest.threshold
        spread = contest.noise
    chance = 0.99 if cutoff == -math.inf else _normal_cdf((strength - cutoff) / max(spread, 1e-9))
    return Forecast(
        contest_id, min(max(chance, 0.01), 0.99), 0.0, strength, factors,
        cutoff if cutoff != -math.inf else 0.0, seats, tuple(others[:8]),
        turns_until(contest.schedule.every, contest.schedule.offset, state.turn),
    )
