"""Damaged, foreign and newer saves, and failed writes: a clear SaveError every time, an
offer of what does load, and not one byte changed on disk."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import pathlib
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from persistence_helpers import folder_bytes, record_at, reseal

from game.persistence import (
    FORMAT_VERSION,
    GAME_VERSION,
    NewerFormatError,
    SaveError,
    read_save,
    write_save,
)
from game.persistence.format import dump_sha256


@pytest.fixture(autouse=True)
def _own_save_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Autosave look-ups stay inside the test's folder, never the checkout's saves/."""
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "saves"))


@pytest.fixture(scope="module")
def good_bytes() -> bytes:
    """A valid save of a mini career at turn 6."""
    from game.persistence import encode_save

    return encode_save(record_at(3, 6).snapshot())


def _expect_error(path: Path, *phrases: str, kind: type[SaveError] = SaveError) -> SaveError:
    """Loading ``path`` fails with ``kind`` naming ``phrases``; the folder is unchanged."""
    before = folder_bytes(path.parent) if path.parent.is_dir() else {}
    with pytest.raises(kind) as caught:
        read_save(path)
    assert folder_bytes(path.parent) == before if path.parent.is_dir() else True
    message = str(caught.value)
    assert str(path) in message
    for phrase in phrases:
        assert phrase in message, message
    return caught.value


def _edit(good: bytes, change: Callable[[dict[str, Any]], None], seal: bool) -> bytes:
    raw = json.loads(good)
    change(raw)
    return reseal(raw) if seal else json.dumps(raw).encode()


