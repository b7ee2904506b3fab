"""``apply``/``validate``/``legal_moves``: legal commands apply, everything else is refused
with a reason code and leaves the state byte-identical."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from core_helpers import (
    copy_state,
    finish_turn,
    frozen,
    gain,
    mini,
    ok,
    quiet_mini,
    start,
    swap,
)

from game.ai import play, seat_policies, step
from game.core import (
    ChooseOption,
    Command,
    EndTurn,
    GameState,
    MakeMove,
    Rejected,
    Rejection,
    apply,
    compile_rulebook,
    legal_moves,
    new_game,
    to_move,
    validate,
)
from game.core.events import MoveMade, TurnEnded, TurnStarted


def every_candidate(state: GameState) -> Iterator[Command]:
    """Every command shape anyone could type, legal or not (plus some nonsense)."""
    book = state.book
    targets = [None, *state.popularity, *book.positions, "nowhere"]
    for aid in [*state.order, "ghost"]:
        for move in [*book.moves, "fly"]:
            for target in targets:
                yield MakeMove(aid, move, target)
        yield EndTurn(aid)
        for event in book.events.values():
            for choice in [*event.choices, None]:
                yield ChooseOption(aid, event.id, choice.id if choice else "shrug")


def sampled_states(seeds: range, every: int, player: str = "random") -> Iterator[GameState]:
    """States reached by play (every ``every``-th step, card choices and ends too)."""
    book = compile_rulebook(mini())
    policies = seat_policies(book, player, "random" if player == "random" else None)
    for seed in seeds:
        state, _ = new_game(book, seed)
        count = 0
        while state.phase != "over":
            if count % every == 0 or state.phase == "choose":
                yield copy_state(state)
            step(state, policies)
            count += 1
        yield state


@pytest.mark.parametrize("player", ["random", "greedy"])
def test_legal_commands_apply_and_all_others_are_refused_without_a_trace(player: str) -> None:
    checked = refused = 0
    for state in sampled_states(range(6), every=9, player=player):
        actor = to_move(state)
        legal = legal_moves(state, actor) if actor is not None else []
        if actor is not None:
            assert legal, "a deciding actor always has a legal command"
        before = frozen(state)
        for command in every_candidate(state):
            if command in legal:
                assert validate(state, command) is None, command
                once, twice = copy_state(state), copy_state(state)
                events = apply(once, command)
                assert isinstance(events, list), (command, events)
                assert apply(twice, command) == events  # same state + command, same events
                assert frozen(once) == frozen(twice)
                checked += 1
                continue
            result = apply(state, command)
            assert isinstance(result, Rejected), (state.seed, state.turn, command, result)
            assert isinstance(result.reason, Rejection) and result.message
            assert validate(state, command) == result
            if command.actor == actor:  # others are refused up front: one check below
                assert frozen(state) == before, (state.seed, state.turn, command)
            refused += 1
        assert frozen(state) == before, (state.seed, state.turn)
    assert checked > 100 and refused > 10_000


def test_only_the_deciding_actor_has_legal_moves() -> None:
    for state in sampled_states(range(3), every=5):
        deciding = to_move(state)
        for aid in state.order:
            if aid != deciding:
                assert legal_moves(state, aid) == []


def test_turn_order_is_player_then_rivals_then_next_turn() -> None:
    state = start(quiet_mini())
    assert state.order[0] == "player"
    seen = []
    events = []
    while state.turn == 1:
        seen.append(to_move(state))
        events += ok(apply(state, EndTurn(to_move(state))))
    assert seen == ["player", "ana", "budi"]
    assert [e.actor for e in events if isinstance(e, TurnEnded)] == seen
    assert any(isinstance(e, TurnStarted) and e.turn == 2 for e in events)
    assert to_move(state) == "player"


def _refused(state: GameState, command: Command, reason: Rejection) -> None:
    before = frozen(state)
    result = apply(state, command)
    assert isinstance(result, Rejected), result
    assert result.reason is reason, result
    assert frozen(state) == before


def test_wrong_actor_is_not_your_turn() -> None:
    state = start(quiet_mini())
    _refused(state, MakeMove("ana", "fundraise"), Rejection.NOT_YOUR_TURN)
    _refused(state, EndTurn("budi"), Rejection.NOT_YOUR_TURN)
    ok(apply(state, EndTurn("player")))
    _refused(state, MakeMove("player", "fundraise"), Rejection.NOT_YOUR_TURN)


def test_unknown_actor_and_unknown_move() -> None:
    state = start(quiet_mini())
    _refused(state, MakeMove("ghost", "fundraise"), Rejection.UNKNOWN_ACTOR)
    _refused(state, MakeMove("player", "fly_to_the_moon"), Rejection.UNKNOWN_MOVE)


def test_same_move_twice_in_a_turn_is_already_used() -> None:
    state = start(quiet_mini())
    events = ok(apply(state, MakeMove("player", "fundraise")))
    assert any(isinstance(e, MoveMade) and e.move == "fundraise" for e in events)
    assert MakeMove("player", "fundraise") not in legal_moves(state, "player")
    _refused(state, MakeMove("player", "fundraise"), Rejection.ALREADY_USED)
    finish_turn(state)
    ok(apply(state, MakeMove("player", "fundraise")))  # a new turn: allowed again


def test_exhausted_agenda_is_no_agenda() -> None:
    state = start(quiet_mini())
    assert state.player.agenda == 2
    ok(apply(state, MakeMove("player", "fundraise")))
    ok(apply(state, MakeMove("player", "study")))
    assert state.player.agenda == 0
    assert legal_moves(state, "player") == [EndTurn("player")]
    _refused(state, MakeMove("player", "rally"), Rejection.NO_AGENDA)


def test_too_little_funds_is_no_funds() -> None:
    state = start(quiet_mini())
    state.player.resources["funds"] = 4.0  # rally costs 5, study 2
    ok(apply(state, MakeMove("player", "study")))
    _refused(state, MakeMove("player", "rally"), Rejection.NO_FUNDS)


def test_cooldown_blocks_the_next_turn_only() -> None:
    state = start(quiet_mini())  # study: cooldown 1 -> not next turn, the one after
    ok(apply(state, MakeMove("player", "study")))
    finish_turn(state)
    _refused(state, MakeMove("player", "study"), Rejection.COOLDOWN)
    finish_turn(state)
    ok(apply(state, MakeMove("player", "study")))


def test_once_moves_never_come_back() -> None:
    scenario = quiet_mini(moves=swap(mini().moves, "fundraise", once=True))
    state = start(scenario)
    ok(apply(state, MakeMove("player", "fundraise")))
    for _ in range(3):
        finish_turn(state)
        _refused(state, MakeMove("player", "fundraise"), Rejection.COOLDOWN)


def test_bad_targets_and_unmet_requirements() -> None:
    state = start(quiet_mini())
    _refused(state, MakeMove("player", "join"), Rejection.BAD_TARGET)
    _refused(state, MakeMove("player", "join", "green"), Rejection.BAD_TARGET)
    _refused(state, MakeMove("player", "fundraise", "red"), Rejection.BAD_TARGET)
    _refused(state, MakeMove("player", "resign", "clerk"), Rejection.BAD_TARGET)
    _refused(state, MakeMove("player", "meet"), Rejection.REQUIREMENTS_NOT_MET)
    _refused(state, MakeMove("player", "retire"), Rejection.REQUIREMENTS_NOT_MET)  # age 30


def test_move_whose_effect_is_impossible_is_refused() -> None:
    state = start(quiet_mini())
    gain(state, "player", "clerk")  # a neutral seat: no party may be joined
    _refused(state, MakeMove("player", "join", "red"), Rejection.EXCLUDED)
    _refused(state, MakeMove("player", "exam"), Rejection.NOT_ELIGIBLE)  # already a clerk


def _card_every_turn() -> GameState:
    bribe = replace(mini().events[0], probability=1.0, cooldown=0)
    state = start(quiet_mini(events=(bribe,)))
    for aid in state.order:
        ok(apply(state, EndTurn(aid)))
    assert state.phase == "choose"
    return state


def test_choose_option_without_a_card_is_wrong_phase() -> None:
    state = start(quiet_mini())
    _refused(state, ChooseOption("player", "bribe", "take"), Rejection.WRONG_PHASE)


def test_while_a_card_waits_only_its_answer_is_accepted() -> None:
    state = _card_every_turn()
    assert [p.actor for p in state.pending] == ["player", "ana", "budi"]
    assert to_move(state) == "player"
    assert legal_moves(state, "player") == [
        ChooseOption("player", "bribe", "take"), ChooseOption("player", "bribe", "refuse")]
    _refused(state, EndTurn("player"), Rejection.WRONG_PHASE)
    _refused(state, MakeMove("player", "fundraise"), Rejection.WRONG_PHASE)
    _refused(state, ChooseOption("player", "bribe", "shrug"), Rejection.NO_SUCH_CHOICE)
    _refused(state, ChooseOption("player", "boom", "take"), Rejection.NO_SUCH_CHOICE)
    _refused(state, ChooseOption("ana", "bribe", "take"), Rejection.NOT_YOUR_TURN)
    ok(apply(state, ChooseOption("player", "bribe", "refuse")))
    assert to_move(state) == "ana"
    ok(apply(state, ChooseOption("ana", "bribe", "refuse")))
    ok(apply(state, ChooseOption("budi", "bribe", "refuse")))
    assert state.phase == "act" and state.turn == 2


def test_game_over_refuses_everything() -> None:
    book = compile_rulebook(mini())
    state, _ = new_game(book, 3)
    play(state, seat_policies(book, "greedy"))
    assert state.phase == "over"
    assert to_move(state) is None
    assert all(legal_moves(state, aid) == [] for aid in state.order)
    for command in [EndTurn("player"), MakeMove("player", "fundraise"), EndTurn("ana"),
                    ChooseOption("player", "bribe", "take"), MakeMove("ghost", "fly")]:
        _refused(state, command, Rejection.GAME_OVER)


@pytest.mark.parametrize("seed", [0, 1])
def test_legal_moves_agree_with_validate_for_every_actor(seed: int) -> None:
    for state in sampled_states(range(seed, seed + 1), every=3):
        deciding = to_move(state)
        if deciding is None:
            continue
        legal = set(legal_moves(state, deciding))
        for command in every_candidate(state):
            if command.actor == deciding:
                assert (validate(state, command) is None) == (command in legal), command
