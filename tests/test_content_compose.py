"""Composition (extends, include, replace, remove, provenance) and where scenarios are found."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.content import (
    ContentError,
    check_scenario,
    find_scenario,
    load_scenario,
    load_with_document,
    scenario_from_document,
    use_mods_folder,
)
from game.content.mods import MODS_ENV, discover, mod_root, mods_folder

MINI = Path(__file__).parent / "data" / "mini" / "scenario.json"


def _mini() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MINI.read_text(encoding="utf-8"))
    return data


def _write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


@pytest.fixture
def mods(tmp_path: Path) -> Iterator[Path]:
    """An empty mods folder in use for the test."""
    folder = tmp_path / "mods"
    folder.mkdir()
    use_mods_folder(folder)
    yield folder
    use_mods_folder(None)


@pytest.fixture
def base(mods: Path) -> Path:
    """mods/country/base/scenario.json: the mini scenario as a base to extend by id."""
    data = _mini()
    data["id"] = "base"
    return _write(mods / "country" / "base" / "scenario.json", data)


def test_extends_by_id_adds_replaces_and_removes(mods: Path, base: Path) -> None:
    study = next(m for m in _mini()["moves"] if m["id"] == "study")
    child = {
        "id": "child", "extends": "base", "name": {"en": "Child", "id": "Anak"},
        "calendar": {"start_year": 2020, "max_turns": 12},
        "remove": {"events": ["boom"]},
        "replace": {"moves": [dict(study, cost={"agenda": 2})]},
        "moves": [{"id": "pray", "channel": "general", "name": {"en": "Pray", "id": "Berdoa"},
                   "help": {"en": "Hope.", "id": "Berharap."}}],
    }
    _write(mods / "country" / "child" / "scenario.json", child)
    scenario = load_scenario("child")
    assert scenario.id == "child" and scenario.name["en"] == "Child"
    assert scenario.system == "presidential"  # inherited
    assert scenario.start_year == 2020 and scenario.max_turns == 12
    assert scenario.months_per_turn == 6  # calendar replaced whole: back to the default
    assert [e.id for e in scenario.events] == ["bribe"]
    moves = {m.id: m for m in scenario.moves}
    assert moves["study"].agenda == 2 and "pray" in moves
    assert [m.id for m in scenario.moves][-1] == "pray"  # replacements keep their place
    assert list(moves).index("study") == [m["id"] for m in _mini()["moves"]].index("study")


def test_merge_order_and_files(mods: Path, base: Path) -> None:
    folder = mods / "country" / "child"
    _write(folder / "extra.json", {"events": [{"id": "rain", "title": {"en": "R", "id": "H"},
                                               "text": {"en": "R", "id": "H"},
                                               "probability": 0.1}]})
    _write(folder / "scenario.json", {"id": "child", "extends": "../base", "include":
                                      ["extra.json"]})
    checked = check_scenario("child")
    assert checked.issues == []
    assert [Path(f).parts[-2:] for f in checked.files] == [
        ("base", "scenario.json"), ("child", "scenario.json"), ("child", "extra.json")]
    assert checked.scenario is not None
    assert [e.id for e in checked.scenario.events] == ["bribe", "boom", "rain"]


def test_shared_base_part_file(mods: Path, base: Path) -> None:
    """A part file as base: lists only; settings come from the scenario it is mixed into."""
    _write(mods / "country" / "common" / "moves.json", {
        "extends": "../base/scenario.json",
        "moves": [{"id": "petition", "channel": "general", "name": {"en": "P", "id": "P"},
                   "help": {"en": "P", "id": "P"}}]})
    _write(mods / "country" / "child" / "scenario.json",
           {"id": "child", "extends": "../common/moves.json"})
    scenario = load_scenario("child")
    assert "petition" in {m.id for m in scenario.moves}
    assert scenario.name["en"] == "Mini Republic + child"  # no name of its own: base + id


def test_errors_point_at_the_defining_file(mods: Path, base: Path) -> None:
    _write(mods / "country" / "child" / "scenario.json", {
        "id": "child", "extends": "base",
        "moves": [{"id": "chant", "channel": "candidat", "name": {"en": "C", "id": "C"},
                   "help": {"en": "C", "id": "C"}}]})
    issue = check_scenario("child").issues[0]
    assert issue.code == "unknown-id" and issue.object_id == "chant"
    assert issue.file.endswith("child/scenario.json") and issue.pointer == "/moves/0/channel"
    assert issue.line > 1 and "did you mean 'candidate'" in issue.message


def test_document_is_self_contained(mods: Path, base: Path) -> None:
    _write(mods / "country" / "child" / "scenario.json",
           {"id": "child", "extends": "base", "remove": {"events": ["boom"]}})
    scenario, document = load_with_document("child")
    assert "extends" not in document and "remove" not in document
    assert scenario_from_document(document) == scenario
    with pytest.raises(ContentError) as info:
        scenario_from_document(dict(document, extends="base"))
    assert info.value.issues[0].code == "include-in-document"


def test_mini_fingerprint_unchanged_by_composition() -> None:
    """A scenario without composition keeps the digest older saves recorded."""
    scenario, document = load_with_document(str(MINI))
    assert scenario_from_document(document).fingerprint == scenario.fingerprint


def test_mods_folder_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_mods_folder(None)
    monkeypatch.setenv(MODS_ENV, str(tmp_path / "env-mods"))
    assert mods_folder() == tmp_path / "env-mods"
    use_mods_folder(tmp_path / "flag-mods")
    try:
        assert mods_folder() == tmp_path / "flag-mods"
    finally:
        use_mods_folder(None)
    monkeypatch.delenv(MODS_ENV)
    assert mods_folder().name == "mods"  # the platform's user data dir


def test_discovery_and_shadowing(mods: Path) -> None:
    data = _mini()
    data["id"] = "nusantara"
    _write(mods / "nusantara" / "scenario.json", data)  # same id as a shipped scenario
    data["id"] = "solo"
    _write(mods / "solo" / "scenario.json", data)
    found = {(f.id, f.source): f for f in discover()}
    assert found[("nusantara", "mods")].shadowed is False  # a mod may shadow a shipped id
    assert found[("nusantara", "shipped")].shadowed is True
    assert found[("solo", "mods")].source == "mods"
    assert find_scenario("solo") == mods / "solo" / "scenario.json"
    assert find_scenario("nusantara") == mods / "nusantara" / "scenario.json"


def test_mod_roots(mods: Path) -> None:
    assert mod_root(mods / "pack" / "one" / "scenario.json") == (mods / "pack").resolve()
    assert mod_root(mods / "solo" / "scenario.json") == (mods / "solo").resolve()


def test_unknown_scenario_suggests() -> None:
    with pytest.raises(ContentError) as info:
        find_scenario("nusantra")
    assert "did you mean 'nusantara'" in info.value.issues[0].message
