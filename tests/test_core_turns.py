"""The turn pipeline: upkeep, promotions and terms, ruin, time, victory, and event cards."""

from __future__ import annotations

from dataclasses import replace

import pytest
from core_helpers import (
    finish_turn,
    gain,
    mini,
    of_kind,
    ok,
    play_turns,
    quiet_mini,
    start,
    swap,
)

from game.core import ChooseOption, EndTurn, GameState, MakeMove, apply, to_move
from game.core.events import (
    CareerEnded,
    EventDrawn,
    PopularityChanged,
    PositionGained,
    PositionLost,
    ResourceChanged,
    TurnStarted,
)
from game.core.rules import PartyMember
from game.core.scenario import EventDef

BRIBE, BOOM = mini().events


def changes(events: list, actor: str, resource: str) -> dict[str, float]:
    """Reason -> delta of one actor's resource changes."""
    found: dict[str, float] = {}
    for e in of_kind(events, ResourceChanged):
        if e.actor == actor and e.resource == resource:
            found[e.reason] = found.get(e.reason, 0.0) + e.delta
    return found


# ------------------------------------------------------------------------------ upkeep


def test_upkeep_pays_salary_and_takes_living_cost() -> None:
    state = start(quiet_mini())
    gain(state, "player", "clerk")
    funds = state.player.resources["funds"]
    events = finish_turn(state)
    assert changes(events, "player", "funds") == {"position:clerk": 5.0, "living cost": -2.0}
    assert state.player.resources["funds"] == funds + 3.0
    assert state.player.turns_held["clerk"] == 1


def test_upkeep_pays_position_influence() -> None:
    state = start(quiet_mini())
    gain(state, "ana", "mayor")
    events = finish_turn(state)
    assert changes(events, "ana", "influence") == {"position:mayor": 3.0}


def test_living_cost_applies_without_any_position() -> None:
    state = start(quiet_mini())
    events = finish_turn(state)
    for aid in state.order:
        assert changes(events, aid, "funds") == {"living cost": -2.0}


def test_decay_closes_a_share_of_the_gap_to_baseline() -> None:
    state = start(quiet_mini())  # support: baseline 5, decay 0.1
    state.player.resources["support"] = 25.0
    state.actors["ana"].resources["support"] = 0.0
    events = finish_turn(state)
    assert state.player.resources["support"] == pytest.approx(23.0)
    assert state.actors["ana"].resources["support"] == pytest.approx(0.5)
    assert changes(events, "player", "support") == pytest.approx({"decay": -2.0})
    assert changes(events, "budi", "support") == {}  # at its baseline: nothing moves


def test_agenda_is_reduced_by_position_agenda_cost() -> None:
    state = start(quiet_mini())
    assert state.player.agenda == 2
    gain(state, "player", "clerk")  # agenda cost 1
    finish_turn(state)
    assert state.player.agenda == 1
    assert state.actors["ana"].agenda == 2


def test_agenda_never_drops_below_one() -> None:
    scenario = quiet_mini(positions=swap(mini().positions, "clerk", agenda_cost=5))
    state = start(scenario)
    gain(state, "player", "clerk")
    finish_turn(state)
    assert state.player.agenda == 1
    ok(apply(state, MakeMove("player", "fundraise")))


def test_used_moves_are_forgotten_at_upkeep() -> None:
    state = start(quiet_mini())
    ok(apply(state, MakeMove("player", "fundraise")))
    assert state.player.used_this_turn == ["fundraise"]
    finish_turn(state)
    assert state.player.used_this_turn == []


# ------------------------------------------------------------------------------ seats over time


def test_automatic_promotion_after_tenure() -> None:
    state = start(quiet_mini())
    gain(state, "player", "clerk")  # during turn 1; director needs three turns as clerk
    play_turns(state, 3)  # upkeeps of turns 2, 3, 4 count
    assert set(state.player.positions) == {"clerk"}
    assert state.player.turns_held["clerk"] == 3
    events = finish_turn(state)  # turn 4 ends with three turns served
    assert PositionGained("player", "director", "promotion") in events
    assert PositionLost("player", "clerk", "promoted") in events
    assert set(state.player.positions) == {"director"}
    assert state.seats["clerk"] == [] and state.seats["director"] == ["player"]


