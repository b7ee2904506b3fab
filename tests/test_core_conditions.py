"""Conditions: every kind compiled by ``compile_condition``, true and false."""

from __future__ import annotations

import pytest
from core_helpers import gain, mini, quiet_mini, start

from game.core import GameState
from game.core.conditions import compile_all, compile_condition
from game.core.rules import (
    AgeRange,
    AllOf,
    AnyOf,
    Condition,
    ContestSoon,
    HasStatus,
    HoldsPosition,
    Not,
    PartyMember,
    PartyPopularity,
    PartySeats,
    Registered,
    ResourceRange,
    Tenure,
    TurnRange,
)


@pytest.fixture
def state() -> GameState:
    """Turn 1: the player has no party; Ana is a red member since turn 0; Budi has nothing."""
    return start(quiet_mini())


def holds(state: GameState, cond: Condition, actor: str = "player") -> bool:
    return compile_condition(cond, state.book.scenario)(state, state.actors[actor])


def test_resource_range(state: GameState) -> None:
    state.player.resources["network"] = 20.0
    assert holds(state, ResourceRange("network", 10, 30))
    assert holds(state, ResourceRange("network", 20, 20))  # bounds are inclusive
    assert holds(state, ResourceRange("network", minimum=10))
    assert holds(state, ResourceRange("network", maximum=20))
    assert not holds(state, ResourceRange("network", 21, None))
    assert not holds(state, ResourceRange("network", None, 19.5))


def test_holds_position_now(state: GameState) -> None:
    assert holds(state, HoldsPosition(("member",)), "ana")
    assert not holds(state, HoldsPosition(("member",)), "player")
    gain(state, "player", "clerk")
    assert holds(state, HoldsPosition(("mayor", "clerk")))
    assert not holds(state, HoldsPosition(("mayor", "president")))


def test_holds_position_ever(state: GameState) -> None:
    gain(state, "player", "clerk")
    state.actors["player"].positions.pop("clerk")
    state.seats["clerk"].remove("player")
    assert not holds(state, HoldsPosition(("clerk",)))
    assert holds(state, HoldsPosition(("clerk",), ever=True))
    assert not holds(state, HoldsPosition(("mayor",), ever=True))


def test_tenure_of_a_position(state: GameState) -> None:
    player = state.player
    gain(state, "player", "clerk")
    assert not holds(state, Tenure(1, "clerk"))
    player.positions["clerk"].since = state.turn - 3
    assert holds(state, Tenure(3, "clerk"))
    assert not holds(state, Tenure(4, "clerk"))
    assert not holds(state, Tenure(1, "mayor"))
    player.positions.pop("clerk")
    player.turns_held["clerk"] = 10  # a past seat is experience, not tenure
    assert not holds(state, Tenure(1, "clerk"))


def test_tenure_of_any_position(state: GameState) -> None:
    # Ana holds member since turn 0; it is turn 1
    assert holds(state, Tenure(1), "ana")
    assert not holds(state, Tenure(2), "ana")
    assert not holds(state, Tenure(0), "player")  # holds nothing
    state.turn = 4
    assert holds(state, Tenure(4), "ana")


def test_party_member(state: GameState) -> None:
    assert holds(state, PartyMember(), "ana")
    assert not holds(state, PartyMember(), "player")
    assert holds(state, PartyMember(member=False), "player")
    assert not holds(state, PartyMember(member=False), "ana")
    assert holds(state, PartyMember(party="red"), "ana")
    assert not holds(state, PartyMember(party="blue"), "ana")


def test_party_member_min_turns(state: GameState) -> None:
    # Ana joined on turn 0 and it is turn 1
    assert holds(state, PartyMember(min_turns=1), "ana")
    assert not holds(state, PartyMember(min_turns=2), "ana")
    state.turn = 6
    assert holds(state, PartyMember(min_turns=6), "ana")
    assert not holds(state, PartyMember(min_turns=7, party="red"), "ana")


