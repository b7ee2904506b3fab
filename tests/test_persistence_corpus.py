"""The fixture corpus: saves of every format ever written keep loading, step by step through
the migrations, to the very state they held; and loading them never changes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from persistence_helpers import SAVES, folder_bytes

from game.ai import seat_policies
from game.ai.runner import play
from game.api import Career
from game.core import state_sha256
from game.persistence import (
    FORMAT_VERSION,
    MIGRATIONS,
    CareerRecord,
    Replay,
    SaveError,
    read_save,
    write_save,
)

CORPUS: list[dict[str, Any]] = json.loads((SAVES / "corpus.json").read_text())["fixtures"]


@pytest.fixture(params=CORPUS, ids=[f["file"] for f in CORPUS])
def fixture(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch,
            tmp_path: Path) -> dict[str, Any]:
    entry: dict[str, Any] = request.param
    for name, value in entry["env"].items():
        monkeypatch.setenv(name, str(SAVES / value))
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.chdir(tmp_path)  # relative scenario paths must resolve beside the save
    return entry


def test_every_fixture_loads_to_its_state(fixture: dict[str, Any]) -> None:
    before = folder_bytes(SAVES)
    loaded = read_save(SAVES / fixture["file"])
    assert folder_bytes(SAVES) == before
    assert loaded.source_format == fixture["format"]
    assert state_sha256(loaded.state) == fixture["state_sha256"]
    assert loaded.state.turn == loaded.meta.turn == fixture["turn"]
    assert loaded.meta.seed == fixture["seed"] and loaded.meta.scenario_id == "mini"
    assert (loaded.history is not None) == fixture["history"]


def test_every_fixture_plays_on_and_resaves(fixture: dict[str, Any], tmp_path: Path) -> None:
    loaded = read_save(SAVES / fixture["file"])
    record = CareerRecord.from_save(loaded)
    state = play(record.state, seat_policies(record.state.book, "greedy"), history=record.history)
    assert state.phase == "over"
    again = read_save(write_save(tmp_path / "again.json", record.snapshot()))
    assert again.source_format == FORMAT_VERSION
    assert state_sha256(again.state) == state_sha256(state)
    career = Career.load(SAVES / fixture["file"])
    assert career.state_sha256() == fixture["state_sha256"]
    career.play_to_end()
    assert career.is_over


def test_saves_without_history_cannot_be_replayed_but_say_so(fixture: dict[str, Any]) -> None:
    loaded = read_save(SAVES / fixture["file"], mode="inspect")
    if fixture["history"]:
        replay = Replay(loaded)
        assert sum(1 for _ in replay.steps()) == len(loaded.history or [])
    else:
        with pytest.raises(SaveError, match="no move history"):
            Replay(loaded)


def test_every_old_format_has_a_migration_and_a_fixture() -> None:
    formats = {f["format"] for f in CORPUS}
    assert formats == set(range(1, FORMAT_VERSION + 1))
    assert set(MIGRATIONS) == set(range(1, FORMAT_VERSION))
    listed = {f["file"] for f in CORPUS}
    assert listed == {p.name for p in SAVES.glob("*.json") if p.name != "corpus.json"}


def test_format_1_without_its_scenario_fails_clearly(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.delenv("SALURAN_SCENARIOS", raising=False)
    lonely = tmp_path / "old.json"
    lonely.write_bytes((SAVES / "v1-mini-id-seed5-turn14.json").read_bytes())
    with pytest.raises(SaveError, match="names scenario 'mini', which cannot be loaded"):
        read_save(lonely)
    assert lonely.read_bytes() == (SAVES / "v1-mini-id-seed5-turn14.json").read_bytes()


def test_format_1_with_a_changed_scenario_is_refused(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "saves"))
    scenario = json.loads((SAVES / "scenarios" / "mini" / "scenario.json").read_text())
    scenario["calendar"]["max_turns"] = 19
    (tmp_path / "scenarios" / "mini").mkdir(parents=True)
    (tmp_path / "scenarios" / "mini" / "scenario.json").write_text(json.dumps(scenario))
    copy = tmp_path / "old.json"
    copy.write_bytes((SAVES / "v1-mini-path-seed3-turn8.json").read_bytes())
    with pytest.raises(SaveError, match="has changed since"):
        read_save(copy)
