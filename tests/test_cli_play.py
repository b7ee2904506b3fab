"""``saluran play --headless`` and the API as a user meets them, bad input included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.api import Career, IllegalMove
from game.cli import build_parser, main
from game.core import MakeMove, canonical_json

MINI = str(Path(__file__).parent / "data" / "mini")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_the_sub_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("play", "bench", "policies"):
        assert command in out
    assert build_parser().prog == "saluran"


def test_policies_name_each_persona_s_road_and_start(capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    code, out, _ = run(capsys, "policies", "--scenario", "nusantara")
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("diplomat "))
    assert "through Diplomat" in line and "background: Diplomat's child" in line
    code, out, _ = run(capsys, "policies", "--scenario", "nusantara", "--lang", "id")
    assert "latar belakang: Anak diplomat" in out


def test_headless_json_summary_is_the_last_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "play", "--headless", "--scenario", MINI, "--seed", "2",
                       "--turns", "4", "--json")
    assert code == 0
    summary = json.loads(out.strip().splitlines()[-1])
    assert {"turn", "result", "score", "state_sha256"} <= set(summary)
    assert summary["turn"] == 5 and summary["result"] is None
    assert len(summary["state_sha256"]) == 64


def test_headless_plays_to_the_end_without_turns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "play", "--headless", "--scenario", MINI, "--json")
    assert code == 0
    assert json.loads(out.strip().splitlines()[-1])["result"] in (
        "won", "ruined", "retired", "time_up")


def test_headless_log_tells_the_career(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "play", "--headless", "--scenario", MINI, "--seed", "1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Saluran: Mini Republic (mini), seed 1.")
    assert "== Turn 1 - Jan 2000 - age 30 ==" in lines
    assert "  > " in out  # the player's moves
    assert "  # " in out  # contests with shares
    assert lines[-1].startswith("Result:")


@pytest.mark.parametrize(("argv", "expected_code", "message"), [
    (("play", "--headless", "--scenario", "atlantis"), 1, "no scenario 'atlantis'"),
    (("play", "--headless", "--scenario", "nusantra"), 1, "did you mean 'nusantara'"),
    (("play", "--headless", "--turns", "-3"), 2, "negative"),
    (("play", "--headless", "--turns", "many"), 2, "not a whole number"),
    (("play", "--headless", "--ai", "oracle", "--scenario", MINI), 1, "unknown policy 'oracle'"),
    (("play", "--headless", "--load", "/nonexistent/save.json"), 1, "save"),
])
def test_bad_input_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], expected_code: int, message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == expected_code
    assert message in err
    assert "Traceback" not in err + out


def test_malformed_scenario_is_reported_with_its_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "scenario.json").write_text('{"id": "broken", "name": ', encoding="utf-8")
    before = (broken / "scenario.json").read_bytes()
    code, _, err = run(capsys, "play", "--headless", "--scenario", str(broken))
    assert code == 1
    assert "scenario.json:1:" in err and "Traceback" not in err
    assert (broken / "scenario.json").read_bytes() == before


def test_illegal_move_through_the_api_changes_nothing() -> None:
    career = Career.new(MINI, seed=5)
    before = canonical_json(career.dump())
    with pytest.raises(IllegalMove, match="refused"):
        career.apply(MakeMove(career.player_id, "run_mayor"))  # no election is near
    with pytest.raises(IllegalMove):
        career.apply(MakeMove(career.player_id, "no_such_move"))
    with pytest.raises(IllegalMove):
        career.apply(MakeMove("ana", "meet"))  # not Ana's decision
    assert canonical_json(career.dump()) == before
    assert career.history == []
