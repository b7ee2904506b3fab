"""Event cards: drawing world and actor events after the moves of a turn."""

from __future__ import annotations

from game.core.effects import apply_effects, shift_popularity
from game.core.events import Event, EventDrawn
from game.core.rng import stream
from game.core.rules import ChangePartyPopularity
from game.core.scenario import EventDef
from game.core.state import Actor, GameState, PendingChoice


def _ready(state: GameState, actor: Actor, event: EventDef) -> bool:
    ready = actor.event_ready.get(event.id)
    return ready is None or ready <= state.turn


def _mark_fired(state: GameState, actor: Actor, event: EventDef) -> None:
    # once: never again; otherwise not before the cooldown has passed
    actor.event_ready[event.id] = 1 << 30 if event.once else state.turn + event.cooldown + 1


def draw_world(state: GameState, out: list[Event]) -> None:
    """Roll each world event once; one that fires shifts party popularity once and applies
    its other effects to every actor.

    World conditions are read from the player's point of view (turn, the world, parties).
    """
    rng = stream(state.seed, state.turn, "world-events")
    player = state.player
    for event in state.book.world_events:
        roll = rng.random()
        if roll >= event.probability or not _ready(state, player, event):
            continue
        if not state.book.event_conditions[event.id](state, player):
            continue
        _mark_fired(state, player, event)
        out.append(EventDrawn(event.id, None, roll, event.probability))
        reason = f"event:{event.id}"
        # the world's parties move once per event; every actor feels the rest
        for effect in event.effects:
            if isinstance(effect, ChangePartyPopularity):
                shift_popularity(state, None, effect, reason, out)
        personal = tuple(e for e in event.effects if not isinstance(e, ChangePartyPopularity))
        for aid in state.order:
            actor = state.actors[aid]
            if actor.result is None:
                apply_effects(state, actor, personal, None, reason, out)


def draw_for_actor(state: GameState, actor: Actor, out: list[Event]) -> None:
    """At most one card per actor and turn, chosen evenly among those that fire."""
    rng = stream(state.seed, state.turn, f"events:{actor.id}")
    draw, ready, turn = rng.random, actor.event_ready, state.turn
    fired: list[tuple[EventDef, float]] = []
    # every card rolls, in scenario order, whether or not it may fire: the dice stay fixed
    for event, probability, holds in state.book.actor_draws:
        roll = draw()
        if roll < probability and ready.get(event.id, turn) <= turn and holds(state, actor):
            fired.append((event, roll))
    if not fired:
        return
    event, roll = fired[rng.randrange(len(fired))]
    _mark_fired(state, actor, event)
    out.append(EventDrawn(event.id, actor.id, roll, event.probability))
    apply_effects(state, actor, event.effects, None, f"event:{event.id}", out)
    if event.choices and actor.result is None:
        state.pending.append(PendingChoice(actor.id, event.id))
