"""A race: an actor's chance in one contest as a function of its strength, remembered.

Races are pure in their inputs (see ``outlook``), so they are kept on the rulebook under a
key of those inputs; the memory is cleared when it grows past ``CACHE_LIMIT``.
"""

from __future__ import annotations

from collections.abc import Callable

from game.core.ballot_lists import DEFAULT_RANK
from game.core.contests import entrants
from game.core.scenario import ContestDef
from game.core.scoring import contest_strength_value, weighted_sum
from game.core.state import Actor, GameState

CACHE_LIMIT = 20_000  # races remembered per rulebook before the memory is cleared


class Race:
    """An actor's chance in the next sitting of one contest, as its strength varies."""

    __slots__ = ("_fn", "_memo", "rivals")

    def __init__(self, fn: Callable[[float], float],
                 rivals: tuple[tuple[str, float], ...] = ()) -> None:
        self._fn = fn
        self._memo: dict[float, float] = {}
        self.rivals = rivals  # (label, strength) of the others, strongest first

    def chance(self, strength: float) -> float:
        """The win chance at ``strength`` (contest points, before noise)."""
        found = self._memo.get(strength)
        if found is None:
            # rounded so that quadrature's last digits never make a chance dip as it rises
            found = self._memo[strength] = round(min(max(self._fn(strength), 0.0), 1.0), 12)
        return found


NEVER = Race(lambda s: 0.0)


def cached(state: GameState, key: tuple[object, ...], build: Callable[[], Race]) -> Race:
    """The race remembered under ``key``, built if new."""
    cache = state.book.poll_cache
    found = cache.get(key)
    if isinstance(found, Race):
        return found
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    made = cache[key] = build()
    return made


def rivals_of(state: GameState, actor: Actor, contest: ContestDef,
              party: str | None) -> list[tuple[Actor, float, bool]]:
    """Other entrants: (actor, strength, listed before ``actor``)."""
    mine = state.order.index(actor.id)
    found = []
    for other in entrants(state, contest, party):
        if other is not actor:
            found.append((other, contest_strength_value(state, other, contest),
                          state.order.index(other.id) < mine))
    return found


def shown(rows: list[tuple[Actor, float, bool]]) -> tuple[tuple[str, float], ...]:
    """The others' (label, strength), strongest first."""
    return tuple(sorted(((a.name, s) for a, s, _ in rows), key=lambda r: -r[1]))


def rank_score(state: GameState, actor: Actor, contest: ContestDef) -> float:
    """A candidate's standing on a closed list (the party's ranking, before noise)."""
    return weighted_sum(state, actor, contest.list_rank or DEFAULT_RANK, contest.position)

