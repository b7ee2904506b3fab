"""Explaining rules in words: conditions, effects and why a command is refused."""

from __future__ import annotations

from collections.abc import Sequence

from game.core import MakeMove, Rejected, Rejection, validate
from game.core.conditions import Predicate, compile_condition
from game.core.effects import feasibility
from game.core.rules import (
    AddStatus,
    AgeRange,
    AllOf,
    AnyOf,
    ChangePartyPopularity,
    ChangeResource,
    Condition,
    ContestSoon,
    Effect,
    EnterContest,
    GainPosition,
    HasStatus,
    HoldsPosition,
    InGovernment,
    JoinGovernment,
    JoinParty,
    LeaveGovernment,
    LeaveParty,
    LosePosition,
    Nominate,
    Not,
    PartyMember,
    PartyPopularity,
    PartySeats,
    Registered,
    RemoveStatus,
    ResourceRange,
    Retire,
    Tenure,
    TurnRange,
)
from game.core.state import Actor, GameState
from game.ui.names import Names


def _range(names: Names, low: float | None, high: float | None) -> str:
    num, t = names.loc.number, names.loc.t
    if low is not None and high is not None:
        return t("range.between", low=num(low), high=num(high))
    if low is not None:
        return t("range.min", n=num(low))
    return t("range.max", n=num(high or 0))


