"""Commands an actor gives the engine, and why the engine may refuse one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from game.core.ids import ActorId, MoveId


@dataclass(frozen=True, slots=True)
class MakeMove:
    """Make the scenario move ``move``; ``target`` is a party or held position if it asks."""

    actor: ActorId
    move: MoveId
    target: str | None = None
    kind: Literal["make_move"] = "make_move"


@dataclass(frozen=True, slots=True)
class EndTurn:
    """Finish this actor's moves for the turn."""

    actor: ActorId
    kind: Literal["end_turn"] = "end_turn"


@dataclass(frozen=True, slots=True)
class ChooseOption:
    """Answer the pending event card ``event`` with ``choice``."""

    actor: ActorId
    event: str
    choice: str
    kind: Literal["choose_option"] = "choose_option"


Command = MakeMove | EndTurn | ChooseOption


class Rejection(Enum):
    """Why a command was refused; the state is unchanged whenever one is returned."""

    GAME_OVER = "game_over"
    NOT_YOUR_TURN = "not_your_turn"
    UNKNOWN_ACTOR = "unknown_actor"
    UNKNOWN_MOVE = "unknown_move"
    WRONG_PHASE = "wrong_phase"
    REQUIREMENTS_NOT_MET = "requirements_not_met"
    NO_AGENDA = "no_agenda"
    NO_FUNDS = "no_funds"
    COOLDOWN = "cooldown"
    ALREADY_USED = "already_used"
    BAD_TARGET = "bad_target"
    NOT_ELIGIBLE = "not_eligible"
    NO_SEAT = "no_seat"
    EXCLUDED = "excluded"
    ALREADY_REGISTERED = "already_registered"
    NO_SUCH_CHOICE = "no_such_choice"


def command_to_dict(command: Command) -> dict[str, str | None]:
    """Plain JSON form of a command (for histories, saves and replays)."""
    if isinstance(command, MakeMove):
        return {"kind": command.kind, "actor": command.actor, "move": command.move,
                "target": command.target}
    if isinstance(command, EndTurn):
        return {"kind": command.kind, "actor": command.actor}
    return {"kind": command.kind, "actor": command.actor, "event": command.event,
            "choice": command.choice}


def command_from_dict(data: dict[str, str | None]) -> Command:
    """Inverse of ``command_to_dict``; raises ValueError on a malformed record."""
    kind, actor = data.get("kind"), data.get("actor")
    if not isinstance(actor, str):
        raise ValueError("command without an actor")
    if kind == "make_move" and isinstance(data.get("move"), str):
        target = data.get("target")
        return MakeMove(ActorId(actor), MoveId(str(data["move"])),
                        target if isinstance(target, str) else None)
    if kind == "end_turn":
        return EndTurn(ActorId(actor))
    if kind == "choose_option" and isinstance(data.get("event"), str) and isinstance(
        data.get("choice"), str
    ):
        return ChooseOption(ActorId(actor), str(data["event"]), str(data["choice"]))
    raise ValueError(f"unknown command {kind!r}")
