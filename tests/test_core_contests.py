"""Contests: who stands, who wins, what the result does to seats, and the polls before."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from core_helpers import (
    finish_turn,
    gain,
    mini,
    of_kind,
    ok,
    quiet_mini,
    silent_contests,
    start,
    swap,
)

from game.ai import play, seat_policies
from game.content import load_scenario
from game.core import (
    GameState,
    MakeMove,
    Rejection,
    apply,
    compile_rulebook,
    contest_forecast,
    new_game,
)
from game.core.ballots import ELECTION_KINDS
from game.core.contests import entrants, entry_rejection, resolve_due
from game.core.events import ContestHeld, Event, PositionLost, Registered
from game.core.scenario import ActorSetup, Scenario, StatusDef

EXTRA = tuple(ActorSetup(aid, aid.title(), persona="technocrat") for aid in ("cici", "dedi"))


def crowded(**changes: object) -> Scenario:
    """Mini without cards or contest noise, with two more rivals (five actors)."""
    scenario = silent_contests(quiet_mini())
    return replace(scenario, actors=(*scenario.actors, *EXTRA), **changes)  # type: ignore[arg-type]


def hold(state: GameState, turn: int) -> list[Event]:
    """Sit every contest due on ``turn``."""
    state.turn = turn
    out: list[Event] = []
    resolve_due(state, out)
    return out


def held(events: list[Event], contest: str) -> list[ContestHeld]:
    return [e for e in of_kind(events, ContestHeld) if e.contest == contest]


def winners(event: ContestHeld) -> list[str | None]:
    return [c.actor for c in event.contestants if c.won]


# ------------------------------------------------------------------------------ exams


def test_exam_seats_only_those_above_the_pass_mark_and_only_free_seats() -> None:
    state = start(crowded())
    gain(state, "budi", "clerk")  # three clerk seats, one taken: two free
    policy = {"player": 9.0, "cici": 5.0, "dedi": 3.0, "ana": 1.0}  # strength = 10 x policy
    state.actors["ana"].party = None  # (an exam is for non-members only)
    state.seats["member@red"].clear()
    state.actors["ana"].positions.clear()
    for aid, value in policy.items():
        state.actors[aid].resources["policy"] = value
        state.actors[aid].registrations.append("clerk_exam")
    (exam,) = held(hold(state, 2), "clerk_exam")
    assert exam.threshold == 15.0
    assert {c.actor: round(c.strength, 6) for c in exam.contestants} == {
        "player": 90.0, "cici": 50.0, "dedi": 30.0, "ana": 10.0}
    assert winners(exam) == ["player", "cici"]  # dedi passed but no seat was left
    assert sorted(state.seats["clerk"]) == ["budi", "cici", "player"]
    assert "clerk" not in state.actors["dedi"].positions
    assert all(c.share == 0.0 for c in exam.contestants)  # no vote in an exam


def test_exam_below_the_pass_mark_seats_nobody() -> None:
    state = start(crowded())
    state.player.resources["policy"] = 1.0  # 10 < 15
    state.player.registrations.append("clerk_exam")
    (exam,) = held(hold(state, 2), "clerk_exam")
    assert winners(exam) == []
    assert state.seats.get("clerk", []) == []
    assert state.player.registrations == []  # spent by the sitting


def test_exam_through_the_move_and_the_turn_pipeline() -> None:
    state = start(crowded())
    state.player.resources["policy"] = 5.0
    ok(apply(state, MakeMove("player", "exam")))
    assert state.player.registrations == ["clerk_exam"]
    events = finish_turn(state)
    assert winners(held(events, "clerk_exam")[0]) == ["player"]
    assert "clerk" in state.player.positions and "bureaucrat" in state.player.channels


# ------------------------------------------------------------------------------ elections


def _mayoral_field(state: GameState) -> None:
    """Three party candidates of clearly different strength (field contenders: 15)."""
    setup = {"ana": ("red", 100.0), "player": ("blue", 40.0), "budi": ("red", 0.0),
             "cici": ("blue", 10.0)}
    for aid, (party, support) in setup.items():
        actor = state.actors[aid]
        actor.party = party
        actor.resources["support"] = support
        actor.registrations.append("mayor_vote")


def test_election_fills_exactly_the_seats_with_the_strongest() -> None:
    state = start(crowded())
    _mayoral_field(state)
    (vote,) = held(hold(state, 5), "mayor_vote")
    assert vote.seats == 2
    strengths = {c.actor: c.strength for c in vote.contestants if c.actor}
    # 50 x support + 30 x popularity (+ 20 x momentum)
    assert strengths == pytest.approx({"ana": 68.0, "player": 32.0, "budi": 18.0,
                                       "cici": 17.0})
    assert len(vote.contestants) == 4 + 3  # and three unnamed field contenders
    assert winners(vote) == ["ana", "player"]
    assert sorted(state.seats["mayor"]) == ["ana", "player"]
    ranked = sorted(vote.contestants, key=lambda c: -c.strength)
    assert [c.won for c in ranked] == [True, True] + [False] * 5


def test_election_shares_sum_to_one_and_follow_strength() -> None:
    state = start(crowded())
    _mayoral_field(state)
    (vote,) = held(hold(state, 5), "mayor_vote")
    shares = [c.share for c in vote.contestants]
    assert math.fsum(shares) == pytest.approx(1.0)
    assert all(0.0 < s < 1.0 for s in shares)
    ranked = sorted(vote.contestants, key=lambda c: -c.strength)
    assert [c.share for c in ranked] == sorted(shares, reverse=True)


def test_field_contenders_take_seats_nobody_stronger_wants() -> None:
    state = start(crowded())
    ana = state.actors["ana"]
    ana.resources["support"] = 0.0
    state.popularity["red"] = 10.0  # 3 points: weaker than every field contender (15)
    ana.registrations.append("mayor_vote")
    (vote,) = held(hold(state, 5), "mayor_vote")
    assert winners(vote) == [None, None]
    assert state.seats.get("mayor", []) == []


def test_per_party_contest_only_includes_that_partys_members() -> None:
    state = start(crowded())
    for aid, party in {"player": "blue", "budi": "red", "cici": "blue"}.items():
        state.actors[aid].party = party
        gain(state, aid, "member")
    for actor in state.actors.values():
        if actor.party is not None:
            actor.registrations.append("chair_vote")
    events = hold(state, 3)
    groups = {e.party: {c.actor for c in e.contestants} for e in held(events, "chair_vote")}
    assert groups == {"red": {"ana", "budi", None}, "blue": {"player", "cici", None}}
    for event in held(events, "chair_vote"):
        for aid in winners(event):
            if aid is not None:
                assert state.actors[aid].party == event.party
                assert state.actors[aid].positions["chair"].party == event.party


def test_party_contest_entry_needs_a_party() -> None:
    state = start(crowded())
    assert entry_rejection(state, state.player, "chair_vote") is Rejection.NOT_ELIGIBLE
    assert entry_rejection(state, state.actors["ana"], "chair_vote") is None


def test_incumbents_run_again_without_registering() -> None:
    state = start(crowded())
    gain(state, "ana", "mayor")
    state.actors["ana"].resources["support"] = 100.0
    assert state.actors["ana"].registrations == []
    (vote,) = held(hold(state, 5), "mayor_vote")
    assert "ana" in [c.actor for c in vote.contestants]
    assert "ana" in winners(vote)
    assert state.actors["ana"].positions["mayor"].wins == 1


def test_incumbents_who_do_not_run_give_up_the_seat() -> None:
    scenario = crowded(contests=swap(crowded().contests, "mayor_vote", incumbents_run=False))
    state = start(scenario)
    gain(state, "ana", "mayor")
    events = hold(state, 5)
    (vote,) = held(events, "mayor_vote")
    assert "ana" not in [c.actor for c in vote.contestants]
    assert PositionLost("ana", "mayor", "term ended") in events
    assert "mayor" not in state.actors["ana"].positions


def test_term_limit_stops_the_incumbent_from_standing() -> None:
    scenario = crowded(positions=swap(mini().positions, "mayor", term_limit=2))
    state = start(scenario)
    gain(state, "ana", "mayor")
    ana = state.actors["ana"]
    ana.resources["support"] = 100.0
    ana.positions["mayor"].wins = 1
    (vote,) = held(hold(state, 5), "mayor_vote")
    assert "ana" in winners(vote) and ana.positions["mayor"].wins == 2
    assert entry_rejection(state, ana, "mayor_vote") is Rejection.NOT_ELIGIBLE
    (vote,) = held(hold(state, 10), "mayor_vote")
    assert "ana" not in [c.actor for c in vote.contestants]
    assert "mayor" not in ana.positions


def test_nomination_winner_is_registered_for_the_election() -> None:
    state = start(crowded())
    ana = state.actors["ana"]
    ana.first_held["mayor"] = 1  # the presidency needs a past as mayor
    ana.resources["standing"] = 80.0
    ana.registrations.append("pres_nomination")
    events = hold(state, 9)
    (nomination,) = held(events, "pres_nomination")
    assert nomination.party == "red" and winners(nomination) == ["ana"]
    assert Registered("ana", "pres_vote", nomination=True) in events
    assert Registered("ana", "pres_vote") in events
    assert ana.nominations == ["pres_vote"] and ana.registrations == ["pres_vote"]
    events = hold(state, 10)
    assert "ana" in [c.actor for c in held(events, "pres_vote")[0].contestants]
    assert ana.nominations == [] and ana.registrations == []


def test_nomination_needs_a_popular_enough_party() -> None:
    state = start(crowded())
    ana = state.actors["ana"]
    ana.first_held["mayor"] = 1
    assert entry_rejection(state, ana, "pres_nomination") is None
    state.popularity["red"] = 19.0  # the nomination contest asks for 20
    assert entry_rejection(state, ana, "pres_nomination") is Rejection.NOT_ELIGIBLE


def test_election_that_requires_a_nomination_refuses_everyone_else() -> None:
    state = start(crowded())
    ana, budi = state.actors["ana"], state.actors["budi"]
    for actor in (ana, budi):
        actor.first_held["mayor"] = 1
        actor.party = "red"
    assert entry_rejection(state, budi, "pres_vote") is Rejection.NOT_ELIGIBLE
    ana.nominations.append("pres_vote")
    assert entry_rejection(state, ana, "pres_vote") is None
    ana.registrations.append("pres_vote")
    budi.registrations.append("pres_vote")  # forced in: must still be left out
    assert [a.id for a in entrants(state, state.book.contests["pres_vote"], None)] == ["ana"]
    (vote,) = held(hold(state, 10), "pres_vote")
    assert [c.actor for c in vote.contestants if c.actor] == ["ana"]


def test_blocking_status_keeps_an_actor_out() -> None:
    jailed = StatusDef("jailed", {"en": "Jailed"}, {"en": "."}, blocks_contests=True)
    state = start(crowded(statuses=(*mini().statuses, jailed)))
    state.player.statuses["jailed"] = 0
    assert entry_rejection(state, state.player, "clerk_exam") is Rejection.NOT_ELIGIBLE


def test_status_penalty_lowers_strength_and_is_explained() -> None:
    state = start(crowded())
    state.player.resources["policy"] = 5.0
    state.player.statuses["probe"] = 0  # contest penalty 10
    state.player.registrations.append("clerk_exam")
    (exam,) = held(hold(state, 2), "clerk_exam")
    (me,) = exam.contestants
    assert me.strength == pytest.approx(40.0)
    assert ("status:probe", -10.0) in [(f.label, f.contribution) for f in me.factors]


def test_district_elections_never_fill_more_than_the_seats() -> None:
    contests = swap(crowded().contests, "mayor_vote", allocation="districts", field_count=1,
                    field_strength=0.0)
    state = start(crowded(contests=contests))
    for actor in state.actors.values():
        actor.party = actor.party or "red"
        actor.resources["support"] = 80.0  # each tops its own district
        actor.registrations.append("mayor_vote")
    (vote,) = held(hold(state, 5), "mayor_vote")
    assert len(winners(vote)) <= vote.seats == 2
    assert len(state.seats["mayor"]) <= 2


def _close_race(allocation: str) -> ContestHeld:
    contests = swap(crowded().contests, "mayor_vote", allocation=allocation)
    state = start(crowded(contests=contests))
    for aid, support in {"ana": 100.0, "player": 96.0, "budi": 92.0}.items():
        actor = state.actors[aid]
        actor.party = "red"
        actor.resources["support"] = support
        actor.registrations.append("mayor_vote")
    (vote,) = held(hold(state, 5), "mayor_vote")
    assert len(state.seats.get("mayor", [])) == len(winners(vote))
    return vote


def test_top_k_fills_both_seats_of_a_close_race() -> None:
    assert winners(_close_race("top_k")) == ["ana", "player"]


def test_two_round_fills_every_seat_of_a_multi_seat_office() -> None:
    vote = _close_race("two_round")  # runoffs decide single seats only
    assert vote.runoff == ()
    assert len(winners(vote)) == vote.seats == 2


# ------------------------------------------------------------------------------ polls


def test_exam_forecast_rises_with_the_factor_resource() -> None:
    state = start(mini())
    chances = []
    for policy in range(11):
        state.player.resources["policy"] = float(policy)
        forecast = contest_forecast(state, "player", "clerk_exam")
        assert forecast.strength == pytest.approx(10.0 * policy)
        chances.append(forecast.chance)
    assert all(0.0 <= c <= 1.0 for c in chances)
    assert chances == sorted(chances) and chances[0] < 0.01 and chances[-1] > 0.99


def test_election_forecast_rises_with_support() -> None:
    state = start(mini())
    ana = state.actors["ana"]
    chances = []
    for support in (0.0, 10.0, 20.0, 30.0, 40.0, 60.0):
        ana.resources["support"] = support
        forecast = contest_forecast(state, "ana", "mayor_vote")
        assert 0.0 < forecast.chance < 1.0
        assert forecast.seats == 2 and forecast.turns_until == 4
        chances.append(forecast.chance)
    assert chances == sorted(chances) and chances[0] < chances[-1]
    labels = [f.label for f in forecast.factors]
    assert labels == ["support", "party_popularity", "campaign"]


# ------------------------------------------------------------------------------ playouts


def _contests_of_play(seeds: range) -> list[tuple[GameState, ContestHeld]]:
    book = compile_rulebook(mini())
    found: list[tuple[GameState, ContestHeld]] = []
    for seed in seeds:
        for player in ("greedy", "random"):
            state, _ = new_game(book, seed)

            def sink(events: list[Event], state: GameState = state) -> None:
                for event in of_kind(events, ContestHeld):
                    _check_held(state, event)
                    found.append((state, event))

            play(state, seat_policies(book, player), sink=sink)
    return found


def _check_held(state: GameState, event: ContestHeld) -> None:
    contest = state.book.contests[event.contest]
    for c in event.contestants:
        if c.actor is None:
            continue  # field contenders: see the test below
        explained = math.fsum(f.contribution for f in c.factors)
        assert explained == pytest.approx(c.strength - c.noise, abs=1e-9), c
        assert [f.label for f in c.factors][: len(contest.factors)] == [
            f.source for f in contest.factors]
        if contest.per_party:
            assert state.actors[c.actor].party == event.party
    won = [c for c in event.contestants if c.won]
    if contest.kind in ELECTION_KINDS:
        assert math.fsum(c.share for c in event.contestants) == pytest.approx(1.0)
        ranked = sorted(event.contestants, key=lambda c: -c.strength)
        assert won == ranked[: len(won)]
        assert len(won) == min(event.seats, len(event.contestants))
    else:
        assert all(c.strength >= contest.threshold for c in won)


def test_every_contest_of_many_games_is_explained_and_consistent() -> None:
    found = _contests_of_play(range(20))
    kinds = {event.contest for _, event in found}
    assert {"clerk_exam", "mayor_vote", "chair_vote"} <= kinds


def test_field_contenders_strength_is_explained_too() -> None:
    state = start(mini())
    state.actors["ana"].registrations.append("mayor_vote")
    (vote,) = held(hold(state, 5), "mayor_vote")
    field = [c for c in vote.contestants if c.actor is None]
    assert len(field) == 3
    for c in field:
        explained = math.fsum(f.contribution for f in c.factors)
        assert explained == pytest.approx(c.strength - c.noise, abs=1e-9), c


def test_exam_forecast_is_low_when_no_seat_is_free() -> None:
    state = start(crowded())
    for aid in ("budi", "cici", "dedi"):
        gain(state, aid, "clerk")  # all three clerk seats are taken
    state.player.resources["policy"] = 10.0
    forecast = contest_forecast(state, "player", "clerk_exam")
    state.player.registrations.append("clerk_exam")
    (exam,) = held(hold(state, 2), "clerk_exam")
    assert winners(exam) == []  # the exam cannot seat anybody...
    assert forecast.chance < 0.5  # ...so the poll should not promise a seat


def test_elections_held_the_same_day_share_one_campaign() -> None:
    # federal's state legislature and House vote on the same day; the House is listed later
    book = compile_rulebook(load_scenario("federal"))
    state, _ = new_game(book, 1)
    me = state.player
    me.party, me.party_since = "union", 0
    me.first_held["state_legislator"] = 0  # what the House asks of a candidate
    me.resources["campaign"] = 50.0
    me.registrations.extend(["state_legislature_election", "house_election"])
    events = hold(state, 4)
    for contest in ("state_legislature_election", "house_election"):
        (vote,) = held(events, contest)
        (mine,) = [c for c in vote.contestants if c.actor == me.id]
        momentum = [f for f in mine.factors if f.label == "campaign"]
        assert momentum and momentum[0].value > 0, contest
    assert me.resources["campaign"] == 0.0  # spent once the day's votes are in
