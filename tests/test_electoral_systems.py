"""Electoral systems as data: seat allocation rules and the ballots that use them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from game.content import load_scenario
from game.core import compile_rulebook, new_game
from game.core.allocation import highest_averages, largest_remainder
from game.core.conditions import compile_condition
from game.core.contests import resolve_due
from game.core.events import ContestHeld, Event
from game.core.rules import PartySeats
from game.core.scenario import Scenario

MINI = str(Path(__file__).parent / "data" / "mini")
VOTES = {"a": 100_000.0, "b": 80_000.0, "c": 30_000.0, "d": 20_000.0}


def test_dhondt_favours_large_parties() -> None:
    assert highest_averages(VOTES, 8, "dhondt") == {"a": 4, "b": 3, "c": 1, "d": 0}


def test_sainte_lague_is_kinder_to_small_parties() -> None:
    assert highest_averages(VOTES, 8, "sainte_lague") == {"a": 3, "b": 3, "c": 1, "d": 1}


def test_threshold_shuts_out_small_parties() -> None:
    seats = highest_averages(VOTES, 8, "sainte_lague", threshold=0.10)
    assert seats["d"] == 0 and sum(seats.values()) == 8


def test_largest_remainder_hands_out_every_seat() -> None:
    assert largest_remainder({"x": 1.0, "y": 1.0, "z": 1.0}, 10) == {"x": 4, "y": 3, "z": 3}


def _mayor_variant(**changes: object) -> Scenario:
    base = load_scenario(MINI)
    contests = tuple(
        dataclasses.replace(c, **changes) if c.id == "mayor_vote" else c  # type: ignore[arg-type]
        for c in base.contests
    )
    return dataclasses.replace(base, contests=contests)


def _hold_mayor_vote(scenario: Scenario, seed: int, entrants: tuple[str, ...]) -> ContestHeld:
    state, _ = new_game(compile_rulebook(scenario), seed)
    state.turn = 5  # the mayoral election sits on turn 5
    for aid in entrants:
        actor = state.actors[aid]  # type: ignore[index]
        if actor.party is None:
            actor.party = "red"
        actor.registrations.append("mayor_vote")
    out: list[Event] = []
    resolve_due(state, out)
    held = [e for e in out if isinstance(e, ContestHeld) and e.contest == "mayor_vote"]
    assert len(held) == 1
    return held[0]


@pytest.mark.parametrize("seed", range(12))
def test_two_round_holds_a_runoff_only_without_a_majority(seed: int) -> None:
    scenario = _mayor_variant(allocation="two_round", winners=1, field_count=4,
                              field_strength=20.0)
    held = _hold_mayor_vote(scenario, seed, ("player", "ana"))
    leader = held.contestants[0]
    if leader.share >= 0.5:
        assert held.runoff == () and leader.won
    else:
        assert len(held.runoff) == 2
        winner = held.runoff[0]
        assert [c.won for c in held.runoff] == [True, False]
        assert [c.label for c in held.contestants if c.won] == [winner.label]


@pytest.mark.parametrize("seed", range(8))
def test_districts_seat_whoever_tops_their_own_district(seed: int) -> None:
    scenario = _mayor_variant(allocation="districts", field_count=2, field_strength=15.0)
    held = _hold_mayor_vote(scenario, seed, ("player", "ana"))
    actors = [c for c in held.contestants if c.actor is not None]
    assert len(actors) == 2
    assert len(held.contestants) == 2 * 3  # each actor plus two others in its district
    for index in range(2):
        district = held.contestants[3 * index: 3 * index + 3]
        best = max(district, key=lambda c: c.strength)
        assert [c.won for c in district] == [c is best for c in district]


@pytest.mark.parametrize("method", ["dhondt", "sainte_lague"])
def test_party_lists_fill_the_chamber_and_record_it(method: str) -> None:
    scenario = _mayor_variant(allocation=method, field_count=0, field_strength=30.0,
                              party_threshold=0.05)
    state, _ = new_game(compile_rulebook(scenario), 4)
    state.turn = 5
    state.actors["ana"].registrations.append("mayor_vote")  # type: ignore[index]
    out: list[Event] = []
    resolve_due(state, out)
    held = next(e for e in out if isinstance(e, ContestHeld))
    assert sum(r.seats for r in held.parties) == 2
    assert state.party_seats["mayor"] == {r.party: r.seats for r in held.parties}
    assert abs(sum(r.share for r in held.parties) - 1.0) < 1e-9


def test_party_seats_condition_reads_the_chamber() -> None:
    scenario = load_scenario(MINI)
    state, _ = new_game(compile_rulebook(scenario), 1)
    ana = state.actors["ana"]  # type: ignore[index]
    largest = compile_condition(PartySeats("mayor", 0.5, largest=True), scenario)  # type: ignore[arg-type]
    assert not largest(state, ana)
    state.party_seats["mayor"] = {"red": 2, "blue": 1}
    assert largest(state, ana)
    state.party_seats["mayor"] = {"red": 1, "blue": 2}
    assert not largest(state, ana)


def test_on_demand_contest_sits_only_when_challenged() -> None:
    base = load_scenario(MINI)
    contests = tuple(dataclasses.replace(c, on_demand=True) if c.id == "chair_vote" else c
                     for c in base.contests)
    state, _ = new_game(compile_rulebook(dataclasses.replace(base, contests=contests)), 2)
    state.turn = 3
    out: list[Event] = []
    resolve_due(state, out)
    assert not any(isinstance(e, ContestHeld) and e.contest == "chair_vote" for e in out)
    state.actors["ana"].registrations.append("chair_vote")  # type: ignore[index]
    resolve_due(state, out)
    assert any(isinstance(e, ContestHeld) and e.contest == "chair_vote" for e in out)
