"""Polls: one contest model for polls, previews, the AI and ballots (issue 10, item 1).

The chance a poll gives is compared with the realised win rate of the very same state, cast
many times with other dice (``calibration.realised``), for every rule: pass marks, ranks,
runoffs, districts, open and closed lists near a threshold, investitures.  The quick
calibration runs on every test run; every shipped scenario's runs behind ``slow``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from calibration import collect, errors, realised
from core_helpers import mini, start, swap

from game.content import load_scenario
from game.core import compile_rulebook, contest_forecast, new_game
from game.core.polls import ContestOutlook, contest_outlook, forecast, win_chance
from game.core.state import GameState

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.parent.name for p in (ROOT / "scenarios").glob("*/scenario.json"))
MINI = Path(__file__).parent / "data" / "mini"
TOLERANCE = 0.03  # mean |forecast - realised win rate| per contest kind
REROLLS = 4000


def _registered(state: GameState, contest: str, *actors: str) -> None:
    for aid in actors:
        state.actors[aid].registrations.append(contest)  # type: ignore[index]


def _mayor_state(allocation: str, seed: int = 3) -> GameState:
    contests = swap(mini().contests, "mayor_vote", allocation=allocation, winners=1,
                    field_count=3, field_strength=40.0, noise=7.0)
    state = start(dataclasses.replace(mini(), contests=contests, events=()), seed)
    state.turn = 5  # the mayoral election sits on turn 5
    state.actors["ana"].resources["support"] = 45.0  # type: ignore[index]
    state.player.resources["support"] = 70.0
    state.player.party = "blue"
    _registered(state, "mayor_vote", "player", "ana")
    return state


def test_outlook_is_the_poll_and_answers_what_ifs() -> None:
    state = _mayor_state("top_k")
    outlook = contest_outlook(state, state.player, "mayor_vote")
    assert isinstance(outlook, ContestOutlook)
    assert outlook.chance == win_chance(state, state.player, "mayor_vote")
    assert outlook.chance == forecast(state, state.player, "mayor_vote").chance
    assert outlook.chance_at(outlook.strength) == outlook.chance
    ladder = [outlook.chance_at(outlook.strength + d) for d in (-20, -10, 0, 10, 20)]
    assert ladder == sorted(ladder) and ladder[0] < ladder[-1]


@pytest.mark.parametrize("allocation", ["top_k", "two_round"])
def test_poll_matches_the_ballot(allocation: str) -> None:
    state = _mayor_state(allocation)
    rates = realised(state, "mayor_vote", None, REROLLS)
    for aid in ("player", "ana"):
        poll = win_chance(state, state.actors[aid], "mayor_vote")  # type: ignore[index]
        assert poll == pytest.approx(rates[aid], abs=TOLERANCE)


def test_two_round_poll_counts_the_runoff() -> None:
    """A favourite in a crowded field gains from a runoff against one finalist; a plurality
    poll would understate its chance."""
    plurality = win_chance(_mayor_state("top_k"), _mayor_state("top_k").player, "mayor_vote")
    state = _mayor_state("two_round")
    runoff = win_chance(state, state.player, "mayor_vote")
    assert runoff > plurality + 0.02
    assert runoff == pytest.approx(realised(state, "mayor_vote", None, REROLLS)["player"],
                                   abs=TOLERANCE)


def test_band_is_zero_on_the_day_and_widens_with_time() -> None:
    state = _mayor_state("top_k")
    today = forecast(state, state.player, "mayor_vote")
    assert today.turns_until == 0 and today.error == 0.0
    widths = []
    for turn in (4, 2):
        state.turn = turn
        ahead = forecast(state, state.player, "mayor_vote")
        assert ahead.turns_until == 5 - turn and 0.0 < ahead.error < 0.5
        widths.append(ahead.error)
    assert widths[1] > widths[0]  # three turns ahead is less certain than one


def _assembly(seed: int = 2) -> GameState:
    book = compile_rulebook(load_scenario("partai_tunggal"))
    state, _ = new_game(book, seed)
    state.turn = 6  # the assembly election sits on turn 6
    for aid in state.order:
        actor = state.actors[aid]
        if actor.party is None:
            actor.party = "front"
        actor.registrations.append("assembly_election")
    return state


def test_closed_list_poll_and_result_move_together() -> None:
    """Closed lists rank by the party's ranking: what moves the ballot moves the poll."""
    state = _assembly()
    player = state.player
    polls, real = [], []
    for standing in (5.0, 60.0):
        player.resources["standing"] = standing
        polls.append(win_chance(state, player, "assembly_election"))
        real.append(realised(state, "assembly_election", None, REROLLS)[player.id])
    assert polls[1] > polls[0] + 0.2 and real[1] > real[0] + 0.2
    for poll, rate in zip(polls, real, strict=True):
        assert poll == pytest.approx(rate, abs=TOLERANCE)


