"""A short fixed-priority player for nusantara, as a competitive newcomer would write one: the
yardstick the planner must match (the slow balance test plays both on the same seeds).

Its road is the party chair's: join Mentari on the first turn, climb branch -> central board ->
chair, then sign its own presidential ticket.  Campaign posts bring salary and contacts
without agenda, a DPR race opens the campaign window a turn early, funds are kept for the
vote, and any card that plants a skeleton is refused.  It reads only the view a policy gets.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

from game.core import ChooseOption, Command, EndTurn, MakeMove
from game.core.conditions import turns_until
from game.core.rulebook import Rulebook
from game.core.rules import (
    AddStatus,
    ChangePartyPopularity,
    ChangeResource,
    Effect,
    LeaveParty,
    RemoveStatus,
)
from game.core.views import View

PARTY = "mentari"
CAMPAIGN = ("seek_endorsement", "media_campaign", "hold_rally", "debate_prep", "door_to_door",
            "defend_seat", "seek_second_term")
MONEY = ("take_clients", "fundraise", "run_poll", "advise_candidate", "day_job")
SUPPORT = ("constituency_service", "public_appearance", "inspect_regions", "charity_work",
           "oversight_hearing", "launch_programme", "work_party_campaign", "draft_bill")
BUILD = ("rally_factions", "attend_meetings", "pay_party_dues", "study_leadership",
         "organise_events", "run_field_operations", "build_network", "work_party_campaign")
RACES = ("run_for_chair", "seek_central_board", "stand_branch_election", "seek_manager_post",
         "seek_staff_post")
EARLY_WINDOW = ("stand_dpr", "stand_dprd_province", "stand_dprd_regency")
# what a unit of each resource is worth when answering a card; a skeleton costs more than
# any card pays
CARD_PRICES = {"support": 1.0, "standing": 0.5, "network": 0.4, "funds": 0.04,
               "integrity": 0.15, "campaign": 0.5, "influence": 0.05, "leadership": 3.0,
               "communication": 2.0, "policy": 0.5, "organising": 0.5, "campaigning": 1.0,
               "diplomacy": 0.3}


class ChairScript:
    """The party chair's road, by fixed priorities."""

    name = "chair script"

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        vote = book.contests["presidential_election"].schedule
        self._vote = (vote.every, vote.offset)

    def choose(self, view: View, legal: Sequence[Command], rng: random.Random) -> Command:
        """The first wish on the list that is legal and affordable; else end the turn."""
        cards = [c for c in legal if isinstance(c, ChooseOption)]
        if cards:
            return max(cards, key=lambda c: self._card_worth(view, c))
        moves: dict[str, list[MakeMove]] = {}
        for command in legal:
            if isinstance(command, MakeMove):
                moves.setdefault(command.move, []).append(command)
        for move, target in self._wishes(view, moves):
            found = [c for c in moves.get(move, ()) if target is None or c.target == target]
            price = self.book.moves[move].funds
            if found and (not price or
                          view.me.resources["funds"] - price >= self._floor(view, move)):
                return found[0]
        return next(c for c in legal if isinstance(c, EndTurn))

    def _until_vote(self, view: View) -> int:
        return turns_until(self._vote[0], self._vote[1], view.turn)

    def _floor(self, view: View, move: str) -> float:
        """Funds to keep after paying for ``move``: most just before the vote."""
        until = self._until_vote(view)
        if move == "nominate_self":
            return 0.0
        if move in CAMPAIGN:
            return 30.0 if until == 0 else 20.0 if until == 1 else 0.0
        if self._ticket(view) and 3 <= until <= 6:
            return 120.0
        return 20.0

    def _ticket(self, view: View) -> bool:
        return "party_chair" in view.me.positions or (
            "presidential_election" in view.me.nominations)

    def _fresh(self, view: View, moves: dict[str, list[MakeMove]], names: Sequence[str],
               share: float) -> Iterator[tuple[str, None]]:
        """The moves of ``names`` on offer that repetition has not worn below ``share``."""
        for name in names:
            if name in moves and view.gain_share(name) >= share:
                yield name, None

    def _wishes(self, view: View, moves: dict[str, list[MakeMove]]
                ) -> Iterator[tuple[str, str | None]]:
        me = view.me
        until = self._until_vote(view)
        ticket = self._ticket(view)
        chair = "party_chair" in me.positions
        funds = me.resources["funds"]
        if me.party is None:
            yield "join_party", PARTY
        yield "nominate_self", None
        racing = any(r.endswith("_election") for r in me.registrations)
        if ticket and 1 <= until <= 3 and not racing:
            for move in EARLY_WINDOW:
                yield move, None
        campaigning = "presidential_election" in me.registrations or (
            ticket and until <= 3 and racing)
        if campaigning:
            yield from self._fresh(view, moves, CAMPAIGN, 0.69)
            for move in CAMPAIGN:
                yield move, None
        if not chair:
            yield "seek_presidential_nomination", None
        for move in RACES:
            yield move, None
        if chair or campaigning:
            if funds < (150 if 3 <= until <= 6 else 60):
                yield from self._fresh(view, moves, MONEY, 0.69)
            yield from self._fresh(view, moves, SUPPORT, 0.99)
            yield from self._fresh(view, moves, SUPPORT, 0.69)
            yield from self._fresh(view, moves, MONEY, 0.69)
            if me.resources["standing"] < 50:
                yield from self._fresh(view, moves, ("attend_meetings", "rally_factions"), 0.99)
            yield from self._fresh(view, moves, SUPPORT, 0.48)
            return
        yield "join_campaign_team", None
        if funds >= 45:
            yield "open_consultancy", None
        if funds < 40:
            yield from self._fresh(view, moves, MONEY, 0.99)
        if view.turn >= 14:
            yield from self._fresh(view, moves, ("public_appearance", "charity_work"), 0.99)
        yield from self._fresh(view, moves, BUILD, 0.99)
        yield from self._fresh(view, moves, MONEY, 0.99)
        yield from self._fresh(view, moves, SUPPORT, 0.99)
        yield from self._fresh(view, moves, BUILD, 0.69)
        yield from self._fresh(view, moves, MONEY, 0.69)

    def _card_worth(self, view: View, command: ChooseOption) -> float:
        event = self.book.events[command.event]
        choice = next(c for c in event.choices if c.id == command.choice)
        worth = self._effects_worth(choice.effects)
        if choice.check is not None:
            chance = view.chance(choice.check)
            worth += chance * self._effects_worth(choice.on_success) + (
                1.0 - chance) * self._effects_worth(choice.on_failure)
        return worth

    def _effects_worth(self, effects: Sequence[Effect]) -> float:
        worth = 0.0
        for effect in effects:
            if isinstance(effect, ChangeResource):
                worth += CARD_PRICES.get(effect.resource, 0.0) * effect.delta
            elif isinstance(effect, AddStatus):
                worth += -60.0 if self.book.statuses[effect.status].hidden or (
                    self.book.statuses[effect.status].contest_penalty > 0) else 4.0
            elif isinstance(effect, RemoveStatus):
                worth += 30.0
            elif isinstance(effect, LeaveParty):
                worth -= 200.0
            elif isinstance(effect, ChangePartyPopularity) and effect.party is None:
                worth += 3.0 * effect.delta
        return worth
