"""Electoral systems as data: seat allocation rules and the ballots that use them."""

from __future__ import annotations

import dataclasses
import json
import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.content import check_scenario, load_scenario
from game.core import MakeMove, Rejected, apply, coalitions, compile_rulebook, new_game, positions
from game.core.allocation import cube_law, highest_averages, largest_remainder, mixed_member
from game.core.ballot_lists import regional_seats
from game.core.ballots import Entry, two_round
from game.core.coalitions import form
from game.core.conditions import compile_condition
from game.core.contests import resolve_due
from game.core.events import ContestHeld, Event, GovernmentChanged, PositionLost
from game.core.rules import PartySeats
from game.core.scenario import PartyDef, Scenario
from game.core.state import GameState
from game.core.turns import end_terms

MINI = str(Path(__file__).parent / "data" / "mini")
VOTES = {"a": 100_000.0, "b": 80_000.0, "c": 30_000.0, "d": 20_000.0}


def test_dhondt_favours_large_parties() -> None:
    """The textbook D'Hondt case: 100,000, 80,000, 30,000 and 20,000 votes for 8 seats give
    4, 3, 1 and 0 (quotients 100, 80, 50, 40, 33.3, 30, 26.7 and 25 thousand win)."""
    assert highest_averages(VOTES, 8, "dhondt") == {"a": 4, "b": 3, "c": 1, "d": 0}


def test_sainte_lague_is_kinder_to_small_parties() -> None:
    """The same votes under Sainte-Laguë (divisors 1, 3, 5...) give 3, 3, 1 and 1: the
    quotients 100, 80, 33.3, 30, 26.7, 20, 20 and 16 thousand win."""
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


def _first_round(shares: dict[str, float]) -> list[Entry]:
    """Candidates whose softmax shares are ``shares`` (strength = temperature x ln share)."""
    return [Entry(None, name, 10.0 * math.log(share), 0.0, (), i)
            for i, (name, share) in enumerate(shares.items())]


def test_two_round_textbook_cases() -> None:
    """France 2002, first round (the five leading candidates' published shares): Chirac
    19.88%, Le Pen 16.86%, Jospin 16.18%, Bayrou 6.84%, Laguiller 5.72%; nobody has a
    majority, so Chirac and Le Pen meet in a runoff, which Chirac won.  Portugal 2021:
    Rebelo de Sousa 60.67% of the vote is elected in the first round."""
    contest = dataclasses.replace(
        next(c for c in load_scenario(MINI).contests if c.id == "mayor_vote"),
        allocation="two_round", noise=0.0, temperature=10.0)
    france = two_round(contest, _first_round(
        {"chirac": 19.88, "le_pen": 16.86, "jospin": 16.18, "bayrou": 6.84, "laguiller": 5.72}),
        random.Random(1))
    assert [e.party for e in france.runoff] == ["chirac", "le_pen"]
    assert [e.party for e in france.entries if e.won] == ["chirac"]
    portugal = two_round(contest, _first_round({"rebelo_de_sousa": 60.67, "gomes": 12.97,
                                                "ventura": 11.90, "others": 14.46}),
                         random.Random(1))
    assert portugal.runoff == [] and portugal.entries[0].won


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


# --------------------------------------------------------------------------- textbook cases

def test_largest_remainder_textbook_case() -> None:
    """Hare quota, 10 seats, 100,000 votes (quota 10,000): quotas 4.70, 1.60, 1.58, 1.20, 0.61,
    0.31 give 4+1+1+1+0+0 = 7 seats; the three largest remainders (.70, .61, .60) take the
    rest: White 5, Red 2, Blue 1, Green 1, Yellow 1, Pink 0."""
    votes = {"white": 47_000.0, "red": 16_000.0, "blue": 15_800.0, "green": 12_000.0,
             "yellow": 6_100.0, "pink": 3_100.0}
    assert largest_remainder(votes, 10) == {"white": 5, "red": 2, "blue": 1, "green": 1,
                                            "yellow": 1, "pink": 0}


