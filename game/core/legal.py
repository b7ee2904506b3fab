"""Legal commands: every one at once (``legal_moves``), or lazily, best first (``LegalMoves``).

Both read the same compiled rows (``game.core.moverows``) with the same checks ``apply``
runs through ``validate``.  ``LegalMoves`` is what the AI runner hands a policy: a sequence
built on first use, plus ``best``, which finds the command of highest value under an upper
bound per move without deciding the legality of moves whose bound cannot win.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import overload

from game.core.ids import ActorId, MoveId
from game.core.moverows import CACHE_LIMIT, CandidateRow
from game.core.moves import ChooseOption, Command, EndTurn, MakeMove
from game.core.state import Actor, GameState

FUNDS = "funds"
NO_TARGET: tuple[None] = (None,)


def to_move(state: GameState) -> ActorId | None:
    """Whose decision the game waits for (None once the game is over)."""
    if state.phase == "over":
        return None
    if state.phase == "choose":
        return state.pending[0].actor
    return state.order[state.current]


def _end_turn(state: GameState, actor_id: ActorId) -> EndTurn:
    # interned: commands are immutable values, and building frozen dataclasses is slow
    end_turn = state.book.end_turns.get(actor_id)
    if end_turn is None:
        end_turn = state.book.end_turns[actor_id] = EndTurn(actor_id)
    return end_turn


def _choices(state: GameState, actor_id: ActorId) -> list[Command]:
    pending = state.pending[0]
    interned = state.book.answers
    found: list[Command] = []
    for choice in state.book.events[pending.event].choices:
        key = (actor_id, pending.event, choice.id)
        command = interned.get(key)
        if command is None:
            command = interned[key] = ChooseOption(actor_id, pending.event, choice.id)
        found.append(command)
    return found


def legal_moves(state: GameState, actor_id: ActorId) -> list[Command]:
    """Every command ``actor_id`` may give now; the same rules ``apply`` checks."""
    if to_move(state) != actor_id:
        return []
    if state.phase == "choose":
        return _choices(state, actor_id)
    actor = state.actors[actor_id]
    book, turn = state.book, state.turn
    end_turn = _end_turn(state, actor_id)
    if actor.agenda <= 0 and not book.free_moves:
        return [end_turn]  # every move costs agenda: only ending the turn is left
    found: list[Command] = []
    used, cooldowns = actor.used_this_turn, actor.cooldowns
    agenda, funds = actor.agenda, actor.resources.get(FUNDS, 0.0)
    commands = book.commands
    # rows already past the turn-only and position requirements (see game.core.moverows)
    for mid, cost, price, target_kind, requires, guard in book.candidate_rows(state, actor):
        # the checks of engine._standing_rejection, inlined: this loop is the hot path
        if (
            cost > agenda
            or (price and price > funds)
            or mid in used
            or cooldowns.get(mid, 0) > turn
            or (requires is not None and not requires(state, actor))
        ):
            continue
        # the checks of engine._target_rejection, inlined: valid targets, then the guards
        for target in _targets(state, actor, target_kind):
            if guard is not None and guard(state, actor, target) is not None:
                continue
            key = (actor_id, mid, target)
            command = commands.get(key)
            if command is None:
                command = commands[key] = MakeMove(actor_id, MoveId(mid), target)
            found.append(command)
    found.append(end_turn)
    return found


def _some_move(state: GameState, actor: Actor, mask: int) -> bool:
    """True if ``actor`` has at least one legal move (``legal_moves`` minus ending the turn,
    stopping at the first); ``mask``: its candidate mask (``MoveTable.candidate_mask``)."""
    table = state.book.move_table
    rows = table.rows
    agenda, funds = actor.agenda, actor.resources.get(FUNDS, 0.0)
    used, cooldowns, turn = actor.used_this_turn, actor.cooldowns, state.turn
    for index in table.plain_first:  # any order answers; plain moves answer soonest
        mid, cost, price, target_kind, requires, guard = rows[index]
        if (not mask >> index & 1 or cost > agenda or (price and price > funds)
                or mid in used or cooldowns.get(mid, 0) > turn
                or (requires is not None and not requires(state, actor))):
            continue
        for target in _targets(state, actor, target_kind):
            if guard is None or guard(state, actor, target) is None:
                return True
    return False


def _targets(state: GameState, actor: Actor, target_kind: str) -> Sequence[str | None]:
    if target_kind == "none":
        return NO_TARGET
    if target_kind == "party":
        return [p for p in state.popularity if p != actor.party]
    return [*actor.positions]


#: A step of a ranking: (index into the rows, bound, the row; None for ending the turn)
Ranked = tuple[int, float, CandidateRow | None]


class MoveRanking:
    """Moves sorted by an upper bound of their value, highest first (for ``best``).

    Equal bounds keep the rows' order, and ending the turn (bound 0, index ``len(rows)``)
    comes after every row of bound 0, exactly as sorting the legal list by bound would.
    """

    __slots__ = ("_orders", "_rows", "_sorted", "bounds")

    def __init__(self, bounds: Mapping[str, float]) -> None:
        self.bounds = bounds  # move id -> the most a command of that move can be worth
        self._rows: tuple[CandidateRow, ...] | None = None  # the table ranked (kept alive)
        self._sorted: tuple[Ranked, ...] = ()
        self._orders: dict[int, tuple[Ranked, ...]] = {}  # candidate mask -> its ranking

    def order(self, rows: tuple[CandidateRow, ...], mask: int) -> tuple[Ranked, ...]:
        """The rows whose bit is set in ``mask``, and ending the turn, best bound first."""
        if rows is not self._rows:
            bounds = [self.bounds[row[0]] for row in rows] + [0.0]
            ranked = sorted(range(len(bounds)), key=bounds.__getitem__, reverse=True)
            self._sorted = tuple((i, bounds[i], rows[i] if i < len(rows) else None)
                                 for i in ranked)
            self._rows, self._orders = rows, {}
        found = self._orders.get(mask)
        if found is None:
            found = tuple(step for step in self._sorted
                          if step[2] is None or mask >> step[0] & 1)
            if len(self._orders) >= CACHE_LIMIT:
                self._orders.clear()
            self._orders[mask] = found
        return found


class LegalMoves(Sequence[Command]):
    """``legal_moves(state, actor_id)`` computed on first use; ``best`` may skip it."""

    __slots__ = ("_found", "_given", "_mask", "actor_id", "state")

    def __init__(self, state: GameState, actor_id: ActorId) -> None:
        self.state = state
        self.actor_id = actor_id
        self._found: list[Command] | None = None
        self._given: Command | None = None  # what ``best`` or ``forced`` answered
        self._mask: int | None = None  # the actor's candidate mask, once looked up

    def listed(self, command: Command) -> bool:
        """True if the engine gave ``command`` as legal here (this very object, not an
        equal one): it needs no second check before it is applied."""
        if command is self._given:
            return True
        return self._found is not None and any(c is command for c in self._found)

    @property
    def commands(self) -> list[Command]:
        """The legal commands, in ``legal_moves`` order."""
        if self._found is None:
            self._found = legal_moves(self.state, self.actor_id)
        return self._found

    def forced(self) -> Command | None:
        """The one legal command when there is exactly one (no decision to make), else None.

        Ending the turn is the only command when no move is legal: that is decided by
        looking for one legal move, not by listing them all.
        """
        state = self.state
        if state.phase == "act":
            if state.order[state.current] != self.actor_id:
                return None
            actor = state.actors[self.actor_id]
            if (actor.agenda <= 0 and not state.book.free_moves) or not _some_move(
                    state, actor, self._candidates(actor)):
                self._given = _end_turn(state, self.actor_id)
                return self._given
            return None
        if state.phase == "choose" and state.pending[0].actor == self.actor_id:
            choices = self.commands
            return choices[0] if len(choices) == 1 else None
        return None

    def _candidates(self, actor: Actor) -> int:
        if self._mask is None:
            self._mask = self.state.book.move_table.candidate_mask(self.state, actor)
        return self._mask

    def __len__(self) -> int:
        return len(self.commands)

    @overload
    def __getitem__(self, index: int) -> Command: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Command]: ...
    def __getitem__(self, index: int | slice) -> Command | Sequence[Command]:
        return self.commands[index]

    def __iter__(self) -> Iterator[Command]:
        return iter(self.commands)

    def best(self, ranking: MoveRanking, value: Callable[[Command], float]) -> Command:
        """The legal command of highest ``value`` (ties: the first in ``legal_moves`` order).

        Each command's value must not exceed its move's bound in ``ranking`` (ending the
        turn is bounded by 0, event answers are not bounded).  The search visits moves by
        falling bound and stops when no bound can beat the best value: a move with a lower
        bound is never checked for legality.  The choice is the one a search over the whole
        list in bound order makes.
        """
        state = self.state
        actor = state.actors[self.actor_id]
        if (self._found is not None or state.phase != "act"
                or state.order[state.current] != actor.id
                or (actor.agenda <= 0 and not state.book.free_moves)):
            return self._best_listed(ranking, value)
        order = ranking.order(state.book.move_table.rows, self._candidates(actor))
        self._given = _best_first(state, actor, order, value)
        return self._given

    def _best_listed(self, ranking: MoveRanking, value: Callable[[Command], float]) -> Command:
        """``best`` over the listed commands (event answers, or a list already built)."""
        return best_of(self.commands, ranking.bounds, value)


def _best_first(
    state: GameState, actor: Actor, order: tuple[Ranked, ...], value: Callable[[Command], float],
) -> Command:
    """``LegalMoves.best`` in the act phase: rows by falling bound, legality checked as late
    as possible (the checks of ``legal_moves``, inlined: a greedy decision's hot path)."""
    actor_id = actor.id
    best: Command = _end_turn(state, actor_id)  # what an empty search leaves
    best_value, best_at = float("-inf"), (-1, -1)
    agenda, funds = actor.agenda, actor.resources.get(FUNDS, 0.0)
    used, cooldowns, turn = actor.used_this_turn, actor.cooldowns, state.turn
    commands = state.book.commands
    for index, bound, row in order:
        if bound < best_value:
            break  # every later bound is lower still: nothing left can win
        if row is None:  # ending the turn
            targets: Sequence[str | None] = NO_TARGET
            guard = None
        else:
            mid, cost, price, target_kind, requires, guard = row
            if (cost > agenda or (price and price > funds) or mid in used
                    or cooldowns.get(mid, 0) > turn
                    or (requires is not None and not requires(state, actor))):
                continue
            targets = NO_TARGET if target_kind == "none" else _targets(state, actor, target_kind)
        for place, target in enumerate(targets):
            if guard is not None and guard(state, actor, target) is not None:
                continue
            if row is None:
                command: Command = _end_turn(state, actor_id)
            else:
                key = (actor_id, mid, target)
                found = commands.get(key)
                if found is None:
                    found = commands[key] = MakeMove(actor_id, MoveId(mid), target)
                command = found
            if bound < best_value:  # a command of this move may have raised the best
                break
            worth = value(command)
            if worth > best_value or (worth == best_value and (index, place) < best_at):
                best, best_value, best_at = command, worth, (index, place)
    return best


def best_of(
    legal: Sequence[Command], bounds: Mapping[str, float], value: Callable[[Command], float]
) -> Command:
    """The command of ``legal`` of highest ``value``, ties to the first listed: branch and
    bound over ``bounds`` per move (ending the turn 0, event answers unbounded)."""
    ceilings = [bounds[c.move] if isinstance(c, MakeMove) else
                0.0 if isinstance(c, EndTurn) else float("inf") for c in legal]
    # stable even in reverse: equal bounds keep the listed order
    order = sorted(range(len(legal)), key=ceilings.__getitem__, reverse=True)
    best_index, best_value = -1, float("-inf")
    for index in order:
        if ceilings[index] < best_value:
            break
        worth = value(legal[index])
        if worth > best_value or (worth == best_value and index < best_index):
            best_index, best_value = index, worth
    return legal[best_index]
