"""Autosaves: slot rotation, milestones, the ironman rule, the background worker, the save
folder, and continuity through the API (save -> load -> continue equals continue)."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from persistence_helpers import MINI, folder_bytes, record_at

import game.persistence.autosave as autosave_module
import game.persistence.format as format_module
import game.persistence.savefile as savefile_module
from game.api import Career
from game.core import dump_state
from game.core.events import PositionGained
from game.persistence import (
    Autosaver,
    AutosaveWorker,
    IronmanRefused,
    SaveError,
    ironman_name,
    list_saves,
    read_save,
    save_dir,
)
from game.persistence.locations import checkout_saves


@pytest.fixture(autouse=True)
def _own_save_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "default-saves"))


def turn(career: Career) -> None:
    """One player turn: answer any waiting card, then end the turn."""
    while not career.is_over and career.state.phase == "choose":
        career.apply(career.legal_moves()[0])
    if not career.is_over:
        career.end_turn()


def careers_turns(career: Career, count: int) -> None:
    for _ in range(count):
        turn(career)


# ------------------------------------------------------------------ continuity via the API
@pytest.mark.parametrize("seed", [0, 3, 7])
def test_save_load_continue_equals_continue(seed: int, tmp_path: Path) -> None:
    straight = Career.new(str(MINI), seed=seed)
    careers_turns(straight, 12)
    saved = Career.new(str(MINI), seed=seed)
    careers_turns(saved, 6)
    path = saved.save(tmp_path / "career.json")
    resumed = Career.load(path)
    assert resumed.state_sha256() == saved.state_sha256()
    assert resumed.history == saved.history
    assert resumed.career_id == saved.career_id
    careers_turns(resumed, 6)
    assert resumed.state_sha256() == straight.state_sha256()
    straight.play_to_end("random")
    resumed.play_to_end("random")
    assert resumed.state_sha256() == straight.state_sha256()
    assert resumed.history == straight.history


def test_rivals_policy_is_kept(tmp_path: Path) -> None:
    career = Career.new(str(MINI), seed=2, rivals="random")
    careers_turns(career, 3)
    loaded = Career.load(career.save(tmp_path / "c.json"))
    assert loaded.rivals == "random"
    assert {p.name for a, p in loaded.policies.items() if a != loaded.player_id} == {"random"}


def test_playtime_accumulates(tmp_path: Path) -> None:
    career = Career.new(str(MINI), seed=2)
    career._playtime_base = 100.0
    loaded = Career.load(career.save(tmp_path / "c.json"))
    assert loaded.playtime >= 100.0
    assert read_save(tmp_path / "c.json").meta.playtime_seconds >= 100.0


def test_meta_block(tmp_path: Path) -> None:
    career = Career.new(str(MINI), seed=4)
    careers_turns(career, 8)
    meta = read_save(career.save(tmp_path / "c.json")).meta
    assert (meta.scenario_id, meta.scenario_name["en"]) == ("mini", "Mini Republic")
    assert meta.turn == career.state.turn
    assert meta.date == f"{2000 + (meta.turn - 1) // 2}-{'01' if meta.turn % 2 else '07'}"
    assert meta.player_name == career.state.player.name and meta.kind == "manual"
    assert meta.seed == 4 and not meta.ironman and meta.saved_at.endswith("+00:00")
    if career.state.player.first_held:
        assert meta.highest_position in career.state.player.first_held


def test_career_from_a_scenario_object_finds_its_document(tmp_path: Path) -> None:
    from game.content import load_scenario

    career = Career.new(load_scenario(str(MINI)), seed=1)
    with pytest.raises(SaveError, match="cannot be embedded"):
        career.save(tmp_path / "c.json")  # its id "mini" names no scenario on the path
    career.scenario_ref = str(MINI)
    assert Career.load(career.save(tmp_path / "c.json")).state_sha256() == career.state_sha256()


# ------------------------------------------------------------------ rotation and milestones
def test_rotation_and_milestones(tmp_path: Path) -> None:
    career = Career.new(str(MINI), seed=0)
    saver = career.enable_autosave(tmp_path, slots=3)
    hooked: list[int] = []
    career.turn_hooks.append(lambda c, events: hooked.append(c.state.turn))
    career.play_to_end("greedy")
    names = sorted(p.name for p in tmp_path.iterdir())
    rotation = [n for n in names if n.startswith("autosave-")]
    assert rotation == [saver.slot_path(n).name for n in (1, 2, 3)]
    turns = sorted(read_save(tmp_path / n).meta.turn for n in rotation)
    assert turns == sorted(hooked[-3:])  # the three latest turns
    won = {e.position for e in career.events if isinstance(e, PositionGained)
           and e.actor == career.player_id and e.how != "start"}
    milestones = [n for n in names if n.startswith("milestone-")]
    assert won and {n.rsplit("-", 1)[1].removesuffix(".json") for n in milestones} == won
    for name in milestones:
        meta = read_save(tmp_path / name).meta
        assert meta.kind == "milestone" and f"-t{meta.turn:03d}-" in name
    assert not [n for n in names if n.endswith((".bak", ".tmp"))]


def test_rotation_resumes_after_the_newest_slot(tmp_path: Path) -> None:
    record = record_at(1, 3)
    first = Autosaver(tmp_path, "abc", slots=3)
    for _ in range(4):  # slots 1, 2, 3, 1: slot 1 is now the newest
        first.after_turn(record.snapshot("autosave"))
    assert Autosaver(tmp_path, "abc", slots=3).after_turn(record.snapshot()) == [
        tmp_path / "autosave-abc-2.json"]


def test_play_to_end_autosaves_each_turn(tmp_path: Path) -> None:
    career = Career.new(str(MINI), seed=5)
    career.enable_autosave(tmp_path, slots=50)
    career.play_to_end("greedy")
    turns = sorted(s.meta.turn for s in list_saves(tmp_path)
                   if s.meta is not None and s.meta.kind == "autosave")
    assert turns[-1] == career.state.turn and len(turns) >= career.state.turn - 1
    assert read_save(max(tmp_path.glob("autosave-*"), key=lambda p: p.stat().st_mtime)
                     ).state.result == career.result


# ------------------------------------------------------------------ ironman
def _ironman(tmp_path: Path, turns: int = 4) -> tuple[Career, Path]:
    career = Career.new(str(MINI), seed=6)
    career.enable_autosave(tmp_path, ironman=True)
    careers_turns(career, turns)
    return career, tmp_path / ironman_name(career.career_id)


def test_ironman_has_one_slot_saved_every_turn(tmp_path: Path) -> None:
    career, slot = _ironman(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [slot.name, slot.name + ".bak"]
    meta = read_save(slot, mode="inspect").meta
    assert meta.ironman and meta.kind == "ironman" and meta.turn == career.state.turn
    assert read_save(Path(str(slot) + ".bak"), mode="inspect").meta.turn == meta.turn - 1


def test_ironman_cannot_be_loaded_only_continued(tmp_path: Path) -> None:
    career, slot = _ironman(tmp_path)
    before = folder_bytes(tmp_path)
    with pytest.raises(IronmanRefused, match="ironman career: it cannot be loaded"):
        Career.load(slot)
    assert folder_bytes(tmp_path) == before
    resumed = Career.load(slot, continue_ironman=True)
    assert resumed.ironman and resumed.state_sha256() == career.state_sha256()
    turn(resumed)
    assert read_save(slot, mode="inspect").meta.turn == resumed.state.turn  # saved again
    with pytest.raises(SaveError, match="only to its slot"):
        resumed.save(tmp_path / "escape.json")
    assert not (tmp_path / "escape.json").exists()
    resumed.enable_autosave(tmp_path, ironman=False)  # an ironman career stays one
    assert resumed.ironman


def test_ironman_copies_and_backups(tmp_path: Path) -> None:
    _, slot = _ironman(tmp_path)
    copy = tmp_path / "copy.json"
    shutil.copyfile(slot, copy)
    with pytest.raises(IronmanRefused, match="continues only from its slot"):
        Career.load(copy, continue_ironman=True)
    backup = Path(str(slot) + ".bak")
    with pytest.raises(IronmanRefused, match="not from the backup"):
        Career.load(backup, continue_ironman=True)
    slot.write_bytes(b"{damaged")  # now the backup is the way to recover the career
    assert Career.load(backup, continue_ironman=True).ironman
    slot.unlink()
    assert Career.load(backup, continue_ironman=True).ironman
    assert read_save(copy, mode="inspect").meta.ironman  # replays and listings may read it


# ------------------------------------------------------------------ the worker thread
def test_worker_takes_the_snapshot_on_the_callers_thread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: dict[str, set[str]] = {"dump": set(), "encode": set()}
    real_dump, real_encode = format_module.dump_state, savefile_module.encode_save
    gate = threading.Event()

    def spy_dump(state: Any) -> Any:
        threads["dump"].add(threading.current_thread().name)
        return real_dump(state)

    def slow_encode(snapshot: Any) -> bytes:
        threads["encode"].add(threading.current_thread().name)
        gate.wait(10)
        return real_encode(snapshot)

    monkeypatch.setattr(format_module, "dump_state", spy_dump)
    monkeypatch.setattr(savefile_module, "encode_save", slow_encode)
    career = Career.new(str(MINI), seed=8)
    with AutosaveWorker() as worker:
        saver = career.enable_autosave(tmp_path, slots=3, worker=worker)
        turn(career)
        expected = dump_state(career.state)
        turn(career)  # the game goes on while the first save is still being written
        turn(career)
        gate.set()
        assert worker.flush(10)
    assert threads["dump"] == {threading.main_thread().name}
    assert threads["encode"] == {"saluran-autosave"}
    first = read_save(saver.slot_path(1))
    assert json.dumps(dump_state(first.state)) == json.dumps(expected)
    assert not worker.errors


def test_worker_coalesces_and_reports_errors(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    gate, started = threading.Event(), threading.Event()
    real_write = autosave_module.write_save
    written: list[int] = []

    def gated_write(path: Path, snapshot: Any, keep_backup: bool = True) -> Path:
        started.set()
        gate.wait(10)
        written.append(snapshot.meta["turn"])
        return real_write(path, snapshot, keep_backup=keep_backup)

    monkeypatch.setattr(autosave_module, "write_save", gated_write)
    errors: list[SaveError] = []
    worker = AutosaveWorker(on_error=errors.append)
    path = tmp_path / "a.json"
    snaps = [record_at(1, t).snapshot() for t in (2, 3, 4, 5)]
    worker.submit(path, snaps[0])
    assert started.wait(10)
    for snap in snaps[1:]:  # while the first is written, later ones replace each other
        worker.submit(path, snap)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    worker.submit(blocker / "b.json", snaps[0])
    gate.set()
    worker.close(10)
    assert written == [2, 5, 2]
    assert read_save(path).meta.turn == 5
    assert len(errors) == 1 and "could not save" in str(errors[0]) and worker.errors == errors
    with pytest.raises(RuntimeError):
        worker.submit(path, snaps[0])


def test_many_threads_saving_one_path(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    snaps = [record_at(2, t).snapshot() for t in (2, 3, 4)]
    problems: list[BaseException] = []

    def hammer(index: int) -> None:
        try:
            for _ in range(10):
                savefile_module.write_save(path, snaps[index % 3])
        except BaseException as exc:
            problems.append(exc)

    workers = [threading.Thread(target=hammer, args=(i,)) for i in range(6)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    assert not problems
    assert read_save(path).meta.turn in (2, 3, 4)
    assert read_save(Path(str(path) + ".bak")).meta.turn in (2, 3, 4)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared.json", "shared.json.bak"]


# ------------------------------------------------------------------ where saves go
def test_save_folder_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert save_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "env"))
    assert save_dir() == tmp_path / "env"
    assert save_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.delenv("SALURAN_SAVE_DIR")
    root = Path(__file__).resolve().parents[1]
    assert checkout_saves() == root / "saves"  # this is a source checkout
    assert save_dir() == root / "saves"
    monkeypatch.setattr("game.persistence.locations.checkout_saves", lambda: None)
    installed = save_dir()
    assert installed.name == "saves" and "saluran" in str(installed).lower()


# ------------------------------------------------------------------ odd careers, first API
def test_customised_scenario_saves_without_history(tmp_path: Path) -> None:
    import dataclasses

    from game.content import load_scenario

    base = load_scenario(str(MINI))
    actors = tuple(dataclasses.replace(a, name="Sari") if a.player else a for a in base.actors)
    career = Career.new(dataclasses.replace(base, actors=actors), seed=3)
    career.scenario_ref = str(MINI)
    careers_turns(career, 3)
    loaded = read_save(career.save(tmp_path / "c.json"))
    assert loaded.history is None  # its document would not replay this start
    resumed = Career.load(tmp_path / "c.json")
    assert resumed.state.player.name == "Sari"
    careers_turns(career, 3)
    careers_turns(resumed, 3)
    assert resumed.state_sha256() == career.state_sha256()


def test_first_api_still_works(tmp_path: Path) -> None:
    from game.persistence import load_save, restore_state, write_save

    record = record_at(4, 5)
    path = write_save(tmp_path / "old-style.json", record.state, str(MINI))
    loaded = read_save(path)
    assert loaded.history is None and loaded.state.turn == 5
    ref, dump = load_save(path)
    assert ref == str(MINI) and dump["turn"] == 5
    assert restore_state(loaded.book, dump, path).turn == 5
    assert str(SaveError("plain message")) == "plain message"
    with pytest.raises(SaveError, match="cannot be embedded"):
        write_save(tmp_path / "x.json", record.state, "no-such-scenario")


def test_a_save_outlives_its_mod_changing_or_vanishing(tmp_path: Path) -> None:
    from game.persistence import verify

    mod = tmp_path / "mods" / "mini"
    shutil.copytree(MINI, mod)
    career = Career.new(str(mod), seed=2)
    careers_turns(career, 4)
    path = career.save(tmp_path / "c.json")
    document = json.loads((mod / "scenario.json").read_text())
    document["calendar"]["max_turns"] = 5
    (mod / "scenario.json").write_text(json.dumps(document))
    changed = Career.load(path)  # plays on under the rules it was saved with
    careers_turns(changed, 4)
    careers_turns(career, 4)
    assert changed.state_sha256() == career.state_sha256() and not changed.is_over
    shutil.rmtree(tmp_path / "mods")
    assert Career.load(path).state.turn == read_save(path).meta.turn
    assert verify(read_save(path))
