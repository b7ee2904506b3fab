"""Ends of careers: victory, ruin, time running out, and the legacy score."""

from __future__ import annotations

from game.core import positions
from game.core.events import CareerEnded, Event
from game.core.legacy import legacy_score
from game.core.state import Actor, GameState, Result

FUNDS = "funds"


def end_career(state: GameState, actor: Actor, result: Result, out: list[Event]) -> None:
    """Close ``actor``'s career; a ruined or retired actor gives up every seat."""
    actor.result = result
    actor.ended_turn = state.turn
    if result in ("ruined", "retired"):
        positions.lose_all(state, actor, result, out)
    actor.registrations.clear()
    out.append(CareerEnded(actor.id, result, legacy_score(state, actor)))


def check_ends(state: GameState, out: list[Event]) -> None:
    """After contests and promotions: ruin for every actor, victory and time for the player."""
    scenario = state.book.scenario
    for aid in state.order:
        actor = state.actors[aid]
        if actor.result is not None:
            continue
        if FUNDS in actor.resources and actor.resources[FUNDS] < scenario.debt_limit:
            actor.debt_turns += 1
        else:
            actor.debt_turns = 0
        disgraced = bool(actor.statuses) and not state.book.ruin_statuses.isdisjoint(
            actor.statuses)
        if disgraced or actor.debt_turns >= scenario.victory.debt_turns:
            end_career(state, actor, "ruined", out)
        elif actor.is_player and not state.book.victory_positions.isdisjoint(actor.positions):
            end_career(state, actor, "won", out)
        elif state.turn >= scenario.max_turns:
            end_career(state, actor, "time_up", out)
    close_if_player_done(state)


def close_if_player_done(state: GameState) -> bool:
    """The game ends with the player's career; True if it has."""
    player = state.player
    if player.result is not None:
        state.result = player.result
        state.phase = "over"
        return True
    return False