def test_promotion_goes_first_in_acting_order_when_seats_are_few() -> None:
    state = start(quiet_mini())
    gain(state, "budi", "clerk")
    gain(state, "player", "clerk")
    play_turns(state, 4)
    assert state.seats["director"] == ["player"]  # one seat: the player acts first
    assert set(state.actors["budi"].positions) == {"clerk"}


def test_fixed_term_seat_is_vacated_when_the_term_runs_out() -> None:
    positions = swap(mini().positions, "director", requires=())  # anyone may be promoted
    positions = swap(positions, "director", obtained="appointment")  # no automatic refill
    state = start(quiet_mini(positions=positions))
    gain(state, "player", "director")  # during turn 1, term 6
    events = play_turns(state, 6)
    assert not of_kind(events, PositionLost)
    assert "director" in state.player.positions
    assert changes(events, "player", "funds")["position:director"] == 6 * 8.0  # six salaries
    events = finish_turn(state)  # turn 7 ends: six turns since turn 1
    assert PositionLost("player", "director", "term ended") in events
    assert state.player.positions == {} and state.seats["director"] == []


def test_director_term_end_does_not_reseat_the_same_director() -> None:
    state = start(quiet_mini())
    gain(state, "player", "clerk")
    play_turns(state, 4)  # promoted to director at the end of turn 4
    assert state.player.positions["director"].since == 4
    events = play_turns(state, 6)  # the term (6) ends at the end of turn 10
    assert PositionLost("player", "director", "term ended") in events
    assert "director" not in state.player.positions


def test_contest_seats_are_not_ended_by_term() -> None:
    positions = swap(mini().positions, "mayor", term=1)
    state = start(quiet_mini(positions=positions))
    gain(state, "ana", "mayor")
    play_turns(state, 3)  # before the next mayoral election (turn 5)
    assert "mayor" in state.actors["ana"].positions


# ------------------------------------------------------------------------------ ends


def test_debt_below_the_limit_for_debt_turns_ruins() -> None:
    state = start(quiet_mini())  # debt limit -50, two turns in a row
    gain(state, "player", "clerk")
    state.player.resources["funds"] = -60.0
    events = finish_turn(state)
    assert state.player.debt_turns == 1 and state.phase == "act"
    state.player.resources["funds"] = -100.0
    events = finish_turn(state)
    assert state.phase == "over" and state.result == "ruined"
    assert state.player.result == "ruined"
    assert PositionLost("player", "clerk", "ruined") in events
    assert state.seats["clerk"] == []
    assert to_move(state) is None


def test_one_solvent_turn_resets_the_debt_count() -> None:
    state = start(quiet_mini())
    state.player.resources["funds"] = -60.0
    finish_turn(state)
    state.player.resources["funds"] = 0.0
    finish_turn(state)
    assert state.player.debt_turns == 0
    state.player.resources["funds"] = -60.0
    finish_turn(state)
    assert state.phase == "act" and state.player.debt_turns == 1


def test_ruined_rival_leaves_the_game_but_the_game_goes_on() -> None:
    state = start(quiet_mini())
    state.actors["budi"].statuses["disgraced"] = 0
    events = finish_turn(state)
    assert ("budi", "ruined") in [(e.actor, e.result) for e in of_kind(events, CareerEnded)]
    assert state.phase == "act"
    seen = []
    while state.turn == 2:
        seen.append(to_move(state))
        ok(apply(state, EndTurn(to_move(state))))
    assert seen == ["player", "ana"]


def test_max_turns_ends_the_game_with_time_up() -> None:
    state = start(quiet_mini(max_turns=3))
    events = play_turns(state, 10)
    assert state.turn == 3 and state.phase == "over" and state.result == "time_up"
    ended = {e.actor: e.result for e in of_kind(events, CareerEnded)}
    assert ended == {"player": "time_up", "ana": "time_up", "budi": "time_up"}
    assert not [e for e in events if isinstance(e, TurnStarted) and e.turn > 3]


def test_holding_the_victory_position_wins() -> None:
    state = start(quiet_mini())
    gain(state, "player", "president")
    events = finish_turn(state)
    assert state.phase == "over" and state.result == "won"
    assert [(e.actor, e.result) for e in of_kind(events, CareerEnded)] == [("player", "won")]


def test_a_rival_in_the_victory_position_does_not_end_the_game() -> None:
    state = start(quiet_mini())
    gain(state, "ana", "president")
    finish_turn(state)
    assert state.phase == "act" and state.actors["ana"].active


