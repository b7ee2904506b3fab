"""A fast independent copy of a game state, for lookahead.

A planner simulates futures on copies through ``apply``; ``copy.deepcopy`` would copy the
compiled rulebook too and walk every object generically.  Here the rulebook is shared (it is
read-only) and every mutable part is copied by hand.  ``ACTOR_FIELDS``, ``HOLDING_FIELDS``,
``STATE_FIELDS`` and ``PENDING_FIELDS`` list the fields copied; a test compares them with the
dataclasses, so a field added to a state class cannot be forgotten here.
"""

from __future__ import annotations

from game.core.state import Actor, GameState, Holding, PendingChoice

ACTOR_FIELDS = (
    "id", "name", "persona", "is_player", "resources", "positions", "first_held", "turns_held",
    "party", "party_since", "statuses", "agenda", "cooldowns", "used_this_turn",
    "registrations", "nominations", "event_ready", "channels", "recent", "debt_turns", "result",
    "ended_turn",
)
HOLDING_FIELDS = ("since", "party", "wins")
PENDING_FIELDS = ("actor", "event")
STATE_FIELDS = (
    "book", "scenario_id", "seed", "turn", "phase", "order", "current", "actors", "popularity",
    "seats", "party_seats", "coalitions", "pending", "result", "move_count",
)


def clone_actor(actor: Actor) -> Actor:
    """A copy of ``actor`` sharing nothing mutable with it (its recent moves are tuples)."""
    return Actor(
        actor.id, actor.name, actor.persona, actor.is_player, actor.resources.copy(),
        {pid: Holding(h.since, h.party, h.wins) for pid, h in actor.positions.items()},
        actor.first_held.copy(), actor.turns_held.copy(), actor.party, actor.party_since,
        actor.statuses.copy(), actor.agenda, actor.cooldowns.copy(),
        actor.used_this_turn.copy(), actor.registrations.copy(), actor.nominations.copy(),
        actor.event_ready.copy(), actor.channels.copy(),
        actor.recent.copy(), actor.debt_turns,
        actor.result, actor.ended_turn,
    )


def clone_state(state: GameState, seed: int | None = None) -> GameState:
    """An independent copy of ``state`` that shares only the read-only rulebook.

    With ``seed`` the copy rolls other dice from here on (a sampled future); without it the
    copy plays on exactly as the original would under the same commands.
    """
    return GameState(
        book=state.book, scenario_id=state.scenario_id,
        seed=state.seed if seed is None else seed, turn=state.turn, phase=state.phase,
        order=state.order.copy(), current=state.current,
        actors={aid: clone_actor(actor) for aid, actor in state.actors.items()},
        popularity=state.popularity.copy(),
        seats={key: holders.copy() for key, holders in state.seats.items()},
        party_seats={body: chamber.copy() for body, chamber in state.party_seats.items()},
        coalitions={chamber: parties.copy() for chamber, parties in state.coalitions.items()},
        pending=[PendingChoice(p.actor, p.event) for p in state.pending],
        result=state.result, move_count=state.move_count,
    )