def test_list_poll_counts_the_threshold() -> None:
    """A small party may fall under the threshold: its candidates' polls say how often."""
    state = _assembly()
    state.popularity["cendekia"] = 4.5  # the threshold is 4% of the vote
    state.player.party = "cendekia"
    state.player.resources["standing"] = 90.0
    poll = win_chance(state, state.player, "assembly_election")
    rate = realised(state, "assembly_election", None, REROLLS)[state.player.id]
    assert 0.1 < poll < 0.9
    assert poll == pytest.approx(rate, abs=TOLERANCE)


def test_investiture_poll_follows_the_chamber() -> None:
    state = start(mini(), 4)
    state.party_seats["mayor"] = {"red": 2, "blue": 0}
    ana = state.actors["ana"]  # type: ignore[index]
    ana.party = "red"
    _registered(state, "premier_vote", "ana")
    assert contest_forecast(state, "ana", "premier_vote").chance > 0.5
    ana.party = "blue"
    assert contest_forecast(state, "ana", "premier_vote").chance == 0.0


def test_quick_calibration_on_the_test_scenario() -> None:
    for kind, (count, mean, _) in errors(collect(MINI, range(6), rerolls=300)).items():
        assert mean <= TOLERANCE, f"{kind}: {mean:.3f} over {count} polls"


def test_quick_calibration_of_closed_lists() -> None:
    samples = collect("partai_tunggal", range(1), rerolls=300, until_turn=12)
    report = errors(samples)
    assert "general_election" in report
    for kind, (count, mean, _) in report.items():
        assert mean <= TOLERANCE, f"{kind}: {mean:.3f} over {count} polls"


@pytest.mark.slow
@pytest.mark.parametrize("sid", SHIPPED)
def test_calibration_of_every_contest_kind(sid: str) -> None:
    """Thousands of polls from greedy and random careers: each kind within the tolerance."""
    report = errors(collect(sid, range(8), rerolls=400))
    problems = [f"{kind}: {mean:.3f} over {count} polls"
                for kind, (count, mean, _) in report.items() if mean > TOLERANCE]
    assert problems == []


def test_bench_win_chance(benchmark) -> None:  # type: ignore[no-untyped-def]
    """The AI's question, asked again and again in one state (remembered races)."""
    book = compile_rulebook(load_scenario("nusantara"))
    state, _ = new_game(book, 1)
    actor = state.actors[state.order[1]]
    contests = list(book.contests)
    benchmark(lambda: [win_chance(state, actor, c) for c in contests])


def test_bench_win_chance_cold(benchmark) -> None:  # type: ignore[no-untyped-def]
    """The same without the memory: every race worked out afresh."""
    book = compile_rulebook(load_scenario("nusantara"))
    state, _ = new_game(book, 1)
    actor = state.actors[state.order[1]]
    contests = list(book.contests)

    def cold() -> list[float]:
        book.poll_cache.clear()
        return [win_chance(state, actor, c) for c in contests]

    benchmark(cold)