# ------------------------------------------------------------------------------ event cards


def _cards(*events: EventDef) -> GameState:
    return start(quiet_mini(events=events))


def _drawn(events: list, event: str, actor: str | None) -> int:
    return sum(1 for e in of_kind(events, EventDrawn) if e.event == event and e.actor == actor)


def test_card_cooldown_is_respected() -> None:
    state = _cards(replace(BRIBE, probability=1.0, cooldown=3))
    turns = []
    for _ in range(9):
        turn = state.turn
        if _drawn(finish_turn(state), "bribe", "player"):
            turns.append(turn)
    assert turns == [1, 5, 9]


def test_once_card_fires_only_once() -> None:
    state = _cards(replace(BRIBE, probability=1.0, cooldown=0, once=True))
    events = play_turns(state, 6)
    for aid in state.order:
        assert _drawn(events, "bribe", aid) == 1


def test_at_most_one_actor_card_per_actor_and_turn() -> None:
    other = replace(BRIBE, id="gift", probability=1.0, cooldown=0)
    state = _cards(replace(BRIBE, probability=1.0, cooldown=0), other)
    for _ in range(4):
        events = finish_turn(state)
        for aid in state.order:
            drawn = [e for e in of_kind(events, EventDrawn) if e.actor == aid]
            assert len(drawn) == 1, (state.turn, aid, drawn)


def test_card_conditions_are_read_for_each_actor() -> None:
    members_only = replace(BRIBE, probability=1.0, cooldown=0, conditions=(PartyMember(),))
    state = _cards(members_only)
    events = finish_turn(state)
    assert [e.actor for e in of_kind(events, EventDrawn)] == ["ana"]


def test_card_choice_effects_apply_to_the_chooser() -> None:
    state = _cards(replace(BRIBE, probability=1.0, cooldown=0))
    for aid in state.order:
        ok(apply(state, EndTurn(aid)))
    network = state.player.resources["network"]
    funds = {aid: a.resources["funds"] for aid, a in state.actors.items()}
    ok(apply(state, ChooseOption("player", "bribe", "refuse")))
    assert state.player.resources["network"] == network - 1
    ok(apply(state, ChooseOption("ana", "bribe", "take")))
    assert state.actors["ana"].resources["funds"] == funds["ana"] + 15.0
    assert state.player.resources["funds"] == funds["player"]


def test_world_event_applies_to_every_actor() -> None:
    state = _cards(replace(BOOM, probability=1.0, cooldown=0))
    events = finish_turn(state)
    assert _drawn(events, "boom", None) == 1
    for aid in state.order:
        assert changes(events, aid, "funds") == {"event:boom": 5.0, "living cost": -2.0}


def test_world_event_cooldown_is_respected() -> None:
    state = _cards(replace(BOOM, probability=1.0, cooldown=4))
    turns = []
    for _ in range(8):
        turn = state.turn
        if _drawn(finish_turn(state), "boom", None):
            turns.append(turn)
    assert turns == [1, 6]


def test_world_event_moves_party_popularity_once() -> None:
    state = _cards(replace(BOOM, probability=1.0, cooldown=0))  # red +2
    red = state.popularity["red"]
    events = finish_turn(state)
    assert sum(e.delta for e in of_kind(events, PopularityChanged)) == pytest.approx(2.0)
    assert state.popularity["red"] == pytest.approx(red + 2.0)


def test_lapsing_position_is_lost_when_its_requirement_stops_holding() -> None:
    positions = swap(mini().positions, "chair", lapses=True)  # chair requires holding member
    state = start(quiet_mini(positions=positions))
    gain(state, "ana", "chair")
    finish_turn(state)
    assert "chair" in state.actors["ana"].positions
    ok(apply(state, EndTurn("player")))
    ok(apply(state, MakeMove("ana", "resign", "member")))
    events = finish_turn(state)
    assert PositionLost("ana", "chair", "no longer qualifies") in events
    assert state.seats["chair@red"] == []


def test_position_without_lapse_is_kept_when_its_requirement_stops_holding() -> None:
    state = start(quiet_mini())
    gain(state, "ana", "chair")
    ok(apply(state, EndTurn("player")))
    ok(apply(state, MakeMove("ana", "resign", "member")))
    finish_turn(state)
    assert set(state.actors["ana"].positions) == {"chair"}
