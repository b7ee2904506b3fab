"""The legacy score: its parts, time served, and a victory that never costs points."""

from __future__ import annotations

from core_helpers import finish_turn, gain, play_turns, quiet_mini, start

from game.core import legacy_parts, legacy_score
from game.core.legacy import FULL_SERVICE


def _parts(state, actor: str = "player") -> dict[str, float]:
    return {p.key: p.points for p in legacy_parts(state, state.actors[actor])}


def test_score_is_the_sum_of_its_parts() -> None:
    state = start(quiet_mini())
    gain(state, "player", "mayor")
    play_turns(state, 3)
    parts = _parts(state)
    assert set(parts) == {"influence", "offices"}
    assert legacy_score(state, state.player) == round(sum(parts.values()), 2)


def test_an_office_counts_half_on_taking_and_the_rest_by_time_served() -> None:
    state = start(quiet_mini())
    gain(state, "player", "member")  # no contest or promotion takes it away
    prestige = state.book.positions["member"].prestige
    assert _parts(state)["offices"] == prestige / 2
    play_turns(state, FULL_SERVICE + 3)
    assert _parts(state)["offices"] == prestige


def test_offices_in_several_channels_all_count() -> None:
    one = start(quiet_mini())
    gain(one, "player", "mayor")
    two = start(quiet_mini())
    gain(two, "player", "mayor")
    gain(two, "player", "clerk")
    assert _parts(two)["offices"] > _parts(one)["offices"]


def test_winning_early_scores_at_least_as_much_as_staying_in_office() -> None:
    staying = start(quiet_mini(max_turns=20))
    winning = start(quiet_mini(max_turns=20))
    for state in (staying, winning):
        gain(state, "player", "mayor")
        play_turns(state, 4)
    gain(winning, "player", "president")
    finish_turn(winning)
    assert winning.result == "won" and winning.turn == 5
    play_turns(staying, 30)
    assert staying.result == "time_up"
    won = _parts(winning)
    assert won["top_post"] > 0
    assert legacy_score(winning, winning.player) > legacy_score(staying, staying.player)


def test_a_rival_in_the_top_post_is_not_credited_turns() -> None:
    state = start(quiet_mini())
    gain(state, "ana", "president")
    finish_turn(state)
    assert "top_post" not in _parts(state, "ana")


def test_a_won_career_ends_above_its_own_pace() -> None:
    state = start(quiet_mini(max_turns=20))
    gain(state, "player", "mayor")
    play_turns(state, 6)
    before = legacy_score(state, state.player)
    turns_so_far = state.turn
    gain(state, "player", "president")
    finish_turn(state)
    assert state.result == "won"
    at_own_pace = before * 20 / turns_so_far
    assert legacy_score(state, state.player) > at_own_pace
