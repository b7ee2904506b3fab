"""The command line: play --load/--save continuity, replay [--verify], saves, and clear
one-line errors (exit 1, no traceback, no file changed)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from persistence_helpers import MINI, SAVES, folder_bytes, reseal

from game.cli import main
from game.persistence import FORMAT_VERSION, ironman_name, read_save


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "saves"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def play(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code, out, _ = run(capsys, "play", "--headless", "--json", *argv)
    assert code == 0
    summary: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return summary


@pytest.mark.parametrize(("seed", "rivals"), [(3, None), (6, "random")])
def test_save_load_continue_equals_continue(capsys: pytest.CaptureFixture[str], seed: int,
                                            rivals: str | None) -> None:
    common = ["--scenario", str(MINI)] + (["--rivals", rivals] if rivals else [])
    first = play(capsys, *common, "--seed", str(seed), "--turns", "10", "--save", "a.json")
    assert read_save(Path("a.json")).meta.turn == first["turn"]
    resumed = play(capsys, "--load", "a.json", "--turns", "10", "--save", "b.json")
    straight = play(capsys, *common, "--seed", str(seed), "--turns", "20")
    assert resumed["state_sha256"] == straight["state_sha256"]
    assert resumed["turn"] == straight["turn"]
    # The history carried across the two runs replays to the end state.
    code, out, _ = run(capsys, "replay", "b.json", "--verify", "--quiet")
    assert code == 0 and "reaches the saved state exactly" in out
    assert (Path("b.json").exists() and not Path("b.json.bak").exists())


def test_save_twice_keeps_a_backup(capsys: pytest.CaptureFixture[str]) -> None:
    play(capsys, "--scenario", str(MINI), "--seed", "1", "--turns", "2", "--save", "s.json")
    first = Path("s.json").read_bytes()
    play(capsys, "--load", "s.json", "--turns", "2", "--save", "s.json")
    assert Path("s.json.bak").read_bytes() == first


def test_replay_prints_the_career(capsys: pytest.CaptureFixture[str]) -> None:
    play(capsys, "--scenario", str(MINI), "--seed", "2", "--save", "done.json")
    code, out, _ = run(capsys, "replay", "done.json")
    assert code == 0
    assert "== Turn 1 - Jan 2000" in out and "== Turn 5" in out
    assert "Career over" in out or "Result" in out or "Replayed" in out
    assert out.strip().endswith("The replay reaches the saved state exactly.")


def test_replay_verify_fails_when_the_end_differs(capsys: pytest.CaptureFixture[str]) -> None:
    play(capsys, "--scenario", str(MINI), "--seed", "2", "--turns", "6", "--save", "x.json")
    raw = json.loads(Path("x.json").read_text())
    raw["history"] = raw["history"][:-5]  # a valid but shorter history: it ends elsewhere
    Path("short.json").write_bytes(reseal(raw))
    code, _, err = run(capsys, "replay", "short.json", "--verify", "--quiet")
    assert code == 1
    assert "does not reach the saved state" in err and raw["state_sha256"] in err
    code, _, err = run(capsys, "replay", "short.json", "--quiet")
    assert code == 0 and "warning" in err


def test_replay_of_a_diverging_history(capsys: pytest.CaptureFixture[str]) -> None:
    play(capsys, "--scenario", str(MINI), "--seed", "2", "--turns", "3", "--save", "x.json")
    raw = json.loads(Path("x.json").read_text())
    raw["history"].insert(0, {"kind": "end_turn", "actor": "ana"})  # not ana's turn
    Path("bad.json").write_bytes(reseal(raw))
    code, _, err = run(capsys, "replay", "bad.json", "--verify")
    assert code == 1 and "diverged at command 1" in err and err.startswith("saluran: error:")


def test_replay_of_a_format_1_save(capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SAVES / "scenarios", "scenarios")
    shutil.copy(SAVES / "v1-mini-path-seed3-turn8.json", "old.json")
    code, _, err = run(capsys, "replay", "old.json", "--verify")
    assert code == 1 and "no move history" in err
    summary = play(capsys, "--load", "old.json", "--turns", "1")  # but it plays on
    assert summary["turn"] == 9


@pytest.mark.parametrize(("content", "phrase"), [
    (b"", "empty"),
    (b'{"format": 2, "state"', "truncated"),
    (b"[]", "not a JSON object"),
    (json.dumps({"format": FORMAT_VERSION + 1, "game_version": "7.0"}).encode(),
     f"save format {FORMAT_VERSION + 1}, game 7.0"),
])
def test_bad_saves_give_one_line_and_exit_1(capsys: pytest.CaptureFixture[str], content: bytes,
                                            phrase: str) -> None:
    Path("bad.json").write_bytes(content)
    for argv in (["play", "--headless", "--load", "bad.json"], ["replay", "bad.json"]):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == ""
        assert err.startswith("saluran: error: bad.json:") and phrase in err
        assert err.count("\n") == 1
        assert Path("bad.json").read_bytes() == content


def test_error_offers_the_backup(capsys: pytest.CaptureFixture[str]) -> None:
    play(capsys, "--scenario", str(MINI), "--seed", "1", "--turns", "2", "--save", "s.json")
    play(capsys, "--load", "s.json", "--turns", "1", "--save", "s.json")
    Path("s.json").write_bytes(b"{}")
    code, _, err = run(capsys, "play", "--headless", "--load", "s.json")
    assert code == 1 and "try s.json.bak instead" in err


def test_missing_and_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "play", "--headless", "--load", "nope.json")
    assert code == 1 and "no save file" in err
    Path("dir.json").mkdir()
    code, _, err = run(capsys, "replay", "dir.json")
    assert code == 1 and "folder, not a save file" in err


def test_unwritable_save_target(capsys: pytest.CaptureFixture[str]) -> None:
    Path("blocker").write_text("x")
    code, _, err = run(capsys, "play", "--headless", "--json", "--scenario", str(MINI),
                       "--turns", "1", "--save", "blocker/s.json")
    assert code == 1 and "could not save" in err
    assert Path("blocker").read_text() == "x"


def test_autosave_and_saves_listing(capsys: pytest.CaptureFixture[str]) -> None:
    play(capsys, "--scenario", str(MINI), "--seed", "4", "--autosave", "--save-dir", "mine")
    names = sorted(p.name for p in Path("mine").iterdir())
    assert len([n for n in names if n.startswith("autosave-")]) == 5
    assert any(n.startswith("milestone-") for n in names)
    Path("mine/broken.json").write_text("{")
    code, out, _ = run(capsys, "saves", "--save-dir", "mine")
    assert code == 0 and "broken.json  CANNOT LOAD" in out and "[milestone]" in out
    assert "Mini Republic" in out
    code, out, _ = run(capsys, "saves", "--save-dir", "mine", "--format", "json")
    listing = json.loads(out)
    assert {s["file"] for s in listing["saves"]} == set(names) | {"broken.json"}
    good = [s for s in listing["saves"] if s["meta"]]
    assert all(s["meta"]["scenario_id"] == "mini" and s["problem"] is None for s in good)
    # A bare name given to --load is found in the save folder.
    slot = next(n for n in names if n.startswith("autosave-"))
    summary = play(capsys, "--load", slot, "--save-dir", "mine", "--turns", "0")
    assert summary["state_sha256"] == read_save(Path("mine") / slot).file.state_sha256
    # A broken save elsewhere: the newest autosave of the save folder is offered.
    Path("lost.json").write_text("{")
    code, _, err = run(capsys, "play", "--headless", "--load", "lost.json", "--save-dir", "mine")
    assert code == 1 and "try mine/autosave-" in err


def test_saves_uses_the_environment_folder(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    code, out, _ = run(capsys, "saves")  # the default folder may not exist yet: no error
    assert code == 0 and out.startswith(f"No saves in {tmp_path / 'saves'}: the folder does "
                                        "not exist yet")
    play(capsys, "--scenario", str(MINI), "--turns", "2", "--autosave")
    code, out, _ = run(capsys, "saves", "--format", "json")
    kinds = [s["meta"]["kind"] for s in json.loads(out)["saves"]]
    assert kinds.count("autosave") == 2 and set(kinds) <= {"autosave", "milestone"}


def test_ironman_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    play(capsys, "--scenario", str(MINI), "--seed", "5", "--turns", "3", "--ironman")
    slot = next(Path("saves").glob("ironman-*.json"))
    assert slot.name == ironman_name(read_save(slot, mode="inspect").meta.career_id)
    assert sorted(p.name for p in Path("saves").iterdir()) == [slot.name, slot.name + ".bak"]
    before = read_save(slot, mode="inspect").meta.turn
    play(capsys, "--load", str(slot), "--turns", "2")  # continuing it: saved to its slot
    assert read_save(slot, mode="inspect").meta.turn == before + 2
    shutil.copy(slot, "copy.json")
    snapshot = folder_bytes(Path("saves"))
    code, _, err = run(capsys, "play", "--headless", "--load", "copy.json")
    assert code == 1 and "continues only from its slot" in err
    code, _, err = run(capsys, "play", "--headless", "--load", str(slot), "--save", "out.json")
    assert code == 1 and "saves only to its slot" in err
    assert folder_bytes(Path("saves")) == snapshot and not Path("out.json").exists()
    code, _, _ = run(capsys, "replay", "copy.json", "--verify", "--quiet")  # read-only: fine
    assert code == 0
