"""The one way state changes: ``apply(state, command)``; and the queries around it.

``legal_moves`` (in ``game.core.legal``) is candidates filtered by the same checks ``apply``
runs in ``validate``, so the UI, the AI and the engine never disagree.  A refused command
returns a ``Rejected`` value and leaves the state untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from game.core import turns
from game.core.effects import apply_effects
from game.core.events import CheckRolled, ChoiceMade, Event, MoveMade, TurnEnded
from game.core.fatigue import remember, yield_factor
from game.core.legal import legal_moves, to_move
from game.core.moves import ChooseOption, Command, EndTurn, MakeMove, Rejection
from game.core.resources import change
from game.core.rng import stream
from game.core.scenario import Check, ChoiceDef, MoveDef
from game.core.scoring import check_chance
from game.core.state import Actor, GameState
from game.core.victory import close_if_player_done

__all__ = ["Rejected", "apply", "apply_legal", "legal_moves", "to_move", "validate"]

FUNDS = "funds"
ONCE = 1 << 30  # a cooldown that never ends


@dataclass(frozen=True, slots=True)
class Rejected:
    """A refused command: a reason code and a sentence for people."""

    reason: Rejection
    message: str


def validate(state: GameState, command: Command) -> Rejected | None:
    """Why ``command`` would be refused now (None = it would be applied)."""
    if state.phase == "over":
        return Rejected(Rejection.GAME_OVER, "the game is over")
    actor = state.actors.get(command.actor)
    if actor is None:
        return Rejected(Rejection.UNKNOWN_ACTOR, f"no actor {command.actor!r}")
    if to_move(state) != command.actor:
        return Rejected(Rejection.NOT_YOUR_TURN, f"it is not {command.actor}'s decision")
    if isinstance(command, EndTurn):
        return None if state.phase == "act" else Rejected(Rejection.WRONG_PHASE,
                                                          "an event card is waiting")
    if isinstance(command, ChooseOption):
        return _validate_choice(state, command)
    if isinstance(command, MakeMove):
        reason = _move_rejection(state, actor, command)
        return None if reason is None else Rejected(reason, _explain(command, reason))
    assert_never(command)


def _explain(command: MakeMove, reason: Rejection) -> str:
    return f"move {command.move!r} refused: {reason.value.replace('_', ' ')}"


def _validate_choice(state: GameState, command: ChooseOption) -> Rejected | None:
    if state.phase != "choose":
        return Rejected(Rejection.WRONG_PHASE, "no event card is waiting")
    pending = state.pending[0]
    event = state.book.events[pending.event]
    if command.event != pending.event or all(c.id != command.choice for c in event.choices):
        return Rejected(Rejection.NO_SUCH_CHOICE, f"no choice {command.choice!r} here")
    return None


def _move_rejection(state: GameState, actor: Actor, command: MakeMove) -> Rejection | None:
    if state.phase != "act":
        return Rejection.WRONG_PHASE
    mdef = state.book.moves.get(command.move)
    if mdef is None:
        return Rejection.UNKNOWN_MOVE
    return _rule_rejection(state, actor, mdef, command.target)


def _rule_rejection(
    state: GameState, actor: Actor, mdef: MoveDef, target: str | None
) -> Rejection | None:
    """The rules of one move for one actor and target."""
    reason = _standing_rejection(state, actor, mdef)
    if reason is None:
        reason = _target_rejection(state, actor, mdef, target)
    return reason


def _standing_rejection(state: GameState, actor: Actor, mdef: MoveDef) -> Rejection | None:
    """Checks that do not depend on the target, cheapest first (this is the hot path)."""
    if mdef.id in actor.used_this_turn:
        return Rejection.ALREADY_USED
    if actor.cooldowns.get(mdef.id, 0) > state.turn:
        return Rejection.COOLDOWN
    if actor.agenda < mdef.agenda:
        return Rejection.NO_AGENDA
    if mdef.funds and actor.resources.get(FUNDS, 0.0) < mdef.funds:
        return Rejection.NO_FUNDS
    if not state.book.move_requires[mdef.id](state, actor):
        return Rejection.REQUIREMENTS_NOT_MET
    return None


def _target_rejection(
    state: GameState, actor: Actor, mdef: MoveDef, target: str | None
) -> Rejection | None:
    if not _target_ok(state, actor, mdef, target):
        return Rejection.BAD_TARGET
    guard = state.book.move_guard_checks[mdef.id]
    return None if guard is None else guard(state, actor, target)


def _target_ok(state: GameState, actor: Actor, mdef: MoveDef, target: str | None) -> bool:
    if mdef.target == "none":
        return target is None
    if mdef.target == "party":
        return target in state.popularity and target != actor.party
    return target in actor.positions


def apply(state: GameState, command: Command) -> list[Event] | Rejected:
    """Apply ``command``: the events it caused, or why it was refused (state unchanged)."""
    refused = validate(state, command)
    if refused is not None:
        return refused
    return apply_legal(state, command)


def apply_legal(state: GameState, command: Command) -> list[Event]:
    """``apply`` for a command the engine listed as legal on this very state (from
    ``legal_moves`` or ``LegalMoves``), without checking it a second time."""
    out: list[Event] = []
    actor = state.actors[command.actor]
    if isinstance(command, MakeMove):
        _make_move(state, actor, command, out)
        if actor.result is not None:
            _actor_done(state, actor, out)
    elif isinstance(command, EndTurn):
        out.append(TurnEnded(actor.id))
        _actor_done(state, actor, out)
    else:
        _choose(state, actor, command, out)
    return out


def _roll(state: GameState, actor: Actor, check: Check, label: str) -> tuple[bool, CheckRolled]:
    chance, factors = check_chance(state, actor, check)
    roll = stream(state.seed, state.turn, f"{actor.id}:{label}").random()
    return roll < chance, CheckRolled(chance, factors, roll, roll < chance)


def _make_move(state: GameState, actor: Actor, command: MakeMove, out: list[Event]) -> None:
    mdef = state.book.moves[command.move]
    state.move_count += 1
    actor.agenda -= mdef.agenda
    actor.used_this_turn.append(mdef.id)
    if mdef.once:
        actor.cooldowns[mdef.id] = ONCE
    elif mdef.cooldown:
        actor.cooldowns[mdef.id] = state.turn + mdef.cooldown + 1
    reason = f"move:{mdef.id}"
    made_at = len(out)
    if mdef.funds:
        change(state, actor, FUNDS, -mdef.funds, reason, out)
    share = yield_factor(state.book, actor, mdef.id, state.turn)
    remember(state.book, actor, mdef.id, state.turn)
    apply_effects(state, actor, mdef.effects, command.target, reason, out, share)
    rolled = None
    if mdef.check is not None:
        success, rolled = _roll(state, actor, mdef.check, f"move{state.move_count}:{mdef.id}")
        follow = mdef.on_success if success else mdef.on_failure
        apply_effects(state, actor, follow, command.target, reason, out, share)
    out.insert(made_at, MoveMade(actor.id, mdef.id, command.target, mdef.agenda, mdef.funds,
                                 rolled, share))


def _choose(state: GameState, actor: Actor, command: ChooseOption, out: list[Event]) -> None:
    state.pending.pop(0)
    event = state.book.events[command.event]
    choice: ChoiceDef = next(c for c in event.choices if c.id == command.choice)
    reason = f"event:{event.id}"
    made_at = len(out)
    apply_effects(state, actor, choice.effects, None, reason, out)
    rolled = None
    if choice.check is not None:
        success, rolled = _roll(state, actor, choice.check, f"choice:{event.id}")
        apply_effects(state, actor, choice.on_success if success else choice.on_failure, None,
                      reason, out)
    out.insert(made_at, ChoiceMade(actor.id, event.id, choice.id, rolled))
    if close_if_player_done(state):
        return
    state.pending = [p for p in state.pending if state.actors[p.actor].result is None]
    if not state.pending:
        turns.finish_turn(state, out)


def _actor_done(state: GameState, actor: Actor, out: list[Event]) -> None:
    """The acting actor ended its turn (or its career): pass to the next, or finish moves."""
    if close_if_player_done(state):
        return
    state.current = turns.first_active(state, state.current + 1)
    if state.current >= len(state.order):
        turns.after_moves(state, out)