def test_dhondt_and_sainte_lague_agree_on_exact_proportions() -> None:
    votes = {"a": 500.0, "b": 300.0, "c": 200.0}
    for method in ("dhondt", "sainte_lague"):
        assert highest_averages(votes, 10, method) == {"a": 5, "b": 3, "c": 2}


def test_threshold_counts_every_vote_and_exempts_by_constituencies() -> None:
    votes = {"a": 60.0, "b": 36.0, "c": 4.0}
    assert highest_averages(votes, 20, "sainte_lague")["c"] == 1
    assert highest_averages(votes, 20, "sainte_lague", 0.05)["c"] == 0
    assert highest_averages(votes, 20, "sainte_lague", 0.05, exempt=["c"])["c"] == 1


NZ_2008 = {"national": 1_053_398.0, "labour": 796_880.0, "green": 157_613.0,
           "nz_first": 95_356.0, "act": 85_496.0, "maori": 55_980.0, "progressive": 21_241.0,
           "united_future": 20_497.0}
NZ_2008_ELECTORATES = {"national": 41, "labour": 21, "act": 1, "maori": 5, "progressive": 1,
                       "united_future": 1}


def test_mixed_member_with_overhang_new_zealand_2008() -> None:
    """New Zealand, 2008: 120 seats, 70 electorates, Sainte-Laguë, 5% or one electorate.

    Eligible: National, Labour and Green (over 5%), ACT, Maori, Progressive and United
    Future (an electorate each or more); NZ First (4.07%, no electorate) is out.  Sainte-
    Laguë over the eligible party votes gives National 58, Labour 43, Green 9, ACT 5, Maori 3,
    Progressive 1, United Future 1 = 120.  Maori won 5 electorates against an entitlement of
    3: it keeps them (2 overhang seats) and the house has 122 seats.  List seats are
    entitlement less electorates: National 17, Labour 22, Green 9, ACT 4, the rest 0.
    Published result: National 58, Labour 43, Green 9, ACT 5, Maori 5, Progressive 1, United
    Future 1; 122 seats.
    """
    result = mixed_member(NZ_2008, NZ_2008_ELECTORATES, 120, "sainte_lague", threshold=0.05,
                          exemption=1, compensation="kept")
    assert result.seats == {"national": 58, "labour": 43, "green": 9, "nz_first": 0, "act": 5,
                            "maori": 5, "progressive": 1, "united_future": 1}
    assert result.house == 122
    assert result.list_seats["national"] == 17 and result.list_seats["labour"] == 22
    assert result.list_seats["maori"] == 0 and "nz_first" not in result.eligible


NRW_2005 = {"cdu": 3_695_806.0, "spd": 3_059_074.0, "gruene": 509_219.0, "fdp": 508_354.0,
            "wasg": 181_886.0, "npd": 73_959.0, "pds": 72_982.0}


def test_mixed_member_with_levelling_north_rhine_westphalia_2005() -> None:
    """North Rhine-Westphalia, 2005: 181 seats, 128 constituencies, 5% threshold, full
    levelling, an odd number of seats.

    Four parties pass 5%: CDU 3,695,806, SPD 3,059,074, Grüne 509,219, FDP 508,354 (7,772,453
    together).  Shares of 181: CDU 86.07, SPD 71.24, Grüne 11.86, FDP 11.84 -> 86, 71, 12, 12.
    The CDU won 89 constituencies (3 overhang), the SPD 39.  Levelling: the house grows until
    the CDU's share covers 89 seats; at 186 seats its share is 88.44 and the highest averages
    give it 89 (CDU 89, SPD 73, Grüne 12, FDP 12); 186 is even, so the house is 187: CDU 89,
    SPD 74 (35 from the list), Grüne 12, FDP 12.  Published result: 187 seats, the same
    parties, 3 overhang seats (CDU) and 3 levelling seats (SPD).
    """
    wins = {"cdu": 89, "spd": 39}
    result = mixed_member(NRW_2005, wins, 181, "sainte_lague", threshold=0.05,
                          compensation="levelled", odd_house=True)
    assert result.house == 187
    assert {p: n for p, n in result.seats.items() if n} == {"cdu": 89, "spd": 74, "gruene": 12,
                                                            "fdp": 12}
    assert result.list_seats["spd"] == 35 and result.list_seats["cdu"] == 0
    even = mixed_member(NRW_2005, wins, 181, "sainte_lague", 0.05, compensation="levelled")
    assert even.house == 186 and even.seats["spd"] == 73


