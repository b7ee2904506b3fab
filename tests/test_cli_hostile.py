"""Hostile and mistaken input of the everyday kinds, tried as a new user or an attacker
would: links that lead nowhere or in a circle, absurd numbers on the command line, a
malformed line reference, files that are not what they claim, and messages in Bahasa
Indonesia that must not fall back to English words.  Each gives one line, the right exit
code, no traceback and no changed file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from game.cli import main
from game.content.reference import BEGIN, END

MINI = str(Path(__file__).parent / "data" / "mini")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.delenv("SALURAN_LANG", raising=False)


def entries(folder: Path) -> dict[str, tuple[str, int]]:
    """Every name under ``folder`` (links not followed): what it is and its mtime."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        kind = os.readlink(path) if path.is_symlink() else "dir" if path.is_dir() else \
            path.read_bytes().hex()
        found[str(path)] = (kind, info.st_mtime_ns)
    return found


def one_line(capsys: pytest.CaptureFixture[str], code: int, *argv: str,
             prefix: str = "saluran: error: ") -> str:
    """Run ``saluran ARGV``: exit ``code``, one prefixed error line, nothing changed."""
    before = entries(Path.cwd())
    assert main(list(argv)) == code
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert err.count("\n") == 1 and err.startswith(prefix), err
    assert entries(Path.cwd()) == before
    return err


def a_save(capsys: pytest.CaptureFixture[str], name: str) -> Path:
    assert main(["play", "--headless", "--json", "--scenario", MINI, "--turns", "2",
                 "--save", name]) == 0
    capsys.readouterr()
    return Path(name)


# ------------------------------------------------------------------ links
@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_loop_in_the_save_folder_does_not_hide_the_other_saves(
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path("saves")
    a_save(capsys, "saves/good.json")
    os.symlink("loop-b.json", folder / "loop-a.json")
    os.symlink("loop-a.json", folder / "loop-b.json")
    os.symlink("nowhere.json", folder / "dangling.json")
    before = entries(folder)
    assert main(["saves", "--save-dir", "saves"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "good.json  [manual] Mini Republic" in out
    assert entries(folder) == before


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
@pytest.mark.parametrize("target", ["nowhere.md", "loop.md"])
def test_docs_onto_a_link_to_nothing_is_refused(target: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink(target, "loop.md")  # to a missing file, or to itself (a loop)
    err = one_line(capsys, 1, "schema", "--docs", "loop.md")
    assert "loop.md is a link to a file that does not exist" in err
    assert Path("loop.md").is_symlink()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_docs_and_out_through_a_link_keep_the_link(capsys: pytest.CaptureFixture[str]) -> None:
    Path("real").mkdir()
    Path("real/GUIDE.md").write_text(f"# Guide\n\n{BEGIN}\nstale words\n{END}\n\nmine\n")
    os.symlink("real/GUIDE.md", "GUIDE.md")
    assert main(["schema", "--docs", "GUIDE.md", "--out", "schema"]) == 0
    os.symlink("../schema/scenario.schema.json", "real/scenario.schema.json")
    assert main(["schema", "--out", "real"]) == 0
    capsys.readouterr()
    assert Path("GUIDE.md").is_symlink() and Path("real/scenario.schema.json").is_symlink()
    text = Path("real/GUIDE.md").read_text()
    assert text.startswith("# Guide\n") and text.endswith("\nmine\n")
    assert "stale words" not in text


# ------------------------------------------------------------------ the command line
@pytest.mark.parametrize(("value", "message"), [
    ("9" * 30, "too large: give at most 999999999999999999"),
    ("-" + "9" * 30, "is negative; give 0 or more"),
    ("1" + "0" * 24, "too large"),
])
def test_a_number_too_long_for_an_option_is_called_too_large(
        value: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line(capsys, 2, "play", "--headless", "--seed", value)
    assert message in err and "not a whole number" not in err


@pytest.mark.parametrize("ref", ["games.jsonl#x", "games.jsonl#-1", "games.jsonl#", "#3",
                                 "games.jsonl#\u00b2", "games.jsonl"])
def test_a_malformed_line_reference_is_a_usage_error(ref: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line(capsys, 2, "sim", "--replay", ref)
    assert "expected FILE#K" in err and "(see `saluran sim --help`)" in err
    err = one_line(capsys, 2, "sim", "--replay", ref, "--lang", "id",
                   prefix="saluran: galat: ")
    assert "perlu BERKAS#K" in err and "expected" not in err


# ------------------------------------------------------------------ Bahasa Indonesia
@pytest.mark.parametrize(("content", "said"), [
    ("[1, 2]", "berkas berisi daftar, bukan objek JSON"),
    ('"text"', "berkas berisi teks, bukan objek JSON"),
    ("null", "berkas berisi null, bukan objek JSON"),
    ("true", "berkas berisi true/false, bukan objek JSON"),
    ("12", "berkas berisi angka, bukan objek JSON"),
])
def test_a_file_that_is_no_object_is_said_in_indonesian(
        content: str, said: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path("odd.json").write_text(content)
    err = one_line(capsys, 1, "replay", "odd.json", "--lang", "id", prefix="saluran: galat: ")
    assert said in err
    assert main(["saves", "--save-dir", ".", "--lang", "id"]) == 0
    assert said in capsys.readouterr().out


def test_a_save_that_cannot_be_written_says_why_in_indonesian(
        capsys: pytest.CaptureFixture[str]) -> None:
    Path("taken").mkdir()
    assert main(["play", "--headless", "--json", "--scenario", MINI, "--turns", "1",
                 "--save", "taken", "--lang", "id"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "taken: gagal menyimpan: sudah ada folder dengan nama itu" \
        in err, err
    assert re.search(r"\b(has|that|name)\b", err) is None
    assert Path("taken").is_dir() and not any(Path("taken").iterdir())
