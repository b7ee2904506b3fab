"""Effects: parties, seats, promotions, exclusions, statuses, popularity and retiring."""

from __future__ import annotations

from dataclasses import replace

from core_helpers import finish_turn, gain, mini, of_kind, ok, quiet_mini, start, swap

from game.core import (
    ChooseOption,
    EndTurn,
    GameState,
    MakeMove,
    Rejected,
    Rejection,
    apply,
    legal_moves,
    to_move,
)
from game.core.contests import entry_rejection
from game.core.effects import apply_effects, feasibility
from game.core.events import (
    CareerEnded,
    Event,
    PartyChanged,
    PositionGained,
    PositionLost,
    Registered,
    StatusChanged,
)
from game.core.positions import can_take
from game.core.rules import (
    AddStatus,
    ChangePartyPopularity,
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
from game.core.scenario import ChoiceDef


def effect(state: GameState, actor: str, *effects: Effect, target: str | None = None
           ) -> list[Event]:
    out: list[Event] = []
    apply_effects(state, state.actors[actor], effects, target, "test", out)
    return out


def seats_agree(state: GameState) -> None:
    for aid, actor in state.actors.items():
        for pid, holding in actor.positions.items():
            key = pid if holding.party is None else f"{pid}@{holding.party}"
            assert aid in state.seats[key]
    for key, holders in state.seats.items():
        for aid in holders:
            assert key.split("@")[0] in state.actors[aid].positions


def test_joining_a_party_gives_membership_and_its_seat() -> None:
    state = start(quiet_mini())
    events = ok(apply(state, MakeMove("player", "join", "blue")))
    player = state.player
    assert player.party == "blue" and player.party_since == 1
    assert "member" in player.positions and player.positions["member"].party == "blue"
    assert "player" in state.seats["member@blue"]
    assert of_kind(events, PartyChanged) == [PartyChanged("player", "blue", None)]
    assert "party_member" in player.channels
    seats_agree(state)


def test_leaving_loses_party_positions_and_party_bound_standing() -> None:
    state = start(quiet_mini())
    ana = state.actors["ana"]
    gain(state, "ana", "chair")
    gain(state, "ana", "mayor")  # not a party position: kept
    ana.resources["standing"] = 40.0
    ana.nominations.append("pres_vote")
    events = effect(state, "ana", LeaveParty())
    assert ana.party is None
    assert set(ana.positions) == {"mayor"}
    assert state.seats["chair@red"] == [] and state.seats["member@red"] == []
    assert ana.resources["standing"] == 0.0  # back to its initial value
    assert ana.nominations == []
    lost = {(e.position, e.why) for e in of_kind(events, PositionLost)}
    assert lost == {("member", "left party"), ("chair", "left party")}
    assert PartyChanged("ana", None, "red") in events
    seats_agree(state)


def test_leaving_by_move_then_rejoining_another_party() -> None:
    state = start(quiet_mini())
    finish_turn(state)
    ok(apply(state, MakeMove("player", "join", "red")))
    ok(apply(state, MakeMove("player", "meet")))
    assert state.player.resources["standing"] == 5.0
    finish_turn(state)
    ok(apply(state, MakeMove("player", "leave")))
    assert state.player.party is None and state.player.resources["standing"] == 0.0
    ok(apply(state, MakeMove("player", "join", "blue")))
    assert state.player.party == "blue" and state.player.party_since == 3
    seats_agree(state)


def test_cannot_join_a_second_party_or_the_own_one() -> None:
    state = start(quiet_mini())
    ok(apply(state, MakeMove("player", "join", "red")))
    finish_turn(state)
    for party in ("red", "blue"):
        result = apply(state, MakeMove("player", "join", party))
        assert isinstance(result, Rejected) and result.reason is Rejection.BAD_TARGET
    assert feasibility(state, state.player, JoinParty("blue"), None) is Rejection.BAD_TARGET


def test_neutral_position_blocks_joining() -> None:
    state = start(quiet_mini())
    gain(state, "player", "clerk")
    assert feasibility(state, state.player, JoinParty("red"), None) is Rejection.EXCLUDED
    assert not any(getattr(c, "move", None) == "join" for c in legal_moves(state, "player"))
    assert effect(state, "player", JoinParty("red")) == []  # skipped: impossible
    assert state.player.party is None


def test_party_members_cannot_take_neutral_positions() -> None:
    state = start(quiet_mini())
    assert can_take(state, state.actors["ana"], "clerk") is Rejection.EXCLUDED
    assert can_take(state, state.player, "clerk") is None


def test_gain_and_lose_position_keep_seats_consistent() -> None:
    state = start(quiet_mini())
    events = effect(state, "player", GainPosition("clerk"))
    assert of_kind(events, PositionGained) == [PositionGained("player", "clerk", "move")]
    assert state.seats["clerk"] == ["player"]
    assert state.player.first_held["clerk"] == 1
    seats_agree(state)
    events = effect(state, "player", LosePosition(), target="clerk")
    assert of_kind(events, PositionLost) == [PositionLost("player", "clerk", "resigned")]
    assert state.seats["clerk"] == [] and "clerk" not in state.player.positions
    assert state.player.first_held["clerk"] == 1  # history stays
    seats_agree(state)


def test_resign_move_gives_up_the_targeted_seat() -> None:
    state = start(quiet_mini())
    gain(state, "player", "clerk")
    assert MakeMove("player", "resign", "clerk") in legal_moves(state, "player")
    ok(apply(state, MakeMove("player", "resign", "clerk")))
    assert state.player.positions == {} and state.seats["clerk"] == []


def test_no_seat_when_the_position_is_full() -> None:
    scenario = quiet_mini(positions=swap(mini().positions, "clerk", seats=1))
    state = start(scenario)
    gain(state, "budi", "clerk")
    assert can_take(state, state.player, "clerk") is Rejection.NO_SEAT
    assert effect(state, "player", GainPosition("clerk")) == []
    assert state.seats["clerk"] == ["budi"]


def test_an_office_on_another_track_is_left_for_not_promoted_out_of() -> None:
    """The log says a civil servant who becomes mayor left the service for the new office."""
    positions = swap(mini().positions, "mayor", replaces=("clerk",), requires=())
    state = start(quiet_mini(positions=positions))
    gain(state, "player", "clerk")
    events = effect(state, "player", GainPosition("mayor"))
    assert [(e.position, e.why) for e in of_kind(events, PositionLost)] == [("clerk", "left_for")]
    assert set(state.player.positions) == {"mayor"}


def test_promotion_gives_up_the_replaced_seat() -> None:
    state = start(quiet_mini())
    gain(state, "player", "clerk")
    state.player.positions["clerk"].since = state.turn - 3  # director: three turns as clerk
    events = effect(state, "player", GainPosition("director"))
    assert [e.position for e in of_kind(events, PositionLost)] == ["clerk"]
    assert of_kind(events, PositionLost)[0].why == "promoted"
    assert set(state.player.positions) == {"director"}
    assert state.seats["clerk"] == [] and state.seats["director"] == ["player"]
    seats_agree(state)


def test_excluded_positions_cannot_be_held_together() -> None:
    state = start(quiet_mini())
    gain(state, "player", "mayor")  # a mayor outside any party: only the exclusion bites
    assert can_take(state, state.player, "clerk") is Rejection.EXCLUDED
    assert effect(state, "player", GainPosition("clerk")) == []
    gain(state, "budi", "clerk")  # exclusions work both ways (only mayor lists them)
    assert can_take(state, state.actors["budi"], "mayor") is Rejection.EXCLUDED
    assert entry_rejection(state, state.actors["budi"], "mayor_vote") is Rejection.EXCLUDED


def test_requirements_guard_gaining_a_position() -> None:
    state = start(quiet_mini())
    assert can_take(state, state.player, "director") is Rejection.REQUIREMENTS_NOT_MET
    assert can_take(state, state.actors["ana"], "president") is Rejection.REQUIREMENTS_NOT_MET
    assert can_take(state, state.player, "member") is Rejection.NOT_ELIGIBLE  # no party
    assert can_take(state, state.actors["ana"], "member") is Rejection.NOT_ELIGIBLE  # held


def test_status_with_turns_expires_at_upkeep() -> None:
    state = start(quiet_mini())  # turn 1
    state.player.resources["support"] = 50.0
    events = effect(state, "player", AddStatus("probe", 2))
    assert of_kind(events, StatusChanged) == [StatusChanged("player", "probe", True)]
    finish_turn(state)  # turn 2: still under investigation, support -2 (and decay)
    assert "probe" in state.player.statuses
    finish_turn(state)  # turn 3: the last turn it lasts
    assert "probe" in state.player.statuses
    events = finish_turn(state)  # turn 4: gone at upkeep, no more per-turn penalty
    assert "probe" not in state.player.statuses
    assert StatusChanged("player", "probe", False) in events
    assert not [e for e in events if getattr(e, "reason", "") == "status:probe"]


def test_status_per_turn_effect_applies_each_upkeep() -> None:
    state = start(quiet_mini())
    state.player.resources["support"] = 50.0
    effect(state, "player", AddStatus("probe"))  # open-ended
    for _ in range(4):
        events = finish_turn(state)
        hits = [e for e in events if getattr(e, "reason", "") == "status:probe"
                and e.actor == "player"]  # type: ignore[union-attr]
        assert [e.delta for e in hits] == [-2.0]  # type: ignore[union-attr]
    assert state.player.statuses["probe"] == 0


def test_remove_status() -> None:
    state = start(quiet_mini())
    effect(state, "player", AddStatus("probe"))
    events = effect(state, "player", RemoveStatus("probe"))
    assert events == [StatusChanged("player", "probe", False)]
    assert effect(state, "player", RemoveStatus("probe")) == []  # absent: nothing happens


def test_party_popularity_is_bounded() -> None:
    state = start(quiet_mini())
    effect(state, "ana", ChangePartyPopularity(500.0))  # Ana's own party
    assert state.popularity["red"] == 99.0
    effect(state, "player", ChangePartyPopularity(-500.0, party="blue"))
    assert state.popularity["blue"] == 1.0
    effect(state, "player", ChangePartyPopularity(-3.0, every_party=True))
    assert state.popularity == {"red": 96.0, "blue": 1.0}
    assert effect(state, "player", ChangePartyPopularity(5.0)) == []  # no party of its own


def test_retiring_ends_the_players_career_and_the_game() -> None:
    state = start(quiet_mini())
    state.turn = 11  # age 35
    events = ok(apply(state, MakeMove("player", "retire")))
    assert state.player.result == "retired" and state.result == "retired"
    assert state.phase == "over"
    assert [(e.actor, e.result) for e in of_kind(events, CareerEnded)] == [("player", "retired")]
    assert legal_moves(state, "player") == []


def test_a_retired_rival_no_longer_acts() -> None:
    state = start(quiet_mini())
    state.turn = 11
    ok(apply(state, MakeMove("player", "fundraise")))
    finish_turn(state)  # turn 12
    ok(apply(state, EndTurn("player")))
    assert to_move(state) == "ana"
    events = ok(apply(state, MakeMove("ana", "retire")))
    assert state.actors["ana"].result == "retired"
    assert [(e.actor, e.result) for e in of_kind(events, CareerEnded)] == [("ana", "retired")]
    assert to_move(state) == "budi"  # the turn passed on
    finish_turn(state)
    seen = []
    while state.turn == 13:
        seen.append(to_move(state))
        ok(apply(state, EndTurn(to_move(state))))
    assert seen == ["player", "budi"]


def test_enter_contest_registers_and_opens_the_candidate_channel() -> None:
    state = start(quiet_mini())
    ana = state.actors["ana"]
    events = effect(state, "ana", EnterContest("mayor_vote"))
    assert Registered("ana", "mayor_vote") in events
    assert ana.registrations == ["mayor_vote"] and "candidate" in ana.channels
    assert feasibility(state, ana, EnterContest("mayor_vote"), None) is (
        Rejection.ALREADY_REGISTERED)
    assert effect(state, "ana", EnterContest("mayor_vote")) == []  # no double entry
    assert ana.registrations == ["mayor_vote"]


def test_nominate_grants_the_nomination_once() -> None:
    state = start(quiet_mini())
    ana = state.actors["ana"]
    ana.first_held["mayor"] = 1  # eligible for the presidency: stands at once
    events = effect(state, "ana", Nominate("pres_vote"))
    assert Registered("ana", "pres_vote", nomination=True) in events
    assert ana.nominations == ["pres_vote"] and ana.registrations == ["pres_vote"]
    assert feasibility(state, ana, Nominate("pres_vote"), None) is Rejection.NOT_ELIGIBLE
    assert feasibility(state, state.player, Nominate("pres_vote"), None) is (
        Rejection.NOT_ELIGIBLE)  # no party, no nomination


def _quitting_card() -> GameState:
    quit_card = replace(mini().events[0], probability=1.0, cooldown=0,
                        choices=(ChoiceDef("quit", {"en": "Quit"}, (Retire(),)),
                                 ChoiceDef("stay", {"en": "Stay"})))
    state = start(quiet_mini(events=(quit_card,)))
    for aid in state.order:
        ok(apply(state, EndTurn(aid)))
    return state


def test_retiring_through_a_card_ends_the_career() -> None:
    state = _quitting_card()
    ok(apply(state, ChooseOption("player", "bribe", "stay")))
    ok(apply(state, ChooseOption("ana", "bribe", "quit")))
    ok(apply(state, ChooseOption("budi", "bribe", "stay")))
    assert state.actors["ana"].result == "retired"
    assert state.phase == "act" and state.turn == 2
    seen = []
    while state.phase == "act":
        seen.append(to_move(state))
        ok(apply(state, EndTurn(to_move(state))))
    assert seen == ["player", "budi"]
    assert [p.actor for p in state.pending] == ["player", "budi"]  # no card for the retired


def test_retiring_through_a_card_is_announced() -> None:
    state = _quitting_card()
    ana = state.actors["ana"]
    ana.registrations.append("chair_vote")
    events = ok(apply(state, ChooseOption("player", "bribe", "stay")))
    events += ok(apply(state, ChooseOption("ana", "bribe", "quit")))
    assert [(e.actor, e.result) for e in of_kind(events, CareerEnded)] == [("ana", "retired")]
    assert ana.registrations == []
