"""A saved career keeps what its AI remembers, so loading it changes nothing that follows."""

from __future__ import annotations

from pathlib import Path

from game.ai import make_policy, policy_memory, recall_memory, seat_policies, step
from game.ai.planner.memory import RoadMemory, from_data
from game.api import Career
from game.core import state_sha256, to_move


def _advance(career: Career, steps: int) -> None:
    for _ in range(steps):
        if career.is_over:
            return
        career.events.extend(step(career.state, career.policies, career.history))


def _advance_to_players_turn(career: Career) -> None:
    """On to the player's first move of a turn: where a player saves (every rival either
    done with its moves this turn or not yet started, event cards answered or not)."""
    state = career.state
    while not career.is_over and not (to_move(state) == career.player_id
                                      and state.phase == "act"
                                      and not state.player.used_this_turn):
        _advance(career, 1)
    assert not career.is_over, "the career ended before the player's next turn"


def test_save_load_continue_equals_continue_with_planners(tmp_path: Path) -> None:
    original = Career.new("nusantara", seed=6, difficulty="hard")
    original.policies[original.player_id] = make_policy("planner", original.book)
    _advance(original, 700)  # well into the career
    _advance_to_players_turn(original)
    assert policy_memory(original.policies), "planners remember the roads they follow"
    path = original.save(tmp_path / "mid.json")
    loaded = Career.load(path)
    original.play_to_end("planner")
    loaded.play_to_end("planner")
    assert original.state.turn == loaded.state.turn
    assert state_sha256(original.state) == state_sha256(loaded.state)


def test_malformed_memory_is_dropped_not_trusted() -> None:
    career = Career.new("nusantara", seed=2, difficulty="hard")
    policies = seat_policies(career.book, "planner", None, "hard")
    recall_memory(policies, {"rival_1": {"reckoned": "soon", "steps": [["x"]]},
                             "rival_2": {"reckoned": 3, "party": None, "joining": False,
                                         "steps": [["no_such_office", 0, 0]], "parties": {}},
                             "player": "not a memory"})
    career.policies = policies
    _advance(career, 200)  # plays on: unusable memories are reckoned afresh
    assert career.state.turn > 1


def test_a_detour_keeps_its_share_of_the_road_after_it() -> None:
    detour = RoadMemory(3, None, False, (("academy_cadet", 0, 0),), {"": 0.0}, 0.25)
    assert from_data(detour.to_data()) == detour
    plain = RoadMemory(3, "mentari", True, (("party_member", 0, 0),), {"": 0.0})
    assert "scale" not in plain.to_data()  # saves of roads to the top read as before
    assert from_data(plain.to_data()) == plain
    assert from_data({**detour.to_data(), "scale": 1.5}) is None
    assert from_data({**detour.to_data(), "scale": float("nan")}) is None