def test_parallel_system_ignores_constituencies() -> None:
    """Parallel (mixed-member majoritarian): 100 seats, 60 constituencies (A 40, B 20); the
    40 list seats go by the vote alone, D'Hondt: A 45% -> 18, B 35% -> 14, C 20% -> 8.
    Totals: A 58, B 34, C 8 (no compensation, so the constituency winner keeps its lead)."""
    votes = {"a": 45.0, "b": 35.0, "c": 20.0}
    result = mixed_member(votes, {"a": 40, "b": 20}, 100, "dhondt", compensation="none")
    assert result.list_seats == {"a": 18, "b": 14, "c": 8}
    assert result.seats == {"a": 58, "b": 34, "c": 8} and result.house == 100


def test_cube_law_exaggerates_the_leader() -> None:
    seats = cube_law({"a": 50.0, "b": 40.0, "c": 10.0}, 100)
    assert seats["a"] > 50 and seats["c"] < 10 and sum(seats.values()) == 100


# --------------------------------------------------------------------------- governments

PARLIAMENT = Path(__file__).parent / "data" / "parliament"
DEFS = {p: PartyDef(p, {"en": p}, 10.0, ideology=i) for p, i in
        (("left", -5.0), ("green", -4.0), ("centre", 3.0), ("liberal", 5.0), ("far", 9.0))}


def test_coalition_is_the_narrowest_majority_of_the_largest_party() -> None:
    chamber = {"left": 30, "green": 14, "centre": 33, "liberal": 9, "far": 14}
    # centre leads: centre + liberal (42) is short; centre + liberal + far (56) spans 6
    # points of ideology, centre + left (63) 8, centre + green + liberal (56) 9
    assert form(chamber, DEFS) == ["centre", "far", "liberal"]
    shunned = dict(DEFS, far=dataclasses.replace(DEFS["far"], shuns=("centre",)))
    assert form(chamber, shunned) == ["centre", "left"]


def test_without_a_majority_the_largest_party_governs_alone() -> None:
    lonely = {p: dataclasses.replace(d, shuns=tuple(q for q in DEFS if q != p))
              for p, d in DEFS.items()}
    assert form({"left": 30, "green": 14, "centre": 33, "liberal": 9, "far": 14},
                lonely) == ["centre"]


def _parliament(seed: int = 1) -> GameState:
    return new_game(compile_rulebook(load_scenario(str(PARLIAMENT))), seed)[0]


def _events(state: GameState) -> list[Event]:
    out: list[Event] = []
    resolve_due(state, out)
    return out


def test_a_government_forms_at_the_start_from_today_s_popularity() -> None:
    state = _parliament()
    assert state.coalitions["mp"][0] == "centre"  # the largest party, from turn 1
    assert "mp" not in state.party_seats  # no election held yet
    assert not state.seats.get("chancellor")  # headed by someone no actor plays


def test_mixed_election_elects_a_levelled_chamber_and_ends_the_government() -> None:
    state = _parliament()
    state.turn = 3
    for aid in ("lena", "otto", "ines"):
        state.actors[aid].registrations.append("election")  # type: ignore[index]
    out = _events(state)
    held = next(e for e in out if isinstance(e, ContestHeld) and e.contest == "election")
    assert sum(r.constituencies for r in held.parties) == 50
    assert sum(r.seats for r in held.parties) >= 100  # levelling only ever adds seats
    assert state.party_seats["mp"] == {r.party: r.seats for r in held.parties}
    listed = {c.actor for c in held.lists}
    districts = {c.actor for c in held.contestants if c.actor is not None}
    assert districts == {"lena", "otto", "ines"} and listed <= districts
    assert any(isinstance(e, GovernmentChanged) and e.why == "election" for e in out)
    # the investiture comes next in the contest order: a new government the same turn
    assert "mp" in state.coalitions


