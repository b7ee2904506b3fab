"""Trade-offs as data: a move made again within its window gains less; gains taper near a
cap; costs are always paid in full; the memory of recent moves survives saves and clones; a
popular party's own contests draw a stronger field."""

from __future__ import annotations

from dataclasses import replace

import pytest
from core_helpers import copy_state, finish_turn, frozen, ok, quiet_mini, start, swap

from game.core import MakeMove, apply, preview
from game.core.clone import clone_state
from game.core.events import ContestHeld, Event, MoveMade, ResourceChanged
from game.core.fatigue import remember, sustained_share
from game.core.polls import forecast
from game.core.resources import change
from game.core.scenario import Repeat, Scenario
from game.core.state import GameState

HALVING = Repeat(window=3, falloff=0.5)


def _worn(**changes: object) -> Scenario:
    return quiet_mini(repeat=HALVING, **changes)


def _gained(events: list[Event], resource: str, move: str) -> float:
    return sum(e.delta for e in events if isinstance(e, ResourceChanged)
               and e.resource == resource and e.reason == f"move:{move}")


def _make(state: GameState, move: str) -> list[Event]:
    return ok(apply(state, MakeMove(state.player.id, move)))


def _fundraising_turns(state: GameState, turns: list[bool]) -> list[float]:
    """Funds gained by the player's fundraising on each turn it is made (others skip it)."""
    gains = []
    for fundraise in turns:
        if fundraise:
            gains.append(_gained(_make(state, "fundraise"), "funds", "fundraise"))
        finish_turn(state)
    return gains


def test_a_move_made_again_within_its_window_gains_less_each_time() -> None:
    state = start(_worn())
    assert _fundraising_turns(state, [True, True, True]) == [8.0, 4.0, 2.0]


def test_after_a_full_window_without_it_a_move_gains_in_full_again() -> None:
    state = start(_worn())
    gains = _fundraising_turns(state, [True, True, False, False, False, True])
    assert gains == [8.0, 4.0, 8.0]


def test_without_a_repeat_rule_every_use_gains_in_full() -> None:
    state = start(quiet_mini())
    assert _fundraising_turns(state, [True, True, True]) == [8.0, 8.0, 8.0]


def test_a_move_can_turn_the_scenarios_rule_off_for_itself() -> None:
    moves = swap(quiet_mini().moves, "fundraise", repeat=Repeat(window=1, falloff=1.0))
    state = start(_worn(moves=moves))
    assert _fundraising_turns(state, [True, True, True]) == [8.0, 8.0, 8.0]


def test_a_repeated_move_still_costs_its_full_price() -> None:
    state = start(_worn())
    spent, learnt = [], []
    for turn in range(3):
        if turn != 1:  # studying has a one-turn cooldown
            events = _make(state, "study")
            spent.append(_gained(events, "funds", "study"))
            learnt.append(_gained(events, "policy", "study"))
        finish_turn(state)
    assert spent == [-2.0, -2.0]
    assert learnt == pytest.approx([1.0, 0.5])


def test_the_preview_and_the_move_event_tell_the_share_of_the_gains() -> None:
    state = start(_worn())
    command = MakeMove(state.player.id, "fundraise")
    assert (preview(state, command).share, preview(state, command).repeats) == (1.0, 0)
    _make(state, "fundraise")
    finish_turn(state)
    shown = preview(state, command)
    assert (shown.share, shown.repeats) == (0.5, 1)
    made = [e for e in _make(state, "fundraise") if isinstance(e, MoveMade)]
    assert made[0].share == 0.5


def test_gains_taper_as_a_resource_nears_its_maximum_and_losses_do_not() -> None:
    resources = swap(quiet_mini().resources, "support", taper=0.5)
    state = start(replace(quiet_mini(), resources=resources))
    actor = state.player
    actor.resources["support"] = 50.0
    out: list[Event] = []
    assert change(state, actor, "support", 10.0, "test", out) == pytest.approx(7.5)
    assert change(state, actor, "support", -10.0, "test", out) == pytest.approx(-10.0)
    actor.resources["support"] = 0.0
    assert change(state, actor, "support", 10.0, "test", out) == pytest.approx(10.0)


def test_the_memory_of_recent_moves_survives_a_save_and_a_clone() -> None:
    state = start(_worn())
    _fundraising_turns(state, [True, True])
    assert state.player.recent == {"fundraise": (1, 2)}
    loaded = copy_state(state)
    assert frozen(loaded) == frozen(state)
    clone = clone_state(state)
    assert clone.player.recent == state.player.recent
    remember(clone.book, clone.player, "fundraise", 3)
    assert clone.player.recent == {"fundraise": (1, 2, 3)}
    assert state.player.recent == {"fundraise": (1, 2)}
    assert _fundraising_turns(loaded, [True]) == _fundraising_turns(state, [True]) == [2.0]


@pytest.mark.parametrize(("repeat", "shortest", "expected"), [
    (None, 1, 1.0),
    (None, 3, 1 / 3),
    (Repeat(window=3, falloff=0.5), 1, 0.25),  # every other turn: 0.5 / 2, or 1/4 rested
    (Repeat(window=3, falloff=0.8), 1, 0.8 ** 3),  # every turn still yields most
    (Repeat(window=2, falloff=0.5), 5, 0.2),  # a long cooldown never repeats in the window
])
def test_the_pace_a_move_keeps_up_under_its_diminishing_returns(
        repeat: Repeat | None, shortest: int, expected: float) -> None:
    assert sustained_share(repeat, shortest) == pytest.approx(expected)


def _party_field(party: str) -> tuple[float, float]:
    """The player's poll for the party chair in ``party`` and the field's strength at the
    sitting, when a party's field grows by half a point per point of popularity."""
    contests = swap(quiet_mini().contests, "chair_vote", field_per_popularity=0.5)
    state = start(quiet_mini(contests=contests))
    ok(apply(state, MakeMove(state.player.id, "join", party)))
    ok(apply(state, MakeMove(state.player.id, "run_chair")))
    chance = forecast(state, state.player, "chair_vote").chance
    held: list[ContestHeld] = []
    while not held:
        held = [e for e in finish_turn(state) if isinstance(e, ContestHeld)
                and e.contest == "chair_vote" and e.party == party]
    field = [c for c in held[0].contestants if c.actor is None]
    return chance, field[0].factors[0].contribution


def test_a_bigger_party_draws_a_stronger_field_for_its_own_posts() -> None:
    red_chance, red_field = _party_field("red")  # popularity 60
    blue_chance, blue_field = _party_field("blue")  # popularity 40
    assert red_field == pytest.approx(10.0 + 0.5 * 60)
    assert blue_field == pytest.approx(10.0 + 0.5 * 40)
    assert red_chance < blue_chance  # the poll reads the same field as the sitting
