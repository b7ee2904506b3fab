"""Saves as an attacker would make them: numbers JSON does not allow or that are too large,
an edited meta block with resealed checksums, temporary files left by a killed writer,
writers racing on one file, and offices won twice.  Every path that reads a save (load,
replay, the listing, the recovery offer, the window's load screen) refuses with one line,
no traceback, and not one byte or time stamp changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from persistence_helpers import MINI, record_at, reseal

from game.api import Career
from game.cli import main
from game.persistence import Autosaver, SaveError, list_saves, read_save, write_save
from game.persistence.atomic import atomic_write, backup_path

#: Replace the first number of a state, the scenario or the meta block with these.
HOSTILE = {
    "nan": ("NaN", "NaN, which is not a number"),
    "infinity": ("Infinity", "Infinity, which is not a number"),
    "minus-infinity": ("-Infinity", "-Infinity, which is not a number"),
    "huge-float": ("1e999", "the number 1e999, too large"),
    "huge-int": ("9" * 5000, "a whole number of 5000 digits"),
}
#: place -> (the section of the save, a key in it whose value is a number)
PLACES = {
    "state": ('"state": {', '"seed": '),
    "scenario": ('"scenario": {', '"popularity": '),
    "meta": ('"meta": {', '"playtime_seconds": '),
}


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.delenv("SALURAN_LANG", raising=False)


@pytest.fixture(scope="module")
def good_text() -> str:
    """A valid save of a mini career at turn 5."""
    from game.persistence import encode_save

    return encode_save(record_at(3, 5).snapshot()).decode()


def hostile(text: str, place: str, token: str) -> str:
    """``text`` with the number of a key in section ``place`` replaced by ``token``."""
    section, key = PLACES[place]
    start = text.index(key, text.index(section)) + len(key)
    end = start
    while text[end] not in ",\n}":
        end += 1
    assert text[start:end].replace(".", "").isdigit(), text[start:end]
    return text[:start] + token + text[end:]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` with its bytes and mtime (ns): proof nothing changed."""
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_numbers_are_refused_everywhere(kind: str, place: str, good_text: str,
                                                tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    token, phrase = HOSTILE[kind]
    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / "good.json").write_text(good_text, encoding="utf-8")
    bad = folder / "bad.json"
    bad.write_text(hostile(good_text, place, token), encoding="utf-8")
    before = snapshot(folder)
    for argv in (["play", "--headless", "--load", str(bad)], ["replay", str(bad)],
                 ["replay", str(bad), "--verify", "--quiet"]):
        code, out, err = cli(capsys, *argv)
        assert code == 1 and out == ""
        assert err.startswith(f"saluran: error: {bad}: damaged: it holds ") and phrase in err
        assert err.count("\n") == 1
    with pytest.raises(SaveError, match="damaged: it holds"):
        Career.load(bad)
    code, out, _ = cli(capsys, "saves", "--save-dir", str(folder))
    assert code == 0
    assert "bad.json  CANNOT LOAD: damaged: it holds" in out and phrase in out
    assert "good.json  [manual] Mini Republic, turn 5" in out
    assert snapshot(folder) == before


def test_the_load_screen_lists_good_saves_and_marks_bad_ones(good_text: str,
                                                            tmp_path: Path) -> None:
    from game.ui.saves import all_saves, latest

    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / "good.json").write_text(good_text, encoding="utf-8")
    for name, (token, _) in HOSTILE.items():
        (folder / f"{name}.json").write_text(hostile(good_text, "state", token), "utf-8")
    time.sleep(0.01)
    before = snapshot(folder)
    listed = {s.path.name: s for s in all_saves(folder)}
    assert set(listed) == {"good.json", *(f"{name}.json" for name in HOSTILE)}
    assert not listed["good.json"].problem and listed["good.json"].turn == 5
    assert all("damaged: it holds" in listed[f"{name}.json"].problem for name in HOSTILE)
    latest_save = latest(folder)
    assert latest_save is not None and latest_save.path.name == "good.json"
    assert snapshot(folder) == before


