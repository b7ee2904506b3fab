"""``clone_state``: a copy for lookahead that dumps identically, shares nothing mutable with the
original, plays on identically with the same seed and with other dice when given one."""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any

import pytest
from core_helpers import frozen

from game.ai import play, seat_policies, step
from game.content import load_scenario
from game.core import GameState, Rulebook, clone_state, compile_rulebook, dump_state, new_game
from game.core.clone import ACTOR_FIELDS, HOLDING_FIELDS, PENDING_FIELDS, STATE_FIELDS
from game.core.codec import load_state
from game.core.state import Actor, Holding, PendingChoice

SCENARIOS = ("nusantara", "westminster", "partai_tunggal", "federal", "auerland")
PLAY_ON = 150  # decisions each copy plays after the split: several turns, contests included


@cache
def _book(scenario: str) -> Rulebook:
    return compile_rulebook(load_scenario(scenario))


@cache
def _snapshots(scenario: str, seed: int) -> tuple[dict[str, Any], ...]:
    """Dumps along one random career: mid-turn, with an event card waiting, and at its end."""
    book = _book(scenario)
    policies = seat_policies(book, "random")
    state, _ = new_game(book, seed)
    mid_turn: list[dict[str, Any]] = []
    choosing: list[dict[str, Any]] = []
    while state.phase != "over":
        step(state, policies)
        if state.phase == "choose" and len(choosing) < 2 and state.turn > 3 * len(choosing):
            choosing.append(dump_state(state))
        elif state.phase == "act" and state.current > 0 and state.turn >= 5 * (len(mid_turn) + 1):
            mid_turn.append(dump_state(state))
    return (*mid_turn[:4], *choosing, dump_state(state))


def _states(scenario: str, seed: int) -> list[GameState]:
    """Fresh states from ``_snapshots`` (tests play them on)."""
    return [load_state(_book(scenario), dump) for dump in _snapshots(scenario, seed)]


def _play_on(state: GameState, decisions: int = PLAY_ON) -> GameState:
    policies = seat_policies(state.book, "greedy")
    for _ in range(decisions):
        if state.phase == "over":
            break
        step(state, policies)
    return state


CASES = [(scenario, seed) for scenario in SCENARIOS for seed in (1, 2)]


@pytest.mark.parametrize(("scenario", "seed"), CASES)
def test_a_clone_dumps_byte_identically(scenario: str, seed: int) -> None:
    states = _states(scenario, seed)
    assert any(s.phase == "choose" for s in states), "no snapshot with an event card waiting"
    for state in states:
        assert frozen(clone_state(state)) == frozen(state)


@pytest.mark.parametrize(("scenario", "seed"), CASES)
def test_playing_a_clone_never_changes_the_original(scenario: str, seed: int) -> None:
    for state in _states(scenario, seed)[:-1]:
        before = frozen(state)
        copy = _play_on(clone_state(state))
        assert frozen(state) == before
        assert frozen(copy) != before  # the copy did play on


@pytest.mark.parametrize(("scenario", "seed"), CASES)
def test_playing_the_original_never_changes_a_clone_and_a_clone_plays_on_identically(
    scenario: str, seed: int,
) -> None:
    for state in _states(scenario, seed)[:-1]:
        before = frozen(state)
        copy = clone_state(state)
        _play_on(state)
        assert frozen(copy) == before
        assert frozen(_play_on(copy)) == frozen(state)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_clone_with_a_seed_plays_on_as_that_seed_would(scenario: str) -> None:
    differed = 0
    for state in _states(scenario, 3)[:-1]:
        sampled = clone_state(state, seed=987_654)
        assert sampled.seed == 987_654 and state.seed == 3
        as_dumped = dump_state(state)
        as_dumped["seed"] = 987_654
        reference = load_state(state.book, as_dumped)
        assert frozen(_play_on(sampled)) == frozen(_play_on(reference))
        differed += frozen(_play_on(clone_state(state))) != frozen(sampled)
    assert differed > 0, "other dice never changed the future"


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def test_the_clone_handles_every_field_of_the_state_classes() -> None:
    # a field added to a state class must be added to the clone (and to these lists)
    assert _field_names(Actor) == ACTOR_FIELDS
    assert _field_names(Holding) == HOLDING_FIELDS
    assert _field_names(PendingChoice) == PENDING_FIELDS
    assert _field_names(GameState) == STATE_FIELDS
    for cls in (Actor, Holding, PendingChoice, GameState):  # slotted: the hot path reads them
        assert set(cls.__slots__) == set(_field_names(cls))


def _containers(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)
            if isinstance(getattr(obj, f.name), dict | list)}


@pytest.mark.parametrize("scenario", ["nusantara", "auerland"])  # auerland: governments
def test_a_clone_shares_no_mutable_part_but_the_rulebook(scenario: str) -> None:
    state = _states(scenario, 4)[1]
    assert state.coalitions or scenario != "auerland"
    copy = clone_state(state)
    assert copy.book is state.book
    for name, value in _containers(state).items():
        assert getattr(copy, name) is not value, name
    assert all(a is not b for a, b in zip(copy.pending, state.pending, strict=True))
    for key, holders in state.seats.items():
        assert copy.seats[key] is not holders
    for body, chamber in state.party_seats.items():
        assert copy.party_seats[body] is not chamber
    for body, parties in state.coalitions.items():
        assert copy.coalitions[body] is not parties
    for aid, actor in state.actors.items():
        twin = copy.actors[aid]
        assert twin is not actor
        for name, value in _containers(actor).items():
            assert getattr(twin, name) is not value, f"{aid}.{name}"
        for pid, holding in actor.positions.items():
            assert twin.positions[pid] is not holding


def test_a_whole_career_on_clones_matches_the_career_itself() -> None:
    # cloning before every decision must not change where the career goes
    book = _book("nusantara")
    reference, _ = new_game(book, 5)
    # one-step rivals: a planner's caches may hold the actors of the state it last saw
    play(reference, seat_policies(book, "greedy", difficulty="easy"))
    state, _ = new_game(book, 5)
    policies = seat_policies(book, "greedy", difficulty="easy")
    while state.phase != "over":
        state = clone_state(state)
        step(state, policies)
    assert frozen(state) == frozen(reference)
