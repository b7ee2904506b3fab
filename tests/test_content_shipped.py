"""Every shipped scenario validates strictly, builds, plays to the end headless, and matches
the JSON Schema shipped for editors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from game.cli.validate import smoke
from game.content import check_scenario, load_with_document, scenario_from_document
from game.content.schema_export import part_schema, scenario_schema
from game.core import compile_rulebook

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
