"""Valuing commands: what a move or an answer to an event card is worth, in chances of reaching
the top post, at the prices a plan sets.

A move is worth its expected effects: resource changes at the plan's prices (a gain made
again within its window at the share it will yield), statuses by their consequences, and what
it does to the road (entering a planned contest, taking a planned seat, joining the party the
road runs through, giving up an office).  A checked move is valued at its real chance, less
part of the spread of its outcomes for a cautious persona; a dirty choice costs an honest
persona its distaste.  What valuing reads from the rules is read once per move.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.planner.atlas import atlas_for
from game.ai.planner.goals import Goals
from game.ai.planner.statuses import choice_value
from game.ai.planner.values import Valuation
from game.ai.planner.worth import (
    Deferred,
    MoveShape,
    Split,
    giving_up,
    seat_worth,
    split_effects,
)
from game.core import ChooseOption, Command, EndTurn, MakeMove
from game.core.rulebook import Rulebook
from game.core.rules import (
    AddStatus,
    ChangePartyPopularity,
    ChangeResource,
    Effect,
    EnterContest,
    GainPosition,
    JoinParty,
    LeaveParty,
    LosePosition,
    Nominate,
    RemoveStatus,
    Retire,
)
from game.core.scenario import PersonaDef
from game.core.views import View

NO_PARTY = ""  # key of the road's value without joining any party
LEAVING = "-"  # a member's key: what leaving its party (for a better one) is worth
LEAVE_FLOOR = 0.05  # leaving a party costs at least this much chance, however poor the road
STAND = 0.5  # share of a step's weight credited for entering its contest
HASTE = 0.002  # a tiny preference for acting now over ending the turn
RISK_AVERSION = 0.5  # how much of the spread of a risky move's outcomes a cautious persona
# counts against it

_STANDS = (EnterContest, Nominate)  # effects that enter a contest (a tuple: faster to test)


class CommandValuer:
    """Values commands for one persona; the planner policy builds on it."""

    def __init__(self, book: Rulebook, persona: PersonaDef) -> None:
        self.book = book
        self.persona = persona
        self.bias = dict(persona.channel_bias)
        self._shapes: dict[str, MoveShape] = {}  # per move, see _shape
        self._distaste: dict[tuple[str, str, str], float] = {}  # see _scruples
        self._prices = {m.id: m.funds for m in book.scenario.moves}  # funds each move costs
        # nomination contest -> offices whose holders sign their own ticket without its vote
        self._holders = atlas_for(book).ticket_holders
        # a move's worth rises with the chances of the contests it enters (a bound that counts
        # them as won holds) unless a persona's caution is out of its usual range
        caution = (1.0 - persona.risk) * RISK_AVERSION
        self._may_bound = 0.0 <= caution <= 1.0
        self._bounding = self._bounded = False

    def _first_worth(self, view: View, val: Valuation, goals: Goals, parties: dict[str, float],
                     command: MakeMove) -> float | Deferred:
        """A move's worth, or, when it enters a contest off the road, a bound on it with every
        such contest counted as won (asking the polls is the costly part of valuing)."""
        if not self._may_bound or self._shape(command.move).bias < 0:
            return self.value(view, val, goals, parties, command)
        self._bounding, self._bounded = True, False
        try:
            worth = self.value(view, val, goals, parties, command)
        finally:
            self._bounding = False
        return Deferred(worth) if self._bounded else worth

    def _agenda_value(self, view: View, val: Valuation, legal: Sequence[Command]) -> float:
        """What an agenda point buys this turn: the mean of the best moves' resource gains,
        a checked move's at its chance (what else a move does is not for every turn)."""
        found = []
        per_move: dict[str, float] = {}  # a move's value is the same for every target
        per_change: dict[tuple[str, float], float] = {}  # many moves make the same change
        for command in legal:
            if type(command) is not MakeMove:
                continue
            value = per_move.get(command.move)
            if value is None:
                shape = self._shape(command.move)
                parts = []
                for change in shape.changes:
                    part = per_change.get(change)
                    if part is None:
                        part = per_change[change] = val.resource(*change)
                    parts.append(part)
                # sum(), as ever: from Python 3.12 it rounds differently from a loop of +=
                value = sum(parts)
                if shape.check is not None and shape.on_success is not None:
                    chance = view.chance(shape.check)
                    value += chance * val.total(shape.on_success[0])
                    if shape.on_failure is not None:
                        value += (1.0 - chance) * val.total(shape.on_failure[0])
                value = per_move[command.move] = value / shape.agenda
            found.append(value)
        found.sort(reverse=True)
        top = [v for v in found[: self.book.scenario.agenda_per_turn] if v > 0]
        return sum(top) / len(top) if top else 0.0

    def value(self, view: View, val: Valuation, goals: Goals, parties: dict[str, float],
              command: Command) -> float:
        """What ``command`` is worth now, in chances of reaching the top post (a move's
        price in funds apart)."""
        if isinstance(command, EndTurn):
            return 0.0
        if isinstance(command, ChooseOption):
            event = self.book.events[command.event]
            choice = next(c for c in event.choices if c.id == command.choice)
            chance = view.chance(choice.check) if choice.check is not None else None
            value = choice_value(choice, val.statuses, val.resource, chance)
            value += self._structure(view, val, goals, parties, choice.effects, None)
            return value - self._scruples(("choice", command.event, command.choice),
                                          choice.effects, choice.on_success)
        shape = self._shape(command.move)
        value = self._expected(view, val, goals, parties, shape, command.target,
                               view.gain_share(command.move))
        value *= shape.bias if value > 0 else 1.0
        return value + HASTE - shape.distaste

    def _shape(self, move: str) -> MoveShape:
        """What valuing ``move`` reads from the rules, read once."""
        found = self._shapes.get(move)
        if found is None:
            mdef = self.book.moves[move]
            found = self._shapes[move] = MoveShape(
                split_effects(mdef.effects) if mdef.effects else None,
                split_effects(mdef.on_success) if mdef.on_success else None,
                split_effects(mdef.on_failure) if mdef.on_failure else None,
                mdef.check, self.bias.get(mdef.channel, 1.0),
                self._scruples(("move", mdef.id, ""), mdef.effects, mdef.on_success),
                tuple((e.resource, e.delta) for e in mdef.effects
                      if isinstance(e, ChangeResource)),
                max(mdef.agenda, 1))
        return found

    def _expected(self, view: View, val: Valuation, goals: Goals, parties: dict[str, float],
                  shape: MoveShape, target: str | None, share: float = 1.0) -> float:
        effects, on_success, on_failure = shape.effects, shape.on_success, shape.on_failure
        base = self._effects(view, val, goals, parties, effects, target, share) if effects \
            else 0.0
        win = self._effects(view, val, goals, parties, on_success, target, share) \
            if on_success else 0.0
        check = shape.check
        if check is None:
            return base + win
        chance = view.chance(check)
        lose = self._effects(view, val, goals, parties, on_failure, target, share) \
            if on_failure else 0.0
        spread = abs(win - lose) * chance * (1.0 - chance)
        caution = (1.0 - self.persona.risk) * RISK_AVERSION
        return base + chance * win + (1.0 - chance) * lose - caution * spread

    def _effects(self, view: View, val: Valuation, goals: Goals, parties: dict[str, float],
                 split: Split, target: str | None, share: float = 1.0) -> float:
        """What effects (split into resource changes and the rest) are worth; ``share``
        scales their resource gains (a move made again within its window yields less)."""
        changes, others = split
        total = val.total(changes, share)
        for eff in others:
            if isinstance(eff, AddStatus):
                total += 0.0 if eff.status in view.me.statuses else val.statuses.get(
                    eff.status, 0.0)
            elif isinstance(eff, RemoveStatus):
                total -= val.statuses.get(eff.status, 0.0) if eff.status in view.me.statuses \
                    else 0.0
            elif isinstance(eff, ChangePartyPopularity):
                own = eff.party is None and not eff.every_party
                total += val.popularity * eff.delta if own else 0.0
        return total + self._structure(view, val, goals, parties, others, target) if others \
            else total

    def _structure(self, view: View, val: Valuation, goals: Goals,
                   parties: dict[str, float], effects: tuple[Effect, ...],
                   target: str | None) -> float:
        total = 0.0
        for eff in effects:
            if isinstance(eff, _STANDS):
                total += self._stand(view, val, goals, eff.contest)
            elif isinstance(eff, GainPosition):
                total += self._seat(view, val, goals, eff.position)
            elif isinstance(eff, JoinParty):
                party = eff.party or target or ""
                total += parties.get(party, 0.0) - parties.get(NO_PARTY, 0.0)
            elif isinstance(eff, LeaveParty):
                leaving = parties.get(LEAVING)
                total += -max(goals.chance, LEAVE_FLOOR) if leaving is None else leaving
            elif isinstance(eff, LosePosition):
                lost = eff.position or target or ""
                if lost in view.me.positions:
                    total += giving_up(self.book, view, val, goals, lost)
            elif isinstance(eff, Retire):
                total -= 1.0
        return total

    def _stand(self, view: View, val: Valuation, goals: Goals, contest_id: str) -> float:
        if not self._holders.get(contest_id, frozenset()).isdisjoint(view.me.positions):
            return 0.0  # the actor signs its own ticket: the vote adds nothing to it
        planned = goals.entries.get(contest_id)
        if planned is not None:
            return STAND * planned + 0.01
        contest = self.book.contests[contest_id]
        if self._bounding:  # the chance is at most 1 (see _first_worth)
            self._bounded = True
            worth = seat_worth(self.book, view, val, goals, contest.position)
            return worth if worth > 0.0 else 0.0
        chance = view.win_chance(contest_id)
        return chance * seat_worth(self.book, view, val, goals, contest.position)

    def _seat(self, view: View, val: Valuation, goals: Goals, position: str) -> float:
        planned = goals.positions.get(position)
        if planned is not None:
            return STAND * planned + 0.01
        return seat_worth(self.book, view, val, goals, position)

    def _scruples(self, key: tuple[str, str, str], effects: tuple[Effect, ...],
                  on_success: tuple[Effect, ...]) -> float:
        """The persona's distaste for a dirty choice (a hidden status is a skeleton), once
        per move or event answer (``key``): it depends on nothing else."""
        found = self._distaste.get(key)
        if found is None:
            found = self._distaste[key] = self._distaste_of(effects + on_success)
        return found

    def _distaste_of(self, effects: tuple[Effect, ...]) -> float:
        ethics = self.persona.ethics
        if not ethics:
            return 0.0
        dirty = any(isinstance(e, AddStatus) and self.book.statuses[e.status].hidden
                    for e in effects)
        return ethics * 0.05 if dirty else 0.0
