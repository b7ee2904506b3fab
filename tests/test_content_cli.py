"""The modding commands: ``saluran validate``, ``saluran scenarios``, ``saluran schema``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli import main
from game.content import use_mods_folder

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"
BROKEN = DATA / "broken"
ISSUE_KEYS = {"code", "severity", "message", "file", "line", "column", "pointer", "object_id"}


@pytest.fixture(autouse=True)
def _default_mods() -> Iterator[None]:
    yield
    use_mods_folder(None)


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_validate_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MINI), "--strict"]) == 0
    assert "0 error(s), 0 warning(s) in 1 scenario(s)" in capsys.readouterr().err


def test_validate_errors_exit_1_with_places(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BROKEN / "unknown_key.json")]) == 1
    out = capsys.readouterr().out
    assert "unknown_key.json:491:4: error unknown-key [join] at /moves/0/efects" in out


def test_warnings_fail_only_when_strict() -> None:
    case = str(BROKEN / "missing_translation.json")
    assert main(["validate", case]) == 0
    assert main(["validate", case, "--strict"]) == 1


def test_validate_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BROKEN / "unknown_id.json"), str(MINI), "--format",
                 "json"]) == 1
    report = _json(capsys)
    assert isinstance(report, dict)
    assert report["errors"] == 1 and report["warnings"] == 0 and report["ok"] is False
    assert len(report["scenarios"]) == 2
    [issue] = report["issues"]
    assert set(issue) == ISSUE_KEYS
    assert issue["code"] == "unknown-id" and issue["line"] > 0 and issue["object_id"]


def test_validate_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATA / "no-such-thing")]) == 1  # refused input
    assert capsys.readouterr().err.startswith("saluran: error: no such file or folder")
    assert main(["validate"]) == 2
    assert main(["validate", str(MINI), "--smoke", "-1"]) == 2
    capsys.readouterr()


def test_validate_the_whole_corpus_never_raises(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(BROKEN), *map(str, sorted(BROKEN.glob("*.json")))]
    assert main(["validate", *paths, "--format", "json"]) == 1
    report = _json(capsys)
    assert isinstance(report, dict) and report["errors"] > 30
    assert all(isinstance(s["id"], str) and s["id"] for s in report["scenarios"])  # never null
    assert all(isinstance(i["object_id"], str) for i in report["issues"])


def test_smoke(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MINI), "--smoke", "3", "--strict"]) == 0
    capsys.readouterr()


def test_scenarios_lists_shipped_and_mods(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((MINI / "scenario.json").read_text(encoding="utf-8"))
    data["id"] = "kecil"
    (tmp_path / "kecil").mkdir()
    (tmp_path / "kecil" / "scenario.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "scenario.json").write_text("{", encoding="utf-8")
    assert main(["scenarios", "--format", "json", "--mods", str(tmp_path)]) == 0
    rows = _json(capsys)
    assert isinstance(rows, list)
    by_id = {r["id"]: r for r in rows}
    assert by_id["nusantara"]["source"] == "shipped"
    assert by_id["kecil"] == {**by_id["kecil"], "name": "Mini Republic",
                              "system": "presidential", "source": "mods", "playable": True}
    assert by_id["broken"]["playable"] is False
    assert all({"id", "name", "system", "source"} <= set(r) for r in rows)
    assert main(["--mods", str(tmp_path), "scenarios", "--lang", "id"]) == 0
    text = capsys.readouterr().out
    assert "Republik Mini" in text and "kecil" in text


def test_global_mods_option_reaches_play(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((MINI / "scenario.json").read_text(encoding="utf-8"))
    data["id"] = "kecil"
    (tmp_path / "kecil").mkdir()
    (tmp_path / "kecil" / "scenario.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["--mods", str(tmp_path), "play", "--headless", "--scenario", "kecil",
                 "--turns", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["scenario"] == "kecil"


def test_schema_out_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "schema"
    assert main(["schema", "--out", str(out), "--check"]) == 1
    assert main(["schema", "--out", str(out)]) == 0
    assert main(["schema", "--out", str(out), "--check"]) == 0
    scenario = json.loads((out / "scenario.schema.json").read_text(encoding="utf-8"))
    assert scenario["$schema"].startswith("https://json-schema.org/")
    capsys.readouterr()
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Saluran scenario"


def test_schema_docs_keeps_the_hand_written_part(tmp_path: Path) -> None:
    from game.content.reference import BEGIN, END

    doc = tmp_path / "MODDING.md"
    doc.write_text(f"# Guide\n\nHand-written.\n\n{BEGIN}\n{END}\n\nMore.\n", encoding="utf-8")
    assert main(["schema", "--docs", str(doc)]) == 0
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Guide\n\nHand-written.\n") and "#### `holds` (condition)" in text
    assert text.endswith("\n\nMore.\n")
    assert main(["schema", "--docs", str(doc), "--check"]) == 0


def test_ids_reference_page_stays_true() -> None:
    """docs/SCENARIO_IDS.md is what `saluran scenarios --ids all --format markdown` prints."""
    from game.content.idref import markdown, scenario_ids, shipped_ids

    page = (Path(__file__).parents[1] / "docs" / "SCENARIO_IDS.md").read_text(encoding="utf-8")
    assert page == markdown([scenario_ids(sid) for sid in shipped_ids()])


def test_scenarios_ids_lists_what_a_patch_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "--ids", "nusantara", "--format", "json"]) == 0
    listing = _json(capsys)
    assert isinstance(listing, dict) and listing["id"] == "nusantara"
    assert ["media_campaign", "Buy a media campaign"] in listing["ids"]["moves"]
    assert main(["scenarios", "--ids", "nusantra"]) == 1
    assert "did you mean 'nusantara'" in capsys.readouterr().out


def test_validate_json_names_broken_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BROKEN / "patch_unknown"), "--format", "json"]) == 1
    report = _json(capsys)
    assert isinstance(report, dict)
    assert [s["id"] for s in report["scenarios"]] == ["patch_unknown"]
    assert report["issues"][0]["object_id"] == "stdy"
