"""Polls before a vote: an actor's chance in the next sitting of a contest, with factors.

One model for everything that asks: the chance is what the contest's own rule gives
(``outlook``: strengths, noise, seats, runoffs, party votes and thresholds, the chamber),
computed without dice from the state as it stands.  Polls, previews, the AI and the ballot
therefore agree, and the calibration tests hold the chance to the realised win rate.

The "±" band is what the poll cannot know yet: every entrant's strength still moves before
the vote.  Strengths wander by ``DRIFT`` of the contest's noise per square root of a turn
(measured on AI careers in the shipped scenarios); the band is half the range of the chance
over the 95% range of the gap between the actor and its rivals by the day of the vote.  On
that day it is zero, because the chance is then exact.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.core.conditions import turns_until
from game.core.events import FactorValue
from game.core.outlook import race
from game.core.race import Race
from game.core.scenario import ContestDef
from game.core.scoring import contest_strength, contest_strength_value
from game.core.state import Actor, GameState

DRIFT = 0.35  # share of the contest noise a strength moves per sqrt(turn): measured 0.28-0.39
Z95 = 1.96
SEARCH = 200.0  # strength points searched either side for the strength giving an even chance


@dataclass(frozen=True, slots=True)
class Forecast:
    """A poll before the vote: win chance, its error band and the factors behind it."""

    contest: str
    chance: float
    error: float
    strength: float
    factors: tuple[FactorValue, ...]
    cutoff: float  # the strength that gives an even chance (the one to beat)
    seats: int
    rivals: tuple[tuple[str, float], ...]  # (label, expected strength), strongest first
    turns_until: int


class ContestOutlook:
    """An actor's prospects in the next sitting of a contest, and what-ifs against the same
    rivals: ``chance_at(strength)`` is cheap after the first call."""

    __slots__ = ("_error", "_race", "_spread", "chance", "contest", "strength", "turns_until")

    def __init__(self, contest: ContestDef, strength: float, found: Race, turns: int) -> None:
        self.contest = contest.id
        self.strength = strength
        self.turns_until = turns
        self._race = found
        self._spread = DRIFT * contest.noise * math.sqrt(turns)
        self._error: float | None = None
        self.chance = found.chance(strength)

    def chance_at(self, strength: float) -> float:
        """The win chance if the actor's strength were ``strength`` (rivals as they are)."""
        return self._race.chance(strength)

    @property
    def error(self) -> float:
        """Half-width of the 95% band: how far the chance may move before the vote."""
        if self._error is None:
            self._error = self._band()
        return self._error

    def _band(self) -> float:
        if self._spread <= 0.0:
            return 0.0
        # the actor's own drift and its rivals' taken together: the gap moves sqrt(2) as much
        step = Z95 * math.sqrt(2.0) * self._spread
        return (self.chance_at(self.strength + step) - self.chance_at(self.strength - step)) / 2

    @property
    def rivals(self) -> tuple[tuple[str, float], ...]:
        """The others' (label, expected strength), strongest first."""
        return self._race.rivals

    def cutoff(self) -> float:
        """The strength that gives an even chance (the strongest rival's if none does)."""
        low, high = self.strength - SEARCH, self.strength + SEARCH
        if self.chance_at(high) < 0.5 or self.chance_at(low) > 0.5:
            return max((s for _, s in self.rivals), default=0.0)
        for _ in range(30):
            middle = (low + high) / 2
            if self.chance_at(middle) < 0.5:
                low = middle
            else:
                high = middle
        return (low + high) / 2


def contest_outlook(state: GameState, actor: Actor, contest_id: str) -> ContestOutlook:
    """``actor``'s outlook in the next sitting of ``contest_id`` if it stands."""
    contest = state.book.contests[contest_id]
    strength = contest_strength_value(state, actor, contest)
    turns = turns_until(contest.schedule.every, contest.schedule.offset, state.turn)
    return ContestOutlook(contest, strength, race(state, actor, contest), turns)


def forecast(state: GameState, actor: Actor, contest_id: str) -> Forecast:
    """Expected outcome if ``actor`` stands in the next sitting of ``contest_id``."""
    contest = state.book.contests[contest_id]
    strength, factors = contest_strength(state, actor, contest)
    outlook = contest_outlook(state, actor, contest_id)
    seats = contest.winners or state.book.positions[contest.position].seats
    return Forecast(contest_id, outlook.chance, outlook.error, strength, factors,
                    outlook.cutoff(), seats, outlook.rivals[:8], outlook.turns_until)


def win_chance(state: GameState, actor: Actor, contest_id: str) -> float:
    """``forecast(...).chance`` without the explanation: what an AI needs, faster."""
    contest = state.book.contests[contest_id]
    strength = contest_strength_value(state, actor, contest)
    return race(state, actor, contest).chance(strength)
