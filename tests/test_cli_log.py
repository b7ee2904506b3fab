"""The headless log as a story: a legend, channels on moves and offices, numbers explained,
rivals summed up (in full with --verbose), a closing recap with the score's parts, turn
counts that agree, one header per turn, and all of it in Bahasa Indonesia with --lang id."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.cli.messages import catalogue
from game.content import load_scenario
from game.core import compile_rulebook, legacy_parts
from game.persistence.errors import PHRASES, REASONS

MINI = str(Path(__file__).parent / "data" / "mini")


@pytest.fixture(scope="module")
def winner() -> tuple[str, ...]:
    """``--scenario``/``--seed`` of the first mini career the greedy player wins before its
    last turn (the log of such a victory has every part: the top post, the score's credit
    for the turns the victory cut short)."""
    from game.api import Career

    for seed in range(100):
        career = Career.new(MINI, seed=seed)
        career.play_to_end("greedy")
        if career.result == "won" and career.state.turn < career.book.scenario.max_turns:
            return ("--scenario", MINI, "--seed", str(seed))
    raise AssertionError("no mini career won in 100 seeds")


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
    lines = log(capsys, "--scenario", MINI, "--seed", "3")
    assert lines[0] == ("Saluran: Mini Republic (mini), seed 3. You start in Jan 2000 at age "
                        "30, against 2 rivals, for up to 20 turns of 6 months.")
    legend = lines[lines.index("What the marks mean:") + 1:lines.index("What the marks mean:") + 9]
    assert [line.split()[0] for line in legend] == ["==", ">", "+", "!", "#", "*", ".", "="]
    assert lines[10].startswith("== Turn 1 - Jan 2000 - age 30 ==")
    told = [line for line in lines[10:lines.index("== Your career ==")]
            if not line.startswith("== ")]
    marks = {line[2] for line in told}
    assert marks <= {">", "+", "-", "!", "#", "*", ".", "=", " "}, marks  # each one explained
    assert any(line.startswith("  * ") for line in told)


def test_moves_and_offices_name_their_channel_and_numbers_say_what_they_are(
        capsys: pytest.CaptureFixture[str], winner: tuple[str, ...]) -> None:
    lines = log(capsys, *winner)
    moves = [line for line in lines if line.startswith("  > ")]
    assert moves and all(re.match(r"  > \[[^]]+\] ", line) for line in moves)
    assert any(re.fullmatch(r"  > \[\w[\w ]*\] .+ \((success|failure), \d+% chance\)", line)
               for line in moves)
    assert any(re.fullmatch(r"  \+ You gained .+ \[Party member\], by .+", line)
               for line in lines)
    contests = [line for line in lines if line.startswith("  # ")]
    assert contests and all("% = share of the vote" in line or "pass mark" in line
                            or "party's share" in line for line in contests)
    assert any(re.fullmatch(r"  # Presidential election, 1 seat, % = share of the vote: "
                            r"You \d+\.\d% WON.*", line) for line in contests)


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
        capsys: pytest.CaptureFixture[str], winner: tuple[str, ...]) -> None:
    """Every line of the recap, checked against the saved state of the same career."""
    from game.persistence import read_save

    lines = log(capsys, *winner, "--save", "won.json")
    state = read_save(Path("won.json")).state
    player, book = state.player, state.book
    recap = lines[lines.index("== Your career =="):]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    def date(turn: int) -> str:
        elapsed = (turn - 1) * book.scenario.months_per_turn
        return f"{months[elapsed % 12]} {book.scenario.start_year + elapsed // 12}"

    entered = sorted(player.channels.items(), key=lambda item: item[1])
    assert recap[1] == "Path through the channels: " + " > ".join(
        f"{book.channels[c].name['en']} ({date(turn)})" for c, turn in entered)
    assert recap[2] == "Offices held:"
    offices = recap[3:3 + len(player.first_held)]
    for pid, first in player.first_held.items():
        name = book.positions[pid].name["en"]
        line = next(line for line in offices if line.startswith(f"  {name}"))
        assert f": from {date(first)}, {player.turns_held.get(pid, 0)} turn" in line
        assert line.endswith(", held at the end") == (pid in player.positions)
    score = recap[3 + len(player.first_held)]
    parts = legacy_parts(state, player)
    assert [p.key for p in parts] == ["influence", "offices", "top_post"]
    assert score.startswith(f"Legacy score {sum(p.points for p in parts):.0f} = influence "
                            f"gathered {parts[0].points:.0f} + offices {parts[1].points:.0f} (")
    assert f"+ top post {parts[2].points:.0f} (the {parts[2].turns} turns the victory" in score
    assert re.fullmatch(rf"Result: won in turn {state.turn} of 20 \({date(state.turn)}\), at "
                        r"age \d+\. Legacy score \d+; state [0-9a-f]{12}", lines[-1])


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


def english_only_words() -> set[str]:
    """Every word the English catalogue (with the save problems) uses and the Indonesian one
    never does: the frame of anything printed, so that none may show in Bahasa Indonesia."""
    def words(templates: list[str]) -> set[str]:
        text = re.sub(r"\{[^}]*\}|%\(\w+\)s|%s", " ", " ".join(templates))
        return set(re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]", text))

    english = [*catalogue("en").values(), *REASONS.values(), *PHRASES.values()]
    return words(english) - words(list(catalogue("id").values()))


@pytest.mark.parametrize("argv", [
    ("winner", "--verbose"),  # a won career, every rival detail
    ("--scenario", MINI, "--seed", "3"),  # a career to its end
    ("--seed", "7", "--turns", "14"),  # nusantara: list elections, exams, party contests
])
def test_an_indonesian_log_has_no_english_frame_words(
        argv: tuple[str, ...], capsys: pytest.CaptureFixture[str],
        winner: tuple[str, ...]) -> None:
    if argv[0] == "winner":
        argv = (*winner, *argv[1:])
    lines = log(capsys, "--lang", "id", *argv)
    book = compile_rulebook(load_scenario(argv[1] if argv[0] == "--scenario" else "nusantara"))
    english = ENGLISH + [r.name["en"] for r in book.scenario.resources
                         if r.name["en"] != r.name.get("id")] + sorted(english_only_words())
    text = "\n".join(lines)
    for word in english:
        found = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
        assert found is None, f"{word!r}: {text[max(found.start() - 60, 0):found.end() + 20]}"
    assert "== Giliran 1 - Jan " in text and "Hasil: " in lines[-1]
    assert "Arti tanda-tanda:" in text and "== Karier Anda ==" in text


@pytest.mark.parametrize("argv", [
    ("play", "--headless", "--seed", "-1"),
    ("play", "--headless", "--load", "run", "--seed", "2"),
    ("play", "--headless", "--scenario", MINI, "--ai", "oracle"),
    ("replay", "daftar.json"),
    ("replay", "rusak.json"),
    ("play", "--headless", "--scenario", MINI, "--turns", "1", "--save", "terpakai"),
    ("saves", "--save-dir", "nowhere"),
    ("sim", "--replay", "x#y"),
    ("schema", "--docs", "terpakai"),
])
def test_indonesian_errors_have_no_english_frame_words(
        argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    Path("daftar.json").write_text("[1]")
    Path("rusak.json").write_text('{"format": 2, "x": NaN}')
    Path("terpakai").mkdir()
    assert main([*argv, "--lang", "id"]) in (1, 2)
    err = capsys.readouterr().err
    assert err.startswith("saluran: galat: ") and err.count("\n") == 1
    message = err.replace("saluran play", "").replace("saluran sim", "")
    for word in sorted(english_only_words()):
        found = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", message)
        assert found is None, f"{word!r} in {err!r}"
