"""One-step expected-value policies: ``greedy`` and one per persona."""

from __future__ import annotations

import random
from collections.abc import Sequence

from game.ai.valuation import Op, Valuer
from game.core import Command, EndTurn, MakeMove
from game.core.fatigue import yield_factor
from game.core.legal import LegalMoves, MoveRanking, best_of
from game.core.rulebook import Rulebook
from game.core.rules import Effect
from game.core.scenario import Check, MoveDef, PersonaDef
from game.core.state import Actor
from game.core.views import View

AGENDA_POINT_COST = 0.5  # a move must beat keeping the agenda point unused
FUNDS = "funds"


#: A command's valuation, compiled: (effects, check, on success, on failure, channel bias,
#: funds cost, agenda cost).  The arithmetic in ``_planned`` follows ``value``'s exactly.
Plan = tuple[tuple[Op, ...], Check | None, tuple[Op, ...], tuple[Op, ...], float, float, float]


class GreedyPolicy:
    """Takes the command of highest expected value under a persona's weights."""

    def __init__(self, book: Rulebook, persona: PersonaDef, name: str | None = None) -> None:
        self.name = name or persona.id
        self.valuer = Valuer(book, persona)
        self.bias = persona.channel_bias
        self.risk = persona.risk
        self.ceilings: dict[str, float] = {m.id: self._ceiling(m) for m in book.scenario.moves}
        self.ranking = MoveRanking(self.ceilings)
        self._spread_weight = (1.0 - self.risk) * 0.5
        self._plans = {m.id: self._move_plan(m) for m in book.scenario.moves}
        # an event card's answer has no channel bias and no cost
        self._choice_plans: dict[tuple[str, str], Plan] = {
            (e.id, c.id): self._plan(c.effects, c.check, c.on_success, c.on_failure, 1.0, 0.0, 0.0)
            for e in book.scenario.events for c in e.choices}

    def _ceiling(self, mdef: MoveDef) -> float:
        """The most ``value`` can be for this move in any state (see ``Valuer.ceiling``)."""
        ceiling = self.valuer.ceiling
        bound = ceiling(mdef.effects)
        if mdef.check is None:
            bound += ceiling(mdef.on_success)
        else:
            bound += max(ceiling(mdef.on_success), ceiling(mdef.on_failure))
        bound *= self.bias.get(mdef.channel, 1.0)
        cost = self.valuer.weights.get(FUNDS, 0.0) * mdef.funds
        return bound - cost - AGENDA_POINT_COST * mdef.agenda

    def _plan(
        self, effects: Sequence[Effect], check: Check | None, on_success: Sequence[Effect],
        on_failure: Sequence[Effect], bias: float, cost: float, agenda: float,
    ) -> Plan:
        compiled = self.valuer.compiled
        return (compiled(effects), check, compiled(on_success), compiled(on_failure), bias,
                cost, agenda)

    def _move_plan(self, mdef: MoveDef) -> Plan:
        return self._plan(mdef.effects, mdef.check, mdef.on_success, mdef.on_failure,
                          self.bias.get(mdef.channel, 1.0),
                          self.valuer.weights.get(FUNDS, 0.0) * mdef.funds,
                          AGENDA_POINT_COST * mdef.agenda)

    def value(self, view: View, command: Command) -> float:
        """Expected value of ``command`` for the deciding actor."""
        return self._value(view, view.me, command)

    def _value(self, view: View, me: Actor, command: Command) -> float:
        if isinstance(command, MakeMove):
            return self._planned(view, me, self._plans[command.move], command.target,
                                 view.gain_share(command.move))
        if isinstance(command, EndTurn):
            return 0.0
        return self._planned(view, me, self._choice_plans[command.event, command.choice], None)

    def _planned(self, view: View, me: Actor, plan: Plan, target: str | None,
                 share: float = 1.0) -> float:
        """``value`` from a compiled plan: the same numbers, computed the same way.
        ``share``: the part of its resource gains a repeated move yields."""
        effects, check, on_success, on_failure, bias, cost, agenda = plan
        value_of = self.valuer.value_of
        value = value_of(view, me, effects, target, share) if effects else 0.0
        if check is None:
            value = value + (value_of(view, me, on_success, target, share) if on_success
                             else 0.0)
        else:
            chance = view.chance(check)
            win = value_of(view, me, on_success, target, share) if on_success else 0.0
            lose = value_of(view, me, on_failure, target, share) if on_failure else 0.0
            spread = abs(win - lose) * chance * (1.0 - chance)
            value = (value + chance * win + (1.0 - chance) * lose
                     - self._spread_weight * spread)
        if value > 0:
            value *= bias
        return value - cost - agenda

    def choose(self, view: View, legal: Sequence[Command], rng: random.Random) -> Command:
        """The best legal command; ties go to the first listed.

        Branch and bound: commands are valued in order of their ceilings and the search
        stops once no ceiling can beat the best value found, which gives the same choice
        as valuing every command, in a fraction of the time.  Handed the runner's lazy
        ``LegalMoves``, moves whose ceiling cannot win are not even checked for legality.
        """
        me, planned, plans = view.me, self._planned, self._plans
        book, turn, recent = view.book, view.turn, me.recent

        def value(command: Command) -> float:
            if isinstance(command, MakeMove):  # the commonest: straight to its plan
                move = command.move
                return planned(view, me, plans[move], command.target,
                               yield_factor(book, me, move, turn) if move in recent else 1.0)
            return self._value(view, me, command)

        if isinstance(legal, LegalMoves):
            return legal.best(self.ranking, value)
        return best_of(legal, self.ceilings, value)
