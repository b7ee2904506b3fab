"""The headless log as a story: a legend, channels on moves and offices, numbers explained,
rivals summed up (in full with --verbose), a closing recap with the score's parts, turn
counts that agree, one header per turn, and all of it in Bahasa Indonesia with --lang id."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.content import load_scenario
from game.core import compile_rulebook, legacy_parts

MINI = str(Path(__file__).parent / "data" / "mini")
WINNER = ("--scenario", MINI, "--seed", "12")  # mini, seed 12: the player wins in turn 10


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.delenv("SALURAN_LANG", raising=False)


def log(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert main(["play", "--headless", *argv]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out.splitlines()


def turns_of(lines: list[str]) -> list[list[str]]:
    """The lines of each turn (header first)."""
    blocks: list[list[str]] = []
    for line in lines:
        if line.startswith("== ") and not line.startswith("== Your") \
                and not line.startswith("== Karier"):
            blocks.append([line])
        elif blocks and line.startswith("  "):
            blocks[-1].append(line)
    return blocks


def test_the_log_opens_with_a_legend_of_every_marker(capsys: pytest.CaptureFixture[str]) -> None:
    lines = log(capsys, *WINNER)
    assert lines[0] == ("Saluran: Mini Republic (mini), seed 12. You start in Jan 2000 at age "
                        "30, against 2 rivals, for up to 20 turns of 6 months.")
    legend = lines[lines.index("What the marks mean:") + 1:lines.index("What the marks mean:") + 8]
    assert [line.split()[0] for line in legend] == ["==", ">", "+", "!", "#", ".", "="]
    assert lines[9].startswith("== Turn 1 - Jan 2000 - age 30 ==")


def test_moves_and_offices_name_their_channel_and_numbers_say_what_they_are(
        capsys: pytest.CaptureFixture[str]) -> None:
    lines = log(capsys, *WINNER)
    moves = [line for line in lines if line.startswith("  > ")]
    assert moves and all(re.match(r"  > \[[^]]+\] ", line) for line in moves)
    assert "  > [Candidate] Rally (success, 52% chance)" in lines
    assert "  + You gained Member [Party member], by a move" in lines
    contests = [line for line in lines if line.startswith("  # ")]
    assert contests and all("% = share of the vote" in line or "pass mark" in line
                            or "party's share" in line for line in contests)
    assert ("  # Presidential election, 1 seat, % = share of the vote: You 88.6% WON; "
            "1 other contender") in lines


def test_rivals_take_one_line_per_turn_unless_verbose(capsys: pytest.CaptureFixture[str]) -> None:
    plain = log(capsys, "--scenario", MINI, "--seed", "3")
    blocks = turns_of(plain)
    assert blocks and all(sum(line.startswith("  . ") for line in b) <= 1 for b in blocks)
    player = sum(line.startswith(("  > ", "  + ", "  - ")) for line in plain)
    rivals = sum(line.startswith("  . ") for line in plain)
    assert rivals <= len(blocks) and rivals < player
    assert any(line.startswith("  . Rivals: ") and "moves" in line for line in plain)
    verbose = log(capsys, "--scenario", MINI, "--seed", "3", "--verbose")
    assert len(verbose) > len(plain)
    assert any(line.startswith("  . Ana: ") for line in verbose)  # a rival's own moves
    assert not any(line.startswith("  . Rivals: ") for line in verbose)


def test_the_recap_tells_the_path_offices_result_and_score_parts(
        capsys: pytest.CaptureFixture[str]) -> None:
    lines = log(capsys, *WINNER)
    recap = lines[lines.index("== Your career =="):]
    assert recap[1] == ("Path through the channels: Party member (Jan 2000) > "
                        "Candidate (Jan 2001)")
    assert recap[2] == "Offices held:"
    assert "  President: from Jul 2004, 0 turns (0 years), held at the end" in recap
    assert "  Chair [Party member]: from Jan 2001, 7 turns (3.5 years), held at the end" in recap
    score = next(line for line in recap if line.startswith("Legacy score "))
    assert "influence gathered 29" in score and "offices 52" in score
    assert "top post 168 (the 10 turns the victory cut short" in score
    total, *parts = [int(n) for n in re.findall(r"(?:score|gathered|offices|post) (\d+)", score)]
    assert total == 249 and abs(sum(parts) - total) <= len(parts)
    assert lines[-1] == ("Result: won in turn 10 of 20 (Jul 2004), at age 34. Legacy score "
                         "249; state 8249a2ebf2e6")


def test_score_parts_are_the_cores(capsys: pytest.CaptureFixture[str]) -> None:
    """The recap prints ``game.core.legacy_parts``, one labelled number per part."""
    main(["play", "--headless", *WINNER, "--save", "won.json", "--json"])
    capsys.readouterr()
    from game.persistence import read_save

    loaded = read_save(Path("won.json"))
    parts = legacy_parts(loaded.state, loaded.state.player)
    assert [p.key for p in parts] == ["influence", "offices", "top_post"]
    lines = log(capsys, *WINNER)
    score = next(line for line in lines if line.startswith("Legacy score "))
    for part in parts:
        assert f" {part.points:.0f}" in score


def test_turns_played_agree_with_turns_asked(capsys: pytest.CaptureFixture[str]) -> None:
    lines = log(capsys, "--scenario", MINI, "--seed", "3", "--turns", "4")
    headers = [line for line in lines if line.startswith("== Turn ")]
    assert headers[-1].startswith("== Turn 4 ")  # no empty header for the turn not played
    assert lines[-1].startswith("Result: in progress after turn 4 of 20 (Jul 2001); the career "
                                "goes on at turn 5 (4 turns played in this run).")
    assert main(["play", "--headless", "--scenario", MINI, "--seed", "3", "--turns", "4",
                 "--json", "--save", "four.json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["last_turn"], summary["turns_played"], summary["turn"]) == (4, 4, 5)
    assert main(["play", "--headless", "--load", "four.json", "--turns", "2", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["last_turn"], summary["turns_played"], summary["turn"]) == (6, 2, 7)


def test_replay_prints_each_turn_header_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--headless", "--scenario", MINI, "--seed", "3", "--turns", "3",
                 "--json", "--save", "three.json"]) == 0
    capsys.readouterr()
    assert main(["replay", "three.json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    headers = [line for line in lines if line.startswith("== Turn ")]
    assert [h.split()[2] for h in headers] == ["1", "2", "3"]
    assert lines[-2].startswith("Replayed ") and "in progress after turn 3 of 20" in lines[-2]
    assert lines[-1] == "The replay reaches the saved state exactly."


#: Words of the English log frame that must not show in an Indonesian log.
ENGLISH = ["Turn", "age", "You", "gained", "lost", "chose", "success", "failure", "seat",
           "seats", "WON", "Result", "Rivals", "moves", "legacy", "score", "Career", "over",
           "time up", "chance", "World", "Legacy", "Offices", "Path", "held", "from", "turns",
           "years", "state", "other contenders", "share of the vote", "pass mark", "by",
           "May", "Aug", "Oct", "Dec", "What the marks mean", "your", "in progress"]


@pytest.mark.parametrize("argv", [
    ("--scenario", MINI, "--seed", "12", "--verbose"),  # a won career, every rival detail
    ("--scenario", MINI, "--seed", "3"),  # a career to its end
    ("--seed", "7", "--turns", "14"),  # nusantara: list elections, exams, party contests
])
def test_an_indonesian_log_has_no_english_frame_words(
        argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    lines = log(capsys, "--lang", "id", *argv)
    book = compile_rulebook(load_scenario(argv[1] if argv[0] == "--scenario" else "nusantara"))
    english = ENGLISH + [r.name["en"] for r in book.scenario.resources
                         if r.name["en"] != r.name.get("id")]
    text = "\n".join(lines)
    for word in english:
        found = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
        assert found is None, f"{word!r}: {text[max(found.start() - 60, 0):found.end() + 20]}"
    assert "== Giliran 1 - Jan " in text and "Hasil: " in lines[-1]
    assert "Arti tanda-tanda:" in text and "== Karier Anda ==" in text
