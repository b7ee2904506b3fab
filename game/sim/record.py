"""Watching one career's events and turning them into a result row (plain JSON data).

A row holds what the reports need and nothing that depends on the process or the clock, so
the same scenario, seed and policies give the same row byte for byte on any worker.
"""

from __future__ import annotations

import math
from typing import Any

from game.core import GameState, legacy_score
from game.core.events import (
    ChannelEntered,
    ContestHeld,
    Event,
    EventDrawn,
    MoveMade,
    PartyChanged,
    PositionGained,
    ResourceChanged,
)
from game.core.ids import ActorId

#: At most this many per-turn samples per career (the stride grows with ``max_turns``).
MAX_SAMPLES = 40
SCORE = "score"


def sample_stride(max_turns: int) -> int:
    """Turns between two resource samples for a scenario of ``max_turns`` turns."""
    return max(1, math.ceil(max_turns / MAX_SAMPLES))


def _num(value: float) -> float:
    """Round for the row: two decimals keep lines short and stable."""
    return round(value, 2) + 0.0  # + 0.0 turns -0.0 into 0.0


def _bump(counts: dict[str, int], key: str) -> None:
    counts[key] = counts.get(key, 0) + 1


class CareerRecorder:
    """An event sink (``play(..., sink=recorder)``) that tallies what a row reports.

    Player facts are kept in full; for rivals only what dead-content and persona reports
    need (moves used, events fired, positions gained in play, channels entered).
    """

    def __init__(self, state: GameState) -> None:
        self.state = state
        self.player = state.order[0]
        self.stride = sample_stride(state.book.scenario.max_turns)
        self.sampled = [r.id for r in state.book.scenario.resources if not r.skill]
        self.sample_turns: list[int] = []
        self.samples: dict[str, list[float]] = {k: [] for k in (*self.sampled, SCORE)}
        self.moves: dict[str, int] = {}
        self.events: dict[str, int] = {}
        self.contests: dict[str, list[int]] = {}
        self.gained: dict[str, str] = {}  # player: position -> how it was first gained
        self.paths: dict[str, list[str]] = {aid: [] for aid in state.order}
        self.rival_gained: dict[str, set[str]] = {aid: set() for aid in state.order}
        self.rival_moves: set[str] = set()
        self.rival_events: set[str] = set()
        self.flows: dict[str, dict[str, float]] = {}  # resource -> reason kind -> total
        self.decisions = 0
        self.last_turn = -1
        self.first_party: str | None = state.actors[self.player].party  # joined first, if any

    def start(self, events: list[Event]) -> None:
        """Take the events that set the game up (``new_game``) and the first sample."""
        for event in events:
            self.one(event)
        self.last_turn = self.state.turn
        self.sample()

    def __call__(self, events: list[Event]) -> None:
        """Take the events of one decision (one ``step``)."""
        self.decisions += 1
        for event in events:
            self.one(event)
        if self.state.turn != self.last_turn:
            self.last_turn = self.state.turn
            if (self.state.turn - 1) % self.stride == 0 and self.state.phase != "over":
                self.sample()

    def one(self, event: Event) -> None:
        """Tally one event."""
        if isinstance(event, ResourceChanged):
            if event.actor == self.player:
                # "move:rally" -> "move": where resources come from, by kind of reason
                kind = event.reason.split(":", 1)[0]
                flows = self.flows.setdefault(event.resource, {})
                flows[kind] = flows.get(kind, 0.0) + event.delta
        elif isinstance(event, MoveMade):
            if event.actor == self.player:
                _bump(self.moves, event.move)
            else:
                self.rival_moves.add(event.move)
        elif isinstance(event, ContestHeld):
            self._contest(event)
        elif isinstance(event, PositionGained):
            if event.actor == self.player:
                self.gained.setdefault(event.position, event.how)
            elif event.how != "start":
                self.rival_gained[event.actor].add(event.position)
        elif isinstance(event, PartyChanged):
            if event.actor == self.player and self.first_party is None:
                self.first_party = event.party
        elif isinstance(event, ChannelEntered):
            self.paths[event.actor].append(event.channel)
        elif isinstance(event, EventDrawn):
            if event.actor is None or event.actor == self.player:
                _bump(self.events, event.event)
            else:
                self.rival_events.add(event.event)

    def _contest(self, event: ContestHeld) -> None:
        for entrant in event.contestants:
            if entrant.actor == self.player:
                tally = self.contests.setdefault(event.contest, [0, 0])
                tally[0] += 1
                tally[1] += int(entrant.won)

    def sample(self) -> None:
        """Record the player's resources and legacy score now (start of a turn)."""
        player = self.state.actors[self.player]
        self.sample_turns.append(self.state.turn)
        for rid in self.sampled:
            self.samples[rid].append(_num(player.resources.get(rid, 0.0)))
        self.samples[SCORE].append(legacy_score(self.state, player))

    def row(self) -> dict[str, Any]:
        """The finished career as a row (call once the game is over)."""
        state = self.state
        player = state.actors[self.player]
        won_contests = sum(t[1] for t in self.contests.values())
        return {
            "scenario": state.scenario_id,
            "seed": state.seed,
            "result": state.result or "unfinished",
            "top": not state.book.victory_positions.isdisjoint(player.first_held),
            "turns": state.turn,
            "score": legacy_score(state, player),
            "highest": highest(state, player.first_held),
            "resources": {k: _num(v) for k, v in sorted(player.resources.items())},
            "positions": {
                pid: {"first": first, "turns": player.turns_held.get(pid, 0),
                      "how": self.gained.get(pid, "start"), "held": pid in player.positions}
                for pid, first in sorted(player.first_held.items())
            },
            "path": self.paths[self.player],
            "first_party": self.first_party,
            "moves": dict(sorted(self.moves.items())),
            "events": dict(sorted(self.events.items())),
            "contests": {k: v for k, v in sorted(self.contests.items())},
            "contests_entered": sum(t[0] for t in self.contests.values()),
            "contests_won": won_contests,
            "decisions": self.decisions,
            "flows": {res: {k: _num(v) for k, v in sorted(kinds.items())}
                      for res, kinds in sorted(self.flows.items())},
            "samples": {"turns": self.sample_turns, **self.samples},
            "rivals": [self._rival(aid) for aid in state.order[1:]],
            "rivals_used": {"moves": sorted(self.rival_moves),
                            "events": sorted(self.rival_events)},
        }

    def _rival(self, aid: ActorId) -> dict[str, Any]:
        state = self.state
        actor = state.actors[aid]
        return {
            "id": aid,
            "persona": actor.persona,
            "result": actor.result or "active",
            "score": legacy_score(state, actor),
            "top": not state.book.victory_positions.isdisjoint(actor.first_held),
            "highest": highest(state, actor.first_held),
            "gained": sorted(self.rival_gained[aid]),
            "path": self.paths[aid],
        }


def highest(state: GameState, held: dict[str, int]) -> str | None:
    """The most prestigious position among ``held`` (ties by id)."""
    if not held:
        return None
    return max(held, key=lambda p: (state.book.positions[p].prestige, p))
