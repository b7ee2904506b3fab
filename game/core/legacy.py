"""The legacy score: what a career leaves behind, in parts a player can read.

- ``influence``: influence accrued over the career (positions, moves, events);
- ``offices``: every office ever held counts its prestige, half on taking it and the rest
  earned by serving (full after ``FULL_SERVICE`` turns), so a long tenure outscores a brief one
  and a career through several channels outscores one that stayed put;
- ``top_post``: reaching the victory position ends the career early, so the turns it leaves
  are credited: at the pace the career kept until then (its score per turn so far), plus the
  yield of the offices held at that moment, the top post's included.  A career that wins
  therefore always ends above the one it would have been at its own pace.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.state import Actor, GameState

INFLUENCE = "influence"
FULL_SERVICE = 8  # turns in an office after which its whole prestige counts
TAKING_SHARE = 0.5  # share of an office's prestige earned on taking it


@dataclass(frozen=True, slots=True)
class ScorePart:
    """One line of the legacy score: ``key`` names it (``influence``, ``offices``,
    ``top_post``), ``points`` is its contribution, ``turns`` the turns it stands for."""

    key: str
    points: float
    turns: int = 0


def credited_turns(state: GameState, actor: Actor) -> int:
    """Turns of the career a victory cut short (0 unless the actor won)."""
    if actor.result != "won":
        return 0
    return max(state.book.scenario.max_turns - actor.ended_turn, 0)


def office_points(state: GameState, actor: Actor, extra: int = 0) -> float:
    """Prestige of every office ever held, weighted by time served; ``extra`` turns are added
    to the offices held now (the turns a victory credits)."""
    total = 0.0
    for pid in actor.first_held:
        served = actor.turns_held.get(pid, 0) + (extra if pid in actor.positions else 0)
        share = TAKING_SHARE + (1.0 - TAKING_SHARE) * min(served, FULL_SERVICE) / FULL_SERVICE
        total += state.book.positions[pid].prestige * share
    return total


def legacy_parts(state: GameState, actor: Actor) -> tuple[ScorePart, ...]:
    """The score's parts for ``actor``, in the order the end screen lists them."""
    extra = credited_turns(state, actor)
    influence = actor.resources.get(INFLUENCE, 0.0)
    offices = office_points(state, actor)
    parts = [ScorePart(INFLUENCE, influence), ScorePart("offices", offices)]
    if extra:
        pace = (influence + offices) / max(actor.ended_turn, 1)
        held = sum(state.book.positions[p].influence for p in actor.positions)
        bonus = extra * (pace + held) + office_points(state, actor, extra) - offices
        parts.append(ScorePart("top_post", bonus, extra))
    return tuple(parts)


def legacy_score(state: GameState, actor: Actor) -> float:
    """The sum of ``legacy_parts``, rounded to hundredths."""
    return round(sum(part.points for part in legacy_parts(state, actor)), 2)