def test_the_recovery_offer_skips_hostile_backups_and_autosaves(
        good_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    career = folder / "career.json"
    career.write_text(hostile(good_text, "state", "NaN"), encoding="utf-8")
    backup_path(career).write_text(hostile(good_text, "meta", "1e999"), encoding="utf-8")
    (folder / "autosave-abc-1.json").write_text(good_text, encoding="utf-8")
    newer = folder / "autosave-abc-2.json"
    newer.write_text(hostile(good_text, "scenario", "9" * 5000), encoding="utf-8")
    os.utime(folder / "autosave-abc-1.json", (time.time() - 60, time.time() - 60))
    before = snapshot(folder)
    code, _, err = cli(capsys, "play", "--headless", "--load", str(career))
    assert code == 1 and err.count("\n") == 1
    assert err.endswith(f"try {folder / 'autosave-abc-1.json'} instead\n")
    assert snapshot(folder) == before


@pytest.mark.parametrize(("field", "value", "phrase"), [
    ("turn", 999, "says turn is 999, but its state gives 5"),
    ("player_name", "Someone Else", 'says player_name is "Someone Else"'),
    ("highest_position", "president", 'says highest_position is "president"'),
    ("result", "won", 'says result is "won", but its state gives null'),
    ("seed", 4, "says seed is 4, but its state gives 3"),
])
def test_an_edited_meta_block_with_resealed_checksums_is_refused(
        field: str, value: Any, phrase: str, good_text: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    raw = json.loads(good_text)
    raw["meta"][field] = value
    forged = tmp_path / "forged.json"
    forged.write_bytes(reseal(raw))
    before = snapshot(tmp_path)
    with pytest.raises(SaveError, match="its meta block says"):
        read_save(forged)
    code, _, err = cli(capsys, "replay", str(forged), "--verify", "--quiet")
    assert code == 1 and phrase in err and err.count("\n") == 1
    code, out, _ = cli(capsys, "saves", "--save-dir", str(tmp_path))
    assert code == 0 and "forged.json  CANNOT LOAD: damaged: its meta block" in out
    assert snapshot(tmp_path) == before


# ------------------------------------------------------------------ writing
def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_stale_temp_files_of_a_killed_writer_are_cleaned_on_the_next_save(
        tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    dead = 999_999_999  # no such process: a writer killed mid-save
    stale = [folder / f".career.json.{dead}.140.0.tmp", folder / f".career.json.bak.{dead}.7.3.tmp",
             folder / f".other.json.{dead}.1.12.tmp"]
    kept = {
        "fresh": folder / f".career.json.{dead}.140.1.tmp",  # a writer still at work
        "ours": folder / f".career.json.{os.getpid()}.1.1.tmp",  # this process's own
        "foreign-hidden": folder / ".notes.tmp",
        "foreign-pattern": folder / ".career.json.tmp",
        "visible": folder / f"career.json.{dead}.1.1.tmp",
        "user-file": folder / "keep.txt",
    }
    for path in [*stale, *kept.values()]:
        path.write_bytes(b"partial")
    for path in [*stale, *(kept[k] for k in ("ours", "foreign-hidden", "foreign-pattern",
                                              "visible", "user-file"))]:
        _age(path, 2 * 3600)
    linked = folder / f".linked.json.bak.{dead}.1.1.tmp"  # still a name of a live save
    (folder / "linked.json").write_bytes(b"{}")
    os.link(folder / "linked.json", linked)
    _age(linked, 2 * 3600)
    write_save(folder / "career.json", record_at(1, 2).snapshot())
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in kept.values())
    assert linked.exists()


def test_a_backup_already_in_place_leaves_no_staged_copy(tmp_path: Path) -> None:
    """Two writers can stage the same old version as the backup; POSIX rename then does
    nothing, and the staged name must still go."""
    path = tmp_path / "career.json"
    path.write_bytes(b"old")
    os.link(path, backup_path(path))  # what a concurrent writer's rename left
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new" and backup_path(path).read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["career.json", "career.json.bak"]


WRITER = """
import sys
from pathlib import Path
from game.persistence.atomic import atomic_write
for n in range(int(sys.argv[2])):
    atomic_write(Path(sys.argv[1]), f"{sys.argv[3]}-{n}".encode() * 100)
"""


def test_concurrent_writers_leave_one_file_its_backup_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "career.json"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), "40", str(n)])
               for n in range(3)]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["career.json", "career.json.bak"]


# ------------------------------------------------------------------ milestones
def test_one_milestone_per_new_office(tmp_path: Path) -> None:
    record = record_at(2, 3)
    saver = Autosaver(tmp_path, "c0ffee", held={"member"})
    paths = saver.after_turn(record.snapshot("autosave"), ["member", "mayor"])
    assert [p.name for p in paths if p.name.startswith("milestone-")] == [
        "milestone-c0ffee-t003-mayor.json"]
    again = saver.after_turn(record.snapshot("autosave"), ["mayor", "mayor"])
    assert not [p for p in again if p.name.startswith("milestone-")]


def test_an_office_won_again_gets_no_second_milestone(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    """In nusantara (seed 7) the player joins a campaign team in turn 2 and again in turn 7."""
    code, out, _ = cli(capsys, "play", "--headless", "--seed", "7", "--turns", "7",
                       "--autosave", "--save-dir", "ms", "--json")
    assert code == 0
    names = [p.name for p in (tmp_path / "ms").iterdir() if p.name.startswith("milestone-")]
    offices = [name.rsplit("-", 1)[1].removesuffix(".json") for name in names]
    assert sorted(offices) == ["campaign_volunteer", "party_member"]
    code, out, _ = cli(capsys, "saves", "--save-dir", "ms", "--format", "json")
    listed = json.loads(out)["saves"]
    assert all(s["problem"] is None for s in listed)
    assert len(list_saves(tmp_path / "ms")) == len(listed)


def test_autosaves_through_the_api_keep_to_new_offices(tmp_path: Path) -> None:
    career = Career.new(str(MINI), seed=3)
    held = set(career.state.player.first_held)
    saver = career.enable_autosave(tmp_path)
    assert saver.held == held


# ------------------------------------------------------------------ files that are not files
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_neither_read_nor_replaced(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Reading a pipe would wait forever; renaming over a device (as root: /dev/null) would
    replace the device itself."""
    import stat

    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(SaveError, match="not a regular file"):
        read_save(pipe)
    with pytest.raises(SaveError, match="could not save: it is not a regular file"):
        write_save(pipe, record_at(1, 2).snapshot())
    code, _, err = cli(capsys, "play", "--headless", "--scenario", str(MINI), "--turns", "1",
                       "--save", str(pipe))
    assert code == 1 and "not a regular file" in err and err.count("\n") == 1
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.json"]


def test_a_save_into_a_path_through_a_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(SaveError, match="a file has the name of a folder on its path"):
        write_save(tmp_path / "file" / "career.json", record_at(1, 2).snapshot())
    assert (tmp_path / "file").read_text() == "x"