def test_investiture_elects_the_nominee_of_the_party_that_forms_the_government() -> None:
    state = _parliament()
    state.coalitions.clear()
    state.party_seats["mp"] = {"left": 40, "green": 15, "centre": 35, "liberal": 10, "far": 0}
    for aid in ("lena", "otto"):  # left and centre nominees
        state.actors[aid].nominations.append("investiture")  # type: ignore[index]
        state.actors[aid].registrations.append("investiture")  # type: ignore[index]
    _events(state)
    assert state.coalitions["mp"] == ["left", "green"]
    assert state.seats["chancellor"] == ["lena"]


def test_confidence_is_lost_when_the_coalition_loses_its_majority() -> None:
    state = _parliament()
    state.party_seats["mp"] = {"left": 40, "green": 15, "centre": 35, "liberal": 10, "far": 0}
    state.coalitions["mp"] = ["left", "green"]
    lena = state.actors["lena"]  # type: ignore[index]
    lena.resources["support"] = 90.0
    out: list[Event] = []
    positions.gain(state, lena, "chancellor", "test", out)
    state.turn = 2  # a confidence vote sits
    _events(state)
    assert state.seats["chancellor"] == ["lena"]  # a majority behind her, and support
    coalitions.leave(state, "green", "mp", out)
    state.turn = 4
    found = _events(state)
    assert state.seats["chancellor"] == []
    assert any(isinstance(e, PositionLost) and e.why == "lost a confidence vote" for e in found)
    assert "mp" not in state.coalitions
    state.turn = 5
    _events(state)
    assert state.coalitions["mp"] == ["left", "green"]  # the investiture forms a new one


def test_ministers_lapse_when_their_party_leaves_the_government() -> None:
    state = _parliament()
    player = state.player
    player.party = "centre"
    out: list[Event] = []
    positions.gain(state, player, "mp", "test", out)
    positions.gain(state, player, "minister", "test", out)
    player.registrations.clear()
    ok_events = apply(state, MakeMove(player.id, "walk_out", None))  # type: ignore[arg-type]
    assert not isinstance(ok_events, Rejected)
    assert "mp" not in state.coalitions  # the leading party walked out: no government
    end_terms(state, out)
    assert "minister" not in player.positions


def test_regional_lists_share_a_party_s_seats_by_its_regional_votes() -> None:
    contest = dataclasses.replace(load_scenario(str(PARLIAMENT)).contests[0])
    assert regional_seats(contest, 12, [30.0, 40.0]) == [7, 5]  # weights 2 and 1


# --------------------------------------------------------------------------- content checks

def _broken(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> list[str]:
    data = json.loads((PARLIAMENT / "scenario.json").read_text(encoding="utf-8"))
    change(data)
    folder = tmp_path / "parliament"
    folder.mkdir()
    (folder / "scenario.json").write_text(json.dumps(data), encoding="utf-8")
    return [i.code for i in check_scenario(folder).issues]


def _contest(data: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in data["contests"] if c["id"] == cid)


@pytest.mark.parametrize(("change", "code"), [
    (lambda d: _contest(d, "election").update(allocation="top_k"), "electoral-system"),
    (lambda d: _contest(d, "election")["mixed"].update(constituencies=150), "electoral-system"),
    (lambda d: _contest(d, "investiture").pop("chamber"), "electoral-system"),
    (lambda d: _contest(d, "confidence").update(chamber="member"), "electoral-system"),
    (lambda d: d["parties"][0].update(shuns=["left"]), "electoral-system"),
    (lambda d: _contest(d, "election")["regions"][1].update(swing={"centr": 1}), "unknown-id"),
    (lambda d: _contest(d, "investiture").update(chamber="mp", kind="appointment"),
     "no-government"),
])
def test_contradictory_electoral_settings_are_reported(
        tmp_path: Path, change: Callable[[dict[str, Any]], None], code: str) -> None:
    assert code in _broken(tmp_path, change)