CORRUPTIONS: dict[str, tuple[Callable[[bytes], bytes], tuple[str, ...]]] = {
    "truncated": (lambda b: b[: len(b) // 2], ("truncated", "line")),
    "truncated-at-end": (lambda b: b[:-3], ("truncated",)),
    "empty": (lambda b: b"", ("empty",)),
    "blank": (lambda b: b" \n\n ", ("empty",)),
    "binary": (lambda b: b"\xff\xfe\x00garbage", ("UTF-8",)),
    "list": (lambda b: b"[1, 2]", ("holds a list", "not a JSON object")),
    "string": (lambda b: b'"save"', ("holds a string",)),
    "number": (lambda b: b"42", ("holds a number",)),
    "null": (lambda b: b"null", ("holds null",)),
    "no-format": (lambda b: _edit(b, lambda r: r.pop("format"), False),
                  ("no save format version",)),
    "format-zero": (lambda b: _edit(b, lambda r: r.update(format=0), False),
                    ("unknown save format 0",)),
    "missing-meta": (lambda b: _edit(b, lambda r: r.pop("meta"), False),
                     ("'meta' is missing",)),
    "missing-turn": (lambda b: _edit(b, lambda r: r["meta"].pop("turn"), False),
                     ("'meta/turn' is missing",)),
    "missing-state": (lambda b: _edit(b, lambda r: r.pop("state"), False),
                      ("'state' is missing",)),
    "wrong-type-field": (lambda b: _edit(b, lambda r: r.update(history="moves"), False),
                         ("'history' is wrong",)),
    "unknown-field": (lambda b: _edit(b, lambda r: r.update(cheat=1), False),
                      ("'cheat'",)),
    "state-changed": (lambda b: _edit(b, lambda r: r["state"].update(turn=99), False),
                      ("checksum does not match", "(state)")),
    "history-changed": (lambda b: _edit(b, lambda r: r["history"].pop(), False),
                        ("checksum does not match", "(history)")),
    "meta-changed": (lambda b: _edit(b, lambda r: r["meta"].update(turn=1), False),
                     ("checksum does not match", "(meta)")),
    "bad-history-entry": (lambda b: _edit(b, lambda r: r["history"].append({"kind": "x"}),
                                          True), ("history entry",)),
    "scenario-changed": (lambda b: _edit(b, lambda r: r["scenario"].update(max_turns=3), True),
                         ("embedded scenario",)),
    "scenario-tweaked": (lambda b: _edit(b, lambda r: r["scenario"]["calendar"].update(
        max_turns=30), True), ("does not belong to its embedded scenario",)),
    "state-broken": (lambda b: _edit(b, lambda r: r["state"].pop("actors"), True),
                     ("valid game state",)),
}


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_damaged_saves_fail_clearly_and_change_nothing(name: str, tmp_path: Path,
                                                       good_bytes: bytes) -> None:
    damage, phrases = CORRUPTIONS[name]
    path = tmp_path / "career.json"
    path.write_bytes(damage(good_bytes))
    _expect_error(path, *phrases)


def test_bit_flips_never_load_wrong_content(tmp_path: Path, good_bytes: bytes) -> None:
    """Any single flipped bit either fails with a SaveError or changes nothing that counts
    (e.g. ``1e-05`` vs ``1E-05``)."""
    path = tmp_path / "career.json"
    good = json.loads(good_bytes)
    rng = random.Random(4)
    failures = 0
    for _ in range(150):
        data = bytearray(good_bytes)
        position = rng.randrange(len(data))
        data[position] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
        try:
            loaded = read_save(path)
        except SaveError:
            failures += 1
            assert path.read_bytes() == bytes(data)
            continue
        assert loaded.file.state == good["state"]
        assert loaded.history_dicts == good["history"]
        assert loaded.file.scenario == good["scenario"]
    assert failures > 140


def test_newer_format_names_both_versions(tmp_path: Path, good_bytes: bytes) -> None:
    path = tmp_path / "future.json"
    raw = json.loads(good_bytes)
    raw.update(format=FORMAT_VERSION + 5, game_version="9.9.9", hologram=True)
    path.write_text(json.dumps(raw))
    error = _expect_error(path, f"save format {FORMAT_VERSION + 5}", "game 9.9.9",
                          f"up to {FORMAT_VERSION}", GAME_VERSION, kind=NewerFormatError)
    assert "update the game" in str(error)


def test_missing_file(tmp_path: Path) -> None:
    _expect_error(tmp_path / "nothing.json", "no save file")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "career.json"
    folder.mkdir()
    (folder / "inside.txt").write_text("keep me")
    _expect_error(folder, "folder, not a save file")
    assert (folder / "inside.txt").read_text() == "keep me"


def test_unreadable_file(tmp_path: Path, good_bytes: bytes,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, so chmod 000 would not stop a read: refuse it in open() instead.
    path = tmp_path / "career.json"
    path.write_bytes(good_bytes)
    real_open = pathlib.Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", refuse)
    _expect_error(path, "cannot be read", "permission denied")


def test_read_error_mid_file(tmp_path: Path, good_bytes: bytes,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "career.json"
    path.write_bytes(good_bytes)
    real_open = pathlib.Path.open

    class Failing:
        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def read(self, *args: Any) -> bytes:
            raise OSError(errno.EIO, "Input/output error")

    def failing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        return Failing() if self == path else real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", failing_open)
    _expect_error(path, "cannot be read", "Input/output error")


# ------------------------------------------------------------------ what is offered instead
def test_offers_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "career.json"
    write_save(path, record_at(1, 3).snapshot())
    write_save(path, record_at(1, 5).snapshot())
    backup = tmp_path / "career.json.bak"
    assert read_save(backup).state.turn == 3
    path.write_bytes(path.read_bytes()[:100])
    error = _expect_error(path, str(backup), "left as it is")
    assert error.alternatives == [backup]


def test_offers_the_newest_autosave_that_loads(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    older = write_save(folder / "autosave-c0ffee-1.json", record_at(2, 3).snapshot())
    newer = write_save(folder / "autosave-c0ffee-2.json", record_at(2, 4).snapshot())
    os.utime(older, (1_000_000, 1_000_000))
    broken = write_save(tmp_path / "mine.json", record_at(2, 5).snapshot())
    broken.write_bytes(b"{")
    assert _expect_error(broken).alternatives == [newer]
    newer.write_bytes(b"")  # the newest autosave is damaged too: offer the one that loads
    assert _expect_error(broken).alternatives == [older]


def test_offers_nothing_when_nothing_loads(tmp_path: Path) -> None:
    path = tmp_path / "career.json"
    path.write_bytes(b"nope")
    error = _expect_error(path, "not valid JSON")
    assert error.alternatives == []
    assert "try" not in str(error)


# ------------------------------------------------------------------ failed writes
def _boom(code: int) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


WRITE_FAILURES = {
    "disk-full-on-write": ("write", errno.ENOSPC, "disk is full"),
    "disk-full-on-fsync": ("fsync", errno.ENOSPC, "disk is full"),
    "rename-fails": ("replace", errno.ENOSPC, "disk is full"),
    "read-only-folder": ("open", errno.EROFS, "read-only"),
    "not-writable": ("open", errno.EACCES, "not writable"),
    "quota": ("write", errno.EDQUOT, "quota"),
}


@pytest.mark.parametrize("name", sorted(WRITE_FAILURES))
def test_failed_save_loses_nothing(name: str, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    attr, code, phrase = WRITE_FAILURES[name]
    path = tmp_path / "career.json"
    write_save(path, record_at(1, 2).snapshot())
    write_save(path, record_at(1, 3).snapshot())  # now career.json and career.json.bak
    before = folder_bytes(tmp_path)
    snapshot = record_at(1, 6).snapshot()
    monkeypatch.setattr(os, attr, _boom(code))
    with pytest.raises(SaveError) as caught:
        write_save(path, snapshot)
    monkeypatch.undo()
    assert phrase in str(caught.value) and "untouched" in str(caught.value)
    assert folder_bytes(tmp_path) == before  # old save and backup byte-identical, no debris
    assert read_save(path).state.turn == 3


def test_failed_final_rename_keeps_the_old_backup(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "career.json"
    write_save(path, record_at(1, 2).snapshot())
    write_save(path, record_at(1, 3).snapshot())
    before = folder_bytes(tmp_path)
    real_replace = os.replace

    def fail_on_target(src: Any, dst: Any) -> None:
        if Path(dst) == path:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_target)
    with pytest.raises(SaveError, match="Input/output error"):
        write_save(path, record_at(1, 6).snapshot())
    monkeypatch.undo()
    assert folder_bytes(tmp_path) == before


def test_no_hard_links_falls_back_to_a_copy(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "career.json"
    write_save(path, record_at(1, 2).snapshot())
    first = path.read_bytes()
    monkeypatch.setattr(os, "link", _boom(errno.EPERM))
    write_save(path, record_at(1, 4).snapshot())
    assert (tmp_path / "career.json.bak").read_bytes() == first
    monkeypatch.setattr(shutil, "copyfile", _boom(errno.ENOSPC))
    before = folder_bytes(tmp_path)
    with pytest.raises(SaveError, match="disk is full"):
        write_save(path, record_at(1, 6).snapshot())
    assert folder_bytes(tmp_path) == before


def test_saving_onto_a_folder_fails_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "career.json"
    folder.mkdir()
    with pytest.raises(SaveError, match="could not save"):
        write_save(folder, record_at(1, 2).snapshot())
    assert folder.is_dir() and not any(folder.iterdir())
    assert [p.name for p in tmp_path.iterdir()] == ["career.json"]


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SaveError, match="could not save"):
        write_save(blocker / "sub" / "career.json", record_at(1, 2).snapshot())
    assert blocker.read_text() == "x"


def test_non_finite_numbers_are_refused_before_touching_disk(tmp_path: Path) -> None:
    record = record_at(1, 2)
    record.state.player.resources["funds"] = float("nan")
    with pytest.raises(SaveError, match="cannot be written"):
        write_save(tmp_path / "career.json", record.snapshot())
    assert not any(tmp_path.iterdir())


def test_saves_get_normal_permissions(tmp_path: Path) -> None:
    path = write_save(tmp_path / "career.json", record_at(1, 2).snapshot())
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_checksum_helper_matches_core() -> None:
    from game.core import state_sha256

    record = record_at(1, 2)
    assert dump_sha256(record.snapshot().state) == state_sha256(record.state)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


def test_forged_structures_never_escape_as_tracebacks(tmp_path: Path, good_bytes: bytes) -> None:
    """Swap random parts of a save for values of the wrong shape and reseal the checksums:
    every load either works or raises a SaveError."""
    rng = random.Random(11)
    raw = json.loads(good_bytes)
    targets = [p for p in _paths(raw) if p and p[0] in ("state", "history", "scenario")]
    junk: list[Any] = [None, -1, 2.5, "x", [], {}, [None], {"kind": None}, True]
    path = tmp_path / "forged.json"
    for _ in range(120):
        forged = json.loads(good_bytes)
        where = rng.choice(targets)
        holder = forged
        for key in where[:-1]:
            holder = holder[key]
        holder[where[-1]] = rng.choice(junk)
        path.write_bytes(reseal(forged))
        with contextlib.suppress(SaveError):
            read_save(path)
