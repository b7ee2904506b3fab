"""The turn pipeline after every actor has moved.

upkeep -> moves (engine.apply) -> events -> contests -> terms and promotions -> victory, then
the next turn's upkeep.  Identical for the player and every rival.
"""

from __future__ import annotations

from game.core import cards, contests, positions
from game.core.events import Event, TurnStarted
from game.core.state import GameState
from game.core.upkeep import upkeep
from game.core.victory import check_ends


def after_moves(state: GameState, out: list[Event]) -> None:
    """All actors have ended their moves: draw events, then finish unless a card waits."""
    cards.draw_world(state, out)
    for aid in state.order:
        actor = state.actors[aid]
        if actor.result is None:
            cards.draw_for_actor(state, actor, out)
    if state.pending:
        state.phase = "choose"
    else:
        finish_turn(state, out)


def finish_turn(state: GameState, out: list[Event]) -> None:
    """Contests, terms and promotions, victory; then start the next turn."""
    contests.resolve_due(state, out)
    end_terms(state, out)
    promote(state, out)
    check_ends(state, out)
    if state.phase != "over":
        start_turn(state, state.turn + 1, out)


def end_terms(state: GameState, out: list[Event]) -> None:
    """Fixed terms of appointed and examined seats run out; lapsing seats go when their
    requirements no longer hold."""
    ending = state.book.ending_positions
    for aid in state.order:
        actor = state.actors[aid]
        if ending.isdisjoint(actor.positions):
            continue  # nothing held has a term to run out or can lapse
        for pid, holding in list(actor.positions.items()):
            pdef = state.book.positions[pid]
            expired = state.turn - holding.since >= pdef.term
            if pdef.term and pdef.obtained != "contest" and expired:
                positions.lose(state, actor, pid, "term ended", out)
            elif pdef.lapses and not state.book.position_requires[pid](state, actor):
                positions.lose(state, actor, pid, "no longer qualifies", out)


def promote(state: GameState, out: list[Event]) -> None:
    """Automatic positions go to every actor who now meets their requirements."""
    for pdef in state.book.automatic_positions:
        for aid in state.order:
            actor = state.actors[aid]
            if actor.result is None and positions.can_take(state, actor, pdef.id) is None:
                positions.gain(state, actor, pdef.id, "promotion", out)


def start_turn(state: GameState, turn: int, out: list[Event]) -> None:
    """Begin ``turn``: upkeep for every active actor, then the first actor to move."""
    state.turn = turn
    state.move_count = 0
    state.phase = "act"
    out.append(TurnStarted(turn))
    for aid in state.order:
        actor = state.actors[aid]
        if actor.result is None:
            upkeep(state, actor, out)
    state.current = first_active(state, 0)


def first_active(state: GameState, start: int) -> int:
    """Index of the first active actor at or after ``start`` (len(order) if none)."""
    index = start
    while index < len(state.order) and state.actors[state.order[index]].result is not None:
        index += 1
    return index
