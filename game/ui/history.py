"""A career's history rebuilt from engine events: who held what when, resources over time.

Pure Python (no pygame): the end screen draws it, tests check it without a display.  Events
may start mid-career (a loaded save); positions held before that start at their ``since``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from game.core.events import (
    ContestHeld,
    Event,
    PositionGained,
    PositionLost,
    ResourceChanged,
    TurnStarted,
)
from game.core.state import GameState


@dataclass(frozen=True, slots=True)
class Span:
    """``actor`` held ``position`` from turn ``start`` to ``end`` (None: still holds it)."""

    actor: str
    position: str
    start: int
    end: int | None


@dataclass(slots=True)
class Timeline:
    """Turns covered, position spans of every actor, and resource values per turn."""

    turns: list[int]
    spans: list[Span] = field(default_factory=list)
    # actor -> resource -> value at the end of each turn in ``turns``
    series: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    contests: list[tuple[int, str, bool]] = field(default_factory=list)  # player's: turn, id, won

    def spans_of(self, actor: str) -> list[Span]:
        """One actor's spans, in order of start."""
        return sorted((s for s in self.spans if s.actor == actor), key=lambda s: s.start)


def _first_turn(events: Sequence[Event], state: GameState) -> int:
    starts = sum(1 for e in events if isinstance(e, TurnStarted))
    return max(state.turn - starts, 0)


def build_timeline(events: Sequence[Event], state: GameState) -> Timeline:
    """The history of ``state`` as far back as ``events`` reach."""
    turn = _first_turn(events, state)
    first = max(turn, 1)
    held_since = [h.since for a in state.actors.values() for h in a.positions.values()]
    first = max(min([first, *held_since]), 1) if turn > 0 else first
    turns = list(range(first, max(state.turn, first) + 1))
    open_spans: dict[tuple[str, str], int] = {}
    timeline = Timeline(turns)
    deltas: dict[tuple[str, str, int], float] = {}
    player: str = state.order[0]
    for event in events:
        if isinstance(event, TurnStarted):
            turn = event.turn
        elif isinstance(event, PositionGained):
            open_spans[(event.actor, event.position)] = max(turn, 1)
        elif isinstance(event, PositionLost):
            start = open_spans.pop((event.actor, event.position), first)
            timeline.spans.append(Span(event.actor, event.position, start, max(turn, start)))
        elif isinstance(event, ResourceChanged):
            key = (event.actor, event.resource, max(turn, first))
            deltas[key] = deltas.get(key, 0.0) + event.delta
        elif isinstance(event, ContestHeld):
            for entrant in event.contestants:
                if entrant.actor == player:
                    timeline.contests.append((turn, event.contest, entrant.won))
    for owner, actor in state.actors.items():
        for pid, holding in actor.positions.items():
            start = open_spans.pop((owner, pid), max(holding.since, first))
            timeline.spans.append(Span(owner, pid, start, None))
    for (aid, pid), start in open_spans.items():  # lost without an event we saw
        timeline.spans.append(Span(aid, pid, start, state.turn))
    timeline.series = _series(state, turns, deltas)
    return timeline


def _series(state: GameState, turns: list[int],
            deltas: dict[tuple[str, str, int], float]) -> dict[str, dict[str, list[float]]]:
    """Values at the end of each turn, walking back from today's values."""
    out: dict[str, dict[str, list[float]]] = {}
    for aid, actor in state.actors.items():
        per: dict[str, list[float]] = {}
        for rid, now in actor.resources.items():
            values = [0.0] * len(turns)
            value = now
            for index in range(len(turns) - 1, -1, -1):
                values[index] = value
                value -= deltas.get((aid, rid, turns[index]), 0.0)
            per[rid] = values
        out[aid] = per
    return out
