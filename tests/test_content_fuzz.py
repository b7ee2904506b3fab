"""Fuzzing the loader: random mutations of a valid scenario yield reported issues, never an
exception, and whatever still loads builds and starts a game."""

from __future__ import annotations

import copy
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import CODES, ContentError, check_scenario, scenario_from_document
from game.core import compile_rulebook, new_game

MINI = json.loads((Path(__file__).parent / "data" / "mini" / "scenario.json")
                  .read_text(encoding="utf-8"))

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.sampled_from(["", "x", "support", "member", "chair_vote", "president", "red", "probe",
                     "player", "resource", "holds", "gain_position", "all", "not", "Mayor"]),
    st.text(max_size=8),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(
        ["id", "type", "positions", "position", "contest", "resource", "min", "max", "en",
         "conditions", "condition", "delta", "player", "x"]), inner, max_size=3)),
    max_leaves=6)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*path, i))


def _mutate(data: dict[str, Any], draw: st.DataObject) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for _ in range(draw.draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:  # everything was deleted already
            break
        path = draw.draw(st.sampled_from(paths))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        key = path[-1]
        operation = draw.draw(st.sampled_from(["set", "delete", "copy", "add_key"]))
        if operation == "set":
            parent[key] = draw.draw(VALUES)
        elif operation == "delete":
            del parent[key]
        elif operation == "copy":  # duplicate an object elsewhere (duplicate ids, odd types)
            parent[key] = copy.deepcopy(parent[draw.draw(st.sampled_from(
                list(parent) if isinstance(parent, dict) else list(range(len(parent)))))])
        elif isinstance(parent[key], dict):
            parent[key][draw.draw(st.sampled_from(["id", "type", "extends", "include", "x",
                                                   "remove", "replace"]))] = draw.draw(VALUES)
    return data


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _check_file(path: Path) -> None:
    checked = check_scenario(path)
    for found in checked.issues:
        assert found.code in CODES, found
        assert found.severity == CODES[found.code][0]
    if checked.scenario is not None:
        assert not checked.errors
        new_game(compile_rulebook(checked.scenario), 0)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_scenarios_only_report_issues(folder: Path, data: st.DataObject) -> None:
    path = folder / "scenario-under-test.json"
    path.write_text(json.dumps(_mutate(MINI, data), allow_nan=True), encoding="utf-8")
    _check_file(path)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_mutated_text_only_reports_issues(folder: Path, data: st.DataObject) -> None:
    text = json.dumps(MINI, indent=1).encode()
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, max(len(text) - 1, 0)))
        kind = data.draw(st.sampled_from(["cut", "byte", "insert"]))
        if kind == "cut":
            text = text[:at]
        elif kind == "byte":
            text = text[:at] + bytes([data.draw(st.integers(0, 255))]) + text[at + 1:]
        else:
            text = text[:at] + data.draw(st.sampled_from(
                [b"{", b"[", b",", b'"', b"\\", b"NaN", b"1e999", b"\xff", b"\x00"])) + text[at:]
    path = folder / "text-under-test.json"
    path.write_bytes(text)
    _check_file(path)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_mutated_parts_of_a_composed_scenario(folder: Path, data: st.DataObject) -> None:
    part = {kind: MINI[kind] for kind in ("moves", "events")}
    main = {k: v for k, v in MINI.items() if k not in part}
    main["include"] = ["part.json"]
    mod = folder / "composed"
    mod.mkdir(exist_ok=True)
    (mod / "scenario.json").write_text(json.dumps({**main, "id": "composed"}),
                                       encoding="utf-8")
    (mod / "part.json").write_text(json.dumps(_mutate(part, data)), encoding="utf-8")
    _check_file(mod / "scenario.json")


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_mutated_documents_raise_only_content_errors(data: st.DataObject) -> None:
    document = _mutate(MINI, data)
    try:
        scenario = scenario_from_document(document)
    except ContentError as exc:
        assert exc.issues and all(i.code in CODES for i in exc.issues)
    else:
        new_game(compile_rulebook(scenario), 0)
