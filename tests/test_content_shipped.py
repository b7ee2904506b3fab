"""Every shipped scenario validates strictly, builds, plays to the end headless, and matches
the JSON Schema shipped for editors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from game.cli.validate import smoke
from game.content import (
    check_scenario,
    load_scenario,
    load_with_document,
    scenario_from_document,
)
from game.content.schema_export import part_schema, scenario_schema
from game.core import MakeMove, apply, clone_state, compile_rulebook, legal_moves, new_game

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.parent.name for p in (ROOT / "scenarios").glob("*/scenario.json"))


def test_there_are_shipped_scenarios() -> None:
    assert SHIPPED


@pytest.mark.parametrize("sid", SHIPPED)
def test_validates_strictly(sid: str) -> None:
    checked = check_scenario(ROOT / "scenarios" / sid)
    assert [i.render() for i in checked.issues] == []
    assert checked.scenario is not None and checked.scenario.id == sid
    compile_rulebook(checked.scenario)


@pytest.mark.parametrize("sid", SHIPPED)
def test_plays_to_the_end(sid: str) -> None:
    checked = check_scenario(ROOT / "scenarios" / sid)
    assert smoke(checked, 2) == []


@pytest.mark.parametrize("sid", SHIPPED)
def test_document_round_trip(sid: str) -> None:
    """The self-contained document rebuilds the same scenario (saves rely on it)."""
    scenario, document = load_with_document(sid)
    again = scenario_from_document(json.loads(json.dumps(document)))
    assert again == scenario


@pytest.mark.parametrize("sid", SHIPPED)
def test_editor_schema_accepts_every_file(sid: str) -> None:
    checked = check_scenario(ROOT / "scenarios" / sid)
    main = jsonschema.Draft202012Validator(scenario_schema())
    part = jsonschema.Draft202012Validator(part_schema())
    for name in checked.files:
        path = Path(name) if Path(name).is_absolute() else Path.cwd() / name
        data = json.loads(path.read_text(encoding="utf-8"))
        validator = main if "id" in data else part
        assert [e.message for e in validator.iter_errors(data)] == [], name


@pytest.mark.parametrize("sid", ["auerland", "federal"])
def test_a_party_courts_a_former_ambassador(sid: str) -> None:
    # the diplomatic road leads on into politics: a famous ambassador is asked to join and
    # starts with a voice in the party, where an unknown joins at the back of the room
    book = compile_rulebook(load_scenario(sid))
    state, _ = new_game(book, 0)
    me = state.player
    assert me.party is None
    party = book.scenario.parties[0].id
    offer = MakeMove(me.id, "accept_party_offer", party)
    assert offer not in legal_moves(state, me.id)  # nobody courts an unknown
    me.first_held["ambassador"] = 1
    assert offer in legal_moves(state, me.id)

    def standing_after(command: MakeMove) -> float:
        trial = clone_state(state)
        apply(trial, command)
        return trial.player.resources["standing"] - me.resources["standing"]

    assert standing_after(offer) >= standing_after(MakeMove(me.id, "join_party", party)) + 10
