"""The canonical dump of a game state, its hash, and loading a dump back.

The dump is plain JSON data with sorted keys; ``state_sha256`` hashes its compact encoding.
Same scenario, seed and commands give byte-identical dumps in any process.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Any

from game.core.events import Event
from game.core.ids import ActorId
from game.core.rulebook import Rulebook
from game.core.state import Actor, GameState, Holding, PendingChoice

DUMP_VERSION = 1


def _actor_dump(actor: Actor) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": actor.id, "name": actor.name, "persona": actor.persona, "player": actor.is_player,
        "resources": dict(actor.resources),
        "positions": {p: asdict(h) for p, h in actor.positions.items()},
        "first_held": dict(actor.first_held), "turns_held": dict(actor.turns_held),
        "party": actor.party, "party_since": actor.party_since,
        "statuses": dict(actor.statuses), "agenda": actor.agenda,
        "cooldowns": dict(actor.cooldowns), "used_this_turn": list(actor.used_this_turn),
        "registrations": list(actor.registrations), "nominations": list(actor.nominations),
        "event_ready": dict(actor.event_ready), "channels": dict(actor.channels),
        "debt_turns": actor.debt_turns, "result": actor.result, "ended_turn": actor.ended_turn,
    }
    if actor.recent:  # absent without repeated moves, so older dumps keep their hashes
        data["recent"] = {move: list(turns) for move, turns in actor.recent.items()}
    return data


def dump_state(state: GameState) -> dict[str, Any]:
    """Every field of ``state`` as JSON-ready data (the rulebook is referenced by id)."""
    data: dict[str, Any] = {
        "version": DUMP_VERSION,
        "scenario": state.scenario_id,
        "fingerprint": state.book.scenario.fingerprint,
        "seed": state.seed, "turn": state.turn, "phase": state.phase,
        "order": list(state.order), "current": state.current,
        "actors": {aid: _actor_dump(a) for aid, a in state.actors.items()},
        "popularity": dict(state.popularity),
        "seats": {k: list(v) for k, v in state.seats.items()},
        "party_seats": {k: dict(v) for k, v in state.party_seats.items()},
        "pending": [{"actor": p.actor, "event": p.event} for p in state.pending],
        "result": state.result, "move_count": state.move_count,
    }
    if state.coalitions:  # absent without governments, so older dumps keep their hashes
        data["coalitions"] = {k: list(v) for k, v in state.coalitions.items()}
    return data


def canonical_json(data: Any) -> str:
    """Compact, key-sorted JSON; NaN and infinity are refused."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), allow_nan=False)


def state_sha256(state: GameState) -> str:
    """SHA-256 of the canonical dump."""
    return hashlib.sha256(canonical_json(dump_state(state)).encode()).hexdigest()


def event_to_dict(event: Event) -> dict[str, Any]:
    """An event as plain data (its ``kind`` says which)."""
    return asdict(event)


def _actor_load(data: dict[str, Any]) -> Actor:
    return Actor(
        id=ActorId(data["id"]), name=data["name"], persona=data["persona"],
        is_player=data["player"], resources=dict(data["resources"]),
        positions={p: Holding(**h) for p, h in data["positions"].items()},
        first_held=dict(data["first_held"]), turns_held=dict(data["turns_held"]),
        party=data["party"], party_since=data["party_since"], statuses=dict(data["statuses"]),
        agenda=data["agenda"], cooldowns=dict(data["cooldowns"]),
        used_this_turn=list(data["used_this_turn"]), registrations=list(data["registrations"]),
        nominations=list(data["nominations"]), event_ready=dict(data["event_ready"]),
        channels=dict(data["channels"]),
        recent={str(m): tuple(int(t) for t in turns)
                for m, turns in data.get("recent", {}).items()},
        debt_turns=data["debt_turns"], result=data["result"],
        ended_turn=data["ended_turn"],
    )


def load_state(book: Rulebook, data: dict[str, Any]) -> GameState:
    """Rebuild a state from ``dump_state`` output; raises KeyError/TypeError/ValueError if bad."""
    if data.get("version") != DUMP_VERSION:
        raise ValueError(f"unsupported state version {data.get('version')!r}")
    if data["scenario"] != book.scenario.id:
        raise ValueError(f"state is for scenario {data['scenario']!r}, not {book.scenario.id!r}")
    return GameState(
        book=book, scenario_id=data["scenario"], seed=int(data["seed"]), turn=int(data["turn"]),
        phase=data["phase"], order=[ActorId(a) for a in data["order"]],
        current=int(data["current"]),
        actors={ActorId(k): _actor_load(v) for k, v in data["actors"].items()},
        # the rules iterate parties in scenario order: restore it whatever the dump's order
        popularity={p.id: float(data["popularity"][p.id]) for p in book.scenario.parties},
        seats={k: [ActorId(a) for a in v] for k, v in data["seats"].items()},
        party_seats={k: {p: int(n) for p, n in v.items()} for k, v in data["party_seats"].items()},
        pending=[PendingChoice(ActorId(p["actor"]), p["event"]) for p in data["pending"]],
        result=data["result"], move_count=int(data["move_count"]),
        coalitions={k: [str(p) for p in v] for k, v in data.get("coalitions", {}).items()},
    )