class Explainer:
    """Describes conditions and effects, and finds the first unmet one for an actor."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self.t = names.loc.t
        self._compiled: dict[Condition, Predicate] = {}

    # ------------------------------------------------------------------ conditions
    def condition(self, cond: Condition) -> str:
        """One condition in words."""
        n, t = self.names, self.t
        if isinstance(cond, ResourceRange):
            return f"{n.resource(cond.resource)} {_range(n, cond.minimum, cond.maximum)}"
        if isinstance(cond, HoldsPosition):
            which = t("word.or").join(n.position(p) for p in cond.positions)
            return t("cond.held_ever" if cond.ever else "cond.holds", position=which)
        if isinstance(cond, Tenure):
            if cond.position is None:
                return t("cond.tenure_any", turns=cond.turns)
            return t("cond.tenure", turns=cond.turns, position=n.position(cond.position))
        if isinstance(cond, PartyMember):
            if not cond.member:
                return t("cond.no_party")
            text = t("cond.member_of", party=n.party(cond.party)) if cond.party else t(
                "cond.member")
            return text + (t("cond.for_turns", turns=cond.min_turns) if cond.min_turns else "")
        if isinstance(cond, HasStatus):
            key = "cond.status" if cond.present else "cond.no_status"
            return t(key, status=n.status(cond.status))
        if isinstance(cond, TurnRange):
            return t("cond.turn", range=_range(n, cond.minimum, cond.maximum))
        if isinstance(cond, AgeRange):
            return t("cond.age", range=_range(n, cond.minimum, cond.maximum))
        if isinstance(cond, ContestSoon):
            return t("cond.contest_soon", contest=n.contest(cond.contest), turns=cond.within)
        if isinstance(cond, Registered):
            key = "cond.registered" if cond.present else "cond.not_registered"
            return t(key, contest=n.contest(cond.contest))
        if isinstance(cond, PartyPopularity):
            return t("cond.party_popularity", range=_range(n, cond.minimum, cond.maximum))
        if isinstance(cond, PartySeats):
            key = "cond.party_largest" if cond.largest else "cond.party_seats"
            return t(key, position=n.position(cond.position),
                     share=n.loc.percent(cond.min_share))
        if isinstance(cond, InGovernment):
            key = "cond.opposition" if not cond.member else (
                "cond.government_leads" if cond.leads else "cond.government")
            return t(key, position=n.position(cond.chamber))
        if isinstance(cond, AllOf):
            return t("word.and").join(self.condition(c) for c in cond.conditions)
        if isinstance(cond, AnyOf):
            return t("cond.any", items=t("word.or").join(self.condition(c)
                                                         for c in cond.conditions))
        if isinstance(cond, Not):
            return t("cond.not", item=self.condition(cond.condition))
        return str(getattr(cond, "kind", "?"))

    def holds(self, state: GameState, actor: Actor, cond: Condition) -> bool:
        """Whether ``cond`` holds for ``actor`` now."""
        predicate = self._compiled.get(cond)
        if predicate is None:
            predicate = compile_condition(cond, state.book.scenario)
            self._compiled[cond] = predicate
        return predicate(state, actor)

    def checklist(self, state: GameState, actor: Actor,
                  conds: Sequence[Condition]) -> list[tuple[str, bool]]:
        """Each condition in words with whether it holds."""
        return [(self.condition(c), self.holds(state, actor, c)) for c in conds]

    def unmet(self, state: GameState, actor: Actor, conds: Sequence[Condition]) -> list[str]:
        """The conditions that do not hold, in words."""
        return [text for text, ok in self.checklist(state, actor, conds) if not ok]

    # ------------------------------------------------------------------ effects
    def effect(self, effect: Effect) -> str:
        """One effect in words."""
        n, t, loc = self.names, self.t, self.names.loc
        if isinstance(effect, ChangeResource):
            return f"{loc.signed(effect.delta)} {n.resource(effect.resource)}"
        if isinstance(effect, AddStatus):
            extra = t("eff.for_turns", turns=effect.turns) if effect.turns else ""
            return t("eff.add_status", status=n.status(effect.status)) + extra
        if isinstance(effect, RemoveStatus):
            return t("eff.remove_status", status=n.status(effect.status))
        if isinstance(effect, JoinParty):
            return t("eff.join", party=n.party(effect.party) if effect.party else t(
                "eff.chosen_party"))
        if isinstance(effect, LeaveParty):
            return t("eff.leave")
        if isinstance(effect, EnterContest):
            return t("eff.enter", contest=n.contest(effect.contest))
        if isinstance(effect, GainPosition):
            return t("eff.gain", position=n.position(effect.position))
        if isinstance(effect, LosePosition):
            return t("eff.lose", position=n.position(effect.position) if effect.position else t(
                "eff.chosen_position"))
        if isinstance(effect, ChangePartyPopularity):
            who = t("eff.every_party") if effect.every_party else (
                n.party(effect.party) if effect.party else t("eff.own_party"))
            return t("eff.popularity", party=who, delta=loc.signed(effect.delta))
        if isinstance(effect, Nominate):
            return t("eff.nominate", contest=n.contest(effect.contest))
        if isinstance(effect, JoinGovernment | LeaveGovernment):
            return t(f"eff.{effect.kind}", position=n.position(effect.chamber))
        if isinstance(effect, Retire):
            return t("eff.retire")
        return str(getattr(effect, "kind", "?"))

    # ------------------------------------------------------------------ refusals
    def refusal(self, state: GameState, command: MakeMove) -> str | None:
        """Why a move is refused now, short (None = allowed)."""
        rejected = validate(state, command)
        return None if rejected is None else self.why(state, command, rejected)

    def why(self, state: GameState, command: MakeMove, rejected: Rejected) -> str:
        """A refusal in words, naming the unmet requirement where there is one."""
        actor = state.actors[command.actor]
        mdef = state.book.moves.get(command.move)
        reason = rejected.reason
        if mdef is None:
            return self.t("reject.unknown_move")
        if reason == Rejection.REQUIREMENTS_NOT_MET:
            missing = self.unmet(state, actor, mdef.requires)
            if missing:
                return self.t("reject.needs", what=missing[0])
        if reason == Rejection.NO_FUNDS:
            return self.t("reject.needs_funds", funds=self.names.loc.number(mdef.funds))
        if reason == Rejection.COOLDOWN:
            wait = actor.cooldowns.get(mdef.id, 0) - state.turn
            if wait > 1000:
                return self.t("reject.once")
            return self.t("reject.wait", turns=max(wait, 1))
        detail = self._guard_detail(state, actor, command)
        return detail or self.t(f"reject.{reason.value}")

    def _guard_detail(self, state: GameState, actor: Actor, command: MakeMove) -> str | None:
        """For a move whose effect cannot happen: which one, and what it lacks."""
        for effect in state.book.move_guards.get(command.move, ()):
            problem = feasibility(state, actor, effect, command.target)
            if problem is None:
                continue
            if isinstance(effect, EnterContest):
                contest = state.book.contests[effect.contest]
                missing = self.unmet(state, actor, contest.requires)
                if problem == Rejection.REQUIREMENTS_NOT_MET and not missing:
                    missing = self.unmet(state, actor,
                                         state.book.positions[contest.position].requires)
                what = missing[0] if missing else self.t(f"reject.{problem.value}")
                return self.t("reject.for", target=self.names.contest(effect.contest), what=what)
            if isinstance(effect, GainPosition):
                missing = self.unmet(state, actor, state.book.positions[effect.position].requires)
                what = missing[0] if missing and problem == Rejection.REQUIREMENTS_NOT_MET else (
                    self.t(f"reject.{problem.value}"))
                return self.t("reject.for", target=self.names.position(effect.position),
                              what=what)
            return self.t(f"reject.{problem.value}")
        return None
