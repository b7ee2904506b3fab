"""Legal moves: the cached, pre-filtered listing agrees with ``validate`` command by command,
and the lazy best-first search chooses what a search over the whole list chooses."""

from __future__ import annotations

from functools import cache

import pytest

from game.ai import make_policy, personas_for, seat_policies, step
from game.ai.greedy import GreedyPolicy
from game.content import load_scenario
from game.core import (
    Command,
    EndTurn,
    GameState,
    MakeMove,
    Rulebook,
    clone_state,
    compile_rulebook,
    legal_moves,
    new_game,
    to_move,
    validate,
)
from game.core.ids import ActorId, MoveId
from game.core.legal import LegalMoves, best_of
from game.core.views import View

SCENARIOS = ("nusantara", "westminster", "partai_tunggal", "federal", "auerland")


@cache
def _book(scenario: str) -> Rulebook:
    return compile_rulebook(load_scenario(scenario))


def _decisions(scenario: str, policy: str, seed: int, every: int = 3) -> list[GameState]:
    """Copies of a career's states at every ``every``-th decision."""
    book = _book(scenario)
    policies = seat_policies(book, policy)
    state, _ = new_game(book, seed)
    found: list[GameState] = []
    count = 0
    while state.phase != "over":
        if count % every == 0:
            found.append(clone_state(state))
        step(state, policies)
        count += 1
    return found


def _by_validate(state: GameState, actor_id: ActorId) -> list[Command]:
    """The definition: every move and target in scenario order that ``validate`` accepts."""
    actor = state.actors[actor_id]
    found: list[Command] = []
    for mdef in state.book.scenario.moves:
        targets: list[str | None] = [None]
        if mdef.target == "party":
            targets = list(state.popularity)
        elif mdef.target == "held_position":
            targets = list(actor.positions)
        for target in targets:
            command = MakeMove(actor_id, MoveId(mdef.id), target)
            if validate(state, command) is None:
                found.append(command)
    return [*found, EndTurn(actor_id)]


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("policy", ["random", "greedy"])
def test_legal_moves_are_exactly_the_commands_validate_accepts(
    scenario: str, policy: str,
) -> None:
    checked = 0
    for state in _decisions(scenario, policy, seed=11):
        actor = to_move(state)
        assert actor is not None
        if state.phase != "act":
            continue
        assert legal_moves(state, actor) == _by_validate(state, actor)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_lazy_listing_is_the_listing(scenario: str) -> None:
    for state in _decisions(scenario, "random", seed=12, every=5):
        actor = to_move(state)
        assert actor is not None
        listed = legal_moves(state, actor)
        assert LegalMoves(state, actor).forced() == (listed[0] if len(listed) == 1 else None)
        lazy = LegalMoves(state, actor)
        assert list(lazy) == listed
        assert len(lazy) == len(legal_moves(state, actor))
        assert all(lazy.listed(c) for c in lazy)
        assert not lazy.listed(EndTurn(ActorId("nobody")))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_best_first_search_chooses_as_the_search_over_the_list(scenario: str) -> None:
    book = _book(scenario)
    # greedy and every persona's one-step valuer (as rivals play on easy)
    policies = [make_policy("greedy", book),
                *(GreedyPolicy(book, persona) for persona in personas_for(book.scenario).values())]
    compared = 0
    for state in _decisions(scenario, "random", seed=13, every=2):
        actor = to_move(state)
        assert actor is not None
        view = View(state, actor)
        for policy in policies:
            assert isinstance(policy, GreedyPolicy)

            def value(command: Command, policy: GreedyPolicy = policy,
                      view: View = view) -> float:
                return policy.value(view, command)

            listed = best_of(legal_moves(state, actor), policy.ceilings, value)
            assert LegalMoves(state, actor).best(policy.ranking, value) == listed
            compared += 1
    assert compared > 500
