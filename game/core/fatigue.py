"""Diminishing returns: a move made again soon gains less, and gains shrink near a cap.

A move's ``repeat`` (or the scenario's) multiplies its gains by ``falloff`` once for each
time the actor made it in the ``window`` turns before this one: the fifth town-hall meeting
in a row draws a thinner crowd.  A resource's ``taper`` shrinks gains as the value nears its
maximum.  Only gains shrink; costs are paid in full.
"""

from __future__ import annotations

from game.core.rulebook import Rulebook
from game.core.scenario import Repeat
from game.core.state import Actor


def uses_in_window(repeat: Repeat, actor: Actor, move: str, turn: int) -> int:
    """How often ``actor`` made ``move`` in the ``repeat.window`` turns before ``turn``."""
    since = turn - repeat.window
    return sum(1 for t in actor.recent.get(move, ()) if since <= t < turn)


def yield_factor(book: Rulebook, actor: Actor, move: str, turn: int) -> float:
    """What share of ``move``'s gains ``actor`` would get if made on ``turn`` (1 = all)."""
    repeat = book.repeats.get(move)
    if repeat is None or move not in actor.recent:
        return 1.0
    return repeat.falloff ** uses_in_window(repeat, actor, move, turn)


def remember(book: Rulebook, actor: Actor, move: str, turn: int) -> None:
    """Record that ``actor`` made ``move`` on ``turn``, forgetting uses past every window."""
    repeat = book.repeats.get(move)
    if repeat is None:
        return
    since = turn - repeat.window
    actor.recent[move] = (*(t for t in actor.recent.get(move, ()) if t >= since), turn)


def sustained_share(repeat: Repeat | None, shortest: int = 1) -> float:
    """Uses per turn a move keeps up over many turns, each counted at the share of its
    gains it yields, made at most every ``shortest`` turns (its cooldown): made every
    ``k``-th turn it was made ``window // k`` times in the window before each use."""
    if repeat is None:
        return 1.0 / shortest
    return max(repeat.falloff ** (repeat.window // every) / every
               for every in range(shortest, max(shortest, repeat.window + 1) + 1))