def test_status(state: GameState) -> None:
    assert not holds(state, HasStatus("probe"))
    assert holds(state, HasStatus("probe", present=False))
    state.player.statuses["probe"] = 0
    assert holds(state, HasStatus("probe"))
    assert not holds(state, HasStatus("probe", present=False))
    assert not holds(state, HasStatus("disgraced"))


def test_turn(state: GameState) -> None:
    assert holds(state, TurnRange(1, 1))
    assert not holds(state, TurnRange(2, None))
    state.turn = 5
    assert holds(state, TurnRange(2, 5))
    assert not holds(state, TurnRange(None, 4))


def test_age_grows_with_the_calendar(state: GameState) -> None:
    # start age 30, six months a turn
    assert holds(state, AgeRange(30, 30))
    assert not holds(state, AgeRange(minimum=35))
    state.turn = 11
    assert holds(state, AgeRange(minimum=35))
    assert not holds(state, AgeRange(maximum=34.9))


@pytest.mark.parametrize(
    ("turn", "within", "expected"),
    [(1, 2, False), (1, 4, True), (3, 2, True), (5, 0, True), (4, 0, False),
     (6, 2, False), (8, 2, True), (10, 0, True)],
)
def test_contest_soon(state: GameState, turn: int, within: int, expected: bool) -> None:
    # the mayoral election sits on turns 5, 10, 15...
    state.turn = turn
    assert holds(state, ContestSoon("mayor_vote", within)) is expected


def test_registered(state: GameState) -> None:
    assert not holds(state, Registered("clerk_exam"))
    assert holds(state, Registered("clerk_exam", present=False))
    state.player.registrations.append("clerk_exam")
    assert holds(state, Registered("clerk_exam"))
    assert not holds(state, Registered("mayor_vote"))


def test_party_popularity(state: GameState) -> None:
    # Ana is red (60); the player has no party
    assert holds(state, PartyPopularity(50, 60), "ana")
    assert not holds(state, PartyPopularity(maximum=59), "ana")
    assert not holds(state, PartyPopularity(), "player")  # false without a party
    state.popularity["red"] = 10.0
    assert holds(state, PartyPopularity(maximum=10), "ana")


def test_all_any_not(state: GameState) -> None:
    yes, no = PartyMember(), PartyMember(member=False)
    assert holds(state, AllOf((yes, TurnRange(1, 1))), "ana")
    assert not holds(state, AllOf((yes, no)), "ana")
    assert holds(state, AllOf(()), "ana")
    assert holds(state, AnyOf((no, yes)), "ana")
    assert not holds(state, AnyOf((no, TurnRange(5, None))), "ana")
    assert not holds(state, AnyOf(()), "ana")
    assert holds(state, Not(no), "ana")
    assert not holds(state, Not(yes), "ana")
    assert holds(state, Not(AllOf((yes, no))), "ana")


def test_compile_all_needs_every_condition(state: GameState) -> None:
    scenario = mini()
    assert compile_all((), scenario)(state, state.player)
    both = compile_all((PartyMember(), TurnRange(1, 1)), scenario)
    assert both(state, state.actors["ana"])
    assert not both(state, state.player)


def test_party_seats(state: GameState) -> None:
    majority = PartySeats("mayor", 0.5)
    largest = PartySeats("mayor", largest=True)
    assert not holds(state, majority, "ana")  # no election held yet
    state.party_seats["mayor"] = {"red": 3, "blue": 2}
    assert holds(state, majority, "ana") and holds(state, largest, "ana")
    assert not holds(state, majority, "player")  # false without a party
    state.player.party = "blue"
    assert not holds(state, majority, "player") and not holds(state, largest, "player")
    assert holds(state, PartySeats("mayor", 0.4), "player")
    state.party_seats["mayor"] = {"red": 2, "blue": 2}
    assert holds(state, majority, "ana") and not holds(state, largest, "ana")
