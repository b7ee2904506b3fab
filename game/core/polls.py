"""Polls before a vote: an actor's chance in the next sitting of a contest, with factors.

Deterministic approximations (no dice): the actor's strength against the strength it must
beat, with the contest's noise on both sides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.core.ballots import ELECTION_KINDS, FIELD_LABEL, seat_count
from game.core.conditions import turns_until
from game.core.contests import entrants
from game.core.events import FactorValue
from game.core.scenario import ContestDef
from game.core.scoring import contest_strength, contest_strength_value
from game.core.state import Actor, GameState, seat_key


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


POLL_SAMPLE = 400  # respondents behind a poll's error band


def forecast(state: GameState, actor: Actor, contest_id: str) -> Forecast:
    """Expected outcome if ``actor`` stands in the next sitting of ``contest_id``."""
    contest = state.book.contests[contest_id]
    strength, factors = contest_strength(state, actor, contest)
    others = _rivals(state, actor, contest)
    chance, cutoff = _chance(state, contest, actor, strength, others)
    error = 1.96 * math.sqrt(chance * (1.0 - chance) / POLL_SAMPLE)
    return Forecast(
        contest_id, chance, error, strength, factors, max(cutoff, 0.0),
        seat_count(state, contest), tuple(others[:8]),
        turns_until(contest.schedule.every, contest.schedule.offset, state.turn),
    )


def win_chance(state: GameState, actor: Actor, contest_id: str) -> float:
    """``forecast(...).chance`` without the explanation: what an AI needs, faster."""
    contest = state.book.contests[contest_id]
    strength = contest_strength_value(state, actor, contest)
    return _chance(state, contest, actor, strength, _rivals(state, actor, contest))[0]


def _rivals(state: GameState, actor: Actor, contest: ContestDef) -> list[tuple[str, float]]:
    """Other entrants and their strengths, strongest first."""
    party = actor.party if contest.per_party else None
    return sorted(
        ((a.name, contest_strength_value(state, a, contest))
         for a in entrants(state, contest, party) if a is not actor),
        key=lambda row: -row[1])


def _chance(
    state: GameState, contest: ContestDef, actor: Actor, strength: float,
    others: list[tuple[str, float]],
) -> tuple[float, float]:
    """(win chance clamped to 1%-99%, the strength to beat) under the contest's rule."""
    spread = max(contest.noise * math.sqrt(2.0), 1e-9)
    if contest.kind not in ELECTION_KINDS:
        free = _free_seats(state, contest, actor.party if contest.per_party else None)
        cutoff = contest.threshold
        if len(others) >= free > 0:  # more applicants than places: beat the last one in
            cutoff = max(cutoff, others[free - 1][1])
        chance = 0.0 if free <= 0 else _normal_cdf((strength - cutoff) / max(contest.noise, 1e-9))
    elif contest.allocation == "districts":
        cutoff = contest.field_strength
        chance = _normal_cdf((strength - cutoff) / spread) ** contest.field_count
    elif contest.allocation in ("dhondt", "sainte_lague"):
        cutoff = contest.field_strength
        chance = _list_chance(state, contest, actor, strength, spread)
    else:
        seats = seat_count(state, contest)
        field = [(FIELD_LABEL, contest.field_strength)] * contest.field_count
        rivals = sorted([*others, *field], key=lambda row: -row[1])
        cutoff = rivals[seats - 1][1] if len(rivals) >= seats else -math.inf
        chance = 1.0 if cutoff == -math.inf else _normal_cdf((strength - cutoff) / spread)
    return min(max(chance, 0.01), 0.99), cutoff


def _free_seats(state: GameState, contest: ContestDef, party: str | None) -> int:
    pdef = state.book.positions[contest.position]
    return pdef.seats - len(state.seats.get(seat_key(pdef.id, party), ()))


def _list_chance(
    state: GameState, contest: ContestDef, actor: Actor, strength: float, spread: float
) -> float:
    """List systems: the party's expected seats, and how many of its list outrank the actor."""
    if actor.party is None:
        return 0.0
    total = sum(state.popularity.values())
    share = state.popularity[actor.party] / total if total else 0.0
    if share < contest.party_threshold:
        return 0.0
    expected_seats = round(seat_count(state, contest) * share)
    if expected_seats <= 0:
        return 0.0
    list_length = contest.field_count or seat_count(state, contest)
    beaten_by = _normal_cdf((contest.field_strength - strength) / spread)
    # P(fewer than expected_seats list members beat the actor), binomial
    return sum(
        math.comb(list_length, k) * beaten_by**k * (1.0 - beaten_by) ** (list_length - k)
        for k in range(min(expected_seats, list_length + 1))
    )
