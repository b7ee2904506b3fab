"""``saluran schema`` never writes into a file it did not create: existing files that are not
its own output, folders and binary files are refused with one line, and nothing is written
(not even the files that would have been fine) when one target is refused."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.cli import main
from game.content.reference import BEGIN, END
from game.content.schema_export import SCHEMA_FILES


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SALURAN_LANG", raising=False)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``, its bytes and mtime: to prove nothing changed."""
    return {str(p): (p.read_bytes() if p.is_file() else b"", p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if not p.is_dir()}


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run ``saluran schema ARGV``: exit 1, one error line, no traceback; the line."""
    before = snapshot(Path.cwd())
    assert main(["schema", *argv]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("saluran: error: ")
    assert snapshot(Path.cwd()) == before
    return err


PACKAGE_JSON = '{\n  "name": "my-editor-setup",\n  "version": "1.0.0"\n}\n'


def test_docs_refuses_a_file_it_did_not_write(capsys: pytest.CaptureFixture[str]) -> None:
    Path("package.json").write_text(PACKAGE_JSON)
    err = refused(capsys, "--docs", "package.json")
    assert "package.json has no generated reference section" in err
    assert "give a new file name" in err and BEGIN in err
    assert Path("package.json").read_text() == PACKAGE_JSON


def test_docs_refuses_folders_binaries_and_broken_markers(
        capsys: pytest.CaptureFixture[str]) -> None:
    Path("folder").mkdir()
    assert "folder is a folder" in refused(capsys, "--docs", "folder")
    Path("image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    assert "image.png is not a text file" in refused(capsys, "--docs", "image.png")
    Path("half.md").write_text(f"# Notes\n\n{END}\n{BEGIN}\n")
    assert "markers are damaged" in refused(capsys, "--docs", "half.md")
    if hasattr(os, "mkfifo"):
        os.mkfifo("pipe.md")  # never read (it would wait) nor replaced
        assert "pipe.md is not a regular file" in refused(capsys, "--docs", "pipe.md")
    Path("plain").write_text("x")
    assert "plain is a file, not a folder" in refused(capsys, "--docs", "plain/ref.md")


def test_out_refuses_a_file_and_foreign_files_in_the_folder(
        capsys: pytest.CaptureFixture[str]) -> None:
    Path("schema.json").write_text("{}")
    assert "--out schema.json is a file" in refused(capsys, "--out", "schema.json")
    Path("shared").mkdir()
    Path("shared", SCHEMA_FILES[1]).write_text('{"title": "my own schema"}')
    err = refused(capsys, "--out", "shared")
    assert f"{Path('shared', SCHEMA_FILES[1])} exists and was not written by saluran schema" \
        in err
    assert not Path("shared", SCHEMA_FILES[0]).exists()  # nothing written when one is refused
    Path("dirs", SCHEMA_FILES[0]).mkdir(parents=True)
    assert "is a folder" in refused(capsys, "--out", "dirs")


def test_one_refused_target_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    Path("package.json").write_text(PACKAGE_JSON)
    refused(capsys, "--out", "fresh", "--docs", "package.json")
    assert not Path("fresh").exists()


def test_its_own_files_are_regenerated_and_checked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--out", "out", "--docs", "ref.md"]) == 0
    out = capsys.readouterr().out
    assert out.count("wrote ") == len(SCHEMA_FILES) + 1
    text = Path("ref.md").read_text()
    assert text.startswith(BEGIN) and text.rstrip().endswith(END)
    assert json.loads(Path("out", SCHEMA_FILES[0]).read_text())["title"] == "Saluran scenario"
    assert main(["schema", "--out", "out", "--docs", "ref.md", "--check"]) == 0
    Path("out", SCHEMA_FILES[0]).write_text(json.dumps({
        "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Saluran scenario"}))
    assert main(["schema", "--out", "out", "--check"]) == 1
    assert "stale: " in capsys.readouterr().err
    assert main(["schema", "--out", "out", "--docs", "ref.md"]) == 0  # an old output of ours
    assert capsys.readouterr().out == f"wrote {Path('out', SCHEMA_FILES[0])}\n"
    assert main(["schema", "--out", "out", "--check"]) == 0
    assert not [p for p in Path("out").iterdir() if p.name.startswith(".")]  # no temp files
